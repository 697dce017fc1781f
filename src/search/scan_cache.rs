//! Recent body-scan results, remembered by needle so the next keystroke
//! scans only where the last word was found.
//!
//! Owns the memory only; the scan itself is `scan`'s.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// Needles remembered: enough for the word being typed a few keystrokes
/// back (스 → 슾 → 스파 skips one), and the word before it while the
/// next is begun. The finished words' matches are kept by `word_memo`,
/// not made again from their occurrences here. Each needle may hold an
/// occurrence for nearly every document (0.8 MB at 100,000 notes, 2.4 MB
/// when these figures were taken): with sixteen, a query of six words
/// typed key by key took the app to 2.10× its vault's bytes
/// (BENCHMARKS.md, "Keystrokes that read less per document"); eight left
/// it at 2.07× ("Finished words' text matches kept with their fields").
const CACHE_NEEDLES: usize = 4;

/// A word in one document: where it first occurs, in bytes from the
/// start of the document's text (see `SearchIndex::text_start`), from
/// which a longer word holding it is looked for. Kept in 8 bytes: a
/// keystroke at 100,000 notes remembers 100,000 of these for each word
/// typed. Whether a question holds the word is asked only of the few
/// documents whose score needs it (see `scan`). A document's text fits
/// in 32 bits (files are read up to `u32::MAX` bytes, see `vault::load`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occurrence {
    pub doc: u32,
    pub first: u32,
}

impl Occurrence {
    /// The word in document `doc`, first `first` bytes into its text.
    pub(super) fn new(doc: usize, first: usize) -> Self {
        Occurrence {
            doc: u32::try_from(doc).unwrap_or(u32::MAX),
            first: u32::try_from(first).unwrap_or(u32::MAX),
        }
    }
}

/// The documents holding a word.
pub(super) type Found = Arc<Vec<Occurrence>>;

/// Recent scan results by needle. A text holding a word holds every part
/// of it, so a needle's documents lie within those of any remembered
/// needle it contains: typing `spark` after `spar` looks only where `spar`
/// was. Exact, never a guess.
/// Needles searched in the text's 초성 form are remembered apart from
/// those searched in the text itself (ㅅㅍ typed as is, and ㅅㅍ as
/// initials).
#[derive(Debug, Default)]
pub(super) struct ScanCache {
    recent: VecDeque<(bool, String, Found)>,
}

impl ScanCache {
    /// The longest remembered needle inside `needle`, with its results.
    pub(super) fn narrowest(&self, cho: bool, needle: &str) -> Option<(String, Found)> {
        self.recent
            .iter()
            .filter(|(c, n, _)| *c == cho && needle.contains(n.as_str()))
            .max_by_key(|(_, n, _)| n.len())
            .map(|(_, n, f)| (n.clone(), Arc::clone(f)))
    }

    /// Forgets every remembered needle.
    pub(super) fn forget(&mut self) {
        self.recent.clear();
    }

    /// Remembers a needle's results, forgetting the oldest past
    /// [`CACHE_NEEDLES`].
    pub(super) fn remember(&mut self, cho: bool, needle: &str, found: Found) {
        self.recent.retain(|(c, n, _)| *c != cho || n != needle);
        if self.recent.len() == CACHE_NEEDLES {
            self.recent.pop_front();
        }
        self.recent.push_back((cho, needle.to_owned(), found));
    }
}

/// The cache behind a lock, so a shared index can be searched from any
/// thread; a poisoned lock only means scanning in full.
pub(super) type SharedCache = Mutex<ScanCache>;
