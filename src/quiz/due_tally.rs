//! Today's due and never-answered counts kept current answer by answer:
//! what [`History::due_counts`] counts over the whole vault, counted once
//! per vault and learning day, then moved by the few questions an answer,
//! an undo or a written card changed.
//!
//! The app recounted the whole vault after every answer and every card
//! the writer reported (32 ms at 133,000 questions, twice an answer, on
//! the app's thread). Owns the per-question shares and the counts; which
//! questions changed is the caller's to say.

use std::hash::{BuildHasher, RandomState};
use std::ops::Range;

use crate::vault::{QuestionId, QuestionIx, Vault};

use super::day::StudyDay;
use super::history::{DueCounts, History};
use super::time::{Day, Timestamp};

/// What one quizzable question adds to the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Share {
    /// Not quizzable: counted nowhere.
    Outside,
    /// Never answered.
    Never,
    /// Answered: due today, due within the week.
    Answered { today: bool, week: bool },
}

/// Due counts over a vault, updated question by question.
#[derive(Debug, Clone)]
pub struct DueTally {
    counts: DueCounts,
    /// Per question of the vault, by index.
    shares: Vec<Share>,
    /// Quizzable questions by a hash of their id, sorted (ids are compared
    /// when used, so a collision costs a comparison, never a wrong count).
    /// A sorted list, not a map of lists: 2 MB at 133,000 questions where
    /// the map took 14.
    by_key: Vec<(u64, QuestionIx)>,
    /// Per question of the vault, by index: its key in `by_key` (quizzable
    /// questions only).
    keys: Vec<u64>,
    hasher: RandomState,
    day: Day,
}

impl DueTally {
    /// Counts the whole vault, as [`History::due_counts`] does.
    pub fn count(vault: &Vault, history: &History, day: StudyDay, now: Timestamp) -> DueTally {
        let hasher = RandomState::new();
        let week_end = week_end(day, now);
        let mut tally = DueTally {
            counts: DueCounts::default(),
            shares: vec![Share::Outside; vault.questions.len()],
            by_key: Vec::new(),
            keys: vec![0; vault.questions.len()],
            hasher,
            day: day.day(now),
        };
        for ix in vault.quizzable() {
            let id = &vault.question(ix).id;
            let share = share(history, id, day, now, week_end);
            tally.add(share, 1);
            tally.shares[ix.0] = share;
            let key = tally.hasher.hash_one(id);
            tally.by_key.push((key, ix));
            tally.keys[ix.0] = key;
        }
        tally.by_key.sort_unstable();
        tally
    }

    /// A note edited in place: its questions at `before` are now those at
    /// `after` in `vault`, and every question after them moved by the
    /// difference (see `Vault::apply_edit`). The counts follow at the cost
    /// of those questions, plus a move of the indexes kept when their
    /// number changed.
    pub fn replace(
        &mut self,
        vault: &Vault,
        history: &History,
        (before, after): (Range<usize>, Range<usize>),
        day: StudyDay,
        now: Timestamp,
    ) {
        for ix in before.clone() {
            let (Some(&old), Some(&key)) = (self.shares.get(ix), self.keys.get(ix)) else {
                continue;
            };
            self.add(old, -1);
            if old != Share::Outside
                && let Ok(at) = self.by_key.binary_search(&(key, QuestionIx(ix)))
            {
                self.by_key.remove(at);
            }
        }
        if after.len() != before.len() {
            // Every index after the note moves by one amount: the order
            // of the list (by key, then index) stays.
            for (_, q) in &mut self.by_key {
                if q.0 >= before.end {
                    q.0 = q.0 + after.len() - before.len();
                }
            }
        }
        let week_end = week_end(day, now);
        let mut shares = Vec::with_capacity(after.len());
        let mut keys = Vec::with_capacity(after.len());
        for ix in after.clone().map(QuestionIx) {
            let q = vault.question(ix);
            if !q.quizzable {
                shares.push(Share::Outside);
                keys.push(0);
                continue;
            }
            let share = share(history, &q.id, day, now, week_end);
            let key = self.hasher.hash_one(&q.id);
            self.add(share, 1);
            let at = self.by_key.partition_point(|&e| e < (key, ix));
            self.by_key.insert(at, (key, ix));
            shares.push(share);
            keys.push(key);
        }
        self.shares.splice(before.clone(), shares);
        self.keys.splice(before, keys);
    }

    /// The counts.
    pub fn counts(&self) -> DueCounts {
        self.counts
    }

    /// The learning day counted on: another day needs a new count.
    pub fn day(&self) -> Day {
        self.day
    }

    /// Moves the counts for a question whose history changed (answered,
    /// taken back, given a due date). `vault` is the one counted.
    pub fn update(
        &mut self,
        vault: &Vault,
        history: &History,
        id: &QuestionId,
        day: StudyDay,
        now: Timestamp,
    ) {
        let key = self.hasher.hash_one(id);
        let from = self.by_key.partition_point(|&(k, _)| k < key);
        let ixs: Vec<QuestionIx> = self.by_key[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, ix)| ix)
            .filter(|&ix| vault.questions.get(ix.0).is_some_and(|q| q.id == *id))
            .collect();
        let new = share(history, id, day, now, week_end(day, now));
        for ix in ixs {
            let Some(old) = self.shares.get(ix.0).copied() else {
                continue;
            };
            self.add(old, -1);
            self.add(new, 1);
            self.shares[ix.0] = new;
        }
    }

    fn add(&mut self, share: Share, sign: isize) {
        let step = |n: &mut usize, yes: bool| {
            if yes {
                *n = n.saturating_add_signed(sign);
            }
        };
        let c = &mut self.counts;
        match share {
            Share::Outside => {}
            Share::Never => step(&mut c.never_answered, true),
            Share::Answered { today, week } => {
                step(&mut c.today, today);
                step(&mut c.week, week);
            }
        }
    }
}

/// The end of the seventh learning day, today included.
fn week_end(day: StudyDay, now: Timestamp) -> Timestamp {
    day.start(day.day(now).plus(7))
}

/// A question's share, with the tests [`History::due_counts`] uses.
fn share(
    history: &History,
    id: &QuestionId,
    day: StudyDay,
    now: Timestamp,
    week_end: Timestamp,
) -> Share {
    match history.get(id) {
        None => Share::Never,
        Some(h) => Share::Answered {
            today: h.is_due_today(day, now),
            week: h.due.is_some_and(|d| d < week_end),
        },
    }
}

#[cfg(test)]
#[path = "due_tally_tests.rs"]
mod tests;
