//! Where a note's text is kept. A note parsed alone (one file read again,
//! a note built by hand, the bundled deck before it is assembled) holds its
//! own string; a loaded vault keeps every note body and bank question text
//! once, one after another and folded, in [`Vault::texts`], and each note
//! names its place there. The search index scans that text where it lies,
//! so the vault's text is in memory once, not twice (issue #15's memory
//! figure: the index's folded copy was 311 MB of the app's 1.22 GB at
//! 100,000 notes; BENCHMARKS.md, "One copy of the text").
//!
//! A key point written word for word in its section is likewise a place
//! in the body ([`KeyPoint`]).
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

/// The plain text of a note's key-point section, whitespace folded: its
/// own, or a part of the note's body where it is written word for word
/// (a key point of one line, as most are), so that it is kept once. On the
/// generated 100,000-note vault key points took 36 MB beside the text
/// they come from (BENCHMARKS.md, "One copy of the text").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPoint {
    Own(Box<str>),
    /// Bytes of the note's body.
    InBody(Range<usize>),
}

impl From<&str> for KeyPoint {
    fn from(text: &str) -> KeyPoint {
        KeyPoint::Own(text.into())
    }
}

impl KeyPoint {
    /// The key point `text` of a body whose key-point section is bytes
    /// `section` of `body`: a place in the body when the section holds the
    /// text word for word.
    pub fn of(text: String, body: &str, section: Option<Range<usize>>) -> KeyPoint {
        let found = section
            .and_then(|s| body.get(s.clone()).map(|part| (s.start, part)))
            .and_then(|(start, part)| part.find(&text).map(|at| start + at));
        match found {
            Some(at) => KeyPoint::InBody(at..at + text.len()),
            None => KeyPoint::Own(text.into_boxed_str()),
        }
    }
}

impl Vault {
    /// A note's key point, if it has one.
    pub fn key_point<'a>(&'a self, note: &'a Note) -> Option<Cow<'a, str>> {
        match note.key_point.as_ref()? {
            KeyPoint::Own(text) => Some(Cow::Borrowed(text)),
            KeyPoint::InBody(part) => match &note.body {
                Body::Own(text) => text.get(part.clone()).map(Cow::Borrowed),
                Body::Shared(range) => {
                    let from = range.start + part.start;
                    let to = (range.start + part.end).min(range.end);
                    Some(Cow::Owned(self.texts.original(from..to)))
                }
            },
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(k: &KeyPoint, body: &str) -> String {
        let note = Note {
            body: Body::Own(body.to_owned()),
            key_point: Some(k.clone()),
            ..Note::default()
        };
        Vault::default().key_point(&note).unwrap().into_owned()
    }

    #[test]
    fn a_key_point_written_word_for_word_is_a_place_in_the_body() {
        let body = "## 🎯 핵심 포인트\n\n스팟은 **싸다**.\n\n## 설명\n\n스팟은 싸다.\n";
        let section = Some(0..body.find("## 설명").unwrap());
        let one_line = "## 🎯 핵심 포인트\n\n스팟은 2분 전에 알림을 받는다.\n";
        let k = KeyPoint::of(
            "스팟은 2분 전에 알림을 받는다.".into(),
            one_line,
            Some(0..one_line.len()),
        );
        assert!(matches!(k, KeyPoint::InBody(_)));
        assert_eq!(read(&k, one_line), "스팟은 2분 전에 알림을 받는다.");
        // Unbolded, it is not in its section word for word (it is further
        // on, under another heading): the note keeps its own.
        let k = KeyPoint::of("스팟은 싸다.".into(), body, section);
        assert_eq!(k, KeyPoint::Own("스팟은 싸다.".into()));
        assert_eq!(read(&k, body), "스팟은 싸다.");
    }
}
