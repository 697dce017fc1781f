//! Integration tests: one quiz path. The same `munje quiz` flags give the
//! same quiz in the line mode and in the app, a bad flag stops both with
//! exit status 2, and "due today" in `munje stats` is exactly what
//! `munje quiz --due` serves.

use std::process::Output;

use serde_json::Value;

use super::quiz_plain::{munje, run_with_input, vault};
use super::terminal_faults::Tui;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn plain(data: &std::path::Path, args: &[&str], input: &str) -> Output {
    let mut cmd = munje(data);
    cmd.env("XDG_CONFIG_HOME", data);
    cmd.args(["--lang", "ko", "quiz", "--plain"]).args(args);
    run_with_input(cmd, input)
}

#[test]
fn stats_due_today_is_exactly_what_quiz_due_serves() {
    let data = tempfile::tempdir().unwrap();
    // Two misses (they come back within hours) and one right answer.
    let out = plain(data.path(), &["--no-shuffle"], "C\nC\nD\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut stats = munje(data.path());
    stats.env("XDG_CONFIG_HOME", data.path());
    stats.args(["stats", "--json"]);
    let stats: Value = serde_json::from_slice(&stats.output().unwrap().stdout).unwrap();
    let due_today = stats["due_today"].as_u64().unwrap();
    assert_eq!(stats["new_questions"], 2, "{stats}");
    assert_eq!(stats["day_starts_at"], "04:00");
    // `quiz --due` serves exactly that many: answer none, count the header.
    let out = plain(data.path(), &["--due", "--no-shuffle"], "q\n");
    let served = text(&out.stdout);
    if due_today == 0 {
        assert!(served.contains("고를 문제가 없습니다"), "{served}");
    } else {
        assert!(
            served.contains(&format!("munje 연습: {due_today}문제")),
            "stats says {due_today} due today:\n{served}"
        );
    }
    // Whatever the hour, the misses are due within the week.
    assert_eq!(stats["due_week"], 2, "{stats}");
}

#[test]
fn the_same_flags_give_the_same_quiz_in_the_line_mode_and_the_app() {
    let data = tempfile::tempdir().unwrap();
    let flags = [
        "--no-shuffle",
        "--exam-date",
        "2099-01-01",
        "--tag",
        "service/emr",
    ];
    let out = plain(data.path(), &flags, "q\n");
    let line = text(&out.stdout);
    assert!(line.contains("2099-01-01 시험까지"), "{line}");
    let first = line
        .lines()
        .find(|l| l.starts_with("[1/"))
        .unwrap_or_else(|| panic!("no question:\n{line}"))
        .split("] ")
        .nth(1)
        .unwrap()
        .to_owned();
    // The app, on the same flags: the same first question, and the same
    // exam-date plan (which only the line mode applied before).
    let app_data = tempfile::tempdir().unwrap();
    let mut args = vec!["quiz"];
    args.extend(flags);
    let mut tui = Tui::start_with(&vault(), app_data.path(), &args, &[]);
    let screen = tui.wait_for(&first);
    assert!(screen.contains("2099-01-01 시험까지"), "{screen}");
    tui.send("\x03");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_bad_quiz_flag_stops_the_line_mode_and_the_app_alike() {
    let data = tempfile::tempdir().unwrap();
    let out = plain(data.path(), &["--exam-date", "2026-02-30"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("--exam-date") && err.contains("날짜"), "{err}");
    let mut tui = Tui::start_with(
        &vault(),
        data.path(),
        &["quiz", "--exam-date", "2026-02-30"],
        &[],
    );
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 2);
    assert!(tui.raw().contains("2026-02-30"), "{}", tui.raw());
}
