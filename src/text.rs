//! Text helpers shared by every part of munje: NFC normalisation and
//! whitespace folding. Display width and wrapping live with the TUI.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
    is_nfc_quick(not_ascii_or_syllable(s).into_iter()) == IsNormalized::Yes
}

/// The characters of `text` other than ASCII and precomposed Hangul
/// syllables (U+AC00–U+D7A3), found by [`next_other`]; a few syllables
/// near the end of the block (U+D780–U+D7A3) are listed too, which only
/// ever asks the Unicode tables one question more.
pub fn not_ascii_or_syllable(text: &str) -> Vec<char> {
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

/// The offset of the next character, from `at` on, that may be neither
/// ASCII nor a precomposed Hangul syllable: every such character is found,
/// and the only syllables returned are U+D780–U+D7A3 (lead bytes ED 9E),
/// which callers check as they check any other character. `bytes` must be
/// UTF-8 and `at` at a character.
///
/// Decoding every character of a Korean note costs more than anything
/// done with the few others, so this looks at lead bytes only, eight at a
/// time: ED and EA lead syllables and other blocks alike, and the next
/// byte tells them apart.
pub fn next_other(bytes: &[u8], mut at: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const fn splat(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    // The high bit of each byte that is zero.
    let zero = |x: u64| !(((x & LOW7) + LOW7) | x) & HIGH;
    // Eight bytes and the eight after each of them: nine bytes in view.
    while let Some(window) = bytes.get(at..at + 9) {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(&window[..8]);
        let w = u64::from_le_bytes(lanes);
        lanes.copy_from_slice(&window[1..]);
        let next = u64::from_le_bytes(lanes);
        // Lead bytes of multi-byte characters: 11xxxxxx.
        let lead = w & (w << 1) & HIGH;
        if lead != 0 {
            // EB and EC lead only syllables; EA leads them from EA B0 on
            // (next byte 1011xxxx), ED up to ED 9D (next byte not 1001111x).
            let syllable = zero(w ^ splat(0xEB))
                | zero(w ^ splat(0xEC))
                | (zero(w ^ splat(0xEA)) & zero((next & splat(0x30)) ^ splat(0x30)))
                | (zero(w ^ splat(0xED)) & !zero((next & splat(0xFE)) ^ splat(0x9E)));
            let other = lead & !syllable;
            if other != 0 {
                return Some(at + (other.trailing_zeros() / 8) as usize);
            }
        }
        at += 8;
    }
    // The last few bytes, one character at a time.
    while let Some(&b) = bytes.get(at) {
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        let syllable = match b {
            0xEB | 0xEC => true,
            0xEA => next >= 0xB0,
            0xED => next < 0x9E,
            _ => false,
        };
        if b >= 0xC0 && !syllable {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Folds every run of whitespace into one space and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn quick_nfc_scan_keeps_exactly_the_other_characters(s in "[a -~가-힣\u{A000}-\u{ABFF}\u{D780}-\u{D7FF}é→🎯\u{1100}-\u{1175}\u{300}]{0,60}") {
            let expected: Vec<char> = s
                .chars()
                .filter(|c| !c.is_ascii() && !('\u{AC00}'..='\u{D77F}').contains(c))
                .collect();
            proptest::prop_assert_eq!(not_ascii_or_syllable(&s), expected);
        }

        /// Every start the scan reports is a character that is not ASCII
        /// and not a syllable below U+D780, and it skips none of them.
        #[test]
        fn the_scan_finds_each_other_character_in_turn(
            s in "[a -~가-힣\u{A000}-\u{ABFF}\u{D780}-\u{D7FF}\u{C0}-\u{7FF}\u{E000}-\u{FFFF}→🎯\u{1100}-\u{1175}\u{300}]{0,80}",
            from in 0usize..80,
        ) {
            let at = s.char_indices().map(|(i, _)| i).find(|&i| i >= from).unwrap_or(s.len());
            let expected = s[at..]
                .char_indices()
                .find(|&(_, c)| !c.is_ascii() && !('\u{AC00}'..='\u{D77F}').contains(&c))
                .map(|(i, _)| at + i);
            proptest::prop_assert_eq!(next_other(s.as_bytes(), at), expected);
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
}
