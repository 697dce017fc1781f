//! Putting parsed files together into a [`Vault`] as they arrive: indexes,
//! tags shared between notes, bank entries linked to their notes
//! (inheriting tags), duplicate ids, a fixed diagnostic order, and the
//! vault's one copy of its text ([`Vault::texts`]): each note's body moves
//! there as it arrives, each bank question's text at the end.

use std::collections::HashSet;
use std::sync::Arc;

use super::Parsed;
use crate::text::fold::FoldedText;
use crate::vault::bank::ParsedBank;
use crate::vault::diagnostic::Diagnostic;
use crate::vault::message::Message;
use crate::vault::model::offset_of_line;
use crate::vault::model::{
    Bank, Body, NoteIx, Question, QuestionIx, QuestionOrigin, Quotes, SEPARATOR, SectionKind,
    Vault, bank_text,
};
use crate::vault::tags::TagInterner;

/// Builds a vault from parsed files handed over one by one in (root, path)
/// order, so each file's parse results are moved into place and freed as
/// soon as they arrive, not all held until the end.
pub(super) struct Assembler {
    vault: Vault,
    /// Banks wait for every note: their `note:` names resolve against all.
    banks: Vec<(usize, ParsedBank)>,
    tags: TagInterner,
    /// Section headings seen so far, one copy each.
    headings: HashSet<Arc<str>>,
    /// The vault's text so far, not yet folded (see [`Vault::texts`]).
    text: String,
    /// What questions' texts kept in `text` point at until it is folded
    /// (see [`crate::vault::Passage`]).
    pending: Arc<FoldedText>,
}

impl Assembler {
    /// An empty vault for `files` files at most.
    pub(super) fn new(roots: Vec<String>, files: usize) -> Assembler {
        let mut vault = Vault {
            roots,
            ..Vault::default()
        };
        // Nearly every file is a note; pages never written cost no memory.
        vault.notes.reserve_exact(files);
        Assembler {
            vault,
            banks: Vec::new(),
            tags: TagInterner::default(),
            headings: HashSet::new(),
            text: String::new(),
            pending: Arc::default(),
        }
    }

    /// Adds the next file in order.
    pub(super) fn add(&mut self, root: usize, parsed: Parsed) {
        let vault = &mut self.vault;
        match parsed {
            Parsed::Note(mut n) => {
                let ix = NoteIx(vault.notes.len());
                let mut note = n.note;
                note.root = root;
                if let Body::Own(body) = &note.body {
                    let base = self.text.len();
                    let mut quotes = Quotes::new(body, base, &self.pending);
                    let section = note.section(SectionKind::KeyPoint);
                    quotes.from(section.map_or(0, |s| s.span().start));
                    if let Some(k) = &mut note.key_point {
                        k.keep_in(&mut quotes);
                    }
                    for q in &mut n.questions {
                        quotes.from(offset_of_line(body, note.body_line, q.line));
                        q.keep_texts_in(&mut quotes);
                    }
                    note.body = Body::Shared(push_text(&mut self.text, body));
                }
                // The parsed list is shared with the note's questions: they
                // all move to the interned copy, and the parsed one is freed.
                for s in &mut note.sections {
                    match self.headings.get(&s.heading) {
                        Some(shared) => s.heading = Arc::clone(shared),
                        None => {
                            self.headings.insert(Arc::clone(&s.heading));
                        }
                    }
                }
                let interned = self.tags.intern(&note.tags);
                let parsed_tags = std::mem::replace(&mut note.tags, interned);
                note.questions.reserve_exact(n.questions.len());
                for mut q in n.questions {
                    q.origin = QuestionOrigin::Note(ix);
                    q.note = Some(ix);
                    if Arc::ptr_eq(&q.tags, &parsed_tags) {
                        q.tags = Arc::clone(&note.tags);
                    }
                    note.questions.push(QuestionIx(vault.questions.len()));
                    vault.questions.push(q);
                }
                vault.notes.push(note);
                vault.diagnostics.extend(n.diagnostics);
            }
            Parsed::Bank(b) => self.banks.push((root, b)),
            Parsed::Skipped(d) => vault.diagnostics.push(d),
            Parsed::Nothing => {}
        }
    }

    /// Links the banks to their notes, checks ids and orders diagnostics.
    pub(super) fn finish(mut self) -> Vault {
        for (root, b) in std::mem::take(&mut self.banks) {
            self.add_bank(root, b);
        }
        let vault = &mut self.vault;
        let mut text = std::mem::take(&mut self.text);
        text.shrink_to_fit();
        vault.texts = Arc::new(FoldedText::of(text));
        for q in &mut vault.questions {
            q.attach_texts(&vault.texts);
        }
        for k in vault.notes.iter_mut().filter_map(|n| n.key_point.as_mut()) {
            k.attach(&vault.texts);
        }
        vault.notes.shrink_to_fit();
        vault.questions.shrink_to_fit();
        duplicate_ids(vault);
        sort_diagnostics(vault);
        self.vault
    }

    fn add_bank(&mut self, root: usize, b: ParsedBank) {
        let vault = &mut self.vault;
        let bank_ix = vault.banks.len();
        let mut bank = Bank {
            root,
            path: b.path.clone(),
            questions: Vec::with_capacity(b.questions.len()),
            texts: Vec::new(),
        };
        for (mut q, note_line) in b.questions.into_iter().zip(b.note_lines) {
            q.origin = QuestionOrigin::Bank(bank_ix);
            if let Some(name) = q.note_title.clone() {
                if let Some(ix) = vault.find_note(&name) {
                    let note = vault.note(ix);
                    q.note = Some(ix);
                    q.note_title = Some(Arc::clone(&note.title));
                    q.tags = if q.tags.is_empty() {
                        // Nothing of its own: share the note's list.
                        Arc::clone(&note.tags)
                    } else {
                        let mut tags = q.tags.to_vec();
                        crate::vault::text::extend_unique(&mut tags, note.tags.iter().cloned());
                        self.tags.intern(&tags)
                    };
                } else {
                    let mut d = Diagnostic::warning(
                        &b.path,
                        note_line,
                        1,
                        Message::BankNoteMissing {
                            name: name.to_string(),
                        },
                    );
                    d.root = root;
                    vault.diagnostics.push(d);
                }
            }
            bank.questions.push(QuestionIx(vault.questions.len()));
            bank.texts.push(push_text(&mut self.text, &bank_text(&q)));
            vault.questions.push(q);
        }
        vault.banks.push(bank);
        vault.diagnostics.extend(b.diagnostics);
    }
}

/// Appends a document's text and the separator after it, telling where
/// the text went.
fn push_text(all: &mut String, text: &str) -> std::ops::Range<usize> {
    let start = all.len();
    all.push_str(text);
    all.push(SEPARATOR);
    start..start + text.len()
}

/// Two questions with one id would share progress history: warn.
fn duplicate_ids(vault: &mut Vault) {
    // Indexes sorted by id, not a map of ids: this runs when the whole
    // vault is in memory, so it should add as little as it can.
    let found = duplicate_pairs(&vault.questions, (0..vault.questions.len()).collect());
    for (i, j) in found {
        let d = duplicate_diagnostic(vault, i, j);
        vault.diagnostics.push(d);
    }
}

/// The questions among `among` (indexes into `questions`, each id's every
/// holder or none of them) that share an id with an earlier one, each with
/// the one it is reported against, in the order their warnings come.
pub(super) fn duplicate_pairs(
    questions: &[Question],
    mut among: Vec<usize>,
) -> Vec<(usize, usize)> {
    among.sort_unstable_by(|&a, &b| questions[a].id.cmp(&questions[b].id).then(a.cmp(&b)));
    let mut found = Vec::new();
    for group in among.chunk_by(|&a, &b| questions[a].id == questions[b].id) {
        // The first use of an id is the one the others are reported against.
        if let Some((&j, rest)) = group.split_first() {
            found.extend(rest.iter().map(|&i| (i, j)));
            // An id the user wrote (`^id`, `id:`) is reported at both
            // places: either may be the one to rename.
            if let Some(&second) = rest.first()
                && !crate::vault::id::is_derived(&questions[j].id)
            {
                found.push((j, second));
            }
        }
    }
    drop(among);
    found.sort_unstable();
    found
}

/// The warning at question `i` that it shares its id with question `j`.
pub(super) fn duplicate_diagnostic(vault: &Vault, i: usize, j: usize) -> Diagnostic {
    let (root, path) = place(vault, i);
    let (_, other) = place(vault, j);
    let q = &vault.questions[i];
    let mut d = Diagnostic::warning(
        &path,
        q.line,
        1,
        Message::DuplicateId {
            id: q.id.0.to_string(),
            other,
            line: vault.questions[j].line,
            derived: crate::vault::id::is_derived(&q.id),
        },
    );
    d.root = root;
    d
}

fn place(vault: &Vault, q: usize) -> (usize, String) {
    match vault.questions[q].origin {
        QuestionOrigin::Note(n) => (vault.notes[n.0].root, vault.notes[n.0].path.to_string()),
        QuestionOrigin::Bank(b) => (vault.banks[b].root, vault.banks[b].path.clone()),
    }
}

/// Diagnostics by root, path, line and column (stable, so equal places
/// keep the order they were found in).
pub(super) fn sort_diagnostics(vault: &mut Vault) {
    vault.diagnostics.sort_by(|a, b| {
        (a.root, &a.path, a.line, a.column).cmp(&(b.root, &b.path, b.line, b.column))
    });
}

#[cfg(test)]
#[path = "assemble_tests.rs"]
mod tests;
