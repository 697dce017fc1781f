//! The full-screen app (no subcommand, or `munje quiz` on a terminal):
//! settings read, the vault loaded on a thread behind a progress bar (the
//! first frame draws at once), notes watched for changes, then the TUI.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use anyhow::Context as _;

use super::config::read_config;
use super::source::vault_roots;
use crate::cli::{GlobalArgs, QuizArgs};
use crate::i18n::Lang;
use crate::store::{self, Store, Writer};
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Theme, ThemeKind};
use crate::tui::{App, AppEvent};
use crate::vault::{self, Depth, LoadOptions, QuestionStyle, Vault};

/// Runs the app; `quiz` opens straight onto a quiz with those flags.
pub fn run(global: &GlobalArgs, quiz: Option<&QuizArgs>) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(lang.pick(
            "전체 화면 앱은 터미널이 필요합니다. 스크립트에서는 `munje search`나 `munje quiz --plain` 같은 하위 명령을 쓰세요",
            "the full-screen app needs a terminal; for scripts use a subcommand such as `munje search` or `munje quiz --plain`"
        ).to_owned());
    }
    let roots = vault_roots(global);
    // A root that cannot be read is a failure to start (exit status 2),
    // as for every other command; problems inside files are diagnostics.
    for root in roots.iter().flatten() {
        if !root.is_dir() {
            let shown = root.display();
            anyhow::bail!(match lang {
                Lang::Ko => format!("볼트 '{shown}'를 읽을 수 없습니다: 폴더가 아닙니다"),
                Lang::En => format!("cannot read vault '{shown}': not a folder"),
            });
        }
    }
    // Bad quiz flags stop here, with exit status 2, as in the line mode.
    let request = quiz
        .map(|args| {
            let seed = crate::quiz::session_seed(crate::tui::app::system_now().0.unsigned_abs());
            args.request(seed, lang)
        })
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let (config, mut problems) = read_config(lang);
    let style = config.questions.unwrap_or_default();
    let mut theme = Theme::detect(
        config.theme.unwrap_or(ThemeKind::Dark),
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    theme.hyperlinks = config
        .hyperlinks
        .enabled(std::env::var("TERM").ok().as_deref());
    let mut keymap = Keymap::default();
    problems.extend(config.apply_keys(&mut keymap, lang));

    let mut app = App::new(Vault::default(), lang, theme, keymap);
    app.editor = crate::tui::editor::from_env();
    app.loading = Some((0, 0));
    app.pending_quiz = request;
    let (tx, rx) = mpsc::channel();
    app.events = Some(tx.clone());
    open_store(global, &mut app, &mut problems, &tx);
    let now = crate::tui::app::system_now();
    let offset = app
        .store
        .as_ref()
        .map_or(crate::quiz::UtcOffset::UTC, |s| s.local_offset(now));
    app.study_day = crate::quiz::StudyDay::new(offset, config.day_starts_at);
    if !problems.is_empty() {
        // All of them, whole, in the diagnostics panel; a lasting notice
        // in the header says where.
        app.notice = Some(match lang {
            Lang::Ko => format!("설정 문제 {}개: d로 보기", problems.len()),
            Lang::En => format!("{} settings problems: d shows them", problems.len()),
        });
        app.config_problems = problems;
    }
    spawn_loader(roots, style, tx.clone(), lang)?;
    crate::tui::run(app, tx, rx)?;
    // Ended by a signal: the terminal is back; exit as a shell expects.
    Ok(crate::tui::ending_signal()
        .and_then(|s| u8::try_from(128 + s).ok())
        .map_or(ExitCode::SUCCESS, ExitCode::from))
}

/// Opens the progress store: one connection for reading, and one the
/// database writer owns on its own thread. Without a store the app still
/// runs: a lasting notice says answers are not being kept.
fn open_store(
    global: &GlobalArgs,
    app: &mut App,
    problems: &mut Vec<String>,
    tx: &Sender<AppEvent>,
) {
    let now = crate::tui::app::system_now();
    // The writer's connection runs the whole-file check on its own thread;
    // the app reads through a second one meanwhile.
    let opened = store::database_path(global.data_dir.as_deref())
        .and_then(|path| Store::open_checking_beside(&path, now))
        .and_then(|writing| Ok((writing.second_connection()?, writing)));
    match opened {
        Ok((store, writing)) => {
            if let Some(r) = writing.recovery() {
                problems.push(crate::tui::moved_aside_message(app.lang, store.path(), r));
            }
            if let Ok(h) = store.history() {
                app.history = h;
            }
            let writer = {
                let tx = tx.clone();
                Writer::spawn(writing, move |report| {
                    let _ = tx.send(AppEvent::Written(report));
                })
                .map_err(|source| store::StoreError::Io {
                    path: store.path().to_owned(),
                    source,
                })
            };
            match writer {
                Ok(w) => app.writer = Some(w),
                Err(e) => {
                    app.notice = Some(match app.lang {
                        Lang::Ko => format!("진도가 저장되지 않습니다: {e}"),
                        Lang::En => format!("progress is not being saved: {e}"),
                    });
                }
            }
            app.store = Some(store);
        }
        Err(e) => {
            app.notice = Some(match app.lang {
                Lang::Ko => format!("진도가 저장되지 않습니다: {e}"),
                Lang::En => format!("progress is not being saved: {e}"),
            });
        }
    }
}

/// Loads the vault on a thread, reporting progress, then watches the roots
/// and sends a fresh vault whenever notes change.
fn spawn_loader(
    roots: Option<Vec<PathBuf>>,
    style: QuestionStyle,
    tx: Sender<AppEvent>,
    lang: Lang,
) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let Some(roots) = roots else {
                let _ = tx.send(AppEvent::Loaded(Box::new(prepared(vault::load_bundled()))));
                return;
            };
            // Watching starts beside the first read, so a note changed
            // while a large vault loads is read again once the load is done.
            let (loaded_tx, loaded) = mpsc::channel::<()>();
            let (watch_roots, watch_tx) = (roots.clone(), tx.clone());
            let watcher = std::thread::Builder::new()
                .name("watcher".into())
                .spawn(move || {
                    match Watching::start(&watch_roots, &watch_tx, lang) {
                        Ok(w) => w.serve(&loaded, &watch_roots, style, &watch_tx, lang),
                        // Said once there is a vault to say it over.
                        Err(e) if loaded.recv().is_ok() => {
                            let _ = watch_tx.send(AppEvent::ReloadFailed(reload_is_off(&e, lang)));
                        }
                        Err(_) => {}
                    }
                });
            if let Err(e) = watcher {
                let _ = tx.send(AppEvent::ReloadFailed(reload_is_off(&e.into(), lang)));
            }
            if first_load(&roots, style, &tx, lang) {
                let _ = loaded_tx.send(());
            }
        })
        .context(lang.pick(
            "불러오기 스레드를 시작할 수 없습니다",
            "cannot start the loading thread",
        ))?;
    Ok(())
}

fn load(
    roots: &[PathBuf],
    style: QuestionStyle,
    depth: Depth,
    tx: &Sender<AppEvent>,
) -> Result<Vault, vault::LoadError> {
    let progress_tx = std::sync::Mutex::new(tx.clone());
    // A hidden hook for the no-stall test: every file takes this long, so
    // a small vault loads as slowly as a very large one.
    let pause = std::env::var("MUNJE_TEST_SLOW_LOAD_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(Duration::from_millis);
    let progress = move |p: vault::Progress| {
        if let Some(pause) = pause {
            std::thread::sleep(pause);
        }
        if let Ok(tx) = progress_tx.lock() {
            let _ = tx.send(AppEvent::Progress(p.done, p.total));
        }
    };
    let options = LoadOptions {
        questions: style,
        depth,
        ..LoadOptions::default()
    };
    Ok(prepared(vault::load(roots, &options, &progress)?))
}

/// Says live reload is off, and why in the system's words.
fn reload_is_off(e: &anyhow::Error, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("실시간 반영이 꺼졌습니다 (시스템 메시지: \"{e:#}\")"),
        Lang::En => format!("live reload is off: {e:#}"),
    }
}

/// Does the vault-sized work the app's first frame of a vault needs here,
/// on the loading thread, so the UI thread never waits on it: the notes
/// sorted and grouped for the note list.
fn prepared(vault: Vault) -> Vault {
    vault.catalog();
    vault
}

/// Reads the vault for the first time: every note's name and tags first,
/// so a large vault's list can be browsed while the rest is read, then the
/// whole vault. False when it failed or the app is gone.
fn first_load(roots: &[PathBuf], style: QuestionStyle, tx: &Sender<AppEvent>, lang: Lang) -> bool {
    let listed = match load(roots, style, Depth::Card, tx) {
        Ok(v) => AppEvent::Listed(Box::new(v)),
        Err(e) => AppEvent::LoadFailed(e.message(lang)),
    };
    let failed = matches!(listed, AppEvent::LoadFailed(_));
    if tx.send(listed).is_err() || failed {
        return false;
    }
    let loaded = match load(roots, style, Depth::Full, tx) {
        Ok(v) => AppEvent::Loaded(Box::new(v)),
        Err(e) => AppEvent::LoadFailed(e.message(lang)),
    };
    let failed = matches!(loaded, AppEvent::LoadFailed(_));
    tx.send(loaded).is_ok() && !failed
}

/// The roots under watch, and the debounced changes found under them.
struct Watching {
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::NoCache,
    >,
    changes: mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    /// Folders watched one by one, when a root could not be watched whole.
    one_by_one: std::collections::HashSet<PathBuf>,
}

impl Watching {
    /// Starts watching the roots; changes queue up until [`Watching::serve`].
    fn start(roots: &[PathBuf], tx: &Sender<AppEvent>, lang: Lang) -> anyhow::Result<Watching> {
        use notify_debouncer_full::notify::RecursiveMode;
        let (ev_tx, changes) = mpsc::channel();
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

    /// Blocks, reloading on every debounced change under the roots, until
    /// the app is gone. Until `loaded` says the first vault is in, changes
    /// are only noted (the load's own reads flood in and are dropped at
    /// once, so they never pile up); one reload then follows if any was a
    /// real change. No first vault, no reloads.
    fn serve(
        mut self,
        loaded: &mpsc::Receiver<()>,
        roots: &[PathBuf],
        style: QuestionStyle,
        tx: &Sender<AppEvent>,
        lang: Lang,
    ) {
        let mut first_in = false;
        let mut missed = false;
        loop {
            if !first_in {
                match loaded.try_recv() {
                    Ok(()) => {
                        first_in = true;
                        if std::mem::take(&mut missed) && !reload(roots, style, tx, lang) {
                            return;
                        }
                    }
                    Err(mpsc::TryRecvError::Disconnected) => return,
                    Err(mpsc::TryRecvError::Empty) => {}
                }
            }
            let result = if first_in {
                match self.changes.recv() {
                    Ok(result) => result,
                    Err(_) => return,
                }
            } else {
                match self.changes.recv_timeout(Duration::from_millis(50)) {
                    Ok(result) => result,
                    Err(mpsc::RecvTimeoutError::Timeout) => continue,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            };
            let Ok(events) = result else { continue };
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
            let relevant = events
                .iter()
                .filter(|e| is_change(e.kind))
                .any(|e| e.paths.iter().any(|p| is_vault_file(p)));
            if !relevant {
                continue;
            }
            if !first_in {
                missed = true;
            } else if !reload(roots, style, tx, lang) {
                return;
            }
        }
    }
}

/// Reads the vault again and sends it; false when the app is gone.
fn reload(roots: &[PathBuf], style: QuestionStyle, tx: &Sender<AppEvent>, lang: Lang) -> bool {
    let event = match load(roots, style, Depth::Full, tx) {
        Ok(v) => AppEvent::Reloaded(Box::new(v)),
        Err(e) => AppEvent::ReloadFailed(e.message(lang)),
    };
    tx.send(event).is_ok()
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
