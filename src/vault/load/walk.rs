//! The walk of one vault root: which files are notes and banks, read each
//! at most once however many links lead to it.
//!
//! The folder tree is walked without following links (in parallel, with
//! `ignore`'s hidden-file and `.gitignore` rules); the links found are then
//! followed one by one, in path order, when they stay inside the vault and
//! lead to a file or folder not yet reached. Files and folders are known by
//! device and inode, so a folder reached through two links is walked once,
//! hard links are read once, and a real path always wins over a link. A
//! file's inode number comes from its folder's listing, so the walk asks no
//! file for its metadata, unless a folder of the tree is on another device
//! than its top (a mount inside the vault): then every file of that tree is
//! asked, as the listing cannot say which device a file is on. (A single
//! file mounted over another, a bind mount, lists the inode it covers.) A
//! budget of entries bounds the walk of a folder too large to be a vault,
//! and the file system root and the kernel's pseudo-filesystems (`/proc`,
//! `/sys`, …) are refused before any walking.
//!
//! Never writes, never opens a file.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Job, LoadError, Refusal, Source, error_path, relative};
use crate::vault::bank::is_bank_path;
use crate::vault::diagnostic::Diagnostic;
use crate::vault::message::{Message, SpecialFile};
use refusal::refusal;

mod refusal;

/// Entries (files, folders and links of any kind) a walk visits before it
/// stops with a diagnostic: far more than any vault, few enough that a
/// folder like a whole disk is given up in seconds.
pub const MAX_WALK_ENTRIES: usize = 1_000_000;

/// A file or folder by device and inode.
type FileKey = (u64, u64);

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // `None` elsewhere.
fn key_of(meta: &std::fs::Metadata) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt as _;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn key_of(_: &std::fs::Metadata) -> Option<FileKey> {
    None
}

/// What one walk of a folder tree (links not followed) found.
#[derive(Default)]
struct Tree {
    /// Notes and banks: path relative to the vault root, path to read,
    /// and the file's inode number as its folder listed it.
    files: Vec<(String, PathBuf, Option<u64>)>,
    /// Keys of the folders under the tree's top.
    folders: Vec<FileKey>,
    /// A folder under the top whose key could not be read.
    unknown_folder: bool,
    /// Links, by their path in the vault (relative) and on disk.
    links: Vec<(String, PathBuf)>,
    diags: Vec<Diagnostic>,
}

/// How a walk knows which files are the same file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// By the inode numbers folders list, when the tree is on one device.
    Listed,
    /// By asking every file for its metadata: the simple path.
    #[cfg_attr(not(test), allow(dead_code))]
    Asked,
}

/// One root's walk in progress.
struct Walk {
    ix: usize,
    keys: Keys,
    real_root: PathBuf,
    threads: usize,
    budget: usize,
    visited: AtomicUsize,
    seen: HashSet<FileKey>,
}

/// Walks root number `ix`, adding its notes and banks to `jobs` and what
/// went wrong to `diags`. `budget` is [`MAX_WALK_ENTRIES`] but for tests.
pub(super) fn walk(
    ix: usize,
    root: &Path,
    threads: usize,
    budget: usize,
    jobs: &mut Vec<Job>,
    diags: &mut Vec<Diagnostic>,
) -> Result<(), LoadError> {
    walk_keyed(ix, root, (threads, budget), Keys::Listed, jobs, diags)
}

/// [`walk`], knowing files by `keys`; `(threads, budget)` as for it.
fn walk_keyed(
    ix: usize,
    root: &Path,
    (threads, budget): (usize, usize),
    keys: Keys,
    jobs: &mut Vec<Job>,
    diags: &mut Vec<Diagnostic>,
) -> Result<(), LoadError> {
    let unreadable = |reason| LoadError::Unreadable {
        path: root.to_owned(),
        reason,
    };
    let meta = std::fs::metadata(root).map_err(unreadable)?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder {
            path: root.to_owned(),
        });
    }
    let real_root = std::fs::canonicalize(root).map_err(unreadable)?;
    if let Some(reason) = refusal(&real_root) {
        return Err(LoadError::Refused {
            path: root.to_owned(),
            reason,
        });
    }
    std::fs::read_dir(root).map_err(unreadable)?;
    let mut walk = Walk {
        ix,
        keys,
        real_root,
        threads,
        budget,
        visited: AtomicUsize::new(0),
        seen: HashSet::new(),
    };
    walk.seen.extend(key_of(&meta));
    let mut pending = VecDeque::from([(String::new(), root.to_owned())]);
    while let Some((prefix, top)) = pending.pop_front() {
        let mut tree = walk.tree(&prefix, &top);
        diags.append(&mut tree.diags);
        if walk.visited.load(Ordering::Relaxed) > walk.budget {
            let mut d = Diagnostic::error(
                "",
                1,
                1,
                Message::WalkBudget {
                    budget: walk.budget,
                },
            );
            d.root = ix;
            diags.push(d);
        }
        let device = match walk.keys {
            Keys::Listed => one_device(&top, &tree),
            Keys::Asked => None,
        };
        walk.seen.extend(tree.folders);
        // Path order, so which of two hard links is read never varies.
        tree.files.sort_by(|a, b| a.0.cmp(&b.0));
        for (rel, path, ino) in tree.files {
            let key = match (device, ino) {
                (Some(dev), Some(ino)) => Some((dev, ino)),
                _ => std::fs::symlink_metadata(&path)
                    .ok()
                    .as_ref()
                    .and_then(key_of),
            };
            if key.is_none_or(|k| walk.seen.insert(k)) {
                jobs.push(Job {
                    root: ix,
                    rel: rel.into(),
                    source: Source::File(path),
                });
            }
        }
        if walk.visited.load(Ordering::Relaxed) > walk.budget {
            break;
        }
        tree.links.sort();
        for (rel, link) in tree.links {
            walk.follow(rel, &link, jobs, diags, &mut pending);
        }
    }
    Ok(())
}

impl Walk {
    /// Walks the tree under `top` (a real folder), naming what it finds
    /// `prefix/…`, without following links.
    fn tree(&self, prefix: &str, top: &Path) -> Tree {
        let found = Mutex::new(Vec::new());
        let walker = ignore::WalkBuilder::new(top)
            .hidden(true)
            .parents(false)
            .require_git(false)
            .git_global(false)
            .follow_links(false)
            .threads(self.threads)
            .build_parallel();
        walker.run(|| {
            // Each walking thread fills a tree of its own, handed over when
            // the walk drops it: no lock taken per entry.
            let mut mine = Handed {
                tree: Tree::default(),
                to: &found,
            };
            Box::new(move |entry| {
                if self.visited.fetch_add(1, Ordering::Relaxed) >= self.budget {
                    return ignore::WalkState::Quit;
                }
                let found = &mut mine.tree;
                match entry {
                    Ok(e) => self.entry(prefix, top, &e, found),
                    Err(err) => {
                        let rel = error_path(&err)
                            .map_or_else(String::new, |p| join(prefix, relative(top, p)));
                        let d = self.warning(
                            &rel,
                            Message::WalkSkipped {
                                error: err.to_string(),
                            },
                        );
                        found.diags.push(d);
                    }
                }
                ignore::WalkState::Continue
            })
        });
        let parts = found
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut tree = Tree::default();
        for mut part in parts {
            tree.files.append(&mut part.files);
            tree.folders.append(&mut part.folders);
            tree.links.append(&mut part.links);
            tree.diags.append(&mut part.diags);
            tree.unknown_folder |= part.unknown_folder;
        }
        // Walking threads hand over in no fixed order; diagnostics are
        // sorted with the vault's, links and files just below.
        tree
    }

    /// Sorts one entry of a tree walk into `found`.
    fn entry(&self, prefix: &str, top: &Path, e: &ignore::DirEntry, found: &mut Tree) {
        if e.depth() == 0 {
            return;
        }
        let Some(kind) = e.file_type() else { return };
        let rel = join(prefix, relative(top, e.path()));
        if kind.is_symlink() {
            found.links.push((rel, e.path().to_owned()));
        } else if kind.is_dir() {
            match e.metadata().ok().as_ref().and_then(key_of) {
                Some(key) => found.folders.push(key),
                None => found.unknown_folder = true,
            }
        } else if is_wanted(&rel) {
            if kind.is_file() {
                found.files.push((rel, e.path().to_owned(), listed_ino(e)));
            } else {
                let what = special_kind(kind);
                let d = self.warning(&rel, Message::NotRegularFile { what });
                found.diags.push(d);
            }
        }
    }

    /// Follows one link found at `rel`: a note or bank not yet read becomes
    /// a job, a folder not yet walked joins `pending`.
    fn follow(
        &mut self,
        rel: String,
        link: &Path,
        jobs: &mut Vec<Job>,
        diags: &mut Vec<Diagnostic>,
        pending: &mut VecDeque<(String, PathBuf)>,
    ) {
        let target = match std::fs::canonicalize(link) {
            Ok(t) => t,
            Err(e) => {
                diags.push(self.warning(
                    &rel,
                    Message::LinkUnfollowable {
                        error: e.to_string(),
                    },
                ));
                return;
            }
        };
        if !target.starts_with(&self.real_root) {
            diags.push(self.warning(
                &rel,
                Message::LinkOutside {
                    target: target.display().to_string(),
                },
            ));
            return;
        }
        let Ok(meta) = std::fs::metadata(&target) else {
            return;
        };
        let key = key_of(&meta);
        if meta.is_dir() {
            let above = link.parent().and_then(|p| std::fs::canonicalize(p).ok());
            if above.is_some_and(|a| a.starts_with(&target)) {
                diags.push(self.warning(
                    &rel,
                    Message::LinkLoop {
                        target: target.display().to_string(),
                    },
                ));
            } else if key.is_none_or(|k| self.seen.insert(k)) {
                pending.push_back((rel, target));
            }
        } else if meta.is_file() && is_wanted(&rel) {
            if key.is_none_or(|k| self.seen.insert(k)) {
                jobs.push(Job {
                    root: self.ix,
                    rel: rel.into(),
                    source: Source::File(target),
                });
            }
        } else if is_wanted(&rel) && !meta.is_file() {
            let what = special_kind(meta.file_type());
            diags.push(self.warning(&rel, Message::LinkToSpecial { what }));
        }
    }

    fn warning(&self, rel: &str, message: Message) -> Diagnostic {
        let mut d = Diagnostic::warning(rel, 1, 1, message);
        d.root = self.ix;
        d
    }
}

/// The device of `top` when every folder of its tree is on it too: then
/// every file listed in the tree is on that device, and a file's inode
/// number as its folder lists it, with that device, is its key (no file
/// is asked for its metadata). `None` when a folder is on another device
/// (a mount inside the vault), or a key could not be read: each file is
/// then asked.
fn one_device(top: &Path, tree: &Tree) -> Option<u64> {
    let top = std::fs::metadata(top).ok().as_ref().and_then(key_of)?;
    let same = !tree.unknown_folder && tree.folders.iter().all(|f| f.0 == top.0);
    same.then_some(top.0)
}

/// A file's inode number as its folder's listing gave it.
#[cfg(unix)]
fn listed_ino(e: &ignore::DirEntry) -> Option<u64> {
    e.ino()
}

#[cfg(not(unix))]
fn listed_ino(_: &ignore::DirEntry) -> Option<u64> {
    None
}

/// A walking thread's part of a tree, handed over when the walk is done
/// with it.
struct Handed<'a> {
    tree: Tree,
    to: &'a Mutex<Vec<Tree>>,
}

impl Drop for Handed<'_> {
    fn drop(&mut self) {
        let tree = std::mem::take(&mut self.tree);
        self.to
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(tree);
    }
}

/// `prefix/rel`, or `rel` itself at the top of the vault.
fn join(prefix: &str, rel: String) -> String {
    if prefix.is_empty() {
        rel
    } else {
        format!("{prefix}/{rel}")
    }
}

/// A note (`.md`) or a bank, by its path.
fn is_wanted(rel: &str) -> bool {
    let is_note = rel
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("md"));
    is_note || is_bank_path(rel)
}

/// What a file that is not a regular file is, for a diagnostic.
fn special_kind(kind: std::fs::FileType) -> SpecialFile {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return SpecialFile::Pipe;
        }
        if kind.is_socket() {
            return SpecialFile::Socket;
        }
        if kind.is_block_device() || kind.is_char_device() {
            return SpecialFile::Device;
        }
    }
    let _ = kind;
    SpecialFile::Other
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;
