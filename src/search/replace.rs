//! Replacing one note of a built index in place, at the cost of that note:
//! what a live reload needs when a single note was edited.
//!
//! The build's text buffer and short fields stay as they are. A replaced
//! document's new text lives in a small segment of its own, addressed past
//! the end of the buffer as if appended to it, so every byte offset the
//! engine keeps (matches, question parts, snippets) still names one place;
//! its old text in the buffer is skipped by the scan. Its new short fields
//! are numbered past the build's. When the note's question count changes,
//! the vault's questions after it move; the index records the move and
//! applies it when it names a question (a hit, a line, a progress id), so
//! no other document is touched. The next full build starts clean.
//!
//! Owns the replacement and the lookups that see through it; what is kept
//! is `overlay`'s, building `index`'s, matching `engine`'s and `scan`'s.

use std::ops::Range;
use std::sync::Arc;

use crate::vault::{Note, NoteIx, QuestionId, QuestionIx, QuestionOrigin, Vault};

use super::Field;
use super::hangul::choseong_form;
use super::index::{Doc, SearchIndex, append, numbered};
use super::matcher::SkimScorer;
use super::overlay::Segment;
use super::short::ShortField;
use crate::text::fold::fold_keeping_copy;

/// What [`SearchIndex::replace_note`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    /// The note (and the bank questions naming it) were replaced in place.
    InPlace,
    /// The vault did not look like the indexed one with that note edited
    /// (another note count, a note index past the end, questions not where
    /// the index expects them): the index is to be built again from the
    /// vault, off the UI thread (seconds at 100,000 notes). Until then it
    /// is the index of the vault as it was, or, when that was found out
    /// only part way through the replacement, an empty index: never one
    /// half replaced.
    Stale,
}

impl SearchIndex {
    /// Replaces note `ix` with its new content in `vault`, the vault this
    /// index was built from (or last updated with) after that one note was
    /// edited in place: same [`NoteIx`], same notes before and after it;
    /// its questions replaced where they were in [`Vault::questions`], the
    /// questions after them moved up or down by the change in its question
    /// count, and [`Note::questions`] and the banks renumbered to match.
    /// Bank questions that name the note, before or after the edit, are
    /// re-read from the vault too (their note title, heading and tags may
    /// have changed with it).
    ///
    /// Costs about as much as indexing the note alone (plus a glance at
    /// each bank question), whatever the vault's size. Every search after
    /// it gives exactly the hits, scores, order and snippets of a fresh
    /// [`SearchIndex::build`] of `vault`. Should the vault not fit that
    /// description, [`Replaced::Stale`] says the index is to be built
    /// again; it is not built here, where the caller would wait for it.
    /// Replacements pile up in a small side part until the next full build.
    pub fn replace_note(&mut self, vault: &Vault, ix: NoteIx) -> Replaced {
        let Some(note) = self.replaceable(vault, ix) else {
            return Replaced::Stale;
        };
        // Checked before anything changes: a failure leaves the index whole.
        if self.renumber(vault, note, ix).is_none() {
            return Replaced::Stale;
        }
        if self.install_note(vault, note, ix).is_none() {
            // Found out part way: nothing half replaced is searched.
            let scorer = std::mem::replace(&mut self.scorer, Box::new(SkimScorer::new()));
            *self = SearchIndex::empty(scorer);
            return Replaced::Stale;
        }
        self.forget_recent_scans();
        Replaced::InPlace
    }

    /// Note `ix` of `vault`, when it is where this index has it.
    fn replaceable<'v>(&self, vault: &'v Vault, ix: NoteIx) -> Option<&'v Note> {
        let note = vault.notes.get(ix.0)?;
        let old = self.docs.get(ix.0)?;
        let same = vault.notes.len() == self.overlay.notes
            && old.note == Some(ix)
            && old.bank_question.is_none();
        same.then_some(note)
    }

    /// Indexes the note anew in its place, and the bank questions that
    /// name it, before or after the edit.
    fn install_note(&mut self, vault: &Vault, note: &Note, ix: NoteIx) -> Option<()> {
        let mut one = SearchIndex::empty(Box::new(SkimScorer::new()));
        one.add_note(note, &vault.body(note), ix);
        self.install(ix.0, one, vault);
        for d in self.overlay.notes..self.docs.len() {
            let doc = &self.docs[d];
            let named_before = doc.note == Some(ix);
            let qix = self.question_now(doc, doc.bank_question?);
            let q = vault.questions.get(qix.0)?;
            let QuestionOrigin::Bank(bank) = q.origin else {
                return None;
            };
            if named_before || q.note == Some(ix) {
                let mut one = SearchIndex::empty(Box::new(SkimScorer::new()));
                one.add_bank_question(vault, qix, bank);
                self.install(d, one, vault);
            }
        }
        Some(())
    }

    /// Records how the note's new question count moves the questions
    /// after it, after checking the vault agrees with the index about
    /// where the note's questions are.
    fn renumber(&mut self, vault: &Vault, note: &Note, ix: NoteIx) -> Option<()> {
        let old = &self.docs[ix.0];
        let old_first = self
            .questions_of(old)
            .first()
            .map(|&q| self.question_now(old, q));
        let (old_n, new_n) = (old.questions.len(), note.questions.len());
        let new_first = note.questions.first().map(|q| q.0);
        let in_a_row = note
            .questions
            .iter()
            .enumerate()
            .all(|(k, q)| Some(q.0) == new_first.map(|f| f + k));
        let delta = isize::try_from(new_n).ok()? - isize::try_from(old_n).ok()?;
        let expected = self.overlay.questions.checked_add_signed(delta)?;
        if !in_a_row || vault.questions.len() != expected {
            return None;
        }
        let start = match (old_first, new_first) {
            (Some(o), Some(n)) if o.0 != n => return None,
            (Some(o), _) => o.0,
            (None, Some(n)) => n,
            (None, None) => return Some(()),
        };
        if delta != 0 {
            self.overlay.renumbered.push((start + old_n, delta));
        }
        self.overlay.questions = expected;
        Some(())
    }

    /// Puts the one document `one` holds in place of document `d`.
    fn install(&mut self, d: usize, one: SearchIndex, vault: &Vault) {
        let SearchIndex {
            mut docs,
            shorts,
            short_masks,
            text,
            regions,
            doc_questions,
            ..
        } = one;
        let mut folded = Arc::try_unwrap(text).map_or_else(|t| t.folded.clone(), |t| t.folded);
        let Some(mut doc) = docs.pop() else {
            return;
        };
        let main = self.text.folded.len();
        let old_start = self.docs[d].text.start;
        if old_start >= main {
            self.overlay.segments.retain(|s| s.base != old_start);
        }
        let originals = fold_keeping_copy(&mut folded, String::new());
        let base = main + self.overlay.used;
        self.overlay.used += folded.len();
        doc.text = doc.text.start + base..doc.text.end + base;
        // Its question parts, from the start of its text, as they were.
        let own = numbered(&regions, &doc.regions);
        doc.regions = append(&mut self.regions, own.iter().copied());
        let questions = numbered(&doc_questions, &doc.questions);
        doc.questions = append(&mut self.doc_questions, questions.iter().copied());
        let first = self.shorts.len() + self.replaced_shorts.len();
        doc.shorts = first..first + shorts.len();
        self.short_masks.extend_from_slice(&short_masks);
        if let Some(numbers) = self.doc_short_numbers.get_mut(d) {
            *numbers = super::index::short_numbers(&doc.shorts);
        }
        if let Some(masks) = self.doc_masks.get_mut(d) {
            *masks = super::index::masks_of(&short_masks);
        }
        self.replaced_shorts.append(&shorts);
        doc.epoch = u32::try_from(self.overlay.renumbered.len()).unwrap_or(u32::MAX);
        doc.own_questions = Some(
            self.questions_of(&doc)
                .iter()
                .map(|q| {
                    let q = vault.question(*q);
                    (q.id.clone(), q.line)
                })
                .collect(),
        );
        if let Some(g) = &mut self.grams {
            g.add(folded.as_bytes());
        }
        // Its 초성 form is looked at itself (see `text_may_hold`).
        let choseong = choseong_form(&folded);
        self.overlay.segments.push(Segment {
            base,
            doc: d,
            choseong,
            folded,
            originals,
        });
        self.docs[d] = doc;
        self.overlay.mark_replaced(d);
        if let Some(place) = self.title_order.get_mut(d) {
            *place = super::rank::UNPLACED;
        }
    }

    /// Where a question a document recorded is in the vault now.
    pub(super) fn question_now(&self, doc: &Doc, recorded: QuestionIx) -> QuestionIx {
        QuestionIx(self.overlay.moved(doc.epoch, recorded.0))
    }

    /// The id of a document's `k`-th question.
    pub(super) fn question_id<'a>(&'a self, doc: &'a Doc, k: usize) -> &'a QuestionId {
        match &doc.own_questions {
            Some(own) => &own[k].0,
            None => &self.question_ids[self.questions_of(doc)[k].0],
        }
    }

    /// The file line of a document's `k`-th question.
    pub(super) fn question_line(&self, doc: &Doc, k: usize) -> usize {
        match &doc.own_questions {
            Some(own) => own[k].1,
            None => self.question_lines[self.questions_of(doc)[k].0],
        }
    }

    /// The ids of a document's questions.
    pub(super) fn question_ids_of<'a>(
        &'a self,
        doc: &'a Doc,
    ) -> impl Iterator<Item = &'a QuestionId> + 'a {
        (0..doc.questions.len()).map(move |k| self.question_id(doc, k))
    }

    /// A document's short fields, best field first.
    pub(super) fn doc_shorts<'a>(
        &'a self,
        doc: &Doc,
    ) -> impl Iterator<Item = ShortField<'a>> + use<'a> {
        doc.shorts.clone().map(|i| self.short(i))
    }

    /// A short field by number.
    pub(super) fn short(&self, i: usize) -> ShortField<'_> {
        let masks = self.short_masks[i];
        match i.checked_sub(self.shorts.len()) {
            Some(o) => self.replaced_shorts.get(o, masks),
            None => self.shorts.get(i, masks),
        }
    }

    /// The kind of short field `i` (see [`SearchIndex::short`]), without
    /// reading its texts.
    pub(super) fn short_kind(&self, i: usize) -> Field {
        match i.checked_sub(self.shorts.len()) {
            Some(o) => self.replaced_shorts.field(o),
            None => self.shorts.field(i),
        }
    }

    /// Part of the folded text, by offsets that may lie in the buffer or
    /// in a replaced document's segment.
    pub(super) fn folded_at(&self, range: Range<usize>) -> &str {
        let main = self.text.folded.len();
        if range.start < main || self.overlay.segments.is_empty() {
            return &self.text.folded[range];
        }
        match self.overlay.segment(range.start) {
            Some(s) => &s.folded[range.start - s.base..range.end - s.base],
            None => "",
        }
    }

    /// [`SearchIndex::folded_at`] as bytes, from any byte on (a search
    /// may start inside a character).
    pub(super) fn bytes_at(&self, range: Range<usize>) -> &[u8] {
        let main = self.text.folded.len();
        if range.start < main || self.overlay.segments.is_empty() {
            return &self.text.folded.as_bytes()[range];
        }
        match self.overlay.segment(range.start) {
            Some(s) => &s.folded.as_bytes()[range.start - s.base..range.end - s.base],
            None => &[],
        }
    }

    /// Up to `len` bytes of the folded text from `at` on, fewer where the
    /// buffer or a replaced document's segment ends: enough to tell
    /// whether a word starts there without knowing whose text it is (no
    /// word holds the separator between documents).
    pub(super) fn bytes_from(&self, at: usize, len: usize) -> &[u8] {
        let main = self.text.folded.len();
        let within = |bytes: &'_ [u8], at: usize| -> (usize, usize) {
            let from = at.min(bytes.len());
            (from, at.saturating_add(len).min(bytes.len()))
        };
        if at < main || self.overlay.segments.is_empty() {
            let bytes = self.text.folded.as_bytes();
            let (from, to) = within(bytes, at);
            return &bytes[from..to];
        }
        match self.overlay.segment(at) {
            Some(s) => {
                let bytes = s.folded.as_bytes();
                let (from, to) = within(bytes, at - s.base);
                &bytes[from..to]
            }
            None => &[],
        }
    }

    /// Part of the indexed text as written (before folding).
    pub(super) fn original(&self, range: Range<usize>) -> String {
        if range.start < self.text.folded.len() {
            return self.text.originals.restore(&self.text.folded, range);
        }
        match self.overlay.segment(range.start) {
            Some(s) => s
                .originals
                .restore(&s.folded, range.start - s.base..range.end - s.base),
            None => String::new(),
        }
    }

    /// Where document `d`'s text starts: in the buffer, or in its
    /// segment when it was replaced (see `overlay`). Read from the list of
    /// starts, not from the document's record, for a document not
    /// replaced.
    pub(super) fn text_start(&self, d: usize) -> usize {
        if self.overlay.is_replaced(d) {
            self.docs[d].text.start
        } else {
            self.starts[d]
        }
    }

    /// Where document `d`'s text ends, or (for one not replaced) where the
    /// next document's starts: no word holds the separator between them,
    /// so a search up to either finds the same.
    pub(super) fn text_end(&self, d: usize) -> usize {
        if self.overlay.is_replaced(d) {
            self.docs[d].text.end
        } else {
            self.starts
                .get(d + 1)
                .copied()
                .unwrap_or(self.text.folded.len())
        }
    }
}

#[cfg(test)]
#[path = "replace_tests.rs"]
pub(super) mod tests;
