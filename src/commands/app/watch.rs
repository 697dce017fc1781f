//! Live reload: the roots watched for changes, and what a change becomes.
//! A change to notes already in the vault is read alone and sent as
//! [`AppEvent::NotesEdited`], for the app to put in place at the cost of
//! those notes; anything else (a new, removed or renamed file, a bank, or
//! a change the app finds one note cannot carry and asks back for) reads
//! the whole vault again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crate::i18n::Lang;
use crate::tui::AppEvent;
use crate::vault::{self, LoadOptions, NoteEdit, QuestionStyle};

/// What the watching thread is told.
#[derive(Debug)]
pub(super) enum Watch {
    /// Debounced changes under the roots.
    Changes(notify_debouncer_full::DebounceEventResult),
    /// The app asks for the whole vault again: an edit it could not take
    /// alone.
    ReadAll,
}

/// The roots under watch, and the debounced changes found under them.
pub(super) struct Watching {
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::NoCache,
    >,
    changes: Receiver<Watch>,
    /// Folders watched one by one, when a root could not be watched whole.
    one_by_one: std::collections::HashSet<PathBuf>,
}

impl Watching {
    /// Starts watching the roots; changes queue up until [`Watching::serve`].
    pub(super) fn start(
        roots: &[PathBuf],
        tx: &Sender<AppEvent>,
        lang: Lang,
        (asks, changes): (Sender<Watch>, Receiver<Watch>),
    ) -> anyhow::Result<Watching> {
        use notify_debouncer_full::notify::RecursiveMode;
        let ev_tx = move |result| {
            let _ = asks.send(Watch::Changes(result));
        };
        // Links are not followed: a folder linked into itself twice would
        // make the watch walk grow without end (the vault's own walk reads
        // each real file once instead). Without a cache of file ids, which
        // would walk the same links; a change reloads whatever it was.
        let config = notify_debouncer_full::notify::Config::default().with_follow_symlinks(false);
        let mut debouncer = notify_debouncer_full::new_debouncer_opt(
            Duration::from_millis(300),
            None,
            ev_tx,
            notify_debouncer_full::NoCache,
            config,
        )?;
        // One folder that cannot be watched (unreadable) fails a recursive
        // watch of the whole root: the root's folders are then watched one
        // by one, so only that folder goes without live reload.
        let mut one_by_one = std::collections::HashSet::new();
        let mut unwatched = Vec::new();
        for root in roots {
            if debouncer.watch(root, RecursiveMode::Recursive).is_err() {
                watch_each(&mut debouncer, root, &mut one_by_one, &mut unwatched);
            }
        }
        if let Some(first) = unwatched.first() {
            let (n, first) = (unwatched.len(), first.display());
            let _ = tx.send(AppEvent::ReloadFailed(match lang {
                Lang::Ko => {
                    format!("지켜볼 수 없는 폴더 {n}개(예: {first})는 실시간 반영이 꺼져 있습니다")
                }
                Lang::En => format!(
                    "live reload is off for {n} folder(s) that cannot be watched, such as {first}"
                ),
            }));
        }
        Ok(Watching {
            debouncer,
            changes,
            one_by_one,
        })
    }

    /// Blocks, serving every debounced change under the roots, until the
    /// app is gone: notes already in the vault are read alone and sent as
    /// an edit; anything else, or the app asking, calls `read_all`, which
    /// says false once the app is gone. Until `loaded` says the first
    /// vault is in, changes are only noted (the load's own reads flood in
    /// and are dropped at once, so they never pile up); one whole read
    /// then follows if any was a real change. No first vault, no reloads.
    pub(super) fn serve(
        mut self,
        loaded: &mpsc::Receiver<()>,
        roots: &[PathBuf],
        style: QuestionStyle,
        tx: &Sender<AppEvent>,
        read_all: &dyn Fn() -> bool,
    ) {
        let mut first_in = false;
        let mut missed = false;
        loop {
            if !first_in {
                match loaded.try_recv() {
                    Ok(()) => {
                        first_in = true;
                        if std::mem::take(&mut missed) && !read_all() {
                            return;
                        }
                    }
                    Err(mpsc::TryRecvError::Disconnected) => return,
                    Err(mpsc::TryRecvError::Empty) => {}
                }
            }
            let message = if first_in {
                match self.changes.recv() {
                    Ok(message) => message,
                    Err(_) => return,
                }
            } else {
                match self.changes.recv_timeout(Duration::from_millis(50)) {
                    Ok(message) => message,
                    Err(mpsc::RecvTimeoutError::Timeout) => continue,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            };
            let changed = match message {
                Watch::ReadAll => None,
                Watch::Changes(Ok(events)) => match self.changed_files(&events) {
                    Some(files) if files.is_empty() => continue,
                    files => files,
                },
                Watch::Changes(Err(_)) => continue,
            };
            if !first_in {
                missed = true;
                continue;
            }
            let gone = match changed.and_then(|files| edits(roots, &files, style)) {
                Some(edits) => tx.send(AppEvent::NotesEdited(edits)).is_err(),
                None => !read_all(),
            };
            if gone {
                return;
            }
        }
    }

    /// The notes and banks whose text changed, once each; `None` when a
    /// file was removed or renamed away (the whole vault is read again).
    fn changed_files(
        &mut self,
        events: &[notify_debouncer_full::DebouncedEvent],
    ) -> Option<BTreeSet<PathBuf>> {
        if !self.one_by_one.is_empty() {
            // Folders made since are watched too.
            for path in events
                .iter()
                .filter(|e| e.kind.is_create())
                .flat_map(|e| &e.paths)
                .filter(|p| p.is_dir())
            {
                watch_each(
                    &mut self.debouncer,
                    path,
                    &mut self.one_by_one,
                    &mut Vec::new(),
                );
            }
        }
        let files: BTreeSet<PathBuf> = events
            .iter()
            .filter(|e| is_change(e.kind))
            .flat_map(|e| &e.paths)
            .filter(|p| is_vault_file(p))
            .cloned()
            .collect();
        // A file gone (removed, or renamed to another name) changes the
        // vault's list: not an edit of a note.
        files.iter().all(|p| p.is_file()).then_some(files)
    }
}

/// Each changed file read again as an edit of a note in the vault; `None`
/// when one is not such a note (new, a bank, unreadable now).
fn edits(
    roots: &[PathBuf],
    files: &BTreeSet<PathBuf>,
    style: QuestionStyle,
) -> Option<Vec<NoteEdit>> {
    let options = LoadOptions {
        questions: style,
        ..LoadOptions::default()
    };
    files
        .iter()
        .map(|p| vault::read_note(roots, p, &options).ok())
        .collect()
}

/// Watches `top` and every folder under it one by one (links not
/// followed), skipping those already in `watched`; the folders that cannot
/// be watched go to `failed`.
fn watch_each<W: notify_debouncer_full::notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    top: &Path,
    watched: &mut std::collections::HashSet<PathBuf>,
    failed: &mut Vec<PathBuf>,
) {
    use notify_debouncer_full::notify::RecursiveMode;
    let mut stack = vec![top.to_owned()];
    while let Some(dir) = stack.pop() {
        if !watched.insert(dir.clone()) {
            continue;
        }
        if debouncer.watch(&dir, RecursiveMode::NonRecursive).is_err() {
            failed.push(dir);
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        stack.extend(
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path()),
        );
    }
}

/// True for events that change what a file holds. Reads are events too on
/// Linux (inotify's open and close-without-write): reloading on them would
/// make every reload, which reads the notes, trigger the next one.
fn is_change(kind: notify_debouncer_full::notify::EventKind) -> bool {
    use notify_debouncer_full::notify::EventKind;
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    )
}

fn is_vault_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("md" | "yaml" | "yml")
    )
}

#[cfg(test)]
mod tests {
    use notify_debouncer_full::notify::EventKind;
    use notify_debouncer_full::notify::event::{
        AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind,
    };

    use super::is_change;

    #[test]
    fn reading_a_note_is_not_a_change_but_writing_one_is() {
        assert!(!is_change(EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(is_change(EventKind::Create(CreateKind::File)));
        assert!(is_change(EventKind::Remove(RemoveKind::File)));
    }
}
