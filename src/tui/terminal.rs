//! Taking the terminal over and giving it back: raw mode, the alternate
//! screen and mouse capture on the way in; all undone on quit, on a panic
//! (with where to report it) and on SIGTERM/SIGHUP (via the event loop).

use std::io::{self, Stdout, stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Where people should report a crash.
pub const REPORT_URL: &str = "https://github.com/munje-dev/munje/issues";

/// The terminal munje draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Enters raw mode, the alternate screen and mouse capture, and installs a
/// panic hook that restores the terminal before the message is printed.
pub fn init() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture) {
        let _ = restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Leaves raw mode and the alternate screen and shows the cursor. Safe to
/// call more than once.
/// Takes the terminal back after another program used it (the editor).
/// A fresh `Terminal` draws every cell again (and, unlike `clear`, asks
/// the terminal nothing while the input thread is still paused).
pub fn resume(term: &mut Term) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    *term = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok(())
}

pub fn restore() -> io::Result<()> {
    let raw = disable_raw_mode();
    execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show)?;
    raw
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
        eprintln!(
            "\nmunje crashed; this is a bug. Please report it at {REPORT_URL} with the message above."
        );
    }));
}
