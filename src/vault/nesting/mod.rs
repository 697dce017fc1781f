//! Nesting limits checked before a parser sees a file: YAML (frontmatter
//! and banks) nested deeper than [`MAX_NESTING`] is refused with a
//! diagnostic at the place the limit is hit, and markdown quotes and lists
//! nested deeper are read as text from that level on.
//!
//! Both parsers cost more than linear time or memory in the depth: the
//! YAML parser rescans its stack of open levels for every token (a note of
//! 100,000 `[` took a minute, 4 MB of them never finished), and
//! pulldown-cmark keeps a tree node per open level on every line (8 MiB of
//! `>` took 450 MB). Real notes nest a handful of levels deep.
//!
//! The YAML scan is a cheap model of YAML's own rules for quotes, comments,
//! block scalars and indentation, in one pass; it never parses values.

/// The deepest nesting read: YAML flow and block levels together, or
/// markdown quotes and list items on one line.
pub const MAX_NESTING: usize = 100;

mod yaml;

pub use yaml::yaml_too_deep;

/// Markdown quotes and list items nested deeper than `limit` on one line:
/// the marker that passes the limit is replaced, in place, by a backslash,
/// which makes the rest of the line text. Returns the 1-based line and
/// column (in characters) of the first such marker and how many lines were
/// cut, or `None` when nothing nests that deep (the text is unchanged).
///
/// Only markers written on one line can nest deeply: nesting by
/// indentation needs more indentation per level, so the size limit bounds
/// it to a few thousand levels.
pub fn cut_deep_markdown(body: &mut String, limit: usize) -> Option<((usize, usize), usize)> {
    let mut cuts = Vec::new();
    let mut start = 0;
    for (ix, line) in crate::text::split_lines(body).enumerate() {
        if let Some(at) = deep_marker(line.as_bytes(), limit) {
            cuts.push((ix, start, at));
        }
        start += line.len() + 1;
    }
    let &(first_line, first_start, first_at) = cuts.first()?;
    let column = body
        .get(first_start..first_start + first_at)
        .map_or(first_at, |t| t.chars().count())
        + 1;
    let count = cuts.len();
    // Safety of the text: every marker byte is ASCII, and so is `\`.
    let mut bytes = std::mem::take(body).into_bytes();
    for (_, line_start, at) in cuts {
        if let Some(b) = bytes.get_mut(line_start + at) {
            *b = b'\\';
        }
    }
    *body = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Some(((first_line + 1, column), count))
}

/// The offset of the container marker on `line` that is level `limit + 1`.
fn deep_marker(line: &[u8], limit: usize) -> Option<usize> {
    let mut at = 0;
    let mut level = 0;
    loop {
        let spaces = line[at..].iter().take_while(|&&b| b == b' ').count();
        if spaces >= 4 && level == 0 {
            return None;
        }
        at += spaces;
        let marker = at;
        match *line.get(at)? {
            b'>' => at += 1,
            b'-' | b'*' | b'+' if matches!(line.get(at + 1), Some(b' ' | b'\t') | None) => at += 1,
            b'0'..=b'9' => {
                let digits = line[at..].iter().take_while(|b| b.is_ascii_digit()).count();
                let delimiter = matches!(line.get(at + digits), Some(b'.' | b')'));
                let then_blank = matches!(line.get(at + digits + 1), Some(b' ' | b'\t') | None);
                if digits > 9 || !delimiter || !then_blank {
                    return None;
                }
                at += digits + 1;
            }
            _ => return None,
        }
        level += 1;
        if level > limit {
            return Some(marker);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_quotes_are_cut_to_text_past_the_limit() {
        let mut body = format!("intro\n{}\nafter\n", ">".repeat(1000));
        let cut = cut_deep_markdown(&mut body, 100);
        assert_eq!(cut, Some(((2, 101), 1)));
        assert_eq!(&body[6..6 + 101], format!("{}\\", ">".repeat(100)));
        assert_eq!(body.len(), 6 + 1000 + 7);
        let mut lists = format!("{}x\n", "- ".repeat(150));
        assert_eq!(cut_deep_markdown(&mut lists, 100), Some(((1, 201), 1)));
        let mut numbered = format!("{}x\n", "1. > ".repeat(80));
        assert_eq!(cut_deep_markdown(&mut numbered, 100), Some(((1, 251), 1)));
    }

    #[test]
    fn ordinary_markdown_is_left_alone() {
        let text = "> quote\n> > inner\n- a\n  - b\n1. one\n2) two\n    code\n**bold** - no\n";
        let mut body = text.to_owned();
        assert_eq!(cut_deep_markdown(&mut body, 3), None);
        assert_eq!(body, text);
    }
}
