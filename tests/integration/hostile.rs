//! Hostile vaults: files people really have in their note folders (binary
//! attachments renamed `.md`, broken encodings, giant exports, symlink
//! loops, YAML bombs), built in a temporary folder at test time. For each,
//! `munje check` finishes within a wall-clock and address-space bound,
//! names the broken file, keeps its exit status, and every other note still
//! loads. The limits are documented in RELIABILITY.md.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::bounded::{
    GOOD_TITLE, export_json, exported_note, numbered, path_str, run_bounded, write, write_good_note,
};

/// A vault builder that writes one file.
pub fn file(rel: &'static str, contents: impl AsRef<[u8]>) -> impl FnOnce(&Path) {
    move |dir| write(dir, rel, contents)
}

/// What `check` must report for one hostile file.
pub struct Expect {
    /// Exit status of `munje check`.
    pub code: i32,
    /// A diagnostic whose path ends with this and whose message contains
    /// `message`; `None` when the file is fine and nothing may be said.
    pub diagnostic: Option<(&'static str, &'static str)>,
}

const CLEAN: Expect = Expect {
    code: 0,
    diagnostic: None,
};

pub const fn broken(path: &'static str, message: &'static str) -> Expect {
    Expect {
        code: 1,
        diagnostic: Some((path, message)),
    }
}

/// Builds a vault of the good note plus `build`'s files, runs `check` and
/// `export` under the bounds, and asserts `expect` and that the good note
/// loaded with its question. Returns the export for further assertions.
pub fn assert_hostile(build: impl FnOnce(&Path), expect: Expect) -> Value {
    let dir = tempfile::tempdir().unwrap();
    write_good_note(dir.path());
    build(dir.path());
    let out = run_bounded(
        &["check", "--format", "json", "--notes", path_str(dir.path())],
        b"",
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(expect.code),
        "check said:\n{stdout}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    match expect.diagnostic {
        Some((path, message)) => assert!(
            diags
                .iter()
                .any(|d| d["path"].as_str().unwrap().ends_with(path)
                    && d["message"].as_str().unwrap().contains(message)),
            "no diagnostic on {path:?} saying {message:?}:\n{stdout}"
        ),
        None => assert!(
            diags.iter().all(|d| d["severity"] != "error"),
            "unexpected errors:\n{stdout}"
        ),
    }
    let export = export_json(dir.path());
    let good = exported_note(&export, "good.md").expect("the good note must load");
    assert_eq!(good["title"], GOOD_TITLE);
    assert_eq!(good["questions"].as_array().unwrap().len(), 1);
    export
}

#[test]
fn binary_file_named_md_is_skipped_with_a_diagnostic() {
    let export = assert_hostile(
        |d| {
            write(
                d,
                "attachment.md",
                (0..=255u8).cycle().take(64 * 1024).collect::<Vec<_>>(),
            );
        },
        broken("attachment.md", "binary"),
    );
    assert!(exported_note(&export, "attachment.md").is_none());
}

#[test]
fn invalid_utf8_is_skipped_with_its_position() {
    assert_hostile(
        file("latin1.md", b"# caf\xe9\n\nna\xefve\n"),
        broken("latin1.md", "invalid UTF-8"),
    );
}

#[test]
fn nul_bytes_in_text_are_a_binary_diagnostic() {
    assert_hostile(
        file("nul.md", b"# \xec\xa0\x9c\xeb\xaa\xa9\n\nbody\0more\n"),
        broken("nul.md", "NUL"),
    );
}

#[test]
fn empty_file_loads_as_an_empty_note() {
    let export = assert_hostile(file("empty.md", b""), CLEAN);
    assert_eq!(
        exported_note(&export, "empty.md").unwrap()["title"],
        "empty"
    );
}

#[test]
fn frontmatter_only_loads_with_its_title() {
    let export = assert_hostile(
        file("front.md", "---\ntitle: 머리말만\ntags: [a]\n---\n"),
        CLEAN,
    );
    assert_eq!(
        exported_note(&export, "front.md").unwrap()["title"],
        "머리말만"
    );
}

#[test]
fn unterminated_frontmatter_is_a_diagnostic_and_the_body_loads() {
    let export = assert_hostile(
        file("open.md", "---\ntitle: 닫히지 않음\n\n# 본문 제목\n"),
        broken("open.md", "never closed"),
    );
    assert_eq!(
        exported_note(&export, "open.md").unwrap()["title"],
        "본문 제목"
    );
}

#[test]
fn fifty_megabyte_note_is_refused_with_the_size_limit() {
    assert_hostile(
        |d| {
            // Sparse: the size is checked before a byte is read.
            let file = std::fs::File::create(d.join("huge.md")).unwrap();
            file.set_len(50 * 1024 * 1024).unwrap();
        },
        broken("huge.md", "8388608-byte limit"),
    );
}

#[test]
fn two_megabyte_single_line_loads() {
    let export = assert_hostile(
        |d| {
            write(
                d,
                "line.md",
                format!("# 한 줄\n{}\n", "스팟 ".repeat(2 * 1024 * 1024 / 7)),
            );
        },
        CLEAN,
    );
    assert!(exported_note(&export, "line.md").is_some());
}

#[test]
fn hundred_thousand_list_items_load() {
    let body: String = numbered(100_000, "- 항목 {i}\n");
    let export = assert_hostile(file("list.md", format!("# 목록\n{body}")), CLEAN);
    assert!(exported_note(&export, "list.md").is_some());
}

#[test]
fn ten_thousand_nested_quotes_and_lists_load() {
    let export = assert_hostile(
        |d| {
            write(
                d,
                "quotes.md",
                format!("# 인용\n{} 깊다\n", ">".repeat(10_000)),
            );
            write(
                d,
                "lists.md",
                format!("# 목록\n{}깊다\n", "- ".repeat(10_000)),
            );
            write(
                d,
                "mixed.md",
                format!("# 섞임\n{}깊다\n", "> 1. ".repeat(5_000)),
            );
            let indented: String = (0..10_000)
                .map(|i| " ".repeat(i % 200 * 2) + "- x\n")
                .collect();
            write(d, "indented.md", format!("# 들여쓰기\n{indented}"));
        },
        CLEAN,
    );
    for rel in ["quotes.md", "lists.md", "mixed.md", "indented.md"] {
        assert!(exported_note(&export, rel).is_some(), "{rel} did not load");
    }
}

#[test]
fn five_thousand_questions_in_one_note_all_load() {
    let questions: String = numbered(
        5_000,
        "**문제 {i}:** 질문 {i}?\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n\n",
    );
    let export = assert_hostile(
        |d| {
            write(
                d,
                "many.md",
                format!("# 많은 문제\n\n## 관련 문제\n\n{questions}"),
            );
        },
        CLEAN,
    );
    let note = exported_note(&export, "many.md").unwrap();
    assert_eq!(note["questions"].as_array().unwrap().len(), 5_000);
}

#[test]
fn five_thousand_questions_in_their_own_style_all_load() {
    let questions: String = numbered(
        5_000,
        "### {i}.\n다음 중 {i}번 보기는?\n\n① 예\n② 아니오\n\n정답 : ②\n\n",
    );
    let export = assert_hostile(
        |d| write(d, "own-style.md", format!("# 내 문제\n\n{questions}")),
        CLEAN,
    );
    let note = exported_note(&export, "own-style.md").unwrap();
    assert_eq!(note["questions"].as_array().unwrap().len(), 5_000);
}

#[test]
fn answer_lines_labels_and_brackets_by_the_ten_thousand_stay_bounded() {
    // Everything the tolerant reader looks at, with nothing to read:
    // labels that never count up, answers with no options, marks in prose,
    // and lines of open brackets, links and tags that never close.
    let lines: String = numbered(
        20_000,
        "정답 : B\nA. 하나\n- ((((((((((((((((((( ⭐\n선택 {i}\n- [x] <mark>항목</mark>\n\n",
    );
    let storm = "[".repeat(100_000) + &"(정답".repeat(20_000) + &"<mark>".repeat(20_000);
    let export = assert_hostile(
        |d| {
            write(d, "answers.md", format!("# 답만 있는 노트\n\n{lines}"));
            write(
                d,
                "storm.md",
                format!("# 괄호\n\n- {storm}\n- {storm}\n\n정답: A\n"),
            );
        },
        CLEAN,
    );
    for rel in ["answers.md", "storm.md"] {
        assert!(exported_note(&export, rel).is_some(), "{rel} did not load");
    }
}

#[test]
fn ten_thousand_tags_all_load() {
    let tags: String = numbered(10_000, "  - 태그/t{i}\n");
    let export = assert_hostile(
        file("tags.md", format!("---\ntags:\n{tags}---\n# 태그\n")),
        CLEAN,
    );
    let note = exported_note(&export, "tags.md").unwrap();
    assert_eq!(note["tags"].as_array().unwrap().len(), 10_000);
}

/// Regression: tags were deduplicated with a linear scan and the tag tree
/// scanned every tag for every node, so 10,000 tags took half a minute in
/// `munje tags` and 100,000 never finished.
#[test]
fn hundred_thousand_tags_check_and_list_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let tags = numbered(100_000, "  - 태그/t{i}\n");
    write(
        dir.path(),
        "tags.md",
        format!("---\ntags:\n{tags}---\n# 태그\n"),
    );
    let out = run_bounded(&["check", "--notes", path_str(dir.path())], b"", &[]);
    assert_eq!(out.status.code(), Some(0));
    let out = run_bounded(&["tags", "--notes", path_str(dir.path())], b"", &[]);
    assert_eq!(out.status.code(), Some(0));
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(
        listing.contains("t99999"),
        "{}",
        &listing[..listing.len().min(500)]
    );
}

#[test]
fn korean_file_name_with_spaces_loads_and_is_named_in_diagnostics() {
    let export = assert_hostile(
        |d| {
            write(d, "스팟 인스턴스 (사본).md", "# 스팟\n");
            write(d, "동기화 충돌/깨진 노트 2.md", b"# \xff\n");
        },
        broken("동기화 충돌/깨진 노트 2.md", "invalid UTF-8"),
    );
    assert_eq!(
        exported_note(&export, "스팟 인스턴스 (사본).md").unwrap()["title"],
        "스팟"
    );
}

#[test]
fn folder_named_like_a_note_is_walked_not_read() {
    let export = assert_hostile(file("x.md/inside.md", "# 안쪽\n"), CLEAN);
    assert!(exported_note(&export, "x.md/inside.md").is_some());
    assert!(exported_note(&export, "x.md").is_none());
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_not_followed_forever() {
    assert_hostile(
        |d| {
            std::fs::create_dir(d.join("loop")).unwrap();
            std::os::unix::fs::symlink("..", d.join("loop/up")).unwrap();
            std::os::unix::fs::symlink("self.md", d.join("self.md")).unwrap();
            std::os::unix::fs::symlink("nowhere.md", d.join("dangling.md")).unwrap();
        },
        Expect {
            code: 0,
            diagnostic: Some(("loop/up", "loop")),
        },
    );
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_named_md_are_not_read() {
    assert_hostile(
        |d| {
            // Reading either would never end: /dev/zero is endless and a
            // FIFO blocks until a writer comes.
            std::os::unix::fs::symlink("/dev/zero", d.join("zero.md")).unwrap();
            let fifo = d.join("pipe.md");
            let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
            assert!(made.success());
        },
        CLEAN,
    );
}

/// `d0/d1/…/d59`.
pub fn sixty_folders() -> String {
    (0..60)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn directory_sixty_levels_deep_loads() {
    let rel = format!("{}/깊은 노트.md", sixty_folders());
    let export = assert_hostile(|d| write(d, &rel, "# 깊다\n"), CLEAN);
    assert!(exported_note(&export, &rel).is_some());
}

#[test]
fn bank_that_is_a_map_is_a_diagnostic() {
    assert_hostile(
        |d| {
            write(
                d,
                "questions/map.yaml",
                "question: 목록이 아님\nanswer: A\n",
            );
        },
        broken("questions/map.yaml", "must be a list"),
    );
}

#[test]
fn binary_bank_is_a_diagnostic() {
    assert_hostile(
        |d| {
            write(
                d,
                "questions/blob.yml",
                (0..=255u8).cycle().take(4096).collect::<Vec<_>>(),
            );
        },
        broken("questions/blob.yml", "binary"),
    );
}

/// The "billion laughs" YAML: nine levels of nine aliases each expand to
/// 9^9 strings if a parser follows them naively.
pub fn billion_laughs() -> String {
    let mut yaml = String::from(
        "- question: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for name in 'b'..='i' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        let _ = writeln!(yaml, "  {name}: &{name} [{refs}]");
        prev = name;
    }
    yaml.push_str("  answer: A\n");
    yaml
}

#[test]
fn alias_bomb_bank_is_a_diagnostic_not_an_explosion() {
    assert_hostile(
        file("questions/lol.yaml", billion_laughs()),
        broken("questions/lol.yaml", "invalid YAML"),
    );
}
