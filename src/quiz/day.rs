//! The learning day: the one meaning of "today" for every count munje
//! shows and every selection it makes.
//!
//! A learning day runs from `day_starts_at` (04:00 local time unless the
//! config says otherwise) to the same time the next day, as Anki's "next
//! day starts at": an answer at 01:00 still belongs to yesterday's study.
//! A question is **due today** when its next review falls before the end
//! of the current learning day. `munje stats`, the stats screen, `quiz
//! --due`, `is:due` and the start dialog all ask [`StudyDay::is_due_today`],
//! so "due today: 4" is exactly what `quiz --due` serves.
//!
//! Owns the boundaries only; it never reads the clock or the time zone.

use super::time::{Day, Timestamp, UtcOffset};

/// When a learning day begins, in minutes after local midnight (0–1439).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayStart(u16);

impl DayStart {
    /// 04:00, Anki's default.
    pub const DEFAULT: DayStart = DayStart(4 * 60);

    /// Midnight: learning days are calendar days.
    pub const MIDNIGHT: DayStart = DayStart(0);

    /// A start at `hour:minute` on a quarter hour (00, 15, 30, 45: the
    /// grain of the statistics); `None` otherwise or outside 00:00–23:45.
    pub fn at(hour: u16, minute: u16) -> Option<DayStart> {
        (hour < 24 && minute < 60 && minute.is_multiple_of(15))
            .then_some(DayStart(hour * 60 + minute))
    }

    /// Parses `"4"`, `"04"`, `"4:30"` or `"04:30"`.
    pub fn parse(text: &str) -> Option<DayStart> {
        let text = text.trim();
        let (h, m) = text.split_once(':').unwrap_or((text, "0"));
        let num = |s: &str| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())
                .flatten()
        };
        DayStart::at(num(h)?, num(m)?)
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl Default for DayStart {
    fn default() -> Self {
        DayStart::DEFAULT
    }
}

impl std::fmt::Display for DayStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// The learning-day calendar of one user: their UTC offset and when their
/// day starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StudyDay {
    /// The local offset from UTC.
    pub offset: UtcOffset,
    /// When a learning day begins.
    pub starts_at: DayStart,
}

impl StudyDay {
    /// Calendar days in UTC: for tests and for tools that want plain dates.
    pub const UTC_MIDNIGHT: StudyDay = StudyDay {
        offset: UtcOffset::UTC,
        starts_at: DayStart::MIDNIGHT,
    };

    /// A calendar at `offset` whose days begin at `starts_at`.
    pub fn new(offset: UtcOffset, starts_at: DayStart) -> StudyDay {
        StudyDay { offset, starts_at }
    }

    /// The offset that turns learning days into calendar days: local time
    /// moved back by the start of the day.
    fn shifted(self) -> UtcOffset {
        UtcOffset(self.offset.0 - i32::from(self.starts_at.0) * 60)
    }

    /// The learning day an instant belongs to (named by the calendar date
    /// it starts on).
    pub fn day(self, t: Timestamp) -> Day {
        t.day(self.shifted())
    }

    /// The instant a learning day begins.
    pub fn start(self, day: Day) -> Timestamp {
        day.start(self.shifted())
    }

    /// The instant the current learning day ends (the next one begins).
    pub fn end_of_today(self, now: Timestamp) -> Timestamp {
        self.start(self.day(now).plus(1))
    }

    /// Due today: the next review falls before the end of this learning
    /// day (overdue included).
    pub fn is_due_today(self, due: Timestamp, now: Timestamp) -> bool {
        due < self.end_of_today(now)
    }
}

/// "다음 복습: 3일 후" / "Next review: in 3 days": when a question comes
/// back, from the due date the schedule just wrote.
pub fn next_review_text(due: Timestamp, now: Timestamp, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let secs = due.seconds_since(now).max(0.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // rounded, small
    let (n, unit) = if secs < 3600.0 {
        ((secs / 60.0).round().max(1.0) as u64, 0)
    } else if secs < 86_400.0 {
        ((secs / 3600.0).round() as u64, 1)
    } else {
        ((secs / 86_400.0).round() as u64, 2)
    };
    match (lang, unit) {
        (Lang::Ko, 0) => format!("다음 복습: {n}분 후"),
        (Lang::Ko, 1) => format!("다음 복습: {n}시간 후"),
        (Lang::Ko, _) => format!("다음 복습: {n}일 후"),
        (Lang::En, u) => {
            let word = match u {
                0 => "minute",
                1 => "hour",
                _ => "day",
            };
            let s = if n == 1 { "" } else { "s" };
            format!("Next review: in {n} {word}{s}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: &str, hour: f64) -> Timestamp {
        Day::parse(day)
            .unwrap()
            .start(UtcOffset::UTC)
            .plus_seconds(hour * 3600.0)
    }

    #[test]
    fn an_answer_after_midnight_still_belongs_to_yesterday() {
        let d = StudyDay::new(UtcOffset::UTC, DayStart::DEFAULT);
        assert_eq!(d.day(at("2026-12-06", 1.0)).to_string(), "2026-12-05");
        assert_eq!(d.day(at("2026-12-06", 4.0)).to_string(), "2026-12-06");
        assert_eq!(
            d.end_of_today(at("2026-12-06", 23.0)),
            at("2026-12-07", 4.0)
        );
        assert_eq!(d.end_of_today(at("2026-12-06", 2.0)), at("2026-12-06", 4.0));
    }

    #[test]
    fn due_today_means_before_the_next_day_starts_in_local_time() {
        // Seoul, 21:00 local (12:00 UTC): a card due at 03:00 local the next
        // morning is due today; one due at 05:00 is not.
        let seoul = StudyDay::new(UtcOffset(9 * 3600), DayStart::DEFAULT);
        let now = at("2026-12-06", 12.0);
        assert!(seoul.is_due_today(at("2026-12-06", 18.0), now), "03:00 KST");
        assert!(
            !seoul.is_due_today(at("2026-12-06", 20.0), now),
            "05:00 KST"
        );
        assert!(seoul.is_due_today(at("2026-11-01", 0.0), now), "overdue");
        // In five hours, at 02:00 KST: still today.
        assert!(seoul.is_due_today(now.plus_seconds(5.0 * 3600.0), now));
    }

    #[test]
    fn next_review_reads_in_minutes_hours_or_days() {
        use crate::i18n::Lang;
        let now = at("2026-12-06", 10.0);
        let text = |days: f64, lang| next_review_text(now.plus_days(days), now, lang);
        assert_eq!(text(3.0, Lang::Ko), "다음 복습: 3일 후");
        assert_eq!(text(1.0, Lang::En), "Next review: in 1 day");
        assert_eq!(text(0.25, Lang::Ko), "다음 복습: 6시간 후");
        assert_eq!(text(10.0 / 1440.0, Lang::En), "Next review: in 10 minutes");
    }

    #[test]
    fn day_starts_parse_from_the_config_forms() {
        assert_eq!(DayStart::parse("4"), Some(DayStart::DEFAULT));
        assert_eq!(DayStart::parse("04:00"), Some(DayStart::DEFAULT));
        assert_eq!(DayStart::parse("0:30").map(DayStart::minutes), Some(30));
        for bad in ["24", "4:60", "4:10", "", "four", "-1", "4:5:6", "123"] {
            assert_eq!(DayStart::parse(bad), None, "{bad:?}");
        }
        assert_eq!(DayStart::DEFAULT.to_string(), "04:00");
    }
}
