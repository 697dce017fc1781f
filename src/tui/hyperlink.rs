//! Terminal hyperlinks (OSC 8) for the URLs the reader shows: whether the
//! terminal gets them, and how a run of buffer cells becomes one link.
//!
//! ratatui has no hyperlink type. As its `hyperlink` example does, the
//! escape goes into cell symbols: each cell that starts a chunk of at most
//! two columns (two narrow characters, or one wide one) holds
//! `ESC ]8;;URL ESC \ chunk ESC ]8;; ESC \`, with its width forced to the
//! chunk's, so the buffer diff measures the cell by what the terminal
//! shows, not by the escape's length; the chunk's second cell is skipped.
//! The URL goes through [`crate::text::visible`] first: no ESC or BEL of a
//! note ever reaches the terminal. Owns no state.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::text::Line;

use super::markdown::Row;

use super::wrap::{self, find_url};

/// Whether links are written as hyperlinks (`hyperlinks` in config.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HyperlinkMode {
    /// On unless the terminal is known not to take them.
    #[default]
    Auto,
    /// Always.
    On,
    /// Never: URLs are plain text.
    Off,
}

impl HyperlinkMode {
    /// Whether to write hyperlinks, for `TERM`. `auto` is off for no
    /// `TERM`, `dumb`, the Linux console (`linux`) and GNU screen
    /// (`screen*`, which does not pass OSC 8 through), on elsewhere: a
    /// terminal that does not know OSC 8 ignores it, as the spec asks, so
    /// the text still shows (the rule `ls --hyperlink=auto` and systemd
    /// follow).
    pub fn enabled(self, term: Option<&str>) -> bool {
        match self {
            HyperlinkMode::On => true,
            HyperlinkMode::Off => false,
            HyperlinkMode::Auto => term.is_some_and(|t| {
                !(t.is_empty() || t == "dumb" || t == "linux" || t.starts_with("screen"))
            }),
        }
    }
}

/// Turns the cells `x..end` of row `y` into a hyperlink to `url`.
pub fn link_cells(buf: &mut Buffer, x: u16, end: u16, y: u16, url: &str) {
    let url = crate::text::visible(url);
    let end = end.min(buf.area.right());
    let mut at = x;
    while at < end {
        // A chunk: this cell's symbol and, when both are narrow, the next.
        let first = buf[(at, y)].symbol().to_owned();
        let first_w = u16::try_from(wrap::width(&first).max(1)).unwrap_or(1);
        let mut chunk = first;
        let mut w = first_w;
        if first_w == 1 && at + 1 < end {
            let next = buf[(at + 1, y)].symbol().to_owned();
            if wrap::width(&next) == 1 {
                chunk.push_str(&next);
                w = 2;
                buf[(at + 1, y)].set_diff_option(CellDiffOption::Skip);
            }
        }
        let symbol = format!("\x1b]8;;{url}\x1b\\{chunk}\x1b]8;;\x1b\\");
        let cell = &mut buf[(at, y)];
        cell.set_symbol(&symbol);
        if let Some(forced) = NonZeroU16::new(w) {
            cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
        }
        at += w;
    }
}

/// The text of a row.
fn row_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Bytes of a continuation row's prefix (list indentation, quote bars).
fn prefix_len(text: &str) -> usize {
    text.find(|c: char| !(c.is_whitespace() || c == '│'))
        .unwrap_or(text.len())
}

/// Where a URL ends in `text`, from `start`.
fn url_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(|c: char| !c.is_ascii_graphic() || matches!(c, '>' | ')' | ']' | '"' | '\'' | '<'))
        .map_or(text.len(), |e| start + e)
}

/// One URL starting at byte `start` of row `i`, followed onto the rows
/// below while it fills its row (a URL longer than a line is cut there,
/// see [`wrap::wrap`]): the whole URL and its piece on each row (row,
/// first column, end column).
fn follow(
    rows: &[Row],
    mut i: usize,
    mut start: usize,
    width: usize,
) -> (String, Vec<(usize, usize, usize)>) {
    let mut url = String::new();
    let mut pieces = Vec::new();
    loop {
        let text = row_text(&rows[i].line);
        let end = url_end(&text, start);
        url.push_str(&text[start..end]);
        pieces.push((i, wrap::width(&text[..start]), wrap::width(&text[..end])));
        let full = end == text.len() && wrap::width(&text) + 1 >= width;
        let Some(next) = rows.get(i + 1).map(|r| row_text(&r.line)) else {
            break;
        };
        let from = prefix_len(&next);
        if !full || url_end(&next, from) == from {
            break;
        }
        i += 1;
        start = from;
    }
    (url, pieces)
}

/// The links on row `i` of a laid-out text `width` cells wide: first
/// column, end column and URL, for every URL on the row (also the rest of
/// one that began on a row above).
pub fn row_links(rows: &[Row], i: usize, width: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let on_row = |(url, pieces): (String, Vec<(usize, usize, usize)>), out: &mut Vec<_>| {
        for (row, a, b) in pieces {
            if row == i && b > a {
                out.push((a, b, url.clone()));
            }
        }
    };
    // A URL begun above: the nearest row above whose last URL runs to its
    // end, while every row between is full.
    for k in (i.saturating_sub(16)..i).rev() {
        let text = row_text(&rows[k].line);
        let mut last = None;
        let mut from = 0;
        while let Some(r) = find_url(&text[from..]) {
            last = Some(from + r.start);
            from += r.end.max(1);
        }
        if let Some(start) = last {
            let (url, pieces) = follow(rows, k, start, width);
            if pieces.iter().any(|p| p.0 == i) {
                on_row((url, pieces), &mut out);
            }
            break;
        }
        // Only a full row can be the middle of a long URL.
        if wrap::width(&text) + 1 < width {
            break;
        }
    }
    let text = row_text(&rows[i].line);
    let mut from = if out.is_empty() {
        0
    } else {
        url_end(&text, prefix_len(&text))
    };
    while let Some(r) = find_url(&text[from..]) {
        let start = from + r.start;
        on_row(follow(rows, i, start, width), &mut out);
        from += r.end.max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn rows(lines: Vec<Line<'static>>) -> Vec<Row> {
        lines
            .into_iter()
            .map(|line| Row { line, wide: false })
            .collect()
    }

    #[test]
    fn link_cells_hold_two_columns_each_with_their_width_forced() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "ab스c", ratatui::style::Style::new());
        link_cells(&mut buf, 0, 5, 0, "https://a.io");
        let open = "\x1b]8;;https://a.io\x1b\\";
        let close = "\x1b]8;;\x1b\\";
        assert_eq!(buf[(0, 0)].symbol(), format!("{open}ab{close}"));
        assert_eq!(buf[(1, 0)].diff_option, CellDiffOption::Skip);
        assert_eq!(buf[(2, 0)].symbol(), format!("{open}스{close}"));
        assert_eq!(buf[(4, 0)].symbol(), format!("{open}c{close}"));
        for (x, w) in [(0, 2), (2, 2), (4, 1)] {
            assert_eq!(
                buf[(x, 0)].diff_option,
                CellDiffOption::ForcedWidth(NonZeroU16::new(w).unwrap())
            );
        }
        // The screen shows the text, in its columns, once.
        let mut prev = Buffer::empty(Rect::new(0, 0, 8, 1));
        let updates = prev.diff(&buf);
        let xs: Vec<u16> = updates.iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs[..3], [0, 2, 4]);
        prev.merge(&buf);
    }

    #[test]
    fn a_url_with_escape_or_bell_never_reaches_the_terminal() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf.set_string(0, 0, "link", ratatui::style::Style::new());
        link_cells(&mut buf, 0, 4, 0, "https://x.io/\x1b]0;pwned\x07");
        let symbol = buf[(0, 0)].symbol();
        let url = &symbol["\x1b]8;;".len()..symbol.find("\x1b\\").unwrap()];
        assert!(!url.contains(['\x1b', '\x07']), "{url:?}");
        assert!(url.starts_with("https://x.io/"));
    }

    #[test]
    fn auto_is_off_for_dumb_and_console_terminals_and_the_setting_wins() {
        let auto = HyperlinkMode::Auto;
        assert!(auto.enabled(Some("xterm-256color")));
        assert!(auto.enabled(Some("tmux-256color")));
        for t in [None, Some(""), Some("dumb"), Some("linux"), Some("screen")] {
            assert!(!auto.enabled(t), "{t:?}");
        }
        assert!(HyperlinkMode::On.enabled(Some("dumb")));
        assert!(!HyperlinkMode::Off.enabled(Some("xterm")));
    }

    #[test]
    fn a_url_cut_over_rows_links_every_piece_to_the_whole_url() {
        let url = "https://docs.aws.amazon.com/emr/latest/spot.html";
        let rows = rows(crate::tui::wrap::wrap_plain(
            &format!("참고: {url} 끝"),
            ratatui::style::Style::new(),
            20,
        ));
        let all: Vec<_> = (0..rows.len())
            .flat_map(|i| row_links(&rows, i, 20))
            .collect();
        assert!(all.len() >= 3, "{rows:?}");
        assert!(all.iter().all(|(_, _, u)| u == url), "{all:?}");
        // The tail shares its row with the next word, which is no link.
        let last = rows.len() - 1;
        let tail = row_links(&rows, last, 20);
        assert_eq!(tail, [(0, 8, url.to_owned())], "{:?}", rows[last].line);
    }

    #[test]
    fn urls_inside_a_row_are_found_by_column() {
        let rows = rows(vec![Line::raw("보라 <https://a.io/x> 와 (https://b.io)")]);
        assert_eq!(
            row_links(&rows, 0, 80),
            [
                (6, 20, "https://a.io/x".to_owned()),
                (26, 38, "https://b.io".to_owned())
            ]
        );
    }
}
