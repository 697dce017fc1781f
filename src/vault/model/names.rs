//! The names a note can be found by: its title, its file stem and its
//! aliases, lowercased, each naming the first note in vault order that
//! carries it (how `[[wikilinks]]` and bank `note:` fields resolve).
//!
//! Owns the lookup tables and keeping them right when one note changes;
//! not what a name resolves for (that is [`Vault::find_note`]'s callers).
//!
//! A table keeps a hash of each name with its first note, not the name:
//! the note's own names say whether it is the one asked for. Three maps
//! from a copy of every name took 17 MB at 100,000 notes; these take 5.

use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

use super::{Note, NoteIx, Vault};

/// Lookup tables from a lowercased title, file stem or alias to its note,
/// in that order of preference; built on first use.
#[derive(Debug, Clone, Default)]
pub struct NoteNames(OnceLock<Tables>);

/// The three tables and the hasher their names were hashed with.
#[derive(Debug, Clone, Default)]
pub(super) struct Tables {
    hasher: RandomState,
    /// Per table, `(hash, note)` sorted: for each name, the first note
    /// carrying it (two names of one hash each have their first note;
    /// one note may stand for both).
    by: [Vec<(u64, NoteIx)>; 3],
}

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

impl Tables {
    fn build(notes: &[Note]) -> Tables {
        let hasher = RandomState::new();
        let by = [0, 1, 2].map(|t| {
            let mut all: Vec<(u64, NoteIx)> = Vec::with_capacity(notes.len());
            for (i, n) in notes.iter().enumerate() {
                all.extend(
                    table_keys(n, t)
                        .iter()
                        .map(|k| (hasher.hash_one(k), NoteIx(i))),
                );
            }
            all.sort_unstable();
            all.dedup();
            first_carriers(all, notes, t, &hasher)
        });
        Tables { hasher, by }
    }

    /// The first note carrying `key` in table `t`.
    fn get(&self, notes: &[Note], t: usize, key: &str) -> Option<NoteIx> {
        let h = self.hasher.hash_one(key);
        let table = &self.by[t];
        let from = table.partition_point(|&(k, _)| k < h);
        // The entries of this hash are in vault order, and each name's
        // first note is among them: the first that carries the name is it.
        table[from..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .map(|&(_, ix)| ix)
            .find(|ix| {
                notes
                    .get(ix.0)
                    .is_some_and(|n| table_keys(n, t).iter().any(|k| k == key))
            })
    }
}

/// Of `(hash, note)` pairs sorted, each note with a name of that hash,
/// the pairs whose note is the first to carry one of the hash's names:
/// most hashes have one note, and only longer runs (one alias on many
/// notes) look at the names themselves.
fn first_carriers(
    all: Vec<(u64, NoteIx)>,
    notes: &[Note],
    t: usize,
    hasher: &RandomState,
) -> Vec<(u64, NoteIx)> {
    let mut kept = Vec::with_capacity(all.len());
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        if let [one] = run {
            kept.push(*one);
            continue;
        }
        let mut seen: Vec<String> = Vec::new();
        for &(h, ix) in run {
            let mut first = false;
            for k in table_keys(&notes[ix.0], t) {
                if hasher.hash_one(&k) == h && !seen.contains(&k) {
                    seen.push(k);
                    first = true;
                }
            }
            if first {
                kept.push((h, ix));
            }
        }
    }
    kept.shrink_to_fit();
    kept
}

impl NoteNames {
    pub(super) fn tables(&self, notes: &[Note]) -> &Tables {
        self.0.get_or_init(|| Tables::build(notes))
    }

    /// The first note, in order of preference of the tables, carrying
    /// `key` (trimmed and lowercased).
    pub(super) fn find(&self, notes: &[Note], key: &str) -> Option<NoteIx> {
        let tables = self.tables(notes);
        (0..3).find_map(|t| tables.get(notes, t, key))
    }
}

impl Vault {
    /// Note `ix` was found by `before` and is now found by its own names:
    /// the tables say what a fresh build of them would. The hashes of the
    /// names it gave up or took are looked at again over every note, in
    /// one walk: rare (an edit of a title or an alias), and without a
    /// table of every holder, which would cost memory on every name.
    pub(crate) fn rename_note(&mut self, ix: NoteIx, before: &NameKeys) {
        let Some(tables) = self.names.0.get_mut() else {
            return;
        };
        let after = keys(&self.notes[ix.0]);
        for t in 0..3 {
            let mut changed: Vec<u64> = before[t]
                .iter()
                .filter(|k| !after[t].contains(k))
                .chain(after[t].iter().filter(|k| !before[t].contains(k)))
                .map(|k| tables.hasher.hash_one(k))
                .collect();
            if changed.is_empty() {
                continue;
            }
            changed.sort_unstable();
            changed.dedup();
            let mut again: Vec<(u64, NoteIx)> = Vec::new();
            for (i, n) in self.notes.iter().enumerate() {
                for k in table_keys(n, t) {
                    let h = tables.hasher.hash_one(&k);
                    if changed.binary_search(&h).is_ok() {
                        again.push((h, NoteIx(i)));
                    }
                }
            }
            again.sort_unstable();
            again.dedup();
            let again = first_carriers(again, &self.notes, t, &tables.hasher);
            let table = &mut tables.by[t];
            table.retain(|(h, _)| changed.binary_search(h).is_err());
            table.extend(again);
            table.sort_unstable();
        }
    }
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
