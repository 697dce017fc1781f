//! The matches of words already typed, kept from one keystroke to the
//! next: while `streaming` is typed after `spark `, every keystroke asked
//! each document's fields about `spark` again. A word before the last one
//! is finished, so its best field in every document and its text matches
//! are worked out once and remembered; the word being typed changes with
//! each key and is matched as before (remembering it as well cost more
//! than the space that finishes it saved: BENCHMARKS.md, "Fields the word
//! before could match"). Its text matches are kept here, compactly, rather
//! than made again each keystroke from the scan's remembered occurrences,
//! which then need not be kept for the finished words (BENCHMARKS.md,
//! "Finished words' text matches kept with their fields").
//!
//! Owns the memory; when a word is remembered is `keystroke`'s, matching
//! a field `short_match`'s.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use super::Field;
use super::query::Pattern;
use super::scan::{TextMatch, TextMatches};
use super::term::{Loc, Scope, TermMatch};

/// Words remembered: the finished words of a query of several words, and
/// one from before a word was changed. Each takes 0.8 MB at 100,000 notes.
const WORDS: usize = 6;

/// A document's best short-field match of a word, in 8 bytes. Short
/// fields number far below 2³², and a word's score (a field's weight and
/// a quality of at most [`super::quality::MAX_QUALITY`]) stays below
/// 2¹⁶.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ShortBest {
    short: u32,
    score: u16,
    field: Field,
}

impl ShortBest {
    /// A match in a short field as kept; `None` for none.
    pub(super) fn of(m: Option<TermMatch>) -> Option<ShortBest> {
        let m = m?;
        let Loc::Short(si) = m.loc else {
            return None;
        };
        Some(ShortBest {
            short: u32::try_from(si).ok()?,
            score: u16::try_from(m.score).ok()?,
            field: m.field,
        })
    }

    /// The match as the engine passes it.
    pub(super) fn term_match(self) -> TermMatch {
        TermMatch {
            field: self.field,
            score: i64::from(self.score),
            loc: Loc::Short(self.short as usize),
        }
    }
}

/// A finished word's best match in one document: in a short field, else
/// in its text (a short field outweighs any text match, so the text
/// match of a document with a short one is not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordMatch {
    Short(ShortBest),
    Text(TextMatch),
}

/// A [`WordMatch`] as kept, its fields inline so that the kind of match
/// takes no room of its own: 8 bytes, with `None` for no match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kept {
    Short {
        short: u32,
        score: u16,
        field: Field,
    },
    Text {
        at: u32,
        variant: u8,
        field: Option<Field>,
    },
}

// What the memory holds for each document of each word it keeps.
const _: () = assert!(std::mem::size_of::<Option<Kept>>() == 8);

impl From<WordMatch> for Kept {
    fn from(m: WordMatch) -> Kept {
        match m {
            WordMatch::Short(ShortBest {
                short,
                score,
                field,
            }) => Kept::Short {
                short,
                score,
                field,
            },
            WordMatch::Text(TextMatch { at, variant, field }) => Kept::Text { at, variant, field },
        }
    }
}

impl From<Kept> for WordMatch {
    fn from(k: Kept) -> WordMatch {
        match k {
            Kept::Short {
                short,
                score,
                field,
            } => WordMatch::Short(ShortBest {
                short,
                score,
                field,
            }),
            Kept::Text { at, variant, field } => WordMatch::Text(TextMatch { at, variant, field }),
        }
    }
}

/// A finished word's matches in every document, 8 bytes each, and what
/// its text matches are attributed and scored with (its table of text
/// matches, kept without the matches themselves). At 100,000 notes,
/// 0.8 MB a word, where a table of short-field matches and one of text
/// matches took 2 MB.
#[derive(Debug)]
pub(super) struct FinishedWord {
    by_doc: Vec<Option<Kept>>,
    text: Option<TextMatches>,
}

impl FinishedWord {
    /// The word's best short-field match in each document, and its text
    /// matches when it is looked for in the text (not for `title:`).
    pub(super) fn new(bests: &[Option<ShortBest>], mut text: Option<TextMatches>) -> Self {
        let in_text = text.as_mut().map(TextMatches::take_matches);
        let by_doc = bests
            .iter()
            .enumerate()
            .map(|(d, best)| {
                let m = match best {
                    Some(b) => WordMatch::Short(*b),
                    None => WordMatch::Text(in_text.as_ref()?.get(d).copied().flatten()?),
                };
                Some(Kept::from(m))
            })
            .collect();
        FinishedWord { by_doc, text }
    }

    /// Document `d`'s best match, if the word matches it.
    pub(super) fn get(&self, d: usize) -> Option<WordMatch> {
        self.by_doc.get(d).copied().flatten().map(WordMatch::from)
    }

    /// The table the word's text matches are attributed and scored with.
    pub(super) fn text(&self) -> Option<&TextMatches> {
        self.text.as_ref()
    }
}

/// A finished word's matches, shared by the memory and the keystrokes
/// that use them.
pub(super) type Finished = Arc<FinishedWord>;

/// Recent words' matches, by what the word is matched as.
#[derive(Debug, Default)]
pub(super) struct WordMemo {
    recent: VecDeque<(String, Finished)>,
}

/// The memo behind a lock, so a shared index can be searched from any
/// thread; a poisoned lock only means matching the word again.
pub(super) type SharedWordMemo = Mutex<WordMemo>;

impl WordMemo {
    /// A word's matches, if remembered; it is then the last forgotten.
    /// The finished words of the query being typed stay so, while the
    /// word being typed comes and goes.
    pub(super) fn get(&mut self, key: &str) -> Option<Finished> {
        let at = self.recent.iter().position(|(k, _)| k == key)?;
        let found = self.recent.remove(at)?;
        let matches = Arc::clone(&found.1);
        self.recent.push_back(found);
        Some(matches)
    }

    /// Remembers a word's matches, forgetting the oldest past [`WORDS`].
    pub(super) fn remember(&mut self, key: String, matches: Finished) {
        self.recent.retain(|(k, _)| *k != key);
        if self.recent.len() == WORDS {
            self.recent.pop_front();
        }
        self.recent.push_back((key, matches));
    }

    /// Forgets every word.
    pub(super) fn forget(&mut self) {
        self.recent.clear();
    }

    /// How many words are remembered.
    #[cfg(test)]
    pub(super) fn remembered(&self) -> usize {
        self.recent.len()
    }
}

/// What decides a word's short-field matches: where it may match, its
/// folded text and every form it is tried in.
pub(super) fn key(scope: Scope, p: &Pattern) -> String {
    let mut key = format!("{scope:?}\u{1}{}", p.folded);
    for v in &p.variants {
        let _ = write!(key, "\u{1}{:?}\u{2}{}\u{2}{:?}", v.form, v.text, v.exact);
    }
    key
}

#[cfg(test)]
#[path = "word_memo_tests.rs"]
pub(super) mod tests;
