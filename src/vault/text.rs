//! Small text helpers of the parser: bold markers, leading symbols, label
//! comparison, and byte offsets to lines and columns. No markdown here.

use std::borrow::Cow;

/// Removes every `**` marker. The question grammar works on text with bold
/// markers removed, because pulldown-cmark's flanking rules leave some bold
/// (`**강조(Bold)**을`) as literal asterisks.
pub(crate) fn strip_bold(s: &str) -> Cow<'_, str> {
    let mut at = DOUBLE_STAR.find_iter(s.as_bytes()).peekable();
    if at.peek().is_none() {
        return Cow::Borrowed(s);
    }
    // The same as `s.replace("**", "")`, with the one finder.
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for i in at {
        out.push_str(&s[from..i]);
        from = i + 2;
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// Finds `**`, set up once: a finder made per call costs more than the
/// search on the short texts of a note.
pub(crate) static DOUBLE_STAR: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"**"));

/// `fold_whitespace(&strip_bold(s))` in one pass and one allocation of
/// exactly the result's length (a vault keeps tens of thousands of these):
/// `**` never spans whitespace, so it can be removed word by word.
pub(crate) fn fold_unbold(s: &str) -> String {
    if crate::text::is_folded(s) && memchr::memchr(b'*', s.as_bytes()).is_none() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let (word, space) = next_space(rest);
        // Pieces of one word join without a space; words get one between.
        let mut separate = !out.is_empty();
        let mut push = |piece: &str| {
            if !piece.is_empty() {
                if separate {
                    out.push(' ');
                }
                separate = false;
                out.push_str(piece);
            }
        };
        if word.as_bytes().contains(&b'*') {
            word.split("**").for_each(&mut push);
        } else {
            push(word);
        }
        match space {
            Some(len) => rest = &rest[word.len() + len..],
            None => break,
        }
    }
    out.shrink_to_fit();
    out
}

/// The text before the first whitespace character, and that character's
/// length in bytes. Works on bytes: only the lead bytes 0xC2, 0xE1, 0xE2
/// and 0xE3 can start a non-ASCII space, so Korean text is never decoded.
fn next_space(s: &str) -> (&str, Option<usize>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
            0xC2 | 0xE1..=0xE3 => {
                let c = s[i..].chars().next().unwrap_or_default();
                if c.is_whitespace() { c.len_utf8() } else { 0 }
            }
            _ => 0,
        };
        if len > 0 {
            return (&s[..i], Some(len));
        }
        i += 1;
    }
    (s, None)
}

/// Appends tags not seen before, in order; a set keeps it linear even for
/// a note with ten thousand tags.
pub(crate) fn extend_unique(
    tags: &mut Vec<super::tags::Tag>,
    new: impl IntoIterator<Item = super::tags::Tag>,
) {
    let new: Vec<super::tags::Tag> = new.into_iter().collect();
    // Notes have a handful of tags: a scan beats hashing until lists grow.
    if tags.len() + new.len() <= 32 {
        for t in new {
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        return;
    }
    let mut seen: std::collections::HashSet<super::tags::Tag> = tags.iter().cloned().collect();
    for t in new {
        if seen.insert(t.clone()) {
            tags.push(t);
        }
    }
}

/// Drops leading emoji, punctuation and spaces: what precedes a section
/// name or label (`🎯 핵심 포인트`, `💡 추가 설명:`).
pub(crate) fn drop_leading_symbols(s: &str) -> &str {
    s.trim_start_matches(|c: char| !is_alphanumeric(c))
}

/// `char::is_alphanumeric`, answering ASCII and Hangul syllables without
/// the Unicode table lookup.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{AC00}'..='\u{D7A3}').contains(&c) || c.is_alphanumeric()
    }
}

/// Lowercases and removes every space, for comparing headings and labels.
pub(crate) fn compact_lower(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// If `s` starts with `label` (ASCII case-insensitively), the rest.
pub(crate) fn strip_label<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let head = s.get(..label.len())?;
    head.eq_ignore_ascii_case(label).then(|| &s[label.len()..])
}

/// Turns byte offsets of one text into 1-based lines, moving forward only,
/// so a whole note costs one pass over its bytes however many lines are
/// asked for.
#[derive(Debug, Clone)]
pub(crate) struct LineCursor<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCursor<'a> {
    /// A cursor at offset 0 of `text`, which is line `first_line` of its file.
    pub(crate) fn new(text: &'a str, first_line: usize) -> Self {
        LineCursor {
            text: text.as_bytes(),
            offset: 0,
            line: first_line,
        }
    }

    /// The line of `offset`. Offsets before the last one asked are counted
    /// backwards, which is correct but slower.
    pub(crate) fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset >= self.offset {
            self.line += count_newlines(&self.text[self.offset..offset]);
        } else {
            self.line -= count_newlines(&self.text[offset..self.offset]);
        }
        self.offset = offset;
        self.line
    }
}

pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The 1-based column (in characters) of `offset`, and the text of its line.
pub(crate) fn column_and_line(text: &str, offset: usize) -> (usize, &str) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (text[start..offset].chars().count() + 1, &text[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_emoji_and_punctuation_are_dropped() {
        assert_eq!(drop_leading_symbols("🎯 핵심 포인트"), "핵심 포인트");
        assert_eq!(drop_leading_symbols("💡 추가 설명:"), "추가 설명:");
        assert_eq!(drop_leading_symbols("❤️‍🔥 - Q1"), "Q1");
    }

    proptest::proptest! {
        #[test]
        fn fold_unbold_agrees_with_its_definition(s in "[a *가나\t\n\u{a0}\u{3000}\u{2003}→]{0,40}") {
            proptest::prop_assert_eq!(fold_unbold(&s), crate::text::fold_whitespace(&strip_bold(&s)));
        }
    }

    #[test]
    fn fold_unbold_is_fold_of_strip_bold() {
        for s in [
            "",
            "**",
            "a b",
            "a  b",
            "a *b*",
            " ** a ** ",
            "**굵게**은 a****b ***c*** \u{3000}**d",
            "x**\n**y",
        ] {
            assert_eq!(
                fold_unbold(s),
                crate::text::fold_whitespace(&strip_bold(s)),
                "{s:?}"
            );
        }
    }

    #[test]
    fn bold_markers_are_removed_even_when_not_flanking() {
        assert_eq!(strip_bold("**강조(Bold)**을"), "강조(Bold)을");
        for s in ["", "*", "**", "***", "****", "a*b**c***d", "**x** **"] {
            assert_eq!(strip_bold(s), s.replace("**", ""), "{s:?}");
        }
    }

    #[test]
    fn cursor_counts_lines_forward_and_back() {
        let text = "a\nb\nc\n";
        let mut c = LineCursor::new(text, 5);
        assert_eq!(c.line_at(0), 5);
        assert_eq!(c.line_at(4), 7);
        assert_eq!(c.line_at(2), 6);
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let text = "첫줄\n가나다 X";
        let off = text.find('X').unwrap();
        assert_eq!(column_and_line(text, off), (5, "가나다 X"));
    }
}
