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
use crate::quiz::{
    DEFAULT_PASS_MARK, Day, EXAM_DEFAULT_QUESTIONS, ForecastInput, Readiness, forecast_moment,
    percent, readiness, reviews_per_day,
};
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
    let history = store.history()?;
    let due = history.due_counts(&vault, day, now);
    let stats = store.stats(due, now, day)?;
    let exam_date = args
        .exam_date
        .as_deref()
        .map(Day::parse)
        .transpose()
        .map_err(|e| match lang {
            Lang::Ko => anyhow::anyhow!(
                "--exam-date: \"{}\"은(는) YYYY-MM-DD 형식의 날짜가 아닙니다",
                e.0
            ),
            Lang::En => anyhow::anyhow!("--exam-date: {e}"),
        })?;
    let retention = store.retention()?;
    let questions: Vec<_> = vault.quizzable().collect();
    let at = forecast_moment(now, day, exam_date);
    let ready = readiness(
        &vault,
        &history,
        &store.cards()?,
        ForecastInput {
            questions: &questions,
            exam_questions: EXAM_DEFAULT_QUESTIONS,
            pass_mark: DEFAULT_PASS_MARK,
            at,
        },
    );
    let mut out = std::io::stdout().lock();
    if args.json {
        let json = StatsJson {
            stats: &stats,
            retention: &retention,
            readiness: &ready,
        };
        super::json::to_writer(&mut out, &json, true)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(render(&stats, lang).as_bytes())?;
        out.write_all(super::progress::retention_text(&retention, lang).as_bytes())?;
        writeln!(out, "{}", readiness_line(&ready, exam_date, lang))?;
        if let Some(d) = exam_date {
            let left = d.0 - day.day(now).0;
            let n = reviews_per_day(&vault, &history, &questions, at, left);
            let text = match lang {
                Lang::Ko => format!(
                    "{d}까지 준비하려면: 하루 {n}문제 (안 푼 문제와 시험 전에 복습할 문제를 한 번씩)"
                ),
                Lang::En => format!(
                    "To be ready by {d}: {n} reviews a day (every unseen question and every one due before the exam, once)"
                ),
            };
            writeln!(out, "{text}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `munje stats --json`: the figures, plus the readiness forecast.
#[derive(serde::Serialize)]
struct StatsJson<'a> {
    #[serde(flatten)]
    stats: &'a Stats,
    /// Desired and measured retention, fitted parameters in use.
    retention: &'a crate::store::Retention,
    readiness: &'a Readiness,
}

/// The forecast as one line, for a date or for the next learning day.
pub fn readiness_line(r: &Readiness, exam_date: Option<Day>, lang: Lang) -> String {
    let line = r.line(lang);
    match exam_date {
        Some(d) => match lang {
            Lang::Ko => line.replacen("오늘 시험을 본다면", &format!("{d}에 시험을 본다면"), 1),
            Lang::En => line.replacen(
                "If the exam were today",
                &format!("If the exam were on {d}"),
                1,
            ),
        },
        None => line,
    }
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
