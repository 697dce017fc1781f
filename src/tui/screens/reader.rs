//! The note reader: a rendered note scrolled vertically (and sideways for
//! code and tables), section jumps, and a history of followed links.
//!
//! State changes come through `ReaderState::apply`; drawing is
//! `impl Widget for ReaderView`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::markdown::{Rendered, render_note};
use crate::tui::theme::{Theme, ThemeKind};
use crate::tui::wrap;
use crate::vault::{NoteIx, Vault};

/// An open note and where it is scrolled to.
#[derive(Debug, Clone)]
pub struct ReaderState {
    /// The note shown.
    pub note: NoteIx,
    /// First visible row.
    pub scroll: usize,
    /// Cells scrolled sideways (wide rows only).
    pub hscroll: usize,
    /// Visible rows of the pane, from the last `layout`.
    pub height: usize,
    /// The note laid out for the current width.
    pub rendered: Rendered,
    key: Option<(usize, ThemeKind, Lang)>,
    /// A body offset to bring to the top at the next layout.
    target: Option<usize>,
    /// After the note changed on disk: the section heading that was on
    /// top and how many rows below it the view was.
    keep: Option<(String, usize)>,
    /// Notes left by following links, to come back to.
    pub history: Vec<(NoteIx, usize)>,
    /// Spoiler mode: the 정답 lines and explanations of the note's
    /// questions are hidden until revealed (`a`).
    pub spoilers: bool,
}

impl ReaderState {
    /// A reader on a note, at the top.
    pub fn new(note: NoteIx) -> Self {
        ReaderState {
            note,
            scroll: 0,
            hscroll: 0,
            height: 10,
            rendered: Rendered::default(),
            key: None,
            target: None,
            keep: None,
            history: Vec::new(),
            spoilers: false,
        }
    }

    /// Lays the note out for a text area, keeping the same text at the
    /// top when the width changes. Cheap when nothing changed.
    pub fn layout(&mut self, vault: &Vault, area: (usize, usize), theme: &Theme, lang: Lang) {
        let (width, height) = area;
        self.height = height.max(1);
        let key = Some((width, theme.kind, lang));
        if self.key == key && self.note.0 < vault.notes.len() {
            self.clamp();
            return;
        }
        self.wrap(vault, width, theme, lang);
    }

    /// Wraps the note for a width (again after the note changed on disk,
    /// or a link was followed): the same text stays at the top.
    fn wrap(&mut self, vault: &Vault, width: usize, theme: &Theme, lang: Lang) {
        let offset = self.top_offset();
        if self.note.0 >= vault.notes.len() {
            self.note = NoteIx(0);
        }
        let Some(note) = vault.notes.get(self.note.0) else {
            self.rendered = Rendered::default();
            return;
        };
        let had_layout = self.key.is_some();
        crate::tui::frame::count_wrap();
        self.rendered = render_note(note, &vault.body(note), width, theme, lang);
        if self.spoilers {
            hide_answers(&mut self.rendered, theme, lang);
        }
        self.key = Some((width, theme.kind, lang));
        if let Some((heading, below)) = self.keep.take() {
            let row = self
                .rendered
                .sections
                .iter()
                .find(|s| s.heading == heading)
                .map(|s| s.row);
            self.scroll = row.map_or(self.scroll, |r| r + below);
        } else if let Some(target) = self.target.take() {
            self.scroll = self.rendered.row_of_offset(target);
        } else if had_layout && let Some(offset) = offset {
            self.scroll = self.rendered.row_of_offset(offset);
        }
        self.clamp();
    }

    /// Forgets the layout so the next `layout` renders afresh.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// The note's text changed: lay out afresh at the next layout, keeping
    /// the same section and distance into it on top.
    pub fn note_changed(&mut self) {
        self.keep = self
            .rendered
            .sections
            .iter()
            .rev()
            .find(|s| s.row <= self.scroll)
            .map(|s| (s.heading.clone(), self.scroll - s.row));
        self.key = None;
    }

    /// The file line of the text on top of the pane.
    pub fn top_line(&self, vault: &Vault) -> usize {
        let note = vault.note(self.note);
        self.top_offset()
            .map_or(note.body_line, |o| vault.line_of(note, o))
    }

    fn top_offset(&self) -> Option<usize> {
        self.rendered
            .anchors
            .iter()
            .take_while(|(_, r)| *r <= self.scroll)
            .last()
            .map(|(o, _)| *o)
    }

    /// The last full page, or further so the last section's heading can
    /// come to the top on a jump.
    fn max_scroll(&self) -> usize {
        let last_section = self.rendered.sections.last().map_or(0, |s| s.row);
        self.rendered
            .rows
            .len()
            .saturating_sub(self.height)
            .max(last_section)
    }

    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
        let max_h = self
            .rendered
            .max_width()
            .saturating_sub(self.rendered.width);
        self.hscroll = self.hscroll.min(max_h);
    }

    /// Scrolls so a body byte offset is near the top (a search hit).
    /// Takes effect at the next layout.
    pub fn scroll_to_offset(&mut self, offset: usize) {
        self.target = Some(offset);
        self.key = None;
    }

    /// Opens another note, remembering this one for `Back`.
    pub fn follow(&mut self, note: NoteIx) {
        self.history.push((self.note, self.scroll));
        self.note = note;
        self.scroll = 0;
        self.hscroll = 0;
        self.key = None;
    }

    /// Returns to the note a link was followed from; false when none.
    pub fn back(&mut self) -> bool {
        match self.history.pop() {
            Some((note, scroll)) => {
                self.note = note;
                self.scroll = scroll;
                self.hscroll = 0;
                self.key = None;
                true
            }
            None => false,
        }
    }

    /// Applies a movement or section action; true when it was one.
    pub fn apply(&mut self, action: Action) -> bool {
        let half = (self.height / 2).max(1);
        let current_section = self
            .rendered
            .sections
            .iter()
            .rposition(|s| s.row <= self.scroll);
        match action {
            Action::Down => self.scroll += 1,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::HalfPageDown => self.scroll += half,
            Action::HalfPageUp => self.scroll = self.scroll.saturating_sub(half),
            Action::PageDown => self.scroll += self.height.saturating_sub(2).max(1),
            Action::PageUp => {
                self.scroll = self
                    .scroll
                    .saturating_sub(self.height.saturating_sub(2).max(1));
            }
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX,
            Action::ToggleSpoilers => {
                self.spoilers = !self.spoilers;
                self.note_changed();
            }
            Action::Left => self.hscroll = self.hscroll.saturating_sub(8),
            Action::Right => self.hscroll += 8,
            Action::JumpSection(kind) => {
                if let Some(row) = self.rendered.section_row(kind) {
                    self.scroll = row;
                }
            }
            Action::NextSection => {
                let next = current_section.map_or(0, |i| i + 1);
                let next = self
                    .rendered
                    .sections
                    .iter()
                    .skip(next)
                    .find(|s| s.row > self.scroll);
                if let Some(s) = next {
                    self.scroll = s.row;
                }
            }
            Action::PrevSection => {
                let prev = self
                    .rendered
                    .sections
                    .iter()
                    .rev()
                    .find(|s| s.row < self.scroll);
                self.scroll = prev.map_or(0, |s| s.row);
            }
            _ => return false,
        }
        self.clamp();
        true
    }

    /// The heading of the section at the top of the view.
    pub fn section_here(&self) -> Option<&str> {
        self.rendered
            .sections
            .iter()
            .rev()
            .find(|s| s.row <= self.scroll)
            .map(|s| s.heading.as_str())
    }
}

/// Spoiler mode: in the questions section, every row from a `정답` line
/// up to the next question (its answer and explanations) becomes one
/// placeholder row; section and anchor rows follow.
fn hide_answers(r: &mut Rendered, theme: &Theme, lang: Lang) {
    let Some(start) = r.section_row(crate::vault::SectionKind::Questions) else {
        return;
    };
    let end = r
        .sections
        .iter()
        .map(|s| s.row)
        .find(|&row| row > start)
        .unwrap_or(r.rows.len());
    let text = |row: &crate::tui::markdown::Row| row.line.to_string().trim().to_owned();
    let is_answer =
        |t: &str| t.starts_with("정답") || t.starts_with("✅ 정답") || t.starts_with("Answer:");
    let is_question = |t: &str| {
        t.starts_with("Question")
            || t.starts_with("문제")
            || t.starts_with("Q.")
            || t.starts_with("Q:")
    };
    let mut keep = Vec::with_capacity(r.rows.len());
    let mut map = Vec::with_capacity(r.rows.len());
    let mut hiding = false;
    for (i, row) in std::mem::take(&mut r.rows).into_iter().enumerate() {
        let t = text(&row);
        if i > start && i < end && !hiding && is_answer(&t) {
            hiding = true;
            keep.push(crate::tui::markdown::Row {
                line: Line::styled(
                    lang.pick(
                        "▒▒ 정답과 해설 숨김 · a로 보기",
                        "▒▒ answer and explanations hidden · a shows them",
                    ),
                    theme.dim,
                ),
                wide: false,
            });
            map.push(keep.len() - 1);
            continue;
        }
        if hiding && (i >= end || is_question(&t)) {
            hiding = false;
        }
        if hiding {
            map.push(keep.len().saturating_sub(1));
        } else {
            keep.push(row);
            map.push(keep.len() - 1);
        }
    }
    let remap = |row: usize| map.get(row).copied().unwrap_or(keep.len());
    for s in &mut r.sections {
        s.row = remap(s.row);
    }
    for a in &mut r.anchors {
        a.1 = remap(a.1);
    }
    r.rows = keep;
}

/// Draws a reader's visible rows.
pub struct ReaderView<'a> {
    /// The reader.
    pub state: &'a ReaderState,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let rows = s
            .rendered
            .rows
            .iter()
            .skip(s.scroll)
            .take(area.height as usize);
        for (y, row) in (area.y..).zip(rows) {
            let line = if row.wide && s.hscroll > 0 {
                skip_cells(&row.line, s.hscroll)
            } else {
                row.line.clone()
            };
            buf.set_line(area.x, y, &line, area.width);
            if row.wide && wrap::line_width(&line) > area.width as usize && area.width > 0 {
                let last = area.right() - 1;
                // A wide character over the last column would cover the
                // mark: it gives way to a space.
                if last > area.x && wrap::width(buf[(last - 1, y)].symbol()) > 1 {
                    buf[(last - 1, y)].set_symbol(" ");
                }
                buf[(last, y)].set_symbol("›").set_style(self.theme.dim);
            }
        }
        if self.theme.hyperlinks {
            let rows = &s.rendered.rows;
            let width = s.rendered.width;
            for (y, i) in (area.y..area.bottom()).zip(s.scroll..rows.len()) {
                if rows[i].wide {
                    continue;
                }
                for (a, b, url) in crate::tui::hyperlink::row_links(rows, i, width) {
                    let (a, b) = (clamp_col(a, area), clamp_col(b, area));
                    crate::tui::hyperlink::link_cells(buf, area.x + a, area.x + b, y, &url);
                }
            }
        }
    }
}

/// A column of the text as an offset in `area`, at most its width.
fn clamp_col(col: usize, area: Rect) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX).min(area.width)
}

#[cfg(test)]
#[path = "reader_link_tests.rs"]
mod link_tests;

/// Drops the first `n` display cells of a line; a wide character cut in
/// half becomes a space so columns stay aligned.
pub fn skip_cells(line: &Line<'static>, n: usize) -> Line<'static> {
    let mut left = n;
    let mut spans = Vec::new();
    for span in &line.spans {
        if left == 0 {
            spans.push(span.clone());
            continue;
        }
        let mut text = String::new();
        for c in span.content.chars() {
            let w = wrap::char_width(c);
            if left == 0 {
                text.push(c);
            } else if w > left {
                text.push_str(&" ".repeat(w - left));
                left = 0;
            } else {
                left -= w;
            }
        }
        if !text.is_empty() {
            spans.push(Span::styled(text, span.style));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
