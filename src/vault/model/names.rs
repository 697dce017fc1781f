//! The names a note can be found by: its title, its file stem and its
//! aliases, lowercased, each naming the first note in vault order that
//! carries it (how `[[wikilinks]]` and bank `note:` fields resolve).
//!
//! Owns the lookup tables and keeping them right when one note changes;
//! not what a name resolves for (that is [`Vault::find_note`]'s callers).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Note, NoteIx, Vault};

/// Lookup tables from a lowercased title, file stem or alias to its note,
/// in that order of preference; built on first use.
#[derive(Debug, Clone, Default)]
pub struct NoteNames(OnceLock<[HashMap<String, NoteIx>; 3]>);

/// A note's keys in each table: title, file stem, aliases.
pub(crate) type NameKeys = [Vec<String>; 3];

/// The keys `note` is found by, table by table.
pub(crate) fn keys(note: &Note) -> NameKeys {
    [0, 1, 2].map(|t| table_keys(note, t))
}

/// The keys `note` is found by in table `t` (0 title, 1 stem, 2 aliases).
fn table_keys(note: &Note, t: usize) -> Vec<String> {
    match t {
        0 => vec![note.title.trim().to_lowercase()],
        1 => {
            let file = note.path.rsplit('/').next().unwrap_or(&note.path);
            let stem = file.strip_suffix(".md").unwrap_or(file);
            vec![stem.trim().to_lowercase()]
        }
        _ => note
            .aliases
            .iter()
            .map(|a| a.trim().to_lowercase())
            .collect(),
    }
}

impl NoteNames {
    pub(super) fn tables(&self, notes: &[Note]) -> &[HashMap<String, NoteIx>; 3] {
        self.0.get_or_init(|| {
            let mut by: [HashMap<String, NoteIx>; 3] = Default::default();
            for (i, n) in notes.iter().enumerate() {
                for (table, keys) in by.iter_mut().zip(keys(n)) {
                    for key in keys {
                        table.entry(key).or_insert(NoteIx(i));
                    }
                }
            }
            by
        })
    }
}

impl Vault {
    /// Note `ix` was found by `before` and is now found by its own names:
    /// the tables say what a fresh build of them would. A name the note
    /// gave up that it was the first to carry passes to the next note
    /// carrying it, found by a walk of the notes: rare (a title or alias
    /// renamed that another note shares) and without a table of every
    /// holder, which would cost memory on every name.
    pub(crate) fn rename_note(&mut self, ix: NoteIx, before: &NameKeys) {
        let Some(tables) = self.names.0.get_mut() else {
            return;
        };
        let after = keys(&self.notes[ix.0]);
        for (t, table) in tables.iter_mut().enumerate() {
            for key in before[t].iter().filter(|k| !after[t].contains(k)) {
                if table.get(key) != Some(&ix) {
                    continue;
                }
                let next = self
                    .notes
                    .iter()
                    .position(|n| table_keys(n, t).contains(key))
                    .map(NoteIx);
                match next {
                    Some(next) => table.insert(key.clone(), next),
                    None => table.remove(key),
                };
            }
            for key in &after[t] {
                let first = table.entry(key.clone()).or_insert(ix);
                if ix < *first {
                    *first = ix;
                }
            }
        }
    }
}
