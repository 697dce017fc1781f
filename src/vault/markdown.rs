//! The walk over a note's body: the heading, level-2 sections, the key
//! point, wikilinks, and the blocks of the questions sections as units for
//! the question grammar, from pulldown-cmark events over the whole body or
//! over the parts `parts` picks. Knows no question syntax.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use std::borrow::Cow;
use std::ops::Range;

use super::fast::outline::Heading;
use super::model::{Section, SectionKind};
use super::text::{LineCursor, compact_lower, drop_leading_symbols, is_alphanumeric};

pub(super) mod unit;
pub(crate) use unit::{Span, Unit};

/// The markdown extensions munje reads (and the benchmark floor uses).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_WIKILINKS
}

/// What one pass over the body found.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct BodyScan<'b> {
    pub heading: Option<String>,
    pub sections: Vec<Section>,
    pub key_point: Option<String>,
    pub links: Vec<String>,
    pub units: Vec<Unit<'b>>,
}

/// Recognises a level-2 heading: leading emoji, punctuation and spaces
/// dropped, compared without spaces and case.
pub(crate) fn section_kind(heading: &str) -> SectionKind {
    let name = drop_leading_symbols(heading).trim_end_matches(|c: char| !is_alphanumeric(c));
    match compact_lower(name).as_str() {
        "핵심포인트" | "핵심" | "keypoint" | "keypoints" | "summary" => {
            SectionKind::KeyPoint
        }
        "설명" | "explanation" | "details" => SectionKind::Explanation,
        "주요개념" | "핵심개념" | "keyconcepts" | "concepts" => SectionKind::Concepts,
        "관련문제" | "문제" | "연습문제" | "relatedquestions" | "questions"
        | "practicequestions" | "practicequestion" => SectionKind::Questions,
        _ => SectionKind::Other,
    }
}

/// The walk's state: fed pulldown-cmark events (or, by `vault::fast`,
/// heading lines and plain units read without the parser).
#[derive(Default)]
pub(super) struct Walk<'b> {
    pub(super) scan: BodyScan<'b>,
    pub(super) section: Option<SectionKind>,
    heading: Option<(HeadingLevel, usize, String)>,
    key_point: Option<String>,
    key_point_done: bool,
    list_depth: usize,
    items: Vec<Span<'b>>,
    item: Option<Span<'b>>,
    para: Vec<Span<'b>>,
    in_para: bool,
    other: Option<Span<'b>>,
}

/// The walk over the whole body: the reference every fast path of
/// `vault::fast` must agree with.
pub(crate) fn scan_whole(body: &str, body_line: usize) -> BodyScan<'_> {
    let mut w = Walk::default();
    let mut lines = LineCursor::new(body, body_line);
    w.feed(body, 0..body.len(), &mut lines);
    w.finish(body.len())
}

/// Bytes from `offset` to the end of its line: room for that line's text.
fn line_len(body: &str, offset: usize) -> usize {
    let rest = &body.as_bytes()[offset.min(body.len())..];
    memchr::memchr(b'\n', rest).unwrap_or(rest.len())
}

impl<'b> Walk<'b> {
    /// Walks the events of `body[range]`, parsed as a document of its own,
    /// with offsets into the whole body.
    pub(super) fn feed(&mut self, body: &str, range: Range<usize>, lines: &mut LineCursor<'_>) {
        let base = range.start;
        let parser = Parser::new_ext(&body[range], options()).into_offset_iter();
        for (event, local) in parser {
            let range = local.start + base..local.end + base;
            let in_questions =
                self.section == Some(SectionKind::Questions) && self.heading.is_none();
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    self.heading = Some((level, range.start, String::with_capacity(range.len())));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((level, start, text)) = self.heading.take() {
                        self.end_heading(level, start, &text, lines, body.len());
                    }
                }
                Event::Start(Tag::Link {
                    link_type: LinkType::WikiLink { .. },
                    dest_url,
                    ..
                }) => self.add_link(&dest_url),
                Event::Text(t) | Event::Code(t) => self.push_text(&t, in_questions),
                Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {
                    if let Some(s) = self.sink(in_questions) {
                        s.push_str("**");
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if in_questions && self.list_depth == 0 && self.in_para {
                        let line = lines.line_at(range.end);
                        self.para.push(Span {
                            text: Cow::Owned(String::with_capacity(line_len(body, range.end))),
                            offset: range.end,
                            line,
                        });
                    } else {
                        self.push_text(" ", in_questions);
                    }
                }
                Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell)
                | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow) => {
                    self.block_edge(&event, range.clone(), body, in_questions, lines);
                }
                Event::Start(Tag::List(_)) if in_questions => self.list_depth += 1,
                Event::End(TagEnd::List(_)) if in_questions => {
                    self.list_depth = self.list_depth.saturating_sub(1);
                    if self.list_depth == 0 {
                        self.end_list();
                    }
                }
                Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::HtmlBlock)
                    if in_questions && self.list_depth == 0 =>
                {
                    let line = lines.line_at(range.start);
                    self.other = Some(Span {
                        text: Cow::Owned(String::with_capacity(range.len())),
                        offset: range.start,
                        line,
                    });
                }
                Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::HtmlBlock) => {
                    if let Some(span) = self.other.take() {
                        self.scan.units.push(Unit::Other(span));
                    }
                }
                Event::Html(t) if self.other.is_some() => self.push_text(&t, in_questions),
                Event::Rule if in_questions && self.list_depth == 0 => {
                    self.scan.units.push(Unit::Break);
                }
                _ => {}
            }
        }
    }

    /// A top-level heading line: read directly when its text is plain,
    /// as pulldown-cmark would give it, else parsed.
    pub(super) fn heading_line(&mut self, body: &str, h: &Heading, lines: &mut LineCursor<'_>) {
        let line = &body[h.line.clone()];
        let text = line[usize::from(h.level)..].trim_matches([' ', '\t']);
        let level = match h.level {
            1 => Some(HeadingLevel::H1),
            2 => Some(HeadingLevel::H2),
            _ => None,
        };
        // A `#` in the text may close the heading; leave that to the parser.
        match level {
            Some(level)
                if !text.contains('#') && super::fast::plain_units::is_plain_inline(text) =>
            {
                self.end_heading(level, h.line.start, text, lines, body.len());
            }
            _ => self.feed(body, h.line.clone(), lines),
        }
    }

    /// The key point's text from a plain section: the walk would add the
    /// same words with whitespace between blocks, which folding evens out.
    pub(super) fn key_point_units(&mut self, units: &[Unit<'_>]) {
        let Some(k) = &mut self.key_point else { return };
        for unit in units {
            let spans = match unit {
                Unit::Line(s) | Unit::Heading(s) | Unit::Other(s) => std::slice::from_ref(s),
                Unit::List(items) => items.as_slice(),
                Unit::Break => &[],
            };
            for s in spans {
                k.push(' ');
                k.push_str(&s.text);
            }
        }
    }

    /// Closes the last section and hands the result over.
    pub(super) fn finish(mut self, body_len: usize) -> BodyScan<'b> {
        self.end_section();
        if let Some(last) = self.scan.sections.last_mut() {
            last.range.end = crate::vault::model::small(body_len);
        }
        self.scan
    }

    /// Where inline text goes now.
    fn sink(&mut self, in_questions: bool) -> Option<&mut String> {
        if let Some((_, _, text)) = &mut self.heading {
            return Some(text);
        }
        if !in_questions {
            return None;
        }
        if self.list_depth > 0 {
            return self.item.as_mut().map(|s| s.text.to_mut());
        }
        if let Some(other) = &mut self.other {
            return Some(other.text.to_mut());
        }
        if self.in_para {
            return self.para.last_mut().map(|s| s.text.to_mut());
        }
        None
    }

    fn push_text(&mut self, t: &str, in_questions: bool) {
        if self.heading.is_none()
            && let Some(k) = &mut self.key_point
        {
            k.push_str(t);
        }
        if let Some(s) = self.sink(in_questions) {
            s.push_str(t);
        }
    }

    fn block_edge(
        &mut self,
        event: &Event<'_>,
        range: Range<usize>,
        body: &str,
        in_questions: bool,
        lines: &mut LineCursor<'_>,
    ) {
        let start = range.start;
        if let Some(k) = &mut self.key_point {
            k.push(' ');
        }
        if !in_questions {
            return;
        }
        match event {
            Event::Start(Tag::Item) if self.list_depth == 1 => {
                self.item = Some(Span {
                    // The item's source holds all of its text: no regrowth.
                    text: Cow::Owned(String::with_capacity(range.len())),
                    offset: start,
                    line: lines.line_at(start),
                });
            }
            Event::End(TagEnd::Item) if self.list_depth == 1 => {
                if let Some(item) = self.item.take() {
                    self.items.push(item);
                }
            }
            Event::Start(Tag::Paragraph) if self.list_depth == 0 => {
                self.in_para = true;
                self.para.push(Span {
                    text: Cow::Owned(String::with_capacity(line_len(body, start))),
                    offset: start,
                    line: lines.line_at(start),
                });
            }
            Event::End(TagEnd::Paragraph) if self.list_depth == 0 => {
                self.in_para = false;
                self.scan.units.extend(self.para.drain(..).map(Unit::Line));
            }
            _ => {
                if let Some(s) = self.sink(true) {
                    s.push(' ');
                }
            }
        }
    }

    fn end_list(&mut self) {
        if let Some(item) = self.item.take() {
            self.items.push(item);
        }
        let items = std::mem::take(&mut self.items);
        self.scan.units.push(Unit::List(items));
    }

    fn add_link(&mut self, dest: &str) {
        let target = dest.split(['#', '|']).next().unwrap_or_default().trim();
        if !target.is_empty() && !self.scan.links.iter().any(|l| l == target) {
            self.scan.links.push(target.to_owned());
        }
    }

    fn end_heading(
        &mut self,
        level: HeadingLevel,
        start: usize,
        text: &str,
        lines: &mut LineCursor<'_>,
        body_len: usize,
    ) {
        let plain = super::text::fold_unbold(text);
        match level {
            HeadingLevel::H1 => {
                if self.scan.heading.is_none() && !plain.is_empty() {
                    self.scan.heading = Some(plain);
                }
            }
            HeadingLevel::H2 => {
                self.end_section();
                if let Some(last) = self.scan.sections.last_mut() {
                    last.range.end = crate::vault::model::small(start);
                }
                let kind = section_kind(&plain);
                self.section = Some(kind);
                if kind == SectionKind::KeyPoint && !self.key_point_done {
                    self.key_point = Some(String::new());
                }
                self.scan.sections.push(Section::new(
                    kind,
                    plain.into(),
                    lines.line_at(start),
                    start..body_len,
                ));
            }
            _ => {
                if self.section == Some(SectionKind::Questions) {
                    let line = lines.line_at(start);
                    self.scan.units.push(Unit::Heading(Span {
                        text: Cow::Owned(text.to_owned()),
                        offset: start,
                        line,
                    }));
                }
            }
        }
    }

    fn end_section(&mut self) {
        if let Some(k) = self.key_point.take() {
            let k = super::text::fold_unbold(&k);
            if !k.is_empty() {
                self.scan.key_point = Some(k);
            }
            self.key_point_done = true;
        }
        if self.section == Some(SectionKind::Questions) {
            self.scan.units.push(Unit::Break);
        }
        self.list_depth = 0;
        self.item = None;
        self.items.clear();
        self.para.clear();
        self.in_para = false;
        self.other = None;
    }
}

#[cfg(test)]
mod tests;
