//! The statistics screen: totals and due counts, accuracy by tag as bars,
//! activity over the last eight weeks as a sparkline with weekly totals,
//! and the wrong-answer notebook (오답노트) with a retry.
//!
//! Owns its scroll position and the figures it was opened with; the
//! figures come from the store (`Stats::compute`) and the notebook from
//! the quiz engine.

use ratatui::text::{Line, Span};

use crate::i18n::Lang;
use crate::quiz::Notebook;
use crate::store::Stats;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::tag_bars;
use crate::tui::wrap;

/// The statistics screen's state.
#[derive(Debug, Clone)]
pub struct StatsState {
    /// The figures, `None` without a store.
    pub stats: Option<Stats>,
    /// The wrong-answer notebook.
    pub notebook: Notebook,
    /// First visible row.
    pub scroll: usize,
    /// Visible rows, from the last frame.
    pub height: usize,
    /// Rows of text, from the last frame.
    pub total: usize,
    /// Scored exams' scaled scores and pass marks, oldest first.
    pub exam_scores: Vec<(u32, u32)>,
    /// The readiness forecast for the whole vault.
    pub readiness: Option<crate::quiz::Readiness>,
    /// True while the figures are still being worked out.
    pub counting: bool,
}

/// What the statistics screen shows, worked out together (in the app, on
/// a thread of its own).
#[derive(Debug)]
pub struct StatsFigures {
    /// The store's figures, `None` without a store.
    pub stats: Option<Stats>,
    /// The wrong-answer notebook.
    pub notebook: Notebook,
    /// The readiness forecast, with a store.
    pub readiness: Option<crate::quiz::Readiness>,
    /// Scored exams' scaled scores and pass marks, oldest first.
    pub exam_scores: Vec<(u32, u32)>,
    /// What the store could not read.
    pub errors: Vec<String>,
}

impl StatsState {
    /// A screen on these figures, at the top.
    pub fn new(stats: Option<Stats>, notebook: Notebook) -> Self {
        StatsState {
            stats,
            notebook,
            scroll: 0,
            height: 10,
            total: 0,
            exam_scores: Vec::new(),
            readiness: None,
            counting: false,
        }
    }

    /// The screen while its figures are worked out.
    pub fn counting() -> Self {
        StatsState {
            counting: true,
            ..StatsState::new(None, Notebook::default())
        }
    }

    /// The screen on its figures, and the errors met working them out.
    pub fn of(figures: StatsFigures) -> (Self, Vec<String>) {
        let mut screen = StatsState::new(figures.stats, figures.notebook);
        screen.readiness = figures.readiness;
        screen.exam_scores = figures.exam_scores;
        (screen, figures.errors)
    }

    /// Scrolls.
    pub fn apply(&mut self, action: Action) {
        if let Some(scroll) = super::pager::scrolled(self.scroll, self.total, self.height, action) {
            self.scroll = scroll;
        }
    }
}

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The screen's text for a width.
pub fn stats_lines(s: &StatsState, t: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    let mut lines = head_lines(s, t, lang, width);
    for q in notebook_rows(s) {
        let (first, second) = question_lines(q, t, lang, width);
        lines.push(first);
        lines.extend(second);
    }
    lines
}

/// [`stats_lines`]' rows from `first`, at most `count` of them, and how
/// many rows there are in all: the notebook's rows are built only for the
/// rows shown, so a frame costs the same with ten missed questions or a
/// hundred thousand.
pub fn stats_window(
    s: &StatsState,
    (t, lang, width): (&Theme, Lang, usize),
    first: usize,
    count: usize,
) -> (Vec<Line<'static>>, usize) {
    if s.counting {
        let text = lang.pick("통계를 계산하는 중…", "Working out the statistics…");
        return (vec![Line::from(Span::styled(text, t.dim))], 1);
    }
    let head = head_lines(s, t, lang, width);
    let questions = notebook_rows(s);
    let rows = |q: &crate::quiz::MissedQuestion| 1 + usize::from(!q.wrong_picks.is_empty());
    let mut row = head.len();
    let total = row + questions.iter().map(rows).sum::<usize>();
    let end = first.saturating_add(count);
    let mut lines: Vec<Line<'static>> = head.into_iter().skip(first).take(count).collect();
    for q in questions {
        if row >= end {
            break;
        }
        let n = rows(q);
        if row + n > first {
            let (one, two) = question_lines(q, t, lang, width);
            for (i, line) in std::iter::once(one).chain(two).enumerate() {
                if (first..end).contains(&(row + i)) {
                    lines.push(line);
                }
            }
        }
        row += n;
    }
    (lines, total)
}

/// The notebook's questions shown (none without a store: the screen
/// says why instead).
fn notebook_rows(s: &StatsState) -> &[crate::quiz::MissedQuestion] {
    if s.stats.is_some() {
        &s.notebook.questions
    } else {
        &[]
    }
}

/// Everything above the notebook's questions.
#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn head_lines(s: &StatsState, t: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    crate::tui::frame::count_build();
    let mut lines = Vec::new();
    let Some(st) = &s.stats else {
        lines.extend(wrap::wrap_plain(
            lang.pick(
                "진도 저장소를 열 수 없어 통계가 없습니다. --data-dir로 쓸 수 있는 폴더를 지정해 보세요.",
                "No progress store could be opened, so there are no statistics. Try --data-dir with a writable folder.",
            ),
            t.warning,
            width,
        ));
        return lines;
    };
    let summary = match lang {
        Lang::Ko => format!(
            "답 {} · 정답률 {:.0}% · 연속 {}일 · 오늘 복습 {} · 7일 안 복습 {}",
            st.attempts,
            st.accuracy * 100.0,
            st.streak_days,
            st.due_today,
            st.due_week
        ),
        Lang::En => format!(
            "{} answers · {:.0}% right · {}-day streak · due today {} · due this week {}",
            st.attempts,
            st.accuracy * 100.0,
            st.streak_days,
            st.due_today,
            st.due_week
        ),
    };
    lines.extend(wrap::wrap_plain(&summary, t.title, width));
    if st.attempts == 0 {
        lines.push(Line::default());
        lines.extend(wrap::wrap_plain(
            lang.pick(
                "아직 푼 문제가 없습니다. 노트에서 p로 퀴즈를 시작하세요.",
                "No answers yet. Press p on a note to start a quiz.",
            ),
            t.dim,
            width,
        ));
    }
    lines.push(Line::default());
    exam_lines(s, t, lang, width, &mut lines);
    lines.push(Line::default());
    lines.push(Line::styled(
        lang.pick("태그별 정답률", "Accuracy by tag"),
        t.heading,
    ));
    let rows: Vec<(&str, u64, u64)> = st
        .by_tag
        .iter()
        .map(|g| (g.tag.as_str(), g.correct, g.attempts))
        .collect();
    lines.extend(tag_bars(&rows, width, t, |ratio, right, total| {
        format!("{:>3.0}% {right}/{total}", ratio * 100.0)
    }));
    lines.push(Line::default());
    activity_lines(st, t, lang, width, &mut lines);
    lines.push(Line::default());
    notebook_lines(&s.notebook, t, lang, width, &mut lines);
    lines
}

/// Scaled scores over time with the pass mark, and the key to the history.
fn exam_lines(s: &StatsState, t: &Theme, lang: Lang, width: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::from(vec![
        Span::styled(lang.pick("모의고사 점수", "Exam scores"), t.heading),
        Span::styled(
            format!(
                "   e {}",
                lang.pick("기록·다시 검토", "history and reviews")
            ),
            t.hint_key,
        ),
    ]));
    if let Some(r) = &s.readiness {
        lines.extend(wrap::wrap_plain(&r.line(lang), t.text, width));
    }
    if s.exam_scores.is_empty() {
        lines.push(Line::styled(
            lang.pick("아직 채점된 모의고사가 없습니다.", "No scored exams yet."),
            t.dim,
        ));
        return;
    }
    lines.extend(super::exams::score_chart(&s.exam_scores, t, lang, width));
}

/// Answers a day over the last eight weeks as a sparkline, and per week.
fn activity_lines(st: &Stats, t: &Theme, lang: Lang, width: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::styled(
        lang.pick("최근 8주 활동", "Activity, last 8 weeks"),
        t.heading,
    ));
    let peak = st
        .by_day
        .iter()
        .map(|d| d.attempts)
        .max()
        .unwrap_or(0)
        .max(1);
    let spark: String = st
        .by_day
        .iter()
        .map(|d| {
            if d.attempts == 0 {
                '·'
            } else {
                let level = (d.attempts * 7).div_ceil(peak).min(7);
                SPARKS[usize::try_from(level).unwrap_or(7)]
            }
        })
        .collect();
    lines.push(Line::styled(wrap::truncate(&spark, width), t.bar));
    if let (Some(first), Some(last)) = (st.by_day.first(), st.by_day.last()) {
        let gap = width
            .min(spark.chars().count())
            .saturating_sub(first.date.len() + last.date.len());
        lines.push(Line::styled(
            format!("{}{}{}", first.date, " ".repeat(gap), last.date),
            t.dim,
        ));
    }
    let weeks: Vec<String> = st
        .by_day
        .chunks(7)
        .map(|w| w.iter().map(|d| d.attempts).sum::<u64>().to_string())
        .collect();
    lines.extend(wrap::wrap_plain(
        &format!(
            "{}: {}",
            lang.pick("주별 답 수", "answers per week"),
            weeks.join(" · ")
        ),
        t.dim,
        width,
    ));
}

fn notebook_lines(
    nb: &Notebook,
    t: &Theme,
    lang: Lang,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let title = match lang {
        Lang::Ko => format!("오답노트 {}문제", nb.questions.len()),
        Lang::En => format!("Wrong-answer notebook (오답노트): {}", nb.questions.len()),
    };
    let mut head = vec![Span::styled(title, t.heading)];
    if !nb.questions.is_empty() {
        head.push(Span::styled(
            format!("   r {}", lang.pick("다시 풀기", "retry them")),
            t.hint_key,
        ));
    }
    lines.push(Line::from(head));
    if !nb.questions.is_empty() {
        // Quizzes shuffle the options; the notebook names them as the
        // note does, and says so.
        lines.extend(wrap::wrap_plain(
            lang.pick(
                "보기 글자는 노트에 적힌 그대로입니다 (퀴즈에서는 섞여 나옵니다).",
                "Option letters are as the note has them (quizzes shuffle them).",
            ),
            t.dim,
            width,
        ));
    }
    if nb.questions.is_empty() {
        lines.push(Line::styled(
            lang.pick("틀린 문제가 없습니다.", "Nothing missed."),
            t.dim,
        ));
    }
}

/// A notebook question's row, and the row of its most picked wrong option.
fn question_lines(
    q: &crate::quiz::MissedQuestion,
    t: &Theme,
    lang: Lang,
    width: usize,
) -> (Line<'static>, Option<Line<'static>>) {
    let stem = q.stem.clone().unwrap_or_else(|| format!("({})", q.id));
    let count = format!(" {}/{}", q.misses, q.attempts);
    let tag = q.tag.as_ref().map_or(String::new(), |t| format!(" #{t}"));
    let room = width.saturating_sub(2 + wrap::width(&count) + wrap::width(&tag));
    let first = Line::from(vec![
        Span::styled("✗ ", t.wrong),
        Span::styled(wrap::truncate(&stem, room), t.text),
        Span::styled(count, t.dim),
        Span::styled(tag, t.tag),
    ]);
    let second = q.wrong_picks.first().map(|p| {
        let right: Vec<String> = q
            .options
            .iter()
            .filter(|o| o.right)
            .map(|o| format!("{}) {}", o.letter, o.text))
            .collect();
        let text = match lang {
            Lang::Ko => format!(
                "    자주 고른 답 {}) {} · 정답 {}",
                p.letter,
                p.text,
                right.join(", ")
            ),
            Lang::En => format!(
                "    often picked {}) {} · right {}",
                p.letter,
                p.text,
                right.join(", ")
            ),
        };
        Line::styled(wrap::truncate(&text, width), t.dim)
    });
    (first, second)
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
