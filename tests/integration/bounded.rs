//! Running munje under bounds, and building vaults: the helpers the
//! reliability tests share (hostile vaults, the vault-is-never-written
//! check, store and terminal faults). A child that runs past the wall-clock
//! limit is killed and the test fails; its address space is capped with
//! `ulimit -v`.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A run that takes longer than this is a hang: the child is killed and the
/// test fails. Generous, because CI machines are slow and shared.
pub const WALL_CLOCK_LIMIT: Duration = Duration::from_secs(60);

/// Address space a child may map (`ulimit -v`, KiB): 1 GiB. A debug build
/// loading every hostile case at once stays well under it.
pub const ADDRESS_SPACE_KIB: u64 = 1024 * 1024;

/// The title of the note placed beside every hostile file.
pub const GOOD_TITLE: &str = "멀쩡한 노트";

/// Writes a well-formed note with one question beside the hostile files.
pub fn write_good_note(dir: &Path) {
    write(
        dir,
        "good.md",
        "---\ntitle: 멀쩡한 노트\ntags: [reliability/good]\n---\n\n# 멀쩡한 노트\n\n\
         ## 관련 문제\n\n**문제:** 적재 확인용 질문인가?\n\n- A) 아니다\n- B) 그렇다\n\n\
         **정답: B**\n",
    );
}

/// Writes `contents` at `rel` under `dir`, creating folders.
pub fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, contents).unwrap();
}

/// Runs the munje binary with `args`, `stdin` as its input, under the
/// wall-clock and address-space bounds. Panics on a hang.
pub fn run_bounded(args: &[&str], stdin: &[u8], envs: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(if cfg!(target_os = "linux") {
            format!("ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\"")
        } else {
            // macOS cannot cap address space; the wall clock still bounds.
            "exec \"$0\" \"$@\"".to_owned()
        })
        .arg(env!("CARGO_BIN_EXE_munje"))
        .args(args)
        .env_remove("MUNJE_NOTES")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in envs {
        cmd.env(key, value);
    }
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Writing and reading on threads: a child that stops reading or fills
    // a pipe must hit the timeout, not deadlock the test.
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WALL_CLOCK_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("munje {args:?} ran past {WALL_CLOCK_LIMIT:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    writer.join().unwrap();
    Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

/// `munje export` of a vault, parsed; panics unless it exits 0.
pub fn export_json(vault: &Path) -> Value {
    let out = run_bounded(&["export", "--notes", path_str(vault)], b"", &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A path as `&str` (tempdirs are UTF-8).
pub fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The exported note at `rel`, if it loaded.
pub fn exported_note<'a>(export: &'a Value, rel: &str) -> Option<&'a Value> {
    export["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == rel)
}

/// `n` lines from a template, `{i}` replaced by the line's number.
pub fn numbered(n: usize, template: &str) -> String {
    (0..n)
        .map(|i| template.replace("{i}", &i.to_string()))
        .collect()
}
