//! The main loop: draw (handing what the frame laid out back to the app),
//! wait for the next event, update; until the app asks to quit. The
//! terminal is restored however the loop ends.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::app::{App, AppEvent};
use super::{event, terminal};

/// Runs the app on the terminal until it quits. Events come from `rx`;
/// the input thread is started here and sends on `tx`.
///
/// # Panics
///
/// Only on purpose, when `MUNJE_TEST_PANIC` is set (the reliability tests
/// check that a crash still restores the terminal).
pub fn run(mut app: App, tx: Sender<AppEvent>, rx: Receiver<AppEvent>) -> anyhow::Result<()> {
    let mut term = terminal::init()?;
    let result = (|| -> anyhow::Result<()> {
        let size = term.size()?;
        app.handle(AppEvent::Resize(size.width, size.height));
        let stop = Arc::new(AtomicBool::new(false));
        let guards = event::spawn_guards(&tx)?;
        let pause = event::Pause::default();
        event::spawn_input(tx, Arc::clone(&stop), pause.clone())?;
        // A hidden hook for the reliability tests: a panic in the middle of
        // drawing a screen must still leave the terminal restored.
        let crash = std::env::var_os("MUNJE_TEST_PANIC").is_some();
        while !app.quit {
            let drawn_at = Instant::now();
            let mut report = None;
            term.draw(|f| {
                assert!(
                    !(crash && app.loading.is_none()),
                    "MUNJE_TEST_PANIC is set: a deliberate crash inside a screen"
                );
                report = Some(app.draw(f));
            })?;
            // What the frame laid out (pages, option rows) is what the
            // next keys and clicks act on.
            if let Some(report) = report {
                app.after_frame(report);
            }
            let Ok(ev) = rx.recv() else { break };
            take_until_frame_due(&mut app, ev, &rx, drawn_at);
            if let Some(request) = app.edit_request.take() {
                edit(&mut term, &mut app, &request, &pause)?;
            }
        }
        // The input thread is told to stop but never waited for: on a
        // vanished terminal it cannot return (see `event::spawn_input`).
        stop.store(true, Ordering::Relaxed);
        guards.close();
        Ok(())
    })();
    // A last chance for answers a locked database refused during the run.
    let unsaved = app.save_unsaved();
    terminal::restore()?;
    if unsaved > 0 {
        eprintln!(
            "munje: {}",
            app.lang.pick(
                &format!("진도 데이터베이스가 잠겨 있어 답 {unsaved}개를 저장하지 못했습니다."),
                &format!(
                    "{unsaved} answers could not be saved: the progress database stayed locked."
                ),
            )
        );
    }
    result
}

/// Runs the editor on the whole terminal: input reading paused, the
/// terminal given back, then taken again; the file watcher's reload brings
/// the change into the app. A failure to start it is a status message.
fn edit(
    term: &mut terminal::Term,
    app: &mut App,
    request: &super::editor::EditRequest,
    pause: &event::Pause,
) -> anyhow::Result<()> {
    let Some((program, args)) = app
        .editor
        .as_deref()
        .and_then(|e| super::editor::command(e, request))
    else {
        return Ok(());
    };
    pause.hold();
    terminal::restore()?;
    let status = std::process::Command::new(&program).args(&args).status();
    let resumed = terminal::resume(term);
    pause.release();
    resumed?;
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => app.error(match app.lang {
            crate::i18n::Lang::Ko => format!("편집기가 오류로 끝났습니다 ({s})"),
            crate::i18n::Lang::En => format!("the editor ended with an error ({s})"),
        }),
        Err(e) => app.error(match app.lang {
            crate::i18n::Lang::Ko => {
                format!(
                    "편집기 {}를 실행할 수 없습니다: {e}",
                    program.to_string_lossy()
                )
            }
            crate::i18n::Lang::En => {
                format!("cannot run the editor {}: {e}", program.to_string_lossy())
            }
        }),
    }
    Ok(())
}

/// The shortest time between two frames: about 60 a second.
const FRAME: Duration = Duration::from_millis(16);

/// The time between two frames that only show progress (a loading bar, an
/// exam's clock): ten a second reads as smooth and leaves the cores to the
/// work being shown.
const PROGRESS_FRAME: Duration = Duration::from_millis(100);

/// Handles `first` and what queued up while drawing, and whatever else
/// arrives until the next frame is due. A flood of events (a 100,000-note
/// load reports each file) then costs one frame every [`PROGRESS_FRAME`],
/// not one per event, which would keep a core drawing instead of loading;
/// a key is drawn within [`FRAME`] of the last frame, at once after a
/// quiet spell.
fn take_until_frame_due(
    app: &mut App,
    first: AppEvent,
    rx: &Receiver<AppEvent>,
    drawn_at: Instant,
) {
    let mut due = drawn_at + PROGRESS_FRAME;
    let mut next = Some(first);
    loop {
        while let Some(ev) = next.take().or_else(|| rx.try_recv().ok()) {
            if !matches!(ev, AppEvent::Progress(..) | AppEvent::Tick) {
                due = due.min(drawn_at + FRAME);
            }
            app.handle(ev);
        }
        let now = Instant::now();
        if now >= due || app.quit || app.edit_request.is_some() {
            return;
        }
        match rx.recv_timeout(due - now) {
            Ok(ev) => next = Some(ev),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return,
        }
    }
}
