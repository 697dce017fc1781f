//! Loading whole vaults: the walk's filters, order, merging, limits,
//! progress and bank linking.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::vault::{QuestionOrigin, Severity, Vault};

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vaults")
        .join(name)
}

pub(crate) fn load_one(root: &Path) -> Vault {
    load(&[root.to_owned()], &LoadOptions::default(), &|_| {}).unwrap()
}

#[test]
fn forms_vault_loads_clean_with_banks_linked_to_notes() {
    let v = load_one(&fixture("forms"));
    assert!(v.diagnostics.is_empty(), "{:?}", v.diagnostics);
    let paths: Vec<&str> = v.notes.iter().map(|n| &*n.path).collect();
    assert_eq!(
        paths,
        [
            "notes/aws/numbered-labels.md",
            "notes/aws/spot-interruption.md",
            "notes/crlf-bom.md",
            "notes/no-frontmatter.md"
        ]
    );
    assert_eq!(v.banks.len(), 1);
    assert_eq!(v.banks[0].path, "questions/bank.yaml");
    assert_eq!(v.questions.len(), 7);
    for (i, n) in v.notes.iter().enumerate() {
        for &qi in &n.questions {
            assert_eq!(v.question(qi).origin, QuestionOrigin::Note(NoteIx(i)));
            assert_eq!(v.question(qi).note, Some(NoteIx(i)));
        }
    }
    let spot = v.find_note("spot-interruption").unwrap();
    let banked = v.question(v.banks[0].questions[0]);
    assert_eq!(banked.note, Some(spot));
    let tags: Vec<&str> = banked.tags.iter().map(crate::vault::Tag::as_str).collect();
    assert_eq!(tags, ["exam/saa", "service/ec2", "instance/spot-instances"]);
    // Linked by alias, shown by the note's title.
    let by_alias = v.question(v.banks[0].questions[1]);
    assert_eq!(by_alias.note_title.as_deref(), Some("emr-node-types"));
}

use crate::vault::NoteIx;

#[test]
fn hidden_ignored_and_folder_named_md_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("broken"), dir.path());
    std::fs::create_dir(dir.path().join("folder.md")).unwrap();
    let v = load_one(dir.path());
    let paths: Vec<&str> = v.notes.iter().map(|n| &*n.path).collect();
    assert_eq!(
        paths,
        ["broken-yaml.md", "question-errors.md", "unterminated.md"]
    );
    let skipped: Vec<&str> = v
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("skipped"))
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(skipped, ["binary.md", "invalid-utf8.md"]);
    let (errors, warnings) = v.diagnostic_counts();
    assert_eq!((errors, warnings), (13, 2));
    let mut sorted = v.diagnostics.clone();
    sorted.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    assert_eq!(sorted, v.diagnostics);
}

/// Copies a folder and everything under it to `to`, made if missing (for
/// tests that change the files of a fixture).
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn roots_merge_in_the_order_given() {
    let v = load(
        &[fixture("forms"), fixture("broken")],
        &LoadOptions::default(),
        &|_| {},
    )
    .unwrap();
    assert_eq!(v.roots.len(), 2);
    assert_eq!(v.notes.len(), 7);
    assert!(v.notes[..4].iter().all(|n| n.root == 0));
    assert!(v.notes[4..].iter().all(|n| n.root == 1));
    assert!(v.diagnostics.iter().all(|d| d.root == 1));
}

#[test]
fn a_missing_root_or_a_file_root_is_an_error() {
    let missing = load(&[fixture("nope")], &LoadOptions::default(), &|_| {});
    assert!(matches!(missing, Err(LoadError::Unreadable { .. })));
    let file = load(
        &[fixture("forms/notes/crlf-bom.md")],
        &LoadOptions::default(),
        &|_| {},
    );
    assert!(matches!(file, Err(LoadError::NotAFolder { .. })));
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::write(dir.path().join("a/노트.md"), "# 노트\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    let v = load_one(dir.path());
    assert_eq!(v.notes.len(), 1);
    assert!(
        v.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.path.starts_with("a/loop")),
        "{:?}",
        v.diagnostics
    );
}

#[cfg(unix)]
#[test]
fn links_leading_outside_the_vault_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("밖.md"), "# 밖\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("안")).unwrap();
    std::fs::write(dir.path().join("안/노트.md"), "# 노트\n").unwrap();
    // A link out of the vault (like `home -> /`) would make the walk
    // unbounded.
    std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("밖.md"), dir.path().join("밖.md")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("안"), dir.path().join("inside")).unwrap();
    let v = load_one(dir.path());
    let paths: Vec<&str> = v.notes.iter().map(|n| &*n.path).collect();
    // The link inside leads to a folder already read: read once, by its
    // real path.
    assert_eq!(paths, ["안/노트.md"]);
    for link in ["out", "밖.md"] {
        assert!(
            v.diagnostics.iter().any(|d| d.severity == Severity::Warning
                && d.path == link
                && d.message.contains("outside the vault")),
            "{link}: {:?}",
            v.diagnostics
        );
    }
}

#[test]
fn files_over_the_size_limit_are_skipped_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("큰.md"), "가".repeat(400)).unwrap();
    std::fs::write(dir.path().join("작은.md"), "# 작은 노트\n").unwrap();
    let opts = LoadOptions {
        max_file_bytes: 1000,
        ..LoadOptions::default()
    };
    let v = load(&[dir.path().to_owned()], &opts, &|_| {}).unwrap();
    assert_eq!(v.notes.len(), 1);
    assert_eq!(v.diagnostics.len(), 1);
    assert!(
        v.diagnostics[0].message.contains("1200 bytes"),
        "{}",
        v.diagnostics[0].message
    );
}

#[test]
fn progress_counts_every_file() {
    let calls = AtomicUsize::new(0);
    let last = AtomicUsize::new(0);
    let v = load(
        &[fixture("forms")],
        &LoadOptions::default(),
        &|p: Progress| {
            assert_eq!(p.total, 5);
            calls.fetch_add(1, Ordering::Relaxed);
            last.fetch_max(p.done, Ordering::Relaxed);
        },
    )
    .unwrap();
    assert_eq!(v.notes.len() + v.banks.len(), 5);
    assert_eq!(calls.load(Ordering::Relaxed), 5);
    assert_eq!(last.load(Ordering::Relaxed), 5);
}

#[test]
fn order_does_not_depend_on_the_thread_count() {
    let one = load(
        &[fixture("forms")],
        &LoadOptions {
            threads: 1,
            ..LoadOptions::default()
        },
        &|_| {},
    )
    .unwrap();
    let four = load(
        &[fixture("forms")],
        &LoadOptions {
            threads: 4,
            ..LoadOptions::default()
        },
        &|_| {},
    )
    .unwrap();
    let ids = |v: &Vault| v.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&one), ids(&four));
}

#[test]
fn bundled_deck_loads_without_errors() {
    let v = crate::vault::load_bundled();
    assert_eq!(v.roots, ["(bundled)"]);
    assert!(v.notes.iter().all(|n| n.path.starts_with("notes/")));
    assert!(v.banks.iter().all(|b| b.path.starts_with("questions/")));
    assert_eq!(v.diagnostic_counts().0, 0, "{:?}", v.diagnostics);
}

#[test]
fn duplicate_question_ids_are_warned() {
    let dir = tempfile::tempdir().unwrap();
    let note = "---\ntitle: 같은 제목\n---\n## 문제\n\n**Q:** 같은 질문\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n";
    std::fs::write(dir.path().join("a.md"), note).unwrap();
    std::fs::write(dir.path().join("b.md"), note).unwrap();
    let v = load_one(dir.path());
    assert_eq!(v.diagnostics.len(), 1);
    assert_eq!(v.diagnostics[0].path, "b.md");
    assert!(
        v.diagnostics[0].message.contains("a.md:6"),
        "{}",
        v.diagnostics[0].message
    );
}

#[test]
fn every_later_use_of_an_id_is_reported_against_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let note = "---\ntitle: 같은 제목\n---\n## 문제\n\n**Q:** 같은 질문\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n";
    for name in ["c.md", "a.md", "b.md"] {
        std::fs::write(dir.path().join(name), note).unwrap();
    }
    let v = load_one(dir.path());
    let found: Vec<(&str, bool)> = v
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.message.contains("a.md:6")))
        .collect();
    assert_eq!(found, [("b.md", true), ("c.md", true)]);
}

#[test]
fn one_buffer_reads_files_of_any_size_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let big = "가나다\n".repeat(30_000); // 300,000 bytes: the buffer grows
    let cases = [
        ("big.md", big.as_str()),
        ("small.md", "# 짧은 노트\n"),
        ("empty.md", ""),
    ];
    let mut buffer = Vec::new();
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let n = super::read_capped(&path, name, 1_000_000, &mut buffer).unwrap();
        assert_eq!(&buffer[..n], text.as_bytes(), "{name}");
    }
    // Exactly at the limit is allowed; one byte more is not.
    let path = dir.path().join("edge.md");
    std::fs::write(&path, "a".repeat(70_000)).unwrap();
    assert_eq!(
        super::read_capped(&path, "edge.md", 70_000, &mut buffer),
        Ok(70_000)
    );
    let d = super::read_capped(&path, "edge.md", 69_999, &mut buffer).unwrap_err();
    assert!(d.message.contains("70000 bytes"), "{}", d.message);
}

#[cfg(unix)]
#[test]
fn folders_reached_through_many_links_are_walked_once() {
    // Two links from each folder to the next: 2^12 paths to the last one.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..13 {
        let folder = dir.path().join(format!("f{i:02}"));
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("노트.md"), format!("# 노트 {i}\n")).unwrap();
        let next = format!("../f{:02}", i + 1);
        std::os::unix::fs::symlink(&next, folder.join("x")).unwrap();
        std::os::unix::fs::symlink(&next, folder.join("y")).unwrap();
    }
    let v = load_one(dir.path());
    let paths: Vec<&str> = v.notes.iter().map(|n| &*n.path).collect();
    let expected: Vec<String> = (0..13).map(|i| format!("f{i:02}/노트.md")).collect();
    assert_eq!(paths, expected);
}

#[cfg(unix)]
#[test]
fn hard_links_and_file_links_are_read_once_by_the_first_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.md"), "# 하나\n").unwrap();
    std::fs::hard_link(dir.path().join("b.md"), dir.path().join("a.md")).unwrap();
    std::os::unix::fs::symlink("b.md", dir.path().join("c.md")).unwrap();
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    std::fs::write(dir.path().join(".hidden/숨은.md"), "# 숨은\n").unwrap();
    std::os::unix::fs::symlink(".hidden", dir.path().join("shown")).unwrap();
    let v = load_one(dir.path());
    let paths: Vec<&str> = v.notes.iter().map(|n| &*n.path).collect();
    // A hidden folder is still reached through a link to it.
    assert_eq!(paths, ["a.md", "shown/숨은.md"]);
}

#[test]
fn a_walk_past_its_budget_stops_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        std::fs::write(dir.path().join(format!("n{i}.md")), "# n\n").unwrap();
    }
    let opts = LoadOptions {
        walk_budget: 10,
        ..LoadOptions::default()
    };
    let v = load(&[dir.path().to_owned()], &opts, &|_| {}).unwrap();
    assert!(v.notes.len() < 10, "{}", v.notes.len());
    assert!(
        v.diagnostics.iter().any(|d| d.severity == Severity::Error
            && d.message.contains("walk stopped after visiting 10")),
        "{:?}",
        v.diagnostics
    );
}

#[cfg(target_os = "linux")]
#[test]
fn the_file_system_root_and_proc_are_refused() {
    for root in ["/", "/proc", "/sys"] {
        let got = load(&[PathBuf::from(root)], &LoadOptions::default(), &|_| {});
        assert!(matches!(got, Err(LoadError::Refused { .. })), "{root}");
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_note_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .unwrap();
    assert!(status.success());
    let v = load_one(dir.path());
    assert!(v.notes.is_empty());
    assert!(
        v.diagnostics.iter().any(|d| d.path == "pipe.md"
            && d.severity == Severity::Warning
            && d.message.contains("named pipe")),
        "{:?}",
        v.diagnostics
    );
}

#[test]
fn a_bank_over_the_size_limit_is_called_a_bank() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("questions")).unwrap();
    std::fs::write(dir.path().join("questions/big.yaml"), "#".repeat(2000)).unwrap();
    let opts = LoadOptions {
        max_file_bytes: 1000,
        ..LoadOptions::default()
    };
    let v = load(&[dir.path().to_owned()], &opts, &|_| {}).unwrap();
    let d = &v.diagnostics[0];
    assert!(d.message.contains("for a question bank"), "{}", d.message);
    assert!(!d.message.contains("note"), "{}", d.message);
}
