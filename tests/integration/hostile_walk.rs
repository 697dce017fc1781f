//! Hostile folder trees: links that multiply the paths to the same files,
//! hard links, pipes, and roots that are not folders of notes (`/`,
//! `/proc`, `/sys`). Each real file is read once, the walk stays within
//! the bounds of `bounded::run_bounded`, and a refused root exits 2 with a
//! message saying why.

use std::path::Path;

use super::bounded::{exported_note, run_bounded};
use super::hostile::{Expect, assert_hostile};

/// Folders `f00`…`f{n-1}`, each with a note and two links to the next:
/// 2^n paths lead to the last one.
#[cfg(unix)]
fn two_links_per_folder(dir: &Path, n: usize) {
    for i in 0..n {
        let folder = dir.join(format!("links/f{i:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("노트.md"), format!("# 링크 노트 {i}\n")).unwrap();
        let next = format!("../f{:02}", i + 1);
        std::os::unix::fs::symlink(&next, folder.join("a")).unwrap();
        std::os::unix::fs::symlink(&next, folder.join("b")).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn folders_linked_twice_forty_deep_are_each_read_once() {
    let export = assert_hostile(
        |d| two_links_per_folder(d, 40),
        Expect {
            code: 0,
            diagnostic: None,
        },
    );
    let notes = export["notes"].as_array().unwrap();
    // The good note and the forty, each once, by its real path.
    assert_eq!(notes.len(), 41);
    assert!(exported_note(&export, "links/f39/노트.md").is_some());
}

#[cfg(unix)]
#[test]
fn hard_links_to_one_note_are_read_once() {
    let export = assert_hostile(
        |d| {
            std::fs::write(d.join("원본.md"), "# 원본\n").unwrap();
            for i in 0..50 {
                std::fs::hard_link(d.join("원본.md"), d.join(format!("사본 {i:02}.md"))).unwrap();
            }
        },
        Expect {
            code: 0,
            diagnostic: None,
        },
    );
    let titles: Vec<&str> = export["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["title"].as_str())
        .filter(|t| *t == "원본")
        .collect();
    assert_eq!(titles.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_note_is_named_in_a_warning() {
    assert_hostile(
        |d| {
            let ok = std::process::Command::new("mkfifo")
                .arg(d.join("pipe.md"))
                .status()
                .unwrap();
            assert!(ok.success());
        },
        Expect {
            code: 0,
            diagnostic: Some(("pipe.md", "named pipe")),
        },
    );
}

/// `munje check --notes root`: exit status and stderr.
fn check_root(root: &str, lang: &str) -> (Option<i32>, String) {
    let out = run_bounded(&["check", "--lang", lang, "--notes", root], b"", &[]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn the_file_system_root_is_refused_with_a_reason() {
    let (code, err) = check_root("/", "en");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("the file system root"), "{err}");
    let (code, err) = check_root("/", "ko");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("파일 시스템 맨 위"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn the_kernels_file_systems_are_refused_with_a_reason() {
    for root in ["/proc", "/sys", "/proc/self", "/sys/kernel"] {
        let (code, err) = check_root(root, "en");
        assert_eq!(code, Some(2), "{root}: {err}");
        assert!(err.contains("pseudo-filesystem"), "{root}: {err}");
    }
    let (_, err) = check_root("/sys", "ko");
    assert!(err.contains("가상 파일 시스템"), "{err}");
}

#[cfg(unix)]
#[test]
fn search_and_export_refuse_the_root_too() {
    for args in [
        &["search", "x", "--notes", "/"][..],
        &["export", "--notes", "/"][..],
        &["tags", "--notes", "/"][..],
    ] {
        let out = run_bounded(args, b"", &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("root"), "{args:?}: {err}");
    }
}
