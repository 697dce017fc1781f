//! `munje stats`: progress figures from the store, as text or JSON.
//!
//! Owns the text layout; the figures come from [`crate::store::Stats`].
//! Reads the progress database and the notes: "due today" counts the
//! vault's questions exactly as `quiz --due` selects them.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use crate::cli::{GlobalArgs, StatsArgs};
use crate::i18n::Lang;
use crate::quiz::percent;
use crate::store::Stats;

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &StatsArgs) -> anyhow::Result<ExitCode> {
    super::quiz::ignore_broken_pipe(print(global, args))
}

fn print(global: &GlobalArgs, args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let now = super::quiz::now();
    let store = super::store_read::open_for_reading(global, lang, now)?;
    let day = super::quiz::study_day(&store, now);
    let vault = super::open_vault(global)?;
    let due = store.history()?.due_counts(&vault, day, now);
    let stats = store.stats(due, now, day)?;
    let retention = store.retention()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let json = super::progress::StatsJson {
            stats: &stats,
            retention: &retention,
        };
        super::json::to_writer(&mut out, &json, true)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(render(&stats, lang).as_bytes())?;
        out.write_all(super::progress::retention_text(&retention, lang).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn count(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The figures as text.
pub fn render(s: &Stats, lang: Lang) -> String {
    let mut t = String::new();
    let acc = percent(count(s.correct), count(s.attempts)).round();
    let _ = match lang {
        Lang::Ko => writeln!(t, "푼 문제: {}번 · 정답 {} ({acc}%)", s.attempts, s.correct),
        Lang::En => writeln!(
            t,
            "Attempts: {} · correct {} ({acc}%)",
            s.attempts, s.correct
        ),
    };
    let _ = match lang {
        Lang::Ko => writeln!(
            t,
            "복습할 문제: 오늘 {} · 이번 주 {} · 아직 안 푼 문제 {} (하루는 {}에 시작)",
            s.due_today, s.due_week, s.new_questions, s.day_starts_at
        ),
        Lang::En => writeln!(
            t,
            "Due: today {} · this week {} · never answered {} (days start at {})",
            s.due_today, s.due_week, s.new_questions, s.day_starts_at
        ),
    };
    let _ = match lang {
        Lang::Ko => writeln!(t, "연속 학습: {}일", s.streak_days),
        Lang::En => writeln!(
            t,
            "Streak: {} day{}",
            s.streak_days,
            if s.streak_days == 1 { "" } else { "s" }
        ),
    };
    if !s.by_tag.is_empty() {
        let _ = writeln!(t, "\n{}", lang.pick("태그별:", "By tag:"));
        let width = s
            .by_tag
            .iter()
            .map(|b| crate::text::visible(&b.tag).chars().count())
            .max()
            .unwrap_or(0);
        for b in &s.by_tag {
            let p = percent(count(b.correct), count(b.attempts)).round();
            let tag = crate::text::visible(&b.tag);
            let _ = writeln!(t, "  {tag:width$}  {}/{} ({p}%)", b.correct, b.attempts);
        }
    }
    let _ = writeln!(
        t,
        "\n{}",
        lang.pick("지난 8주 (주별):", "Last 8 weeks (by week):")
    );
    for week in s.by_day.chunks(7) {
        let (a, c) = week
            .iter()
            .fold((0, 0), |(a, c), d| (a + d.attempts, c + d.correct));
        let from = week.first().map_or("", |d| d.date.as_str());
        let bar = "#".repeat(count(a.min(60)));
        let line = match lang {
            Lang::Ko => format!("  {from}~  {a:>4}번 (정답 {c:>4})  {bar}"),
            Lang::En => format!("  {from}+  {a:>4} attempts ({c:>4} right)  {bar}"),
        };
        let _ = writeln!(t, "{}", line.trim_end());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::attempt;
    use crate::quiz::{DueCounts, StudyDay, Timestamp};
    use crate::store::AnswerTotals;

    #[test]
    fn text_shows_totals_tags_and_weeks() {
        let mut a = attempt("q", &['A'], &['A'], 86_400 * 30);
        a.tags = vec![crate::vault::Tag::parse("service/emr").unwrap()];
        let day = StudyDay::UTC_MIDNIGHT;
        let due = DueCounts {
            today: 2,
            week: 3,
            never_answered: 5,
        };
        let s = Stats::compute(
            &AnswerTotals::of_attempts(&[a], day),
            due,
            Timestamp::from_secs(86_400 * 30 + 60),
            day,
        );
        let text = render(&s, Lang::En);
        assert!(
            text.starts_with("Attempts: 1 · correct 1 (100%)\n"),
            "{text}"
        );
        assert!(text.contains("Streak: 1 day\n"));
        assert!(
            text.contains("Due: today 2 · this week 3 · never answered 5 (days start at 00:00)"),
            "{text}"
        );
        assert!(text.contains("  service/emr  1/1 (100%)"));
        assert_eq!(text.matches(" attempts (").count(), 8, "{text}");
        let ko = render(&s, Lang::Ko);
        assert!(ko.contains("연속 학습: 1일"));
        assert!(
            ko.contains("복습할 문제: 오늘 2 · 이번 주 3 · 아직 안 푼 문제 5"),
            "{ko}"
        );
    }
}
