//! The input thread: terminal events and signals into the app's channel,
//! the same channel worker threads (loading, reloading) report on.
//!
//! Only key presses, clicks, wheel turns and resizes are passed on; mouse
//! motion would only cost redraws.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use super::app::AppEvent;

/// Starts the input thread. It stops when `stop` is set or the channel
/// closes. It may also never stop: on a terminal that has gone away,
/// crossterm's `poll` spins without returning (crossterm issue #793), so
/// nothing may wait for this thread; [`spawn_guards`] ends the app instead.
pub fn spawn_input(
    tx: Sender<AppEvent>,
    stop: Arc<AtomicBool>,
    pause: Pause,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let mut last_tick = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                if pause.asked.load(Ordering::Acquire) {
                    pause.idle.store(true, Ordering::Release);
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
                pause.idle.store(false, Ordering::Release);
                let sent = match event::poll(Duration::from_millis(100)) {
                    Ok(true) => match event::read() {
                        Ok(ev) => forward(&tx, ev),
                        Err(_) => terminal_gone(&tx),
                    },
                    Ok(false) if last_tick.elapsed() >= Duration::from_secs(1) => {
                        last_tick = Instant::now();
                        tx.send(AppEvent::Tick).is_ok()
                    }
                    Ok(false) => true,
                    Err(_) => terminal_gone(&tx),
                };
                if !sent {
                    return;
                }
            }
        })
}

/// Tells the app its terminal is gone; always false, to end the thread.
/// Stops the input thread reading the terminal while another program
/// (the editor) has it, so no keystroke meant for that program is taken.
#[derive(Debug, Clone, Default)]
pub struct Pause {
    asked: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
}

impl Pause {
    /// Asks the input thread to stop reading and waits (briefly) until it
    /// has: it finishes the wait for input it is in.
    pub fn hold(&self) {
        self.asked.store(true, Ordering::Release);
        let until = Instant::now() + Duration::from_millis(500);
        while !self.idle.load(Ordering::Acquire) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Lets the input thread read again.
    pub fn release(&self) {
        self.asked.store(false, Ordering::Release);
    }
}

fn terminal_gone(tx: &Sender<AppEvent>) -> bool {
    let _ = tx.send(AppEvent::Terminate);
    false
}

/// The signal that ended the app, if one did: the process then exits with
/// 128 plus its number, as a shell expects.
static ENDED_BY: AtomicI32 = AtomicI32::new(0);

/// The signal that ended the app (see [`spawn_guards`]), if any.
pub fn ending_signal() -> Option<i32> {
    Some(ENDED_BY.load(Ordering::Relaxed)).filter(|&s| s > 0)
}

/// Every signal that ends a program by default and can be caught: each
/// must give the terminal back before munje ends.
const ENDING_SIGNALS: [i32; 7] = {
    use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]
};

/// Watches for the ways a session ends from outside and turns each into
/// [`AppEvent::Terminate`] on the app's channel, independently of the input
/// thread: every catchable signal that would end munje (SIGTERM, SIGHUP,
/// SIGINT sent with `kill`, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM; recorded
/// for [`ending_signal`]), and a controlling terminal that hangs up without
/// a signal reaching munje (its `/dev/tty` could be opened at start and no
/// longer can). Close the returned handle when the app ends.
pub fn spawn_guards(tx: &Sender<AppEvent>) -> std::io::Result<signal_hook::iterator::Handle> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    let handle = signals.handle();
    let on_signal = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                ENDED_BY.store(signal, Ordering::Relaxed);
                let _ = on_signal.send(AppEvent::Terminate);
            }
        })?;
    if tty_is_open() {
        let on_hangup = tx.clone();
        let closed = handle.clone();
        std::thread::Builder::new()
            .name("hangup".into())
            .spawn(move || {
                while !closed.is_closed() {
                    std::thread::sleep(Duration::from_millis(500));
                    if !tty_is_open() {
                        let _ = on_hangup.send(AppEvent::Terminate);
                        return;
                    }
                }
            })?;
    }
    Ok(handle)
}

/// Whether the controlling terminal can still be opened (after a hang-up
/// the session has none, and opening `/dev/tty` fails).
fn tty_is_open() -> bool {
    std::fs::File::open("/dev/tty").is_ok()
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
