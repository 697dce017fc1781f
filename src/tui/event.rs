//! The input thread: terminal events and signals into the app's channel,
//! the same channel worker threads (loading, reloading) report on.
//!
//! Only key presses, clicks, wheel turns and resizes are passed on; mouse
//! motion would only cost redraws.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use super::app::AppEvent;

/// Starts the input thread. It stops when `stop` is set or the channel
/// closes; SIGTERM and SIGHUP become [`AppEvent::Terminate`].
pub fn spawn_input(tx: Sender<AppEvent>, stop: Arc<AtomicBool>) -> std::io::Result<JoinHandle<()>> {
    let signalled = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&signalled))?;
    }
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let mut last_tick = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                if signalled.load(Ordering::Relaxed) {
                    let _ = tx.send(AppEvent::Terminate);
                    return;
                }
                let ready = event::poll(Duration::from_millis(100)).unwrap_or(false);
                let sent = if ready {
                    if let Ok(ev) = event::read() {
                        forward(&tx, ev)
                    } else {
                        // The terminal is gone: leave cleanly.
                        let _ = tx.send(AppEvent::Terminate);
                        false
                    }
                } else if last_tick.elapsed() >= Duration::from_secs(1) {
                    last_tick = Instant::now();
                    tx.send(AppEvent::Tick).is_ok()
                } else {
                    true
                };
                if !sent {
                    return;
                }
            }
        })
}

/// Sends the events the app uses; false when the app is gone.
fn forward(tx: &Sender<AppEvent>, ev: Event) -> bool {
    let app_event = match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => AppEvent::Key(k),
        Event::Mouse(m)
            if matches!(
                m.kind,
                MouseEventKind::Down(MouseButton::Left)
                    | MouseEventKind::ScrollUp
                    | MouseEventKind::ScrollDown
            ) =>
        {
            AppEvent::Mouse(m)
        }
        Event::Resize(w, h) => AppEvent::Resize(w, h),
        _ => return true,
    };
    tx.send(app_event).is_ok()
}
