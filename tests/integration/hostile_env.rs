//! Odd environments: a settings file that is a pipe or a link to
//! `/dev/zero`, and an answer typed in another encoding than UTF-8. munje
//! says what it did not read and goes on.

use super::bounded::{GOOD_TITLE, path_str, run_bounded, write_good_note};
use super::terminal_faults::Tui;

/// Starts the app with `config.toml` made by `make` (in the data folder,
/// which the PTY driver uses as `XDG_CONFIG_HOME`); the first frame must
/// show the vault and the problem, and `q` must quit.
#[cfg(unix)]
fn app_starts_despite_config(make: impl FnOnce(&std::path::Path), problem: &str) {
    let vault = tempfile::tempdir().unwrap();
    write_good_note(vault.path());
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("munje");
    std::fs::create_dir_all(&folder).unwrap();
    make(&folder.join("config.toml"));
    let mut tui = Tui::start(vault.path(), data.path(), &[]);
    tui.wait_for(GOOD_TITLE);
    // The header counts the settings problems; d lists them in full.
    tui.wait_for("설정 문제 1개");
    tui.send("d");
    tui.wait_for(problem);
    tui.send("\x1b");
    tui.send("q");
    tui.wait_exit();
    tui.assert_restored();
}

#[cfg(unix)]
#[test]
fn a_pipe_as_config_does_not_block_the_first_frame() {
    app_starts_despite_config(
        |path| {
            let made = std::process::Command::new("mkfifo").arg(path).status();
            assert!(made.unwrap().success());
        },
        "일반 파일이 아니라서",
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_as_config_is_not_read() {
    app_starts_despite_config(
        |path| std::os::unix::fs::symlink("/dev/zero", path).unwrap(),
        "일반 파일이 아니라서",
    );
}

#[test]
fn an_answer_in_another_encoding_is_asked_again() {
    let vault = tempfile::tempdir().unwrap();
    write_good_note(vault.path());
    let data = tempfile::tempdir().unwrap();
    let out = run_bounded(
        &[
            "quiz",
            "--plain",
            "--lang",
            "en",
            "--notes",
            path_str(vault.path()),
            "--data-dir",
            path_str(data.path()),
        ],
        // 가 in EUC-KR, then an answer.
        b"\xb0\xa1\nA\n",
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("not UTF-8"), "{stdout}");
    assert!(stdout.contains("Score:"), "{stdout}");
}

/// An unreadable folder in the vault must not turn off live reload for the
/// rest of it. Skipped as root, where permissions do not bind.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_folder_keeps_live_reload_for_the_rest() {
    use std::os::unix::fs::PermissionsExt as _;
    let vault = tempfile::tempdir().unwrap();
    write_good_note(vault.path());
    let locked = vault.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("n.md"), "# 잠김\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: permissions do not bind for this user");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(vault.path(), data.path(), &[]);
    tui.wait_for(GOOD_TITLE);
    std::fs::create_dir(vault.path().join("new")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    std::fs::write(vault.path().join("new/새.md"), "# 새 노트\n").unwrap();
    tui.wait_for("새 노트");
    tui.send("q");
    tui.wait_exit();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}
