//! The quiz screen's state: a `QuizSession` (practice or exam) plus what
//! the screen adds: the highlighted option, the toggled options of a
//! multi-answer question, and which phase is showing (question, feedback,
//! exam review grid, submit confirmation, result).
//!
//! `QuizState::apply` turns an action into session calls and tells the app
//! what else to do ([`Outcome`]): record an attempt, open a note, leave.
//! Answering a question and its feedback are in `quiz_answer`; drawing is
//! in `quiz_view`.

use crate::quiz::{Attempt, Mode, QuizSession, Timestamp};
use crate::tui::action::Action;
use crate::vault::{Letter, QuestionId, QuestionIx};

/// What the quiz screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// A question waiting for an answer (practice or exam).
    Asking,
    /// Practice: the feedback on the answer just given.
    Feedback,
    /// Exam: the grid of every question.
    Review {
        /// The highlighted cell.
        cursor: usize,
    },
    /// Exam: "submit, abandon, or keep going?".
    ConfirmSubmit,
    /// The session is over: the summary or the exam result.
    Done,
    /// Practice summary: one listed question again, with the answer given
    /// and its explanations.
    Revisit {
        /// Index into the session's items.
        index: usize,
    },
}

/// What the app must do after a quiz action.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing more.
    None,
    /// An answer was given: record it.
    Answered(Box<Attempt>),
    /// The learner changed what they said of the last answer (guessed or
    /// not): record it again in place of the first record.
    Rerate(Box<Attempt>),
    /// Take the last practice answer back and ask it again.
    Undo,
    /// The session ended: record its end (and, for an exam, its answers).
    Finished,
    /// Show this question's note at the question.
    OpenNote(QuestionIx, QuestionId),
    /// Open the question-by-question review of the finished exam.
    OpenReview,
    /// Close the quiz screen.
    Leave,
    /// `r` on a summary with every answer right.
    NothingWrong,
    /// Practise these questions again (the summary's wrong answers).
    Retry(Vec<crate::vault::QuestionId>),
    /// Enter on a practice question before any option was highlighted:
    /// the key that started or advanced the quiz never answers.
    ChooseFirst,
    /// A multi-answer question needs this many options toggled first.
    NeedCount(usize),
    /// The letter typed is not an option of this question.
    NoOption(Letter),
    /// Tell the user something the engine said.
    Message(String),
}

/// A running quiz.
#[derive(Debug, Clone)]
pub struct QuizState {
    /// The engine's session.
    pub session: QuizSession,
    /// Which phase is showing.
    pub phase: Phase,
    /// The highlighted option (index in shown order).
    pub cursor: usize,
    /// True once the learner moved the highlight on this question; until
    /// then a practice question shows no highlight and Enter answers
    /// nothing, so the Enter that started the quiz or moved on from the
    /// last feedback cannot answer option A by accident.
    pub chosen: bool,
    /// Shown letters toggled on a multi-answer question.
    pub toggled: Vec<Letter>,
    /// Rows scrolled (feedback and result).
    pub scroll: usize,
    /// What the quiz is on, for the title.
    pub title: String,
    /// The shuffle seed, kept with the session in the store.
    pub seed: Option<u64>,
    /// Option letters by screen row, from the last frame (mouse clicks).
    pub option_rows: Vec<(u16, Letter)>,
    /// Columns of the review grid, from the last frame.
    pub grid_cols: usize,
    /// The highlighted question of the practice summary's list.
    pub summary_cursor: usize,
    /// When the question just answered comes back (practice feedback),
    /// from the schedule the recorder just wrote.
    pub next_review: Option<Timestamp>,
    /// The review grid cell the submit dialog was opened from (Esc goes
    /// back there); `None` when opened from a question.
    pub confirm_from: Option<usize>,
    /// Rows scrolled at most on the result, from the last frame.
    pub max_scroll: usize,
    /// Rows the result shows at once, from the last frame.
    pub page: usize,
}

impl QuizState {
    /// A quiz on a session.
    pub fn new(session: QuizSession, title: String, seed: Option<u64>) -> Self {
        let phase = if session.is_finished() {
            Phase::Done
        } else {
            Phase::Asking
        };
        QuizState {
            session,
            phase,
            cursor: 0,
            chosen: false,
            toggled: Vec::new(),
            scroll: 0,
            title,
            seed,
            option_rows: Vec::new(),
            grid_cols: 10,
            summary_cursor: 0,
            next_review: None,
            confirm_from: None,
            max_scroll: usize::MAX,
            page: 10,
        }
    }

    /// The answer to this question was taken back: ask it again.
    pub fn taken_back(&mut self, question: &crate::vault::QuestionId, now: Timestamp) {
        let index = self
            .session
            .items()
            .iter()
            .position(|i| i.question.id == *question);
        if let Some(i) = index
            && self.session.take_back(i, now)
        {
            self.phase = Phase::Asking;
            self.next_review = None;
            self.arrive();
        }
    }

    /// True in an exam.
    pub fn is_exam(&self) -> bool {
        matches!(self.session.mode(), Mode::Exam(_))
    }

    pub(super) fn options(&self) -> Vec<Letter> {
        self.session
            .current()
            .map(|i| i.question.options.iter().map(|o| o.letter).collect())
            .unwrap_or_default()
    }

    pub(super) fn need(&self) -> usize {
        self.session
            .current()
            .map_or(1, |i| i.question.pick_count())
    }

    /// True when the highlight shows: in an exam, on a multi-answer
    /// question (Space toggles what it marks), or once the learner moved it.
    pub fn shows_highlight(&self) -> bool {
        self.chosen || self.is_exam() || self.need() > 1
    }

    /// Resets the per-question state after moving, restoring an exam
    /// answer already given.
    pub(super) fn arrive(&mut self) {
        self.cursor = 0;
        self.chosen = false;
        self.scroll = 0;
        self.toggled = self
            .session
            .current()
            .and_then(|i| i.response.as_ref())
            .map(|r| r.picked.clone())
            .unwrap_or_default();
    }

    /// Advances the clock: an exam whose time ran out ends.
    pub fn tick(&mut self, now: Timestamp) -> Outcome {
        if self.session.tick(now) {
            self.phase = Phase::Done;
            return Outcome::Finished;
        }
        Outcome::None
    }

    /// Applies an action.
    pub fn apply(&mut self, action: Action, now: Timestamp) -> Outcome {
        if let Outcome::Finished = self.tick(now) {
            return Outcome::Finished;
        }
        match self.phase {
            Phase::Asking => self.asking(action, now),
            Phase::Feedback => self.feedback(action, now),
            Phase::Review { cursor } => self.review(action, cursor, now),
            Phase::ConfirmSubmit => match action {
                Action::Confirm | Action::Submit => {
                    self.session.submit(now);
                    self.phase = Phase::Done;
                    self.scroll = 0;
                    Outcome::Finished
                }
                Action::Abandon => {
                    self.session.abandon(now);
                    self.phase = Phase::Done;
                    self.scroll = 0;
                    Outcome::Finished
                }
                Action::Back => {
                    self.phase = match self.confirm_from.take() {
                        Some(cursor) => Phase::Review { cursor },
                        None => Phase::Asking,
                    };
                    Outcome::None
                }
                _ => Outcome::None,
            },
            Phase::Done if self.is_exam() => self.done(action),
            Phase::Done => self.summary(action),
            Phase::Revisit { index } => match action {
                Action::Back | Action::Confirm | Action::Left => {
                    self.phase = Phase::Done;
                    self.summary_cursor = index;
                    Outcome::None
                }
                Action::Down => {
                    self.scroll += 1;
                    Outcome::None
                }
                Action::Up => {
                    self.scroll = self.scroll.saturating_sub(1);
                    Outcome::None
                }
                Action::OpenNote => self.session.items().get(index).map_or(Outcome::None, |i| {
                    Outcome::OpenNote(i.question.ix, i.question.id.clone())
                }),
                _ => Outcome::None,
            },
        }
    }

    /// The result or summary: it scrolls like every page; `r` opens an
    /// exam's question-by-question review.
    fn done(&mut self, action: Action) -> Outcome {
        let page = self.page.max(1);
        self.scroll = match action {
            Action::Confirm | Action::Back => return Outcome::Leave,
            Action::Review if self.is_exam() => return Outcome::OpenReview,
            Action::Down => self.scroll + 1,
            Action::Up => self.scroll.saturating_sub(1),
            Action::HalfPageDown => self.scroll + page / 2,
            Action::HalfPageUp => self.scroll.saturating_sub(page / 2),
            Action::PageDown => self.scroll + page,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => self.max_scroll,
            _ => return Outcome::None,
        }
        .min(self.max_scroll);
        Outcome::None
    }

    /// Opens the submit dialog; Esc there comes back to `from`.
    pub(super) fn confirm(&mut self, from: Option<usize>) -> Outcome {
        self.confirm_from = from;
        self.phase = Phase::ConfirmSubmit;
        Outcome::None
    }

    /// The practice summary: Enter or Esc leaves (as its last line says),
    /// the arrows pick a listed question, Space or → shows it again with
    /// its explanations, `r` practises the wrong ones again.
    fn summary(&mut self, action: Action) -> Outcome {
        let last = self.session.len().saturating_sub(1);
        match action {
            Action::Confirm | Action::Back => Outcome::Leave,
            Action::Down => {
                self.summary_cursor = (self.summary_cursor + 1).min(last);
                Outcome::None
            }
            Action::Up => {
                self.summary_cursor = self.summary_cursor.saturating_sub(1);
                Outcome::None
            }
            Action::Top => {
                self.summary_cursor = 0;
                Outcome::None
            }
            Action::Bottom => {
                self.summary_cursor = last;
                Outcome::None
            }
            Action::Toggle | Action::Right => {
                self.phase = Phase::Revisit {
                    index: self.summary_cursor.min(last),
                };
                self.scroll = 0;
                Outcome::None
            }
            Action::Retry => {
                let wrong = self.wrong_ones();
                if wrong.is_empty() {
                    Outcome::NothingWrong
                } else {
                    Outcome::Retry(wrong)
                }
            }
            _ => Outcome::None,
        }
    }

    /// The questions answered wrong in this session.
    pub fn wrong_ones(&self) -> Vec<crate::vault::QuestionId> {
        self.session
            .items()
            .iter()
            .filter(|i| i.response.as_ref().is_some_and(|r| !r.correct))
            .map(|i| i.question.id.clone())
            .collect()
    }

    fn review(&mut self, action: Action, cursor: usize, now: Timestamp) -> Outcome {
        let last = self.session.len().saturating_sub(1);
        let cols = self.grid_cols.max(1);
        let moved = match action {
            Action::Right => (cursor + 1).min(last),
            Action::Left => cursor.saturating_sub(1),
            Action::Down => (cursor + cols).min(last),
            Action::Up => cursor.saturating_sub(cols),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Confirm => {
                if self.session.jump(cursor, now) {
                    self.arrive();
                }
                self.phase = Phase::Asking;
                return Outcome::None;
            }
            Action::Submit => return self.confirm(Some(cursor)),
            Action::Back => {
                self.phase = Phase::Asking;
                return Outcome::None;
            }
            _ => cursor,
        };
        self.phase = Phase::Review { cursor: moved };
        Outcome::None
    }

    pub(super) fn open_note(&self) -> Outcome {
        self.session.current().map_or(Outcome::None, |i| {
            Outcome::OpenNote(i.question.ix, i.question.id.clone())
        })
    }
}

#[cfg(test)]
#[path = "quiz_state_tests.rs"]
mod tests;
