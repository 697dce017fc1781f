//! Scrolled text screens: help (generated from the keymap) and the
//! diagnostics panel. Owns their text; `App` owns when they open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;
use crate::tui::wrap;
use crate::vault::{Severity, Vault};

/// What a pager shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerKind {
    /// Every key binding, by screen.
    Help,
    /// Every problem found while loading the vault.
    Diagnostics,
}

/// A pager's scroll position.
#[derive(Debug, Clone)]
pub struct PagerState {
    /// What it shows.
    pub kind: PagerKind,
    /// First visible row.
    pub scroll: usize,
    /// Rows of text, from the last frame.
    pub total: usize,
    /// Visible rows, from the last frame.
    pub height: usize,
    /// A heading to open at: the first frame scrolls to it (help opens
    /// at the keys of the screen it was asked from).
    pub start_at: Option<String>,
}

impl PagerState {
    /// A pager at the top.
    pub fn new(kind: PagerKind) -> Self {
        PagerState {
            kind,
            scroll: 0,
            total: 0,
            height: 10,
            start_at: None,
        }
    }

    /// Scrolls; true when the action was a movement.
    pub fn apply(&mut self, action: Action) -> bool {
        match scrolled(self.scroll, self.total, self.height, action) {
            Some(scroll) => {
                self.scroll = scroll;
                true
            }
            None => false,
        }
    }
}

/// The first visible row after a movement, for any scrolled text of
/// `total` rows shown `height` at a time; `None` when `action` is not a
/// movement.
pub fn scrolled(scroll: usize, total: usize, height: usize, action: Action) -> Option<usize> {
    let half = (height / 2).max(1);
    let max = total.saturating_sub(height);
    let next = match action {
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::HalfPageDown | Action::PageDown => scroll + half,
        Action::HalfPageUp | Action::PageUp => scroll.saturating_sub(half),
        Action::Top => 0,
        Action::Bottom => max,
        _ => return None,
    };
    Some(next.min(max))
}

/// The help text, generated from the keymap.
pub fn help_lines(keymap: &Keymap, theme: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    crate::tui::frame::count_build();
    let mut lines = vec![Line::styled(
        lang.pick("munje 도움말", "munje help"),
        theme.title,
    )];
    lines.extend(wrap::wrap_plain(
        lang.pick(
            "한글 자판 그대로 눌러도 됩니다 (ㅓ=j, ㅏ=k, ㅂ=q). Esc는 한 단계 뒤로, Ctrl-C는 종료.",
            "Keys work with the Korean layout on too (ㅓ=j, ㅏ=k, ㅂ=q). Esc goes back one level; Ctrl-C quits.",
        ),
        theme.dim,
        width,
    ));
    for ctx in Context::ALL {
        lines.push(Line::default());
        lines.push(Line::styled(ctx.title(lang), theme.heading));
        let mut seen_pick = false;
        for b in keymap.bindings(ctx) {
            if matches!(b.action, Action::Pick(_)) {
                if seen_pick {
                    continue;
                }
                seen_pick = true;
                lines.push(row(
                    "a–i, A–J, 1–0",
                    lang.pick("그 보기로 답하기", "answer with that option"),
                    theme,
                    width,
                ));
                continue;
            }
            lines.push(row(&b.keys_label(), b.desc(lang), theme, width));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        lang.pick("검색어 문법", "Search queries"),
        theme.heading,
    ));
    for text in crate::search::query_help(lang).lines() {
        lines.extend(wrap::wrap(
            &[(text.to_owned(), theme.text)],
            width,
            &Line::raw("  "),
            &Line::raw("  "),
        ));
    }
    lines
}

fn row(keys: &str, desc: &str, theme: &Theme, width: usize) -> Line<'static> {
    let keys = wrap::pad(&wrap::truncate(keys, 18), 18);
    let room = width.saturating_sub(20);
    Line::from(vec![
        Span::raw("  "),
        Span::styled(keys, theme.hint_key),
        Span::styled(wrap::truncate(desc, room), theme.text),
    ])
}

/// The diagnostics as lines: `path:line:col severity message`, wrapped.
pub fn diagnostic_lines(
    vault: &Vault,
    config: &[String],
    theme: &Theme,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    crate::tui::frame::count_build();
    let (errors, warnings) = vault.diagnostic_counts();
    let mut lines = Vec::new();
    if !config.is_empty() {
        // Settings that were not applied, each whole, before the notes'.
        lines.push(Line::styled(
            lang.pick(
                "설정 파일 (적용하지 않은 항목)",
                "Settings file (entries not applied)",
            ),
            theme.title,
        ));
        for p in config {
            lines.extend(wrap::wrap_plain(p, theme.warning, width));
        }
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        format!(
            "{} {errors} · {} {warnings}",
            lang.pick("오류", "errors"),
            lang.pick("경고", "warnings")
        ),
        theme.title,
    ));
    if vault.diagnostics.is_empty() {
        lines.push(Line::styled(
            lang.pick("문제가 없습니다.", "No problems found."),
            theme.dim,
        ));
    }
    for d in &vault.diagnostics {
        let (label, style) = match d.severity {
            Severity::Error => (lang.pick("오류", "error"), theme.error),
            Severity::Warning => (lang.pick("경고", "warning"), theme.warning),
        };
        let root = vault
            .roots
            .get(d.root)
            .map_or(String::new(), |r| format!("{r}/"));
        let pieces = vec![
            (
                format!("{root}{}:{}:{} ", d.path, d.line, d.column),
                theme.dim,
            ),
            (format!("{label}: "), style),
            (d.text(lang), theme.text),
        ];
        lines.extend(wrap::wrap(
            &pieces,
            width,
            &Line::default(),
            &Line::raw("    "),
        ));
        if let Some(src) = &d.source_line {
            lines.push(Line::styled(
                format!("    │ {}", wrap::truncate(src, width.saturating_sub(6))),
                theme.code,
            ));
        }
    }
    lines
}

/// Draws a pager's visible lines.
pub struct PagerView<'a> {
    /// The text.
    pub lines: &'a [Line<'static>],
    /// The scroll position.
    pub scroll: usize,
}

impl Widget for PagerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (y, line) in (area.y..).zip(
            self.lines
                .iter()
                .skip(self.scroll)
                .take(area.height as usize),
        ) {
            buf.set_line(area.x, y, line, area.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::scrolled;
    use crate::tui::action::Action;

    #[test]
    fn scrolling_stays_between_the_top_and_the_last_page() {
        // 30 rows shown 10 at a time: the last page starts at row 20.
        assert_eq!(scrolled(0, 30, 10, Action::Down), Some(1));
        assert_eq!(scrolled(0, 30, 10, Action::Up), Some(0));
        assert_eq!(scrolled(18, 30, 10, Action::HalfPageDown), Some(20));
        assert_eq!(scrolled(7, 30, 10, Action::HalfPageUp), Some(2));
        assert_eq!(scrolled(7, 30, 10, Action::Bottom), Some(20));
        assert_eq!(scrolled(7, 30, 10, Action::Top), Some(0));
        // Text shorter than the screen never scrolls.
        assert_eq!(scrolled(0, 5, 10, Action::Down), Some(0));
        assert_eq!(scrolled(3, 30, 10, Action::Confirm), None);
    }
}
