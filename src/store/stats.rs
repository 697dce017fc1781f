//! Progress figures for `munje stats`: attempts and accuracy overall and by
//! tag, questions due today and this week and never answered, the streak
//! of learning days practised, and attempts per day over the last eight
//! weeks.
//!
//! The answer figures are SQL aggregates ([`AnswerTotals`]), so the cost
//! and memory stay flat however long the history is; the due figures are
//! counted over the vault's questions with the one definition of "due
//! today" ([`History::due_counts`]), so they equal what `quiz --due`
//! serves. Days are learning days ([`StudyDay`]).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::quiz::{Day, DueCounts, StudyDay, Timestamp};

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
    /// `YYYY-MM-DD`, the learning day.
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
    /// Questions due before the end of this learning day (overdue
    /// included): what `quiz --due` serves.
    pub due_today: u64,
    /// Questions due before the end of the seventh learning day, today
    /// included.
    pub due_week: u64,
    /// Quizzable questions never answered.
    pub new_questions: u64,
    /// When a learning day starts, `HH:MM` local time.
    pub day_starts_at: String,
    /// Consecutive learning days with at least one answer, up to today
    /// (or up to yesterday while today has none yet).
    pub streak_days: u32,
    /// Per tag, sorted by tag.
    pub by_tag: Vec<TagCount>,
    /// The last 56 days, oldest first, days without answers included.
    pub by_day: Vec<DayCount>,
}

/// The answer figures, aggregated by the database.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerTotals {
    /// Answers given.
    pub attempts: u64,
    /// Of which right.
    pub correct: u64,
    /// Attempts and right answers per tag.
    pub by_tag: BTreeMap<String, (u64, u64)>,
    /// Attempts and right answers per learning day.
    pub by_day: BTreeMap<Day, (u64, u64)>,
}

impl AnswerTotals {
    /// Folds in answers one by one (what the SQL computes; for tests and
    /// for tools holding attempts in memory).
    pub fn of_attempts(attempts: &[crate::quiz::Attempt], day: StudyDay) -> AnswerTotals {
        let mut t = AnswerTotals::default();
        for a in attempts {
            let right = u64::from(a.correct);
            t.attempts += 1;
            t.correct += right;
            for tag in &a.tags {
                let e = t.by_tag.entry(tag.as_str().to_owned()).or_default();
                e.0 += 1;
                e.1 += right;
            }
            let e = t.by_day.entry(day.day(a.at)).or_default();
            e.0 += 1;
            e.1 += right;
        }
        t
    }
}

impl Stats {
    /// The figures from the answer totals and the due counts.
    pub fn compute(totals: &AnswerTotals, due: DueCounts, now: Timestamp, day: StudyDay) -> Stats {
        let today = day.day(now);
        let active: HashSet<Day> = totals.by_day.keys().copied().collect();
        let mut d = if active.contains(&today) {
            today
        } else {
            today.plus(-1)
        };
        let mut streak = 0;
        while active.contains(&d) {
            streak += 1;
            d = d.plus(-1);
        }
        let (total, correct) = (totals.attempts, totals.correct);
        Stats {
            attempts: total,
            correct,
            accuracy: if total == 0 {
                0.0
            } else {
                round4(ratio(correct, total))
            },
            due_today: due.today as u64,
            due_week: due.week as u64,
            new_questions: due.never_answered as u64,
            day_starts_at: day.starts_at.to_string(),
            streak_days: streak,
            by_tag: totals
                .by_tag
                .iter()
                .map(|(tag, &(attempts, correct))| TagCount {
                    tag: tag.clone(),
                    attempts,
                    correct,
                })
                .collect(),
            by_day: (0..BY_DAY_SPAN)
                .rev()
                .map(|back| {
                    let d = today.plus(-back);
                    let (attempts, correct) = totals.by_day.get(&d).copied().unwrap_or_default();
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

/// A quarter hour, the grain of `quarter_totals`.
const QUARTER_MS: i64 = 900_000;

impl Store {
    /// Every figure at `now`: the answer totals from the database, the due
    /// counts as the caller counted them over the vault.
    pub fn stats(
        &self,
        due: DueCounts,
        now: Timestamp,
        day: StudyDay,
    ) -> Result<Stats, StoreError> {
        Ok(Stats::compute(&self.answer_totals(day)?, due, now, day))
    }

    /// The answer figures, from the summary tables the triggers keep: a
    /// row per tag set and per quarter hour, never one per attempt.
    pub fn answer_totals(&self, day: StudyDay) -> Result<AnswerTotals, StoreError> {
        let sql = |x| self.err(x);
        let mut totals = AnswerTotals::default();
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tags, attempts, correct FROM tag_totals")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (tags, n, right) = row.map_err(sql)?;
            let (n, right) = (count(n), count(right));
            totals.attempts += n;
            totals.correct += right;
            for tag in tags.lines().filter(|l| !l.is_empty()) {
                let c = totals.by_tag.entry(tag.to_owned()).or_default();
                c.0 += n;
                c.1 += right;
            }
        }
        // Learning days start on a quarter hour (time zones and
        // `day_starts_at` both do), so each quarter falls in one day.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT quarter, attempts, correct FROM quarter_totals")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (quarter, n, right) = row.map_err(sql)?;
            let d = day.day(Timestamp(quarter.saturating_mul(QUARTER_MS)));
            let c = totals.by_day.entry(d).or_default();
            c.0 += count(n);
            c.1 += count(right);
        }
        Ok(totals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::attempt;
    use crate::quiz::{DayStart, UtcOffset};
    use crate::vault::Tag;

    fn due(today: usize, week: usize) -> DueCounts {
        DueCounts {
            today,
            week,
            never_answered: 0,
        }
    }

    #[test]
    fn figures_from_answer_totals() {
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
        let study = StudyDay::UTC_MIDNIGHT;
        let s = Stats::compute(&AnswerTotals::of_attempts(&a, study), due(2, 3), now, study);
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
    fn the_database_aggregates_equal_folding_every_attempt() {
        let seoul = StudyDay::new(UtcOffset(9 * 3600), DayStart::DEFAULT);
        let day0 = Day::parse("2026-11-21").unwrap().start(UtcOffset::UTC);
        let mut store = Store::in_memory().unwrap();
        let mut all = Vec::new();
        for i in 0..40_u32 {
            // Every 5 hours, across learning-day boundaries in Seoul.
            let at = day0.plus_seconds(f64::from(i) * 5.0 * 3600.0).as_secs();
            let mut a = attempt(&format!("q{}", i % 7), &['A'], &['A'], at);
            a.correct = i % 3 != 0;
            a.session = crate::quiz::SessionId(format!("s{i}"));
            a.tags = match i % 3 {
                0 => vec![Tag::parse("service/emr").unwrap()],
                1 => vec![
                    Tag::parse("service/emr").unwrap(),
                    Tag::parse("instance/spot").unwrap(),
                ],
                _ => vec![],
            };
            store.record(&a, None).unwrap();
            all.push(a);
        }
        assert_eq!(
            store.answer_totals(seoul).unwrap(),
            AnswerTotals::of_attempts(&all, seoul)
        );
    }

    #[test]
    fn streak_survives_until_today_is_practised() {
        let now = Day::parse("2026-11-21")
            .unwrap()
            .start(UtcOffset::UTC)
            .plus_seconds(3600.0);
        let yesterday = now.plus_days(-1.0).as_secs();
        let study = StudyDay::UTC_MIDNIGHT;
        let totals = AnswerTotals::of_attempts(&[attempt("q", &['A'], &['A'], yesterday)], study);
        let s = Stats::compute(&totals, due(0, 0), now, study);
        assert_eq!(s.streak_days, 1);
        let s = Stats::compute(&AnswerTotals::default(), due(0, 0), now, study);
        assert_eq!((s.streak_days, s.attempts), (0, 0));
        assert!(s.accuracy.abs() < f64::EPSILON);
    }

    #[test]
    fn json_has_exactly_the_documented_keys() {
        let s = Stats::compute(
            &AnswerTotals::default(),
            due(0, 0),
            Timestamp(0),
            StudyDay::default(),
        );
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
                "day_starts_at",
                "due_today",
                "due_week",
                "new_questions",
                "streak_days"
            ]
        );
        assert_eq!(v["day_starts_at"], "04:00");
        assert_eq!(v["by_day"][0].as_object().unwrap().len(), 3);
    }
}
