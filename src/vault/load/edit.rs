//! One note read again after it changed on disk, and put in its place in
//! a loaded vault: live reload at the cost of the note, not of the vault.
//!
//! Owns the rule of what a one-note change may touch and how each part of
//! the vault (notes, questions, diagnostics, names, catalog) follows it.
//! Anything it cannot follow alone (a new or removed file, a bank, a
//! bank's link to the note) is [`NotAlone`]: the caller reads the whole
//! vault again. The contract is a differential one: a vault edited here is
//! the vault a whole load of the same files gives.

use std::ops::Range;
use std::path::Path;

use super::assemble::{duplicate_diagnostic, duplicate_pairs, sort_diagnostics};
use super::{Job, LoadOptions, Parsed, Source, parse_job, relative};
use crate::vault::bank::is_bank_path;
use crate::vault::message::Message;
use crate::vault::model::{
    Listing, NoteIx, QuestionId, QuestionIx, QuestionOrigin, Vault, name_keys as keys,
};
use crate::vault::note::{Depth, ParsedNote};

/// A note file read again, ready for [`Vault::apply_edit`].
#[derive(Debug)]
pub struct NoteEdit(Box<ParsedNote>);

impl NoteEdit {
    /// The note's root index and path in the vault.
    pub fn place(&self) -> (usize, &str) {
        (self.0.note.root, &self.0.note.path)
    }
}

/// Why a change needs the whole vault read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAlone {
    /// The file is not a note of the vault now: new, removed, a bank,
    /// unreadable, or outside every root.
    NotANote,
    /// A question bank names the note: its entries follow the note's
    /// names and tags.
    Banks,
}

/// Reads the note file at `path` again, as a whole load reads it. `roots`
/// are the vault's roots in order (as the load was given them).
pub fn read_note(
    roots: &[impl AsRef<Path>],
    path: &Path,
    options: &LoadOptions,
) -> Result<NoteEdit, NotAlone> {
    let (root, under) = roots
        .iter()
        .enumerate()
        .find_map(|(i, r)| path.strip_prefix(r.as_ref()).ok().map(|_| (i, r.as_ref())))
        .ok_or(NotAlone::NotANote)?;
    let rel = relative(under, path);
    if is_bank_path(&rel) || !path.is_file() {
        return Err(NotAlone::NotANote);
    }
    read_job(
        Job {
            root,
            rel: rel.into(),
            source: Source::File(path.to_owned()),
        },
        options,
    )
}

/// Reads one file of a vault as a whole load reads it, as an edit of the
/// note it is; [`read_note`] for a file found by its path.
pub fn read_job(job: Job, options: &LoadOptions) -> Result<NoteEdit, NotAlone> {
    let options = LoadOptions {
        depth: Depth::Full,
        ..options.clone()
    };
    match parse_job(job, &options, &mut Vec::new()) {
        Parsed::Note(n) => Ok(NoteEdit(Box::new(n))),
        _ => Err(NotAlone::NotANote),
    }
}

/// What [`Vault::apply_edit`] changed, for the indexes kept beside a vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The note, at the same index as before.
    pub note: NoteIx,
    /// Its questions' indexes before the edit.
    pub questions_before: Range<usize>,
    /// Its questions' indexes now; every question after them moved by the
    /// difference in length.
    pub questions_after: Range<usize>,
}

impl Vault {
    /// Puts a note read again in the place of the note it was, changing
    /// the questions, diagnostics, names and catalog with it, so the vault
    /// is the one a whole load of the files would give. Costs the note,
    /// plus a pass over the questions' ids and a move of the indexes after
    /// it when its number of questions changed.
    pub fn apply_edit(&mut self, edit: NoteEdit) -> Result<Edited, NotAlone> {
        let parsed = *edit.0;
        let (root, path) = (parsed.note.root, &*parsed.note.path);
        let ix = self
            .notes
            .binary_search_by(|n| (n.root, &*n.path).cmp(&(root, path)))
            .map(NoteIx)
            .map_err(|_| NotAlone::NotANote)?;
        let old = self.note(ix);
        let renamed = old.title != parsed.note.title || old.aliases != parsed.note.aliases;
        let retagged = old.tags != parsed.note.tags;
        let linked = || {
            self.banks
                .iter()
                .flat_map(|b| &b.questions)
                .any(|&q| self.question(q).note == Some(ix))
        };
        if (renamed && !self.banks.is_empty()) || (retagged && linked()) {
            return Err(NotAlone::Banks);
        }
        let names_before = keys(old);
        let links_before = old.links.clone();
        let listing = self.catalog.is_made().then(|| Listing::of(self, ix));
        let before = self.question_range(ix);
        // A few ids, looked for among every question: compared, not hashed
        // (a hash of every id in the vault cost more than the rest).
        let mut ids: Vec<QuestionId> = self.questions[before.clone()]
            .iter()
            .map(|q| q.id.clone())
            .collect();
        ids.extend(parsed.questions.iter().map(|q| q.id.clone()));
        ids.sort_unstable();
        ids.dedup();

        // The questions, in the note's place among them.
        let ParsedNote {
            mut note,
            mut questions,
            diagnostics,
        } = parsed;
        let after = before.start..before.start + questions.len();
        for q in &mut questions {
            q.origin = QuestionOrigin::Note(ix);
            q.note = Some(ix);
        }
        note.questions = after.clone().map(QuestionIx).collect();
        self.questions.splice(before.clone(), questions);
        if after.len() != before.len() {
            let moved = |q: &mut QuestionIx| q.0 = q.0 + after.len() - before.len();
            for n in &mut self.notes[ix.0 + 1..] {
                n.questions.iter_mut().for_each(moved);
            }
            for b in &mut self.banks {
                b.questions.iter_mut().for_each(moved);
            }
        }
        let path = note.path.clone();
        self.notes[ix.0] = note;

        // Its diagnostics, and every duplicate-id warning its ids take part in.
        self.diagnostics.retain(|d| {
            let mine = d.root == root && *d.path == *path;
            let shared = matches!(&*d.kind, Message::DuplicateId { id, .. } if ids.iter().any(|i| *i.0 == **id));
            !mine && !shared
        });
        self.diagnostics.extend(diagnostics);
        let holders = (0..self.questions.len())
            .filter(|&q| ids.contains(&self.questions[q].id))
            .collect();
        for (i, j) in duplicate_pairs(&self.questions, holders) {
            let d = duplicate_diagnostic(self, i, j);
            self.diagnostics.push(d);
        }
        sort_diagnostics(self);

        if renamed {
            self.rename_note(ix, &names_before);
        }
        if self.note(ix).links != links_before {
            self.relink_note(ix, &links_before);
        }
        if let (Some(listing), Some(mut catalog)) = (listing, self.take_catalog()) {
            catalog.replace_note(self, ix, &listing);
            self.put_catalog(catalog);
        }
        Ok(Edited {
            note: ix,
            questions_before: before,
            questions_after: after,
        })
    }

    /// The indexes of note `ix`'s questions: where they are, or where
    /// they would go (before the next note's, or the banks').
    fn question_range(&self, ix: NoteIx) -> Range<usize> {
        let note = self.note(ix);
        if let (Some(first), Some(last)) = (note.questions.first(), note.questions.last()) {
            return first.0..last.0 + 1;
        }
        let next = self.notes[ix.0 + 1..]
            .iter()
            .find_map(|n| n.questions.first())
            .map(|q| q.0);
        let at = next.unwrap_or_else(|| {
            self.questions.len() - self.banks.iter().map(|b| b.questions.len()).sum::<usize>()
        });
        at..at
    }
}

#[cfg(test)]
mod tests;
