//! What a keystroke does differently on a large index: its work split
//! between threads (`parts`), the short-field matches of the words
//! already typed taken from memory (`word_memo`), and the word being typed
//! scored, and text matches attributed to a question or the body, only
//! where a document could reach the hits (`bounded`). Each
//! gives exactly what the simple path gives (`word_memo_tests`,
//! `bounded_tests`).
//!
//! Owns the first two paths' use by the index; the splitting is `parts`',
//! the memory `word_memo`'s, the bounds `bounded`'s.

use std::ops::Range;
use std::sync::Arc;

use super::index::SearchIndex;
use super::query::Pattern;
use super::shared::SharedScores;
use super::term::Scope;
use super::word_memo::{Finished, ShortBest, key};

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
        let bests = Arc::new(self.in_parts(self.docs.len(), |docs| {
            let mut shared = SharedScores::new(1, self.shared_texts);
            docs.map(|d| ShortBest::of(self.best_short(d, scope, p, Some((&mut shared, 0)))))
                .collect()
        }));
        let text = matches!(scope, Scope::Word | Scope::Phrase).then(|| Arc::new(self.scan(p)));
        let found = (bests, text);
        if let Ok(mut m) = self.word_memo.lock() {
            m.remember(key, found.clone());
        }
        found
    }
}
