//! `munje progress export` and `import` through the binary: files are
//! never clobbered, stdout works, and a merge reports bad lines by number.

use std::path::Path;
use std::process::{Command, Output};

use munje::quiz::{Attempt, ModeKind, Rating, Scheduler, SessionId, Timestamp};
use munje::store::Store;
use munje::vault::QuestionId;

pub fn munje(data: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in [
        "MUNJE_NOTES",
        "MUNJE_DATA_DIR",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        cmd.env_remove(var);
    }
    cmd.arg("--data-dir").arg(data).arg("--lang").arg("en");
    cmd.args(args).output().unwrap()
}

fn with_answers(data: &Path, n: i64) {
    let mut store = Store::open(&data.join("progress.db"), Timestamp(0)).unwrap();
    let s = Scheduler::new().unwrap();
    for i in 0..n {
        let a = Attempt {
            session: SessionId(format!("{}-1-0", data.display())),
            mode: ModeKind::Practice,
            question: QuestionId(format!("q-{i}").into()),
            tags: Vec::new(),
            chosen: vec!['A'],
            correct_letters: vec!['A'],
            correct: true,
            seconds: 3.0,
            at: Timestamp::from_secs(1_800_000_000 + i),
            rating: Rating::Good,
        };
        store.record(&a, Some(&s)).unwrap();
    }
}

#[test]
fn export_writes_a_file_once_and_replaces_it_only_with_force() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    with_answers(data.path(), 3);
    let file = out.path().join("progress.jsonl");
    let path = file.to_str().unwrap();
    let first = munje(data.path(), &["progress", "export", path]);
    assert!(first.status.success(), "{first:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.lines()
            .filter(|l| l.contains("\"type\":\"attempt\""))
            .count(),
        3
    );

    std::fs::write(&file, "mine").unwrap();
    let refused = munje(data.path(), &["progress", "export", path]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");

    let forced = munje(data.path(), &["progress", "export", path, "--force"]);
    assert!(forced.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");

    let stdout = munje(data.path(), &["progress", "export"]);
    assert_eq!(String::from_utf8_lossy(&stdout.stdout), text);
}

#[test]
fn import_merges_and_reports_a_malformed_line_by_number() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    with_answers(a.path(), 2);
    with_answers(b.path(), 1);
    let exported = munje(a.path(), &["progress", "export"]);
    let mut lines: Vec<String> = String::from_utf8(exported.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.insert(2, "not json".into());
    let file = a.path().join("a.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();

    let out = munje(b.path(), &["progress", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.jsonl:3: skipped a line that cannot be read"),
        "{stderr}"
    );
    let store = Store::open(&b.path().join("progress.db"), Timestamp(0)).unwrap();
    assert_eq!(
        store.attempts().unwrap().len(),
        3,
        "b's own answer and a's two"
    );

    let again = munje(b.path(), &["progress", "import", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(said.contains("imported: 0 new · 0 updated"), "{said}");
}
