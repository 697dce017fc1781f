//! [`Passage`]: a text read from a note's body, kept once. A question
//! quotes its note: its stem, options and explanations are most often
//! written word for word in the body, as is the key point (one line, most
//! often). A note parsed alone holds these texts; once the load has put
//! its body in [`Vault::texts`], each text found there word for word is a
//! place in that text instead, held with the text itself (an `Arc`), so a
//! question reads its own texts without the vault. On the generated
//! 100,000-note vault question texts took about 80 MB and key points 36 MB
//! beside the text they come from (issue #15's memory figure;
//! BENCHMARKS.md, "Question texts kept once, capitals by their distances, 초성 in place").
//!
//! Owns this form and the two steps that make it: [`Passage::keep_in`]
//! while the load assembles, [`Passage::attach`] once the text is folded.
//! [`super::lettered::Lettered`] does the same for options and
//! explanations.
//!
//! [`Vault::texts`]: super::Vault::texts

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::text::fold::FoldedText;

/// One text read from a note's body (a question's, or the note's key
/// point): its own, or bytes of the vault's text.
#[derive(Clone)]
pub enum Passage {
    Own(Box<str>),
    /// Bytes of the vault's text, folded there.
    Shared(Arc<FoldedText>, Range<u32>),
}

impl Passage {
    /// The text as written.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Passage::Own(text) => Cow::Borrowed(text),
            Passage::Shared(all, range) => written(all, range),
        }
    }

    /// Becomes a place in the vault's text when its note's body holds it
    /// word for word where `quotes` looks.
    pub(crate) fn keep_in(&mut self, quotes: &mut Quotes<'_>) {
        if let Passage::Own(text) = self
            && let Some(range) = quotes.place(text)
        {
            *self = Passage::Shared(Arc::clone(quotes.pending), range);
        }
    }

    /// Points a place at the vault's text, once it is made.
    pub(crate) fn attach(&mut self, text: &Arc<FoldedText>) {
        if let Passage::Shared(all, _) = self {
            *all = Arc::clone(text);
        }
    }
}

/// Finds texts in a note's body as the load moves the body into the
/// vault's text: one question's texts (or the key point) at a time, each
/// looked for where the last one ended (they are written in order, so the
/// body is read about once), else from where the question starts.
pub(crate) struct Quotes<'b> {
    body: &'b str,
    /// Where `body` starts in the vault's text.
    base: usize,
    /// Where the question starts: nothing is looked for before it.
    floor: usize,
    /// Where the last text found ends.
    at: usize,
    /// What places point at until the vault's text is made.
    pending: &'b Arc<FoldedText>,
}

impl<'b> Quotes<'b> {
    /// Texts of `body`, which starts at byte `base` of the vault's text.
    pub(crate) fn new(body: &'b str, base: usize, pending: &'b Arc<FoldedText>) -> Quotes<'b> {
        Quotes {
            body,
            base,
            floor: 0,
            at: 0,
            pending,
        }
    }

    /// What places point at until the vault's text is made.
    pub(super) fn pending(&self) -> &'b Arc<FoldedText> {
        self.pending
    }

    /// Looks for the next texts from byte `floor` of the body on.
    pub(crate) fn from(&mut self, floor: usize) {
        self.floor = floor.min(self.body.len());
        self.at = self.floor;
    }

    /// Where `text` is written word for word, as bytes of the vault's text
    /// (any place being as good as another): after the last text found,
    /// else after the floor. `None` when it is not, or when the place does
    /// not fit 32 bits.
    pub(super) fn place(&mut self, text: &str) -> Option<Range<u32>> {
        if text.is_empty() {
            return None;
        }
        let find = |from: usize| {
            find_near(&self.body.as_bytes()[from..], text.as_bytes()).map(|i| from + i)
        };
        let at =
            find(self.at).or_else(|| (self.at > self.floor).then(|| find(self.floor)).flatten())?;
        self.at = at + text.len();
        let start = u32::try_from(self.base + at).ok()?;
        let end = u32::try_from(self.base + self.at).ok()?;
        Some(start..end)
    }
}

/// Where `needle` first occurs in `hay`: each place holding its first byte
/// tried in turn. A text is most often a few bytes past where the search
/// starts (after its label), where building a substring searcher for each
/// of a vault's million texts would cost more than the search: it took
/// 12% of the load's time at 100,000 notes.
fn find_near(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    memchr::memchr_iter(first, hay).find(|&i| hay[i..].starts_with(needle))
}

/// Bytes `range` of the vault's text as written; empty should the range
/// not lie in the text (a place never attached).
pub(super) fn written<'a>(all: &'a FoldedText, range: &Range<u32>) -> Cow<'a, str> {
    let range = range.start as usize..range.end as usize;
    if all.folded.get(range.clone()).is_none() {
        return Cow::Borrowed("");
    }
    all.as_written(range)
}

impl From<Box<str>> for Passage {
    fn from(text: Box<str>) -> Passage {
        Passage::Own(text)
    }
}

impl Default for Passage {
    fn default() -> Passage {
        Passage::Own(Box::default())
    }
}

impl From<&str> for Passage {
    fn from(text: &str) -> Passage {
        Passage::Own(text.into())
    }
}

impl From<String> for Passage {
    fn from(text: String) -> Passage {
        Passage::Own(text.into_boxed_str())
    }
}

/// Equal when the texts are, however they are kept.
impl PartialEq for Passage {
    fn eq(&self, other: &Passage) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Passage {}

/// The text, however it is kept: a question parsed alone and the same
/// question in a loaded vault print alike.
impl fmt::Debug for Passage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl fmt::Display for Passage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Passage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_written_in_the_body_becomes_its_place_and_reads_the_same() {
        let body = "# 제목\n\n**Question:** Which EC2 option is best?\n\n- A) Spot\n";
        let base = 10;
        let mut all = "x".repeat(base);
        all.push_str(body);
        let pending = Arc::new(FoldedText::default());
        let mut stem = Passage::from("Which EC2 option is best?");
        stem.keep_in(&mut Quotes::new(body, base, &pending));
        assert!(matches!(stem, Passage::Shared(..)));
        // Before the text is attached the place reads as nothing.
        assert_eq!(stem.text(), "");
        stem.attach(&Arc::new(FoldedText::of(all)));
        assert_eq!(stem.text(), "Which EC2 option is best?");
        assert_eq!(stem, Passage::from("Which EC2 option is best?"));
    }

    #[test]
    fn a_text_not_written_word_for_word_stays_its_own() {
        let body = "**Question:** Which **EC2** option?";
        let pending = Arc::new(FoldedText::default());
        let mut quotes = Quotes::new(body, 0, &pending);
        let mut stem = Passage::from("Which EC2 option?");
        stem.keep_in(&mut quotes);
        assert!(matches!(stem, Passage::Own(_)));
        // Nor is a text looked for before the question starts.
        quotes.from(5);
        let mut early = Passage::from("Question");
        early.keep_in(&mut quotes);
        assert!(matches!(early, Passage::Own(_)));
        let mut empty = Passage::from("");
        empty.keep_in(&mut quotes);
        assert!(matches!(empty, Passage::Own(_)));
    }

    proptest::proptest! {
        /// The first-byte search finds what a substring search finds.
        #[test]
        fn find_near_is_a_substring_search(hay in "[ab스 ]{0,60}", needle in "[ab스]{0,4}") {
            let want = if needle.is_empty() { None } else { hay.find(&needle) };
            proptest::prop_assert_eq!(find_near(hay.as_bytes(), needle.as_bytes()), want);
        }
    }

    #[test]
    fn texts_are_looked_for_after_the_last_found_then_from_the_question() {
        let body = "x\n**Q:** B or A?\n- A) A\n- B) B\n";
        let pending = Arc::new(FoldedText::default());
        let mut quotes = Quotes::new(body, 0, &pending);
        quotes.from(2);
        let at = |r: Option<Range<u32>>| r.map(|r| r.start as usize);
        assert_eq!(at(quotes.place("B or A?")), body.find("B or A?"));
        // After the stem, not inside it.
        assert_eq!(at(quotes.place("A)")), body.find("A) A"));
        assert_eq!(at(quotes.place("B")), body.find("B) B"));
        // Out of order: found again from the question's start.
        assert_eq!(at(quotes.place("Q:")), body.find("Q:"));
        assert_eq!(at(quotes.place("x")), None);
    }
}
