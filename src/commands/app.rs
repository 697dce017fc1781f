//! The full-screen app (no subcommand, or `munje quiz` on a terminal):
//! settings read, the vault loaded on a thread behind a progress bar (the
//! first frame draws at once), notes watched for changes, then the TUI.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use anyhow::Context as _;

use super::source::{read_config, vault_roots};
use crate::cli::{GlobalArgs, QuizArgs};
use crate::i18n::Lang;
use crate::store::{self, Store};
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Theme, ThemeKind};
use crate::tui::{App, AppEvent};
use crate::vault::{self, LoadOptions, QuestionStyle, Vault};

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
    let (config, mut problems) = read_config();
    let style = config.questions.unwrap_or_default();
    let theme = Theme::detect(
        config.theme.unwrap_or(ThemeKind::Dark),
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    let mut keymap = Keymap::default();
    problems.extend(config.apply_keys(&mut keymap));

    let mut app = App::new(Vault::default(), lang, theme, keymap);
    app.loading = Some((0, 0));
    app.pending_quiz = quiz.cloned();
    open_store(global, &mut app, &mut problems);
    if let Some(p) = problems.first() {
        app.error(p.clone());
    }
    let (tx, rx) = mpsc::channel();
    spawn_loader(roots, style, tx.clone())?;
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

/// Loads the vault on a thread, reporting progress, then watches the roots
/// and sends a fresh vault whenever notes change.
fn spawn_loader(
    roots: Option<Vec<PathBuf>>,
    style: QuestionStyle,
    tx: Sender<AppEvent>,
) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let Some(roots) = roots else {
                let _ = tx.send(AppEvent::Loaded(Box::new(vault::load_bundled())));
                return;
            };
            match load(&roots, style, &tx) {
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
            if let Err(e) = watch(&roots, style, &tx) {
                let _ = tx.send(AppEvent::ReloadFailed(format!("live reload is off: {e:#}")));
            }
        })
        .context("cannot start the loading thread")?;
    Ok(())
}

fn load(roots: &[PathBuf], style: QuestionStyle, tx: &Sender<AppEvent>) -> anyhow::Result<Vault> {
    let progress_tx = std::sync::Mutex::new(tx.clone());
    let progress = move |p: vault::Progress| {
        if let Ok(tx) = progress_tx.lock() {
            let _ = tx.send(AppEvent::Progress(p.done, p.total));
        }
    };
    let options = LoadOptions {
        questions: style,
        ..LoadOptions::default()
    };
    Ok(vault::load(roots, &options, &progress)?)
}

/// Blocks, reloading on every debounced change under the roots, until the
/// app is gone.
fn watch(roots: &[PathBuf], style: QuestionStyle, tx: &Sender<AppEvent>) -> anyhow::Result<()> {
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
        let event = match load(roots, style, tx) {
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
