//! [`Date`]: a note's `created` or `modified` day, `YYYY-MM-DD`.
//!
//! Stored inline, ten bytes, rather than as a `String`: every note of a
//! vault carries two. Owns only the shape check; the frontmatter decides
//! which YAML values are dates.

use std::fmt;
use std::ops::Deref;

/// A day written `YYYY-MM-DD` (month 1–12, day 1–31). Reads as that text:
/// it derefs to `str`, so `note.created.as_deref()` is an `Option<&str>`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date([u8; 10]);

impl Date {
    /// The date written exactly `YYYY-MM-DD`, if it is one.
    pub fn parse(s: &str) -> Option<Date> {
        let b: [u8; 10] = s.as_bytes().try_into().ok()?;
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
            return None;
        }
        let two = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
        ((1..=12).contains(&two(5)) && (1..=31).contains(&two(8))).then_some(Date(b))
    }

    /// The date as `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and dashes get in, so this never falls back.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl Deref for Date {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_real_looking_yyyy_mm_dd_is_a_date() {
        let d = Date::parse("2025-08-21").unwrap();
        assert_eq!(d.as_str(), "2025-08-21");
        assert_eq!(format!("{d} {d:?}"), "2025-08-21 \"2025-08-21\"");
        for bad in [
            "2025-13-01",
            "2025-00-10",
            "2025-01-32",
            "2025-1-01",
            "2025/01/01",
            "2025-01-011",
            "２０２５-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
