//! How a word matches one document's short fields (title, aliases, tags,
//! heading): the best field of the best-ranked kind, each field scored
//! whole where it holds the word as a run, else by the fuzzy scorer with
//! its letters' gaps checked.
//!
//! Owns scoring a word against short fields; combining the words of a
//! query and ranking documents are `engine`'s, highlighting `hits`'.

use super::index::SearchIndex;
use super::quality::{
    MAX_QUALITY, any_alignment_fits, contiguous, exact_chars_hold, gaps_fit, haystack, may_match,
    text_quality,
};
use super::query::{Form, Pattern, Variant};
use super::shared::{NOT_SHARED, SharedScores};
use super::short::ShortField;
use super::term::{Loc, Scope, TermMatch};
use crate::text::fold::is_subsequence;

/// Fuzzy matches scoring below this per pattern character are too
/// scattered to be what someone meant (skim gives 16 per matched character
/// and takes points for every gap).
const MIN_SCORE_PER_CHAR: i64 = 10;
/// Shorter words match only as a whole: two letters spread over a field
/// (ㅅ…ㅍ in "세이빙스 플랜") are chance, not intent.
const MIN_FUZZY_CHARS: usize = 3;
/// Extra quality for a field that is exactly the word.
const EXACT_BONUS: i64 = 40;
impl SearchIndex {
    /// The best short field of the best-ranked kind that a positive term
    /// matches in one document (see [`SearchIndex::best_match`]).
    pub(super) fn best_short(
        &self,
        d: usize,
        scope: Scope,
        p: &Pattern,
        shared: Option<(&mut SharedScores, usize)>,
    ) -> Option<TermMatch> {
        let numbers = match self.doc_masks.get(d) {
            Some(&masks) if scope == Scope::Word && !may_match(masks, p) => 0..0,
            _ => self.short_numbers(d),
        };
        self.best_short_in(numbers, scope, p, shared)
    }

    /// [`SearchIndex::best_short`] among some of a document's fields, in
    /// their order (best kind first).
    pub(super) fn best_short_in(
        &self,
        numbers: std::ops::Range<usize>,
        scope: Scope,
        p: &Pattern,
        mut shared: Option<(&mut SharedScores, usize)>,
    ) -> Option<TermMatch> {
        let mut best: Option<TermMatch> = None;
        for si in numbers {
            // The characters a word needs, checked in a compact table
            // before the field itself is read (most fields of a large
            // vault fail here).
            if scope == Scope::Word
                && let Some(&masks) = self.short_masks.get(si)
                && !may_match(masks, p)
            {
                continue;
            }
            let s = self.short(si);
            if best.is_some_and(|b| b.field != s.field) {
                break;
            }
            if matches!(scope, Scope::Only(f) if f != s.field) {
                continue;
            }
            let quality = || self.field_quality(&s, scope, p);
            let quality = match (&mut shared, self.short_shared.get(si)) {
                (Some((memo, term)), Some(&text)) if text != NOT_SHARED => {
                    memo.quality(*term, text, quality)
                }
                _ => quality(),
            };
            if let Some(q) = quality {
                let total = s.field.weight() + q;
                if best.is_none_or(|b| total > b.score) {
                    best = Some(TermMatch {
                        field: s.field,
                        score: total,
                        loc: Loc::Short(si),
                    });
                }
            }
        }
        best
    }

    /// How well a term matches one short field of a kind its scope allows:
    /// a phrase as a plain run, anything else as [`SearchIndex::score_short`]
    /// scores it.
    pub(super) fn field_quality(&self, s: &ShortField, scope: Scope, p: &Pattern) -> Option<i64> {
        match scope {
            Scope::Phrase => s
                .folded
                .contains(&p.folded)
                .then(|| text_quality(p.variants[0].chars, Form::Plain)),
            _ => self.score_short(s, p).map(|(q, _)| q),
        }
    }

    /// The best quality of any form of a word in a short field, and which
    /// form gave it.
    pub(super) fn score_short(&self, s: &ShortField, p: &Pattern) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        for (vi, v) in p.variants.iter().enumerate() {
            let Some((raw, _)) = self.score_variant(s, v) else {
                continue;
            };
            let q = (raw * v.form.weight_percent() / 100).min(MAX_QUALITY);
            if best.is_none_or(|(b, _)| q > b) {
                best = Some((q, vi));
            }
        }
        best
    }

    /// How well one form of a word matches a short field: a whole
    /// substring is scored directly (the common case, no alignment needed);
    /// otherwise the fuzzy scorer aligns it and the gaps are checked.
    pub(super) fn score_variant(&self, s: &ShortField, v: &Variant) -> Option<(i64, Shape)> {
        let (hay, mask) = haystack(s, v)?;
        if v.mask & !mask != 0 {
            return None;
        }
        let syllables_hold = |at: usize| {
            let mut field = s.folded[at..].chars();
            let mut prev = 0;
            v.exact.iter().all(|&(qi, want)| {
                let got = field.nth(qi - prev);
                prev = qi + 1;
                got == Some(want)
            })
        };
        if let Some((at, q)) = contiguous(hay, v, syllables_hold) {
            let exact = if hay.len() == v.text.len() {
                EXACT_BONUS
            } else {
                0
            };
            return Some((q + exact, Shape::Contiguous(at)));
        }
        if v.chars < MIN_FUZZY_CHARS
            || !is_subsequence(hay, &v.text)
            || !any_alignment_fits(hay, &v.text)
        {
            return None;
        }
        let (score, ix) = self.scorer.indices(hay, &v.text)?;
        let fits = exact_chars_hold(s.folded, &ix, &v.exact) && gaps_fit(hay, &ix);
        let min = MIN_SCORE_PER_CHAR * i64::try_from(v.chars).unwrap_or(i64::MAX / 32);
        (fits && score >= min).then_some((score, Shape::Fuzzy(ix)))
    }
}

/// How a form of a word lay in a short field, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// As one run starting at this byte.
    Contiguous(usize),
    /// Spread over these characters.
    Fuzzy(Vec<usize>),
}
