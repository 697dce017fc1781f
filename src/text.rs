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
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        // In valid UTF-8 a lead byte 0xEA–0xED starts a 3-byte sequence
        // (U+A000–U+DFFF); syllables run from EA B0 80 to ED 9E A3.
        let second = bytes.get(i + 1).copied().unwrap_or(0);
        let syllable = match b {
            0xEB | 0xEC => true,
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
