//! `munje search --help` and usage lines as a person reads them: the query
//! language in the user's language, whole sentences, a usage line that
//! `MUNJE_DATA_DIR` does not change.

use std::process::Command;

fn munje(lang: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in ["MUNJE_NOTES", "MUNJE_DATA_DIR", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", lang);
    cmd
}

#[test]
fn search_help_ends_with_the_query_language_in_the_users_language() {
    let out = munje("ko_KR.UTF-8")
        .args(["search", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("  is:due            오늘 복습할 문제가 있는 노트"),
        "{text}"
    );
    assert!(
        text.contains("온전한 단어가 더 긴 단어의 앞부분보다 앞서고"),
        "{text}"
    );
    assert!(
        !text.contains("every word is\n"),
        "a sentence is cut off:\n{text}"
    );
    let out = munje("C").args(["search", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("  is:due            notes with a question due for review"),
        "{text}"
    );
}

#[test]
fn the_search_usage_line_stays_the_same_with_munje_data_dir_set() {
    let out = munje("C")
        .env("MUNJE_DATA_DIR", "/tmp/munje-data")
        .arg("search")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Usage: munje search [OPTIONS] <QUERY>..."),
        "{err}"
    );
    assert!(!err.contains("--data-dir <DIR> <QUERY>"), "{err}");
}

#[test]
fn check_speaks_korean_under_a_korean_locale() {
    let vault = tempfile::tempdir().unwrap();
    std::fs::write(
        vault.path().join("a.md"),
        "# 노트\n\n## 관련 문제\n\n**Question:** 무엇?\n\n- A) 하나\n- B) 둘\n\n**정답: E**\n",
    )
    .unwrap();
    let out = munje("ko_KR.UTF-8")
        .args(["check", "--notes"])
        .arg(vault.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(": 오류: "), "{text}");
    assert!(
        text.trim_end()
            .ends_with("노트 1개, 문제 1개, 오류 1개, 경고 0개"),
        "{text}"
    );
}
