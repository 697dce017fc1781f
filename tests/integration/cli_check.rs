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
    cmd.env_remove("MUNJE_DATA_DIR")
        .env("XDG_DATA_HOME", no_data_yet());
    cmd
}

/// A data folder of this run's own that holds nothing yet: a command never
/// reads the progress of whoever runs the tests (a `check` would warn about
/// their history). Tests that keep progress pass `--data-dir` themselves.
pub(crate) fn no_data_yet() -> std::path::PathBuf {
    static RUN: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUN.get_or_init(|| tempfile::tempdir().unwrap());
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    run.path().join(n.to_string())
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
fn clean_vault_exits_0_with_its_quality_warnings_and_the_summary() {
    let root = fixture("forms");
    let out = stdout(
        munje()
            .args(["--lang", "en", "check", "--notes"])
            .arg(&root),
        0,
    );
    let at = |rel: &str, line: usize| {
        format!("{}:{line}:1: quality warning: ", root.join(rel).display())
    };
    let expected = [
        format!(
            "{}the right option C has no explanation",
            at("notes/aws/numbered-labels.md", 16)
        ),
        format!(
            "{}the stem has only 3 words: shorter than a sentence",
            at("notes/crlf-bom.md", 14)
        ),
        format!(
            "{}the right option B has no explanation",
            at("notes/crlf-bom.md", 14)
        ),
        format!(
            "{}the right options A, B have no explanation",
            at("questions/bank.yaml", 15)
        ),
        "quality: longest option keyed 1/4 (25%), keys A 0% B 75% C 33% (of 3) D 0% (of 1), \
         top \"choose two\" pair A+B 33% of 3, exam framing 0%, 4 quality warnings"
            .to_owned(),
        "4 notes, 7 questions, 0 errors, 0 warnings".to_owned(),
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected, "{out}");
}

#[test]
fn quality_section_speaks_korean_with_lang_ko() {
    let out = stdout(
        munje()
            .args(["--lang", "ko", "check", "--notes"])
            .arg(fixture("forms")),
        0,
    );
    assert!(
        out.contains("numbered-labels.md:16:1: 품질 경고: 정답 보기 C에 설명이 없습니다\n"),
        "{out}"
    );
    assert!(
        out.contains("\n품질: 가장 긴 보기가 정답 1/4 (25%), 정답 글자 A 0% B 75% C 33%(3문제 중)"),
        "{out}"
    );
    assert!(out.contains("품질 경고 4건\n"), "{out}");
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
fn json_format_carries_the_quality_figures_and_warnings() {
    let out = stdout(
        munje()
            .args(["--lang", "en", "check", "--format", "json", "--notes"])
            .arg(fixture("forms")),
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let q = &v["quality"];
    assert_eq!(q["figures"]["questions"], 7);
    assert_eq!(q["figures"]["single_answer"], 4);
    assert_eq!(q["figures"]["choose_two"], 3);
    assert_eq!(q["figures"]["longest_key"], 1);
    assert_eq!(q["figures"]["letters"][1]["letter"], "B");
    assert_eq!(q["figures"]["letters"][1]["keyed"], 3);
    assert_eq!(
        q["figures"]["pairs"][0]["pair"],
        serde_json::json!(["A", "B"])
    );
    let first = &q["warnings"][0];
    assert_eq!(first["kind"], "unexplained-key");
    assert_eq!(first["line"], 16);
    assert!(
        first["path"]
            .as_str()
            .unwrap()
            .ends_with("numbered-labels.md")
    );
    assert_eq!(first["message"], "the right option C has no explanation");
    assert!(
        q["summary"]
            .as_str()
            .unwrap()
            .ends_with("4 quality warnings")
    );
}

/// A vault of `n` notes, one question each, keyed B, B being the longest
/// option, and every stem a bare topic.
fn skewed_vault(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let note = format!(
            "# 노트 {i}\n\n## 관련 문제\n\n**Q:** 스팟 문제 {i}?\n\n\
             - A) 보기 {i} 하나\n- B) 보기 {i} 둘, 가장 긴 보기\n- C) 보기 {i} 셋\n- D) 보기 {i} 넷\n\n\
             **정답: B**\n\n해설:\n\n- A) 아님\n- B) 맞음\n- C) 아님\n- D) 아님\n"
        );
        std::fs::write(dir.path().join(format!("n{i:02}.md")), note).unwrap();
    }
    dir
}

#[test]
fn a_skewed_vault_gets_deck_wide_warnings_only_from_twenty_questions() {
    let big = skewed_vault(20);
    let out = stdout(
        munje()
            .args(["--lang", "en", "check", "--notes"])
            .arg(big.path()),
        0,
    );
    assert!(
        out.contains(
            "\nquality warning: the right option is the strictly longest in 20 of 20 single-answer \
         questions (100%; by chance about 25%)"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "\nquality warning: B is the key of 20 of the 20 single-answer questions that offer it \
         (100%; by chance about 25%)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("\nquality warning: A is the key of 0 of the 20"),
        "{out}"
    );
    assert_eq!(out.matches("shorter than a sentence").count(), 20, "{out}");
    let json = stdout(
        munje()
            .args(["--lang", "en", "check", "--format", "json", "--notes"])
            .arg(big.path()),
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let deck_wide: Vec<&serde_json::Value> = v["quality"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w.get("path").is_none())
        .collect();
    let kinds: Vec<&str> = deck_wide
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "longest-key",
            "letter-skew",
            "letter-skew",
            "letter-skew",
            "letter-skew"
        ]
    );
    assert!(deck_wide.iter().all(|w| w.get("line").is_none()));
    assert_eq!(v["quality"]["figures"]["longest_key_share"], 1.0);
    let small = skewed_vault(19);
    let out = stdout(
        munje()
            .args(["--lang", "en", "check", "--notes"])
            .arg(small.path()),
        0,
    );
    assert!(!out.contains("\nquality warning:"), "{out}");
    assert!(out.contains("keys A 0% B 100% C 0% D 0%"), "{out}");
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

#[test]
fn quality_lines_show_a_file_name_with_its_control_characters_made_visible() {
    let dir = tempfile::tempdir().unwrap();
    let note = "# 노트\n\n## 관련 문제\n\n**Q:** 짧은 문제?\n\n- A) 하나\n- B) 둘\n\n**정답: A**\n\n\
                해설:\n\n- A) 맞음\n- B) 아님\n";
    std::fs::write(dir.path().join("bad\u{1b}[2Jname.md"), note).unwrap();
    let out = stdout(
        munje()
            .args(["--lang", "en", "check", "--notes"])
            .arg(dir.path()),
        0,
    );
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(
        out.contains("bad\\u{1b}[2Jname.md:5:1: quality warning: the stem has only 2 words"),
        "{out}"
    );
}
