//! Drawing the quiz: the question with its options, the feedback panel
//! (picked option marked, right one highlighted, explanations), the exam
//! timer, review grid, submit confirmation and the result with a bar chart
//! by tag. Pure functions of `&QuizState`; the same line builder gives the
//! option rows for mouse clicks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::quiz::{Phase, QuizState};
use crate::i18n::Lang;
use crate::quiz::{
    DomainLevel, Ending, ExamResult, Feedback, SessionItem, TagScore, Timestamp, next_review_text,
    percent,
};
use crate::tui::theme::Theme;
use crate::tui::widgets;
use crate::tui::wrap::{self, wrap, wrap_plain};
use crate::vault::Letter;

/// Draws the quiz screen.
pub struct QuizView<'a> {
    /// The quiz.
    pub state: &'a QuizState,
    /// Styles.
    pub theme: &'a Theme,
    /// Language.
    pub lang: Lang,
    /// Now, for the exam timer.
    pub now: Timestamp,
}

/// The question on screen: the current one, or the one revisited from
/// the summary.
fn shown_item(state: &QuizState) -> (usize, Option<&SessionItem>) {
    if let Phase::Revisit { index } = state.phase {
        return (index, state.session.items().get(index));
    }
    let at = state.session.position();
    let item = state
        .session
        .current()
        .or_else(|| state.session.items().get(at));
    (at, item)
}

/// The question (and feedback) as lines, with the row of each option.
pub fn question_lines(
    state: &QuizState,
    t: &Theme,
    lang: Lang,
    width: usize,
) -> (Vec<Line<'static>>, Vec<(usize, Letter)>) {
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    let (shown, item) = shown_item(state);
    let Some(item) = item else {
        return (lines, rows);
    };
    let q = &item.question;
    lines.extend(wrap_plain(&q.stem, t.bold, width));
    lines.push(Line::default());
    let need = q.pick_count();
    let feedback = if matches!(state.phase, Phase::Feedback | Phase::Revisit { .. }) {
        state.session.feedback(shown)
    } else {
        None
    };
    if need > 1 && feedback.is_none() {
        let text = match lang {
            Lang::Ko => format!(
                "{need}개를 고르세요 (Space로 선택, Enter로 답하기) · {}개 선택됨",
                state.toggled.len()
            ),
            Lang::En => format!(
                "Choose {need} (Space toggles, Enter answers) · {} chosen",
                state.toggled.len()
            ),
        };
        lines.extend(wrap_plain(&text, t.warning, width));
        lines.push(Line::default());
    }
    for (i, opt) in q.options.iter().enumerate() {
        let picked = state.toggled.contains(&opt.letter);
        let cursor = i == state.cursor && feedback.is_none() && state.shows_highlight();
        let mut style = t.text;
        let mut mark = String::new();
        if let Some(fb) = &feedback {
            let right = fb.answer.contains(&opt.letter);
            if right {
                style = t.correct;
                lang.pick("  ✓ 정답", "  ✓ right").clone_into(&mut mark);
            }
            if picked {
                if !right {
                    style = t.wrong;
                }
                mark.push_str(lang.pick("  ← 내 답", "  ← your answer"));
            }
        }
        let boxed = if need > 1 {
            if picked { "[x] " } else { "[ ] " }
        } else if state.is_exam() && feedback.is_none() {
            // Every option gets a marker, so the chosen one does not shift.
            if picked { "(•) " } else { "( ) " }
        } else {
            ""
        };
        let head = format!(
            "{}{boxed}{}) {}",
            if cursor { "▶ " } else { "  " },
            opt.letter,
            opt.label
                .as_ref()
                .map(|l| format!("{l} "))
                .unwrap_or_default()
        );
        let first = Line::from(Span::styled(
            head.clone(),
            if cursor { t.hint_key } else { t.dim },
        ));
        let rest = Line::raw(" ".repeat(wrap::width(&head)));
        rows.push((lines.len(), opt.letter));
        let pieces = vec![(opt.text.clone(), style), (mark, style)];
        let mut opt_lines = wrap(&pieces, width, &first, &rest);
        if cursor {
            for l in &mut opt_lines {
                l.style = t.selected;
            }
        }
        lines.extend(opt_lines);
    }
    if let Some(fb) = feedback {
        lines.push(Line::default());
        let response = item.response.as_ref();
        let mut schedule = Vec::new();
        if response.is_some_and(|r| r.guessed) {
            schedule.push(
                lang.pick("찍어서 맞힘 (어려움으로 기록)", "a guess (rated Hard)")
                    .to_owned(),
            );
        }
        if let (Some(due), Some(r)) = (state.next_review, response) {
            schedule.push(next_review_text(due, r.at, lang));
        }
        let schedule = (!schedule.is_empty()).then(|| schedule.join(" · "));
        feedback_lines(&fb, schedule, t, lang, width, &mut lines);
    }
    (lines, rows)
}

/// The verdict, when the question comes back (`schedule`), the
/// explanations, the key point and the note.
pub(crate) fn feedback_lines(
    fb: &Feedback,
    schedule: Option<String>,
    t: &Theme,
    lang: Lang,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let verdict = if fb.correct {
        (lang.pick("✓ 맞았습니다", "✓ Right"), t.correct)
    } else {
        (lang.pick("✗ 틀렸습니다", "✗ Wrong"), t.wrong)
    };
    let answer: String = fb
        .answer
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    lines.push(Line::from(vec![
        Span::styled(verdict.0, verdict.1),
        Span::styled(
            format!("  · {} {answer}", lang.pick("정답", "answer")),
            t.dim,
        ),
    ]));
    if let Some(text) = schedule {
        lines.extend(wrap_plain(&text, t.dim, width));
    }
    let explained = fb
        .picked
        .iter()
        .chain(&fb.right)
        .chain(&fb.others)
        .filter(|o| o.explanation.is_some());
    let mut any = false;
    for o in explained {
        if !any {
            lines.push(Line::default());
            lines.push(Line::styled(lang.pick("해설", "Explanations"), t.heading));
            any = true;
        }
        let style = if o.is_right {
            t.correct
        } else if fb.picked.iter().any(|p| p.letter == o.letter) {
            t.wrong
        } else {
            t.dim
        };
        let head = format!("{} ", o.letter);
        let first = Line::from(Span::styled(head.clone(), style));
        let rest = Line::raw(" ".repeat(wrap::width(&head)));
        let text = o.explanation.clone().unwrap_or_default();
        lines.extend(wrap(&[(text, t.text)], width, &first, &rest));
    }
    if let Some(e) = &fb.explanation {
        lines.push(Line::default());
        lines.extend(wrap_plain(e, t.text, width));
    }
    if let Some(k) = &fb.key_point {
        lines.push(Line::default());
        let first = Line::styled(lang.pick("핵심  ", "Key point  "), t.heading);
        let rest = Line::raw(" ".repeat(wrap::line_width(&first)));
        lines.extend(wrap(&[(k.clone(), t.text)], width, &first, &rest));
    }
    if let Some(title) = &fb.note_title {
        lines.push(Line::default());
        let text = format!(
            "📄 {title}  ·  o {}",
            lang.pick("노트 보기", "open the note")
        );
        lines.extend(wrap_plain(&text, t.link, width));
    }
}

/// The header: what the quiz is on, position, score, timer.
fn header(state: &QuizState, t: &Theme, lang: Lang, now: Timestamp) -> Line<'static> {
    let s = &state.session;
    let score = s.score();
    let shown = match state.phase {
        Phase::Revisit { index } => index,
        _ => s.position(),
    };
    let mut spans = vec![Span::styled(
        format!(
            "{} {}/{}",
            lang.pick("문제", "Question"),
            (shown + 1).min(s.len()),
            s.len()
        ),
        t.title,
    )];
    if state.is_exam() {
        spans.push(Span::styled(
            format!("  · {} {}", lang.pick("답함", "answered"), score.answered),
            t.dim,
        ));
        if let Some(left) = s.time_left(now) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let secs = left.max(0.0) as u64;
            let style = if secs < 60 { t.error } else { t.warning };
            spans.push(Span::styled(
                format!("  ⏱ {:02}:{:02}", secs / 60, secs % 60),
                style,
            ));
        }
        if s.current().is_some_and(|i| i.flagged) {
            spans.push(Span::styled(
                format!("  ⚑ {}", lang.pick("표시함", "flagged")),
                t.warning,
            ));
        }
    } else {
        spans.push(Span::styled(
            format!(
                "  · {} {}/{}",
                lang.pick("맞음", "right"),
                score.correct,
                score.answered
            ),
            t.dim,
        ));
    }
    Line::from(spans)
}

impl Widget for QuizView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, lang, s) = (self.theme, self.lang, self.state);
        if area.height == 0 || area.width == 0 {
            return;
        }
        if s.phase == Phase::Done {
            let (lines, _) = result_lines(s, t, lang, area.width as usize);
            draw_lines(&lines, s.scroll, area, buf);
            return;
        }
        buf.set_line(area.x, area.y, &header(s, t, lang, self.now), area.width);
        let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
        if let Phase::Review { cursor } = s.phase {
            grid(s, cursor, t, lang, body, buf);
            return;
        }
        let (lines, _) = question_lines(s, t, lang, body.width as usize);
        let scroll = s.scroll.min(lines.len().saturating_sub(1));
        draw_lines(
            &lines,
            scroll,
            Rect::new(
                body.x,
                body.y + 1,
                body.width,
                body.height.saturating_sub(1),
            ),
            buf,
        );
        if s.phase == Phase::ConfirmSubmit {
            let unanswered = s.session.len() - s.session.score().answered;
            let flagged = s.session.items().iter().filter(|i| i.flagged).count();
            let text = match lang {
                Lang::Ko => format!(
                    "제출할까요? 안 푼 문제 {unanswered}개, 표시한 문제 {flagged}개.\nEnter 제출 · a 그만두기(채점 안 함) · Esc 계속 풀기"
                ),
                Lang::En => format!(
                    "Submit now? {unanswered} unanswered, {flagged} flagged.\nEnter submits · a abandons (not scored) · Esc keeps going"
                ),
            };
            let popup = widgets::centered(area, 56, 7);
            let inner = widgets::popup(popup, lang.pick("제출", "Submit"), t, buf);
            let wrapped: Vec<Line<'static>> = text
                .lines()
                .flat_map(|l| wrap_plain(l, t.text, inner.width as usize))
                .collect();
            draw_lines(&wrapped, 0, inner, buf);
        }
    }
}

fn draw_lines(lines: &[Line<'static>], scroll: usize, area: Rect, buf: &mut Buffer) {
    for (y, line) in (area.y..area.bottom()).zip(lines.iter().skip(scroll)) {
        if line.style != Style::default() {
            buf.set_style(Rect::new(area.x, y, area.width, 1), line.style);
        }
        buf.set_line(area.x, y, line, area.width);
    }
}

/// Cell width of one review-grid cell.
pub const GRID_CELL: u16 = 6;

fn grid(s: &QuizState, cursor: usize, t: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let legend = lang.pick(
        "● 답함  ○ 안 함  ⚑ 표시  Enter 이동 · S 제출 · Esc 문제로",
        "● answered  ○ open  ⚑ flagged  Enter go · S submit · Esc back",
    );
    buf.set_stringn(area.x, area.y, legend, area.width as usize, t.dim);
    let cols = (area.width / GRID_CELL).max(1) as usize;
    for cell in s.session.review_grid() {
        let (row, col) = (cell.index / cols, cell.index % cols);
        let y = area.y + 2 + u16::try_from(row).unwrap_or(u16::MAX);
        if y >= area.bottom() {
            break;
        }
        let x = area.x + u16::try_from(col).unwrap_or(0) * GRID_CELL;
        // Answered and flagged are shown side by side: a flagged question
        // may or may not be answered.
        let mark = format!(
            "{}{}",
            if cell.answered { "●" } else { "○" },
            if cell.flagged { "⚑" } else { " " }
        );
        let style = if cell.index == cursor {
            t.selected
        } else if cell.flagged {
            t.warning
        } else if cell.answered {
            t.text
        } else {
            t.dim
        };
        buf.set_stringn(
            x,
            y,
            format!("{mark}{:>3}", cell.index + 1),
            (GRID_CELL - 1) as usize,
            style,
        );
    }
}

/// The summary after practice, or the exam result (the score, the
/// domains with their level and the tags as bars, weakest first), and the
/// row of the first listed question.
pub fn result_lines(
    s: &QuizState,
    t: &Theme,
    lang: Lang,
    width: usize,
) -> (Vec<Line<'static>>, usize) {
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

/// Updates what depends on the screen size: the option rows for mouse
/// clicks, the review grid's columns, and scrolling so the highlighted
/// option stays visible.
pub fn lay_out(state: &mut QuizState, t: &Theme, lang: Lang, area: Rect) {
    state.grid_cols = (area.width / GRID_CELL).max(1) as usize;
    if state.phase == Phase::Done {
        // The page scrolls like every page; in practice the summary's
        // highlighted question stays in view.
        let (lines, first) = result_lines(state, t, lang, area.width as usize);
        let height = (area.height as usize).max(1);
        state.page = height;
        state.max_scroll = lines.len().saturating_sub(height);
        if !state.is_exam() {
            let row = first + state.summary_cursor;
            if row < state.scroll {
                state.scroll = row;
            } else if row >= state.scroll + height {
                state.scroll = row + 1 - height;
            }
        }
        state.scroll = state.scroll.min(state.max_scroll);
    }
    if !matches!(
        state.phase,
        Phase::Asking | Phase::Feedback | Phase::ConfirmSubmit | Phase::Revisit { .. }
    ) {
        state.option_rows.clear();
        return;
    }
    let (lines, rows) = question_lines(state, t, lang, area.width as usize);
    // The question starts two rows down: the header and a blank row.
    let top = area.y + 2;
    let height = area.height.saturating_sub(2) as usize;
    if state.phase == Phase::Asking
        && let Some(&(row, _)) = rows.get(state.cursor)
    {
        // The least scrolling that shows the highlighted option, so the
        // stem stays in view whenever it fits.
        state.scroll = (row + 1).saturating_sub(height.max(1));
    }
    state.scroll = state.scroll.min(lines.len().saturating_sub(1));
    state.option_rows = rows
        .iter()
        .filter(|(row, _)| *row >= state.scroll && *row < state.scroll + height)
        .map(|&(row, l)| (top + u16::try_from(row - state.scroll).unwrap_or(0), l))
        .collect();
}
