//! The quiz session state machine, shared by the line mode and the TUI.
//!
//! Practice: answer, see feedback, go on. Exam: a deadline, answers may be
//! changed, flags, a review grid, jumps, and feedback only once submitted
//! (by the user, or automatically when time is up). Every method that can
//! move time takes `now`; nothing here reads a clock or touches a file.
//! Each `answer` returns the [`Attempt`] for the store to commit at once.

use crate::vault::{Letter, QuestionIx, Vault};

use super::attempt::{Attempt, SessionId};
use super::exam::{self, ExamResult};
use super::feedback::Feedback;
use super::letters::{LetterError, parse_letters};
use super::present::PresentedQuestion;
use super::rng::{SeededRng, Shuffle};
use super::schedule::Rating;
pub use super::state::{
    AnswerError, Ending, GridCell, Mode, Response, Score, SessionConfig, SessionItem, Step,
};
use super::time::Timestamp;

mod exam_moves;

/// A running or finished quiz.
#[derive(Debug, Clone)]
pub struct QuizSession {
    config: SessionConfig,
    items: Vec<SessionItem>,
    position: usize,
    started: Timestamp,
    shown_at: Timestamp,
    ending: Option<Ending>,
    result: Option<ExamResult>,
    title: Option<String>,
    blueprint: Option<BlueprintDomains>,
}

/// The blueprint an exam was drawn from: its name and the domain of each
/// question, in session order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlueprintDomains {
    /// The blueprint's name.
    pub name: String,
    /// The domain of each question, in session order.
    pub domains: Vec<String>,
}

/// Mixed into the seed so option order does not mirror question order.
const OPTION_STREAM: u64 = 0x6F70_7469_6F6E_7321;

impl QuizSession {
    /// Starts a session on questions already selected and ordered.
    pub fn new(
        vault: &Vault,
        questions: &[QuestionIx],
        config: SessionConfig,
        now: Timestamp,
    ) -> QuizSession {
        let mut rng = match config.shuffle {
            Shuffle::Off => None,
            Shuffle::Seeded(seed) => Some(SeededRng::new(seed ^ OPTION_STREAM)),
        };
        let items = questions
            .iter()
            .map(|&ix| SessionItem {
                question: PresentedQuestion::new(vault, ix, rng.as_mut()),
                response: None,
                flagged: false,
                skipped: false,
                seconds: 0.0,
            })
            .collect();
        let mut session = QuizSession {
            config,
            items,
            position: 0,
            started: now,
            shown_at: now,
            ending: None,
            result: None,
            title: None,
            blueprint: None,
        };
        if session.items.is_empty() {
            session.finish(Ending::Completed, now);
        }
        session
    }

    /// Names what the quiz is on (오답노트, a tag, a note), kept with an
    /// exam in its history.
    pub fn set_title(&mut self, title: Option<String>) {
        self.title = title;
    }

    /// What the quiz is on, if named.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Says which blueprint the questions were drawn from and the domain
    /// of each (in session order): the result is then broken down by
    /// these domains instead of the top-level tags.
    pub fn set_blueprint(&mut self, blueprint: BlueprintDomains) {
        self.blueprint = Some(blueprint);
    }

    /// The blueprint, if the exam was drawn from one.
    pub fn blueprint(&self) -> Option<&BlueprintDomains> {
        self.blueprint.as_ref()
    }

    /// The session's id.
    pub fn id(&self) -> &SessionId {
        &self.config.id
    }

    /// Practice or exam.
    pub fn mode(&self) -> Mode {
        self.config.mode
    }

    /// Every question with its state.
    pub fn items(&self) -> &[SessionItem] {
        &self.items
    }

    /// How many questions.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True for a session with no questions.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Index of the question on screen.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The question on screen (`None` once finished).
    pub fn current(&self) -> Option<&SessionItem> {
        if self.is_finished() {
            None
        } else {
            self.items.get(self.position)
        }
    }

    /// When the session started.
    pub fn started(&self) -> Timestamp {
        self.started
    }

    /// The exam deadline.
    pub fn deadline(&self) -> Option<Timestamp> {
        match self.config.mode {
            Mode::Exam(c) => Some(self.started.plus_seconds(f64::from(
                u32::try_from(c.time_limit_secs).unwrap_or(u32::MAX),
            ))),
            Mode::Practice => None,
        }
    }

    /// Seconds left in an exam (never negative).
    pub fn time_left(&self, now: Timestamp) -> Option<f64> {
        self.deadline().map(|d| d.seconds_since(now).max(0.0))
    }

    /// True once completed, stopped or submitted.
    pub fn is_finished(&self) -> bool {
        self.ending.is_some()
    }

    /// How the session ended.
    pub fn ending(&self) -> Option<Ending> {
        self.ending
    }

    /// The exam result, once submitted.
    pub fn exam_result(&self) -> Option<&ExamResult> {
        self.result.as_ref()
    }

    /// Submits an exam whose time is up. Returns true when this call did it.
    pub fn tick(&mut self, now: Timestamp) -> bool {
        if self.is_finished() {
            return false;
        }
        match self.deadline() {
            Some(deadline) if now >= deadline => {
                // Time spent counts only up to the deadline.
                self.finish(Ending::TimeUp, deadline);
                true
            }
            _ => false,
        }
    }

    /// Answers the question on screen with typed text (`B`, `AC`, `a c`);
    /// a trailing `?` (`B?`) says the learner guessed.
    pub fn answer_text(&mut self, text: &str, now: Timestamp) -> Result<Attempt, AnswerError> {
        let offered: Vec<Letter> = self
            .items
            .get(self.position)
            .map(|i| i.question.options.iter().map(|o| o.letter).collect())
            .unwrap_or_default();
        let trimmed = text.trim();
        let (text, guessed) = match trimmed.strip_suffix('?') {
            Some(rest) if !rest.trim().is_empty() => (rest, true),
            _ => (trimmed, false),
        };
        let letters = parse_letters(text, &offered)?;
        let attempt = self.answer(&letters, now)?;
        if guessed {
            return self
                .set_guessed(self.position, true)
                .ok_or(AnswerError::Finished);
        }
        Ok(attempt)
    }

    /// Marks a practice answer as guessed or not (the feedback screen's
    /// "I guessed"); returns the attempt as it should now be recorded.
    pub fn set_guessed(&mut self, index: usize, guessed: bool) -> Option<Attempt> {
        let item = self.items.get_mut(index)?;
        item.response.as_mut()?.guessed = guessed;
        self.attempt_of(index)
    }

    /// Takes a practice answer back (undo): the question is unanswered and
    /// on screen again, its time counted afresh from `now`. False in an
    /// exam or for an unanswered question.
    pub fn take_back(&mut self, index: usize, now: Timestamp) -> bool {
        if self.config.mode != Mode::Practice {
            return false;
        }
        let Some(item) = self.items.get_mut(index) else {
            return false;
        };
        if item.response.is_none() {
            return false;
        }
        item.response = None;
        item.seconds = 0.0;
        self.leave(now);
        self.position = index;
        self.shown_at = now;
        self.ending = None;
        true
    }

    /// Answers the question on screen with shown letters. In practice an
    /// answer is final; in an exam it replaces the previous one. The
    /// returned attempt is what the store should commit now.
    pub fn answer(&mut self, shown: &[Letter], now: Timestamp) -> Result<Attempt, AnswerError> {
        if self.tick(now) {
            return Err(AnswerError::TimeUp);
        }
        if self.is_finished() {
            return Err(AnswerError::Finished);
        }
        let practice = self.config.mode == Mode::Practice;
        let since = now.seconds_since(self.shown_at).max(0.0);
        let item = &mut self.items[self.position];
        if practice && item.response.is_some() {
            return Err(AnswerError::AlreadyAnswered);
        }
        let mut picked = shown.to_vec();
        picked.sort_unstable();
        picked.dedup();
        if let Some(&bad) = picked.iter().find(|&&l| item.question.option(l).is_none()) {
            return Err(LetterError::Unknown(bad.to_string()).into());
        }
        let need = item.question.pick_count();
        if picked.len() != need {
            return Err(AnswerError::WrongCount {
                need,
                got: picked.len(),
            });
        }
        item.seconds += since;
        self.shown_at = now;
        let correct = item.question.is_right(&picked);
        item.skipped = false;
        item.response = Some(Response {
            picked,
            correct,
            at: now,
            guessed: false,
        });
        self.attempt_of(self.position).ok_or(AnswerError::Finished)
    }

    /// The attempt record of an answered question.
    pub fn attempt_of(&self, index: usize) -> Option<Attempt> {
        let item = self.items.get(index)?;
        let response = item.response.as_ref()?;
        let q = &item.question;
        Some(Attempt {
            session: self.config.id.clone(),
            mode: self.config.mode.kind(),
            question: q.id.clone(),
            tags: q.tags.clone(),
            chosen: q.to_source(&response.picked),
            correct_letters: q.source_answer(),
            correct: response.correct,
            seconds: item.seconds,
            at: response.at,
            rating: Rating::of_answer(
                response.correct,
                response.guessed,
                item.seconds,
                q.text_len(),
            ),
        })
    }

    /// Every answered question's attempt, in session order (what to
    /// schedule once an exam is submitted).
    pub fn attempts(&self) -> Vec<Attempt> {
        (0..self.items.len())
            .filter_map(|i| self.attempt_of(i))
            .collect()
    }

    /// Feedback on a question: in practice once answered (or skipped), in
    /// an exam once submitted.
    pub fn feedback(&self, index: usize) -> Option<Feedback> {
        let item = self.items.get(index)?;
        let visible = match self.config.mode {
            Mode::Practice => item.response.is_some() || item.skipped || self.is_finished(),
            Mode::Exam(_) => self.is_finished(),
        };
        visible.then(|| {
            Feedback::new(
                &item.question,
                item.response.as_ref().map(|r| r.picked.as_slice()),
            )
        })
    }

    /// Moves to the next question. In practice, past the last one the
    /// session is completed; in an exam it stays put (`AtEnd`).
    pub fn next(&mut self, now: Timestamp) -> Step {
        if self.tick(now) || self.is_finished() {
            return Step::Finished;
        }
        if self.position + 1 < self.items.len() {
            self.leave(now);
            self.position += 1;
            Step::Moved
        } else if self.config.mode == Mode::Practice {
            self.finish(Ending::Completed, now);
            Step::Finished
        } else {
            Step::AtEnd
        }
    }

    /// Skips the question on screen without answering, then moves on.
    pub fn skip(&mut self, now: Timestamp) -> Step {
        if !self.is_finished()
            && let Some(item) = self.items.get_mut(self.position)
            && item.response.is_none()
        {
            item.skipped = true;
        }
        self.next(now)
    }

    /// Submits (exam) or ends (practice) the session.
    pub fn submit(&mut self, now: Timestamp) -> Option<&ExamResult> {
        if !self.tick(now) && !self.is_finished() {
            let ending = match self.config.mode {
                Mode::Exam(_) => Ending::Submitted,
                Mode::Practice => Ending::Completed,
            };
            self.finish(ending, now);
        }
        self.result.as_ref()
    }

    /// Stops early, keeping every answer given (an exam is graded as it is).
    pub fn stop(&mut self, now: Timestamp) {
        if !self.tick(now) && !self.is_finished() {
            self.finish(Ending::Stopped, now);
        }
    }

    /// Right, answered and total so far.
    pub fn score(&self) -> Score {
        let answered = self.items.iter().filter(|i| i.response.is_some()).count();
        let correct = self
            .items
            .iter()
            .filter(|i| i.response.as_ref().is_some_and(|r| r.correct))
            .count();
        Score {
            correct,
            answered,
            total: self.items.len(),
        }
    }

    fn leave(&mut self, now: Timestamp) {
        if let Some(item) = self.items.get_mut(self.position) {
            item.seconds += now.seconds_since(self.shown_at).max(0.0);
        }
        self.shown_at = now;
    }

    fn finish(&mut self, ending: Ending, now: Timestamp) {
        self.leave(now);
        self.ending = Some(ending);
        if let Mode::Exam(config) = self.config.mode
            && ending != Ending::Abandoned
        {
            self.result = Some(exam::grade(
                self.items.iter().map(|i| {
                    (
                        i.question.tags.as_slice(),
                        i.response.as_ref().map(|r| r.correct),
                    )
                }),
                config.pass_mark,
                ending == Ending::TimeUp,
                now.seconds_since(self.started).max(0.0),
            ));
            if let (Some(bp), Some(result)) = (&self.blueprint, &mut self.result) {
                result.domains = exam::domain_scores(
                    self.items.iter().zip(&bp.domains).map(|(i, d)| {
                        (
                            std::iter::once(d.clone()),
                            i.response.as_ref().is_some_and(|r| r.correct),
                        )
                    }),
                    config.pass_mark,
                );
            }
        }
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
