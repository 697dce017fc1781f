//! `munje exams`: the history after line-mode exams, as text and JSON, and
//! a past exam's review reopened after its note changed.

use std::path::Path;

use serde_json::Value;

use super::quiz_plain::run_with_input;

/// `munje` on `vault` (a copy the test may change) with its own data dir.
fn munje(data: &Path, vault: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in [
        "MUNJE_NOTES",
        "MUNJE_DATA_DIR",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        cmd.env_remove(var);
    }
    cmd.arg("--data-dir").arg(data).arg("--notes").arg(vault);
    cmd
}

fn exam(data: &Path, vault: &Path, input: &str) -> String {
    let mut cmd = munje(data, vault);
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
    let out = run_with_input(cmd, input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn copy_vault() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&super::quiz_plain::vault(), dir.path());
    dir
}

fn copy(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn run(data: &Path, vault: &Path, args: &[&str]) -> String {
    let mut cmd = munje(data, vault);
    cmd.args(args);
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn exams_are_listed_newest_first_and_reviewed_again_after_the_note_changed() {
    let data = tempfile::tempdir().unwrap();
    let vault = copy_vault();
    // The same answers as the line-mode exam test: 3 of 5 right, 2 flagged.
    let out = exam(data.path(), vault.path(), "B\nf\ns\nB\nAC\nA\n\n");
    assert!(out.contains("Review (all, 5/5)"), "{out}");
    // The second exam is left unscored.
    exam(data.path(), vault.path(), "B\nabandon\n");

    let list: Value =
        serde_json::from_str(&run(data.path(), vault.path(), &["exams", "--json"])).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["abandoned"], true, "newest first");
    assert!(list[0]["scaled"].is_null() && list[0]["passed"].is_null());
    let first = &list[1];
    assert_eq!(
        (
            &first["questions"],
            &first["answered"],
            &first["correct"],
            &first["scaled"],
            &first["pass"],
            &first["passed"]
        ),
        (
            &Value::from(5),
            &Value::from(4),
            &Value::from(3),
            &Value::from(640),
            &Value::from(720),
            &Value::from(false)
        )
    );
    assert!(first["blueprint"].is_null());
    assert!(
        first["domains"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["level"] == "meets" || d["level"] == "needs_improvement")
    );

    let text = run(data.path(), vault.path(), &["exams", "--lang", "ko"]);
    assert!(
        text.contains("  1. ") && text.contains("그만둠(채점 안 함)"),
        "{text}"
    );
    assert!(
        text.contains("5문제") && text.contains("640점 불합격"),
        "{text}"
    );

    // The EMR note is deleted: its questions are gone from the vault now,
    // and the review shows them as they were last recorded.
    std::fs::remove_file(vault.path().join("emr-nodes.md")).unwrap();
    let review = run(
        data.path(),
        vault.path(),
        &[
            "exams", "--review", "2", "--filter", "wrong", "--lang", "en",
        ],
    );
    assert!(review.contains("Review (wrong, 2/5)"), "{review}");
    assert!(review.contains("no longer in the vault"), "{review}");
    assert!(review.contains("Not answered."), "{review}");
    assert!(
        review.contains("HDFS 저장 용량을 늘리려면"),
        "the last-known stem: {review}"
    );
}

#[test]
fn a_blueprint_exam_is_drawn_by_domain_and_kept_with_its_name() {
    let data = tempfile::tempdir().unwrap();
    let vault = copy_vault();
    let bp = vault.path().join("..").join(format!(
        "bp-{}.yaml",
        vault.path().file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(
        &bp,
        "name: 작은 시험\nquestions: 4\npass: 700\ndomains:\n  - name: 스팟\n    weight: 3\n    tags: [instance/spot]\n  - name: EMR\n    weight: 1\n    tags: [service/emr]\n",
    )
    .unwrap();
    let mut cmd = munje(data.path(), vault.path());
    cmd.args(["quiz", "--plain", "--no-shuffle", "--exam", "--lang", "en"])
        .arg("--blueprint")
        .arg(&bp);
    let out = run_with_input(cmd, "\n\n\n\n\n");
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Three spot questions wanted, two exist: said before the start.
    assert!(
        stdout.contains("domain \"스팟\": 3 questions wanted, only 2 available"),
        "{stdout}"
    );
    assert!(stdout.contains("3 questions"), "{stdout}");
    assert!(stdout.contains("By domain (weakest first"), "{stdout}");
    let list: Value =
        serde_json::from_str(&run(data.path(), vault.path(), &["exams", "--json"])).unwrap();
    let e = &list[0];
    assert_eq!(e["blueprint"], "작은 시험");
    assert_eq!(e["pass"], 700);
    let names: Vec<&str> = e["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"스팟") && names.contains(&"EMR"));
    // An unknown key names the file, line and column.
    std::fs::write(
        &bp,
        "name: x\ndomains:\n  - name: a\n    weigth: 3\n    tags: [instance/spot]\n",
    )
    .unwrap();
    let mut cmd = munje(data.path(), vault.path());
    cmd.args(["quiz", "--plain", "--exam", "--lang", "en"])
        .arg("--blueprint")
        .arg(&bp);
    let out = run_with_input(cmd, "");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{}:4:5: unknown key \"weigth\"", bp.display())),
        "{err}"
    );
    std::fs::remove_file(&bp).unwrap();
}

#[test]
fn stats_json_carries_the_readiness_forecast_or_says_why_not() {
    let data = tempfile::tempdir().unwrap();
    let vault = copy_vault();
    let keys = |v: &Value| {
        let mut k: Vec<String> = v["readiness"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    };
    let fresh: Value =
        serde_json::from_str(&run(data.path(), vault.path(), &["stats", "--json"])).unwrap();
    assert_eq!(
        keys(&fresh),
        [
            "expected_scaled",
            "high",
            "low",
            "pass_probability",
            "reason"
        ]
    );
    assert!(fresh["readiness"]["expected_scaled"].is_null());
    assert_eq!(fresh["readiness"]["reason"], "not enough history yet");
    // Every question answered once: a forecast.
    exam(data.path(), vault.path(), "C\nC\nB\nAC\nA\n\n");
    let after: Value =
        serde_json::from_str(&run(data.path(), vault.path(), &["stats", "--json"])).unwrap();
    let r = &after["readiness"];
    assert!(r["reason"].is_null(), "{r}");
    let e = r["expected_scaled"].as_f64().unwrap();
    assert!((100.0..=1000.0).contains(&e), "{r}");
    assert!(r["low"].as_u64().unwrap() <= r["high"].as_u64().unwrap());
    let p = r["pass_probability"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    let text = run(
        data.path(),
        vault.path(),
        &["stats", "--exam-date", "2099-01-01", "--lang", "en"],
    );
    assert!(text.contains("If the exam were on 2099-01-01"), "{text}");
    assert!(text.contains("reviews a day"), "{text}");
}
