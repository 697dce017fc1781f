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
/// syllables (U+AC00–U+D7A3), found by looking at lead bytes only:
/// decoding every character costs more than the check itself.
pub fn not_ascii_or_syllable(text: &str) -> Vec<char> {
    let bytes = text.as_bytes();
    let mut others = Vec::new();
    let mut i = 0;
    // One independent table look per byte finds the next lead byte that
    // may start something else; the processor can look ahead.
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| MAYBE_OTHER[usize::from(b)]))
    {
        i += at;
        // 0xEA and 0xED lead syllables too (EA B0 80 to ED 9E A3).
        let second = bytes.get(i + 1).copied().unwrap_or(0);
        let syllable = match bytes[i] {
            0xEA => second >= 0xB0,
            0xED => {
                second < 0x9E || (second == 0x9E && bytes.get(i + 2).is_some_and(|&t| t <= 0xA3))
            }
            _ => false,
        };
        if syllable {
            i += 3;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        others.push(c);
        i += c.len_utf8();
    }
    others
}

/// Lead bytes of characters that are neither ASCII nor certainly a Hangul
/// syllable: every lead but 0xEB and 0xEC (syllables only).
static MAYBE_OTHER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0xC0;
    while b < 256 {
        table[b] = b != 0xEB && b != 0xEC;
        b += 1;
    }
    table
};

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
                .filter(|c| !c.is_ascii() && !('\u{AC00}'..='\u{D7A3}').contains(c))
                .collect();
            proptest::prop_assert_eq!(not_ascii_or_syllable(&s), expected);
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
