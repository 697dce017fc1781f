//! Store faults seen from the plain quiz: a data folder munje cannot write
//! (the quiz still runs, says so, and touches nothing), and a database
//! locked by another process past the busy timeout (a clear message, the
//! answer kept and retried, nothing lost once the lock goes).
//!
//! `MUNJE_BUSY_TIMEOUT_MS` shortens the store's busy timeout so a lock can
//! outlast it in a fraction of a second.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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

fn quiz_args<'a>(vault: &'a Path, data: &'a Path) -> Vec<&'a str> {
    vec![
        "quiz",
        "--plain",
        "--no-shuffle",
        "--lang",
        "en",
        "--notes",
        path_str(vault),
        "--data-dir",
        path_str(data),
    ]
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap_or_default();
            (path.display().to_string(), bytes)
        })
        .collect();
    all.sort();
    all
}

fn assert_quiz_runs_without_recording(vault: &Path, data: &Path) {
    let out = run_bounded(&quiz_args(vault, data), b"A\nA\n", &[]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("Score: 1/2"), "{stdout}");
    assert!(
        stderr.contains("cannot record progress") || stderr.contains("could not save"),
        "not told that progress is not kept:\n{stderr}"
    );
}

#[test]
fn unusable_data_folder_still_runs_the_quiz_and_says_it_cannot_record() {
    let vault = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let parent = tempfile::tempdir().unwrap();
    // A file where the data folder should be: no one, not even root, can
    // create the folder, so this holds on every machine.
    write(parent.path(), "blocker", "not a folder");
    let data = parent.path().join("blocker/munje");
    assert_quiz_runs_without_recording(vault.path(), &data);
    assert_eq!(
        std::fs::read(parent.path().join("blocker")).unwrap(),
        b"not a folder"
    );
}

#[cfg(unix)]
#[test]
fn read_only_data_folder_keeps_its_progress_untouched() {
    use std::os::unix::fs::PermissionsExt as _;
    let vault = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let data = tempfile::tempdir().unwrap();
    // Earlier progress, then the folder and file made read-only.
    let first = run_bounded(&quiz_args(vault.path(), data.path()), b"B\nA\n", &[]);
    assert_eq!(first.status.code(), Some(0));
    let set = |mode| {
        for (path, _) in files(data.path()) {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o666)).unwrap();
        }
        std::fs::set_permissions(data.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set(0o555);
    if std::fs::write(data.path().join("probe"), b"").is_ok() {
        // Running as root: permissions do not bind, so there is nothing
        // to test here (the unusable-folder test above still runs).
        std::fs::remove_file(data.path().join("probe")).unwrap();
        set(0o755);
        eprintln!("skipped: permissions do not bind for this user");
        return;
    }
    let before = files(data.path());
    assert_quiz_runs_without_recording(vault.path(), data.path());
    let after = files(data.path());
    set(0o755);
    assert_eq!(after, before, "the read-only progress folder changed");
}

/// A running plain quiz whose input is typed a line at a time.
struct LiveQuiz {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl LiveQuiz {
    fn start(vault: &Path, data: &Path) -> LiveQuiz {
        let mut child = Command::new(env!("CARGO_BIN_EXE_munje"))
            .args(quiz_args(vault, data))
            .env("MUNJE_BUSY_TIMEOUT_MS", "200")
            .env_remove("MUNJE_NOTES")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let (sink, mut pipe) = (Arc::clone(&stderr), child.stderr.take().unwrap());
        std::thread::spawn(move || {
            let mut buf = [0u8; 1024];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        LiveQuiz { child, stderr }
    }

    fn type_line(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    fn wait_for_stderr(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let err = self.stderr.lock().unwrap().clone();
            if err.contains(text) {
                return err;
            }
            assert!(Instant::now() < deadline, "no {text:?} on stderr:\n{err}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn finish(mut self) -> (i32, String) {
        drop(self.child.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the quiz did not end");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        std::thread::sleep(Duration::from_millis(50));
        let err = self.stderr.lock().unwrap().clone();
        (status.code().unwrap(), err)
    }
}

/// Answers recorded so far.
fn attempts(db: &rusqlite::Connection) -> i64 {
    db.query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap()
}

/// Creates the database (a quiz that stops at once) and opens it.
fn existing_database(vault: &Path, data: &Path) -> rusqlite::Connection {
    let out = run_bounded(&quiz_args(vault, data), b"q\n", &[]);
    assert_eq!(out.status.code(), Some(0));
    let db = rusqlite::Connection::open(data.join("progress.db")).unwrap();
    assert_eq!(attempts(&db), 0);
    db
}

#[test]
fn locked_database_keeps_the_answer_and_saves_it_once_the_lock_goes() {
    let vault = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let db = existing_database(vault.path(), data.path());
    // Another process takes the write lock and holds it past the timeout.
    db.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut quiz = LiveQuiz::start(vault.path(), data.path());
    quiz.type_line("B");
    let err = quiz.wait_for_stderr("could not save this answer yet");
    assert!(err.contains("locked") || err.contains("busy"), "{err}");
    assert!(err.contains("1 waiting"), "{err}");
    assert_eq!(attempts(&db), 0);
    db.execute_batch("COMMIT").unwrap();
    quiz.type_line("A");
    let (code, err) = quiz.finish();
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("not saved"), "{err}");
    assert_eq!(attempts(&db), 2, "an answer was lost:\n{err}");
}

#[test]
fn database_locked_to_the_end_says_how_many_answers_were_not_saved() {
    let vault = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    two_question_vault(vault.path());
    let db = existing_database(vault.path(), data.path());
    db.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut quiz = LiveQuiz::start(vault.path(), data.path());
    quiz.type_line("B");
    quiz.type_line("A");
    let (code, err) = quiz.finish();
    db.execute_batch("COMMIT").unwrap();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 answers not saved"), "{err}");
}
