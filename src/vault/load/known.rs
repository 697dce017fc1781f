//! The names of a vault read a moment before, shared by a read of the same
//! notes instead of copied. The app reads every note's name first, then
//! the whole vault: each note's title, heading and aliases were held twice until
//! the first read was dropped, and their first copies then stayed with the
//! allocator, scattered among the whole vault's (BENCHMARKS.md, "Names
//! shared with the first read").
//!
//! Owns matching a new read's strings with the known ones; not reading.
//! A card's aliases are read as the whole note's are (`note::aliases_of`).

use std::sync::Arc;

use crate::vault::{Note, Vault};

/// Every note's title, heading and aliases from an earlier read, by note
/// number.
#[derive(Debug, Default)]
pub struct Known {
    titles: Vec<Arc<str>>,
    headings: Vec<Option<Arc<str>>>,
    aliases: Vec<Arc<[String]>>,
}

impl Known {
    /// The titles and headings of `vault`'s notes (the strings themselves,
    /// shared, not copies).
    pub fn of(vault: &Vault) -> Known {
        Known {
            titles: vault.notes.iter().map(|n| Arc::clone(&n.title)).collect(),
            headings: vault.notes.iter().map(|n| n.heading.clone()).collect(),
            aliases: vault.notes.iter().map(|n| Arc::clone(&n.aliases)).collect(),
        }
    }

    /// Makes note number `ix` of a new read hold the known title, heading
    /// and aliases of the same number where they are equal to its own: an
    /// equal string is the same to every reader of it, so a note added or
    /// removed in between (which moves the numbers) only shares less.
    pub(super) fn share(&self, ix: usize, note: &mut Note) {
        if let Some(title) = self.titles.get(ix)
            && **title == *note.title
        {
            note.title = Arc::clone(title);
        }
        if let (Some(Some(known)), Some(heading)) = (self.headings.get(ix), &note.heading)
            && **known == **heading
        {
            note.heading = Some(Arc::clone(known));
        }
        if let Some(aliases) = self.aliases.get(ix)
            && **aliases == *note.aliases
        {
            note.aliases = Arc::clone(aliases);
        }
    }
}
