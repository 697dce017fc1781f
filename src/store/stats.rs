//! Progress figures for `munje stats`: attempts and accuracy overall and by
//! tag, questions due today and this week, the streak of days practised,
//! and attempts per day over the last eight weeks.
//!
//! Owns the arithmetic, done over rows read back from the store; days are
//! local days (the caller passes the UTC offset).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::quiz::{Attempt, Day, Timestamp, UtcOffset};

use super::{Store, StoreError};

/// How many days `by_day` covers.
pub const BY_DAY_SPAN: i64 = 56;

/// Attempts and right answers for one tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagCount {
    /// The tag as recorded with the attempts.
    pub tag: String,
    /// Answers given to questions with this tag.
    pub attempts: u64,
    /// Of which right.
    pub correct: u64,
}

/// Attempts and right answers on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    /// Answers given that day.
    pub attempts: u64,
    /// Of which right.
    pub correct: u64,
}

/// Every figure `munje stats` shows (and its JSON, key for key).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Answers given.
    pub attempts: u64,
    /// Of which right.
    pub correct: u64,
    /// `correct / attempts`, 0–1, four decimals (0 with no attempts).
    pub accuracy: f64,
    /// Questions due by the end of today (overdue included).
    pub due_today: u64,
    /// Questions due within seven days, today included.
    pub due_week: u64,
    /// Consecutive days with at least one answer, up to today (or up to
    /// yesterday while today has none yet).
    pub streak_days: u32,
    /// Per tag, sorted by tag.
    pub by_tag: Vec<TagCount>,
    /// The last 56 days, oldest first, days without answers included.
    pub by_day: Vec<DayCount>,
}

impl Stats {
    /// Computes the figures from attempts and card due dates.
    pub fn compute(
        attempts: &[Attempt],
        due: &[Timestamp],
        now: Timestamp,
        offset: UtcOffset,
    ) -> Stats {
        let today = now.day(offset);
        let total = attempts.len() as u64;
        let correct = attempts.iter().filter(|a| a.correct).count() as u64;
        let mut tags: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        let mut days: BTreeMap<Day, (u64, u64)> = BTreeMap::new();
        for a in attempts {
            for t in &a.tags {
                let e = tags.entry(t.as_str()).or_default();
                e.0 += 1;
                e.1 += u64::from(a.correct);
            }
            let e = days.entry(a.at.day(offset)).or_default();
            e.0 += 1;
            e.1 += u64::from(a.correct);
        }
        let tomorrow = today.plus(1).start(offset);
        let next_week = today.plus(7).start(offset);
        let active: HashSet<Day> = days.keys().copied().collect();
        let mut day = if active.contains(&today) {
            today
        } else {
            today.plus(-1)
        };
        let mut streak = 0;
        while active.contains(&day) {
            streak += 1;
            day = day.plus(-1);
        }
        Stats {
            attempts: total,
            correct,
            accuracy: if total == 0 {
                0.0
            } else {
                round4(ratio(correct, total))
            },
            due_today: due.iter().filter(|&&d| d < tomorrow).count() as u64,
            due_week: due.iter().filter(|&&d| d < next_week).count() as u64,
            streak_days: streak,
            by_tag: tags
                .into_iter()
                .map(|(tag, (attempts, correct))| TagCount {
                    tag: tag.to_owned(),
                    attempts,
                    correct,
                })
                .collect(),
            by_day: (0..BY_DAY_SPAN)
                .rev()
                .map(|back| {
                    let d = today.plus(-back);
                    let (attempts, correct) = days.get(&d).copied().unwrap_or_default();
                    DayCount {
                        date: d.to_string(),
                        attempts,
                        correct,
                    }
                })
                .collect(),
        }
    }
}

#[allow(clippy::cast_precision_loss)] // attempt counts are far below 2^52
fn ratio(a: u64, b: u64) -> f64 {
    a as f64 / b as f64
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Store {
    /// The figures at `now`, in the local time zone.
    pub fn stats(&self, now: Timestamp) -> Result<Stats, StoreError> {
        let offset = self.local_offset(now);
        Ok(Stats::compute(
            &self.attempts()?,
            &self.due_dates()?,
            now,
            offset,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::attempt;
    use crate::vault::Tag;

    #[test]
    fn figures_from_attempts_and_due_dates() {
        let day0 = Day::parse("2026-11-21").unwrap().start(UtcOffset::UTC);
        let secs = |d: i32, h: i32| day0.plus_seconds(f64::from(d * 24 + h) * 3600.0).as_secs();
        let mut a = vec![
            attempt("q1", &['A'], &['A'], secs(-2, 10)),
            attempt("q1", &['B'], &['A'], secs(-1, 10)),
            attempt("q2", &['A'], &['A'], secs(0, 9)),
            attempt("q3", &['C'], &['A'], secs(-10, 9)),
        ];
        a[0].tags = vec![Tag::parse("service/emr").unwrap()];
        a[1].tags = vec![Tag::parse("service/emr").unwrap()];
        let now = day0.plus_seconds(12.0 * 3600.0);
        let due = [
            now.plus_days(-3.0),
            now.plus_days(0.4),
            now.plus_days(3.0),
            now.plus_days(9.0),
        ];
        let s = Stats::compute(&a, &due, now, UtcOffset::UTC);
        assert_eq!((s.attempts, s.correct), (4, 2));
        assert!((s.accuracy - 0.5).abs() < 1e-9);
        assert_eq!((s.due_today, s.due_week), (2, 3));
        assert_eq!(s.streak_days, 3);
        assert_eq!(
            s.by_tag,
            [TagCount {
                tag: "service/emr".into(),
                attempts: 2,
                correct: 1
            }]
        );
        assert_eq!(s.by_day.len(), 56);
        let last = s.by_day.last().unwrap();
        assert_eq!(
            (last.date.as_str(), last.attempts, last.correct),
            ("2026-11-21", 1, 1)
        );
        assert_eq!(s.by_day[s.by_day.len() - 11].attempts, 1);
    }

    #[test]
    fn streak_survives_until_today_is_practised() {
        let now = Day::parse("2026-11-21")
            .unwrap()
            .start(UtcOffset::UTC)
            .plus_seconds(3600.0);
        let yesterday = now.plus_days(-1.0).as_secs();
        let s = Stats::compute(
            &[attempt("q", &['A'], &['A'], yesterday)],
            &[],
            now,
            UtcOffset::UTC,
        );
        assert_eq!(s.streak_days, 1);
        let s = Stats::compute(&[], &[], now, UtcOffset::UTC);
        assert_eq!((s.streak_days, s.attempts), (0, 0));
        assert!(s.accuracy.abs() < f64::EPSILON);
    }

    #[test]
    fn json_has_exactly_the_documented_keys() {
        let s = Stats::compute(&[], &[], Timestamp(0), UtcOffset::UTC);
        let v = serde_json::to_value(&s).unwrap();
        let mut keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "accuracy",
                "attempts",
                "by_day",
                "by_tag",
                "correct",
                "due_today",
                "due_week",
                "streak_days"
            ]
        );
        assert_eq!(v["by_day"][0].as_object().unwrap().len(), 3);
    }
}
