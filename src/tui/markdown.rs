//! A note rendered for the reader: pulldown-cmark events turned into styled,
//! width-wrapped lines, with the rows of sections, links and source blocks
//! so the reader can jump and scroll to them.
//!
//! Prose is wrapped by `wrap`; code blocks and tables are kept exactly and
//! marked wide (scrolled sideways, never wrapped). `**…**` that CommonMark
//! leaves literal (bold right before a Korean particle, `**굵게**을`) is
//! made bold here. Owns no state; `render_note` is a pure function.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::wrap;
use crate::i18n::Lang;
use crate::vault::{Note, SectionKind};

/// One rendered row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The styled text.
    pub line: Line<'static>,
    /// True for code and table rows: kept exactly, scrolled sideways.
    pub wide: bool,
}

/// A level-2 heading of a laid-out note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRow {
    /// The row the heading is drawn on.
    pub row: usize,
    /// What the section holds.
    pub kind: SectionKind,
    /// The heading's text, trimmed.
    pub heading: String,
}

/// A note laid out for one width.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The width it was laid out for.
    pub width: usize,
    /// Every row, header first.
    pub rows: Vec<Row>,
    /// Level-2 headings, in reading order.
    pub sections: Vec<SectionRow>,
    /// Block starts: byte offset in the body and the row it begins at.
    pub anchors: Vec<(usize, usize)>,
    /// Wikilink targets in reading order (deduplicated).
    pub links: Vec<String>,
}

impl Rendered {
    /// The row showing a byte offset of the body.
    pub fn row_of_offset(&self, offset: usize) -> usize {
        self.anchors
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(0, |&(_, r)| r)
    }

    /// The row of the first section of a kind.
    pub fn section_row(&self, kind: SectionKind) -> Option<usize> {
        self.sections.iter().find(|s| s.kind == kind).map(|s| s.row)
    }

    /// The widest row, for sideways scrolling.
    pub fn max_width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| wrap::line_width(&r.line))
            .max()
            .unwrap_or(0)
    }
}

/// A piece of inline text before `**` runs and wikilinks are resolved.
#[derive(Debug, Clone)]
pub(super) struct Seg {
    pub(super) text: String,
    pub(super) style: Style,
    pub(super) code: bool,
}

#[derive(Debug, Default)]
pub(super) struct TableState {
    pub(super) aligns: Vec<Alignment>,
    pub(super) rows: Vec<Vec<Vec<(String, Style)>>>,
    pub(super) head_rows: usize,
}

pub(super) struct Walker<'a> {
    pub(super) theme: &'a Theme,
    pub(super) width: usize,
    pub(super) out: Rendered,
    pub(super) inline: Vec<Seg>,
    pub(super) bold: usize,
    pub(super) italic: usize,
    pub(super) strike: usize,
    pub(super) link: usize,
    /// Open links: their target and where their text starts in `inline`.
    pub(super) link_targets: Vec<(String, usize)>,
    pub(super) heading: Option<HeadingLevel>,
    pub(super) lists: Vec<Option<u64>>,
    pub(super) item_marker: Option<String>,
    pub(super) quote: usize,
    pub(super) code: Option<String>,
    pub(super) table: Option<TableState>,
}

/// Lays a note out for a width: a compact header (tags, aliases, dates,
/// question count), then its body (`body`, see `Vault::body`).
pub fn render_note(note: &Note, body: &str, width: usize, theme: &Theme, lang: Lang) -> Rendered {
    let width = width.max(1);
    let mut w = Walker {
        theme,
        width,
        out: Rendered {
            width,
            ..Rendered::default()
        },
        inline: Vec::new(),
        bold: 0,
        italic: 0,
        strike: 0,
        link: 0,
        link_targets: Vec::new(),
        heading: None,
        lists: Vec::new(),
        item_marker: None,
        quote: 0,
        code: None,
        table: None,
    };
    w.header(note, lang);
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        if let Event::Start(tag) = &event
            && matches!(
                tag,
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::Item
                    | Tag::CodeBlock(_)
                    | Tag::Table(_)
                    | Tag::BlockQuote(_)
            )
        {
            let row = w.out.rows.len();
            w.out.anchors.push((range.start, row));
            if let Tag::Heading {
                level: HeadingLevel::H2,
                ..
            } = tag
            {
                let kind = note
                    .sections
                    .iter()
                    .find(|s| {
                        s.span().start <= range.start
                            && range.start < s.span().end.max(s.span().start + 1)
                    })
                    .map_or(SectionKind::Other, |s| s.kind);
                w.out.sections.push(SectionRow {
                    row,
                    kind,
                    heading: String::new(),
                });
            }
        }
        w.event(event);
    }
    w.flush_inline();
    while w.out.rows.last().is_some_and(|r| r.line.spans.is_empty()) {
        w.out.rows.pop();
    }
    w.out
}

impl Walker<'_> {
    pub(super) fn push(&mut self, line: Line<'static>, wide: bool) {
        self.out.rows.push(Row { line, wide });
    }

    pub(super) fn blank(&mut self) {
        if self
            .out
            .rows
            .last()
            .is_some_and(|r| !r.line.spans.is_empty())
        {
            self.push(Line::default(), false);
        }
    }

    pub(super) fn push_wrapped(
        &mut self,
        pieces: &[(String, Style)],
        first: &Line<'static>,
        rest: &Line<'static>,
    ) {
        for line in wrap::wrap(pieces, self.width, first, rest) {
            self.push(line, false);
        }
    }

    pub(super) fn quote_prefix(&self) -> Vec<Span<'static>> {
        (0..self.quote)
            .map(|_| Span::styled("│ ", self.theme.quote))
            .collect()
    }

    /// Prefixes for the next block: quote bars, then list indentation with
    /// the item marker on the first line only.
    pub(super) fn prefixes(&mut self) -> (Line<'static>, Line<'static>) {
        let mut first = self.quote_prefix();
        let mut rest = first.clone();
        let depth = self.lists.len();
        if depth > 0 {
            let indent = "  ".repeat(depth - 1);
            if let Some(marker) = self.item_marker.take() {
                let pad = " ".repeat(wrap::width(&marker));
                first.push(Span::raw(indent.clone()));
                first.push(Span::styled(marker, self.theme.dim));
                rest.push(Span::raw(format!("{indent}{pad}")));
            } else {
                let pad = format!("{indent}  ");
                first.push(Span::raw(pad.clone()));
                rest.push(Span::raw(pad));
            }
        }
        (Line::from(first), Line::from(rest))
    }

    fn style(&self) -> Style {
        let t = self.theme;
        let mut st = match self.heading {
            Some(HeadingLevel::H1) => t.title,
            Some(HeadingLevel::H2) => t.heading,
            Some(_) => t.subheading,
            None if self.quote > 0 => t.quote,
            None => t.text,
        };
        if self.bold > 0 {
            st = st.patch(t.bold);
        }
        if self.italic > 0 {
            st = st.patch(t.emphasis);
        }
        if self.strike > 0 {
            st = st.patch(t.struck);
        }
        if self.link > 0 {
            st = st.patch(t.link);
        }
        st
    }

    fn text(&mut self, s: &str) {
        let style = self.style();
        self.inline.push(Seg {
            text: s.to_owned(),
            style,
            code: false,
        });
    }

    #[allow(clippy::too_many_lines)] // one match over the event kinds
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    self.flush_inline();
                    self.blank();
                    self.heading = Some(level);
                }
                Tag::BlockQuote(_) => {
                    self.flush_inline();
                    self.quote += 1;
                }
                Tag::CodeBlock(_) => {
                    self.flush_inline();
                    self.code = Some(String::new());
                }
                Tag::List(start) => {
                    self.flush_inline();
                    if self.lists.is_empty() {
                        self.blank();
                    }
                    self.lists.push(start);
                }
                Tag::Item => {
                    self.flush_inline();
                    let marker = match self.lists.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            format!("{}. ", *n - 1)
                        }
                        _ => "• ".to_owned(),
                    };
                    self.item_marker = Some(marker);
                }
                Tag::Emphasis => self.italic += 1,
                Tag::Strong => self.bold += 1,
                Tag::Strikethrough => self.strike += 1,
                Tag::Link { dest_url, .. } => {
                    self.link += 1;
                    self.link_targets
                        .push((dest_url.to_string(), self.inline.len()));
                }
                Tag::Table(aligns) => {
                    self.flush_inline();
                    self.table = Some(TableState {
                        aligns,
                        ..TableState::default()
                    });
                }
                Tag::TableHead | Tag::TableRow => {
                    if let Some(t) = &mut self.table {
                        t.rows.push(Vec::new());
                    }
                }
                Tag::TableCell => self.inline.clear(),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => {
                    self.flush_inline();
                    if self.lists.is_empty() {
                        self.blank();
                    }
                }
                TagEnd::Heading(level) => {
                    let heading_text: String =
                        self.inline.iter().map(|s| s.text.as_str()).collect();
                    if level == HeadingLevel::H2
                        && let Some(last) = self.out.sections.last_mut()
                    {
                        heading_text.trim().clone_into(&mut last.heading);
                    }
                    let prefix = match level {
                        HeadingLevel::H1 => Line::default(),
                        HeadingLevel::H2 => Line::styled("▍", self.theme.heading),
                        _ => Line::styled("› ", self.theme.subheading),
                    };
                    let pieces = self.resolve_inline();
                    let rest = Line::raw(" ".repeat(wrap::line_width(&prefix)));
                    self.push_wrapped(&pieces, &prefix, &rest);
                    self.heading = None;
                    self.blank();
                }
                TagEnd::BlockQuote(_) => {
                    self.flush_inline();
                    self.quote = self.quote.saturating_sub(1);
                    self.blank();
                }
                TagEnd::CodeBlock => self.end_code_block(),
                TagEnd::List(_) => {
                    self.flush_inline();
                    self.lists.pop();
                    if self.lists.is_empty() {
                        self.blank();
                    }
                }
                TagEnd::Item => self.flush_inline(),
                TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
                TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
                TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
                TagEnd::Link => {
                    self.link = self.link.saturating_sub(1);
                    self.link_target();
                }
                TagEnd::TableHead => {
                    if let Some(t) = &mut self.table {
                        t.head_rows = t.rows.len();
                    }
                }
                TagEnd::TableCell => {
                    let cell = self.resolve_inline();
                    if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                        row.push(cell);
                    }
                }
                TagEnd::Table => self.end_table(),
                _ => {}
            },
            Event::Text(t) => match &mut self.code {
                Some(code) => code.push_str(&t),
                None => self.text(&t),
            },
            Event::Code(t) => {
                let style = self.theme.code;
                self.inline.push(Seg {
                    text: t.to_string(),
                    style,
                    code: true,
                });
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Rule => {
                self.flush_inline();
                let line = Line::styled("─".repeat(self.width.min(60)), self.theme.border);
                self.push(line, false);
                self.blank();
            }
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            Event::Html(t) | Event::InlineHtml(t) => {
                let style = self.theme.dim;
                self.inline.push(Seg {
                    text: t.trim_end().to_string(),
                    style,
                    code: true,
                });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
