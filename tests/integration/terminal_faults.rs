//! Terminal faults: munje killed politely (SIGTERM) or crashing inside a
//! screen must hand the terminal back as it found it (main screen, cursor
//! shown), and a crash must say where to report it. Also home of a small
//! PTY driver that the other reliability tests use to open the TUI.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// munje's full-screen app running in a pseudo-terminal, read back through
/// a vt100 screen model.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the app wrote, raw (for messages printed after the
    /// alternate screen is left).
    raw: Arc<Mutex<Vec<u8>>>,
    /// The pseudo-terminal's own name (`/dev/pts/N`), for `stty`.
    tty: Option<std::path::PathBuf>,
}

impl Tui {
    /// Starts `munje --notes VAULT --data-dir DATA` plus `extra` env vars.
    pub fn start(vault: &Path, data: &Path, envs: &[(&str, &str)]) -> Tui {
        Tui::start_with(vault, data, &[], envs)
    }

    /// Starts munje as [`Tui::start`] does, with more arguments after the
    /// global ones (a subcommand and its flags, say).
    pub fn start_with(vault: &Path, data: &Path, args: &[&str], envs: &[(&str, &str)]) -> Tui {
        let (rows, cols) = (30, 100);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_munje"));
        cmd.args(["--lang", "ko", "--notes"]);
        cmd.arg(vault);
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.args(args);
        cmd.cwd(vault);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "ko_KR.UTF-8");
        cmd.env("XDG_CONFIG_HOME", data);
        cmd.env("XDG_DATA_HOME", data);
        cmd.env_remove("MUNJE_NOTES");
        cmd.env_remove("NO_COLOR");
        for (key, value) in envs {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (sink, raw_sink) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        let tty = pair.master.tty_name();
        // The master must outlive the child's last output.
        std::mem::forget(pair.master);
        Tui {
            child,
            writer,
            parser,
            raw,
            tty,
        }
    }

    /// The vt100 model of the terminal, for cursor and mode checks.
    pub fn vt(&self) -> std::sync::MutexGuard<'_, vt100::Parser> {
        self.parser.lock().unwrap()
    }

    /// True while munje has not exited.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything written so far, lossily decoded.
    pub fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen if not.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Types `keys`, then lets the app take them in.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits for the app to exit; fails with the screen after 20 s.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take in the last bytes.
                std::thread::sleep(Duration::from_millis(150));
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "munje did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Asserts the terminal is as a shell expects it: main screen, cursor
    /// shown.
    pub fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(
            !screen.alternate_screen(),
            "still on the alternate screen:\n{}",
            screen.contents()
        );
        assert!(!screen.hide_cursor(), "cursor left hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
        drop(parser);
        if let Some(modes) = self.stty() {
            // Raw mode turns off line editing, echo and signal keys.
            for mode in ["icanon", "echo", "isig"] {
                assert!(
                    modes.split_whitespace().any(|m| m == mode),
                    "terminal left in raw mode (no {mode}):\n{modes}"
                );
            }
        }
    }

    /// `stty -a` of the pseudo-terminal, where `stty -F` exists (Linux).
    pub fn stty(&self) -> Option<String> {
        let tty = self.tty.as_ref()?;
        let out = std::process::Command::new("stty")
            .arg("-F")
            .arg(tty)
            .arg("-a")
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A small vault and an empty data folder for a TUI run.
fn vault_and_data() -> (tempfile::TempDir, tempfile::TempDir) {
    let vault = tempfile::tempdir().unwrap();
    super::bounded::write_good_note(vault.path());
    (vault, tempfile::tempdir().unwrap())
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    let (vault, data) = vault_and_data();
    let mut tui = Tui::start(vault.path(), data.path(), &[]);
    tui.wait_for(super::bounded::GOOD_TITLE);
    assert!(tui.parser.lock().unwrap().screen().alternate_screen());
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &tui.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    tui.wait_exit();
    tui.assert_restored();
}

#[cfg(unix)]
#[test]
fn panic_inside_a_screen_restores_the_terminal_and_says_where_to_report() {
    let (vault, data) = vault_and_data();
    let mut tui = Tui::start(vault.path(), data.path(), &[("MUNJE_TEST_PANIC", "1")]);
    let status = tui.wait_exit();
    assert!(!status.success(), "a crash must not exit 0");
    tui.assert_restored();
    let raw = tui.raw();
    assert!(
        raw.contains("deliberate crash"),
        "panic message lost:\n{raw}"
    );
    assert!(
        raw.contains("Please report it at https://"),
        "no place to report it:\n{raw}"
    );
}

/// Regression: the file watcher saw the loader's own reads (inotify
/// "open" events) as changes, so the app reloaded the vault forever.
#[cfg(unix)]
#[test]
fn idle_app_does_not_keep_reloading_its_own_reads() {
    let (vault, data) = vault_and_data();
    // A note slow enough to parse that a reload is on screen for a while.
    let list = super::bounded::numbered(100_000, "- 항목 {i}\n");
    super::bounded::write(vault.path(), "list.md", format!("# 목록\n{list}"));
    let mut tui = Tui::start(vault.path(), data.path(), &[]);
    tui.wait_for(super::bounded::GOOD_TITLE);
    // One real change: one reload, then quiet.
    super::bounded::write(vault.path(), "new.md", "# 새 노트\n");
    tui.wait_for("새 노트");
    std::thread::sleep(Duration::from_secs(2));
    let loading = "불러오는 중";
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        let screen = tui.screen();
        assert!(!screen.contains(loading), "reloading while idle:\n{screen}");
        std::thread::sleep(Duration::from_millis(20));
    }
    tui.send("\x03");
    tui.wait_exit();
}

/// Each catchable signal that ends munje, by name and number.
#[cfg(target_os = "linux")]
const ENDING_SIGNALS: [(&str, u32); 7] = [
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("USR1", 10),
    ("USR2", 12),
    ("ALRM", 14),
    ("TERM", 15),
];

#[cfg(target_os = "linux")]
#[test]
fn every_ending_signal_restores_the_terminal_and_exits_128_plus_its_number() {
    for (name, number) in ENDING_SIGNALS {
        let (vault, data) = vault_and_data();
        let mut tui = Tui::start(vault.path(), data.path(), &[]);
        tui.wait_for(super::bounded::GOOD_TITLE);
        {
            let vt = tui.vt();
            assert!(vt.screen().alternate_screen());
            assert_ne!(
                vt.screen().mouse_protocol_mode(),
                vt100::MouseProtocolMode::None
            );
        }
        let raw = tui.stty().unwrap_or_default();
        assert!(raw.contains("-icanon"), "not raw while running:\n{raw}");
        let killed = std::process::Command::new("kill")
            .args([&format!("-{name}"), &tui.pid().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = tui.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}");
        tui.assert_restored();
    }
}
