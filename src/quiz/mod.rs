//! Quiz sessions: selection, seeded shuffle, grading, practice and exam
//! flow, and the spaced-repetition schedule. Pure: clock and seed come in as
//! arguments; no I/O, no terminal.
//!
//! The usual flow, shared by the line mode and the TUI:
//!
//! 1. [`select`] picks and orders questions from a [`Vault`](crate::vault::Vault)
//!    and the [`History`] the store read back;
//! 2. [`QuizSession::new`] presents them ([`Mode::Practice`] or
//!    [`Mode::Exam`]), options shuffled by seed unless [`Shuffle::Off`];
//! 3. [`QuizSession::answer`] returns an [`Attempt`] for the store to commit
//!    at once; [`QuizSession::feedback`] explains; `next`, `skip`, `flag`,
//!    `jump`, `review_grid`, `submit`, `tick` (time-up) drive the rest;
//! 4. [`Scheduler::review`] turns each attempt's [`Rating`] into a new
//!    [`CardState`] (FSRS), and [`Notebook`] builds the 오답노트.

mod attempt;
mod blueprint;
mod day;
mod due_tally;
mod exam;
mod feedback;
mod history;
pub mod identity;
mod letters;
mod notebook;
mod present;
mod readiness;
mod request;
mod review;
mod rng;
mod schedule;
mod select;
mod session;
mod state;
mod time;

#[cfg(test)]
pub(crate) mod testing;

pub use attempt::{Attempt, ModeKind, SessionId, letters_to_string};
pub use blueprint::{
    BUNDLED_BLUEPRINT, BUNDLED_NAME, Blueprint, BlueprintError, BlueprintProblem, Domain, Drawn,
    Shortage,
};
pub use day::{DayStart, StudyDay, next_review_text};
pub use due_tally::DueTally;
pub use exam::{
    DEFAULT_PASS_MARK, DEFAULT_SECONDS_PER_QUESTION, DomainLevel, DomainScore,
    EXAM_DEFAULT_QUESTIONS, ExamConfig, ExamPreset, ExamResult, PRESETS, TagScore, domain_scores,
    meets_share, percent, scaled_score, top_level_domains,
};
pub use feedback::{Feedback, OptionFeedback};
pub use history::{DueCounts, History, QuestionHistory, UndoPoint};
pub use letters::{LetterError, jamo_key, parse_letters};
pub use notebook::{MissedQuestion, Notebook, NotebookOption, WrongPick};
pub use present::{Location, PresentedOption, PresentedQuestion};
pub use readiness::{
    EXPLICIT_PRIOR, ForecastInput, Readiness, Source, chances, forecast, forecast_moment,
    readiness, recall, reviews_per_day, tag_accuracy,
};
pub use request::{ExamRequest, PlanError, QuizPlan, QuizRequest};
pub use review::{
    AskedQuestion, ExamReview, QuestionSnapshot, ReviewFilter, ReviewItem, SnapshotOption,
};
pub use rng::{SeededRng, Shuffle, session_seed};
pub use schedule::{CardState, Rating, ScheduleError, Scheduler, expected_seconds};
pub use select::{ExamPlan, SelectError, Selection, plan, select};
pub use session::{
    AnswerError, BlueprintDomains, Ending, GridCell, Mode, QuizSession, Response, Score,
    SessionConfig, SessionItem, Step,
};
pub use time::{DateError, Day, Timestamp, UtcOffset};
