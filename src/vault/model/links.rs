//! Who links to a note: every `[[wikilink]]` of the vault filed under the
//! name it is written with, so a note's backlinks are the notes filed
//! under its own names, found without a walk of every note's links.
//!
//! Owns the table and keeping it right when one note changes; not how a
//! name resolves (that is [`Vault::find_note`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Note, NoteIx, Vault, name_keys};

/// The notes that write a link, by the link's name as it resolves
/// (trimmed and lowercased), each note once and in vault order; made on
/// first use.
#[derive(Debug, Clone, Default)]
pub struct LinkSources(OnceLock<HashMap<String, Vec<NoteIx>>>);

/// A link's name as [`Vault::find_note`] looks it up.
fn key(link: &str) -> String {
    link.trim().to_lowercase()
}

impl LinkSources {
    fn table(&self, notes: &[Note]) -> &HashMap<String, Vec<NoteIx>> {
        self.0.get_or_init(|| {
            let mut by: HashMap<String, Vec<NoteIx>> = HashMap::new();
            for (i, n) in notes.iter().enumerate() {
                for link in &n.links {
                    let sources = by.entry(key(link)).or_default();
                    if sources.last() != Some(&NoteIx(i)) {
                        sources.push(NoteIx(i));
                    }
                }
            }
            by
        })
    }
}

impl Vault {
    /// Notes whose body links to a note (backlinks), in vault order: the
    /// notes filed under each of its names that leads to it.
    pub fn backlinks(&self, target: NoteIx) -> Vec<NoteIx> {
        let sources = self.link_sources.table(&self.notes);
        let mut found: Vec<NoteIx> = name_keys(self.note(target))
            .into_iter()
            .flatten()
            .filter(|k| self.find_note(k) == Some(target))
            .filter_map(|k| sources.get(&k))
            .flatten()
            .copied()
            .filter(|&ix| ix != target)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Makes the tables a note's links and backlinks are read from, where
    /// this is called (the app's loading thread) rather than on first use.
    pub fn make_link_tables(&self) {
        self.find_note("");
        self.link_sources.table(&self.notes);
    }

    /// Note `ix` wrote the links `before` and now writes its own: the
    /// table files it where a fresh one would.
    pub(crate) fn relink_note(&mut self, ix: NoteIx, before: &[String]) {
        let Some(table) = self.link_sources.0.get_mut() else {
            return;
        };
        for link in before {
            let k = key(link);
            if let Some(sources) = table.get_mut(&k) {
                sources.retain(|&n| n != ix);
                if sources.is_empty() {
                    table.remove(&k);
                }
            }
        }
        for link in &self.notes[ix.0].links {
            let sources = table.entry(key(link)).or_default();
            if let Err(at) = sources.binary_search(&ix) {
                sources.insert(at, ix);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::load_bundled;

    /// Backlinks as the plain definition says: every other note with a link
    /// that leads to the target.
    fn by_scan(vault: &Vault, target: NoteIx) -> Vec<NoteIx> {
        (0..vault.notes.len())
            .map(NoteIx)
            .filter(|&ix| ix != target)
            .filter(|&ix| {
                vault
                    .note(ix)
                    .links
                    .iter()
                    .any(|l| vault.find_note(l) == Some(target))
            })
            .collect()
    }

    pub(crate) fn assert_backlinks_as_scanned(vault: &Vault) {
        for ix in (0..vault.notes.len()).map(NoteIx) {
            assert_eq!(
                vault.backlinks(ix),
                by_scan(vault, ix),
                "backlinks of {}",
                vault.note(ix).path
            );
        }
    }

    #[test]
    fn the_table_finds_every_backlink_the_scan_finds_on_the_bundled_deck() {
        let vault = load_bundled();
        assert_backlinks_as_scanned(&vault);
        let linked: usize = (0..vault.notes.len())
            .map(|i| vault.backlinks(NoteIx(i)).len())
            .sum();
        assert!(linked > 50, "{linked}");
    }
}
