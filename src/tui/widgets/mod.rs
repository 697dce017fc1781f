//! Small widgets shared by screens: the hint bar, the status line, the
//! "too small" notice, centred pop-ups and a bar chart row.
//!
//! Owns no state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::keymap::{Context, Hint, Keymap};
use super::theme::Theme;
use super::wrap;
use crate::i18n::Lang;

/// The hint bar: the hinted bindings of a context, as many as fit.
pub struct HintBar<'a> {
    /// The bindings.
    pub keymap: &'a Keymap,
    /// Which screen.
    pub context: Context,
    /// Styles.
    pub theme: &'a Theme,
    /// Language of the descriptions.
    pub lang: Lang,
    /// Actions of this screen not offered right now (Space toggling on a
    /// single-answer question).
    pub hidden: &'a [Action],
    /// A hint that matters only now, shown right after help and search
    /// (keys, description): how to scroll a wide table sideways.
    pub extra: Option<(&'a str, &'a str)>,
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        let mut used = 0;
        let max = area.width as usize;
        // Help and search first (how people find everything else), then
        // this screen's keys, then the other global ones, as room allows.
        let global: Vec<_> = if self.context.is_text_field() {
            Vec::new()
        } else {
            self.keymap
                .bindings(Context::Global)
                .iter()
                .filter(|b| b.hint == Hint::Bar)
                .collect()
        };
        let (first, other): (Vec<_>, Vec<_>) = global
            .into_iter()
            .partition(|b| matches!(b.action, Action::Help | Action::Search));
        let own = self
            .keymap
            .bindings(self.context)
            .iter()
            .filter(|b| b.hint == Hint::Bar && !self.hidden.contains(&b.action));
        let extra = self.extra.map(|(k, d)| (k.to_owned(), d));
        let hints = first
            .iter()
            .map(|b| {
                (
                    b.keys.first().map(ToString::to_string).unwrap_or_default(),
                    b.desc(self.lang),
                )
            })
            .chain(extra)
            .chain(own.chain(other).map(|b| {
                (
                    b.keys.first().map(ToString::to_string).unwrap_or_default(),
                    b.desc(self.lang),
                )
            }));
        for (key, desc) in hints {
            let w = wrap::width(&key) + 1 + wrap::width(desc) + 2;
            if used + w > max {
                continue;
            }
            used += w;
            spans.push(Span::styled(key, self.theme.hint_key));
            spans.push(Span::styled(format!(" {desc}  "), self.theme.hint));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}

/// Shown instead of the app when the terminal is too small to use.
pub struct TooSmall<'a> {
    /// Styles.
    pub theme: &'a Theme,
    /// Language.
    pub lang: Lang,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = self.lang.pick("창이 너무 작습니다", "Window too small");
        let lines = wrap::wrap_plain(text, self.theme.warning, area.width as usize);
        for (y, line) in (area.y..area.bottom()).zip(lines) {
            buf.set_line(area.x, y, &line, area.width);
        }
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears an area and draws a titled border; returns the inside.
pub fn popup(area: Rect, title: &str, theme: &Theme, buf: &mut Buffer) -> Rect {
    clear_cut_wide_chars(area, buf);
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Blanks the halves of wide characters (Hangul takes two cells) that the
/// edges of `area` would cut: the first half left of it would otherwise be
/// printed over the popup's left border, and a second half right of it
/// would be left without its first.
fn clear_cut_wide_chars(area: Rect, buf: &mut Buffer) {
    let bounds = buf.area;
    for y in area.top()..area.bottom() {
        if area.left() > bounds.left() {
            let x = area.left() - 1;
            if buf[(x, y)].symbol().width() > 1 {
                buf[(x, y)].set_symbol(" ");
            }
        }
        if area.right() < bounds.right() && area.right() > area.left() {
            let (last, after) = (area.right() - 1, area.right());
            if buf[(last, y)].symbol().width() > 1 {
                buf[(after, y)].set_symbol(" ");
            }
        }
    }
}

/// A titled pane border, highlighted when focused; returns the inside.
pub fn pane(area: Rect, title: &str, focused: bool, theme: &Theme, buf: &mut Buffer) -> Rect {
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Span::styled(
            wrap::truncate(&format!(" {title} "), area.width.saturating_sub(2) as usize),
            if focused { theme.title } else { theme.dim },
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A bar of right answers per tag, labels padded to the widest (at most
/// half the width); `suffix` writes the text after each bar from the
/// ratio, the right count and the total.
pub fn tag_bars(
    rows: &[(&str, u64, u64)],
    width: usize,
    theme: &Theme,
    suffix: impl Fn(f64, u64, u64) -> String,
) -> Vec<Line<'static>> {
    let label_w = rows
        .iter()
        .map(|(tag, _, _)| wrap::width(tag))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    rows.iter()
        .map(|&(tag, right, total)| {
            #[allow(clippy::cast_precision_loss)]
            let ratio = if total == 0 {
                0.0
            } else {
                right as f64 / total as f64
            };
            bar_line(
                tag,
                label_w,
                ratio,
                width,
                &suffix(ratio, right, total),
                theme,
            )
        })
        .collect()
}

/// One labelled horizontal bar: `label ███████░░░ 70%`.
pub fn bar_line(
    label: &str,
    label_w: usize,
    ratio: f64,
    width: usize,
    suffix: &str,
    theme: &Theme,
) -> Line<'static> {
    let bar_w = width.saturating_sub(label_w + wrap::width(suffix) + 2);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let filled = ((ratio.clamp(0.0, 1.0) * bar_w as f64).round() as usize).min(bar_w);
    Line::from(vec![
        Span::styled(
            wrap::pad(&wrap::truncate(label, label_w), label_w),
            theme.text,
        ),
        Span::raw(" "),
        Span::styled("█".repeat(filled), theme.bar),
        Span::styled("░".repeat(bar_w - filled), theme.dim),
        Span::raw(" "),
        Span::styled(suffix.to_owned(), theme.dim),
    ])
}

#[cfg(test)]
mod popup_tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::popup;
    use crate::tui::theme::Theme;

    #[test]
    fn popup_border_survives_wide_characters_underneath() {
        let area = Rect::new(0, 0, 12, 3);
        let mut buf = Buffer::empty(area);
        for y in 0..3 {
            buf.set_string(0, y, "가나다라마바", ratatui::style::Style::default());
        }
        // Columns 3..9: the left edge cuts 나 (cells 2-3), the right edge
        // cuts 마 (cells 8-9).
        popup(Rect::new(3, 0, 6, 3), "t", &Theme::default(), &mut buf);
        for y in 0..3 {
            assert_eq!(buf[(2, y)].symbol(), " ", "row {y}: half of 나 left");
            assert_ne!(buf[(3, y)].symbol(), "", "row {y}: border cell lost");
            assert_eq!(buf[(9, y)].symbol(), " ", "row {y}: orphan half of 마");
        }
    }
}
