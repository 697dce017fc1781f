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
use super::scan::TextMatches;
use super::term::{Loc, Scope, TermMatch};

/// Words remembered: the finished words of a query of several words, and
/// one from before a word was changed. Each takes 2 MB at 100,000 notes.
const WORDS: usize = 6;

/// Each document's best short-field match of a word, by document.
pub(super) type ShortBests = Arc<Vec<Option<ShortBest>>>;

/// A document's best short-field match of a word, in 12 bytes: a memory
/// holds one for each document of the index (at 100,000 notes 1.2 MB a
/// word, where the match as the engine passes it took 3.2 MB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ShortBest {
    short: u32,
    score: i32,
    field: Field,
}

impl ShortBest {
    /// A match in a short field as kept; `None` for none. Short fields
    /// number far below 2³² and a word's score stays below 10,000.
    pub(super) fn of(m: Option<TermMatch>) -> Option<ShortBest> {
        let m = m?;
        let Loc::Short(si) = m.loc else {
            return None;
        };
        Some(ShortBest {
            short: u32::try_from(si).ok()?,
            score: i32::try_from(m.score).ok()?,
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

/// A finished word's matches: in each document's short fields, and in
/// its text when the word is looked for there (not for `title:`).
pub(super) type Finished = (ShortBests, Option<Arc<TextMatches>>);

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
        let matches = found.1.clone();
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
