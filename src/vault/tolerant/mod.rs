//! The tolerant question reader: the questions people write in their own
//! study notes, without the note format's markup, read beside the strict
//! grammar of `question` (which wins wherever it reads a question).
//!
//! A question is read only from strong evidence: a stem, at least two
//! options with a consistent label sequence (or a run of unlabelled
//! bullets), and one source of the key (an answer line, or marks on
//! options). Where the evidence conflicts it is a warning with a line and
//! column, never a guess; the author's own pick is never the key.
//!
//! One recogniser per form, named after it: stems in [`stems`], option
//! runs in [`options`] with their labels in [`labels`], keys in [`keys`]
//! (answer lines, with the options they name in [`tokens`]) and
//! [`inline`] (marks on options). [`reader`] puts them
//! together; [`merge`] fits the result around the strict questions;
//! [`cues`] skips notes with nothing answer-like; [`explain`] tells an
//! author what was read and why the rest was not.
//!
//! Reads only the note's text; knows nothing of files or the vault.

mod cues;

use crate::vault::message::Message;
pub(crate) mod explain;
mod form;
mod inline;
mod keys;
mod labels;
mod lines;
mod merge;
mod options;
mod reader;
mod stems;
mod tokens;

#[cfg(test)]
mod tests;

pub use form::{Form, KeyForm, OptionsForm, StemForm, TolerantForm};
pub(crate) use merge::{Read, merge};

/// Which questions a load reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuestionStyle {
    /// The note format's grammar, and the tolerant reader beside it.
    #[default]
    Tolerant,
    /// Only the note format's grammar (`questions = "strict"`).
    Strict,
}

/// What the tolerant reader found in a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Reading {
    /// Questions read, in order.
    pub questions: Vec<Found>,
    /// Conflicting evidence, each a warning.
    pub problems: Vec<Problem>,
    /// Answer-like lines and key marks not read, with the reason.
    pub unread: Vec<Unread>,
}

/// A question the tolerant reader read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The recognisers that read it.
    pub form: TolerantForm,
    /// The stem text, markup removed.
    pub stem: String,
    /// File line where the stem starts.
    pub first: usize,
    /// File line where the stem ends.
    pub stem_end: usize,
    /// The options in order.
    pub options: Vec<FoundOption>,
    /// The right positions, sorted.
    pub answer: Vec<usize>,
    /// File lines that give the key (answer lines or marked options).
    pub key_lines: Vec<usize>,
    /// The question's last file line.
    pub last: usize,
    /// An explanation of each option, by position, from a list after the
    /// answer that names them (`A) …`, `1. …`).
    pub explanations: Vec<(usize, String)>,
    /// The text after an explanation label (`해설: …`).
    pub explanation: Option<String>,
}

/// One option of a tolerant question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundOption {
    /// The label as written (`②`, `b.`), empty for a bullet.
    pub label: String,
    /// The text, markup and marks removed.
    pub text: String,
    /// Its file line.
    pub line: usize,
}

/// Evidence that conflicts, at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// File line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Characters the problem spans.
    pub width: usize,
    /// The line's text.
    pub source: String,
    /// What conflicts.
    pub message: Message,
}

/// A line that looks like a key but was not read as one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unread {
    /// File line.
    pub line: usize,
    /// Why no question was read around it.
    pub why: Message,
    /// An answer line (`정답`, `답`, `Answer`), not a mark or a pick.
    pub answer: bool,
}

/// Reads a body (which starts on file line `first_line`) with every
/// recogniser; with `explain`, also gives the reason for every
/// answer-like line not read.
pub(crate) fn read(body: &str, first_line: usize, explain: bool) -> Reading {
    let lines = lines::split(body, first_line);
    reader::read(body, &lines, explain)
}

/// True when a body may hold a question the strict grammar did not read:
/// it has answer-like bytes outside the `covered` byte ranges.
pub(crate) fn worth_reading(body: &str, covered: &[std::ops::Range<usize>]) -> bool {
    cues::worth_reading(body, covered)
}
