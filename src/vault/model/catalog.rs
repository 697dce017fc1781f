//! The notes in the order a person browses them: by display name, and under
//! each tag of the tag tree.
//!
//! Owns the sorting and grouping that a note list needs; not how the list
//! is shown (that is the TUI's note list). A catalog of the whole vault is
//! kept with the vault ([`Vault::catalog`]) and made once, on whichever
//! thread asks first: the app's loading thread asks before it hands the
//! vault over, so the UI thread never sorts a 100,000-note vault.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::{NoteIx, Vault};
use crate::vault::tags::{Tag, TagNode, adjust_tag_tree, tag_tree};

/// Notes grouped and sorted for browsing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The tag tree of these notes, with counts of them and their questions.
    pub tree: Vec<TagNode>,
    /// The notes carrying each exact tag, by display name.
    pub by_tag: HashMap<String, Vec<NoteIx>>,
    /// The notes with no tag, by display name.
    pub untagged: Vec<NoteIx>,
    /// Every one of these notes once, by display name.
    pub by_name: Vec<NoteIx>,
}

impl Catalog {
    /// The catalog of `notes` (indexes into `vault`, in vault order).
    /// Names that sort equal keep vault order.
    pub fn of(vault: &Vault, notes: &[NoteIx]) -> Catalog {
        // Each name worked out once, not at every comparison of the sort,
        // and sorted beside its note (a stable sort: equal names keep
        // vault order).
        let mut named: Vec<(&str, NoteIx)> = notes
            .iter()
            .map(|&ix| (vault.note(ix).display_name(), ix))
            .collect();
        named.sort_by(|a, b| a.0.cmp(b.0));
        let by_name: Vec<NoteIx> = named.into_iter().map(|(_, ix)| ix).collect();
        let question_tags = notes
            .iter()
            .flat_map(|&n| vault.note(n).questions.iter())
            .map(|&q| &*vault.question(q).tags);
        let tree = tag_tree(notes.iter().map(|&n| &*vault.note(n).tags), question_tags);
        // Filled from the notes already in name order, so each list comes
        // out sorted without sorting it again.
        let mut by_tag: HashMap<String, Vec<NoteIx>> = HashMap::new();
        let mut untagged = Vec::new();
        for &n in &by_name {
            let tags = &vault.note(n).tags;
            if tags.is_empty() {
                untagged.push(n);
            }
            for t in tags.iter() {
                match by_tag.get_mut(t.as_str()) {
                    Some(list) => list.push(n),
                    None => {
                        by_tag.insert(t.as_str().to_owned(), vec![n]);
                    }
                }
            }
        }
        Catalog {
            tree,
            by_tag,
            untagged,
            by_name,
        }
    }
}

/// What the catalog knew of a note: its name and tags, and its
/// questions' tags. Taken before the note changes, for
/// [`Catalog::replace_note`].
#[derive(Debug, Clone)]
pub(crate) struct Listing {
    name: String,
    tags: Arc<[Tag]>,
    question_tags: Vec<Arc<[Tag]>>,
}

impl Listing {
    /// Note `ix` as the catalog files it.
    pub(crate) fn of(vault: &Vault, ix: NoteIx) -> Listing {
        let note = vault.note(ix);
        Listing {
            name: note.display_name().to_owned(),
            tags: Arc::clone(&note.tags),
            question_tags: note
                .questions
                .iter()
                .map(|&q| Arc::clone(&vault.question(q).tags))
                .collect(),
        }
    }
}

impl Catalog {
    /// Note `ix` of `vault` changed from `before`: the catalog of every
    /// note becomes what [`Catalog::of`] makes of the vault now, at the
    /// cost of the note (its lists found by binary search) and not of the
    /// vault.
    pub(crate) fn replace_note(&mut self, vault: &Vault, ix: NoteIx, before: &Listing) {
        let now = Listing::of(vault, ix);
        if now.name == before.name
            && now.tags == before.tags
            && now.question_tags == before.question_tags
        {
            return;
        }
        for tags in &before.question_tags {
            adjust_tag_tree(&mut self.tree, tags, false, false);
        }
        adjust_tag_tree(&mut self.tree, &before.tags, true, false);
        adjust_tag_tree(&mut self.tree, &now.tags, true, true);
        for tags in &now.question_tags {
            adjust_tag_tree(&mut self.tree, tags, false, true);
        }
        // Names that sort equal keep vault order: the place is found by
        // (name, index), the name being the note's new one.
        let place = |list: &mut Vec<NoteIx>| {
            list.retain(|&n| n != ix);
            let at =
                list.partition_point(|&n| (vault.note(n).display_name(), n) < (&*now.name, ix));
            list.insert(at, ix);
        };
        place(&mut self.by_name);
        for t in before.tags.iter() {
            if let Some(list) = self.by_tag.get_mut(t.as_str()) {
                list.retain(|&n| n != ix);
                if list.is_empty() {
                    self.by_tag.remove(t.as_str());
                }
            }
        }
        for t in now.tags.iter() {
            place(self.by_tag.entry(t.as_str().to_owned()).or_default());
        }
        self.untagged.retain(|&n| n != ix);
        if now.tags.is_empty() {
            place(&mut self.untagged);
        }
    }
}

/// The vault's own catalog, made on first use, and kept up to date by
/// [`Vault::apply_edit`].
#[derive(Debug, Clone, Default)]
pub struct VaultCatalog(OnceLock<Catalog>);

impl VaultCatalog {
    /// True once the catalog was made.
    pub(crate) fn is_made(&self) -> bool {
        self.0.get().is_some()
    }
}

impl Vault {
    /// The catalog of every note, made once (see the module docs).
    pub fn catalog(&self) -> &Catalog {
        self.catalog.0.get_or_init(|| {
            let all: Vec<NoteIx> = (0..self.notes.len()).map(NoteIx).collect();
            Catalog::of(self, &all)
        })
    }

    /// The catalog if it was made, for [`Catalog::replace_note`]: taken
    /// out of the vault, so the vault can be read while it is changed.
    pub(crate) fn take_catalog(&mut self) -> Option<Catalog> {
        self.catalog.0.take()
    }

    /// Puts back a catalog [`Vault::take_catalog`] took.
    pub(crate) fn put_catalog(&mut self, catalog: Catalog) {
        let _ = self.catalog.0.set(catalog);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::load_bundled;

    #[test]
    fn names_sort_and_each_tag_lists_its_notes_by_name() {
        let vault = load_bundled();
        let c = vault.catalog();
        assert_eq!(c.by_name.len(), vault.notes.len());
        let names: Vec<&str> = c
            .by_name
            .iter()
            .map(|&n| vault.note(n).display_name())
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        let emr = &c.by_tag["service/emr"];
        assert!(!emr.is_empty());
        assert!(emr.iter().all(|&n| {
            vault
                .note(n)
                .tags
                .iter()
                .any(|t| t.as_str() == "service/emr")
        }));
        assert!(
            emr.windows(2)
                .all(|w| vault.note(w[0]).display_name() <= vault.note(w[1]).display_name())
        );
    }

    #[test]
    fn the_kept_catalog_is_the_catalog_of_every_note() {
        let vault = load_bundled();
        let all: Vec<NoteIx> = (0..vault.notes.len()).map(NoteIx).collect();
        assert_eq!(vault.catalog(), &Catalog::of(&vault, &all));
    }
}
