//! The best few documents of a keystroke found without scoring the word
//! being typed against every document's own short fields.
//!
//! At 100,000 notes a word is in nearly every note, and about half of a
//! keystroke went to asking some 200,000 titles, aliases and headings
//! about the word being typed (BENCHMARKS.md, "Where a keystroke's time
//! goes now"). Two facts make many of those reads unneeded:
//!
//! - a document whose text holds the word matches whatever its fields
//!   say, so the count needs the fields only of documents whose text
//!   does not (about one in twenty);
//! - a word's best match in a document scores the most any matching field
//!   or the text gives, and a field can give at most its kind's weight
//!   plus [`MAX_QUALITY`]: fields whose character masks hold the word's
//!   letters bound a document's score without being read, and fields
//!   many documents share (tags) are scored once for all of them.
//!
//! So each document first gets its score within bounds, from what is
//! known without reading its own fields. The documents are then taken in
//! order, each part of them on its thread keeping the `limit` best scores
//! it has seen: the least of those is a floor, as at least `limit`
//! documents score that much. A document whose upper bound is below the
//! floor cannot be among the best and its fields are not read; any other
//! is scored exactly, reading on from its first field not yet known. The
//! hits, their order and the count are those of scoring every document
//! (`bounded_tests`).
//!
//! Owns the bounds and the order of scoring; scoring a field is
//! `short_match`'s, combining a query's words `engine`'s.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::engine::{Candidate, Matching, text_match};
use super::index::SearchIndex;
use super::quality::{MAX_QUALITY, may_match};
use super::query::Pattern;
use super::rank::UNPLACED;
use super::shared::{NOT_SHARED, SharedScores};
use super::term::Scope;
use super::word_memo::ShortBest;

/// A matching document whose score lies in `low..=high`; `fixed` is the
/// part of it the other words give, exactly, and `from` the number of its
/// first short field not yet read (the fields before it are known).
#[derive(Debug, Clone, Copy)]
struct Bounded {
    low: i64,
    high: i64,
    fixed: i64,
    from: usize,
}

/// The `k` best scores seen so far: the least of them is a floor, a score
/// at least `k` documents reach.
struct Floor {
    k: usize,
    best: BinaryHeap<Reverse<i64>>,
}

impl Floor {
    fn new(k: usize) -> Floor {
        Floor {
            k,
            best: BinaryHeap::with_capacity(k.min(1 << 12) + 1),
        }
    }

    /// The least of the `k` best scores; the lowest score of all while
    /// fewer than `k` are known.
    fn get(&self) -> i64 {
        match self.best.peek() {
            Some(&Reverse(least)) if self.best.len() >= self.k => least,
            _ => i64::MIN,
        }
    }

    fn see(&mut self, score: i64) {
        if self.best.len() < self.k {
            self.best.push(Reverse(score));
        } else if self
            .best
            .peek()
            .is_some_and(|&Reverse(least)| score > least)
        {
            self.best.pop();
            self.best.push(Reverse(score));
        }
    }
}

impl SearchIndex {
    /// The number of the one positive term of `m` whose short fields are
    /// not remembered (the word being typed), when there is exactly one:
    /// the query the bounded pass is for.
    pub(super) fn open_term(m: &Matching<'_, '_>) -> Option<usize> {
        let mut open = (0..m.finished.len()).filter(|&t| m.finished[t].is_none());
        let t = open.next()?;
        open.next().is_none().then_some(t)
    }

    /// Every document that could be among the `limit` best of a query
    /// whose term `t` is the one open (see [`SearchIndex::open_term`]),
    /// each with its exact score, and how many documents match in all:
    /// what [`SearchIndex::search_counted`] ranks, from fewer field reads
    /// than scoring every document takes.
    pub(super) fn bounded_candidates(
        &self,
        m: &Matching<'_, '_>,
        t: usize,
        limit: usize,
    ) -> (Vec<Candidate>, usize) {
        let (scope, p) = m.plan.positives[t];
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
                if b.high < floor.get() {
                    continue;
                }
                let exact = if b.low == b.high {
                    b.low
                } else {
                    let rest = b.from..self.short_numbers(d).end;
                    self.best_short_in(rest, scope, p, Some((&mut shared, t)))
                        .map_or(b.low, |field| b.low.max(b.fixed + field.score))
                };
                floor.see(exact);
                cands.push(Candidate {
                    score: exact,
                    doc: u32::try_from(d).unwrap_or(u32::MAX),
                    place: self.title_order.get(d).copied().unwrap_or(UNPLACED),
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
    /// matches every positive term: exact for the finished words, bounded
    /// for the open term `t` by its text match, its shared fields' scores
    /// and its own fields' masks. A document none of whose text or shared
    /// fields holds term `t` is scored exactly here, as only its own fields
    /// can tell whether it matches at all.
    fn doc_bounds(
        &self,
        m: &Matching<'_, '_>,
        t: usize,
        d: usize,
        shared: &mut SharedScores,
    ) -> Option<Bounded> {
        if m.filters && !self.passes(m, d) {
            return None;
        }
        let mut fixed = 0;
        for (u, bests) in m.finished.iter().enumerate() {
            if let Some(bests) = bests {
                let table = m.tables[u].as_deref();
                fixed += bests[d]
                    .map(ShortBest::term_match)
                    .or_else(|| text_match(table, d))?
                    .score;
            }
        }
        let (scope, pattern) = m.plan.positives[t];
        let (known, unread) = self.short_bounds(d, scope, pattern, shared, t);
        let known = known.max(text_match(m.tables[t].as_deref(), d).map(|text| text.score));
        let (low, high) = match (known, unread) {
            (None, None) => return None,
            (None, Some((from, _))) => {
                let rest = from..self.short_numbers(d).end;
                let field = self.best_short_in(rest, scope, pattern, Some((shared, t)))?;
                (fixed + field.score, fixed + field.score)
            }
            (Some(known), ceiling) => (
                fixed + known,
                fixed + ceiling.map_or(known, |(_, most)| most.max(known)),
            ),
        };
        Some(Bounded {
            low,
            high,
            fixed,
            from: unread.map_or(0, |(from, _)| from),
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
