//! `munje wrong --export FILE` aimed at what it must never write over:
//! an existing file, a vault note reached through a hard link or a
//! symbolic link, a pipe, a folder. The notebook is written to a temporary
//! file beside the target and renamed into place, so a refused or failed
//! export leaves every file as it was, and a FIFO cannot hang it.

use std::path::Path;

use super::bounded::{path_str, run_bounded, write, write_good_note};

/// `munje wrong --export target [extra]` on `vault` with its own data dir.
fn export(vault: &Path, target: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let data = tempfile::tempdir().unwrap();
    let mut args = vec![
        "wrong",
        "--export",
        path_str(target),
        "--notes",
        path_str(vault),
        "--data-dir",
        path_str(data.path()),
    ];
    args.extend(extra);
    let out = run_bounded(&args, b"", &[]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The files in a folder, by name.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_existing_file_is_kept_unless_forced_and_then_replaced_whole() {
    let vault = tempfile::tempdir().unwrap();
    write_good_note(vault.path());
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("오답노트.md");
    std::fs::write(&target, "my own notes\n").unwrap();
    let (code, err) = export(vault.path(), &target, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my own notes\n");
    let (code, err) = export(vault.path(), &target, &["--force"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("# "));
    // Written beside the target and renamed: no temporary file is left.
    assert_eq!(names(out.path()), ["오답노트.md"]);
}

#[cfg(unix)]
#[test]
fn a_hard_link_to_a_vault_note_is_refused_even_when_forced() {
    let vault = tempfile::tempdir().unwrap();
    write_good_note(vault.path());
    let before = std::fs::read(vault.path().join("good.md")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let link = out.path().join("link.md");
    std::fs::hard_link(vault.path().join("good.md"), &link).unwrap();
    let (code, err) = export(vault.path(), &link, &["--force"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("is the vault note"), "{err}");
    assert_eq!(std::fs::read(vault.path().join("good.md")).unwrap(), before);
    let symlink = out.path().join("symlink.md");
    std::os::unix::fs::symlink(vault.path().join("good.md"), &symlink).unwrap();
    let (code, err) = export(vault.path(), &symlink, &["--force"]);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(std::fs::read(vault.path().join("good.md")).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_is_refused_without_waiting() {
    let vault = tempfile::tempdir().unwrap();
    write_good_note(vault.path());
    let out = tempfile::tempdir().unwrap();
    let fifo = out.path().join("pipe.md");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    let (code, err) = export(vault.path(), &fifo, &["--force"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    let folder = out.path().join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    let (code, err) = export(vault.path(), &folder, &["--force"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_note_is_kept_when_no_vault_is_named() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "노트.md", "# 내 노트\n");
    let data = tempfile::tempdir().unwrap();
    let target = folder.path().join("노트.md");
    let out = run_bounded(
        &[
            "wrong",
            "--lang",
            "ko",
            "--export",
            path_str(&target),
            "--data-dir",
            path_str(data.path()),
        ],
        b"",
        &[],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("이미 있습니다"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# 내 노트\n");
}
