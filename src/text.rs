//! Text helpers shared by every part of munje: NFC normalisation,
//! whitespace folding, and the one filter every piece of vault text goes
//! through before it is written to a terminal or a pipe ([`visible`]).
//! Display width and wrapping live with the TUI.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub mod capitals;
pub mod fold;

/// NFC-normalises a string (macOS writes NFD; matchers need NFC).
/// Returns the input unchanged, without reallocating work, when it is
/// already NFC, which is nearly always.
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// True when `s` is certainly NFC, checked quickly: ASCII and Hangul
/// syllables (nearly all of a Korean note) are skipped by their lead
/// bytes, and only the other characters go through the Unicode tables.
/// Dropping starters only ever turns a "yes" into a "maybe", so a "yes" on
/// the remaining characters is a "yes" for the text.
pub fn is_nfc(s: &str) -> bool {
    is_nfc_quick(not_ascii_or_hangul(s).into_iter()) == IsNormalized::Yes
}

/// The characters of `text` other than ASCII and U+AC00–U+D7FF, found by
/// [`next_other`].
pub fn not_ascii_or_hangul(text: &str) -> Vec<char> {
    let bytes = text.as_bytes();
    let mut others = Vec::new();
    let mut at = 0;
    while let Some(i) = next_other(bytes, at) {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        others.push(c);
        at = i + c.len_utf8();
    }
    others
}

/// The offset of the next character, from `at` on, that is neither ASCII
/// nor in U+AC00–U+D7FF: the Hangul syllables and, after them, the Jamo
/// Extended-B block. None of those has case, each is a starter, and NFC
/// leaves each as it is (a test checks all of them), so the NFC check and
/// case folding look only at what this finds. `bytes` must be UTF-8 and
/// `at` at a character.
///
/// Decoding every character of a Korean note costs more than anything
/// done with the few others, so this looks at lead bytes only, eight at a
/// time: EB, EC and ED lead only that range, EA leads it from EA B0 on.
pub fn next_other(bytes: &[u8], mut at: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const fn splat(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    // The high bit of each byte that is zero.
    let zero = |x: u64| !(((x & LOW7) + LOW7) | x) & HIGH;
    // Eight bytes, and the one after them for the last lane's next byte.
    while let Some(window) = bytes.get(at..at + 9) {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(&window[..8]);
        let w = u64::from_le_bytes(lanes);
        // Lead bytes of multi-byte characters: 11xxxxxx.
        let lead = w & (w << 1) & HIGH;
        if lead != 0 {
            // EA to ED: a lead XOR E8 is 2 to 5, plus 2 is 4 to 7. (Lanes
            // that are not leads give garbage, masked off below.)
            let from_ea = zero(((((w ^ splat(0xE8)) & LOW7) + splat(2)) & splat(0x7C)) ^ splat(4));
            // EA followed by 80–AF leads U+A000–U+ABFF, outside the range.
            let next = (w >> 8) | (u64::from(window[8]) << 56);
            let below = zero(w ^ splat(0xEA)) & !zero((next & splat(0x30)) ^ splat(0x30));
            let other = lead & !(from_ea & !below);
            if other != 0 {
                return Some(at + (other.trailing_zeros() / 8) as usize);
            }
        }
        at += 8;
    }
    // The last few bytes, one at a time.
    while let Some(&b) = bytes.get(at) {
        let inside = match b {
            0xEB..=0xED => true,
            0xEA => bytes.get(at + 1).is_some_and(|&n| n >= 0xB0),
            _ => false,
        };
        if b >= 0xC0 && !inside {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Folds every run of whitespace into one space and trims the ends, into
/// a string of exactly its length (a vault keeps tens of thousands of
/// these, and spare capacity would count against its memory).
pub fn fold_whitespace(s: &str) -> String {
    if is_folded(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.shrink_to_fit();
    out
}

/// True when folding whitespace would not change `s`: single spaces
/// between words, no other whitespace. Most texts of a note are like this,
/// and copying them is much cheaper than folding: without this check a
/// load runs 3% more instructions (callgrind, 1,000 notes). Lead bytes
/// that may start a non-ASCII space answer "no", which only costs the slow
/// path.
pub(crate) fn is_folded(s: &str) -> bool {
    static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let bytes = s.as_bytes();
    // Passes that never stop early on ordinary text, cheaper together than
    // one loop that branches on every byte.
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.iter().any(|&b| NOT_FOLDED[usize::from(b)])
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

/// True for a character a terminal may act on instead of showing: the C0
/// and C1 controls and DEL (escape sequences start with them), and the
/// bidirectional overrides and isolates, which reorder what is shown.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Appends `c` to `out` as a terminal shows it safely: a character of
/// [`is_unsafe_for_terminal`] becomes a visible escape (`\n`, `\t`, `\r`,
/// or `\u{1b}`), anything else is itself.
pub fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if is_unsafe_for_terminal(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Vault text (a title, a file name, a snippet, a message quoting a note)
/// made safe to write to a terminal or a pipe on one line: every control
/// character, line breaks included, becomes a visible escape. Borrows when
/// there is none, which is nearly always.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    visible_keeping(text, false)
}

/// [`visible`] for text of several lines: line breaks and tabs are kept,
/// every other control character becomes a visible escape.
pub fn visible_lines(text: &str) -> std::borrow::Cow<'_, str> {
    visible_keeping(text, true)
}

fn visible_keeping(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let kept = |c: char| lines && (c == '\n' || c == '\t');
    if !text.chars().any(|c| is_unsafe_for_terminal(c) && !kept(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if kept(c) {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The pieces of `text` between `\n`s, as `text.split('\n')` gives them
/// (an empty last piece after a final `\n`), found with the `memchr`
/// crate: std's search for a `char` scans byte by byte on short lines, and
/// every note's frontmatter is split into lines.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        if let Some(i) = memchr::memchr(b'\n', t.as_bytes()) {
            rest = Some(&t[i + 1..]);
            Some(&t[..i])
        } else {
            rest = None;
            Some(t)
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_become_visible_escapes() {
        let hostile = "스팟\x1b]0;title\x07 a\u{9b}31m\u{7f}\u{202e}z\r\n\tb";
        assert_eq!(
            super::visible(hostile),
            "스팟\\u{1b}]0;title\\u{7} a\\u{9b}31m\\u{7f}\\u{202e}z\\r\\n\\tb"
        );
        assert_eq!(
            super::visible_lines(hostile),
            "스팟\\u{1b}]0;title\\u{7} a\\u{9b}31m\\u{7f}\\u{202e}z\\r\n\tb"
        );
        assert!(matches!(
            super::visible("스팟 인스턴스 [a]\\"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    use super::*;

    proptest::proptest! {
        #[test]
        fn quick_nfc_scan_keeps_exactly_the_other_characters(s in "[a -~가-힣\u{A000}-\u{ABFF}\u{D780}-\u{D7FF}é→🎯\u{1100}-\u{1175}\u{300}]{0,60}") {
            let expected: Vec<char> = s
                .chars()
                .filter(|c| !c.is_ascii() && !('\u{AC00}'..='\u{D7FF}').contains(c))
                .collect();
            proptest::prop_assert_eq!(not_ascii_or_hangul(&s), expected);
        }

        /// Every start the scan reports is a character outside ASCII and
        /// U+AC00–U+D7FF, and it skips none of them.
        #[test]
        fn the_scan_finds_each_other_character_in_turn(
            s in "[a -~가-힣\u{A000}-\u{ABFF}\u{D780}-\u{D7FF}\u{C0}-\u{7FF}\u{E000}-\u{FFFF}→🎯\u{1100}-\u{1175}\u{300}]{0,80}",
            from in 0usize..80,
        ) {
            let at = s.char_indices().map(|(i, _)| i).find(|&i| i >= from).unwrap_or(s.len());
            let expected = s[at..]
                .char_indices()
                .find(|&(_, c)| !c.is_ascii() && !('\u{AC00}'..='\u{D7FF}').contains(&c))
                .map(|(i, _)| at + i);
            proptest::prop_assert_eq!(next_other(s.as_bytes(), at), expected);
        }
    }

    /// What `next_other` skips needs neither NFC nor case folding.
    #[test]
    fn the_skipped_range_is_caseless_and_stable_under_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        for c in ('\u{AC00}'..='\u{D7FF}').chain((0..0x80u8).map(char::from)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            if !c.is_ascii() {
                assert!(!c.is_uppercase() && !c.is_lowercase(), "{c:?}");
                assert_eq!(c.to_lowercase().collect::<String>(), c.to_string());
            }
        }
    }

    #[test]
    fn nfd_hangul_becomes_nfc() {
        let nfd: String = "스팟".nfd().collect();
        assert_ne!(nfd, "스팟");
        assert_eq!(nfc(&nfd), "스팟");
    }

    #[test]
    fn whitespace_runs_fold_to_one_space() {
        assert_eq!(fold_whitespace("  a \n\t b  "), "a b");
    }

    proptest::proptest! {
        #[test]
        fn folding_keeps_the_words_and_one_space_between(
            s in "[a *가나\t\n\u{a0}\u{85}\u{3000}\u{2003}\u{1680}→]{0,40}"
        ) {
            let words: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(fold_whitespace(&s), words.join(" "));
        }
    }

    #[test]
    fn split_lines_is_split_at_newlines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\na",
            "a\nb",
            "한\n\n글\n",
            "---\ntitle: 스팟\r\n---",
        ] {
            let fast: Vec<&str> = split_lines(text).collect();
            let simple: Vec<&str> = text.split('\n').collect();
            assert_eq!(fast, simple, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn split_lines_is_split_at_newlines_on_any_text(text in "[a\n한 \r-]{0,40}") {
            let fast: Vec<&str> = split_lines(&text).collect();
            let simple: Vec<&str> = text.split('\n').collect();
            proptest::prop_assert_eq!(fast, simple);
        }
    }
}
