//! A vault edited one note at a time against a whole load of the same
//! files, after every one of a few hundred random edits.

use std::path::{Path, PathBuf};

use super::*;
use crate::vault::load::tests::copy_dir;
use crate::vault::{NoteIx, Vault, load};

/// A small generator of edits, the same on every run.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap_or(0)
    }
}

fn notes_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            notes_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

fn whole(root: &Path) -> Vault {
    let options = LoadOptions {
        threads: 2,
        ..LoadOptions::default()
    };
    let vault = load(&[root.to_owned()], &options, &|_| {}).unwrap();
    // Made, so that editing has them to keep up to date.
    vault.catalog();
    vault.make_link_tables();
    vault
}

/// A vault's notes with their bodies as written, and its banks without
/// where their texts are kept: which buffer holds a text is the load's
/// business, not something a person or a later step reads.
fn readable(v: &Vault) -> (Vec<crate::vault::Note>, Vec<crate::vault::Bank>) {
    let notes = v.notes.iter().map(|n| crate::vault::Note {
        body: v.body(n).into_owned().into(),
        ..n.clone()
    });
    let banks = v.banks.iter().map(|b| crate::vault::Bank {
        texts: Vec::new(),
        ..b.clone()
    });
    (notes.collect(), banks.collect())
}

/// Everything a person or a later step can read of a vault.
fn assert_same(edited: &Vault, fresh: &Vault, what: &str) {
    let (edited_notes, edited_banks) = readable(edited);
    let (fresh_notes, fresh_banks) = readable(fresh);
    assert_eq!(
        format!("{edited_notes:?}"),
        format!("{fresh_notes:?}"),
        "notes after {what}"
    );
    assert_eq!(
        format!("{:?}", edited.questions),
        format!("{:?}", fresh.questions),
        "questions after {what}"
    );
    assert_eq!(
        format!("{edited_banks:?}"),
        format!("{fresh_banks:?}"),
        "banks after {what}"
    );
    assert_eq!(
        format!("{:#?}", edited.diagnostics),
        format!("{:#?}", fresh.diagnostics),
        "diagnostics after {what}"
    );
    assert!(edited.catalog() == fresh.catalog(), "catalog after {what}");
    for ix in (0..fresh.notes.len()).map(NoteIx) {
        assert_eq!(
            edited.backlinks(ix),
            fresh.backlinks(ix),
            "backlinks of {ix:?} after {what}"
        );
    }
    for n in &fresh.notes {
        for key in keys(n).iter().flatten() {
            assert_eq!(
                edited.find_note(key),
                fresh.find_note(key),
                "name {key} after {what}"
            );
        }
    }
}

/// The text of the last question block of a note, if it has one.
fn last_question(text: &str) -> Option<std::ops::Range<usize>> {
    let start = text.rfind("**Question")?;
    let end = text[start..]
        .find("\n## ")
        .map_or(text.len(), |i| start + i + 1);
    Some(start..end)
}

/// One random change to a note's text, and its name.
fn change(text: &str, other: &str, dice: &mut Dice) -> (String, &'static str) {
    let mut t = text.to_owned();
    let what = match dice.below(9) {
        0 => {
            t.push_str("\n추가된 문단입니다. [[spot-allocation-strategies]]\n");
            "a paragraph and a link"
        }
        1 => {
            if let Some(at) = t.find("title: ") {
                t.insert_str(at + 7, "renamed-");
            } else {
                t.insert_str(0, "---\ntitle: 새 제목\n---\n");
            }
            "the title"
        }
        2 => match t.find("tags:\n") {
            Some(at) => {
                t.insert_str(at + 6, "  - edited/new-tag\n");
                "a new tag"
            }
            None => "nothing",
        },
        3 => match t.find("\n  - ") {
            Some(at) => {
                let end = t[at + 1..].find('\n').map_or(t.len(), |i| at + 1 + i);
                t.replace_range(at..end, "");
                "a tag removed"
            }
            None => "nothing",
        },
        4 => match last_question(&t) {
            Some(r) => {
                t.replace_range(r, "");
                "a question removed"
            }
            None => "nothing",
        },
        5 => match (last_question(other), t.rfind("## 📚")) {
            (Some(r), Some(at)) => {
                let block = other[r].to_owned();
                t.insert_str(at, &format!("{block}\n"));
                "another note's question copied in"
            }
            _ => "nothing",
        },
        6 => match t.find("aliases: [") {
            Some(at) => {
                t.insert_str(at + 10, "\"새 별칭\", ");
                "an alias"
            }
            None => "nothing",
        },
        7 => match t.find("tags:") {
            Some(at) => {
                t.insert_str(at, "broken: [unclosed\n");
                "broken frontmatter"
            }
            None => "nothing",
        },
        _ => {
            t = other.to_owned();
            "another note's whole text"
        }
    };
    (t, what)
}

fn walk_edits(source: &Path, steps: usize, seed: u64) -> (usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    copy_dir(source, &root);
    let mut files = Vec::new();
    notes_under(&root, &mut files);
    files.sort();
    let mut vault = whole(&root);
    let mut dice = Dice(seed);
    let (mut applied, mut refused) = (0, 0);
    for step in 0..steps {
        let path = &files[dice.below(files.len())];
        let other = std::fs::read_to_string(&files[dice.below(files.len())]).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let (new, what) = change(&text, &other, &mut dice);
        std::fs::write(path, new).unwrap();
        let what = format!("step {step}, {what} in {}", path.display());
        let edit = read_note(&[&root], path, &LoadOptions::default()).unwrap();
        match vault.apply_edit(edit) {
            Ok(edited) => {
                applied += 1;
                assert_eq!(
                    vault.note(edited.note).questions.len(),
                    edited.questions_after.len()
                );
            }
            Err(NotAlone::Banks) => {
                refused += 1;
                vault = whole(&root);
            }
            Err(e) => panic!("{e:?} after {what}"),
        }
        assert_same(&vault, &whole(&root), &what);
    }
    (applied, refused)
}

#[test]
fn every_edit_of_the_bundled_notes_gives_the_vault_a_whole_load_gives() {
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join("notes");
    let (applied, refused) = walk_edits(&notes, 80, 0x9E37_79B9_7F4A_7C15);
    assert_eq!((applied, refused), (80, 0));
}

#[test]
fn a_vault_with_banks_takes_edits_that_leave_the_banks_alone() {
    let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vaults/forms");
    let (applied, refused) = walk_edits(&forms, 60, 7);
    assert!(
        applied > 20 && refused > 5,
        "{applied} applied, {refused} refused"
    );
}

#[test]
fn new_files_banks_and_files_outside_the_roots_need_a_whole_load() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vaults/forms"),
        &root,
    );
    let mut vault = whole(&root);
    let new = root.join("notes/new.md");
    std::fs::write(&new, "# 새 노트\n").unwrap();
    let edit = read_note(&[&root], &new, &LoadOptions::default()).unwrap();
    assert_eq!(vault.apply_edit(edit).unwrap_err(), NotAlone::NotANote);
    let bank = root.join("questions/bank.yaml");
    assert_eq!(
        read_note(&[&root], &bank, &LoadOptions::default()).unwrap_err(),
        NotAlone::NotANote
    );
    let outside = dir.path().join("elsewhere.md");
    std::fs::write(&outside, "# 밖\n").unwrap();
    assert_eq!(
        read_note(&[&root], &outside, &LoadOptions::default()).unwrap_err(),
        NotAlone::NotANote
    );
    std::fs::remove_file(&new).unwrap();
    assert_eq!(
        read_note(&[&root], &new, &LoadOptions::default()).unwrap_err(),
        NotAlone::NotANote
    );
}
