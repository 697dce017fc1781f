//! A one-shot search streamed as a vault loads (`munje search` on a
//! folder): a vault [`Sink`] whose part on each loading thread searches
//! every note that thread parses, keeps the thread's best hits, and drops
//! the note's content, so the search never holds, or indexes, the vault's
//! text. Combining the threads' hits adds the vault's bank questions and
//! ranks them all as [`SearchIndex::search`] would.
//!
//! Owns keeping and ranking the best hits; the one-note search is
//! `sieve`'s, the order `rank`'s.

use std::collections::HashSet;
use std::sync::Arc;

use crate::vault::{FirstLook, NoteIx, NoteSink, ParsedNote, Sink, Vault, Verdict};

use super::index::SearchIndex;
use super::query::Query;
use super::rank::Rank;
use super::sieve::NoteSieve;
use super::{Hit, SearchContext};
use crate::text::fold::fold;

/// The best `limit` hits of a query, searched note by note as a vault
/// loads: give it to [`crate::vault::load_with`], which hands back the
/// hits beside a vault of note names.
#[derive(Debug)]
pub struct StreamedSearch {
    query: Arc<Query>,
    limit: usize,
}

impl StreamedSearch {
    /// A streamed search for `query`, or `None` when the query needs what
    /// a single note does not know (see [`NoteSieve::applies`]).
    pub fn new(query: Arc<Query>, limit: usize) -> Option<StreamedSearch> {
        NoteSieve::applies(&query).then_some(StreamedSearch { query, limit })
    }
}

/// A hit found on a loading thread, with where its note is and the key it
/// ranks by; its note's index is learnt when the threads are combined.
#[derive(Debug)]
pub struct Streamed {
    sort_key: String,
    root: usize,
    hit: Hit,
}

impl Streamed {
    fn rank(&self) -> Rank<'_, (usize, &str)> {
        Rank::new(self.hit.score, &self.sort_key, (self.root, &self.hit.path))
    }
}

/// One loading thread's part of a [`StreamedSearch`]: its best hits so
/// far, kept without a lock.
pub struct ThreadHits {
    sieve: Option<NoteSieve>,
    limit: usize,
    found: Vec<Streamed>,
    /// The worst kept hit once `limit` are kept: nothing ranked at or
    /// below it can be shown.
    bar: Option<Bar>,
}

/// The worst of `limit` kept hits: score, sort key, root and path.
type Bar = (i64, String, usize, String);

/// True when a hit ranked `rank` would be kept: it ranks above the bar,
/// or no bar is set yet.
fn above(bar: Option<&Bar>, rank: &Rank<'_, (usize, &str)>) -> bool {
    bar.is_none_or(|(score, key, root, path)| {
        *rank < Rank::new(*score, key.as_str(), (*root, path.as_str()))
    })
}

impl ThreadHits {
    fn offer(&mut self, root: usize, hit: Hit) {
        self.found.push(Streamed {
            sort_key: fold(&hit.title),
            root,
            hit,
        });
        if self.found.len() >= 2 * self.limit.max(8) {
            keep_best(&mut self.found, self.limit);
            self.bar = self
                .found
                .iter()
                .max_by(|a, b| a.rank().cmp(&b.rank()))
                .map(|s| (s.hit.score, s.sort_key.clone(), s.root, s.hit.path.clone()));
        }
    }
}

impl NoteSink for ThreadHits {
    type Finished = Vec<Streamed>;

    /// A note whose name cannot lift it above the kept hits is judged
    /// from its card, and never read whole: most notes of a common word.
    fn card(&mut self, card: &ParsedNote) -> FirstLook {
        let note = &card.note;
        let bar = self.bar.as_ref();
        let worth = |score, key: &str| above(bar, &Rank::new(score, key, (note.root, &*note.path)));
        let may_rank = self
            .sieve
            .as_mut()
            .is_some_and(|sieve| sieve.may_rank(note, worth));
        if may_rank {
            FirstLook::Whole
        } else {
            FirstLook::Name
        }
    }

    /// Searches the note, keeps its hit if it may be among the best, and
    /// drops the note: a one-shot search keeps no note's text.
    fn note(&mut self, parsed: &ParsedNote) -> Verdict {
        let note = &parsed.note;
        let hit = self.sieve.as_mut().and_then(|sieve| {
            let bar = self.bar.as_ref();
            sieve.hit(note, |score, key| {
                above(bar, &Rank::new(score, key, (note.root, &*note.path)))
            })
        });
        if let Some(hit) = hit {
            self.offer(note.root, hit);
        }
        Verdict::Drop
    }

    fn finish(mut self) -> Vec<Streamed> {
        keep_best(&mut self.found, self.limit);
        self.found
    }
}

impl Sink for StreamedSearch {
    type Thread = ThreadHits;
    type Output = Vec<Hit>;

    /// A hit names its note; most notes are judged by their names alone.
    fn looks_at_cards(&self) -> bool {
        true
    }

    fn thread(&self) -> ThreadHits {
        ThreadHits {
            sieve: NoteSieve::new(Arc::clone(&self.query)),
            limit: self.limit,
            found: Vec::new(),
            bar: None,
        }
    }

    /// The best `limit` hits of the threads and of the vault's bank
    /// questions, ranked. The vault is the one the notes loaded into (each
    /// hit learns its note's index here).
    fn combine(self, finished: Vec<Vec<Streamed>>, vault: &Vault) -> Vec<Hit> {
        let mut found: Vec<Streamed> = finished.into_iter().flatten().collect();
        keep_best(&mut found, self.limit);
        // The query asks nothing of the progress store (`applies`).
        let none = HashSet::new();
        let ctx = SearchContext {
            wrong: &none,
            due: &none,
        };
        // Bank questions are few and link to notes: searched as usual.
        let banks = SearchIndex::build_banks(vault);
        let mut all: Vec<(String, usize, Hit)> = found
            .into_iter()
            .map(|mut s| {
                let ix = vault
                    .notes
                    .binary_search_by(|n| (n.root, &*n.path).cmp(&(s.root, &s.hit.path)))
                    .ok();
                s.hit.note = ix.map(NoteIx);
                (s.sort_key, ix.unwrap_or(usize::MAX), s.hit)
            })
            .collect();
        // A bank question ranks after every note on a tie, as it is
        // indexed after them.
        let notes = vault.notes.len();
        all.extend(
            banks
                .search(&self.query, &ctx, self.limit)
                .into_iter()
                .enumerate()
                .map(|(i, h)| (fold(&h.title), notes + i, h)),
        );
        all.sort_by(|a, b| Rank::new(a.2.score, &a.0, a.1).cmp(&Rank::new(b.2.score, &b.0, b.1)));
        all.truncate(self.limit);
        all.into_iter().map(|(_, _, h)| h).collect()
    }
}

/// Keeps the best `limit` hits, in no particular order.
fn keep_best(found: &mut Vec<Streamed>, limit: usize) {
    if limit == 0 {
        found.clear();
    } else if found.len() > limit {
        found.select_nth_unstable_by(limit - 1, |a, b| a.rank().cmp(&b.rank()));
        found.truncate(limit);
    }
}
