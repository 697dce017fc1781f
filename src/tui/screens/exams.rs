//! The exam history in the app: a chart of scaled scores over time with
//! the pass mark drawn (also on the statistics screen), and the list of
//! past exams, newest first, where Enter reopens one exam's review.
//!
//! Owns the cursor; the records come from the store
//! ([`ExamRecord`]), read when the list is opened.

use ratatui::text::{Line, Span};

use crate::i18n::Lang;
use crate::store::ExamRecord;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::wrap;

const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Rows of the score chart.
pub const CHART_ROWS: u32 = 6;

/// Scaled scores (oldest first) as a column chart from 100 to 1000, one
/// column per exam (the latest that fit), with the pass mark's row drawn
/// as a line and labelled.
pub fn score_chart(
    scores: &[(u32, u32)],
    t: &Theme,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let Some(&(_, pass)) = scores.last() else {
        return lines;
    };
    let label_w = 5;
    let fit = width.saturating_sub(label_w + 1) / 2;
    let shown = &scores[scores.len().saturating_sub(fit.max(1))..];
    let band = 900 / CHART_ROWS;
    for row in 0..CHART_ROWS {
        let hi = 1000 - row * band;
        let lo = hi - band;
        let pass_row = pass > lo && pass <= hi;
        let label = if row == 0 {
            "1000".to_owned()
        } else if pass_row {
            pass.to_string()
        } else if row == CHART_ROWS - 1 {
            "100".to_owned()
        } else {
            String::new()
        };
        let mut spans = vec![Span::styled(format!("{label:>4} "), t.dim)];
        for &(score, pass_mark) in shown {
            let cell = if score >= hi {
                '█'
            } else if score > lo {
                let eighths = ((score - lo) * 8 / band).clamp(1, 8);
                BLOCKS[usize::try_from(eighths - 1).unwrap_or(0)]
            } else if pass_row {
                '─'
            } else {
                ' '
            };
            let style = if cell == '─' {
                t.dim
            } else if score >= pass_mark {
                t.correct
            } else {
                t.wrong
            };
            let gap = if pass_row { '─' } else { ' ' };
            spans.push(Span::styled(cell.to_string(), style));
            spans.push(Span::styled(gap.to_string(), t.dim));
        }
        if pass_row {
            spans.push(Span::styled(
                format!(" {}", lang.pick("합격선", "pass mark")),
                t.dim,
            ));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// The list of past exams.
#[derive(Debug, Clone)]
pub struct ExamsState {
    /// Every finished exam, newest first.
    pub exams: Vec<ExamRecord>,
    /// The highlighted exam.
    pub cursor: usize,
    /// The local offset for dates.
    pub offset: crate::quiz::UtcOffset,
}

impl ExamsState {
    /// Moves the cursor; true on Enter (open the highlighted exam).
    pub fn apply(&mut self, action: Action) -> bool {
        let last = self.exams.len().saturating_sub(1);
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Confirm => return !self.exams.is_empty(),
            _ => {}
        }
        false
    }

    /// The highlighted exam.
    pub fn selected(&self) -> Option<&ExamRecord> {
        self.exams.get(self.cursor)
    }
}

/// The list as lines, the highlighted one marked.
pub fn exams_lines(s: &ExamsState, t: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    crate::tui::frame::count_build();
    let mut lines = Vec::new();
    if s.exams.is_empty() {
        lines.push(Line::styled(
            lang.pick("아직 본 모의고사가 없습니다.", "No exams yet."),
            t.dim,
        ));
        return lines;
    }
    let scores: Vec<(u32, u32)> = s
        .exams
        .iter()
        .rev()
        .filter_map(|e| e.scaled.map(|sc| (sc, e.pass_mark)))
        .collect();
    lines.extend(score_chart(&scores, t, lang, width));
    lines.push(Line::default());
    for (i, e) in s.exams.iter().enumerate() {
        let text = format!("{:>3}. {}", i + 1, e.line(s.offset, lang));
        let style = if i == s.cursor { t.selected } else { t.text };
        let mut line = Line::styled(wrap::truncate(&text, width), style);
        if i == s.cursor {
            line.style = t.selected;
        }
        lines.push(line);
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        lang.pick(
            "Enter 문제별 검토 (지금의 볼트 기준) · Esc 돌아가기",
            "Enter reviews it (against the vault now) · Esc back",
        ),
        t.dim,
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_chart_draws_each_score_and_the_pass_mark_row() {
        let t = Theme::default();
        let rows = text(&score_chart(
            &[(400, 720), (1000, 720), (730, 720)],
            &t,
            Lang::Ko,
            40,
        ));
        assert_eq!(rows.len(), CHART_ROWS as usize);
        assert!(
            rows[0].starts_with("1000 ") && rows[0].contains('█'),
            "{rows:?}"
        );
        // 720 falls in the second band (700–850]: labelled and ruled.
        assert!(
            rows[1].starts_with(" 720 ") && rows[1].ends_with("합격선"),
            "{rows:?}"
        );
        assert!(rows[5].starts_with(" 100 "));
        // The 1000 column is full to the top, the 400 one is not.
        let col = |row: &str, i: usize| row.chars().nth(5 + 2 * i).unwrap();
        assert_eq!(col(&rows[0], 1), '█');
        assert_eq!(col(&rows[0], 0), ' ');
        assert_eq!(col(&rows[5], 0), '█');
        assert_eq!(col(&rows[1], 0), '─', "the pass line behind a low score");
        assert_eq!(col(&rows[1], 2), '▁', "730 just above 700");
    }
}
