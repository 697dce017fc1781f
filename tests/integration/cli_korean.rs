//! `munje check` under a Korean locale: every diagnostic, the form counts
//! and the summary in Korean; `--lang en` gives the English texts back.

use super::cli_check::{fixture, munje};

/// The text with quoted values (`'…'`, `"…"`, `` `…` ``) taken out.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close = None;
    for c in text.chars() {
        match close {
            Some(q) if c == q => close = None,
            Some(_) => {}
            None if matches!(c, '\'' | '"' | '`') => close = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// The longest run of English words outside quoted values.
fn english_run(text: &str) -> usize {
    let (mut run, mut best) = (0, 0);
    for word in unquoted(text).split(|c: char| c.is_whitespace() || ",;:()".contains(c)) {
        if word.is_empty() {
            continue;
        }
        if word.len() > 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

fn check(lang: Option<&str>) -> String {
    let mut cmd = munje();
    cmd.env("LANG", "ko_KR.UTF-8");
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    let out = cmd
        .args(["check", "--notes"])
        .arg(fixture("broken"))
        .arg("--notes")
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tolerant/forms"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_under_a_korean_locale_says_every_diagnostic_in_korean() {
    let out = check(None);
    let mut seen = 0;
    for line in out.lines() {
        // `path:line:col: 오류: message`, and the lines that are not
        // source snippets (`12 | …`, `   | ^`).
        let message = ["오류: ", "경고: "]
            .iter()
            .find_map(|label| line.split_once(label).map(|(_, m)| m));
        let Some(message) = message else {
            if !line.contains('|') && !line.trim().is_empty() {
                assert!(english_run(line) < 3, "English in: {line}");
            }
            continue;
        };
        seen += 1;
        assert!(
            message.chars().any(|c| ('가'..='힣').contains(&c)),
            "no Hangul: {line}"
        );
        assert!(english_run(message) < 3, "English sentence: {line}");
    }
    assert!(seen >= 25, "only {seen} diagnostics:\n{out}");
    assert!(
        out.contains("오류: 정답 문자 'F'에 해당하는 보기가 없습니다"),
        "{out}"
    );
    assert!(out.contains("노트 형식 문법으로 문제"), "{out}");
    assert!(out.trim_end().ends_with("경고 14개"), "{out}");
}

#[test]
fn check_with_lang_en_keeps_the_english_texts_under_a_korean_locale() {
    let out = check(Some("en"));
    assert!(
        out.contains(": error: answer letter 'F' has no option"),
        "{out}"
    );
    assert!(
        out.contains("is marked by star; the question is not read"),
        "{out}"
    );
    assert!(!out.contains("오류: "), "{out}");
}
