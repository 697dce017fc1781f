//! Text helpers shared by every part of munje: NFC normalisation and
//! whitespace folding. Display width and wrapping live with the TUI.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC-normalises a string (macOS writes NFD; matchers need NFC).
/// Returns the input unchanged, without reallocating work, when it is
/// already NFC, which is nearly always.
pub fn nfc(s: &str) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
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
