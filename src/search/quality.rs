//! How well a word lies in a field: a whole run's quality, the checks a
//! spread-out match must pass, where words start and end, and the quick
//! character-mask test that rules most fields out.
//!
//! Owns the scoring arithmetic; which fields are tried, in what order, is
//! `engine`'s.

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

/// A word starts after a non-alphanumeric character or where Hangul and
/// other letters meet (EMR클러스터).
fn is_word_start(prev: char, cur: char) -> bool {
    !prev.is_alphanumeric() || super::hangul::is_syllable(prev) != super::hangul::is_syllable(cur)
}

/// A word ends before a non-alphanumeric character or where Hangul and
/// other letters meet.
fn is_word_end(last: char, next: char) -> bool {
    !next.is_alphanumeric() || super::hangul::is_syllable(last) != super::hangul::is_syllable(next)
}

/// Quality of a substring match in text: longer words weigh more.
pub(super) fn text_quality(chars: usize, form: Form) -> i64 {
    let raw = 16 * i64::try_from(chars).unwrap_or(MAX_QUALITY);
    (raw * form.weight_percent() / 100).min(MAX_QUALITY)
}
