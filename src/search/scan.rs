//! The body scan: finding a word in every document's text, attributing
//! a first occurrence to a question or the body when its score is asked
//! for, and remembering recent results so the next keystroke scans only
//! where the last word was found.
//!
//! Owns substring search over the text buffer; short fields are `short_match`'s.

use std::sync::Arc;

use super::Field;
use super::choseong_find::WordFinder;
use super::index::{Doc, SearchIndex};
use super::query::{Form, Pattern, Variant};
use super::scan_cache::{Found, Occurrence};
use super::term::{Loc, TermMatch};

/// How many remembered occurrences have their text read together before
/// they are narrowed (see [`SearchIndex::touch`]).
const TOUCHED_AHEAD: usize = 16;

/// A word's first occurrence in a document's text, in 8 bytes: a table
/// holds one for each document (see [`TextMatches`]). `at` counts from
/// the start of the document's text, which fits in 32 bits (see
/// `vault::load`); `variant` is the form of the word found. `field` is
/// `None` until the match is attributed to a question or the body; `at`
/// is then where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TextMatch {
    pub at: u32,
    pub variant: u8,
    pub field: Option<Field>,
}

/// Each document's text match of a word (the best of its forms), what
/// each form's match is worth (the same for every document:
/// `quality::text_quality` of the form and its length, so worked out
/// once a word), and each form's finder, to attribute a match when asked.
///
/// A match is attributed to a question part or the body only when its
/// score is needed: that takes reading the document's record and its
/// question parts, and at 100,000 notes a word is in nearly every note
/// while only the few that could reach the hits need their score exact
/// (see `bounded`). An index too small to split its work attributes
/// every match as it scans. A finished word's table is kept from one
/// keystroke to the next (`word_memo`), 0.8 MB at 100,000 notes.
#[derive(Default)]
pub(super) struct TextMatches {
    by_doc: Vec<Option<TextMatch>>,
    quality: Vec<i64>,
    finders: Vec<Option<WordFinder<'static>>>,
}

impl std::fmt::Debug for TextMatches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextMatches")
            .field("by_doc", &self.by_doc)
            .field("quality", &self.quality)
            .finish_non_exhaustive()
    }
}

impl TextMatches {
    /// The least and the most document `d`'s match can score.
    pub(super) fn bounds(&self, d: usize) -> Option<(i64, i64)> {
        self.bounds_of((*self.by_doc.get(d)?)?)
    }

    /// The least and the most a match of this table can score: the same
    /// once attributed, else from the body's weight to a question's.
    pub(super) fn bounds_of(&self, m: TextMatch) -> Option<(i64, i64)> {
        let quality = *self.quality.get(usize::from(m.variant))?;
        Some(match m.field {
            Some(field) => (field.weight() + quality, field.weight() + quality),
            None => (
                Field::Body.weight() + quality,
                Field::Question.weight() + quality,
            ),
        })
    }

    /// Takes the matches out, leaving what attributes and scores them
    /// (see `word_memo::FinishedWord`).
    pub(super) fn take_matches(&mut self) -> Vec<Option<TextMatch>> {
        std::mem::take(&mut self.by_doc)
    }
}

impl SearchIndex {
    /// Each document's best text match of a word: its plain form, its
    /// layout reading when the letters as typed occur nowhere (a guess is
    /// not worth a scan when the word itself is there), and for a word of
    /// two or more initial consonants (ㅅㅍ) its 초성 reading in the body
    /// and the questions.
    pub(super) fn scan(&self, p: &Pattern) -> TextMatches {
        let mut by_doc = vec![None; self.docs.len()];
        let weights: Vec<i64> = p.variants.iter().map(|v| v.form.weight_percent()).collect();
        let mut finders = Vec::with_capacity(p.variants.len());
        let mut found = false;
        for (vi, v) in p.variants.iter().enumerate() {
            let wanted = match v.form {
                Form::Plain => true,
                Form::Layout => !found,
                Form::Choseong => v.exact.is_empty() && v.chars >= 2,
                Form::LayoutChoseong => false,
            };
            let scanned = wanted && !v.text.is_empty();
            let cho = v.form == Form::Choseong;
            finders.push(scanned.then(|| self.word_finder(&v.text, cho).into_owned()));
            if scanned {
                found |= self.scan_variant(v, vi, &weights, &finders, &mut by_doc);
            }
        }
        TextMatches {
            by_doc,
            quality: p
                .variants
                .iter()
                .map(|v| super::quality::text_quality(v.chars, v.form))
                .collect(),
            finders,
        }
    }

    /// Document `d`'s text match of a word, attributed: its field, its
    /// score and where it is shown, in bytes from the start of the
    /// document's text.
    pub(super) fn text_found(&self, table: &TextMatches, d: usize) -> Option<TermMatch> {
        self.text_found_of(table, d, (*table.by_doc.get(d)?)?)
    }

    /// [`SearchIndex::text_found`] of a match of `table` in document `d`
    /// kept elsewhere (see `word_memo::FinishedWord`).
    pub(super) fn text_found_of(
        &self,
        table: &TextMatches,
        d: usize,
        m: TextMatch,
    ) -> Option<TermMatch> {
        let m = self.attributed(d, m, &table.finders);
        let quality = *table.quality.get(usize::from(m.variant))?;
        let field = m.field.unwrap_or(Field::Body);
        Some(TermMatch {
            field,
            score: field.weight() + quality,
            loc: Loc::Text(m.at as usize),
        })
    }

    /// A match in document `d` attributed (see [`SearchIndex::classify`]),
    /// if it was not.
    fn attributed(&self, d: usize, m: TextMatch, finders: &[Option<WordFinder<'_>>]) -> TextMatch {
        let Some(Some(finder)) = finders.get(usize::from(m.variant)) else {
            return m;
        };
        if m.field.is_some() {
            return m;
        }
        let doc = &self.docs[d];
        let start = doc.text.start;
        let (field, at) = self.classify(doc, start + m.at as usize, finder);
        TextMatch {
            at: u32::try_from(at - start).unwrap_or(u32::MAX),
            field: Some(field),
            ..m
        }
    }

    /// Forgets remembered scan results and finished words' field matches,
    /// so the next query starts cold, as after a reload (for benchmarks).
    pub fn forget_recent_scans(&self) {
        if let Ok(mut c) = self.cache.lock() {
            c.forget();
        }
        if let Ok(mut m) = self.word_memo.lock() {
            m.forget();
        }
    }

    /// Scans for form `vi` of a word (the forms weigh `weights`, and
    /// `finders` holds this form's finder and those of the forms scanned
    /// before), keeping in `out` each document's match where it is the
    /// best so far.
    fn scan_variant(
        &self,
        v: &Variant,
        vi: usize,
        weights: &[i64],
        finders: &[Option<WordFinder<'_>>],
        out: &mut [Option<TextMatch>],
    ) -> bool {
        let Some(Some(finder)) = finders.get(vi) else {
            return false;
        };
        let cho = v.form == Form::Choseong;
        let previous = self
            .cache
            .lock()
            .ok()
            .and_then(|c| c.narrowest(cho, &v.text));
        let found: Found = match previous {
            // The same word as a moment ago (the first word while the
            // second is typed): the same documents.
            Some((n, prev)) if n == v.text => prev,
            // Nowhere in the text: nowhere in any document.
            _ if !self.text_may_hold(&v.text, cho) => Arc::new(Vec::new()),
            Some((n, prev)) => {
                // The word holds the remembered one `k` bytes in.
                let k = v.text.find(n.as_str()).unwrap_or(0);
                kept(self.in_parts(prev.len(), |part| {
                    let mut found = Vec::with_capacity(part.len());
                    for batch in prev[part].chunks(TOUCHED_AHEAD) {
                        self.touch(batch);
                        found.extend(batch.iter().filter_map(|&o| self.narrow(o, k, finder)));
                    }
                    found
                }))
            }
            None => kept(self.scan_all(finder)),
        };
        // Attributed now in an index too small to split its work, where
        // nearly every match's score is asked for.
        let now = self.docs.len() < self.split_from;
        let weight = |vi: usize| weights.get(vi).copied().unwrap_or(0);
        for o in found.iter() {
            let d = o.doc as usize;
            let m = TextMatch {
                at: o.first,
                variant: u8::try_from(vi).unwrap_or(u8::MAX),
                field: None,
            };
            let Some(slot) = out.get_mut(d) else {
                continue;
            };
            *slot = Some(match *slot {
                None if now => self.attributed(d, m, finders),
                None => m,
                // Another form was found here too: the better of the two,
                // attributed.
                Some(s) => {
                    let (s, m) = (
                        self.attributed(d, s, finders),
                        self.attributed(d, m, finders),
                    );
                    let rank = |t: &TextMatch| (t.field, -weight(usize::from(t.variant)));
                    if rank(&m) < rank(&s) { m } else { s }
                }
            });
        }
        let any = !found.is_empty();
        if let Ok(mut c) = self.cache.lock() {
            c.remember(cho, &v.text, found);
        }
        any
    }

    /// False when a word cannot occur in the text (`choseong`: in its 초성
    /// form), replaced documents' included; true when it may.
    pub(super) fn text_may_hold(&self, needle: &str, choseong: bool) -> bool {
        let Some(grams) = &self.grams else {
            return true;
        };
        if !choseong {
            return grams.may_hold(needle.as_bytes());
        }
        // The 초성 table is of the build's text alone (it may be made on
        // another thread while notes are replaced): the texts of the
        // documents replaced since are looked at themselves.
        if self
            .overlay
            .segments
            .iter()
            .any(|s| s.choseong.contains(needle))
        {
            return true;
        }
        let table = match self.choseong_grams.get() {
            Some(table) => table,
            // Being made on a thread of its own: the text is scanned
            // meanwhile.
            None if self.choseong_later => {
                self.start_choseong_table();
                return true;
            }
            None => self.choseong_grams.get_or_init(|| {
                super::presence::CharPairs::of_choseong_in_parts(&self.text.folded, self.parts)
            }),
        };
        table.may_hold(needle.as_bytes())
    }

    /// Starts making the table of the text's 초성 pairs on a thread of its
    /// own, so that the first 초성 query does not wait for it (about a
    /// second at 100,000 notes; BENCHMARKS.md, "The word being typed
    /// scored only where it could reach the hits"): until it is made, a
    /// 초성 word is scanned for without it. For an index kept a while, as
    /// the app keeps one.
    pub fn prepare_choseong(&mut self) {
        self.choseong_later = self.grams.is_some();
        if self.choseong_later {
            self.start_choseong_table();
        }
    }

    /// Starts the thread that makes the 초성 table, once (see
    /// [`SearchIndex::prepare_choseong`]); it reads the text on one core,
    /// leaving the other to the keystrokes.
    fn start_choseong_table(&self) {
        if self.choseong_grams.get().is_some()
            || self
                .choseong_started
                .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            return;
        }
        let (table, text) = (Arc::clone(&self.choseong_grams), Arc::clone(&self.text));
        let started = std::thread::Builder::new()
            .name("choseong".into())
            .spawn(move || {
                table.get_or_init(|| {
                    super::presence::CharPairs::of_choseong_in_parts(&text.folded, 1)
                });
            });
        if started.is_err() {
            // No thread: tried again on the next 초성 word, the text
            // scanned meanwhile.
            self.choseong_started
                .store(false, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// One pass of a SIMD substring search over the whole buffer, skipping
    /// to the next document after each first occurrence (the documents in
    /// parts, see `parts`), then over the texts of documents replaced since
    /// the build (their old text in the buffer is skipped).
    fn scan_all(&self, finder: &WordFinder<'_>) -> Vec<Occurrence> {
        let hay = self.text.folded.as_bytes();
        let mut found = self.in_parts(self.starts.len(), |docs| self.scan_docs(hay, finder, docs));
        for seg in &self.overlay.segments {
            if let Some(i) = finder.find(seg.folded.as_bytes()) {
                let start = self.text_start(seg.doc);
                found.push(Occurrence::new(seg.doc, seg.base + i - start));
            }
        }
        found
    }

    /// The first occurrence in each of some documents of the buffer
    /// (numbered as `starts` is), in order. Only the text and the list of
    /// starts are read: no document's record.
    fn scan_docs(
        &self,
        hay: &[u8],
        finder: &WordFinder<'_>,
        docs: std::ops::Range<usize>,
    ) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let Some(&from) = self.starts.get(docs.start) else {
            return found;
        };
        let end = self.starts.get(docs.end).copied().unwrap_or(hay.len());
        let mut pos = from;
        let mut next = docs.start;
        while pos < end {
            let Some(i) = finder.find(&hay[pos..end]) else {
                break;
            };
            let d = self.doc_at_near(pos + i, next);
            next = d + 1;
            if !self.overlay.is_replaced(d) {
                found.push(Occurrence::new(d, pos + i - self.starts[d]));
            }
            pos = self.starts.get(d + 1).copied().unwrap_or(end);
        }
        found
    }

    /// Reads the text where a batch of remembered occurrences first
    /// occur, all at once: each read is a cache miss, and read together
    /// they are waited for together rather than one after the other (see
    /// [`TOUCHED_AHEAD`]).
    fn touch(&self, batch: &[Occurrence]) {
        let text = self.text.folded.as_bytes();
        let mut seen = 0u8;
        for o in batch {
            let at = self.text_start(o.doc as usize) + o.first as usize;
            seen ^= text.get(at).copied().unwrap_or(0);
        }
        std::hint::black_box(seen);
    }

    /// The occurrence in a remembered one's document of a word holding
    /// that one `k` bytes in, if the document has it: no earlier than
    /// that one's first occurrence less `k`. A word typed on (`k` is 0)
    /// is most often where the remembered one is: that is one read of
    /// the text, at one place.
    fn narrow(&self, o: Occurrence, k: usize, finder: &WordFinder<'_>) -> Option<Occurrence> {
        let d = o.doc as usize;
        let start = self.text_start(d);
        let first = start + o.first as usize;
        if k == 0 && finder.starts(self.bytes_from(first, finder.len())) {
            return Some(o);
        }
        let from = first.saturating_sub(k).max(start);
        let i = finder.find(self.bytes_at(from..self.text_end(d)))?;
        Some(Occurrence::new(d, from + i - start))
    }

    /// [`SearchIndex::doc_at`], looked for first in document `likely` (a
    /// scan's next occurrence is most often in the next document).
    pub(super) fn doc_at_near(&self, offset: usize, likely: usize) -> usize {
        let from = self.starts.get(likely).copied();
        let to = self.starts.get(likely + 1).copied().unwrap_or(usize::MAX);
        match from {
            Some(from) if from <= offset && offset < to => likely,
            _ => self.doc_at(offset),
        }
    }

    /// Attributes a first occurrence to a question when one of the
    /// document's question parts holds the word, else to the body.
    /// Returns the field and where the match is shown: the first
    /// occurrence, or the first in a question part after it.
    fn classify(&self, doc: &Doc, at: usize, finder: &WordFinder<'_>) -> (Field, usize) {
        for r in self.question_parts(doc).filter(|r| r.end > at) {
            if r.start <= at {
                return (Field::Question, at);
            }
            if let Some(i) = finder.find(self.bytes_at(r.clone())) {
                return (Field::Question, r.start + i);
            }
        }
        (Field::Body, at)
    }
}

/// A scan's occurrences as remembered: without the room their list grew
/// into (up to half again, a megabyte at 100,000 notes), as the memory
/// keeps them after the keystroke.
fn kept(mut found: Vec<Occurrence>) -> Found {
    found.shrink_to_fit();
    Arc::new(found)
}

#[cfg(test)]
#[path = "scan_tests.rs"]
mod tests;
