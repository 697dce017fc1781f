//! `munje check`: rustc-style text, JSON, the summary and exit codes; also
//! that completions and the man page print.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub(crate) fn munje() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("munje"));
    cmd.env_remove("MUNJE_NOTES").env("NO_COLOR", "1");
    // The report speaks the locale's language; these tests read English.
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd
}

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vaults")
        .join(name)
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn clean_vault_exits_0_with_only_the_summary() {
    let out = stdout(munje().arg("check").arg("--notes").arg(fixture("forms")), 0);
    assert_eq!(out, "4 notes, 7 questions, 0 errors, 0 warnings\n");
}

#[test]
fn errors_print_rustc_style_with_source_and_caret_and_exit_1() {
    let root = fixture("broken");
    let out = stdout(munje().arg("check").arg("--notes").arg(&root), 1);
    let first = format!(
        "{}:15:7: error: answer letter 'F' has no option\n",
        root.join("question-errors.md").display()
    );
    let at = out.find(&first).unwrap_or_else(|| panic!("{out}"));
    let snippet: Vec<&str> = out[at + first.len()..].lines().take(4).collect();
    assert!(
        snippet[1].starts_with("15 | **정답: F) 없는 보기**"),
        "{snippet:?}"
    );
    assert_eq!(snippet[2].trim_end(), "   |         ^");
    assert!(out.contains(&format!(
        "{}:1:1: error: frontmatter opened with '---' is never closed",
        root.join("unterminated.md").display()
    )));
    assert!(out.contains(": warning: explanation for option 'F'"));
    assert!(
        out.ends_with("3 notes, 8 questions, 13 errors, 2 warnings\n"),
        "{out}"
    );
}

#[test]
fn json_format_lists_every_diagnostic_and_the_counts() {
    let out = stdout(
        munje()
            .args(["check", "--format", "json", "--notes"])
            .arg(fixture("broken")),
        1,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["errors"], 13);
    assert_eq!(v["warnings"], 2);
    assert_eq!(v["notes"], 3);
    let first = &v["diagnostics"][0];
    assert!(first["path"].as_str().unwrap().ends_with("binary.md"));
    assert_eq!(first["severity"], "error");
    assert_eq!(first["line"], 2);
}

#[test]
fn unreadable_root_and_bad_arguments_exit_2() {
    let out = munje()
        .args(["check", "--notes", "/no/such/vault"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read vault '/no/such/vault'"));
    let bad = munje().args(["check", "--format", "xml"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn munje_notes_splits_like_path_and_merges_vaults() {
    let joined = std::env::join_paths([fixture("forms"), fixture("broken")]).unwrap();
    let out = stdout(munje().arg("check").env("MUNJE_NOTES", joined), 1);
    assert!(
        out.ends_with("7 notes, 15 questions, 13 errors, 2 warnings\n"),
        "{out}"
    );
}

#[test]
fn bundled_deck_checks_clean() {
    let out = stdout(munje().arg("check"), 0);
    assert!(
        out.ends_with(" 0 errors, 0 warnings\n") || out.contains(" 0 errors,"),
        "{out}"
    );
}

#[test]
fn completions_and_man_page_print() {
    let bash = stdout(munje().args(["completions", "bash"]), 0);
    assert!(bash.contains("munje") && bash.contains("--notes"));
    let man = stdout(munje().arg("man"), 0);
    assert!(man.contains(".TH munje"), "{}", &man[..man.len().min(200)]);
}
