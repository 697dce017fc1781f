//! One answer as the store records it: which question, which letters (in
//! the note's own lettering, so history survives shuffles), right or wrong,
//! how long it took, when, in which session and mode.
//!
//! Owns the record only; the session makes attempts, the store keeps them.

use crate::vault::{Letter, QuestionId, Tag};

use super::schedule::Rating;
use super::time::Timestamp;

/// Practice or exam, as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModeKind {
    /// Feedback after every answer.
    Practice,
    /// Timed, graded at the end.
    Exam,
}

impl ModeKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ModeKind::Practice => "practice",
            ModeKind::Exam => "exam",
        }
    }

    /// The mode of a stored name.
    pub fn parse(name: &str) -> Option<ModeKind> {
        match name {
            "practice" => Some(ModeKind::Practice),
            "exam" => Some(ModeKind::Exam),
            _ => None,
        }
    }
}

/// An id naming one session in the store.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub String);

impl SessionId {
    /// An id unique enough across processes: the start time in
    /// milliseconds, the process id and the seed.
    pub fn new(started: Timestamp, process: u32, seed: u64) -> SessionId {
        SessionId(format!("{}-{process}-{seed:x}", started.0))
    }
}

/// One answer given.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The session it was given in.
    pub session: SessionId,
    /// Practice or exam.
    pub mode: ModeKind,
    /// The question.
    pub question: QuestionId,
    /// The question's tags when it was answered.
    pub tags: Vec<Tag>,
    /// Letters chosen, in the note's lettering, sorted.
    pub chosen: Vec<Letter>,
    /// The right letters, in the note's lettering, sorted.
    pub correct_letters: Vec<Letter>,
    /// Whether `chosen` is exactly `correct_letters`.
    pub correct: bool,
    /// Seconds spent on the question.
    pub seconds: f64,
    /// When it was answered.
    pub at: Timestamp,
    /// Its spaced-repetition rating.
    pub rating: Rating,
}

/// Letters as stored: `"AC"`.
pub fn letters_to_string(letters: &[Letter]) -> String {
    letters.iter().collect()
}
