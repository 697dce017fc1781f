//! The end of a quiz as text: the practice summary with its list of
//! questions, or the exam result (score, domains with their level, tags
//! as bars, weakest first). Pure functions of `&QuizState`.

use ratatui::text::{Line, Span};

use super::quiz::QuizState;
use crate::i18n::Lang;
use crate::quiz::{DomainLevel, Ending, ExamResult, SessionItem, TagScore, percent};
use crate::tui::theme::Theme;
use crate::tui::widgets;
use crate::tui::wrap::{self, wrap_plain};

/// The summary after practice, or the exam result (the score, the
/// domains with their level and the tags as bars, weakest first), and the
/// row of the first listed question.
pub fn result_lines(
    s: &QuizState,
    t: &Theme,
    lang: Lang,
    width: usize,
) -> (Vec<Line<'static>>, usize) {
    crate::tui::frame::count_build();
    let mut lines = Vec::new();
    let score = s.session.score();
    if let Some(r) = s.session.exam_result() {
        exam_result_lines(r, t, lang, width, &mut lines);
    } else if s.session.ending() == Some(Ending::Abandoned) {
        lines.push(Line::styled(
            lang.pick(
                "모의고사를 그만두었습니다 (채점하지 않음)",
                "Exam abandoned (not scored)",
            ),
            t.title,
        ));
        lines.push(Line::styled(
            format!(
                "{} {}/{}",
                lang.pick("답함", "answered"),
                score.answered,
                score.total
            ),
            t.dim,
        ));
    } else {
        let pct = (score.correct * 100)
            .checked_div(score.answered)
            .unwrap_or(0);
        lines.push(Line::styled(
            format!(
                "{} {}/{} ({pct}%)",
                lang.pick("끝! 맞음", "Done! Right"),
                score.correct,
                score.answered
            ),
            t.title,
        ));
    }
    lines.push(Line::default());
    let first_item = lines.len();
    let practice = !s.is_exam();
    for (i, item) in s.session.items().iter().enumerate() {
        let highlighted = practice && i == s.summary_cursor;
        lines.push(item_line(item, highlighted, t, width));
    }
    lines.push(Line::default());
    let prompt = if practice {
        lang.pick(
            "Enter·Esc 돌아가기 · ↑↓ 고르고 Space 풀이 보기 · r 틀린 문제 다시",
            "Enter or Esc goes back · ↑↓ and Space show a question again · r retries the wrong ones",
        )
    } else {
        lang.pick(
            "r 문제별 검토 · Enter 또는 Esc로 돌아가기",
            "r review each question · Enter or Esc to go back",
        )
    };
    lines.extend(wrap_plain(prompt, t.dim, width));
    (lines, first_item)
}

fn exam_result_lines(
    r: &ExamResult,
    t: &Theme,
    lang: Lang,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let verdict = if r.passed {
        (lang.pick("합격", "PASS"), t.correct)
    } else {
        (lang.pick("불합격", "FAIL"), t.wrong)
    };
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} {} / 1000  ", lang.pick("점수", "Score"), r.scaled),
            t.title,
        ),
        Span::styled(verdict.0, verdict.1),
        Span::styled(
            format!("  ({} {})", lang.pick("합격선", "pass mark"), r.pass_mark),
            t.dim,
        ),
    ]));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mins = (r.elapsed_secs / 60.0) as u64;
    lines.push(Line::styled(
        format!(
            "{} {}/{} ({:.0}%) · {} {} · {} {mins}{}{}",
            lang.pick("맞음", "right"),
            r.correct,
            r.total,
            r.percent,
            lang.pick("답함", "answered"),
            r.answered,
            lang.pick("걸린 시간", "time"),
            lang.pick("분", " min"),
            if r.timed_out {
                lang.pick(" · 시간 초과", " · time ran out")
            } else {
                ""
            },
        ),
        t.dim,
    ));
    if !r.domains.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            lang.pick("영역별 (약한 순)", "By domain (weakest first)"),
            t.heading,
        ));
        let rows: Vec<(&str, u64, u64)> = r
            .domains
            .iter()
            .map(|d| (d.name.as_str(), d.correct as u64, d.questions as u64))
            .collect();
        let levels: Vec<DomainLevel> = r.domains.iter().map(|d| d.level).collect();
        let i = std::cell::Cell::new(0);
        lines.extend(widgets::tag_bars(&rows, width, t, |_, right, total| {
            let level = levels.get(i.get()).map_or("", |l| l.label(lang));
            i.set(i.get() + 1);
            format!("{right}/{total} {level}")
        }));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        lang.pick("태그별 정답률 (약한 순)", "Right by tag (weakest first)"),
        t.heading,
    ));
    let mut tags: Vec<&TagScore> = r.by_tag.iter().collect();
    tags.sort_by(|a, b| {
        percent(a.correct, a.total)
            .total_cmp(&percent(b.correct, b.total))
            .then_with(|| a.tag.cmp(&b.tag))
    });
    let rows: Vec<(&str, u64, u64)> = tags
        .iter()
        .map(|g| (g.tag.as_str(), g.correct as u64, g.total as u64))
        .collect();
    lines.extend(widgets::tag_bars(&rows, width, t, |_, right, total| {
        format!("{right}/{total}")
    }));
}

fn item_line(item: &SessionItem, highlighted: bool, t: &Theme, width: usize) -> Line<'static> {
    let (mark, style) = match &item.response {
        Some(r) if r.correct => ("✓ ", t.correct),
        Some(_) => ("✗ ", t.wrong),
        None => ("· ", t.dim),
    };
    let cursor = if highlighted { "▶ " } else { "" };
    let mut line = Line::from(vec![
        Span::styled(format!("{cursor}{mark}"), style),
        Span::styled(
            wrap::truncate(
                &item.question.stem,
                width.saturating_sub(2 + wrap::width(cursor)),
            ),
            t.text,
        ),
    ]);
    if highlighted {
        line.style = t.selected;
    }
    line
}
