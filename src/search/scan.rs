//! The body scan: finding a word in every document's text, attributing
//! each first occurrence to a question or the body, and remembering recent
//! results so the next keystroke scans only where the last word was found.
//!
//! Owns substring search over the text buffer; short fields are `short_match`'s.

use std::sync::Arc;

use super::Field;
use super::choseong_find::WordFinder;
use super::index::{Doc, SearchIndex};
use super::query::{Form, Pattern, Variant};
use super::scan_cache::{Found, Occurrence};

/// How many remembered occurrences have their text read together before
/// they are narrowed (see [`SearchIndex::touch`]).
const TOUCHED_AHEAD: usize = 16;

/// A word's first occurrence in a document's text, in 8 bytes: a table
/// holds one for each document (see [`TextMatches`]). `at` counts from
/// the start of the document's text, which fits in 32 bits (see
/// `vault::load`); `variant` is the form of the word found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextMatch {
    at: u32,
    field: Field,
    variant: u8,
}

/// Each document's text match of a word (the best of its forms), and
/// what each form's match is worth: the same for every document
/// (`quality::text_quality` of the form and its length), so worked out
/// once a word. A finished word's is kept from one keystroke to the next
/// (`word_memo`), 0.8 MB at 100,000 notes, where the scan's occurrences
/// took 2.4 MB.
#[derive(Debug, Default)]
pub(super) struct TextMatches {
    by_doc: Vec<Option<TextMatch>>,
    quality: Vec<i64>,
}

impl TextMatches {
    /// Document `d`'s match: its field, its quality and where it is shown,
    /// in bytes from the start of the document's text.
    pub(super) fn get(&self, d: usize) -> Option<(Field, i64, usize)> {
        let m = (*self.by_doc.get(d)?)?;
        let quality = *self.quality.get(usize::from(m.variant))?;
        Some((m.field, quality, m.at as usize))
    }
}

impl SearchIndex {
    /// Each document's best text match of a word: its plain form, its
    /// layout reading when the letters as typed occur nowhere (a guess is
    /// not worth a scan when the word itself is there), and for a word of
    /// two or more initial consonants (ㅅㅍ) its 초성 reading in the body
    /// and the questions.
    pub(super) fn scan(&self, p: &Pattern) -> TextMatches {
        let mut out = TextMatches {
            by_doc: vec![None; self.docs.len()],
            quality: p
                .variants
                .iter()
                .map(|v| super::quality::text_quality(v.chars, v.form))
                .collect(),
        };
        let weights: Vec<i64> = p.variants.iter().map(|v| v.form.weight_percent()).collect();
        let mut found = false;
        for (vi, v) in p.variants.iter().enumerate() {
            let wanted = match v.form {
                Form::Plain => true,
                Form::Layout => !found,
                Form::Choseong => v.exact.is_empty() && v.chars >= 2,
                Form::LayoutChoseong => false,
            };
            if wanted && !v.text.is_empty() {
                found |= self.scan_variant(v, vi, &weights, &mut out.by_doc);
            }
        }
        out
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

    /// Scans for form `vi` of a word (the forms weigh `weights`), keeping
    /// in `out` each document's match where it is the best so far.
    fn scan_variant(
        &self,
        v: &Variant,
        vi: usize,
        weights: &[i64],
        out: &mut [Option<TextMatch>],
    ) -> bool {
        let cho = v.form == Form::Choseong;
        let finder = self.word_finder(&v.text, cho);
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
                        if k == 0 {
                            self.touch(batch);
                        }
                        found.extend(batch.iter().filter_map(|o| self.narrow(o, k, &finder)));
                    }
                    found
                }))
            }
            None => kept(self.scan_all(&finder)),
        };
        let weight = |vi: usize| weights.get(vi).copied().unwrap_or(0);
        let main = self.text.folded.len();
        for o in found.iter() {
            let d = o.doc as usize;
            // A document replaced since the build is found in its new
            // text alone (see `overlay`), which its record locates.
            let start = match self.starts.get(d) {
                Some(&start) if o.first < main => start,
                _ => self.docs[d].text.start,
            };
            let m = TextMatch {
                at: u32::try_from(o.at() - start).unwrap_or(u32::MAX),
                field: o.field,
                variant: u8::try_from(vi).unwrap_or(u8::MAX),
            };
            let Some(slot) = out.get_mut(d) else {
                continue;
            };
            let better = slot.is_none_or(|s| {
                (m.field, -weight(vi)) < (s.field, -weight(usize::from(s.variant)))
            });
            if better {
                *slot = Some(m);
            }
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
                let doc = &self.docs[seg.doc];
                let (field, at, end) = self.classify(doc, seg.base + i, finder, 0);
                found.push(Occurrence::new(seg.doc, seg.base + i, field, at, end));
            }
        }
        found
    }

    /// The first occurrence in each of some documents of the buffer
    /// (numbered as `starts` is), in order.
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
        let mut touched = docs.start;
        while pos < end {
            if next + TOUCHED_AHEAD / 2 >= touched {
                touched = self.touch_docs(touched..(touched + TOUCHED_AHEAD).min(docs.end));
            }
            let Some(i) = finder.find(&hay[pos..end]) else {
                break;
            };
            let d = self.doc_at_near(pos + i, next);
            next = d + 1;
            if self.replaced_text(d) {
                pos = self.starts.get(d + 1).copied().unwrap_or(end);
            } else {
                let doc = &self.docs[d];
                let (field, at, end) = self.classify(doc, pos + i, finder, 0);
                found.push(Occurrence::new(d, pos + i, field, at, end));
                pos = doc.text.end.max(pos + i + 1);
            }
        }
        found
    }

    /// Reads the text where a batch of remembered occurrences are shown
    /// and first occur, all at once: each read is a cache miss, and read
    /// together they are waited for together rather than one after the
    /// other (see [`TOUCHED_AHEAD`]).
    fn touch(&self, batch: &[Occurrence]) {
        let text = self.text.folded.as_bytes();
        let mut seen = 0u8;
        for o in batch {
            seen ^= text.get(o.first).copied().unwrap_or(0);
            seen ^= text.get(o.at()).copied().unwrap_or(0);
        }
        std::hint::black_box(seen);
    }

    /// Reads the start of some documents' texts and of their first
    /// question parts, all at once (see [`SearchIndex::touch`]); returns
    /// the end of `docs`.
    fn touch_docs(&self, docs: std::ops::Range<usize>) -> usize {
        let text = self.text.folded.as_bytes();
        let mut seen = 0u8;
        for d in docs.clone() {
            let doc = &self.docs[d];
            seen ^= text.get(doc.text.start).copied().unwrap_or(0);
            if let Some(r) = self.question_parts(doc).next() {
                seen ^= text.get(r.start).copied().unwrap_or(0);
            }
        }
        std::hint::black_box(seen);
        docs.end
    }

    /// The occurrence in a remembered one's document of a word holding
    /// that one `k` bytes in, if the document has it: no earlier than
    /// that one's first occurrence less `k`, and attributed no earlier
    /// than that one's attribution less `k`.
    fn narrow(&self, o: &Occurrence, k: usize, finder: &WordFinder<'_>) -> Option<Occurrence> {
        if k == 0
            && let Some(kept) = self.kept_in_place(o, finder)
        {
            return Some(kept);
        }
        let d = o.doc as usize;
        let doc = &self.docs[d];
        let from = o.first.saturating_sub(k).max(doc.text.start);
        let first = from + finder.find(self.bytes_at(from..doc.text.end))?;
        let (field, at, end) = if o.field == Field::Body {
            self.classify_after_body(doc, first)
        } else {
            self.classify(doc, first, finder, o.at().saturating_sub(k))
        };
        Some(Occurrence::new(d, first, field, at, end))
    }

    /// The occurrence of a word that starts with the remembered one, when
    /// it is where that one first occurred (a word typed on) and its
    /// attribution follows from that one's: the same place in the body,
    /// the same place in a question part, or a question part that holds
    /// the longer word where it held the remembered one. Typing on, this
    /// is nearly every document, and each then costs a read of its text
    /// at one or two places, with neither its record nor its question
    /// parts read (BENCHMARKS.md, "Narrowed scans read in place").
    fn kept_in_place(&self, o: &Occurrence, finder: &WordFinder<'_>) -> Option<Occurrence> {
        let (first, at, end) = (o.first, o.at(), o.part_end());
        let starts_at = |at: usize| finder.starts(self.bytes_from(at, finder.len()));
        if !starts_at(first) {
            return None;
        }
        let holds = match o.field {
            Field::Body => true,
            _ if at == first => true,
            _ => at + finder.len() <= end && starts_at(at),
        };
        holds.then(|| Occurrence::new(o.doc as usize, first, o.field, at, end))
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

    /// [`SearchIndex::classify`] of a word holding a remembered one that
    /// was attributed to the body: no question part after that one's
    /// first occurrence holds it whole, so none holds the longer word
    /// whole either, and only where the word starts is left to look at.
    fn classify_after_body(&self, doc: &Doc, at: usize) -> (Field, usize, usize) {
        match self
            .question_parts(doc)
            .find(|r| r.start <= at && at < r.end)
        {
            Some(r) => (Field::Question, at, r.end),
            None => (Field::Body, at, at),
        }
    }

    /// Attributes a first occurrence to a question when one of the
    /// document's question parts holds the word, else to the body. The
    /// word is known not to lie whole in a question part before `floor`
    /// (the parts are in order and apart): a word holding a remembered
    /// one `k` bytes in lies no earlier than that one's attribution less
    /// `k`. Returns the field, where the match is shown, and where the
    /// question part holding it ends (`at` for the body).
    fn classify(
        &self,
        doc: &Doc,
        at: usize,
        finder: &WordFinder<'_>,
        floor: usize,
    ) -> (Field, usize, usize) {
        for r in self.question_parts(doc).filter(|r| r.end > at) {
            if r.start <= at {
                return (Field::Question, at, r.end);
            }
            let from = r.start.max(floor);
            if from < r.end
                && let Some(i) = finder.find(self.bytes_at(from..r.end))
            {
                return (Field::Question, from + i, r.end);
            }
        }
        (Field::Body, at, at)
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
