//! The whole-file check beside the first reads against the check before
//! them: the same verdict on the same file, and nothing written into a
//! damaged file before it is moved aside.

use std::path::{Path, PathBuf};

use crate::quiz::Timestamp;
use crate::quiz::testing::attempt;
use crate::store::{DB_FILE, Store};

fn now() -> Timestamp {
    Timestamp::from_secs(1_800_000_000)
}

/// A closed store of 3,000 answers (enough pages to damage one that the
/// first page does not tell of); and its path.
pub(in crate::store) fn long_history() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    drop(Store::open(&path, now()).unwrap());
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    for i in 0..3_000 {
        tx.execute(
            "INSERT INTO attempts (session_id, mode, question_id, chosen, correct_letters,
             is_correct, seconds, answered_at, tags, rating)
             VALUES ('s', 'practice', ?1, 'B', 'A', 0, 5.0, ?2, 'service/emr', 'again')",
            rusqlite::params![format!("q-{i:05}"), 1_700_000_000_000_i64 + i],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    drop(conn);
    (dir, path)
}

/// Overwrites one page past the middle of the file with noise, leaving
/// the first page (application id, schema version, schema) as it was.
pub(in crate::store) fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let at = (bytes.len() / page / 2 + 1) * page;
    for (i, b) in bytes[at..at + page].iter_mut().enumerate() {
        *b = u8::try_from(i * 37 % 251).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

/// Two copies of the same damaged file.
fn damaged_twice() -> (tempfile::TempDir, PathBuf, tempfile::TempDir, PathBuf) {
    let (dir, path) = long_history();
    damage(&path);
    let other = tempfile::tempdir().unwrap();
    let copy = other.path().join(DB_FILE);
    std::fs::copy(&path, &copy).unwrap();
    (dir, path, other, copy)
}

#[test]
fn a_sound_file_is_judged_sound_either_way_and_writes_go_to_it() {
    let (_dir, path) = long_history();
    let mut store = Store::open_checking_beside(&path, now()).unwrap();
    assert!(store.recovery().is_none());
    assert_eq!(store.history().unwrap().questions.len(), 3_000);
    store
        .record(&attempt("new", &['A'], &['A'], 1), None)
        .unwrap();
    assert!(!store.finish_check().unwrap(), "checked once, at the write");
    assert!(store.recovery().is_none());
    drop(store);
    let store = Store::open(&path, now()).unwrap();
    assert!(store.recovery().is_none());
    assert_eq!(store.attempts().unwrap().len(), 3_001);
}

#[test]
fn damage_the_first_page_does_not_show_is_found_by_both_openings() {
    let (_d1, first, _d2, beside) = damaged_twice();
    let checked_first = Store::open(&first, now()).unwrap();
    let early = checked_first.recovery().expect("the check before reading");

    let mut store = Store::open_checking_beside(&beside, now()).unwrap();
    assert!(
        store.recovery().is_none(),
        "not known before the check ends"
    );
    assert!(store.finish_check().unwrap());
    let late = store.recovery().expect("the check beside the reads");
    assert_eq!(late.reason, early.reason);
    assert!(late.moved_to.is_file());
    assert!(!store.finish_check().unwrap(), "told once");
}

#[test]
fn the_first_write_waits_for_the_check_and_goes_to_a_fresh_file() {
    let (_dir, path) = long_history();
    damage(&path);
    let damaged = std::fs::read(&path).unwrap();
    let mut store = Store::open_checking_beside(&path, now()).unwrap();
    store
        .start_session(
            &crate::quiz::SessionId("s2".into()),
            crate::quiz::ModeKind::Practice,
            None,
            1,
            now(),
        )
        .unwrap();
    store
        .record(&attempt("new", &['A'], &['A'], 1), None)
        .unwrap();
    let moved = store.recovery().expect("moved aside before the write");
    assert_eq!(
        std::fs::read(&moved.moved_to).unwrap(),
        damaged,
        "nothing of this process went into the damaged file"
    );
    let ids: Vec<String> = store
        .attempts()
        .unwrap()
        .into_iter()
        .map(|a| a.question.0.to_string())
        .collect();
    assert_eq!(ids, ["new"], "the answer is in the fresh file");
    drop(store);
    let reopened = Store::open(&path, now()).unwrap();
    assert!(reopened.recovery().is_none());
    assert_eq!(reopened.attempts().unwrap().len(), 1);
}

#[test]
fn a_store_closed_before_any_write_does_not_wait_for_its_check() {
    let (_dir, path) = long_history();
    let store = Store::open_checking_beside(&path, now()).unwrap();
    assert_eq!(store.history().unwrap().questions.len(), 3_000);
    drop(store);
    let store = Store::open(&path, now()).unwrap();
    assert!(store.recovery().is_none());
}

#[test]
fn a_file_that_needs_writing_to_open_is_checked_first() {
    let (_dir, path) = long_history();
    damage(&path);
    let conn = rusqlite::Connection::open(&path).unwrap();
    // An older schema version: opening would migrate, so it checks first.
    conn.pragma_update(None, "user_version", crate::store::LATEST_VERSION - 1)
        .unwrap();
    drop(conn);
    let store = Store::open_checking_beside(&path, now()).unwrap();
    assert!(store.recovery().is_some());
}

#[test]
fn a_check_left_to_the_first_write_judges_as_the_others_do() {
    let (_d1, damaged, _d2, _copy) = damaged_twice();
    let mut store = Store::open_checking_at_first_write(&damaged, now()).unwrap();
    assert!(store.recovery().is_none());
    store
        .record(&attempt("new", &['A'], &['A'], 1), None)
        .unwrap();
    assert!(store.recovery().is_some(), "moved aside before the write");
    assert_eq!(store.attempts().unwrap().len(), 1);

    let (_dir, sound) = long_history();
    let mut store = Store::open_checking_at_first_write(&sound, now()).unwrap();
    store
        .record(&attempt("new", &['A'], &['A'], 1), None)
        .unwrap();
    assert!(store.recovery().is_none());
    assert_eq!(store.attempts().unwrap().len(), 3_001);
}
