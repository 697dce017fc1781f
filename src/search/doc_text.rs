//! Where the index's text comes from. A loaded vault keeps every note body
//! and bank question text once, folded, in `Vault::texts` (see
//! `vault::Body`); the index scans that text where it lies and keeps none
//! of its own. A vault that does not hold its text whole (one built by
//! hand, or with a note edited since the load) is copied and folded here
//! instead: the simple path, which the shared one is tested against.
//!
//! Sharing took the index's copy of the text (311 MB at 100,000 notes)
//! out of the app's peak memory (BENCHMARKS.md, "One copy of the text").
//!
//! Owns which text an index scans and each document's place in it; the
//! documents' fields are `index`'s.

use std::ops::Range;
use std::sync::Arc;

use crate::text::fold::{FoldedText, fold};
use crate::vault::{Body, NoteIx, QuestionIx, QuestionOrigin, Vault};

use super::index::{Docs, SEPARATOR, SearchIndex};

impl SearchIndex {
    /// Adds the vault's documents: on its own text when it holds it whole,
    /// else on a folded copy.
    pub(super) fn add_documents(&mut self, vault: &Vault, docs: Docs) {
        let shared = (docs == Docs::NotesAndBanks)
            .then(|| bank_places(vault))
            .flatten();
        match shared {
            Some(banks) => self.add_shared(vault, &banks),
            None => self.add_own(vault, docs),
        }
    }

    /// The documents on the vault's own text.
    fn add_shared(&mut self, vault: &Vault, banks: &[(QuestionIx, usize, Range<usize>)]) {
        self.text = Arc::clone(&vault.texts);
        for (i, note) in vault.notes.iter().enumerate() {
            let Body::Shared(range) = &note.body else {
                continue;
            };
            let line = shared_heading_line(&vault.texts, note, range);
            self.add_note_fields(note, NoteIx(i), line, range.start);
            self.set_note_text(note, range.clone());
        }
        for (qix, bank, range) in banks {
            self.add_bank_fields(vault, *qix, *bank, range.clone());
        }
    }

    /// The documents on a copy of their text, folded here.
    fn add_own(&mut self, vault: &Vault, docs: Docs) {
        let text_len: usize = vault.notes.iter().map(|n| n.body.len() + 1).sum();
        Arc::make_mut(&mut self.text).folded.reserve_exact(text_len);
        if docs == Docs::NotesAndBanks {
            for (i, note) in vault.notes.iter().enumerate() {
                self.add_note(note, &vault.body(note), NoteIx(i));
            }
        }
        for (i, q) in vault.questions.iter().enumerate() {
            if let QuestionOrigin::Bank(b) = q.origin {
                self.add_bank_question(vault, QuestionIx(i), b);
            }
        }
        let text = Arc::make_mut(&mut self.text);
        text.originals = crate::text::fold::fold_in_place(&mut text.folded);
    }
}

/// Each bank question of the vault, in the vault's order, with its bank
/// and its text's place in `Vault::texts`, when the vault holds every
/// document's text there in document order (notes, then bank questions,
/// each followed by the separator); `None` when it does not.
fn bank_places(vault: &Vault) -> Option<Vec<(QuestionIx, usize, Range<usize>)>> {
    let text = vault.texts.folded.as_bytes();
    let mut end = 0;
    let mut next = |r: &Range<usize>| {
        let fits = end <= r.start && text.get(r.end) == Some(&(SEPARATOR as u8));
        end = r.end + 1;
        fits
    };
    for note in &vault.notes {
        match &note.body {
            Body::Shared(range) if next(range) => {}
            _ => return None,
        }
    }
    let mut taken = vec![0; vault.banks.len()];
    let mut banks = Vec::new();
    for (i, q) in vault.questions.iter().enumerate() {
        let QuestionOrigin::Bank(b) = q.origin else {
            continue;
        };
        let bank = vault.banks.get(b)?;
        let k = taken[b];
        taken[b] += 1;
        let range = bank.texts.get(k)?;
        if bank.questions.get(k) != Some(&QuestionIx(i)) || !next(range) {
            return None;
        }
        banks.push((QuestionIx(i), b, range.clone()));
    }
    Some(banks)
}

/// `documents::heading_line` read from the folded text: the first place the folded
/// heading occurs where the text as written is the heading.
fn shared_heading_line(text: &FoldedText, note: &crate::vault::Note, body: &Range<usize>) -> usize {
    let Some(h) = note.heading.as_deref() else {
        return note.body_line;
    };
    let folded = &text.folded[body.clone()];
    let wanted = fold(h);
    let step = wanted.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    while let Some(i) = folded.get(from..).and_then(|rest| rest.find(&wanted)) {
        let at = from + i;
        let place = body.start + at;
        if text.original(place..place + h.len()) == h {
            return note.body_line + memchr::memchr_iter(b'\n', &folded.as_bytes()[..at]).count();
        }
        // Overlapping occurrences count: step one character, not a match.
        from = at + step;
    }
    note.body_line
}

#[cfg(test)]
#[path = "doc_text_tests.rs"]
mod tests;
