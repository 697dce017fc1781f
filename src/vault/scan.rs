//! From raw bytes to note text: binary and UTF-8 checks, BOM, CRLF, NFC,
//! and finding the frontmatter block. Line numbers start here: CRLF and a
//! BOM give the same lines as LF.

use super::diagnostic::Diagnostic;

/// Decodes a file into NFC text with `\n` line endings. A NUL byte
/// (binary file) or invalid UTF-8 is a diagnostic and the file is skipped.
pub(crate) fn decode(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    check(path, bytes).map(normalise)
}

/// The checks of [`decode`] without its copy: the file's text as it is
/// (without a BOM), or why the file is skipped.
pub(crate) fn check<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    if let Some(pos) = memchr::memchr(0, bytes) {
        let (line, column) = byte_position(bytes, pos);
        return Err(Diagnostic::error(
            path,
            line,
            column,
            super::message::Message::BinaryFile,
        ));
    }
    // A SIMD check, then a copy: the standard library's check walks Hangul
    // a byte at a time and costs several times the copy. It runs only to
    // tell where a broken file breaks.
    let checked = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::str::from_utf8(bytes).map_err(|err| {
            let pos = err.valid_up_to();
            let (line, column) = byte_position(bytes, pos);
            Diagnostic::error(
                path,
                line,
                column,
                super::message::Message::InvalidUtf8 {
                    byte: bytes[pos],
                    offset: pos,
                },
            )
        })?,
    };
    Ok(checked.strip_prefix('\u{feff}').unwrap_or(checked))
}

/// A checked file's text in NFC with `\n` line endings.
fn normalise(checked: &str) -> String {
    let mut text = checked.to_owned();
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        // A lone CR is a line ending for CommonMark too; counting it as one
        // keeps our line numbers equal to the markdown parser's.
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    nfc_in_place(text)
}

/// NFC-normalises without copying text that already is.
fn nfc_in_place(text: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    if crate::text::is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

/// 1-based line and column (in characters, lossy for broken UTF-8) of a
/// byte offset in raw bytes.
fn byte_position(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[start..]).chars().count();
    (line, column)
}

/// Where the frontmatter and the body lie in a note's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// Byte range of the YAML between the `---` lines, if the block is closed.
    pub yaml: Option<std::ops::Range<usize>>,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// 1-based line where the body starts.
    pub body_line: usize,
    /// True when an opening `---` is never closed (a diagnostic; the whole
    /// text is then body).
    pub unterminated: bool,
}

/// Finds the frontmatter: a first line that is exactly `---`, closed by
/// the next line that is exactly `---`.
pub(crate) fn split_frontmatter(text: &str) -> Split {
    let no_frontmatter = Split {
        yaml: None,
        yaml_line: 1,
        body_start: 0,
        body_line: 1,
        unterminated: false,
    };
    if !(text == "---" || text.starts_with("---\n")) {
        return no_frontmatter;
    }
    let mut offset = 4.min(text.len());
    let mut line = 2;
    while offset < text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[offset..]).map_or(text.len(), |i| offset + i);
        if &text[offset..end] == "---" {
            return Split {
                yaml: Some(4..offset),
                yaml_line: 2,
                body_start: (end + 1).min(text.len()),
                body_line: line + 1,
                unterminated: false,
            };
        }
        offset = end + 1;
        line += 1;
    }
    Split {
        unterminated: true,
        ..no_frontmatter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let text = decode(
            "a.md",
            b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n# \xed\x95\x9c\r\n",
        )
        .unwrap();
        assert_eq!(text, "---\ntitle: x\n---\n# 한\n");
    }

    #[test]
    fn nul_byte_is_a_binary_file_diagnostic() {
        let d = decode("b.md", b"ok\nab\0").unwrap_err();
        assert_eq!((d.line, d.column), (2, 3));
        assert!(d.message.contains("binary"));
    }

    #[test]
    fn invalid_utf8_reports_its_position() {
        let d = decode("c.md", b"\xed\x95\x9c\n\xff").unwrap_err();
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.message.contains("0xff"), "{}", d.message);
    }

    #[test]
    fn nfd_text_becomes_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "스팟 인스턴스".nfd().collect();
        assert_eq!(decode("d.md", nfd.as_bytes()).unwrap(), "스팟 인스턴스");
    }

    #[test]
    fn only_characters_that_may_not_be_nfc_are_checked() {
        let text = "a 가힣 \u{AB00}\u{D7A4}\u{D7FB}é\u{1100}\u{1161}\u{300}";
        let rest: String = crate::text::not_ascii_or_hangul(text).into_iter().collect();
        assert_eq!(rest, "\u{AB00}é\u{1100}\u{1161}\u{300}");
        // Conjoining jamo become a syllable.
        assert_eq!(decode("j.md", "\u{1100}\u{1161}".as_bytes()).unwrap(), "가");
    }

    #[test]
    fn frontmatter_with_blank_lines_is_found() {
        let text = "---\n\ntitle: t\n\n---\n\n# 제목\n";
        let s = split_frontmatter(text);
        assert_eq!(&text[s.yaml.clone().unwrap()], "\ntitle: t\n\n");
        assert_eq!(s.body_line, 6);
        assert_eq!(&text[s.body_start..], "\n# 제목\n");
    }

    #[test]
    fn unterminated_frontmatter_leaves_everything_as_body() {
        let s = split_frontmatter("---\ntitle: t\n# 제목\n");
        assert!(s.unterminated);
        assert_eq!((s.body_start, s.body_line), (0, 1));
    }

    #[test]
    fn dashes_must_be_the_whole_line() {
        assert_eq!(split_frontmatter("--- \ntitle: t\n---\n").yaml, None);
        assert_eq!(split_frontmatter("# 제목\n---\n").yaml, None);
        let s = split_frontmatter("---\ntitle: t\n----\n---");
        assert_eq!(s.body_start, s.body_start.min(100));
        assert!(!s.unterminated);
        assert_eq!(s.body_line, 5);
    }
}
