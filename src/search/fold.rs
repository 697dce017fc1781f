//! Case folding that keeps byte offsets, and the cheap character checks
//! that let the engine skip most fields before any scoring.
//!
//! Owns text preparation only; matching and ranking live elsewhere.

/// Lowercases a text without moving any byte: a character is folded only
/// when its lowercase form is one character of the same UTF-8 length, so a
/// byte offset found in the folded text is valid in the original. That
/// covers ASCII, Latin, Greek, Cyrillic and full-width Latin; Hangul has no
/// case and is copied as is, quickly.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // Copy the long runs that cannot hold a cased character in one go.
        let run = rest
            .bytes()
            .position(|b| b.is_ascii_uppercase() || may_have_case(b))
            .unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        out.push(fold_char(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Lead bytes of UTF-8 sequences in the blocks that have letter case:
/// U+00C0–U+07FF (Latin, Greek, Cyrillic, …), U+1xxx (Georgian, Latin
/// Extended Additional, Greek Extended), U+2xxx (letterlike, circled) and
/// U+Fxxx (full-width). Hangul (U+AC00–U+D7A3, leads 0xEA–0xED) is not here.
fn may_have_case(b: u8) -> bool {
    matches!(b, 0xC3..=0xDF | 0xE1 | 0xE2 | 0xEF | 0xF0)
}

/// Folds one character, keeping its UTF-8 length.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if !c.is_uppercase() {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// A 64-bit summary of which characters a text holds: if a query's mask has
/// a bit the field's lacks, the field cannot match, and one AND says so.
pub fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    // Folded Latin letters and digits, the bulk of short fields, get a bit
    // each; everything else (Hangul, jamo, punctuation) shares the rest.
    let bit = match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + u32::from(c) - u32::from('0'),
        _ => {
            let code = u32::from(c);
            // Hangul syllables differ mostly in the low bits; mix them in.
            36 + (code ^ (code >> 5)) % 28
        }
    };
    1 << bit
}

/// True when every character of `needle` occurs in `hay` in order: the
/// condition for any fuzzy match, checked before the costly scoring.
pub fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut rest = hay;
    for c in needle.chars() {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_without_moving_bytes() {
        for s in [
            "EMR 스팟 Instance",
            "ÀÉÎ Ωmega ΣΑ ДОМ",
            "ＡＢＣ",
            "İstanbul K",
        ] {
            let f = fold(s);
            assert_eq!(f.len(), s.len(), "{s}");
            assert_eq!(f.chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold("EMR 스팟 Instance"), "emr 스팟 instance");
        assert_eq!(fold("ÀÉ ДОМ ＡＢ"), "àé дом ａｂ");
    }

    #[test]
    fn mask_rules_out_fields_missing_a_character() {
        let field = char_mask("spot instance");
        assert_eq!(char_mask("spot") & !field, 0);
        assert_ne!(char_mask("z") & !field, 0);
    }

    #[test]
    fn subsequence_needs_every_character_in_order() {
        assert!(is_subsequence("spot instance", "spin"));
        assert!(is_subsequence("스팟 인스턴스", "스인"));
        assert!(!is_subsequence("spot", "tops"));
    }
}
