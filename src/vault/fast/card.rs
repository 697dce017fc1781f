//! The names' pass's fast path ([`Depth::Card`](crate::vault::Depth)):
//! a card needs the frontmatter and the note's level-1 heading, which
//! nearly always stand at the top of the file, so only that head is
//! normalised and read, not the whole file. The whole file's checks (NUL
//! bytes, UTF-8) still run first, so a card skips exactly the files the
//! whole parse skips.
//!
//! It gives up (the caller then decodes the whole file) unless the answer
//! is certain: the frontmatter is closed, the head holds a line that opens
//! with `# `, that line's text is plain (no markup a link definition
//! further down could turn into a link), the head is NFC with `\n` line
//! endings, and the outline scanner is certain about the head's lines and
//! finds its heading there. Lines after a heading line cannot change how
//! the lines up to it are read (a setext underline only turns paragraph
//! text into a heading, never an ATX heading), and NFC never joins
//! characters across a line break, so the head reads as the whole file's
//! beginning does.
//!
//! A card's diagnostics are then the frontmatter's: the whole decode
//! would also warn of markdown nested too deep further down, which the
//! whole parse reports anyway once the vault is in.

use super::plain_units::is_plain_inline;
use crate::vault::scan::{Split, split_frontmatter};

/// Bytes of body searched for the heading line before giving up.
const MAX_HEAD: usize = 64 * 1024;

/// The head of a note file, read with certainty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head<'t> {
    /// The file's text up to and with the heading line.
    pub text: &'t str,
    /// Where the frontmatter and the body lie (within `text`).
    pub split: Split,
    /// The note's heading, as the whole parse finds it.
    pub heading: String,
}

/// The head of a checked file's text (BOM already stripped), or `None`
/// when only the whole decode can tell.
pub(crate) fn head(text: &str) -> Option<Head<'_>> {
    let split = split_frontmatter(text);
    if split.unterminated {
        return None;
    }
    let body = &text[split.body_start..];
    let (line_start, line_end) = heading_line(body)?;
    let line = &body[line_start..line_end];
    let title = line[1..].trim_matches([' ', '\t']);
    if title.contains('#') || !is_plain_inline(title) {
        return None;
    }
    // With the line's `\n`, as the whole body has it.
    let cut = split.body_start + (line_end + 1).min(body.len());
    let head = &text[..cut];
    if memchr::memchr(b'\r', head.as_bytes()).is_some() || !crate::text::is_nfc(head) {
        return None;
    }
    let heading = super::certain_heading(&head[split.body_start..], split.body_line).ok()??;
    Some(Head {
        text: head,
        split,
        heading,
    })
}

/// The first line of `body` that opens with `#` and a space or tab (or is
/// `#` alone), as its byte range without the newline, within the first
/// [`MAX_HEAD`] bytes.
fn heading_line(body: &str) -> Option<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut start = 0;
    while start < bytes.len().min(MAX_HEAD) {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &bytes[start..end];
        if line.first() == Some(&b'#') && matches!(line.get(1), None | Some(b' ' | b'\t')) {
            return Some((start, end));
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
#[path = "card_tests.rs"]
mod tests;
