//! The one recorder of a running quiz, for the line mode and the app alike:
//! it writes the session's start and end, each answer as it is given
//! (practice answers move the schedule at once, exam answers when the exam
//! ends), takes the last practice answer back (undo), and keeps answers the
//! store refused (another process holding the lock, a read-only file) in
//! order, retrying them with the next answer and at the end, so the quiz
//! never stops over a write.
//!
//! It reports the cards it wrote; keeping the in-memory history current
//! from them is the caller's ([`History::answer`], [`History::set_due`]),
//! so the recorder can run on a writer thread ([`super::Writer`]).
//!
//! [`History::answer`]: crate::quiz::History::answer
//! [`History::set_due`]: crate::quiz::History::set_due

use crate::quiz::{Attempt, CardState, Ending, ModeKind, QuizSession, Scheduler, Timestamp};
use crate::vault::QuestionId;

use super::{Store, StoreError};

/// What recording an answer came to.
#[derive(Debug, Default)]
pub struct Saved {
    /// The cards written by this call, oldest answer first: this answer's
    /// (practice) and those of answers refused earlier and saved now.
    pub cards: Vec<(QuestionId, CardState)>,
    /// Answers still waiting to be saved, this one included if refused.
    pub pending: usize,
    /// Why the store refused, if it did.
    pub error: Option<StoreError>,
}

impl Saved {
    /// When `question` comes back, if its card was written by this call.
    pub fn next_review(&self, question: &QuestionId) -> Option<Timestamp> {
        self.cards
            .iter()
            .rev()
            .find(|(id, _)| id == question)
            .map(|(_, c)| c.due)
    }
}

/// The last practice answer, kept so that it can be taken back.
#[derive(Debug)]
struct LastAnswer {
    attempt: Attempt,
    /// The card before it, once saved (`None` while unsaved or first).
    previous: Option<CardState>,
    saved: bool,
}

/// Records one session's answers.
#[derive(Debug)]
pub struct Recorder {
    scheduler: Scheduler,
    seed: Option<u64>,
    unsaved: Vec<Attempt>,
    last: Option<LastAnswer>,
}

impl Recorder {
    /// A recorder scheduling with `scheduler`; `seed` is recorded with the
    /// session.
    pub fn new(scheduler: Scheduler, seed: Option<u64>) -> Recorder {
        Recorder {
            scheduler,
            seed,
            unsaved: Vec::new(),
            last: None,
        }
    }

    /// Starts recording another session with its own scheduler; answers
    /// still unsaved from the one before are kept and retried.
    pub fn begin(&mut self, scheduler: Scheduler, seed: Option<u64>) {
        self.scheduler = scheduler;
        self.seed = seed;
        self.last = None;
    }

    /// Answers not saved yet.
    pub fn pending(&self) -> usize {
        self.unsaved.len()
    }

    /// Records the session's start (idempotent).
    pub fn start(
        &mut self,
        store: &mut Store,
        session: &QuizSession,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        if session.is_empty() {
            return Ok(());
        }
        let kind = session.mode().kind();
        store.start_session(session.id(), kind, self.seed, session.len(), now)?;
        // An exam keeps the questions it asks, as they read now.
        store.save_exam(session)
    }

    /// Records one answer, after the answers refused before it, in order.
    pub fn answered(&mut self, store: &mut Store, attempt: &Attempt) -> Saved {
        if attempt.mode == ModeKind::Practice {
            self.last = Some(LastAnswer {
                attempt: attempt.clone(),
                previous: None,
                saved: false,
            });
        }
        self.unsaved.push(attempt.clone());
        let mut cards = Vec::new();
        let error = self.retry_into(store, &mut cards).err();
        Saved {
            cards,
            pending: self.unsaved.len(),
            error,
        }
    }

    /// Saves the answers refused earlier, oldest first, stopping at the
    /// first refusal; returns the cards written.
    pub fn retry(&mut self, store: &mut Store) -> Saved {
        let mut cards = Vec::new();
        let error = self.retry_into(store, &mut cards).err();
        Saved {
            cards,
            pending: self.unsaved.len(),
            error,
        }
    }

    fn retry_into(
        &mut self,
        store: &mut Store,
        cards: &mut Vec<(QuestionId, CardState)>,
    ) -> Result<(), StoreError> {
        while let Some(attempt) = self.unsaved.first() {
            let practice = attempt.mode == ModeKind::Practice;
            let recorded = store.record(attempt, practice.then_some(&self.scheduler))?;
            if let Some(card) = recorded.card {
                cards.push((attempt.question.clone(), card));
            }
            if let Some(last) = &mut self.last
                && last.attempt == *attempt
            {
                last.saved = true;
                last.previous = recorded.previous;
            }
            self.unsaved.remove(0);
        }
        Ok(())
    }

    /// Takes the last practice answer back: its row is removed and the card
    /// is as it was before it. Returns the answer taken back, or `None`
    /// when there is none to take back.
    pub fn undo(&mut self, store: &mut Store) -> Result<Option<Attempt>, StoreError> {
        let Some(last) = self.last.take() else {
            return Ok(None);
        };
        if last.saved {
            if let Err(e) = store.take_back(&last.attempt, last.previous.as_ref()) {
                self.last = Some(last);
                return Err(e);
            }
        } else {
            self.unsaved.retain(|a| *a != last.attempt);
        }
        Ok(Some(last.attempt))
    }

    /// Ends the session: last tries for unsaved answers, an exam's answers
    /// scheduled, the ending recorded. Returns the exam's answers with the
    /// cards they got (empty for practice).
    pub fn finished(
        &mut self,
        store: &mut Store,
        session: &QuizSession,
        now: Timestamp,
    ) -> Result<Vec<(Attempt, CardState)>, StoreError> {
        self.last = None;
        if session.is_empty() {
            return Ok(Vec::new());
        }
        // Each try waits out the busy timeout.
        let mut cards = Vec::new();
        let mut result = self.retry_into(store, &mut cards);
        for _ in 0..2 {
            if result.is_ok() {
                break;
            }
            result = self.retry_into(store, &mut cards);
        }
        result?;
        // Again, in case the start could not be saved (it is idempotent).
        self.start(store, session, now)?;
        let mut exam = Vec::new();
        if session.mode().kind() == ModeKind::Exam {
            let attempts = session.attempts();
            let cards = store.schedule(&attempts, &self.scheduler)?;
            exam = attempts
                .into_iter()
                .zip(cards)
                .map(|(a, (_, card))| (a, card))
                .collect();
        }
        // Flags and times as they ended.
        store.save_exam(session)?;
        store.finish_session(
            session.id(),
            ending_name(session.ending()),
            session.score().correct,
            session.exam_result(),
            now,
        )?;
        Ok(exam)
    }
}

/// How an ending is recorded in the store.
fn ending_name(ending: Option<Ending>) -> &'static str {
    match ending {
        Some(Ending::Completed) => "completed",
        Some(Ending::Submitted) => "submitted",
        Some(Ending::TimeUp) => "time_up",
        Some(Ending::Abandoned) => "abandoned",
        Some(Ending::Stopped) | None => "stopped",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::History;
    use crate::quiz::testing::attempt;

    fn practice(id: &str, chosen: char, at: i64) -> Attempt {
        attempt(id, &[chosen], &['A'], at)
    }

    /// What a front end does with an answer: history first, then the
    /// recorder, then the cards it wrote.
    fn answer(rec: &mut Recorder, store: &mut Store, h: &mut History, a: &Attempt) -> Saved {
        h.answer(a);
        let saved = rec.answered(store, a);
        h.set_dues(&saved.cards);
        saved
    }

    #[test]
    fn the_in_memory_history_equals_the_stores_after_every_answer() {
        let mut store = Store::in_memory().unwrap();
        let mut rec = Recorder::new(Scheduler::new().unwrap(), None);
        let mut history = History::default();
        for (i, c) in (0_i64..).zip(['A', 'B', 'A', 'C', 'A']) {
            let mut a = practice(if i % 2 == 0 { "q1" } else { "q2" }, c, 100 * i);
            a.session = crate::quiz::SessionId(format!("s{i}"));
            let saved = answer(&mut rec, &mut store, &mut history, &a);
            assert!(saved.error.is_none());
            assert!(saved.next_review(&a.question).is_some_and(|d| d > a.at));
            assert_eq!(history, store.history().unwrap(), "after answer {i}");
        }
    }

    #[test]
    fn undo_restores_the_row_the_card_and_the_history() {
        let mut store = Store::in_memory().unwrap();
        let mut rec = Recorder::new(Scheduler::new().unwrap(), None);
        let mut history = History::default();
        let mut first = practice("q", 'A', 1000);
        first.session = crate::quiz::SessionId("s1".into());
        answer(&mut rec, &mut store, &mut history, &first);
        let card_before = store.card(&first.question).unwrap();
        let history_before = history.clone();
        let mut second = practice("q", 'B', 90_000);
        second.session = crate::quiz::SessionId("s2".into());
        let point = history.answer(&second);
        rec.answered(&mut store, &second);
        assert_ne!(store.card(&first.question).unwrap(), card_before);

        let taken = rec.undo(&mut store).unwrap();
        assert_eq!(taken.as_ref(), Some(&second));
        history.undo(point);
        assert_eq!(store.card(&first.question).unwrap(), card_before);
        assert_eq!(store.attempts().unwrap(), [first.clone()]);
        assert_eq!(history, history_before);
        assert_eq!(history, store.history().unwrap());
        // Only the last answer can be taken back.
        assert_eq!(rec.undo(&mut store).unwrap(), None);
        assert_eq!(store.attempts().unwrap().len(), 1);
    }

    #[test]
    fn undoing_a_first_answer_leaves_no_card_and_no_history() {
        let mut store = Store::in_memory().unwrap();
        let mut rec = Recorder::new(Scheduler::new().unwrap(), None);
        let mut history = History::default();
        let a = practice("q", 'A', 1000);
        let point = history.answer(&a);
        rec.answered(&mut store, &a);
        rec.undo(&mut store).unwrap();
        history.undo(point);
        assert_eq!(store.card(&a.question).unwrap(), None);
        assert!(store.attempts().unwrap().is_empty());
        assert_eq!(history, History::default());
    }
}
