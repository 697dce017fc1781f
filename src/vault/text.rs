//! Small text helpers of the parser: bold markers, leading symbols, label
//! comparison, and byte offsets to lines and columns. No markdown here.

use std::borrow::Cow;

/// Removes every `**` marker. The question grammar works on text with bold
/// markers removed, because pulldown-cmark's flanking rules leave some bold
/// (`**강조(Bold)**을`) as literal asterisks.
pub(crate) fn strip_bold(s: &str) -> Cow<'_, str> {
    let Some(first) = find_double_star(s) else {
        return Cow::Borrowed(s);
    };
    // The same as `s.replace("**", "")`, without a substring searcher.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut at = Some(first);
    while let Some(i) = at {
        out.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        at = find_double_star(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where `s` first holds `**`: `s.find("**")` without setting up a
/// substring searcher, which costs more than the search on the short
/// texts of a note.
pub(crate) fn find_double_star(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'*', &bytes[from..]) {
        if bytes.get(from + i + 1) == Some(&b'*') {
            return Some(from + i);
        }
        from += i + 1;
    }
    None
}

/// `fold(&strip_bold(s))` in one pass and one allocation: `**` never
/// spans whitespace, so it can be removed word by word.
pub(crate) fn fold_unbold(s: &str) -> String {
    fold_words(s, true)
}

/// Folds whitespace (see [`crate::text::fold_whitespace`]) into a string
/// of exactly its length: a vault keeps tens of thousands of these, and
/// spare capacity would count against its memory.
pub(crate) fn fold(s: &str) -> String {
    fold_words(s, false)
}

fn fold_words(s: &str, unbold: bool) -> String {
    if is_folded(s, unbold) {
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
        if unbold && word.as_bytes().contains(&b'*') {
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

/// True when folding would not change `s` (and, with `unbold`, neither
/// would removing `**`): single spaces between words, no other
/// whitespace. Most texts of a note are like this, and copying them is
/// much cheaper than folding. Lead bytes that may start a non-ASCII space
/// answer "no", which only costs the slow path.
fn is_folded(s: &str, unbold: bool) -> bool {
    static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let bytes = s.as_bytes();
    // Passes that never stop early on ordinary text, cheaper together than
    // one loop that branches on every byte.
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.iter().any(|&b| NOT_FOLDED[usize::from(b)])
        && !(unbold && memchr::memchr(b'*', bytes).is_some())
        && DOUBLE_SPACE.find(bytes).is_none()
}

/// Bytes a folded text cannot hold: whitespace other than a space, and
/// the lead bytes that may start a non-ASCII space (0xC2, 0xE1–0xE3).
static NOT_FOLDED: [bool; 256] = {
    let mut table = [false; 256];
    let stops = [b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xC2, 0xE1, 0xE2, 0xE3];
    let mut i = 0;
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    table
};

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

    #[test]
    fn fold_matches_the_generic_whitespace_fold() {
        let s = " 가\u{3000}나\t\u{a0}다\u{b}라\n\u{2003}마  Spot\r\n";
        assert_eq!(fold(s), crate::text::fold_whitespace(s));
        assert_eq!(fold(s), "가 나 다 라 마 Spot");
        for s in [
            "",
            " ",
            "가",
            " 가 ",
            "a\u{85}b\u{2028}c\u{205f}d\u{1680}e",
            "é\u{e3}ㄱ",
        ] {
            assert_eq!(fold(s), crate::text::fold_whitespace(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folds_agree_with_their_definitions(s in "[a *가나\t\n\u{a0}\u{3000}\u{2003}→]{0,40}") {
            proptest::prop_assert_eq!(fold(&s), crate::text::fold_whitespace(&s));
            proptest::prop_assert_eq!(fold_unbold(&s), fold(&strip_bold(&s)));
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
            assert_eq!(fold_unbold(s), fold(&strip_bold(s)), "{s:?}");
        }
    }

    #[test]
    fn bold_markers_are_removed_even_when_not_flanking() {
        assert_eq!(strip_bold("**강조(Bold)**을"), "강조(Bold)을");
        for s in ["", "*", "**", "***", "****", "a*b**c***d", "**x** **"] {
            assert_eq!(strip_bold(s), s.replace("**", ""), "{s:?}");
            assert_eq!(find_double_star(s), s.find("**"), "{s:?}");
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
