//! The tolerant reader from the command line: `check --explain`, the
//! count of questions read in each form, the warning for a note with
//! answer-like lines and no question, the `--questions` flag, the
//! `questions = "strict"` setting, and what `export` says of the forms.

use std::path::{Path, PathBuf};

use super::cli_check::munje;

fn tolerant(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tolerant")
        .join(dir)
}

fn run(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `munje` with its config folder in `dir`, so the user's own
/// config.toml is never read.
fn munje_in(config: &Path) -> assert_cmd::Command {
    let mut cmd = munje();
    cmd.env("XDG_CONFIG_HOME", config);
    cmd
}

#[test]
fn explain_names_each_part_and_its_form() {
    let home = tempfile::tempdir().unwrap();
    let note = tolerant("forms").join("heading.md");
    let (code, out, err) = run(munje_in(home.path())
        .arg("check")
        .arg("--explain")
        .arg(&note));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("5 questions read, 0 answer-like lines not read"),
        "{out}"
    );
    assert!(out.contains("question at 5–14 (tolerant reader)"), "{out}");
    assert!(out.contains("stem    5–7"), "{out}");
    assert!(
        out.contains("[heading]") && out.contains("[letters]"),
        "{out}"
    );
    assert!(out.contains("key     14        B [answer line]"), "{out}");
}

#[test]
fn explain_at_a_line_says_why_it_was_not_read() {
    let home = tempfile::tempdir().unwrap();
    let note = tolerant("forms").join("answer-line.trap.md");
    let target = format!("{}:10", note.display());
    let (code, out, _) = run(munje_in(home.path()).args(["check", "--explain", &target]));
    assert_eq!(code, 0);
    assert!(out.contains("not read, line 10: 선택 B"), "{out}");
    assert!(
        out.contains("the author's own pick is never read as the key"),
        "{out}"
    );
    assert!(!out.contains("line 20"), "only line 10: {out}");
    // A path under a vault root works too.
    let (_, out, _) = run(munje_in(home.path())
        .arg("check")
        .arg("--notes")
        .arg(tolerant("forms"))
        .args(["--explain", "numbered.trap.md:17"]));
    assert!(
        out.contains("options found at 13–15, but no stem above them"),
        "{out}"
    );
}

#[test]
fn check_counts_each_form_and_warns_once_for_a_note_read_as_nothing() {
    let home = tempfile::tempdir().unwrap();
    let vault = tempfile::tempdir().unwrap();
    std::fs::copy(
        tolerant("forms").join("label.md"),
        vault.path().join("label.md"),
    )
    .unwrap();
    std::fs::write(
        vault.path().join("memo.md"),
        "# 메모\n\n정답: B\n\n해설은 나중에.\n\n정답: C\n",
    )
    .unwrap();
    let (code, out, _) = run(munje_in(home.path())
        .arg("check")
        .arg("--notes")
        .arg(vault.path()));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("0 questions read by the note format's grammar, 4 by the tolerant reader"),
        "{out}"
    );
    assert!(out.contains("  stems: label 4"), "{out}");
    assert!(
        out.contains("  options: letters 1, numbers 1, lowercase letters 1, bullets 1")
            || out.contains("  options: letters 1, lowercase letters 1, numbers 1, bullets 1"),
        "{out}"
    );
    assert!(out.contains("  keys: answer line 3, star 1"), "{out}");
    let hint = "this note has an answer-like line but no question was read";
    assert_eq!(out.matches(hint).count(), 1, "{out}");
    assert!(out.contains("memo.md:3:1: warning:"), "{out}");
    assert!(
        out.ends_with("2 notes, 4 questions, 0 errors, 1 warnings\n"),
        "{out}"
    );
    let (_, json, _) = run(munje_in(home.path())
        .args(["check", "--format", "json", "--notes"])
        .arg(vault.path()));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["forms"][0]["tolerant"], 4);
    assert_eq!(v["forms"][0]["strict"], 0);
}

#[test]
fn strict_flag_and_setting_turn_the_tolerant_reader_off() {
    let home = tempfile::tempdir().unwrap();
    let forms = tolerant("forms");
    let (_, out, _) = run(munje_in(home.path())
        .args(["check", "--questions", "strict", "--notes"])
        .arg(&forms));
    assert!(out.contains(" notes, 0 questions, 0 errors, "), "{out}");
    assert!(out.contains("questions = \"strict\""), "{out}");
    assert!(!out.contains("by the tolerant reader"), "{out}");

    std::fs::create_dir_all(home.path().join("munje")).unwrap();
    std::fs::write(
        home.path().join("munje/config.toml"),
        "questions = \"strict\"\n",
    )
    .unwrap();
    let (_, json, _) = run(munje_in(home.path())
        .arg("export")
        .arg("--notes")
        .arg(&forms));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let read: usize = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["questions"].as_array().unwrap().len())
        .sum();
    assert_eq!(read, 0);
    // The flag wins over the setting.
    let (_, out, _) = run(munje_in(home.path())
        .args(["check", "--questions", "tolerant", "--notes"])
        .arg(&forms));
    assert!(out.contains("by the tolerant reader"), "{out}");
    // A bad value is named, and the default stays.
    std::fs::write(
        home.path().join("munje/config.toml"),
        "questions = \"loose\"\n",
    )
    .unwrap();
    let (_, _, err) = run(munje_in(home.path())
        .arg("export")
        .arg("--notes")
        .arg(&forms));
    assert!(
        err.contains("questions \"loose\" is not \"strict\" or \"tolerant\""),
        "{err}"
    );
}

#[test]
fn export_says_how_each_tolerant_question_was_read() {
    let home = tempfile::tempdir().unwrap();
    let (_, json, _) = run(munje_in(home.path())
        .arg("export")
        .arg("--notes")
        .arg(tolerant("forms")));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == "circled.md")
        .unwrap();
    let q = &note["questions"][0];
    assert_eq!(q["form"]["options"], "circled numbers");
    assert_eq!(q["form"]["key"], "answer line");
    assert_eq!(q["options"][2]["label"], "③");
    assert_eq!(q["options"][2]["letter"], "C");
    assert_eq!(q["answer"], serde_json::json!(["C"]));
}
