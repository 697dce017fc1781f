//! Integration tests: the progress store under real processes — a quiz
//! killed mid-session, two quizzes writing at once, a corrupt file and a
//! database from a newer munje, all through the `munje` binary.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

use munje::quiz::Timestamp;
use munje::store::{LATEST_VERSION, Store};

use crate::quiz_plain::{munje, run_with_input};

fn open(data: &Path) -> Store {
    let store = Store::open(&data.join("progress.db"), Timestamp(0)).unwrap();
    assert!(store.recovery().is_none(), "the database opens cleanly");
    store
}

#[test]
fn answers_before_a_kill_are_kept_and_the_database_opens_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let mut child = munje(data.path())
        .args(["quiz", "--plain", "--no-shuffle", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut verdicts = 0;
    for answer in ["C", "C"] {
        writeln!(stdin, "{answer}").unwrap();
        stdin.flush().unwrap();
        // A verdict is printed only after its answer is committed.
        for line in lines.by_ref() {
            let line = line.unwrap();
            if line.starts_with("Correct.") || line.starts_with("Incorrect.") {
                verdicts += 1;
                break;
            }
        }
    }
    assert_eq!(verdicts, 2);
    child.kill().unwrap();
    child.wait().unwrap();

    let store = open(data.path());
    let attempts = store.attempts().unwrap();
    let chosen: Vec<String> = attempts.iter().map(|a| a.chosen.iter().collect()).collect();
    assert_eq!(chosen, ["C", "C"]);
    assert_eq!(attempts.iter().filter(|a| a.correct).count(), 1);
    drop(store);
    let out = munje(data.path())
        .args(["stats", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["attempts"], 2);
}

#[test]
fn two_quizzes_at_once_both_record_everything() {
    let data = tempfile::tempdir().unwrap();
    let spawn = || {
        munje(data.path())
            .args(["quiz", "--plain", "--seed", "1", "--lang", "en"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut a = spawn();
    let mut b = spawn();
    // Feed both before waiting on either, so their writes interleave.
    for child in [&mut a, &mut b] {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"A\nA\nA\nAC\nA\n").unwrap();
    }
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = open(data.path());
    let attempts = store.attempts().unwrap();
    assert_eq!(attempts.len(), 10);
    let mut sessions: Vec<_> = attempts.iter().map(|a| a.session.clone()).collect();
    sessions.sort();
    sessions.dedup();
    assert_eq!(sessions.len(), 2, "two sessions, five answers each");
}

#[test]
fn a_corrupt_file_is_moved_aside_and_the_user_is_told_where() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("progress.db");
    std::fs::write(&db, "not a database at all, just text\n".repeat(100)).unwrap();
    let moved = answer_one_and_find_the_moved_file(data.path());
    assert!(
        std::fs::read_to_string(&moved)
            .unwrap()
            .starts_with("not a database")
    );
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("progress.db");
    drop(open(data.path()));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", LATEST_VERSION + 5)
        .unwrap();
    drop(conn);
    let before = std::fs::read(&db).unwrap();
    let out = munje(data.path()).args(["stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("newer munje"), "{stderr}");
    assert!(stderr.contains(&*db.to_string_lossy()), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn damage_found_beside_the_first_question_moves_the_file_aside_before_the_answer() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("progress.db");
    drop(open(data.path()));
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    let tx = conn.transaction().unwrap();
    for i in 0..3_000 {
        tx.execute(
            "INSERT INTO attempts (session_id, mode, question_id, chosen, correct_letters,
             is_correct, seconds, answered_at, tags, rating)
             VALUES ('s', 'practice', ?1, 'B', 'A', 0, 5.0, ?2, '', 'again')",
            rusqlite::params![format!("q-{i:05}"), 1_700_000_000_000_i64 + i],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    drop(conn);
    // Noise over a page past the middle: the first page still reads as a
    // current munje database, so only the whole-file check finds it.
    let mut bytes = std::fs::read(&db).unwrap();
    let at = (bytes.len() / 4096 / 2 + 1) * 4096;
    for (i, b) in bytes[at..at + 4096].iter_mut().enumerate() {
        *b = u8::try_from(i * 37 % 251).unwrap();
    }
    std::fs::write(&db, &bytes).unwrap();
    let moved = answer_one_and_find_the_moved_file(data.path());
    assert_eq!(
        std::fs::read(&moved).unwrap(),
        bytes,
        "nothing of the quiz went into the damaged file"
    );
}

/// Answers one question in the line mode on the data folder `data`, whose
/// progress file is unusable: the answer is kept in a fresh file, and the
/// user is told where the old one went. Returns where it went.
fn answer_one_and_find_the_moved_file(data: &Path) -> std::path::PathBuf {
    let out = run_with_input(
        {
            let mut cmd = munje(data);
            cmd.args(["quiz", "--plain", "--no-shuffle", "--lang", "en"]);
            cmd
        },
        "A\n",
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("was moved to"), "{stderr}");
    let moved: Vec<_> = std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(|c: char| c.is_ascii_digit()))
        .filter(|p| p.to_string_lossy().contains("progress.db.corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert!(stderr.contains(&*moved[0].to_string_lossy()), "{stderr}");
    assert_eq!(
        open(data).attempts().unwrap().len(),
        1,
        "the answer went to the fresh file"
    );
    moved[0].clone()
}
