//! Spaced repetition with FSRS (the `fsrs` crate, what Anki runs): how an
//! answer is rated, and how a question's memory state and due date move.
//!
//! Owns ratings and card states; the store keeps them, planning for an exam
//! date lives in `plan`.
//!
//! Ratings from one answer:
//! - wrong → **Again**;
//! - right, but the learner said they guessed → **Hard** (never Good or
//!   Easy: a lucky guess is not knowledge);
//! - right, and faster than half the expected time → **Easy**;
//! - right, and slower than twice the expected time → **Hard**;
//! - right otherwise → **Good**.
//!
//! The expected time grows with how much there is to read:
//! `10 s + 1 s per 8 characters` of stem and options (about the pace of
//! careful reading in Korean), so a long scenario question is not called
//! "slow" for the time it takes to read it.

use fsrs::{FSRS, MemoryState};

use super::day::StudyDay;
use super::time::{Day, Timestamp};

/// How well an answer went, in FSRS's four grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    /// Wrong.
    Again,
    /// Right but slow.
    Hard,
    /// Right.
    Good,
    /// Right and fast.
    Easy,
}

impl Rating {
    /// Rates an answer from whether it was right, whether the learner
    /// guessed, the seconds it took and the characters of stem and options.
    pub fn of_answer(correct: bool, guessed: bool, seconds: f64, text_chars: usize) -> Rating {
        if !correct {
            return Rating::Again;
        }
        if guessed {
            return Rating::Hard;
        }
        let expected = expected_seconds(text_chars);
        if seconds < expected / 2.0 {
            Rating::Easy
        } else if seconds > expected * 2.0 {
            Rating::Hard
        } else {
            Rating::Good
        }
    }

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
}

/// Seconds a careful reader needs for a question of this many characters.
#[allow(clippy::cast_precision_loss)] // character counts are small
pub fn expected_seconds(text_chars: usize) -> f64 {
    10.0 + text_chars as f64 / 8.0
}

/// What the schedule knows of one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardState {
    /// FSRS stability in days.
    pub stability: f32,
    /// FSRS difficulty, 1–10.
    pub difficulty: f32,
    /// When it is next due.
    pub due: Timestamp,
    /// When it was last reviewed.
    pub last_review: Timestamp,
    /// How many reviews so far.
    pub reps: u32,
    /// How many of them were wrong.
    pub lapses: u32,
}

/// Why the scheduler could not work.
#[derive(Debug, thiserror::Error)]
#[error("spaced-repetition scheduler failed: {0}")]
pub struct ScheduleError(String);

/// Moves card states with FSRS's default parameters.
#[derive(Debug)]
pub struct Scheduler {
    fsrs: FSRS,
    retention: f32,
    exam: Option<(Day, StudyDay)>,
}

impl Scheduler {
    /// The desired retention munje aims for.
    pub const DEFAULT_RETENTION: f32 = 0.9;

    /// A scheduler with FSRS's default parameters and 90 % retention.
    pub fn new() -> Result<Scheduler, ScheduleError> {
        let fsrs = FSRS::new(&[]).map_err(|e| ScheduleError(e.to_string()))?;
        Ok(Scheduler {
            fsrs,
            retention: Self::DEFAULT_RETENTION,
            exam: None,
        })
    }

    /// A scheduler with FSRS parameters fitted to the user's history
    /// (`munje progress optimize`), FSRS's defaults for an empty slice,
    /// and 90 % retention.
    pub fn with_parameters(parameters: &[f32]) -> Result<Scheduler, ScheduleError> {
        let fsrs = FSRS::new(parameters).map_err(|e| ScheduleError(e.to_string()))?;
        Ok(Scheduler {
            fsrs,
            retention: Self::DEFAULT_RETENTION,
            exam: None,
        })
    }

    /// Caps every due date so the question comes back before the exam day
    /// (the learning day before it, at the latest).
    #[must_use]
    pub fn with_exam_date(mut self, day: Day, study: StudyDay) -> Scheduler {
        self.exam = Some((day, study));
        self
    }

    /// The card state after a review at `now`.
    ///
    /// A wrong answer comes back after FSRS's "again" interval but within a
    /// day at most (Anki's relearning step plays this part); a right one after its interval rounded to whole days, at
    /// least one, as the `fsrs` crate's own scheduler example does.
    pub fn review(
        &self,
        prev: Option<&CardState>,
        rating: Rating,
        now: Timestamp,
    ) -> Result<CardState, ScheduleError> {
        let memory = prev.map(|c| MemoryState {
            stability: c.stability,
            difficulty: c.difficulty,
        });
        let elapsed = prev.map_or(0, |c| {
            let days = now.seconds_since(c.last_review) / 86_400.0;
            // Whole days, never negative (clocks can go backwards).
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let days = days.max(0.0).floor().min(f64::from(u32::MAX)) as u32;
            days
        });
        let next = self
            .fsrs
            .next_states(memory, self.retention, elapsed)
            .map_err(|e| ScheduleError(e.to_string()))?;
        let state = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        let days = if rating == Rating::Again {
            f64::from(state.interval).clamp(1.0 / 144.0, 1.0)
        } else {
            f64::from(state.interval).round().max(1.0)
        };
        let mut due = now.plus_days(days);
        if let Some((exam_day, study)) = self.exam {
            let latest = study.start(exam_day.plus(-1));
            if latest > now && due > latest {
                due = latest;
            }
        }
        Ok(CardState {
            stability: state.memory.stability,
            difficulty: state.memory.difficulty,
            due,
            last_review: now,
            reps: prev.map_or(0, |c| c.reps) + 1,
            lapses: prev.map_or(0, |c| c.lapses) + u32::from(rating == Rating::Again),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::UtcOffset;

    const DAY: f64 = 86_400.0;

    #[test]
    fn ratings_follow_correctness_and_speed() {
        // 80 characters: expected 20 s.
        assert_eq!(Rating::of_answer(false, false, 3.0, 80), Rating::Again);
        assert_eq!(Rating::of_answer(true, false, 9.0, 80), Rating::Easy);
        assert_eq!(
            Rating::of_answer(true, true, 9.0, 80),
            Rating::Hard,
            "a fast guess"
        );
        assert_eq!(Rating::of_answer(false, true, 9.0, 80), Rating::Again);
        assert_eq!(Rating::of_answer(true, false, 20.0, 80), Rating::Good);
        assert_eq!(Rating::of_answer(true, false, 41.0, 80), Rating::Hard);
        // A long question earns more time before it counts as slow.
        assert_eq!(Rating::of_answer(true, false, 41.0, 400), Rating::Good);
    }

    #[test]
    fn right_answers_push_the_due_date_out_and_wrong_ones_bring_it_back() {
        let s = Scheduler::new().unwrap();
        let t0 = Timestamp::from_secs(1_800_000_000);
        let first = s.review(None, Rating::Good, t0).unwrap();
        assert!(first.due.seconds_since(t0) >= DAY);
        let t1 = first.due;
        let second = s.review(Some(&first), Rating::Good, t1).unwrap();
        assert!(second.due.seconds_since(t1) > first.due.seconds_since(t0));
        assert!(second.stability > first.stability);
        let lapse = s.review(Some(&second), Rating::Again, second.due).unwrap();
        assert!(lapse.due.seconds_since(second.due) <= DAY);
        assert_eq!((lapse.reps, lapse.lapses), (3, 1));
        let easy = s.review(None, Rating::Easy, t0).unwrap();
        let hard = s.review(None, Rating::Hard, t0).unwrap();
        assert!(easy.due > first.due && first.due >= hard.due);
    }

    #[test]
    fn an_exam_date_caps_the_due_date_to_the_day_before() {
        let t0 = Day::parse("2026-11-21").unwrap().start(UtcOffset::UTC);
        let exam = Day::parse("2026-11-24").unwrap();
        let s = Scheduler::new()
            .unwrap()
            .with_exam_date(exam, crate::quiz::StudyDay::UTC_MIDNIGHT);
        let easy = s.review(None, Rating::Easy, t0).unwrap();
        assert_eq!(easy.due.day(UtcOffset::UTC).to_string(), "2026-11-23");
    }
}
