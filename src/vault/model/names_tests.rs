//! The hashed tables against maps from every name, as they were built
//! before: the same note for every name, after a build and after renames.

use std::collections::HashMap;

use proptest::prelude::*;

use super::*;

/// The simple tables: a map per table from each name to its first note.
fn oracle(notes: &[Note]) -> [HashMap<String, NoteIx>; 3] {
    let mut by: [HashMap<String, NoteIx>; 3] = Default::default();
    for (i, n) in notes.iter().enumerate() {
        for (table, keys) in by.iter_mut().zip(keys(n)) {
            for key in keys {
                table.entry(key).or_insert(NoteIx(i));
            }
        }
    }
    by
}

fn oracle_find(by: &[HashMap<String, NoteIx>; 3], key: &str) -> Option<NoteIx> {
    by.iter().find_map(|m| m.get(key).copied())
}

/// Names from a few letters, so notes share titles, stems and aliases.
fn name() -> impl Strategy<Value = String> {
    "[abC ]{1,3}"
}

fn note_strategy() -> impl Strategy<Value = Note> {
    (name(), name(), proptest::collection::vec(name(), 0..3)).prop_map(|(title, stem, aliases)| {
        Note {
            path: format!("d/{stem}.md").into(),
            title: title.into(),
            aliases: aliases.into(),
            ..Note::default()
        }
    })
}

/// Every name any note has, and some no note has.
fn asked(notes: &[Note]) -> Vec<String> {
    let mut all: Vec<String> = notes
        .iter()
        .flat_map(|n| keys(n).into_iter().flatten())
        .collect();
    all.extend(["zz".to_owned(), String::new()]);
    all
}

fn vault_of(notes: Vec<Note>) -> Vault {
    Vault {
        notes,
        ..Vault::default()
    }
}

proptest! {
    #[test]
    fn every_name_finds_the_note_the_maps_find(notes in proptest::collection::vec(note_strategy(), 0..30)) {
        let vault = vault_of(notes);
        let by = oracle(&vault.notes);
        for key in asked(&vault.notes) {
            prop_assert_eq!(vault.find_note(&key), oracle_find(&by, &key), "{}", key);
        }
    }

    #[test]
    fn renamed_notes_are_found_as_a_fresh_build_finds_them(
        notes in proptest::collection::vec(note_strategy(), 1..30),
        renames in proptest::collection::vec((any::<prop::sample::Index>(), note_strategy()), 1..6),
    ) {
        let mut vault = vault_of(notes);
        vault.make_link_tables();
        for (which, new) in renames {
            let ix = NoteIx(which.index(vault.notes.len()));
            let before = keys(&vault.notes[ix.0]);
            vault.notes[ix.0].title = new.title;
            vault.notes[ix.0].aliases = new.aliases;
            vault.notes[ix.0].path = new.path;
            vault.rename_note(ix, &before);
            let by = oracle(&vault.notes);
            let fresh = vault_of(vault.notes.clone());
            for key in asked(&vault.notes) {
                prop_assert_eq!(vault.find_note(&key), oracle_find(&by, &key), "{}", key);
                prop_assert_eq!(vault.find_note(&key), fresh.find_note(&key), "{}", key);
            }
        }
    }
}

#[test]
fn a_name_many_notes_carry_finds_the_first_and_a_title_beats_an_alias() {
    let note = |path: &str, title: &str, aliases: &[&str]| Note {
        path: path.into(),
        title: title.into(),
        aliases: aliases.iter().map(|&a| a.into()).collect(),
        ..Note::default()
    };
    let vault = vault_of(vec![
        note("a.md", "스팟", &["데이터"]),
        note("b.md", "EMR", &["데이터", "spot"]),
        note("c.md", "Spot", &["데이터"]),
    ]);
    assert_eq!(vault.find_note("데이터"), Some(NoteIx(0)));
    assert_eq!(vault.find_note(" SPOT "), Some(NoteIx(2)));
    assert_eq!(vault.find_note("b"), Some(NoteIx(1)));
    assert_eq!(vault.find_note("없음"), None);
}
