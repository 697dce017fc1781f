//! What an index keeps of the documents replaced since its build (see
//! `replace`): their texts, addressed past the end of the build's buffer,
//! and the moves of the vault's question numbers.
//!
//! Owns the record and its arithmetic; replacing and reading through it
//! are `replace`'s.

use crate::vault::Vault;

use crate::text::fold::Originals;

/// The documents replaced since the build.
#[derive(Debug, Default)]
pub(super) struct Overlay {
    /// Replaced documents' texts, by ascending `base`.
    pub segments: Vec<Segment>,
    /// Each move of the vault's questions since the build: from which
    /// question index on (in the numbering before the move), by how much.
    pub renumbered: Vec<(usize, isize)>,
    /// Bytes of text handed out past the buffer's end.
    pub used: usize,
    /// Notes the indexed vault has (they are the first documents).
    pub notes: usize,
    /// Questions the indexed vault has, as last told.
    pub questions: usize,
    /// Which documents have a text of their own here, a bit each: a scan
    /// asks this of every document it finds a word in, and a bit is read
    /// where the document's record would be a cache miss.
    replaced: Vec<u64>,
}

/// One replaced document's text, addressed from `base` on.
#[derive(Debug)]
pub(super) struct Segment {
    pub base: usize,
    /// The document it is the text of.
    pub doc: usize,
    /// Folded, ending in the separator, as in the buffer.
    pub folded: String,
    /// Its 초성 form (same byte offsets).
    pub choseong: String,
    /// What folding changed.
    pub originals: Originals,
}

impl Overlay {
    /// Nothing replaced yet in an index of `docs` documents built from
    /// `vault` (its notes are the first documents).
    pub(super) fn new(docs: usize, vault: &Vault) -> Overlay {
        Overlay {
            notes: vault.notes.len().min(docs),
            questions: vault.questions.len(),
            ..Overlay::default()
        }
    }

    /// Where a question numbered `recorded` after `epoch` moves is now.
    pub(super) fn moved(&self, epoch: u32, recorded: usize) -> usize {
        let moves = self.renumbered.get(epoch as usize..).unwrap_or_default();
        moves.iter().fold(recorded, |q, &(from, by)| {
            if q >= from {
                q.saturating_add_signed(by)
            } else {
                q
            }
        })
    }

    /// Marks document `d` as replaced: its text is a segment's from now on.
    pub(super) fn mark_replaced(&mut self, d: usize) {
        let word = d / 64;
        if self.replaced.len() <= word {
            self.replaced.resize(word + 1, 0);
        }
        self.replaced[word] |= 1 << (d % 64);
    }

    /// True when document `d` was replaced since the build: its text is
    /// no longer the buffer's.
    pub(super) fn is_replaced(&self, d: usize) -> bool {
        self.replaced
            .get(d / 64)
            .is_some_and(|w| w & (1 << (d % 64)) != 0)
    }

    /// The replaced text segment holding an offset past the buffer.
    pub(super) fn segment(&self, at: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| s.base <= at)
            .checked_sub(1)?;
        Some(&self.segments[i])
    }
}
