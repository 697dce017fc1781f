//! Where a note's text is kept. A note parsed alone (one file read again,
//! a note built by hand, the bundled deck before it is assembled) holds its
//! own string; a loaded vault keeps every note body and bank question text
//! once, one after another and folded, in [`Vault::texts`], and each note
//! names its place there. The search index scans that text where it lies,
//! so the vault's text is in memory once, not twice (issue #15's memory
//! figure: the index's folded copy was 311 MB of the app's 1.22 GB at
//! 100,000 notes; BENCHMARKS.md, "One copy of the text").
//!
//! A key point or a question's text written word for word in the body is
//! likewise a place in that text ([`Passage`]).
//!
//! Owns these forms and how the text is given back; the load makes the
//! shared text (`load::assemble`), the index reads it (`search::doc_text`).

use std::borrow::Cow;
use std::ops::Range;

use super::{Note, Passage, Question, Vault};
use crate::text::nfc;

/// Separates documents in [`Vault::texts`]: no query holds it, so no
/// search match runs from one document into the next.
pub const SEPARATOR: char = '\0';

/// A note's markdown after the frontmatter, NFC-normalised, `\n` line
/// endings: see [`Vault::body`] for the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// The note holds it. A note being parsed always does.
    Own(String),
    /// Bytes of [`Vault::texts`], folded there.
    Shared(Range<usize>),
}

impl Default for Body {
    fn default() -> Body {
        Body::Own(String::new())
    }
}

impl From<String> for Body {
    fn from(text: String) -> Body {
        Body::Own(text)
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body::Own(text.to_owned())
    }
}

impl Body {
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        match self {
            Body::Own(text) => text.len(),
            Body::Shared(range) => range.len(),
        }
    }

    /// True for a note with nothing after its frontmatter.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text, when the note holds it (see [`Body::Own`]): what the
    /// load's parsing and its sinks read.
    pub fn own(&self) -> Option<&str> {
        match self {
            Body::Own(text) => Some(text),
            Body::Shared(_) => None,
        }
    }
}

impl Vault {
    /// A note's key point, if it has one.
    pub fn key_point<'a>(&'a self, note: &'a Note) -> Option<Cow<'a, str>> {
        note.key_point.as_ref().map(Passage::text)
    }

    /// A note's body as written.
    pub fn body<'a>(&'a self, note: &'a Note) -> Cow<'a, str> {
        match &note.body {
            Body::Own(text) => Cow::Borrowed(text),
            Body::Shared(range) => Cow::Owned(self.texts.original(range.clone())),
        }
    }

    /// A note's body with the byte offsets and line breaks of
    /// [`Vault::body`], its letters folded or not (as the vault keeps
    /// them): for finding lines, never for showing; free of a copy.
    pub fn body_lines<'a>(&'a self, note: &'a Note) -> &'a str {
        match &note.body {
            Body::Own(text) => text,
            Body::Shared(range) => &self.texts.folded[range.clone()],
        }
    }

    /// The 1-based file line of a byte offset into a note's body.
    pub fn line_of(&self, note: &Note, body_offset: usize) -> usize {
        let text = self.body_lines(note);
        let end = body_offset.min(text.len());
        note.body_line + memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count()
    }

    /// The byte offset in a note's body where a 1-based file line starts
    /// (the inverse of [`Vault::line_of`]).
    pub fn offset_of_line(&self, note: &Note, line: usize) -> usize {
        offset_of_line(self.body_lines(note), note.body_line, line)
    }
}

/// The byte offset in `body`, which starts at file line `body_line`, where
/// file line `line` starts: the body's start for a line before it, its end
/// for one past it.
pub(crate) fn offset_of_line(body: &str, body_line: usize, line: usize) -> usize {
    let skip = line.saturating_sub(body_line);
    if skip == 0 {
        return 0;
    }
    memchr::memchr_iter(b'\n', body.as_bytes())
        .nth(skip - 1)
        .map_or(body.len(), |i| i + 1)
}

/// The text a bank question is searched by: its stem, options, per-option
/// explanations and explanation, a line each, NFC.
pub fn bank_text(q: &Question) -> String {
    let mut parts: Vec<String> = vec![q.stem.to_string()];
    parts.extend(
        q.options
            .iter()
            .map(|o| format!("{}) {}", o.letter, o.text)),
    );
    parts.extend(q.explanations.iter().map(|(l, e)| format!("{l}: {e}")));
    parts.extend(q.explanation.as_ref().map(Passage::to_string));
    let mut out = String::new();
    for p in &parts {
        out.push_str(&nfc(&p.replace('\n', " ")));
        out.push('\n');
    }
    out
}
