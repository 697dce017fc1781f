//! The plain data of a quiz session: its mode and setup, each question's
//! state, how it ended, the review grid, the score, and why an answer can
//! be refused. The state machine that moves these is in `session`.

use crate::vault::Letter;

use super::attempt::{ModeKind, SessionId};
use super::exam::ExamConfig;
use super::letters::LetterError;
use super::present::PresentedQuestion;
use super::rng::Shuffle;
use super::time::Timestamp;

/// Practice or a timed exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Feedback after every answer.
    Practice,
    /// Timed; no feedback until submitted.
    Exam(ExamConfig),
}

impl Mode {
    /// The mode as recorded in the store.
    pub fn kind(&self) -> ModeKind {
        match self {
            Mode::Practice => ModeKind::Practice,
            Mode::Exam(_) => ModeKind::Exam,
        }
    }
}

/// How a session is set up.
#[derive(Debug, Clone)]
pub struct SessionConfig {
    /// Practice or exam.
    pub mode: Mode,
    /// Option shuffle (questions come already ordered from `select`).
    pub shuffle: Shuffle,
    /// The id attempts are recorded under.
    pub id: SessionId,
}

/// The answer given to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Shown letters picked, sorted.
    pub picked: Vec<Letter>,
    /// Exact-set right or not.
    pub correct: bool,
    /// When it was (last) given.
    pub at: Timestamp,
    /// The learner said they guessed: a right guess is rated Hard.
    pub guessed: bool,
}

/// One question of the session and what happened to it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionItem {
    /// The question as shown.
    pub question: PresentedQuestion,
    /// The answer, if one was given.
    pub response: Option<Response>,
    /// Flagged for review (exam).
    pub flagged: bool,
    /// Skipped without an answer (practice).
    pub skipped: bool,
    /// Seconds spent on it so far, over every visit.
    pub seconds: f64,
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question was gone through (practice).
    Completed,
    /// The user stopped early; answers given are kept.
    Stopped,
    /// The user submitted the exam.
    Submitted,
    /// The exam's time ran out and it was submitted automatically.
    TimeUp,
    /// The learner left the exam without submitting: it is not scored.
    Abandoned,
}

/// One cell of the exam review grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// 0-based question index (shown as index + 1).
    pub index: usize,
    /// An answer is in.
    pub answered: bool,
    /// Flagged for review.
    pub flagged: bool,
    /// The question on screen.
    pub current: bool,
}

/// Right, answered and total so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Answered right.
    pub correct: usize,
    /// Answered at all.
    pub answered: usize,
    /// Questions in the session.
    pub total: usize,
}

/// Where `next` went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// On to another question.
    Moved,
    /// Already at the last question (exam: time for the review grid).
    AtEnd,
    /// The session is over.
    Finished,
}

/// Why an answer was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The session is over.
    #[error("the quiz is over")]
    Finished,
    /// The exam's time ran out; it has been submitted.
    #[error("time is up; the exam has been submitted")]
    TimeUp,
    /// Practice answers cannot be changed.
    #[error("this question is already answered")]
    AlreadyAnswered,
    /// Too many or too few letters.
    #[error("pick {need} (you picked {got})")]
    WrongCount {
        /// Letters the question needs.
        need: usize,
        /// Letters given.
        got: usize,
    },
    /// The text was not letters of this question.
    #[error(transparent)]
    Letters(#[from] LetterError),
}
