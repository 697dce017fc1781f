//! The units of a questions section read line by line, without a markdown
//! parse, when the section is plain: paragraphs, tight bullet lists of
//! one-line items, and thematic breaks, with no inline markup but `**`.
//! That is how nearly every questions section is written, and it is where
//! a full parse of a note spends most of its time.
//!
//! Anything else (code, tables, quotes, links, emphasis with `*` or `_`,
//! escapes, nested or loose lists, lazy continuation lines) gives `None`,
//! and the caller walks the section with pulldown-cmark. The result must
//! equal that walk's; `markdown::agree` checks it.

use std::ops::Range;

use crate::vault::markdown::unit::{Span, Unit};
use crate::vault::text::LineCursor;

/// What the previous line was, for the rules that depend on it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Blank,
    Text,
    Item(u8),
}

/// The units of `body[range]` (a questions section after its heading
/// line), or `None` when a line is not plain.
pub(crate) fn units<'b>(
    body: &'b str,
    range: Range<usize>,
    lines: &mut LineCursor<'_>,
) -> Option<Vec<Unit<'b>>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut list: Vec<Span<'b>> = Vec::new();
    let mut prev = Prev::Blank;
    let mut start = range.start;
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    while start < range.end {
        let end = memchr::memchr(b'\n', &bytes[start..range.end]).map_or(range.end, |i| start + i);
        let line = &body[start..end];
        let text = line.trim_end_matches([' ', '\t']);
        if text.is_empty() {
            prev = Prev::Blank;
        } else if let Some((bullet, content)) = bullet_item(text) {
            match prev {
                // A blank line between items makes the list loose.
                Prev::Blank if !list.is_empty() => return None,
                Prev::Item(b) if b != bullet => return None,
                _ => {}
            }
            if !is_plain_inline(content) || starts_block(content) {
                return None;
            }
            list.push(span(content, start, lines));
            prev = Prev::Item(bullet);
        } else {
            if !list.is_empty() {
                // Text right under an item continues it (lazily).
                if prev != Prev::Blank {
                    return None;
                }
                out.push(Unit::List(std::mem::take(&mut list)));
            }
            if is_break(text) {
                if prev != Prev::Blank {
                    // Under text, `---` is a setext underline.
                    return None;
                }
                out.push(Unit::Break);
                prev = Prev::Blank;
            } else {
                if starts_block(text) || !is_plain_inline(text) {
                    return None;
                }
                out.push(Unit::Line(span(text, start, lines)));
                prev = Prev::Text;
            }
        }
        start = end + 1;
    }
    if !list.is_empty() {
        out.push(Unit::List(list));
    }
    Some(out)
}

/// A line as written: borrowed, not copied.
fn span<'b>(text: &'b str, offset: usize, lines: &mut LineCursor<'_>) -> Span<'b> {
    Span {
        text: std::borrow::Cow::Borrowed(text),
        offset,
        line: lines.line_at(offset),
    }
}

/// `- text`, `* text` or `+ text` at the start of a line, with one space.
fn bullet_item(line: &str) -> Option<(u8, &str)> {
    let bytes = line.as_bytes();
    let bullet = *bytes.first()?;
    if !matches!(bullet, b'-' | b'*' | b'+') || bytes.get(1) != Some(&b' ') {
        return None;
    }
    let content = &line[2..];
    // More spaces change the item's indentation (or make it code).
    if content.is_empty() || content.starts_with([' ', '\t']) {
        return None;
    }
    Some((bullet, content))
}

/// `---`, `***` or `___` alone on a line.
fn is_break(line: &str) -> bool {
    let bytes = line.as_bytes();
    matches!(bytes.first(), Some(b'-' | b'*' | b'_'))
        && bytes.len() >= 3
        && bytes.iter().all(|&b| b == bytes[0])
}

/// True when a line (or an item's text) could start a block other than a
/// paragraph: a heading, quote, fence, list item, table, HTML, setext
/// underline or indented code.
fn starts_block(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return true;
    };
    if matches!(
        first,
        b' ' | b'\t' | b'#' | b'>' | b'`' | b'~' | b'<' | b'|'
    ) {
        return true;
    }
    if matches!(first, b'-' | b'=') && bytes.iter().all(|&b| b == first) {
        return true;
    }
    if matches!(first, b'-' | b'*' | b'+') && matches!(bytes.get(1), None | Some(b' ' | b'\t')) {
        return true;
    }
    // An ordered list item: up to nine digits, then `.` or `)`.
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')'))
}

/// True when inline parsing cannot change the text: no code, links,
/// HTML, escapes, entities, strikethrough or tables, no `_`, no tab, and
/// every `*` in a pair (`**`), which shows as `**` whether or not it
/// pairs up as bold.
pub(crate) fn is_plain_inline(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // One table lookup per byte: this runs over every plain line.
        if !INLINE_SPECIAL[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        if bytes[i] != b'*' {
            return false;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'*').count();
        if run != 2 {
            return false;
        }
        i += run;
    }
    true
}

/// Bytes that inline parsing may treat as markup (`*` is allowed in pairs).
static INLINE_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let specials = b"`_[]<\\&~|\t*";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn read(section: &str) -> Option<Vec<Unit<'_>>> {
        let mut lines = LineCursor::new(section, 1);
        units(section, 0..section.len(), &mut lines)
    }

    #[test]
    fn a_plain_section_becomes_lines_lists_and_breaks() {
        let s =
            "\n**Question:** 무엇?\n다음 줄  \n\n- A) 하나\n- B) **둘**\n\n**정답: A**\n\n---\n";
        let units = read(s).expect("plain");
        assert_eq!(units.len(), 5, "{units:?}");
        assert!(
            matches!(&units[0], Unit::Line(l) if l.text == "**Question:** 무엇?" && l.line == 2)
        );
        assert!(matches!(&units[1], Unit::Line(l) if l.text == "다음 줄" && l.line == 3));
        let Unit::List(items) = &units[2] else {
            panic!("{units:?}")
        };
        assert_eq!(items[1].text, "B) **둘**");
        assert_eq!(items[1].line, 6);
        assert!(matches!(&units[4], Unit::Break));
    }

    #[test]
    fn markup_that_needs_a_parse_gives_up() {
        for s in [
            "- A) `코드`\n",
            "본문 *기울임*\n",
            "[[링크]]\n",
            "snake_case\n",
            "- A) 하나\n\n- B) 둘\n",
            "- A) 하나\n이어짐\n",
            "- A) 하나\n  - 중첩\n",
            "텍스트\n---\n",
            "1. 번호\n",
            "> 인용\n",
            "```\n코드\n```\n",
            "### 소제목\n",
            "a &amp; b\n",
            "- A) 하나\n* B) 둘\n",
            "***굵고 기울임***\n",
            "텍스트\n--\n",
            "텍스트\n=\n",
            "-\n",
        ] {
            assert!(read(s).is_none(), "{s:?}");
        }
    }
}
