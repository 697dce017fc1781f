//! Hostile progress databases: a BLOB where letters belong, a row breaking
//! a CHECK constraint, a dropped `cards` table. The quiz, `stats`, `wrong`
//! and `search` go on with every readable row, say how many were skipped,
//! rebuild what can be derived, and never move the history aside for a row
//! the schema did not expect. Commands that only read the store open it
//! read-only and create nothing.

use std::path::Path;

use super::bounded::{path_str, run_bounded, write, write_good_note};

/// A vault of two questions, asked in file order.
fn two_question_vault(dir: &Path) {
    write_good_note(dir);
    write(
        dir,
        "second.md",
        "# 두 번째\n\n## 관련 문제\n\n**문제:** 두 번째 질문인가?\n\n- A) 그렇다\n- B) 아니다\n\n\
         **정답: A**\n",
    );
}

/// Runs munje on `vault` with `data` as its data folder; exit status,
/// stdout, stderr.
fn munje(vault: &Path, data: &Path, args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    let mut all = args.to_vec();
    all.extend([
        "--lang",
        "en",
        "--notes",
        path_str(vault),
        "--data-dir",
        path_str(data),
    ]);
    let out = run_bounded(&all, stdin, &[]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const QUIZ: &[&str] = &["quiz", "--plain", "--no-shuffle"];

#[test]
fn bad_rows_and_a_dropped_cards_table_never_stop_the_store() {
    let vault = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let data = tempfile::tempdir().unwrap();
    // Two sessions of two answers each: four rows.
    for _ in 0..2 {
        let (code, out, err) = munje(vault.path(), data.path(), QUIZ, b"A\nB\n");
        assert_eq!(code, Some(0), "{out}{err}");
    }
    let db = rusqlite::Connection::open(data.path().join("progress.db")).unwrap();
    db.execute_batch(
        "UPDATE attempts SET chosen = x'00ff' WHERE id = 1;
         PRAGMA ignore_check_constraints = ON;
         UPDATE attempts SET is_correct = 9 WHERE id = 2;
         DROP TABLE cards;",
    )
    .unwrap();
    drop(db);
    let (code, out, err) = munje(vault.path(), data.path(), &["stats", "--json"], b"");
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(err.contains("skipped 2 unreadable rows"), "{err}");
    let stats: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(stats["attempts"], 2, "{stats:#}");
    let (code, out, err) = munje(vault.path(), data.path(), &["wrong"], b"");
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, err) = munje(vault.path(), data.path(), &["search", "is:wrong"], b"");
    assert!(code == Some(0) || code == Some(1), "{out}{err}");
    let (code, out, err) = munje(vault.path(), data.path(), QUIZ, b"A\nA\n");
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Score: 1/2"), "{out}");
    // The quiz rebuilt the cards from the readable attempts and kept going.
    let db = rusqlite::Connection::open(data.path().join("progress.db")).unwrap();
    let cards: i64 = db
        .query_row("SELECT count(*) FROM cards", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cards, 2);
    let rows: i64 = db
        .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 6, "the bad rows are kept, not deleted");
    assert!(
        names(data.path()).iter().all(|n| !n.contains("corrupt")),
        "{:?}",
        names(data.path())
    );
}

#[test]
fn read_only_commands_create_nothing_in_the_data_folder() {
    let vault = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let data = tempfile::tempdir().unwrap();
    for args in [
        &["stats"][..],
        &["stats", "--json"][..],
        &["wrong"][..],
        &["search", "is:due"][..],
    ] {
        let (code, out, err) = munje(vault.path(), data.path(), args, b"");
        assert!(code == Some(0) || code == Some(1), "{args:?}: {out}{err}");
        assert_eq!(names(data.path()), Vec::<String>::new(), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_serves_stats_and_wrong() {
    use std::os::unix::fs::PermissionsExt as _;
    let vault = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let data = tempfile::tempdir().unwrap();
    let (code, _, _) = munje(vault.path(), data.path(), QUIZ, b"B\nA\n");
    assert_eq!(code, Some(0));
    let mode = |m| std::fs::set_permissions(data.path(), std::fs::Permissions::from_mode(m));
    mode(0o555).unwrap();
    if std::fs::write(data.path().join("probe"), b"").is_ok() {
        // Running as root: permissions do not bind.
        std::fs::remove_file(data.path().join("probe")).unwrap();
        mode(0o755).unwrap();
        eprintln!("skipped: permissions do not bind for this user");
        return;
    }
    let stats = munje(vault.path(), data.path(), &["stats"], b"");
    let wrong = munje(vault.path(), data.path(), &["wrong"], b"");
    mode(0o755).unwrap();
    assert_eq!(stats.0, Some(0), "{stats:?}");
    assert!(stats.1.contains("Attempts: 2"), "{stats:?}");
    assert_eq!(wrong.0, Some(0), "{wrong:?}");
    assert!(wrong.1.contains("1 missed"), "{wrong:?}");
}
