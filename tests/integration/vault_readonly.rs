//! munje never writes into a vault: every file and folder of a fixture
//! vault (contents, sizes, modification times, and the folders' own
//! mtimes, which change when anything is created or deleted inside) is the
//! same after every command that reads it. The vault stays writable and is
//! each command's working directory, so a stray write would succeed and be
//! seen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::bounded::{GOOD_TITLE, path_str, run_bounded, write, write_good_note};
use super::terminal_faults::Tui;

/// What is recorded of one entry.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    len: u64,
    modified: Option<SystemTime>,
    contents: Option<Vec<u8>>,
}

/// Every entry under `root`, symlinks not followed.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut all = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let kind = if meta.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                stack.push(entry.unwrap().path());
            }
            "dir"
        } else if meta.file_type().is_symlink() {
            "symlink"
        } else {
            "file"
        };
        let contents = (kind == "file").then(|| std::fs::read(&path).unwrap());
        all.insert(
            path,
            Entry {
                kind,
                len: meta.len(),
                modified: meta.modified().ok(),
                contents,
            },
        );
    }
    all
}

/// A vault with notes, a bank, hidden tool folders, and a few broken files.
fn fixture_vault(dir: &Path) {
    write_good_note(dir);
    write(
        dir,
        "서비스/emr.md",
        "---\ntitle: EMR 노드\ntags: [service/emr]\n---\n# EMR 노드\n\n## 핵심 포인트\n\n\
         태스크 노드는 상태가 없다. [[멀쩡한 노트]]\n",
    );
    write(
        dir,
        "questions/bank.yaml",
        "- question: 중단 알림은 몇 분 전에 오는가?\n  options: [30초, 2분]\n  answer: B\n",
    );
    write(dir, ".obsidian/workspace.json", "{}");
    write(dir, "broken.md", b"# \xff\n");
    write(dir, "open.md", "---\ntitle: t\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("서비스/up")).unwrap();
}

/// Runs `args` on a fresh fixture vault (and a data dir outside it) and
/// asserts the vault is unchanged.
fn assert_untouched(args: &[&str], stdin: &[u8], codes: &[i32]) {
    let vault = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    fixture_vault(vault.path());
    let before = snapshot(vault.path());
    let mut full = args.to_vec();
    full.extend(["--notes", path_str(vault.path())]);
    full.extend(["--data-dir", path_str(data.path())]);
    let out = run_bounded(&full, stdin, &[("XDG_DATA_HOME", data.path())]);
    let code = out.status.code().unwrap();
    assert!(
        codes.contains(&code),
        "{args:?} exited {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(snapshot(vault.path()), before, "{args:?} changed the vault");
}

#[test]
fn check_never_writes_the_vault() {
    assert_untouched(&["check"], b"", &[1]);
    assert_untouched(&["check", "--format", "json"], b"", &[1]);
}

#[test]
fn export_and_tags_never_write_the_vault() {
    assert_untouched(&["export"], b"", &[0]);
    assert_untouched(&["tags"], b"", &[0]);
}

#[test]
fn search_never_writes_the_vault() {
    assert_untouched(&["search", "노드"], b"", &[0]);
    assert_untouched(&["search", "--json", "tag:service"], b"", &[0]);
}

#[cfg(unix)]
#[test]
fn a_tui_session_never_writes_the_vault() {
    let vault = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    fixture_vault(vault.path());
    let before = snapshot(vault.path());
    let mut tui = Tui::start(vault.path(), data.path(), &[]);
    tui.wait_for(GOOD_TITLE);
    // Open a note, search, and leave.
    tui.send("\r");
    tui.send("\x1b");
    tui.send("/");
    tui.send("emr");
    tui.send("\x1b");
    tui.send("\x03");
    tui.wait_exit();
    tui.assert_restored();
    assert_eq!(snapshot(vault.path()), before, "the TUI changed the vault");
}

#[test]
fn plain_quiz_never_writes_the_vault() {
    assert_untouched(&["quiz", "--plain", "--no-shuffle"], b"B\nA\n", &[0]);
}
