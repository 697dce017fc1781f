//! The tolerant reader's view of a body: one record per line, with its
//! containers peeled off (blockquote markers, list markers, heading
//! hashes) and whether it sits inside a fenced code block. No markdown
//! parse: questions are written across blocks a parser would keep apart
//! (options in a code block, the key in a quote), and a line view reads
//! them all the same way, code blocks included.

/// What a line is, once its quote markers are removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing but whitespace.
    Blank,
    /// A code fence (```` ``` ```` or `~~~`), opening or closing.
    Fence,
    /// A separator: `---`, `***`, `=====`, or hashes alone (`#####`).
    Break,
    /// An ATX heading of this level, with text.
    Heading(u8),
    /// A list item.
    Item(Item),
    /// Anything else: paragraph text (or a code line).
    Text,
}

/// The marker of a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    /// `-`, `*` or `+`.
    Bullet,
    /// `- [ ]` or `- [x]`.
    Task {
        /// `[x]`.
        checked: bool,
    },
    /// `1.` or `1)`.
    Ordered {
        /// The number as written.
        number: u32,
    },
}

/// One line of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'b> {
    /// 1-based file line.
    pub no: usize,
    /// Byte offset of the line's start in the body.
    pub offset: usize,
    /// Inside a fenced code block (the fences themselves are not).
    pub code: bool,
    /// Blockquote depth.
    pub quote: u8,
    /// Columns of indentation before the marker or text, after the quotes.
    pub indent: usize,
    /// What the line is.
    pub kind: Kind,
    /// A list item's marker as written (`1.`, `-`, `- [ ]`), else empty.
    pub marker: &'b str,
    /// The text after every marker, trailing whitespace removed.
    pub content: &'b str,
    /// Byte offset of `content` in the body.
    pub content_at: usize,
    /// `content` with its markup removed and whitespace folded, once for
    /// every recogniser (borrowed when the content is plain already).
    pub plain: std::borrow::Cow<'b, str>,
}

impl Line<'_> {
    /// True for a line with no text.
    pub(crate) fn is_blank(&self) -> bool {
        matches!(self.kind, Kind::Blank | Kind::Fence)
    }
}

/// Splits a body (which starts on file line `first_line`) into lines.
pub(crate) fn split(body: &str, first_line: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    // `memchr` finds line breaks many bytes at a time.
    let ends = memchr::memchr_iter(b'\n', body.as_bytes()).chain([body.len()]);
    for (no, end) in (first_line..).zip(ends) {
        if start == body.len() && end == body.len() && !body.is_empty() {
            // A body ending in a newline has no line after it.
            break;
        }
        out.push(read_line(&body[start..end], start, no, &mut fence));
        start = end + 1;
    }
    out
}

fn read_line<'b>(
    raw: &'b str,
    offset: usize,
    no: usize,
    fence: &mut Option<(u8, usize)>,
) -> Line<'b> {
    let (quote, after_quotes) = strip_quotes(raw);
    let indent = indent_width(after_quotes);
    let rest = after_quotes.trim_start_matches([' ', '\t']).trim_end();
    let at = |s: &str| offset + (s.as_ptr() as usize - raw.as_ptr() as usize);
    let mut line = Line {
        no,
        offset,
        code: fence.is_some(),
        quote,
        indent,
        kind: Kind::Text,
        marker: "",
        content: rest,
        content_at: at(rest),
        plain: std::borrow::Cow::Borrowed(""),
    };
    if let Some((ch, len)) = *fence {
        if closes(rest, ch, len) {
            *fence = None;
            line.code = false;
            line.kind = Kind::Fence;
            return line;
        }
    } else if let Some(open) = opens(rest) {
        *fence = Some(open);
        line.kind = Kind::Fence;
        return line;
    }
    let (kind, content) = classify(rest);
    line.kind = kind;
    if let Kind::Item(_) = kind {
        let marker_end = at(content) - at(rest);
        line.marker = rest[..marker_end].trim_end();
    }
    line.content = content;
    line.content_at = at(content);
    line.plain = super::inline::plain_cow(content);
    line
}

/// Quote depth and the text after the markers (`> > text`).
fn strip_quotes(raw: &str) -> (u8, &str) {
    let mut depth = 0u8;
    let mut rest = raw;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        if rest.len() - trimmed.len() > 3 {
            break;
        }
        let Some(after) = trimmed.strip_prefix('>') else {
            break;
        };
        depth = depth.saturating_add(1);
        rest = after.strip_prefix(' ').unwrap_or(after);
    }
    (depth, if depth == 0 { raw } else { rest })
}

fn indent_width(s: &str) -> usize {
    let mut width = 0;
    for b in s.bytes() {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

fn opens(rest: &str) -> Option<(u8, usize)> {
    let bytes = rest.as_bytes();
    let ch = *bytes.first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = bytes.iter().take_while(|&&b| b == ch).count();
    if len < 3 || (ch == b'`' && bytes[len..].contains(&b'`')) {
        return None;
    }
    Some((ch, len))
}

fn closes(rest: &str, ch: u8, len: usize) -> bool {
    let bytes = rest.as_bytes();
    let run = bytes.iter().take_while(|&&b| b == ch).count();
    run >= len && bytes[run..].iter().all(u8::is_ascii_whitespace)
}

/// The kind of a line (indentation and quotes removed) and its text.
fn classify(rest: &str) -> (Kind, &str) {
    let bytes = rest.as_bytes();
    let Some(&first) = bytes.first() else {
        return (Kind::Blank, rest);
    };
    let end = &rest[rest.len()..];
    if is_break(bytes) {
        return (Kind::Break, end);
    }
    match first {
        b'#' => {
            let level = bytes.iter().take_while(|&&b| b == b'#').count();
            let after = &rest[level..];
            if level <= 6 && (after.is_empty() || after.starts_with([' ', '\t'])) {
                let text = after.trim().trim_end_matches('#').trim_end();
                if text.is_empty() {
                    return (Kind::Break, end);
                }
                #[allow(clippy::cast_possible_truncation)] // at most 6
                return (Kind::Heading(level as u8), text);
            }
            (Kind::Text, rest)
        }
        b'-' | b'*' | b'+' if matches!(bytes.get(1), None | Some(b' ' | b'\t')) => {
            let content = rest[1..].trim_start();
            let task = content
                .strip_prefix("[ ]")
                .map(|c| (false, c))
                .or_else(|| content.strip_prefix("[x]").map(|c| (true, c)))
                .or_else(|| content.strip_prefix("[X]").map(|c| (true, c)))
                .filter(|(_, c)| c.is_empty() || c.starts_with([' ', '\t']));
            match task {
                Some((checked, c)) => (Kind::Item(Item::Task { checked }), c.trim_start()),
                None => (Kind::Item(Item::Bullet), content),
            }
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delimited = digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')'));
            let spaced = matches!(bytes.get(digits + 1), None | Some(b' ' | b'\t'));
            if delimited && spaced {
                let number = rest[..digits].parse().unwrap_or(u32::MAX);
                let content = rest[digits + 1..].trim_start();
                return (Kind::Item(Item::Ordered { number }), content);
            }
            (Kind::Text, rest)
        }
        _ => (Kind::Text, rest),
    }
}

/// `---`, `***`, `___`, `===`, `~~~~` inside code… : one character
/// repeated at least three times, spaces allowed between.
fn is_break(bytes: &[u8]) -> bool {
    let first = bytes[0];
    if !matches!(first, b'-' | b'*' | b'_' | b'=') {
        return false;
    }
    let mut count = 0;
    for &b in bytes {
        if b == first {
            count += 1;
        } else if b != b' ' && b != b'\t' {
            return false;
        }
    }
    count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str) -> Vec<(Kind, bool, u8, &str)> {
        split(body, 1)
            .into_iter()
            .map(|l| (l.kind, l.code, l.quote, l.content))
            .collect()
    }

    #[test]
    fn markers_are_peeled_and_kinds_named() {
        let body = "## 13.\n- A. 하나\n- [ ] 둘\n2) 셋\n> 정답\n\n---\n#####\n본문 *";
        assert_eq!(
            kinds(body),
            [
                (Kind::Heading(2), false, 0, "13."),
                (Kind::Item(Item::Bullet), false, 0, "A. 하나"),
                (Kind::Item(Item::Task { checked: false }), false, 0, "둘"),
                (Kind::Item(Item::Ordered { number: 2 }), false, 0, "셋"),
                (Kind::Text, false, 1, "정답"),
                (Kind::Blank, false, 0, ""),
                (Kind::Break, false, 0, ""),
                (Kind::Break, false, 0, ""),
                (Kind::Text, false, 0, "본문 *"),
            ]
        );
    }

    #[test]
    fn code_blocks_are_read_line_by_line_and_flagged() {
        let body = "```\n1. 문제?\n① 가\n정답 : ①\n```\n끝";
        let k = kinds(body);
        assert_eq!(k[0].0, Kind::Fence);
        assert_eq!(
            k[1],
            (Kind::Item(Item::Ordered { number: 1 }), true, 0, "문제?")
        );
        assert_eq!(k[2], (Kind::Text, true, 0, "① 가"));
        assert_eq!(k[4].0, Kind::Fence);
        assert_eq!(k[5], (Kind::Text, false, 0, "끝"));
    }

    #[test]
    fn offsets_and_lines_point_into_the_body() {
        let body = "첫 줄\n> - B. 둘\n";
        let lines = split(body, 7);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].no, 8);
        assert_eq!(&body[lines[1].content_at..], "B. 둘\n");
    }
}
