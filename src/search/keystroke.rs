//! What a keystroke does differently on a large index: its work split
//! between threads (`parts`), the short-field matches of the words
//! already typed taken from memory (`word_memo`), and the word being
//! typed scored, and text matches attributed to a question or the body,
//! only where a document could reach the hits (`bounded`). Each gives
//! exactly what the simple path gives (`word_memo_tests`,
//! `bounded_tests`).
//!
//! Owns the first two paths' use by the index; the splitting is `parts`',
//! the memory `word_memo`'s, the bounds `bounded`'s.

use std::ops::Range;
use std::sync::Arc;

use super::index::SearchIndex;
use super::query::Pattern;
use super::shared::SharedScores;
use super::term::{Scope, TermMatch};
use super::word_memo::{Finished, FinishedWord, ShortBest, WordMatch, key};

impl SearchIndex {
    /// `work` over `0..n` as [`super::parts::in_parts`] splits it for this
    /// index: on one thread unless the index is large.
    pub(super) fn in_parts<T: Send>(
        &self,
        n: usize,
        work: impl Fn(Range<usize>) -> Vec<T> + Sync,
    ) -> Vec<T> {
        super::parts::in_parts(n, self.parts, self.split_from, work)
    }

    /// Splits this index's keystroke work into `parts` from two items on,
    /// whatever its size: how the tests compare the split work with the
    /// work on one thread.
    #[cfg(test)]
    pub(super) fn split_in(&mut self, parts: usize) {
        self.parts = parts;
        self.split_from = 2;
    }

    /// Every document's best short-field match of a finished word, and its
    /// text matches when it is looked for in the text (see `word_memo`),
    /// remembered or worked out now, the documents in parts.
    pub(super) fn finished_word(&self, scope: Scope, p: &Pattern) -> Finished {
        let key = key(scope, p);
        if let Some(found) = self.word_memo.lock().ok().and_then(|mut m| m.get(&key)) {
            return found;
        }
        let bests = self.in_parts(self.docs.len(), |docs| {
            let mut shared = SharedScores::new(1, self.shared_texts);
            docs.map(|d| ShortBest::of(self.best_short(d, scope, p, Some((&mut shared, 0)))))
                .collect()
        });
        let text = matches!(scope, Scope::Word | Scope::Phrase).then(|| self.scan(p));
        let found = Arc::new(FinishedWord::new(&bests, text));
        if let Ok(mut m) = self.word_memo.lock() {
            m.remember(key, Arc::clone(&found));
        }
        found
    }

    /// A finished word's match in document `d`, its text match attributed
    /// (see `scan::TextMatches`).
    pub(super) fn finished_match(&self, w: &FinishedWord, d: usize) -> Option<TermMatch> {
        match w.get(d)? {
            WordMatch::Short(b) => Some(b.term_match()),
            WordMatch::Text(m) => self.text_found_of(w.text()?, d, m),
        }
    }

    /// The least and the most a finished word's match in document `d`
    /// can score, without attributing a text match.
    pub(super) fn finished_bounds(w: &FinishedWord, d: usize) -> Option<(i64, i64)> {
        match w.get(d)? {
            WordMatch::Short(b) => {
                let score = b.term_match().score;
                Some((score, score))
            }
            WordMatch::Text(m) => w.text()?.bounds_of(m),
        }
    }
}
