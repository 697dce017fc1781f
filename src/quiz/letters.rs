//! Reading the letters a user typed: `B`, `AC`, `a c`, `A, C`, and Hangul
//! jamo typed with the Korean layout still on (`ㅠ` is the key of `B`).
//!
//! Owns only the text-to-letters step; whether the count is right is the
//! session's business.

use crate::vault::Letter;

/// Why typed text is not a set of option letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    /// Nothing was typed.
    #[error("no letters given")]
    Empty,
    /// A character that is not one of the question's letters.
    #[error("\"{0}\" is not one of the options")]
    Unknown(String),
}

/// Parses typed letters against the letters on offer. Case, spaces, commas
/// and slashes do not matter; repeats count once; the result is sorted.
pub fn parse_letters(input: &str, offered: &[Letter]) -> Result<Vec<Letter>, LetterError> {
    let mut out = Vec::new();
    for c in input.chars() {
        if c.is_whitespace() || matches!(c, ',' | '/' | '+' | '&') {
            continue;
        }
        let letter = jamo_key(c).unwrap_or(c).to_ascii_uppercase();
        if !offered.contains(&letter) {
            return Err(LetterError::Unknown(c.to_string()));
        }
        out.push(letter);
    }
    if out.is_empty() {
        return Err(LetterError::Empty);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// The QWERTY letter under a Hangul jamo on the 2-set (두벌식) layout,
/// for the option letters A–J.
pub fn jamo_key(c: char) -> Option<char> {
    Some(match c {
        'ㅁ' => 'a',
        'ㅠ' => 'b',
        'ㅊ' => 'c',
        'ㅇ' => 'd',
        'ㄷ' | 'ㄸ' => 'e',
        'ㄹ' => 'f',
        'ㅎ' => 'g',
        'ㅗ' => 'h',
        'ㅑ' => 'i',
        'ㅓ' => 'j',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABCD: [Letter; 4] = ['A', 'B', 'C', 'D'];

    #[test]
    fn accepts_the_usual_spellings() {
        assert_eq!(parse_letters("B", &ABCD), Ok(vec!['B']));
        assert_eq!(parse_letters("AC", &ABCD), Ok(vec!['A', 'C']));
        assert_eq!(parse_letters("a c", &ABCD), Ok(vec!['A', 'C']));
        assert_eq!(parse_letters(" c, a ", &ABCD), Ok(vec!['A', 'C']));
        assert_eq!(parse_letters("CCA", &ABCD), Ok(vec!['A', 'C']));
    }

    #[test]
    fn korean_layout_keys_mean_their_letters() {
        assert_eq!(parse_letters("ㅠ", &ABCD), Ok(vec!['B']));
        assert_eq!(parse_letters("ㅁㅊ", &ABCD), Ok(vec!['A', 'C']));
    }

    #[test]
    fn letters_outside_the_options_are_quoted() {
        assert_eq!(
            parse_letters("AE", &ABCD),
            Err(LetterError::Unknown("E".into()))
        );
        assert_eq!(parse_letters("  ", &ABCD), Err(LetterError::Empty));
        let err = parse_letters("x", &ABCD).unwrap_err();
        assert!(err.to_string().contains("\"x\""));
    }
}
