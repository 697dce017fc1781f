//! Integration tests: `munje quiz --plain` scripted end to end on the
//! fixture vault, with `munje stats --json` and `munje wrong` reading back
//! exactly what was answered.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The fixture vault: two notes (spot, EMR) and one bank question.
pub fn vault() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quiz/vault")
}

/// A `munje` command with a clean environment and its own data dir.
pub fn munje(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in [
        "MUNJE_NOTES",
        "MUNJE_DATA_DIR",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        cmd.env_remove(var);
    }
    cmd.arg("--data-dir").arg(data).arg("--notes").arg(vault());
    cmd
}

/// Runs a command with `input` on stdin.
pub fn run_with_input(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn json(data: &Path, args: &[&str]) -> Value {
    let out = munje(data).args(args).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `(tag, attempts, correct)` from `stats --json`.
fn counts_by_tag(stats: &Value) -> Vec<(String, u64, u64)> {
    stats["by_tag"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["tag"].as_str().unwrap().to_owned(),
                t["attempts"].as_u64().unwrap(),
                t["correct"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `(stem, misses, "C×2 D×1")` from `wrong --json`.
fn misses(wrong: &Value) -> Vec<(String, u64, String)> {
    wrong["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let picks: Vec<String> = q["wrong_picks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| format!("{}×{}", p["letter"].as_str().unwrap(), p["times"]))
                .collect();
            (
                q["stem"].as_str().unwrap().to_owned(),
                q["misses"].as_u64().unwrap(),
                picks.join(" "),
            )
        })
        .collect()
}

// In source order: EMR manages (A), HDFS (C), spot notice (B), spot fit
// (A+C), bank sizing (A).
const SCRIPT: &str = "C\nC\nD\nAB\nA\n";

#[test]
fn scripted_plain_session_is_recorded_and_read_back_exactly() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = munje(data.path());
    cmd.args(["quiz", "--plain", "--no-shuffle", "--lang", "en"]);
    let out = run_with_input(cmd, SCRIPT);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let verdicts: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("Correct.") || l.starts_with("Incorrect."))
        .collect();
    assert_eq!(
        verdicts,
        [
            "Incorrect. The answer is A.",
            "Correct.",
            "Incorrect. The answer is B.",
            "Incorrect. The answer is A, C.",
            "Correct."
        ]
    );
    assert!(stdout.contains("(Choose 2.)"));
    assert!(stdout.contains("emr-nodes.md:14"), "where the note is");
    assert_eq!(stdout.lines().last(), Some("Score: 2/5 (40%)"));
    assert!(!stdout.contains('\x1b'));

    let stats = json(data.path(), &["stats", "--json"]);
    assert_eq!(stats["attempts"], 5);
    assert_eq!(stats["correct"], 2);
    assert_eq!(stats["accuracy"], 0.4);
    assert_eq!(stats["streak_days"], 1);
    // The misses come back within a day, so this week; whether that is
    // still today depends on the hour the test runs.
    assert_eq!(stats["due_week"], 3);
    assert!(stats["due_today"].as_u64().unwrap() <= 3);
    let by_tag = counts_by_tag(&stats);
    let expect = [
        ("exam/saa", 2, 0),
        ("instance/spot", 2, 0),
        ("service/emr", 3, 2),
        ("service/emr/sizing", 1, 1),
    ];
    let expect: Vec<(String, u64, u64)> = expect
        .iter()
        .map(|(t, a, c)| ((*t).to_owned(), *a, *c))
        .collect();
    assert_eq!(by_tag, expect);
    let days = stats["by_day"].as_array().unwrap();
    assert_eq!(days.len(), 56);
    assert_eq!(days.last().unwrap()["attempts"], 5);
    assert_eq!(days.last().unwrap()["correct"], 2);

    let wrong = json(data.path(), &["wrong", "--json"]);
    let missed = misses(&wrong);
    assert_eq!(missed.len(), 3, "{missed:?}");
    assert!(missed.contains(&("EMR 클러스터를 관리하는 노드는?".into(), 1, "C×1".into())));
    assert!(missed.contains(&(
        "스팟 인스턴스 중단 알림은 회수 몇 분 전에 오는가?".into(),
        1,
        "D×1".into()
    )));
    assert!(missed.contains(&(
        "스팟 인스턴스에 알맞은 작업을 두 가지 고르시오.".into(),
        1,
        "B×1".into()
    )));

    let md = munje(data.path())
        .args(["wrong", "--lang", "en"])
        .output()
        .unwrap();
    let md = text(&md.stdout);
    assert!(
        md.contains("## #instance/spot") && md.contains("## #service/emr"),
        "{md}"
    );
    assert!(
        md.contains("- **C)** 태스크 노드 — ❌ chosen 1 time"),
        "{md}"
    );
}

#[test]
fn wrong_export_writes_markdown_outside_the_vault_and_refuses_inside() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = munje(data.path());
    cmd.args(["quiz", "--plain", "--no-shuffle", "--lang", "ko"]);
    let out = run_with_input(cmd, "B\nC\n");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\n오답입니다. 정답은 A입니다.\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\n정답입니다.\n"));
    assert_eq!(stdout.lines().last(), Some("점수: 1/2 (50%)"));

    let file = data.path().join("오답노트.md");
    let out = munje(data.path())
        .args(["wrong", "--lang", "ko", "--export"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("# 오답노트\n"), "{md}");
    assert!(md.contains("- **B)** 코어 노드 — ❌ 1번 고름"), "{md}");

    let inside = vault().join("오답노트.md");
    let out = munje(data.path())
        .args(["wrong", "--export"])
        .arg(&inside)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("never writes into a vault"));
    assert!(!inside.exists());
}

#[test]
fn shuffled_session_records_the_notes_letters() {
    let data = tempfile::tempdir().unwrap();
    // Only the bank question (right answer "r 계열"); answer whichever
    // letter the shuffle gave it.
    let mut probe = munje(data.path());
    probe.args([
        "quiz",
        "--plain",
        "--seed",
        "7",
        "--tag",
        "service/emr/sizing",
        "--lang",
        "en",
    ]);
    let shown = text(&run_with_input(probe, "").stdout);
    let letter = shown
        .lines()
        .find(|l| l.contains("r 계열"))
        .and_then(|l| l.trim().chars().next())
        .unwrap();
    assert_ne!(
        letter, 'A',
        "seed 7 moves the right option off its note letter"
    );
    let mut cmd = munje(data.path());
    cmd.args([
        "quiz",
        "--plain",
        "--seed",
        "7",
        "--tag",
        "service/emr/sizing",
        "--lang",
        "en",
    ]);
    let out = text(&run_with_input(cmd, &format!("{letter}\n")).stdout);
    assert!(out.contains("\nCorrect.\n"), "{out}");
    let wrong = json(data.path(), &["wrong", "--json"]);
    assert_eq!(wrong["questions"].as_array().unwrap().len(), 0);
    let stats = json(data.path(), &["stats", "--json"]);
    assert_eq!(
        (stats["attempts"].as_u64(), stats["correct"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn plain_exam_grades_only_after_submitting() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = munje(data.path());
    cmd.args([
        "quiz",
        "--plain",
        "--no-shuffle",
        "--exam",
        "--minutes",
        "30",
        "--lang",
        "en",
    ]);
    // Answer 1 wrong, flag 2, skip it, answer 3–5, submit at the grid.
    let out = run_with_input(cmd, "B\nf\ns\nB\nAC\nA\n\n");
    let stdout = text(&out.stdout);
    let graded = stdout.find("Scaled score").unwrap();
    assert!(!stdout[..graded].contains("Correct."), "{stdout}");
    assert!(
        stdout.contains("Review: answered 1 3 4 5 | unanswered 2 | flagged 2"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Scaled score: 640/1000 — fail (pass mark 720)"),
        "{stdout}"
    );
    assert!(stdout.contains("Not answered. The answer is C."));
    assert_eq!(stdout.lines().last(), Some("Score: 3/5 (60%)"));
    let stats = json(data.path(), &["stats", "--json"]);
    assert_eq!(
        stats["attempts"], 4,
        "unanswered questions are not attempts"
    );
    assert_eq!(stats["correct"], 3);
}

/// `munje` in UTC with a learning day that began this hour: a question
/// missed now comes back within the same learning day at any time of day
/// the test runs (with the default 04:00, a miss after about 23:00 came
/// back the next learning day).
fn munje_today(data: &Path) -> Command {
    let hour = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / 3600
        % 24;
    let config = data.join("config");
    std::fs::create_dir_all(config.join("munje")).unwrap();
    std::fs::write(
        config.join("munje/config.toml"),
        format!("day_starts_at = {hour}\n"),
    )
    .unwrap();
    let mut cmd = munje(data);
    cmd.env("TZ", "UTC").env("XDG_CONFIG_HOME", config);
    cmd
}

#[test]
fn wrong_and_exam_date_selections_on_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let mut first = munje_today(data.path());
    first.args(["quiz", "--plain", "--no-shuffle", "--lang", "en"]);
    run_with_input(first, "C\nC\nD\n");
    // The notebook holds the two misses, in source order.
    let mut again = munje_today(data.path());
    again.args(["quiz", "--plain", "--no-shuffle", "--wrong", "--lang", "en"]);
    let out = text(&run_with_input(again, "s\ns\n").stdout);
    let asked: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        asked,
        [
            "[1/2] EMR 클러스터를 관리하는 노드는?",
            "[2/2] 스팟 인스턴스 중단 알림은 회수 몇 분 전에 오는가?"
        ]
    );
    // An exam far off: the two misses come back within hours, so they are
    // due today (the learning day runs to 04:00), and the two unseen
    // questions are spread over the days left (one a day).
    let mut plan = munje_today(data.path());
    plan.args([
        "quiz",
        "--plain",
        "--no-shuffle",
        "--exam-date",
        "2099-01-01",
        "--lang",
        "en",
    ]);
    let out = text(&run_with_input(plan, "").stdout);
    assert!(out.contains("Exam on 2099-01-01"), "{out}");
    assert!(out.contains("munje practice: 3 questions"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with('[')).count(),
        1,
        "{out}"
    );
    let mut bad = munje(data.path());
    bad.args(["quiz", "--plain", "--exam-date", "2026-02-30"]);
    let out = run_with_input(bad, "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("\"2026-02-30\" is not a date"));
}
