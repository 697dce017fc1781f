//! The names of a vault read a moment before, shared by a read of the same
//! notes instead of copied. The app reads every note's name first, then
//! the whole vault: each note's path, title, heading and aliases were held
//! twice until the first read was dropped, and their first copies then
//! stayed with the allocator, scattered among the whole vault's
//! (BENCHMARKS.md, "Names shared with the first read").
//!
//! Owns matching a new read's strings with the known ones, on the thread
//! that read the note; not reading. A card's aliases are read as the whole
//! note's are (`note::aliases_of`).

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

    /// Makes a note of a new read hold the known path, title, heading and
    /// aliases of the known note at its place (root and path) where they
    /// are equal to its own. The known notes are in the order a read puts
    /// them, by root and path.
    pub(crate) fn share(&self, note: &mut Note) {
        let notes = &self.0.notes;
        let Ok(at) = notes.binary_search_by(|k| (k.root, &*k.path).cmp(&(note.root, &*note.path)))
        else {
            return;
        };
        let known = &notes[at];
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
