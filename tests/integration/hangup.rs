//! A terminal that goes away (a closed terminal window, a killed tmux
//! session, a dropped ssh connection) must end munje, not leave it running.
//! crossterm's `poll` never returns on a vanished terminal, so this guards
//! the signal and hang-up watch that ends the app without it.

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[cfg(unix)]
#[test]
fn closing_the_terminal_ends_munje() {
    let vault = tempfile::tempdir().unwrap();
    super::bounded::write_good_note(vault.path());
    let data = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_munje"));
    cmd.args(["--lang", "en", "--notes"]);
    cmd.arg(vault.path());
    cmd.arg("--data-dir");
    cmd.arg(data.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", data.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    // Read until the first frame shows the note, then let go of the reader:
    // every handle on the master side must close for the terminal to hang up.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let seen = std::thread::spawn(move || {
        let mut screen = vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        );
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            screen.process(&buf[..n]);
            if screen.screen().contents().contains("Notes 1") {
                return true;
            }
        }
        false
    });
    assert!(seen.join().unwrap(), "munje never drew its first frame");
    drop(pair.master);

    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("munje kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
