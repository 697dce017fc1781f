//! Instants and calendar days without a clock: [`Timestamp`] (milliseconds
//! since the Unix epoch, UTC), [`Day`] (a calendar date) and [`UtcOffset`].
//!
//! Owns the date arithmetic quiz, schedule and stats need (day boundaries,
//! `YYYY-MM-DD`). It never reads the clock or the time zone: callers pass
//! `now` and the offset in, so every computation is reproducible in tests.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

const MS_PER_SEC: i64 = 1000;
const MS_PER_DAY: i64 = 86_400_000;

/// An instant: milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The instant of a `SystemTime` (before 1970 counts as the epoch).
    pub fn from_system_time(t: SystemTime) -> Timestamp {
        let ms = t
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        Timestamp(ms)
    }

    /// The instant a whole number of seconds after the epoch.
    pub fn from_secs(secs: i64) -> Timestamp {
        Timestamp(secs.saturating_mul(MS_PER_SEC))
    }

    /// Whole seconds since the epoch, rounded down.
    pub fn as_secs(self) -> i64 {
        self.0.div_euclid(MS_PER_SEC)
    }

    /// Seconds from `earlier` to `self` (negative when `earlier` is later).
    #[allow(clippy::cast_precision_loss)] // millisecond counts of real sessions fit f64 exactly
    pub fn seconds_since(self, earlier: Timestamp) -> f64 {
        (self.0 - earlier.0) as f64 / 1000.0
    }

    /// This instant moved by a number of seconds (may be fractional).
    #[allow(clippy::cast_possible_truncation)] // clamped to a sane range first
    #[must_use]
    pub fn plus_seconds(self, secs: f64) -> Timestamp {
        let ms = (secs * 1000.0).clamp(-1e15, 1e15).round() as i64;
        Timestamp(self.0.saturating_add(ms))
    }

    /// This instant moved by a number of days (may be fractional).
    #[must_use]
    pub fn plus_days(self, days: f64) -> Timestamp {
        self.plus_seconds(days * 86_400.0)
    }

    /// The calendar day this instant falls on at a UTC offset.
    pub fn day(self, offset: UtcOffset) -> Day {
        Day((self.0 + i64::from(offset.0) * MS_PER_SEC).div_euclid(MS_PER_DAY))
    }

    /// `YYYYMMDD-HHMMSS` in UTC, for file names such as `progress.db.corrupt-…`.
    pub fn compact_utc(self) -> String {
        let day = self.day(UtcOffset::UTC);
        let (y, m, d) = civil_from_days(day.0);
        let secs = self.0.div_euclid(MS_PER_SEC).rem_euclid(86_400);
        format!(
            "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// A fixed offset from UTC in seconds (Seoul is `+32400`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UtcOffset(pub i32);

impl UtcOffset {
    /// UTC itself.
    pub const UTC: UtcOffset = UtcOffset(0);
}

/// A calendar date, counted in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

/// Why a `YYYY-MM-DD` string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date of the form YYYY-MM-DD")]
pub struct DateError(pub String);

impl Day {
    /// The day of a year, month (1–12) and day of month; `None` when no
    /// such date exists (2026-02-30).
    pub fn from_ymd(year: i64, month: i64, day: i64) -> Option<Day> {
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let days = days_from_civil(year, month, day);
        // A round trip rejects the 30th of February and friends.
        (civil_from_days(days) == (year, month, day)).then_some(Day(days))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Day, DateError> {
        let err = || DateError(text.to_owned());
        let mut parts = text.trim().splitn(3, '-');
        let mut next = |len: usize| {
            parts
                .next()
                .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<i64>().ok())
        };
        let (y, m, d) = (next(4), next(2), next(2));
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Day::from_ymd(y, m, d).ok_or_else(err),
            _ => Err(err()),
        }
    }

    /// The instant this day begins at a UTC offset.
    pub fn start(self, offset: UtcOffset) -> Timestamp {
        Timestamp(self.0 * MS_PER_DAY - i64::from(offset.0) * MS_PER_SEC)
    }

    /// The day `n` days later (earlier when negative).
    #[must_use]
    pub fn plus(self, n: i64) -> Day {
        Day(self.0 + n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.0);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

// Howard Hinnant's days-from-civil and its inverse, in plain i64 so that no
// sign-changing casts are needed.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_text() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-21", "1969-12-31"] {
            assert_eq!(Day::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Day::parse("1970-01-02").unwrap(), Day(1));
    }

    #[test]
    fn impossible_dates_are_rejected_with_the_text_quoted() {
        for bad in ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-01", "soon"] {
            let err = Day::parse(bad).unwrap_err();
            assert!(err.to_string().contains(bad), "{err}");
        }
    }

    #[test]
    fn day_boundaries_follow_the_offset() {
        // 2026-11-21 20:00 UTC is already the 22nd in Seoul.
        let t = Day::parse("2026-11-21").unwrap().start(UtcOffset::UTC);
        let evening = t.plus_seconds(20.0 * 3600.0);
        assert_eq!(evening.day(UtcOffset::UTC).to_string(), "2026-11-21");
        assert_eq!(evening.day(UtcOffset(9 * 3600)).to_string(), "2026-11-22");
        let seoul_start = Day::parse("2026-11-22").unwrap().start(UtcOffset(9 * 3600));
        assert_eq!(seoul_start, t.plus_seconds(15.0 * 3600.0));
    }

    #[test]
    fn compact_utc_names_the_second() {
        let t = Timestamp::from_secs(1_763_748_905); // 2025-11-21T18:15:05Z
        assert_eq!(t.compact_utc(), "20251121-181505");
    }

    #[test]
    fn seconds_between_instants() {
        let a = Timestamp(1_000);
        assert!((Timestamp(3_500).seconds_since(a) - 2.5).abs() < 1e-9);
        assert_eq!(a.plus_seconds(1.25), Timestamp(2_250));
    }
}
