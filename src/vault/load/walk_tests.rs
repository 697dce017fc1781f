//! The walk knowing files by the inode numbers their folders list against
//! the simple path, every file asked for its metadata: the same jobs and
//! diagnostics on the fixtures, the bundled deck and a vault of links.

use std::path::{Path, PathBuf};

use super::{Keys, walk_keyed};
use crate::vault::diagnostic::Diagnostic;
use crate::vault::load::{Job, Source};

/// Jobs (root, path in the vault, path read) and diagnostics of a walk.
fn walked(root: &Path, keys: Keys) -> (Vec<(usize, String, PathBuf)>, Vec<Diagnostic>) {
    let (mut jobs, mut diags) = (Vec::<Job>::new(), Vec::new());
    walk_keyed(0, root, (2, 1_000_000), keys, &mut jobs, &mut diags).expect("walks");
    let jobs = jobs
        .into_iter()
        .map(|j| match j.source {
            Source::File(path) => (j.root, j.rel.to_string(), path),
            Source::Static(_) => unreachable!("a walk reads files"),
        })
        .collect();
    // Walking threads find problems in no fixed order.
    let text = |d: &Diagnostic| d.text(crate::i18n::Lang::En);
    diags.sort_by(|a, b| (&a.path, text(a)).cmp(&(&b.path, text(b))));
    (jobs, diags)
}

fn same_both_ways(root: &Path) -> usize {
    let listed = walked(root, Keys::Listed);
    let asked = walked(root, Keys::Asked);
    assert_eq!(listed, asked, "{}", root.display());
    listed.0.len()
}

#[test]
fn files_known_by_their_listed_inodes_are_the_files_known_by_their_metadata() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    assert!(same_both_ways(&fixtures) > 50);
    let deck = tempfile::tempdir().expect("temp dir");
    for (rel, bytes) in crate::vault::bundled::bundled_files() {
        let path = deck.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    assert!(same_both_ways(deck.path()) > 50);
}

/// Hard links in one folder and across folders, links to files and to
/// folders (one reached twice), a hidden folder reached by a link: each
/// file is read once, by its first path, whichever way files are known.
#[cfg(unix)]
#[test]
fn hard_links_and_links_are_read_once_either_way() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |rel: &str| dir.path().join(rel);
    for folder in ["a", "b/c", ".hidden", "d"] {
        std::fs::create_dir_all(at(folder)).expect("mkdir");
    }
    for (i, rel) in ["a/1.md", "b/2.md", "b/c/3.md", ".hidden/4.md", "d/5.md"]
        .iter()
        .enumerate()
    {
        std::fs::write(at(rel), format!("# 노트 {i}\n")).expect("write");
    }
    std::fs::hard_link(at("a/1.md"), at("a/0.md")).expect("link");
    std::fs::hard_link(at("b/c/3.md"), at("a/9.md")).expect("link");
    std::fs::hard_link(at("d/5.md"), at("b/c/5.md")).expect("link");
    symlink("../b/2.md", at("a/link.md")).expect("link");
    symlink("b/c", at("c1")).expect("link");
    symlink("b/c", at("c2")).expect("link");
    symlink(".hidden", at("shown")).expect("link");
    symlink("d", at("e")).expect("link");
    let (jobs, _) = walked(dir.path(), Keys::Listed);
    let paths: Vec<&str> = jobs.iter().map(|j| j.1.as_str()).collect();
    assert_eq!(
        paths,
        ["a/0.md", "a/9.md", "b/2.md", "b/c/5.md", "shown/4.md"],
        "each file once, by its first path"
    );
    same_both_ways(dir.path());
}
