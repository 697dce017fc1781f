//! The full-screen app (no subcommand, or `munje quiz` on a terminal):
//! settings read, the vault loaded on a thread behind a progress bar (the
//! first frame draws at once), notes watched for changes, then the TUI.

mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
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
use crate::vault::{self, Depth, Known, LoadOptions, QuestionStyle, Vault};
use watch::{Watch, Watching};

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
    // The app asks on this channel for the whole vault again when an edit
    // read alone cannot be put in place.
    let watch = mpsc::channel();
    let asks = watch.0.clone();
    app.reread = Some(crate::tui::Reread::new(move || {
        let _ = asks.send(Watch::ReadAll);
    }));
    spawn_loader(roots, style, tx.clone(), lang, watch)?;
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
                app.history = std::sync::Arc::new(h);
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
/// and sends each edited note, or a fresh vault, whenever notes change.
fn spawn_loader(
    roots: Option<Vec<PathBuf>>,
    style: QuestionStyle,
    tx: Sender<AppEvent>,
    lang: Lang,
    watch: (Sender<Watch>, mpsc::Receiver<Watch>),
) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let Some(roots) = roots else {
                let _ = tx.send(AppEvent::Loaded(Box::new(prepared(vault::load_bundled()))));
                return;
            };
            let Some(known) = read_and_send(&roots, style, Read::Names, &tx, lang) else {
                return;
            };
            let loaded_tx = start_watching(&roots, style, &tx, lang, watch);
            if read_and_send(&roots, style, Read::Whole(known), &tx, lang).is_some() {
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
    known: Option<Arc<Known>>,
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
        // About a thousand reports a load: a report per file would wake
        // the UI thread 100,000 times and make the loading threads queue
        // for the channel; the bar is drawn ten times a second anyway.
        if !p.done.is_multiple_of((p.total / 1000).max(1)) && p.done != p.total {
            return;
        }
        if let Ok(tx) = progress_tx.lock() {
            let _ = tx.send(AppEvent::Progress(p.done, p.total));
        }
    };
    let options = LoadOptions {
        questions: style,
        depth,
        known,
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
/// sorted and grouped for the note list, and the tables links and
/// backlinks are found in.
fn prepared(vault: Vault) -> Vault {
    vault.catalog();
    vault.make_link_tables();
    vault
}

/// Starts watching the roots on a thread of its own and returns once the
/// watch is set, with the sender that tells the watcher the first whole
/// vault is in. Started after the names are read, not beside them: every
/// file the loader opens is an event to the watcher (inotify reports
/// opens), which took a sixth of a core from the names' read. Nothing is
/// missed: a change made before the watch is set is read by the whole
/// read that follows, one made after is seen by the watcher.
fn start_watching(
    roots: &[PathBuf],
    style: QuestionStyle,
    tx: &Sender<AppEvent>,
    lang: Lang,
    watch: (Sender<Watch>, mpsc::Receiver<Watch>),
) -> Sender<()> {
    let (loaded_tx, loaded) = mpsc::channel::<()>();
    let (started_tx, started) = mpsc::channel::<()>();
    let (watch_roots, watch_tx) = (roots.to_vec(), tx.clone());
    let watcher = std::thread::Builder::new()
        .name("watcher".into())
        .spawn(move || {
            let watching = Watching::start(&watch_roots, &watch_tx, lang, watch);
            let _ = started_tx.send(());
            match watching {
                Ok(w) => {
                    let read_all = || {
                        read_and_send(&watch_roots, style, Read::Again, &watch_tx, lang).is_some()
                    };
                    w.serve(&loaded, &watch_roots, style, &watch_tx, &read_all);
                }
                // Said once there is a vault to say it over.
                Err(e) if loaded.recv().is_ok() => {
                    let _ = watch_tx.send(AppEvent::ReloadFailed(reload_is_off(&e, lang)));
                }
                Err(_) => {}
            }
        });
    match watcher {
        // Fails only when the watcher thread is gone: nothing to wait for.
        Ok(_) => {
            let _ = started.recv();
        }
        Err(e) => {
            let _ = tx.send(AppEvent::ReloadFailed(reload_is_off(&e.into(), lang)));
        }
    }
    loaded_tx
}

/// One read of the whole vault the loading thread makes.
#[derive(Debug, Clone)]
enum Read {
    /// The first read, part one: every note's name and tags, so a large
    /// vault's list can be browsed while the rest is read.
    Names,
    /// The first read, part two: the whole vault, sharing the names the
    /// first part read (see [`Known`]).
    Whole(Arc<Known>),
    /// The whole vault again, after a change one note cannot carry.
    Again,
}

/// Reads the vault and sends what came of it, with the names of what it
/// sent. `None` when the app is gone, or when a first read failed (a
/// failed read again leaves the vault the app has, and watching goes on).
fn read_and_send(
    roots: &[PathBuf],
    style: QuestionStyle,
    read: Read,
    tx: &Sender<AppEvent>,
    lang: Lang,
) -> Option<Arc<Known>> {
    let (depth, known) = match &read {
        Read::Names => (Depth::Card, None),
        Read::Whole(known) => (Depth::Full, Some(Arc::clone(known))),
        Read::Again => (Depth::Full, None),
    };
    let mut names = Arc::default();
    let event = match (load(roots, style, depth, known, tx), read) {
        (Ok(v), Read::Names) => {
            // The list shows this vault while the whole one is read, and
            // the whole read shares its names (see [`Known`]).
            let v = Arc::new(v);
            names = Arc::new(Known::of(Arc::clone(&v)));
            AppEvent::Listed(v)
        }
        (Ok(v), Read::Whole(_)) => AppEvent::Loaded(Box::new(v)),
        (Ok(v), Read::Again) => AppEvent::Reloaded(Box::new(v)),
        (Err(e), Read::Again) => AppEvent::ReloadFailed(e.message(lang)),
        (Err(e), _) => AppEvent::LoadFailed(e.message(lang)),
    };
    let failed = matches!(event, AppEvent::LoadFailed(_));
    (tx.send(event).is_ok() && !failed).then_some(names)
}
