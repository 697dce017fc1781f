//! The quiz screen's questions: keys while a question is asked (pick,
//! move, toggle, answer, exam navigation) and on the practice feedback
//! that follows (next, guessed, undo, scrolling). The rest of the screen's
//! phases are in `quiz`.

use super::quiz::{Outcome, Phase, QuizState};
use crate::quiz::{AnswerError, Step, Timestamp};
use crate::tui::action::Action;
use crate::vault::Letter;

impl QuizState {
    /// A question waiting for an answer.
    pub(super) fn asking(&mut self, action: Action, now: Timestamp) -> Outcome {
        let options = self.options();
        let multi = self.need() > 1;
        let exam = self.is_exam();
        let highlighted = options.get(self.cursor).copied();
        match action {
            Action::Pick(letter) => {
                if !options.contains(&letter) {
                    return Outcome::NoOption(letter);
                }
                self.cursor = options.iter().position(|&l| l == letter).unwrap_or(0);
                self.chosen = true;
                if multi {
                    self.toggle(letter, now)
                } else {
                    self.answer(vec![letter], now)
                }
            }
            Action::Toggle => match highlighted {
                Some(l) if multi => self.toggle(l, now),
                // Space answers a single-answer question only in an exam;
                // in practice it is the feedback's "next" key, and pressed
                // twice it must not answer the next question.
                Some(l) if exam => self.answer(vec![l], now),
                _ => Outcome::None,
            },
            Action::Confirm if !self.shows_highlight() => Outcome::ChooseFirst,
            Action::Confirm => match highlighted {
                Some(l) if !multi => {
                    let out = self.answer(vec![l], now);
                    if exam {
                        self.step(now);
                    }
                    out
                }
                Some(_) if self.toggled.len() == self.need() => {
                    let out = self.answer(self.toggled.clone(), now);
                    if exam {
                        self.step(now);
                    }
                    out
                }
                Some(_) => Outcome::NeedCount(self.need()),
                None => Outcome::None,
            },
            Action::Down => {
                if self.shows_highlight() {
                    self.cursor = (self.cursor + 1).min(options.len().saturating_sub(1));
                }
                self.chosen = true;
                Outcome::None
            }
            Action::Up => {
                if self.shows_highlight() {
                    self.cursor = self.cursor.saturating_sub(1);
                }
                self.chosen = true;
                Outcome::None
            }
            Action::OpenNote => self.open_note(),
            Action::NextQuestion if exam => {
                self.step(now);
                Outcome::None
            }
            Action::PrevQuestion if exam => {
                let pos = self.session.position();
                if pos > 0 && self.session.jump(pos - 1, now) {
                    self.arrive();
                }
                Outcome::None
            }
            Action::Flag if exam => {
                self.session.flag();
                Outcome::None
            }
            Action::Review if exam => {
                self.phase = Phase::Review {
                    cursor: self.session.position(),
                };
                Outcome::None
            }
            Action::Submit | Action::Back if exam => self.confirm(None),
            Action::Back => {
                self.session.stop(now);
                self.phase = Phase::Done;
                self.scroll = 0;
                Outcome::Finished
            }
            _ => Outcome::None,
        }
    }

    /// Exam: on to the next question, or the review grid after the last.
    fn step(&mut self, now: Timestamp) {
        match self.session.next(now) {
            Step::Moved => self.arrive(),
            Step::AtEnd => {
                self.phase = Phase::Review {
                    cursor: self.session.position(),
                }
            }
            Step::Finished => self.phase = Phase::Done,
        }
    }

    fn toggle(&mut self, letter: Letter, now: Timestamp) -> Outcome {
        if let Some(i) = self.toggled.iter().position(|&l| l == letter) {
            self.toggled.remove(i);
        } else {
            self.toggled.push(letter);
            self.toggled.sort_unstable();
        }
        // An exam takes the set as soon as it is complete; practice waits
        // for Enter so a slip can be undone.
        if self.is_exam() && self.toggled.len() == self.need() {
            return self.answer(self.toggled.clone(), now);
        }
        Outcome::None
    }

    fn answer(&mut self, letters: Vec<Letter>, now: Timestamp) -> Outcome {
        match self.session.answer(&letters, now) {
            Ok(attempt) => {
                self.toggled = letters;
                if !self.is_exam() {
                    self.phase = Phase::Feedback;
                    self.scroll = 0;
                    self.next_review = None;
                }
                Outcome::Answered(Box::new(attempt))
            }
            Err(AnswerError::TimeUp | AnswerError::Finished) => {
                self.phase = Phase::Done;
                Outcome::Finished
            }
            Err(e) => Outcome::Message(e.to_string()),
        }
    }

    /// Practice: the feedback on the answer just given.
    pub(super) fn feedback(&mut self, action: Action, now: Timestamp) -> Outcome {
        match action {
            Action::Confirm => match self.session.next(now) {
                Step::Moved => {
                    self.phase = Phase::Asking;
                    self.arrive();
                    Outcome::None
                }
                Step::AtEnd | Step::Finished => {
                    self.phase = Phase::Done;
                    self.scroll = 0;
                    Outcome::Finished
                }
            },
            Action::OpenNote => self.open_note(),
            Action::Guessed => {
                let pos = self.session.position();
                let guessed = self
                    .session
                    .current()
                    .and_then(|i| i.response.as_ref())
                    .is_some_and(|r| r.guessed);
                match self.session.set_guessed(pos, !guessed) {
                    Some(attempt) => Outcome::Rerate(Box::new(attempt)),
                    None => Outcome::None,
                }
            }
            Action::Undo => Outcome::Undo,
            Action::Back => {
                self.session.stop(now);
                self.phase = Phase::Done;
                Outcome::Finished
            }
            Action::Down => {
                self.scroll += 1;
                Outcome::None
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Outcome::None
            }
            Action::HalfPageDown | Action::PageDown => {
                self.scroll += 5;
                Outcome::None
            }
            Action::HalfPageUp | Action::PageUp => {
                self.scroll = self.scroll.saturating_sub(5);
                Outcome::None
            }
            Action::Top => {
                self.scroll = 0;
                Outcome::None
            }
            _ => Outcome::None,
        }
    }
}
