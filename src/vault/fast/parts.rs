//! Which parts of a body the walk reads: the whole body, or, when the
//! outline of its headings is certain, the heading lines and the sections
//! whose text is kept, read by lines when they are plain.

use std::ops::Range;

use super::outline::{self, Heading};
use super::plain_units;
use crate::vault::markdown::{BodyScan, Walk, scan_whole};
use crate::vault::model::SectionKind;
use crate::vault::text::LineCursor;

/// Walks `body` (which starts on file line `body_line`) once. When the
/// outline of the body is certain, pulldown-cmark runs only over the
/// heading lines and the sections text is read from (key point, questions,
/// and any holding a `[[wikilink]]`): the result is the same as a walk
/// over the whole body, which is what runs otherwise.
pub(crate) fn scan(body: &str, body_line: usize) -> BodyScan<'_> {
    match outline::headings(body) {
        Some(headings) => scan_parts(body, body_line, &headings),
        None => scan_whole(body, body_line),
    }
}

/// A body read to its outline (`Depth::Outline`): the heading and the
/// sections, from the heading lines alone when the outline is certain. No
/// key point, no links and no question units.
pub(crate) fn scan_outline(body: &str, body_line: usize) -> BodyScan<'_> {
    let Some(headings) = outline::headings(body) else {
        let mut whole = scan_whole(body, body_line);
        whole.key_point = None;
        whole.links.clear();
        whole.units.clear();
        return whole;
    };
    let mut w = Walk::default();
    let mut lines = LineCursor::new(body, body_line);
    for h in headings.iter().filter(|h| h.level <= 2) {
        w.heading_line(body, h, &mut lines);
    }
    let mut scan = w.finish(body.len());
    scan.key_point = None;
    scan.units.clear();
    scan
}

/// Only the note's heading, as [`scan_outline`] finds it, from the
/// level-1 heading lines alone when the outline is certain: for a list of
/// notes, which shows nothing of the body.
pub(crate) fn scan_heading(body: &str, body_line: usize) -> Option<String> {
    certain_heading(body, body_line)
        .unwrap_or_else(|NeedsParse| scan_outline(body, body_line).heading)
}

/// The outline of a body is not certain: only a markdown parse can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NeedsParse;

/// The note's heading as [`scan_heading`] finds it, or [`NeedsParse`] when
/// the outline is not certain (the caller must then first cut what is
/// nested too deep for a parse). The outline is a scan of lines, linear in
/// any input.
pub(crate) fn certain_heading(body: &str, body_line: usize) -> Result<Option<String>, NeedsParse> {
    let headings = outline::headings(body).ok_or(NeedsParse)?;
    let mut w = Walk::default();
    let mut lines = LineCursor::new(body, body_line);
    for h in headings.iter().filter(|h| h.level == 1) {
        w.heading_line(body, h, &mut lines);
        if w.scan.heading.is_some() {
            break;
        }
    }
    Ok(w.finish(body.len()).heading)
}

fn scan_parts<'b>(body: &'b str, body_line: usize, headings: &[Heading]) -> BodyScan<'b> {
    let mut w = Walk::default();
    let mut lines = LineCursor::new(body, body_line);
    // Text before the first level-2 heading belongs to no section.
    let first_h2 = headings
        .iter()
        .position(|h| h.level == 2)
        .unwrap_or(headings.len());
    let preamble_end = headings.get(first_h2).map_or(body.len(), |h| h.line.start);
    feed_unread(
        &mut w,
        body,
        0..preamble_end,
        &headings[..first_h2],
        &mut lines,
    );
    let mut rest = &headings[first_h2..];
    while let Some((h2, after)) = rest.split_first() {
        let next = after
            .iter()
            .position(|h| h.level == 2)
            .unwrap_or(after.len());
        let end = after.get(next).map_or(body.len(), |h| h.line.start);
        w.heading_line(body, h2, &mut lines);
        let content = h2.line.end..end;
        let plain = match w.section {
            Some(SectionKind::Questions | SectionKind::KeyPoint)
                if !has_wikilink(body, &content) =>
            {
                // Most of these sections are plain enough to read by lines.
                plain_units::units(body, content.clone(), &mut lines)
            }
            _ => None,
        };
        match (w.section, plain) {
            (Some(SectionKind::Questions), Some(units)) => w.scan.units.extend(units),
            (Some(SectionKind::KeyPoint), Some(units)) => w.key_point_units(&units),
            (Some(SectionKind::KeyPoint | SectionKind::Questions), None) => {
                w.feed(body, content, &mut lines);
            }
            _ => feed_unread(&mut w, body, content, &after[..next], &mut lines),
        }
        rest = &after[next..];
    }
    w.finish(body.len())
}

fn has_wikilink(body: &str, range: &Range<usize>) -> bool {
    memchr::memmem::find(&body.as_bytes()[range.clone()], b"[[").is_some()
}

/// Feeds a stretch whose text is not kept: only its level-1 headings
/// matter, unless it holds a wikilink, when it is walked whole.
fn feed_unread<'b>(
    w: &mut Walk<'b>,
    body: &'b str,
    range: Range<usize>,
    headings: &[Heading],
    lines: &mut LineCursor<'_>,
) {
    if has_wikilink(body, &range) {
        w.feed(body, range, lines);
        return;
    }
    for h in headings.iter().filter(|h| h.level == 1) {
        w.heading_line(body, h, lines);
    }
}
