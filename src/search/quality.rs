//! How well a word lies in a field: a whole run's quality, the checks a
//! spread-out match must pass, where words start and end, and the quick
//! character-mask test that rules most fields out.
//!
//! Owns the scoring arithmetic; which fields are tried, in what order, is
//! `short_match`'s.

use super::query::{Form, Pattern, Variant};
use super::short::ShortField;

/// Extra quality for a word found whole, not spread out: 스팟 in
/// "AWS Batch 스팟" beats ㅅ…ㅍ in "세이빙스 플랜" for the query ㅅㅍ.
const CONTIGUOUS_BONUS: i64 = 30;
/// Characters a fuzzy match may skip inside a word.
const MAX_GAP: usize = 2;
/// Extra quality for a run that ends where a word ends: ㅅㅍ as 스팟 in
/// "스팟 인스턴스" beats ㅅㅍ as the start of 스파크.
const WHOLE_WORD_BONUS: i64 = 15;
/// Match quality is capped so it never outweighs a better field.
pub(super) const MAX_QUALITY: i64 = 999;

/// False when no form of a word can match a field with these plain and
/// 초성 character masks (or fields with them all together).
pub(super) fn may_match([mask, cho_mask]: [u64; 2], p: &Pattern) -> bool {
    p.variants.iter().any(|v| {
        let have = match v.form {
            Form::Plain | Form::Layout => mask,
            Form::Choseong | Form::LayoutChoseong => cho_mask,
        };
        v.mask & !have == 0
    })
}

/// The best whole occurrence of `needle` in a short field and its quality:
/// on a par with the fuzzy scorer's figure for a run of that length, plus
/// [`CONTIGUOUS_BONUS`], more at the start of the field or of a word.
/// `accept` vets each occurrence (the syllables of a mixed word).
pub(super) fn contiguous(
    hay: &str,
    v: &Variant,
    accept: impl Fn(usize) -> bool,
) -> Option<(usize, i64)> {
    let n = i64::try_from(v.chars).unwrap_or(i64::MAX / 64);
    v.finder
        .find_iter(hay.as_bytes())
        .filter(|&at| accept(at))
        .map(|at| {
            let prev = hay[..at].chars().next_back();
            let place = match prev {
                None => 20,
                Some(p)
                    if hay[at..]
                        .chars()
                        .next()
                        .is_some_and(|c| is_word_start(p, c)) =>
                {
                    10
                }
                Some(_) => 0,
            };
            let end = at + v.text.len();
            let whole = match (hay[..end].chars().next_back(), hay[end..].chars().next()) {
                (_, None) => WHOLE_WORD_BONUS,
                (Some(last), Some(next)) if is_word_end(last, next) => WHOLE_WORD_BONUS,
                _ => 0,
            };
            (at, 20 * n + CONTIGUOUS_BONUS + place + whole)
        })
        .max_by_key(|&(at, q)| (q, std::cmp::Reverse(at)))
}

/// The text a form of a word is compared with: the folded field, or its
/// 초성 form.
pub(super) fn haystack<'s>(s: &ShortField<'s>, v: &Variant) -> Option<(&'s str, u64)> {
    match v.form {
        Form::Plain | Form::Layout => Some((s.folded, s.mask)),
        Form::Choseong | Form::LayoutChoseong => s.choseong.map(|c| (c, s.cho_mask)),
    }
}

/// True when the syllables of a mixed word (스 in 스ㅍ) sit exactly on the
/// matched characters, not just on the same initial consonant.
pub(super) fn exact_chars_hold(folded: &str, matched: &[usize], exact: &[(usize, char)]) -> bool {
    exact.iter().all(|&(qi, want)| {
        matched
            .get(qi)
            .and_then(|&fi| folded.chars().nth(fi))
            .is_some_and(|c| c == want)
    })
}

/// True when the letters of a fuzzy match hang together: every jump over
/// more than [`MAX_GAP`] characters lands on the start of a word (`aws` in
/// "amazon web services"), so "spot" does not match "sharp optics toolkit".
pub(super) fn gaps_fit(hay: &str, matched: &[usize]) -> bool {
    let chars: Vec<char> = hay.chars().collect();
    matched.windows(2).all(|w| {
        let (a, b) = (w[0], w[1]);
        b <= a + MAX_GAP + 1 || b >= chars.len() || is_word_start(chars[b - 1], chars[b])
    })
}

/// Longest word [`any_alignment_fits`] answers for; a longer one is left
/// to the fuzzy scorer.
const MOST_ALIGNED: usize = 32;

/// False when no way of finding `word`'s characters in order in `hay`
/// passes [`gaps_fit`]: the fuzzy scorer's best alignment then fails it
/// too, and need not be worked out. True when one may (and for words of
/// more than [`MOST_ALIGNED`] characters).
///
/// The scorer fills a table of every character of the field against every
/// character of the word for each field it is asked about; at 100,000
/// notes a Latin word being typed asked it about 5,000 headings a
/// keystroke, nearly all to find letters spread too far apart
/// (BENCHMARKS.md, "Fields the word before could match"). This is one pass
/// over the field: for each prefix of the word, the last place it can end
/// with its gaps fitting. The latest such place is the best start for the
/// next character's jump, and a jump to the start of a word fits from any
/// place, so the pass decides exactly.
pub(super) fn any_alignment_fits(hay: &str, word: &str) -> bool {
    let mut chars = ['\0'; MOST_ALIGNED];
    let mut n = 0;
    for c in word.chars() {
        if n == MOST_ALIGNED {
            return true;
        }
        chars[n] = c;
        n += 1;
    }
    let word = &chars[..n];
    if word.is_empty() {
        return true;
    }
    // Where each prefix of the word last ended, fitting.
    let mut ends: [Option<usize>; MOST_ALIGNED] = [None; MOST_ALIGNED];
    let mut prev: Option<char> = None;
    for (b, c) in hay.chars().enumerate() {
        // Whether a word starts here, asked only of a long jump.
        let starts_word = || prev.is_some_and(|p| is_word_start(p, c));
        // Longest prefix first, so one character ends one prefix only.
        for i in (0..word.len()).rev() {
            if word[i] != c {
                continue;
            }
            let fits = match i {
                0 => true,
                _ => ends[i - 1].is_some_and(|a| b <= a + MAX_GAP + 1 || starts_word()),
            };
            if fits {
                ends[i] = Some(b);
            }
        }
        prev = Some(c);
    }
    ends[word.len() - 1].is_some()
}

/// A word starts after a non-alphanumeric character or where Hangul and
/// other letters meet (EMR클러스터).
fn is_word_start(prev: char, cur: char) -> bool {
    !is_alphanumeric(prev) || super::hangul::is_syllable(prev) != super::hangul::is_syllable(cur)
}

/// [`char::is_alphanumeric`], answered for ASCII and Hangul syllables
/// without the Unicode tables (most of what a note's fields hold).
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        super::hangul::is_syllable(c) || c.is_alphanumeric()
    }
}

/// A word ends before a non-alphanumeric character or where Hangul and
/// other letters meet.
fn is_word_end(last: char, next: char) -> bool {
    !is_alphanumeric(next) || super::hangul::is_syllable(last) != super::hangul::is_syllable(next)
}

/// Quality of a substring match in text: longer words weigh more.
pub(super) fn text_quality(chars: usize, form: Form) -> i64 {
    let raw = 16 * i64::try_from(chars).unwrap_or(MAX_QUALITY);
    (raw * form.weight_percent() / 100).min(MAX_QUALITY)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way of finding `word`'s characters in order in `hay`, and
    /// whether one passes [`gaps_fit`]: the simple path.
    fn some_alignment_fits(
        hay: &[char],
        word: &[char],
        from: usize,
        taken: &mut Vec<usize>,
    ) -> bool {
        let Some((&c, rest)) = word.split_first() else {
            let hay: String = hay.iter().collect();
            return gaps_fit(&hay, taken);
        };
        (from..hay.len()).any(|b| {
            if hay[b] != c {
                return false;
            }
            taken.push(b);
            let fits = some_alignment_fits(hay, rest, b + 1, taken);
            taken.pop();
            fits
        })
    }

    proptest::proptest! {
        #[test]
        fn one_pass_finds_a_fitting_alignment_exactly_when_there_is_one(
            hay in "[spre t/-스팟a]{0,14}",
            word in "[spret스팟]{1,4}",
        ) {
            let chars: Vec<char> = hay.chars().collect();
            let word_chars: Vec<char> = word.chars().collect();
            proptest::prop_assert_eq!(
                any_alignment_fits(&hay, &word),
                some_alignment_fits(&chars, &word_chars, 0, &mut Vec::new()),
                "{:?} in {:?}", word, hay
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn alphanumeric_is_the_standard_library_s(c in proptest::prelude::any::<char>()) {
            proptest::prop_assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
        }
    }

    #[test]
    fn hangul_and_ascii_are_alphanumeric_as_the_standard_library_says() {
        for c in ('가'..='힣').chain('\0'..='\u{7f}').chain('ㄱ'..='ㅣ') {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn letters_spread_past_the_gap_fit_only_at_word_starts() {
        assert!(any_alignment_fits("spark streaming", "stre"));
        assert!(any_alignment_fits("amazon web services", "aws"));
        assert!(!any_alignment_fits("sharpxoptixxtool", "spot"));
        // The scorer's own alignment may not fit where another does: this
        // says only that one does.
        assert!(any_alignment_fits("s-tre", "stre"));
        // A word too long to follow is left to the scorer.
        assert!(any_alignment_fits("x", &"a".repeat(MOST_ALIGNED + 1)));
        assert!(!any_alignment_fits("x", &"a".repeat(MOST_ALIGNED)));
    }
}
