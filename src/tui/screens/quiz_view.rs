//! Drawing the quiz: the header with position, score and exam timer, the
//! question (text from `quiz_text`), the exam review grid, the submit
//! confirmation and the result (text from `quiz_result`).
//!
//! A stateful widget: drawing reports back in a [`QuizFit`] what the app
//! needs between frames (option rows for mouse clicks, the grid's columns,
//! the scroll that keeps the highlight in view, the result's page).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::StatefulWidget;

use super::quiz::{Phase, QuizState};
use super::quiz_result::result_lines;
use super::quiz_text::question_lines;
use crate::i18n::Lang;
use crate::quiz::Timestamp;
use crate::tui::frame::QuizFit;
use crate::tui::theme::Theme;
use crate::tui::widgets;
use crate::tui::wrap::wrap_plain;
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

impl StatefulWidget for QuizView<'_> {
    type State = QuizFit;

    /// Draws the quiz and reports how it was laid out: the grid's
    /// columns, the scroll once the highlight is in view, the option rows.
    fn render(self, area: Rect, buf: &mut Buffer, fit: &mut QuizFit) {
        let (t, lang, s) = (self.theme, self.lang, self.state);
        let empty = area.height == 0 || area.width == 0;
        fit.grid_cols = (area.width / GRID_CELL).max(1) as usize;
        fit.scroll = s.scroll;
        fit.option_rows.clear();
        if s.phase == Phase::Done {
            let (lines, first) = result_lines(s, t, lang, area.width as usize);
            let height = (area.height as usize).max(1);
            let max_scroll = lines.len().saturating_sub(height);
            fit.result = Some((height, max_scroll));
            fit.scroll = result_scroll(s, first, height).min(max_scroll);
            if !empty {
                draw_lines(&lines, fit.scroll, area, buf);
            }
            return;
        }
        if let Phase::Review { cursor } = s.phase {
            if !empty {
                buf.set_line(area.x, area.y, &header(s, t, lang, self.now), area.width);
                let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
                grid(s, cursor, t, lang, body, buf);
            }
            return;
        }
        // The question starts two rows down: the header and a blank row.
        let text = Rect::new(
            area.x,
            area.y.saturating_add(2),
            area.width,
            area.height.saturating_sub(2),
        );
        let (lines, rows) = question_lines(s, t, lang, area.width as usize);
        fit.scroll = question_scroll(s, &rows, text.height as usize, lines.len());
        fit.option_rows = rows
            .iter()
            .filter(|(row, _)| (fit.scroll..fit.scroll + text.height as usize).contains(row))
            .map(|&(row, l)| (text.y + u16::try_from(row - fit.scroll).unwrap_or(0), l))
            .collect();
        if empty {
            return;
        }
        buf.set_line(area.x, area.y, &header(s, t, lang, self.now), area.width);
        draw_lines(&lines, fit.scroll, text, buf);
        if s.phase == Phase::ConfirmSubmit {
            confirm_submit(s, t, lang, area, buf);
        }
    }
}

/// The result's scroll: as it was, except that in practice the summary's
/// highlighted question stays in view.
fn result_scroll(s: &QuizState, first_item: usize, height: usize) -> usize {
    if s.is_exam() {
        return s.scroll;
    }
    let row = first_item + s.summary_cursor;
    if row < s.scroll {
        row
    } else if row >= s.scroll + height {
        row + 1 - height
    } else {
        s.scroll
    }
}

/// The question's scroll: while asking, the least that shows the
/// highlighted option (so the stem stays in view whenever it fits); never
/// past the last line.
fn question_scroll(s: &QuizState, rows: &[(usize, Letter)], height: usize, len: usize) -> usize {
    let mut scroll = s.scroll;
    if s.phase == Phase::Asking
        && let Some(&(row, _)) = rows.get(s.cursor)
    {
        scroll = (row + 1).saturating_sub(height.max(1));
    }
    scroll.min(len.saturating_sub(1))
}

/// The exam's "submit now?" pop-up over the question.
fn confirm_submit(s: &QuizState, t: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
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
