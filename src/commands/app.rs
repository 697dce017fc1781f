//! The full-screen app (no subcommand, or `munje quiz` on a terminal):
//! settings read, the vault loaded on a thread behind a progress bar (the
//! first frame draws at once), notes watched for changes, then the TUI.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use anyhow::Context as _;
use etcetera::BaseStrategy;

use super::source::vault_roots;
use crate::cli::{GlobalArgs, QuizArgs};
use crate::i18n::Lang;
use crate::store::{self, Store};
use crate::tui::config::Config;
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Theme, ThemeKind};
use crate::tui::{App, AppEvent};
use crate::vault::{self, LoadOptions, Vault};

/// Runs the app; `quiz` opens straight onto a quiz with those flags.
pub fn run(global: &GlobalArgs, quiz: Option<&QuizArgs>) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the full-screen app needs a terminal; for scripts use a subcommand such as `munje search` or `munje quiz --plain`"
        );
    }
    let roots = vault_roots(global);
    // A root that cannot be read is a failure to start (exit status 2),
    // as for every other command; problems inside files are diagnostics.
    for root in roots.iter().flatten() {
        if !root.is_dir() {
            anyhow::bail!("cannot read vault '{}': not a folder", root.display());
        }
    }
    let lang = Lang::detect(global.lang);
    // Bad quiz flags stop here, with exit status 2, as in the line mode.
    let request = quiz
        .map(|args| {
            let seed = crate::tui::app::system_now().0.unsigned_abs();
            args.request(seed, lang)
        })
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let (config, mut problems) = read_config(lang);
    let theme = Theme::detect(
        config.theme.unwrap_or(ThemeKind::Dark),
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    let mut keymap = Keymap::default();
    problems.extend(config.apply_keys(&mut keymap, lang));

    let mut app = App::new(Vault::default(), lang, theme, keymap);
    app.editor = crate::tui::editor::from_env();
    app.loading = Some((0, 0));
    app.pending_quiz = request;
    open_store(global, &mut app, &mut problems);
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
    let (tx, rx) = mpsc::channel();
    spawn_loader(roots, tx.clone())?;
    crate::tui::run(app, tx, rx)?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the progress store. Without one the app still runs: a lasting
/// notice says answers are not being kept.
fn open_store(global: &GlobalArgs, app: &mut App, problems: &mut Vec<String>) {
    let now = crate::tui::app::system_now();
    let opened =
        store::database_path(global.data_dir.as_deref()).and_then(|path| Store::open(&path, now));
    match opened {
        Ok(store) => {
            if let Some(r) = store.recovery() {
                problems.push(format!(
                    "{} {} ({}); {} {}",
                    app.lang.pick(
                        "쓸 수 없는 진도 파일을 옮겼습니다:",
                        "moved an unusable progress file aside:"
                    ),
                    store.path().display(),
                    r.reason,
                    app.lang.pick("옮긴 곳", "now at"),
                    r.moved_to.display()
                ));
            }
            if let Ok(h) = store.history() {
                app.history = h;
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

/// `config.toml` in the XDG config folder; a missing file is no problem.
pub(super) fn read_config(lang: Lang) -> (Config, Vec<String>) {
    let Ok(strategy) = etcetera::choose_base_strategy() else {
        return (Config::default(), Vec::new());
    };
    let path = strategy.config_dir().join("munje").join("config.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let (config, problems) = Config::parse(&text, lang);
            let problems = problems
                .into_iter()
                .map(|p| p.replacen("config.toml", &path.display().to_string(), 1))
                .collect();
            (config, problems)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![match lang {
                Lang::Ko => format!("{}을(를) 읽을 수 없습니다: {e}", path.display()),
                Lang::En => format!("cannot read {}: {e}", path.display()),
            }],
        ),
    }
}

/// Loads the vault on a thread, reporting progress, then watches the roots
/// and sends a fresh vault whenever notes change.
fn spawn_loader(roots: Option<Vec<PathBuf>>, tx: Sender<AppEvent>) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let Some(roots) = roots else {
                let _ = tx.send(AppEvent::Loaded(Box::new(vault::load_bundled())));
                return;
            };
            match load(&roots, &tx) {
                Ok(v) => {
                    if tx.send(AppEvent::Loaded(Box::new(v))).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = tx.send(AppEvent::LoadFailed(format!("{e:#}")));
                    return;
                }
            }
            if let Err(e) = watch(&roots, &tx) {
                let _ = tx.send(AppEvent::ReloadFailed(format!("live reload is off: {e:#}")));
            }
        })
        .context("cannot start the loading thread")?;
    Ok(())
}

fn load(roots: &[PathBuf], tx: &Sender<AppEvent>) -> anyhow::Result<Vault> {
    let progress_tx = std::sync::Mutex::new(tx.clone());
    let progress = move |p: vault::Progress| {
        if let Ok(tx) = progress_tx.lock() {
            let _ = tx.send(AppEvent::Progress(p.done, p.total));
        }
    };
    Ok(vault::load(roots, &LoadOptions::default(), &progress)?)
}

/// Blocks, reloading on every debounced change under the roots, until the
/// app is gone.
fn watch(roots: &[PathBuf], tx: &Sender<AppEvent>) -> anyhow::Result<()> {
    use notify_debouncer_full::notify::RecursiveMode;
    let (ev_tx, ev_rx) = mpsc::channel();
    let mut debouncer =
        notify_debouncer_full::new_debouncer(Duration::from_millis(300), None, ev_tx)?;
    for root in roots {
        debouncer.watch(root, RecursiveMode::Recursive)?;
    }
    for result in ev_rx {
        let Ok(events) = result else { continue };
        let relevant = events
            .iter()
            .filter(|e| is_change(e.kind))
            .any(|e| e.paths.iter().any(|p| is_vault_file(p)));
        if !relevant {
            continue;
        }
        let event = match load(roots, tx) {
            Ok(v) => AppEvent::Reloaded(Box::new(v)),
            Err(e) => AppEvent::ReloadFailed(format!("{e:#}")),
        };
        if tx.send(event).is_err() {
            break;
        }
    }
    Ok(())
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
