//! What only an exam does with a session: flags, jumps, the review grid,
//! leaving without a score, and its settings. Part of `QuizSession`.

use super::{GridCell, Mode, QuizSession};
use crate::quiz::exam::ExamConfig;
use crate::quiz::state::Ending;
use crate::quiz::time::Timestamp;

impl QuizSession {
    /// Toggles the flag on the question on screen; returns the new state.
    pub fn flag(&mut self) -> bool {
        if self.is_finished() {
            return false;
        }
        self.items.get_mut(self.position).is_some_and(|item| {
            item.flagged = !item.flagged;
            item.flagged
        })
    }

    /// Goes to a question by 0-based index; false when there is none.
    pub fn jump(&mut self, index: usize, now: Timestamp) -> bool {
        if self.tick(now) || self.is_finished() || index >= self.items.len() {
            return false;
        }
        self.leave(now);
        self.position = index;
        true
    }

    /// The review grid: every question answered or not, flagged or not.
    pub fn review_grid(&self) -> Vec<GridCell> {
        self.items
            .iter()
            .enumerate()
            .map(|(index, item)| GridCell {
                index,
                answered: item.response.is_some(),
                flagged: item.flagged,
                current: index == self.position && !self.is_finished(),
            })
            .collect()
    }

    /// Leaves an exam without submitting it: the answers given are kept
    /// but the exam is not scored ([`QuizSession::exam_result`] stays
    /// `None`). In practice this is [`QuizSession::stop`].
    pub fn abandon(&mut self, now: Timestamp) {
        if self.config.mode == Mode::Practice {
            return self.stop(now);
        }
        if !self.tick(now) && !self.is_finished() {
            self.finish(Ending::Abandoned, now);
        }
    }

    /// The exam's settings (`None` in practice).
    pub fn exam_config(&self) -> Option<ExamConfig> {
        match self.config.mode {
            Mode::Exam(c) => Some(c),
            Mode::Practice => None,
        }
    }
}
