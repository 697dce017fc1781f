//! [`Passage`]: a text read from a note's body, kept once. A question
//! quotes its note: its stem, options and explanations are most often
//! written word for word in the body, as is the key point (one line, most
//! often). A note parsed alone holds these texts; once the load has put
//! its body in [`Vault::texts`], each text found there word for word is a
//! place in that text instead, held with the text itself (an `Arc`), so a
//! question reads its own texts without the vault. On the generated
//! 100,000-note vault question texts took about 80 MB and key points 36 MB
//! beside the text they come from (issue #15's memory figure;
//! BENCHMARKS.md, "Question texts kept once").
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

/// One text of a question: its own, or bytes of the vault's text.
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

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        match self {
            Passage::Own(text) => text.is_empty(),
            Passage::Shared(_, range) => range.is_empty(),
        }
    }

    /// Becomes a place in the vault's text when `body`, from byte `from`
    /// on, holds the text word for word; `base` is where `body` starts in
    /// the vault's text and `pending` stands for that text until
    /// [`Passage::attach`] gives it.
    pub(crate) fn keep_in(
        &mut self,
        body: &str,
        from: usize,
        base: usize,
        pending: &Arc<FoldedText>,
    ) {
        if let Passage::Own(text) = self
            && let Some(range) = place_in(body, from, base, text)
        {
            *self = Passage::Shared(Arc::clone(pending), range);
        }
    }

    /// Points a place at the vault's text, once it is made.
    pub(crate) fn attach(&mut self, text: &Arc<FoldedText>) {
        if let Passage::Shared(all, _) = self {
            *all = Arc::clone(text);
        }
    }
}

/// Where `text` is in `body` (from byte `from` on), as bytes of the vault's
/// text when `body` starts at `base` there: the first place it is written
/// word for word, any being as good as another. `None` when it is not, or
/// when the place does not fit 32 bits.
pub(super) fn place_in(body: &str, from: usize, base: usize, text: &str) -> Option<Range<u32>> {
    if text.is_empty() {
        return None;
    }
    let at = from + body.get(from..)?.find(text)?;
    let start = u32::try_from(base + at).ok()?;
    let end = u32::try_from(base + at + text.len()).ok()?;
    Some(start..end)
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

impl From<Box<str>> for Passage {
    fn from(text: Box<str>) -> Passage {
        Passage::Own(text)
    }
}

/// Equal when the texts are, however they are kept.
impl PartialEq for Passage {
    fn eq(&self, other: &Passage) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Passage {}

impl PartialEq<str> for Passage {
    fn eq(&self, other: &str) -> bool {
        self.text() == other
    }
}

impl PartialEq<&str> for Passage {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

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
        stem.keep_in(body, 0, base, &pending);
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
        let mut stem = Passage::from("Which EC2 option?");
        stem.keep_in(body, 0, 0, &pending);
        assert!(matches!(stem, Passage::Own(_)));
        // Nor is a text looked for before `from`.
        let mut early = Passage::from("Question");
        early.keep_in(body, 5, 0, &pending);
        assert!(matches!(early, Passage::Own(_)));
        let mut empty = Passage::from("");
        empty.keep_in(body, 0, 0, &pending);
        assert!(matches!(empty, Passage::Own(_)));
    }
}
