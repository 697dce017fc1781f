//! Searching notes as they load: a one-shot search (`munje search` on a
//! folder) searches each note on the loading thread that read it and keeps
//! only the best hits, so it never holds, or indexes, the vault's text.
//!
//! Owns that search; the loader's side is [`crate::vault::Sift`].

use std::cmp::Reverse;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use crate::vault::{Note, NoteIx, Sift, Vault};

use super::fold::fold;
use super::index::SearchIndex;
use super::matcher::SkimScorer;
use super::query::{Query, TermKind};
use super::{Hit, SearchContext};

/// Searches notes one at a time, by indexing each alone: the same matching
/// and the same hit as the whole index gives (a document's matches, score
/// and snippet depend on that document only).
pub struct NoteSieve {
    index: SearchIndex,
    query: Arc<Query>,
    /// The least any note could score from its short fields and text.
    least_ceiling: i64,
}

impl NoteSieve {
    /// A sieve for `query`, or `None` when the query needs what a single
    /// note does not know: the progress store (`is:`) or the note's
    /// questions (`has:`).
    pub fn new(query: Arc<Query>) -> Option<NoteSieve> {
        NoteSieve::applies(&query).then(|| NoteSieve {
            index: SearchIndex::empty(Box::new(SkimScorer::new())),
            least_ceiling: SearchIndex::least_ceiling(&query),
            query,
        })
    }

    /// True when `query` can be searched note by note: it asks nothing of
    /// the progress store (`is:`) or of the notes' questions (`has:`).
    pub fn applies(query: &Query) -> bool {
        !query.terms.iter().any(|t| {
            matches!(
                t.kind,
                TermKind::HasQuestion | TermKind::IsWrong | TermKind::IsDue
            )
        })
    }

    /// The note's hit for the query, if it is one and `worth` accepts its
    /// score and sort key (so a hit that would not be shown costs no
    /// snippet). Its `note` is not yet known (see [`StreamedHits::finish`]).
    ///
    /// Once `worth` turns down what a note could score from its text
    /// alone, a note is first judged by its short fields: one whose fields
    /// cannot lift it high enough is turned down without its text being
    /// folded or scanned, which is most notes of a common word.
    pub fn hit(&mut self, note: &Note, worth: impl Fn(i64, &str) -> bool) -> Option<Hit> {
        let nothing = HashSet::new();
        let ctx = SearchContext {
            wrong: &nothing,
            due: &nothing,
        };
        self.index.hold_outline(note);
        let hopeless = {
            let key = self.index.sort_key();
            !worth(self.least_ceiling, key)
                && self
                    .index
                    .ceiling(&self.query)
                    .is_none_or(|most| !worth(most, key))
        };
        if hopeless {
            return None;
        }
        self.index.hold_text(note);
        let mut hit = self.index.only_hit(&self.query, &ctx, worth)?;
        hit.note = None;
        Some(hit)
    }
}

/// A hit found by a [`NoteSieve`], with where its note is and the key it
/// ranks by.
struct Streamed {
    sort_key: String,
    root: usize,
    hit: Hit,
}

impl Streamed {
    /// Smaller is better: score, then title, then the note's place.
    fn key(&self) -> (Reverse<i64>, &str, usize, &str) {
        (
            Reverse(self.hit.score),
            &self.sort_key,
            self.root,
            &self.hit.path,
        )
    }
}

/// The best hits of notes searched one by one as a vault loads, on any
/// number of loading threads; [`StreamedHits::finish`] adds the vault's
/// bank questions and ranks them all as [`SearchIndex::search`] would.
pub struct StreamedHits {
    limit: usize,
    found: Mutex<Vec<Streamed>>,
}

impl StreamedHits {
    /// Room for the best `limit` hits.
    pub fn new(limit: usize) -> StreamedHits {
        StreamedHits {
            limit,
            found: Mutex::new(Vec::new()),
        }
    }

    /// A load's sift that searches each note for `query` as it is read,
    /// keeps the best hits here, and keeps no note whole.
    pub fn sift(self: &Arc<Self>, query: &Arc<Query>) -> Sift {
        let (query, shared) = (Arc::clone(query), Arc::clone(self));
        Sift::new(move || {
            let mut sieve = NoteSieve::new(Arc::clone(&query));
            let mut mine = Collector {
                shared: Arc::clone(&shared),
                found: Vec::new(),
                bar: None,
            };
            Box::new(move |note: &Note| {
                let hit = sieve.as_mut().and_then(|s| {
                    s.hit(note, |score, key| {
                        mine.worth((Reverse(score), key, note.root, &note.path))
                    })
                });
                if let Some(hit) = hit {
                    mine.offer(note.root, hit);
                }
                false
            })
        })
    }

    /// The best `limit` hits of the streamed notes and of the vault's bank
    /// questions, ranked. The notes must be `vault`'s, which loaded while
    /// they were offered (each hit learns its note's index here).
    pub fn finish(self, vault: &Vault, query: &Query, ctx: &SearchContext<'_>) -> Vec<Hit> {
        let mut found = self
            .found
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        keep_best(&mut found, self.limit);
        // Bank questions are few and link to notes: searched as usual.
        let banks = SearchIndex::build_where(vault, Box::new(SkimScorer::new()), |_| false);
        let mut all: Vec<(i64, String, usize, Hit)> = found
            .into_iter()
            .map(|mut s| {
                let ix = vault
                    .notes
                    .binary_search_by(|n| (n.root, n.path.as_str()).cmp(&(s.root, &s.hit.path)))
                    .ok();
                s.hit.note = ix.map(NoteIx);
                (s.hit.score, s.sort_key, ix.unwrap_or(usize::MAX), s.hit)
            })
            .collect();
        // A bank question ranks after every note on a tie, as it is
        // indexed after them.
        let notes = vault.notes.len();
        all.extend(
            banks
                .search(query, ctx, self.limit)
                .into_iter()
                .enumerate()
                .map(|(i, h)| (h.score, fold(&h.title), notes + i, h)),
        );
        all.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        all.truncate(self.limit);
        all.into_iter().map(|(_, _, _, h)| h).collect()
    }
}

/// One loading thread's best hits, handed to the shared list when the
/// thread is done with it: no lock while notes load.
struct Collector {
    shared: Arc<StreamedHits>,
    found: Vec<Streamed>,
    /// The worst kept key once `limit` hits are kept: nothing ranked at or
    /// below it can be shown.
    bar: Option<(Reverse<i64>, String, usize, String)>,
}

impl Collector {
    fn worth(&self, key: (Reverse<i64>, &str, usize, &str)) -> bool {
        self.bar.as_ref().is_none_or(|(score, title, root, path)| {
            key < (*score, title.as_str(), *root, path.as_str())
        })
    }

    fn offer(&mut self, root: usize, hit: Hit) {
        self.found.push(Streamed {
            sort_key: fold(&hit.title),
            root,
            hit,
        });
        let limit = self.shared.limit;
        if self.found.len() >= 2 * limit.max(8) {
            keep_best(&mut self.found, limit);
            self.bar = self
                .found
                .iter()
                .max_by(|a, b| a.key().cmp(&b.key()))
                .map(|s| {
                    let (score, title, root, path) = s.key();
                    (score, title.to_owned(), root, path.to_owned())
                });
        }
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let mut found = self
            .shared
            .found
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        found.append(&mut self.found);
    }
}

/// Keeps the best `limit` hits, in no particular order.
fn keep_best(found: &mut Vec<Streamed>, limit: usize) {
    if limit == 0 {
        found.clear();
    } else if found.len() > limit {
        found.select_nth_unstable_by(limit - 1, |a, b| a.key().cmp(&b.key()));
        found.truncate(limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Vault;

    fn note(title: &str, body: &str) -> Note {
        Note {
            title: title.into(),
            body: body.into(),
            body_line: 5,
            ..Note::default()
        }
    }

    #[test]
    fn admits_exactly_the_notes_the_whole_index_finds() {
        let notes = vec![
            note("스팟 인스턴스", "## 설명\n\n중단 2분 전 알림\n"),
            note("온디맨드", "## 설명\n\nEMR 코어 노드에는 온디맨드\n"),
            note("EMR 노드", "## 설명\n\n태스크 노드는 스팟으로\n"),
            note("Savings Plans", "## 설명\n\n약정 할인\n"),
        ];
        let vault = Vault {
            notes: notes.clone(),
            ..Vault::default()
        };
        let whole = SearchIndex::build(&vault);
        let none = HashSet::new();
        let ctx = SearchContext {
            wrong: &none,
            due: &none,
        };
        for q in [
            "ㅅㅍ",
            "스팟",
            "tmvkt",
            "emr -스팟",
            "노드 -title:emr",
            "\"2분 전\"",
            "온디맨드 emr",
            "",
            "-약정",
            "없는말",
        ] {
            let query = Arc::new(Query::parse(q));
            let mut sieve = NoteSieve::new(Arc::clone(&query)).expect("a plain query");
            let admitted: Vec<&str> = notes
                .iter()
                .filter(|n| sieve.hit(n, |_, _| true).is_some())
                .map(|n| &*n.title)
                .collect();
            let mut found: Vec<&str> = whole
                .search(&query, &ctx, 50)
                .into_iter()
                .map(|h| &*notes[h.note.expect("a note").0].title)
                .collect();
            found.sort_by_key(|t| notes.iter().position(|n| &*n.title == *t));
            assert_eq!(admitted, found, "{q}");
        }
    }

    #[test]
    fn queries_about_questions_or_progress_cannot_be_sifted() {
        for q in ["has:question", "스팟 is:wrong", "-is:due"] {
            assert!(NoteSieve::new(Arc::new(Query::parse(q))).is_none(), "{q}");
        }
    }
}
