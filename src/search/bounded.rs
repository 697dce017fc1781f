//! The best few documents of a keystroke found without scoring every
//! document exactly: neither the word being typed against every
//! document's own short fields, nor every text match attributed to a
//! question or the body.
//!
//! At 100,000 notes a word is in nearly every note, and about half of a
//! keystroke went to asking some 200,000 titles, aliases and headings
//! about the word being typed (BENCHMARKS.md, "Where a keystroke's time
//! goes now"); telling whether a question holds a word read each note's
//! record and question parts. Three facts make many of those reads
//! unneeded:
//!
//! - a document whose text holds the word matches whatever its fields
//!   say, so the count needs the fields only of documents whose text
//!   does not (about one in twenty);
//! - a word's best match in a document scores the most any matching field
//!   or the text gives, and a field can give at most its kind's weight
//!   plus [`MAX_QUALITY`]: fields whose character masks hold the word's
//!   letters bound a document's score without being read, and fields
//!   many documents share (tags) are scored once for all of them;
//! - a text match scores at least what the body gives and at most what
//!   a question gives (see `scan::TextMatches`).
//!
//! So each document first gets its score within bounds, from what is
//! known without reading its own fields or question parts. The documents
//! are then taken in order, each part of them on its thread keeping the
//! `limit` best it has seen, by score and then by place in title order:
//! the least of those is a floor. A document whose upper bound is below
//! the floor, or at it and placed after it, cannot be among the best and
//! is not read; any other is scored exactly. The hits, their order and
//! the count are those of scoring every document (`bounded_tests`).
//!
//! Owns the bounds and the order of scoring; scoring a field is
//! `short_match`'s, combining a query's words `engine`'s.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::engine::{Candidate, Matching};
use super::index::SearchIndex;
use super::quality::{MAX_QUALITY, may_match};
use super::query::Pattern;
use super::rank::UNPLACED;
use super::shared::{NOT_SHARED, SharedScores};
use super::term::Scope;

/// A matching document whose score lies in `low..=high`.
#[derive(Debug, Clone, Copy)]
struct Bounded {
    low: i64,
    high: i64,
}

/// The `k` best documents seen so far, by score and then by place: the
/// least of them is a floor, which at least `k` documents reach or pass.
struct Floor {
    k: usize,
    best: BinaryHeap<Reverse<(i64, Reverse<u32>)>>,
}

impl Floor {
    fn new(k: usize) -> Floor {
        Floor {
            k,
            best: BinaryHeap::with_capacity(k.min(1 << 12) + 1),
        }
    }

    /// The least of the `k` best, once `k` are known.
    fn least(&self) -> Option<(i64, u32)> {
        match self.best.peek() {
            Some(&Reverse((score, Reverse(place)))) if self.best.len() >= self.k => {
                Some((score, place))
            }
            _ => None,
        }
    }

    /// The least of the `k` best scores; the lowest score of all while
    /// fewer than `k` are known.
    fn get(&self) -> i64 {
        self.least().map_or(i64::MIN, |(score, _)| score)
    }

    /// True when a document scoring at most `high`, at `place`, ranks
    /// below `k` documents already seen: below the floor's score, or at
    /// it and placed after it. Places are compared only between documents
    /// that have one ([`UNPLACED`] ones rank by their sort keys).
    fn below(&self, high: i64, place: u32) -> bool {
        self.least().is_some_and(|(score, at)| {
            high < score || (high == score && place != UNPLACED && at != UNPLACED && place > at)
        })
    }

    fn see(&mut self, score: i64, place: u32) {
        let key = Reverse((score, Reverse(place)));
        if self.best.len() < self.k {
            self.best.push(key);
        } else if self.best.peek().is_some_and(|least| key < *least) {
            self.best.pop();
            self.best.push(key);
        }
    }
}

impl SearchIndex {
    /// The positive terms of `m` whose short fields are not remembered
    /// (the word being typed, if any): the bounded pass is for a query
    /// with at most one.
    pub(super) fn open_terms(m: &Matching<'_, '_>) -> Vec<usize> {
        (0..m.finished.len())
            .filter(|&t| m.finished[t].is_none())
            .collect()
    }

    /// Every document that could be among the `limit` best of a query
    /// whose term `t`, if any, is the one open (see
    /// [`SearchIndex::open_terms`]), each with its exact score, and how
    /// many documents match in all: what [`SearchIndex::search_counted`]
    /// ranks, from fewer field reads and text attributions than scoring
    /// every document takes.
    pub(super) fn bounded_candidates(
        &self,
        m: &Matching<'_, '_>,
        t: Option<usize>,
        limit: usize,
    ) -> (Vec<Candidate>, usize) {
        let parts = self.in_parts(self.docs.len(), |docs| {
            let mut shared = SharedScores::new(m.plan.positives.len(), self.shared_texts);
            let mut floor = Floor::new(limit);
            let mut cands = Vec::new();
            let mut total = 0;
            for d in docs {
                let Some(b) = self.doc_bounds(m, t, d, &mut shared) else {
                    continue;
                };
                total += 1;
                let place = self.title_order.get(d).copied().unwrap_or(UNPLACED);
                if floor.below(b.high, place) {
                    continue;
                }
                let exact = if b.low == b.high {
                    b.low
                } else {
                    self.doc_score(m, d, &mut shared)
                        .map_or(b.low, |(score, _)| score)
                };
                floor.see(exact, place);
                cands.push(Candidate {
                    score: exact,
                    doc: u32::try_from(d).unwrap_or(u32::MAX),
                    place,
                });
            }
            vec![(cands, total, floor.get())]
        });
        // Each part's floor holds for all: the highest of them prunes.
        let floor = parts.iter().map(|p| p.2).max().unwrap_or(i64::MIN);
        let total = parts.iter().map(|p| p.1).sum();
        let cands = parts
            .into_iter()
            .flat_map(|p| p.0)
            .filter(|c| c.score >= floor)
            .collect();
        (cands, total)
    }

    /// Document `d`'s score within bounds when it passes the filters and
    /// matches every positive term: the finished words' from their
    /// remembered short-field matches, or from their text matches (exact
    /// once attributed, see `scan::TextMatches`); the open term `t`'s by
    /// its text match, its shared fields' scores and its own fields'
    /// masks. A document none of whose text or shared fields holds term
    /// `t` is scored exactly here, as only its own fields can tell whether
    /// it matches at all.
    fn doc_bounds(
        &self,
        m: &Matching<'_, '_>,
        t: Option<usize>,
        d: usize,
        shared: &mut SharedScores,
    ) -> Option<Bounded> {
        if m.filters && !self.passes(m, d) {
            return None;
        }
        let (mut low, mut high) = (0, 0);
        for word in m.finished.iter().flatten() {
            let (lo, hi) = Self::finished_bounds(word, d)?;
            low += lo;
            high += hi;
        }
        let Some(t) = t else {
            return Some(Bounded { low, high });
        };
        let (scope, pattern) = m.plan.positives[t];
        let (known, unread) = self.short_bounds(d, scope, pattern, shared, t);
        let text = m.tables[t].as_deref().and_then(|table| table.bounds(d));
        // A short field outweighs any text match: the text counts only
        // where no short field matches.
        let (lo, hi) = match (known, unread, text) {
            (Some(known), None, _) => (known, known),
            (Some(known), Some((_, most)), _) => (known, most.max(known)),
            (None, Some((_, most)), Some((lo, _))) => (lo, most),
            (None, None, Some(text)) => text,
            (None, Some((from, _)), None) => {
                let rest = from..self.short_numbers(d).end;
                let field = self.best_short_in(rest, scope, pattern, Some((shared, t)))?;
                (field.score, field.score)
            }
            (None, None, None) => return None,
        };
        Some(Bounded {
            low: low + lo,
            high: high + hi,
        })
    }

    /// What document `d`'s short fields tell of term `t` without reading
    /// its own fields: the best score of its shared fields that match
    /// (scored once per text, see `shared`), and its best own field whose
    /// masks allow the term, with the most it could score. A term's best short
    /// match is the best score of any field that matches it, as a field's
    /// kind outweighs any quality ([`MAX_QUALITY`] is below the steps
    /// between kinds' weights).
    fn short_bounds(
        &self,
        d: usize,
        scope: Scope,
        p: &Pattern,
        shared: &mut SharedScores,
        t: usize,
    ) -> (Option<i64>, Option<(usize, i64)>) {
        let mut known = None;
        if scope == Scope::Word
            && let Some(&masks) = self.doc_masks.get(d)
            && !may_match(masks, p)
        {
            return (None, None);
        }
        for si in self.short_numbers(d) {
            if scope == Scope::Word
                && let Some(&masks) = self.short_masks.get(si)
                && !may_match(masks, p)
            {
                continue;
            }
            let field = self.short_kind(si);
            if matches!(scope, Scope::Only(f) if f != field) {
                continue;
            }
            match self.short_shared.get(si) {
                Some(&text) if text != NOT_SHARED => {
                    let q =
                        shared.quality(t, text, || self.field_quality(&self.short(si), scope, p));
                    known = known.max(q.map(|q| field.weight() + q));
                }
                // The fields after it are of its kind or a lesser one
                // (see `best_short`): none could score more.
                _ => return (known, Some((si, field.weight() + MAX_QUALITY))),
            }
        }
        (known, None)
    }
}

#[cfg(test)]
#[path = "bounded_tests.rs"]
mod tests;
