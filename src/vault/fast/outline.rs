//! A line scanner that finds a note body's top-level ATX headings (`# …`
//! to `###### …`) without a markdown parse, so the loader can run
//! pulldown-cmark only over the parts of a note it reads text from.
//!
//! It answers only when the answer is certain: any line that could make
//! pulldown-cmark see the headings differently (a setext underline, an
//! indented or nested heading, a fence that is not at column 0, an HTML
//! block, a link reference definition, a tab in the indentation) makes it
//! return `None`, and the caller parses the whole body. Knows nothing of
//! sections or questions.

use std::ops::Range;

/// A top-level ATX heading: its level and the byte range of its line
/// (without the newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub level: u8,
    pub line: Range<usize>,
}

/// The body's top-level ATX headings in order, or `None` when a line could
/// be read another way by a full parse.
pub(crate) fn headings(body: &str) -> Option<Vec<Heading>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    // Whether the previous line could be paragraph text that a setext
    // underline turns into a heading.
    let mut prev_text = false;
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &bytes[start..end];
        if let Some((ch, len)) = fence {
            // Code: only a closing fence matters. Indentation with a tab
            // reaches column 4, too deep for one.
            let indent = line.iter().take_while(|&&b| b == b' ').count();
            let rest = &line[indent..];
            if indent <= 3 && closes_fence(rest, ch, len) {
                fence = None;
            }
            prev_text = false;
            start = end + 1;
            continue;
        }
        let (indent, rest) = split_indent(line)?;
        if rest.is_empty() {
            prev_text = false;
        } else {
            match classify(rest, prev_text) {
                Line::Text => prev_text = true,
                Line::Heading(level) if indent == 0 => {
                    out.push(Heading {
                        level,
                        line: start..end,
                    });
                    prev_text = false;
                }
                Line::Fence(ch, len) if indent == 0 => {
                    fence = Some((ch, len));
                    prev_text = false;
                }
                Line::Break => prev_text = false,
                // Indented headings and fences, and everything unsure.
                _ => return None,
            }
            if indent > 0 || starts_container(rest) {
                // Inside a list item or a quote a line can still hold a
                // heading or a fence that a full parse would see.
                let inner = strip_containers(rest);
                if inner.len() != rest.len() || indent > 0 {
                    match classify(inner, false) {
                        Line::Text | Line::Break => {}
                        _ => return None,
                    }
                }
            }
        }
        start = end + 1;
    }
    Some(out)
}

enum Line {
    Text,
    Heading(u8),
    Fence(u8, usize),
    /// A thematic break after a blank line, or a blank-ish line.
    Break,
    Unsure,
}

/// What a line (indentation removed) is, when it starts a block.
fn classify(rest: &[u8], prev_text: bool) -> Line {
    let Some(&first) = rest.first() else {
        return Line::Break;
    };
    match first {
        b'#' => {
            let level = rest.iter().take_while(|&&b| b == b'#').count();
            let after = rest.get(level).copied();
            if level <= 6 && matches!(after, None | Some(b' ' | b'\t')) {
                #[allow(clippy::cast_possible_truncation)]
                return Line::Heading(level as u8);
            }
            Line::Text
        }
        b'`' | b'~' => {
            let len = rest.iter().take_while(|&&b| b == first).count();
            if len < 3 {
                return Line::Text;
            }
            if first == b'`' && rest[len..].contains(&b'`') {
                // Backticks in the info string: an inline code span.
                return Line::Text;
            }
            Line::Fence(first, len)
        }
        b'=' | b'-' => {
            let run = rest.iter().take_while(|&&b| b == first).count();
            let only_run = rest[run..].iter().all(|&b| b == b' ' || b == b'\t');
            if only_run && prev_text {
                // A setext underline, or `---` right under text.
                return Line::Unsure;
            }
            if only_run && first == b'-' && run >= 3 {
                return Line::Break;
            }
            Line::Text
        }
        b'<' => Line::Unsure,
        b'[' if is_reference_definition(rest) => Line::Unsure,
        _ => Line::Text,
    }
}

/// Leading spaces and the rest; `None` on a tab among them (tab stops
/// change what counts as indentation).
fn split_indent(line: &[u8]) -> Option<(usize, &[u8])> {
    let indent = line
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if line[..indent].contains(&b'\t') {
        return None;
    }
    Some((indent, &line[indent..]))
}

fn closes_fence(rest: &[u8], ch: u8, len: usize) -> bool {
    let run = rest.iter().take_while(|&&b| b == ch).count();
    run >= len && rest[run..].iter().all(|&b| b == b' ' || b == b'\t')
}

/// True when a line opens a quote or a list item.
fn starts_container(rest: &[u8]) -> bool {
    strip_container(rest).is_some()
}

/// Removes every leading quote marker, list marker and the spaces after
/// them: what is left is the start of the innermost block.
fn strip_containers(mut rest: &[u8]) -> &[u8] {
    while let Some(inner) = strip_container(rest) {
        rest = inner;
    }
    rest
}

fn strip_container(rest: &[u8]) -> Option<&[u8]> {
    let marker = match rest.first()? {
        b'>' => 1,
        b'-' | b'*' | b'+' => {
            if !matches!(rest.get(1), None | Some(b' ' | b'\t')) {
                return None;
            }
            1
        }
        b'0'..=b'9' => {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(rest.get(digits), Some(b'.' | b')')) {
                return None;
            }
            if !matches!(rest.get(digits + 1), None | Some(b' ' | b'\t')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let after = &rest[marker..];
    let spaces = after
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    Some(&after[spaces..])
}

/// `[label]: destination`, which defines a reference link for the whole
/// document (a part parsed alone would not see it).
fn is_reference_definition(rest: &[u8]) -> bool {
    memchr::memmem::find(rest, b"]:").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(body: &str) -> Option<Vec<(u8, &str)>> {
        headings(body).map(|hs| {
            hs.iter()
                .map(|h| (h.level, &body[h.line.clone()]))
                .collect()
        })
    }

    #[test]
    fn finds_top_level_headings_and_skips_fenced_code() {
        let body = "# 제목\n\n본문\n\n## 🎯 핵심 포인트\n\n```\n## 코드 안\n```\n\n### 셋\n#태그\n####### 일곱\n";
        assert_eq!(
            levels(body),
            Some(vec![(1, "# 제목"), (2, "## 🎯 핵심 포인트"), (3, "### 셋")])
        );
    }

    #[test]
    fn a_fence_closes_only_with_its_own_marker_and_length() {
        let body = "~~~~\n## 안\n~~~\n```\n## 여전히 안\n~~~~\n## 밖\n";
        assert_eq!(levels(body), Some(vec![(2, "## 밖")]));
        // Never closed: runs to the end, as in CommonMark.
        assert_eq!(levels("```\n# 안\n"), Some(vec![]));
    }

    #[test]
    fn backticks_in_the_info_string_are_not_a_fence() {
        assert_eq!(levels("```a`b\n## 제목\n"), Some(vec![(2, "## 제목")]));
    }

    #[test]
    fn a_thematic_break_after_a_blank_line_is_certain() {
        assert_eq!(levels("목록\n\n---\n## 끝\n"), Some(vec![(2, "## 끝")]));
    }

    #[test]
    fn unsure_lines_give_up() {
        for body in [
            "텍스트\n---\n",          // setext h2
            "텍스트\n===\n",          // setext h1
            "  ## 들여쓴 제목\n",     // indented heading
            "- 항목\n  ## 안쪽\n",    // heading in a list item
            "> ## 인용 안\n",         // heading in a quote
            "- ```\n# 코드\n```\n",   // fence in a list item
            "  ```\n# 코드\n```\n",   // indented fence
            "<div>\n## 안\n</div>\n", // HTML block
            "[참조]: http://x\n",     // reference definition
            "\t# 탭\n",               // tab indentation
            "1. ## 번호 안\n",        // heading in an ordered item
        ] {
            assert_eq!(levels(body), None, "{body:?}");
        }
    }

    #[test]
    fn ordinary_lists_quotes_and_indents_are_fine() {
        let body = "- **A** 설명\n  이어짐\n1) 번호\n> 인용\n    코드처럼\n-붙음\n## 끝\n";
        assert_eq!(levels(body), Some(vec![(2, "## 끝")]));
    }
}
