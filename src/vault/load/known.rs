//! The names of a vault read a moment before, shared by a read of the same
//! notes instead of copied. The app reads every note's name first, then
//! the whole vault: each note's path, title, heading and aliases were held
//! twice until
//! the first read was dropped, and their first copies then stayed with the
//! allocator, scattered among the whole vault's (BENCHMARKS.md, "Names
//! shared with the first read").
//!
//! Owns matching a new read's strings with the known ones; not reading.
//! A card's aliases are read as the whole note's are (`note::aliases_of`).

use std::sync::Arc;

use crate::vault::{Note, Vault};

/// The notes of an earlier read (the vault itself, shared with whoever
/// shows it: no copy of its strings is made to share them).
#[derive(Debug, Default)]
pub struct Known(Arc<Vault>);

impl Known {
    /// The names of `vault`'s notes.
    pub fn of(vault: Arc<Vault>) -> Known {
        Known(vault)
    }

    /// Makes note number `ix` of a new read hold the known path, title,
    /// heading and aliases of the same number where they are equal to its
    /// own: an equal string is the same to every reader of it, so a note
    /// added or removed in between (which moves the numbers) only shares
    /// less.
    pub(super) fn share(&self, ix: usize, note: &mut Note) {
        let Some(known) = self.0.notes.get(ix) else {
            return;
        };
        if known.path == note.path {
            note.path = Arc::clone(&known.path);
        }
        if known.title == note.title {
            note.title = Arc::clone(&known.title);
        }
        if let (Some(k), Some(h)) = (&known.heading, &note.heading)
            && k == h
        {
            note.heading = Some(Arc::clone(k));
        }
        if known.aliases == note.aliases {
            note.aliases = Arc::clone(&known.aliases);
        }
    }
}
