//! Case folding that keeps byte offsets, and the cheap character checks
//! that let the engine skip most fields before any scoring.
//!
//! Owns text preparation only; matching and ranking live elsewhere.

use std::borrow::Cow;
use std::ops::Range;

use super::capitals::Capitals;

/// Lowercases a text without moving any byte: a character is folded only
/// when its lowercase form is one character of the same UTF-8 length, so a
/// byte offset found in the folded text is valid in the original. That
/// covers ASCII, Latin, Greek, Cyrillic and full-width Latin; Hangul has no
/// case and is copied as is, quickly.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut out);
    out
}

/// [`fold`] of `s` into `out`, whose buffer is reused (whatever it held
/// is dropped): for many short texts folded one after another.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    out.push_str(s);
    fold_cased(out, |_, _| {});
    out.make_ascii_lowercase();
}

/// Folds the cased characters other than ASCII where they lie, telling
/// `changed` each one's offset and original form. ASCII is left to one
/// sweep of `make_ascii_lowercase`: lengths never change, so nothing moves.
fn fold_cased(s: &mut String, mut changed: impl FnMut(usize, char)) {
    let mut from = 0;
    while let Some(start) = next_cased(s.as_bytes(), from) {
        let Some(c) = s[start..].chars().next() else {
            break;
        };
        from = start + c.len_utf8();
        let lower = fold_char(c);
        if lower != c {
            let mut buf = [0; 4];
            s.replace_range(start..from, lower.encode_utf8(&mut buf));
            changed(start, c);
        }
    }
}

/// What [`fold_in_place`] changed, to give back the text as written: where
/// the ASCII capitals were ([`Capitals`], about a twentieth of the text,
/// where keeping the text itself would double it), and the few other cased
/// characters by offset. Or, from [`fold_keeping_copy`], the text itself,
/// for a small index where a copy costs less than working out the changes.
///
/// Measured against the simpler forms on the generated 10,000-note vault
/// (31,089,225 bytes of text, 1,597,937 ASCII capitals; BENCHMARKS.md,
/// "Sink and fast paths"): one sorted list of every change, ASCII
/// included, takes 25.6 MB against the bitmap's 3.9 MB and makes
/// `SearchIndex::build` cost 629.7 M instructions against 445.7 M
/// (+41%); a copy of the text takes 31.1 MB for 361.7 M (−19%). Giving a
/// snippet line back costs about 1,200 instructions here against 800 from
/// the list, at most 50 lines a keystroke: noise beside the search. The
/// bit per byte has since given way to the capitals' distances, smaller
/// again at 100,000 notes (see [`Capitals`]).
#[derive(Debug, Clone)]
pub enum Originals {
    /// What folding changed.
    Changes {
        /// Where the ASCII capitals were.
        capitals: Capitals,
        /// Other cased characters, by offset, as written.
        others: Vec<(usize, char)>,
    },
    /// The text as written.
    Copy(String),
}

impl Default for Originals {
    fn default() -> Self {
        Originals::Changes {
            capitals: Capitals::default(),
            others: Vec::new(),
        }
    }
}

impl Originals {
    /// `folded[range]` as it was written.
    pub fn restore(&self, folded: &str, range: Range<usize>) -> String {
        let (capitals, others) = match self {
            Originals::Copy(text) => return text[range].to_owned(),
            Originals::Changes { capitals, others } => (capitals, others),
        };
        let mut out = folded[range.clone()].to_owned();
        let first = others.partition_point(|&(at, _)| at < range.start);
        for &(at, c) in others[first..].iter().take_while(|(at, _)| *at < range.end) {
            let local = at - range.start;
            let len = c.len_utf8();
            let mut buf = [0; 4];
            out.replace_range(local..local + len, c.encode_utf8(&mut buf));
        }
        // Capitals are ASCII: uppercasing them one by one keeps the text
        // valid, and `make_ascii_uppercase` on a one-byte slice does it.
        for at in capitals.within(range.clone()) {
            let i = at - range.start;
            out[i..=i].make_ascii_uppercase();
        }
        out
    }
}

/// A text kept once, folded where it lies, with what folding changed:
/// the search scans it as it is, and any part of it is given back as
/// written with [`FoldedText::original`].
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    pub folded: String,
    pub originals: Originals,
}

impl FoldedText {
    /// Folds a text where it lies (see [`fold_in_place`]).
    pub fn of(mut text: String) -> FoldedText {
        let originals = fold_in_place(&mut text);
        FoldedText {
            folded: text,
            originals,
        }
    }

    /// `folded[range]` as it was written.
    pub fn original(&self, range: Range<usize>) -> String {
        self.originals.restore(&self.folded, range)
    }

    /// `folded[range]` as it was written, borrowed where folding changed
    /// nothing in it (most Korean text), made only where it did.
    pub fn as_written(&self, range: Range<usize>) -> Cow<'_, str> {
        let (capitals, others) = match &self.originals {
            Originals::Copy(text) => return Cow::Borrowed(&text[range]),
            Originals::Changes { capitals, others } => (capitals, others),
        };
        let first = others.partition_point(|&(at, _)| at < range.start);
        let other = others.get(first).is_some_and(|&(at, _)| at < range.end);
        if other || capitals.any_in(range.clone()) {
            Cow::Owned(self.original(range))
        } else {
            Cow::Borrowed(&self.folded[range])
        }
    }
}

/// Folds a text where it lies, as [`fold`] would, keeping a copy of it as
/// written in `copy`'s buffer (whatever `copy` held is dropped).
pub fn fold_keeping_copy(s: &mut String, mut copy: String) -> Originals {
    copy.clear();
    copy.push_str(s);
    fold_cased(s, |_, _| {});
    s.make_ascii_lowercase();
    Originals::Copy(copy)
}

/// Folds a text where it lies, as [`fold`] would, and returns what it
/// changed: the index keeps only the folded text and these.
pub fn fold_in_place(s: &mut String) -> Originals {
    let capitals = Capitals::of(s.as_bytes());
    let mut others = Vec::new();
    fold_cased(s, |at, c| others.push((at, c)));
    s.make_ascii_lowercase();
    Originals::Changes { capitals, others }
}

/// The offset of the next character from `at` that may have case (`at`
/// is at a character): ASCII and Hangul syllables are skipped eight bytes
/// at a time by [`crate::text::next_other`], and the few others are told
/// apart by their lead byte.
fn next_cased(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        at = crate::text::next_other(bytes, at)?;
        if CASED_LEAD[usize::from(bytes[at])] {
            return Some(at);
        }
        at += 1;
    }
}

/// Lead bytes of the blocks that have letter case: U+00C0–U+07FF (Latin,
/// Greek, Cyrillic, …), U+1xxx (Georgian, Latin Extended Additional,
/// Greek Extended), U+2xxx (letterlike, circled), U+Fxxx (full-width), and
/// 0xEA, which leads U+A640–U+A7FF (Cyrillic and Latin extensions); the
/// Hangul syllables it also leads never get here.
static CASED_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)]
        let byte = b as u8;
        table[b] = matches!(byte, 0xC3..=0xDF | 0xE1 | 0xE2 | 0xEA | 0xEF | 0xF0);
        b += 1;
    }
    table
};

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
    if needle.is_ascii() {
        // An ASCII byte of UTF-8 is always a whole character.
        let mut bytes = hay.bytes();
        return needle.bytes().all(|b| bytes.any(|h| h == b));
    }
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

    proptest::proptest! {
        #[test]
        fn subsequence_is_characters_in_order(
            hay in "[a-c스팟é\\- ]{0,12}",
            needle in "[a-c스é]{0,4}",
        ) {
            let mut rest = hay.chars();
            let simple = needle.chars().all(|c| rest.any(|h| h == c));
            proptest::prop_assert_eq!(is_subsequence(&hay, &needle), simple);
        }
    }

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

    proptest::proptest! {
        #[test]
        fn fold_is_fold_char_on_every_character(s in "\\PC{0,40}") {
            let expected: String = s.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(fold(&s), expected);
        }
    }

    /// The bytes between `a` and `b` (either order) of `s`, widened to
    /// whole characters.
    fn char_range(s: &str, a: usize, b: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (a.min(b).min(s.len()), a.max(b).min(s.len()));
        while !s.is_char_boundary(lo) {
            lo -= 1;
        }
        while !s.is_char_boundary(hi) {
            hi += 1;
        }
        (lo, hi)
    }

    proptest::proptest! {
        #[test]
        fn fold_in_place_folds_and_restores_any_part(
            s in "[a-zA-Z 스팟ÀéΩꟚ\n]{0,200}",
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let (lo, hi) = char_range(&s, a, b);
            let mut folded = s.clone();
            let originals = fold_in_place(&mut folded);
            proptest::prop_assert_eq!(&folded, &fold(&s));
            proptest::prop_assert_eq!(originals.restore(&folded, lo..hi), &s[lo..hi]);
            // The same with a copy, in a buffer that held something else.
            let mut folded = s.clone();
            let originals = fold_keeping_copy(&mut folded, "이전 노트".repeat(50));
            proptest::prop_assert_eq!(&folded, &fold(&s));
            proptest::prop_assert_eq!(originals.restore(&folded, lo..hi), &s[lo..hi]);
        }

        /// The borrowed form is taken only where nothing was folded.
        #[test]
        fn as_written_is_the_text_as_written_borrowed_where_unchanged(
            s in "[a-z스팟 ]{0,70}[A-Zé]?[a-z스팟 ]{0,70}",
            a in 0usize..150,
            b in 0usize..150,
        ) {
            let (lo, hi) = char_range(&s, a, b);
            let text = FoldedText::of(s.clone());
            let got = text.as_written(lo..hi);
            proptest::prop_assert_eq!(&*got, &s[lo..hi]);
            let unchanged = fold(&s[lo..hi]) == s[lo..hi];
            proptest::prop_assert_eq!(matches!(got, Cow::Borrowed(_)), unchanged);
        }
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
