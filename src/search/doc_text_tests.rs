//! The index on the vault's own text against the index on a copy (the
//! simple path): the same text, the same documents, the same hits.

use std::sync::Arc;

use crate::search::SearchIndex;
use crate::search::replace::tests::{generated_vault, load_dir};
use crate::search::word_memo::tests::assert_same_hits;
use crate::vault::{Bank, Body, Note, Vault};

/// The vault with every body its note's own and no shared text, as a
/// vault built by hand is: what the simple path indexes.
fn unshared(vault: &Vault) -> Vault {
    let mut v = vault.clone();
    v.notes = vault
        .notes
        .iter()
        .map(|n| Note {
            body: Body::Own(vault.body(n).into_owned()),
            ..n.clone()
        })
        .collect();
    v.banks = vault
        .banks
        .iter()
        .map(|b| Bank {
            texts: Vec::new(),
            ..b.clone()
        })
        .collect();
    v.texts = Arc::default();
    v
}

fn assert_same_index(vault: &Vault, what: &str) {
    let shared = SearchIndex::build(vault);
    assert!(Arc::ptr_eq(&shared.text, &vault.texts), "{what}: shares");
    let simple = unshared(vault);
    let own = SearchIndex::build(&simple);
    assert!(!Arc::ptr_eq(&own.text, &simple.texts), "{what}: copies");
    assert_eq!(shared.text.folded, own.text.folded, "{what}: text");
    for (a, b) in shared.docs.iter().zip(&own.docs) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{what}: document");
        assert_eq!(
            shared.original(a.text.clone()),
            own.original(b.text.clone())
        );
    }
    assert_eq!(shared.docs.len(), own.docs.len());
    assert_same_hits(&shared, &own, what);
}

#[test]
fn the_vaults_own_text_indexes_as_a_copy_of_it_does() {
    let (_dir, generated) = generated_vault(7);
    assert!(!generated.banks.is_empty(), "with a bank");
    assert_same_index(&generated, "generated vault and fixtures");
    let deck = crate::vault::load_bundled();
    assert_same_index(&deck, "bundled deck");
}

#[test]
fn a_vault_with_a_note_of_its_own_is_indexed_on_a_copy() {
    let (dir, mut vault) = generated_vault(3);
    let body = vault.body(&vault.notes[2]).into_owned();
    vault.notes[2].body = Body::Own(body);
    let index = SearchIndex::build(&vault);
    assert!(!Arc::ptr_eq(&index.text, &vault.texts));
    let shared = SearchIndex::build(&load_dir(dir.path()));
    assert_eq!(index.text.folded, shared.text.folded);
}

#[test]
fn a_heading_is_placed_where_it_is_written_not_where_its_folded_form_is() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ntitle: x\n---\nspot market\n\n# Spot Market\n\nbody\n",
    )
    .unwrap();
    let vault = load_dir(dir.path());
    let shared = SearchIndex::build(&vault);
    let own = SearchIndex::build(&unshared(&vault));
    let lines = |ix: &SearchIndex| format!("{:?}", ix.shorts);
    assert_eq!(lines(&shared), lines(&own));
    assert!(lines(&shared).contains("line: 6"), "{}", lines(&shared));
}

#[test]
fn the_index_shares_the_vaults_ids_titles_and_headings() {
    let (_dir, vault) = generated_vault(11);
    let index = SearchIndex::build(&vault);
    assert!(!vault.questions.is_empty());
    assert_eq!(index.question_ids.len(), vault.questions.len());
    for (kept, q) in index.question_ids.iter().zip(&vault.questions) {
        assert!(Arc::ptr_eq(&kept.0, &q.id.0), "{} is a copy", q.id);
    }
    // So are titles and headings, and a title folding leaves alone is its
    // own sort key.
    let mut slugs = 0;
    for doc in index.docs.iter().filter(|d| d.bank_question.is_none()) {
        let note = vault.note(doc.note.unwrap());
        assert!(Arc::ptr_eq(&doc.title, &note.title), "{}", note.title);
        if let (Some(h), Some(kept)) = (&note.heading, &doc.heading) {
            assert!(Arc::ptr_eq(h, kept), "{h}");
        }
        if crate::text::fold::fold(&note.title) == *note.title {
            assert!(Arc::ptr_eq(&doc.sort_key, &note.title), "{}", note.title);
            slugs += 1;
        } else {
            assert_eq!(*doc.sort_key, crate::text::fold::fold(&note.title));
        }
    }
    assert!(slugs > 0);
}
