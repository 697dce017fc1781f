//! Every hostile case at once in one vault, opened by each command that
//! reads a whole vault: `check`, `export`, `search`, the plain quiz and the
//! full-screen app. Plus a property test of the question
//! bank parser on arbitrary input, beside the note parser's own.

use std::path::Path;

use proptest::prelude::*;

use super::bounded::{
    GOOD_TITLE, export_json, numbered, path_str, run_bounded, write, write_good_note,
};
use super::hostile::{billion_laughs, sixty_folders};
use super::terminal_faults::Tui;

/// Every hostile case of `hostile` in one vault, beside the good note.
pub fn build_everything(dir: &Path) {
    write_good_note(dir);
    write(
        dir,
        "attachment.md",
        (0..=255u8).cycle().take(4096).collect::<Vec<_>>(),
    );
    write(dir, "latin1.md", b"# caf\xe9\n");
    write(dir, "nul.md", b"# a\0\n");
    write(dir, "empty.md", b"");
    write(dir, "front.md", "---\ntitle: 머리말만\n---\n");
    write(dir, "open.md", "---\ntitle: t\n# 본문\n");
    let file = std::fs::File::create(dir.join("huge.md")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    write(
        dir,
        "line.md",
        format!("# 한 줄\n{}\n", "스팟 ".repeat(300_000)),
    );
    let list: String = numbered(100_000, "- 항목 {i}\n");
    write(dir, "list.md", format!("# 목록\n{list}"));
    write(
        dir,
        "quotes.md",
        format!("# 인용\n{}x\n", ">".repeat(10_000)),
    );
    write(
        dir,
        "lists.md",
        format!("# 목록\n{}x\n", "- ".repeat(10_000)),
    );
    let questions: String = numbered(
        5_000,
        "**문제 {i}:** 많은 질문 {i}?\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n\n",
    );
    write(
        dir,
        "many.md",
        format!("# 많은 문제\n\n## 관련 문제\n\n{questions}"),
    );
    let tags: String = numbered(10_000, "  - t/{i}\n");
    write(dir, "tags.md", format!("---\ntags:\n{tags}---\n# 태그\n"));
    write(dir, "스팟 인스턴스 (사본).md", "# 스팟\n");
    write(dir, "x.md/inside.md", "# 안쪽\n");
    write(dir, &format!("{}/n.md", sixty_folders()), "# 깊다\n");
    write(dir, "questions/map.yaml", "a: 1\n");
    write(dir, "questions/blob.yml", [0u8, 159, 146, 150]);
    write(dir, "questions/lol.yaml", billion_laughs());
    #[cfg(unix)]
    {
        std::fs::create_dir(dir.join("loop")).unwrap();
        std::os::unix::fs::symlink("..", dir.join("loop/up")).unwrap();
    }
    build_second_round(dir);
}

/// The hostile cases of `hostile_deep`, `hostile_walk`, `hostile_output`
/// and `hostile_positions`: 45 more notes load.
fn build_second_round(dir: &Path) {
    write(
        dir,
        "deepfm.md",
        format!(
            "---
x: {}
---
# 깊은 머리말
",
            "[".repeat(1_000_000)
        ),
    );
    write(dir, "questions/deep.yaml", "{a: ".repeat(250_000));
    write(
        dir,
        "questions/cont.yaml",
        format!(
            "- question: q\n  options:\n    a\n    [b\n  answer: A\n- question: r\n  \
             explanation:\n    {}a\n",
            "- ".repeat(1_000_000)
        ),
    );
    write(
        dir,
        "scalar.md",
        format!(
            "---\nx:\n- - |\n    글\n  {}a\n---\n# 블록 스칼라 뒤\n",
            "- ".repeat(1_000_000)
        ),
    );
    write(dir, "quotes8.md", ">".repeat(8 * 1024 * 1024 - 64));
    write(
        dir,
        "dup.md",
        "---
title: a
title: b
---
# 중복
",
    );
    write(
        dir,
        "ctl\u{1b}]0;x\u{7}\nname.md",
        "# 제어\u{1b}]52;c;aGk=\u{7} 문자\n",
    );
    #[cfg(unix)]
    {
        for i in 0..40 {
            let folder = dir.join(format!("links/f{i:02}"));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("n.md"), format!("# 링크 {i}\n")).unwrap();
            let next = format!("../f{:02}", i + 1);
            std::os::unix::fs::symlink(&next, folder.join("a")).unwrap();
            std::os::unix::fs::symlink(&next, folder.join("b")).unwrap();
        }
        for i in 0..20 {
            std::fs::hard_link(dir.join("empty.md"), dir.join(format!("hard{i}.md"))).unwrap();
        }
        let made = std::process::Command::new("mkfifo")
            .arg(dir.join("pipe.md"))
            .status();
        assert!(made.unwrap().success());
    }
}

#[test]
fn everything_at_once_checks_within_bounds_and_loads_the_good_notes() {
    let dir = tempfile::tempdir().unwrap();
    build_everything(dir.path());
    let out = run_bounded(&["check", "--notes", path_str(dir.path())], b"", &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for broken in [
        "attachment.md",
        "latin1.md",
        "nul.md",
        "open.md",
        "huge.md",
        "map.yaml",
        "blob.yml",
        "lol.yaml",
        "deepfm.md",
        "deep.yaml",
        "cont.yaml",
        "scalar.md",
        "dup.md",
        "pipe.md",
    ] {
        assert!(text.contains(broken), "{broken} not named:\n{text}");
    }
    let export = export_json(dir.path());
    let loaded = export["notes"].as_array().unwrap().len();
    // good, empty, front, open, line, list, quotes, lists, many, tags,
    // 스팟, x.md/inside, the deep one; then deepfm, scalar, quotes8, dup,
    // ctl and the forty linked folders (the hard links are the empty note
    // again).
    let second = if cfg!(unix) { 45 } else { 5 };
    assert_eq!(loaded, 13 + second, "{export:#}");
}

#[test]
fn search_opens_the_hostile_vault_and_finds_the_good_note() {
    let dir = tempfile::tempdir().unwrap();
    build_everything(dir.path());
    let out = run_bounded(
        &[
            "search",
            "--json",
            "멀쩡한",
            "--notes",
            path_str(dir.path()),
        ],
        b"",
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(hits.to_string().contains("good.md"), "{hits:#}");
}

#[test]
fn plain_quiz_runs_on_the_hostile_vault() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    build_everything(dir.path());
    let args = [
        "quiz",
        "--plain",
        "--lang",
        "en",
        "--no-shuffle",
        "--note",
        GOOD_TITLE,
        "--notes",
        path_str(dir.path()),
        "--data-dir",
        path_str(data.path()),
    ];
    let out = run_bounded(&args, b"B\n", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Score: 1/1"), "{stdout}");
    // The 5,000-question note is quizzable too.
    let args = [
        "quiz",
        "--plain",
        "--lang",
        "en",
        "--count",
        "3",
        "--notes",
        path_str(dir.path()),
        "--data-dir",
        path_str(data.path()),
    ];
    let out = run_bounded(&args, b"A\nA\nA\n", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Score: "), "{stdout}");
}

#[cfg(unix)]
#[test]
fn the_tui_opens_the_hostile_vault_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    build_everything(dir.path());
    let mut tui = Tui::start(dir.path(), data.path(), &[]);
    // Ten thousand tags push the good note far down the tag tree: find it
    // the way a person would, by searching.
    tui.wait_for(if cfg!(unix) { "노트 58" } else { "노트 18" });
    tui.send("/멀쩡");
    tui.wait_for(GOOD_TITLE);
    tui.send("\x03");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    tui.assert_restored();
}

/// Pieces of question-bank YAML, valid and not, for the property test.
fn yamlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("- "),
        Just("question: "),
        Just("options:\n"),
        Just("  A: "),
        Just("  - "),
        Just("answer: "),
        Just("[A, C]"),
        Just("B"),
        Just("explanations:\n"),
        Just("explanation: "),
        Just("note: "),
        Just("tags: [a/b]"),
        Just("id: x"),
        Just("&a "),
        Just("*a"),
        Just("<<: "),
        Just("!!binary "),
        Just("{"),
        Just("}"),
        Just("\n"),
        Just("\r\n"),
        Just("  "),
        Just("\t"),
        Just("\""),
        Just("'"),
        Just("|\n"),
        Just("---\n"),
        Just("? "),
        Just(": "),
        Just("~"),
        Just("스팟"),
        Just("\u{feff}"),
        Just("1e999"),
        Just("-1"),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn bank_parser_never_panics_and_stays_inside_the_file(text in yamlish()) {
        let lines = 1 + text.matches(['\n', '\r']).count();
        if let Ok(bank) = munje::vault::bank::parse_bank("questions/p.yaml", text.into_bytes()) {
            for d in &bank.diagnostics {
                prop_assert!(d.line >= 1 && d.line <= lines, "{d}");
            }
            for q in bank.questions.iter().filter(|q| q.quizzable) {
                prop_assert!(q.answer.iter().all(|l| q.options.iter().any(|o| o.letter == l)));
            }
        }
    }

    #[test]
    fn bank_parser_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = munje::vault::bank::parse_bank("questions/p.yaml", bytes);
    }
}
