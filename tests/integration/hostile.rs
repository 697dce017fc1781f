//! Hostile vaults: files people really have in their note folders (binary
//! attachments renamed `.md`, broken encodings, giant exports, symlink
//! loops, YAML bombs), built in a temporary folder at test time. For each,
//! `munje check` finishes within a wall-clock and address-space bound,
//! names the broken file, keeps its exit status, and every other note still
//! loads. The limits are documented in RELIABILITY.md.
//!
//! Shared helpers (`run_bounded`, `write_good_note`, `export_json`) are used
//! by the other reliability modules too.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A run that takes longer than this is a hang: the child is killed and the
/// test fails. Generous, because CI machines are slow and shared.
pub const WALL_CLOCK_LIMIT: Duration = Duration::from_secs(60);

/// Address space a child may map (`ulimit -v`, KiB): 1 GiB. A debug build
/// loading every hostile case at once stays well under it.
pub const ADDRESS_SPACE_KIB: u64 = 1024 * 1024;

/// The title of the note placed beside every hostile file.
pub const GOOD_TITLE: &str = "멀쩡한 노트";

/// Writes a well-formed note with one question beside the hostile files.
pub fn write_good_note(dir: &Path) {
    write(
        dir,
        "good.md",
        "---\ntitle: 멀쩡한 노트\ntags: [reliability/good]\n---\n\n# 멀쩡한 노트\n\n\
         ## 관련 문제\n\n**문제:** 적재 확인용 질문인가?\n\n- A) 아니다\n- B) 그렇다\n\n\
         **정답: B**\n",
    );
}

/// Writes `contents` at `rel` under `dir`, creating folders.
pub fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, contents).unwrap();
}

/// Runs the munje binary with `args`, `stdin` as its input, under the
/// wall-clock and address-space bounds. Panics on a hang.
pub fn run_bounded(args: &[&str], stdin: &[u8], envs: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_munje"))
        .args(args)
        .env_remove("MUNJE_NOTES")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in envs {
        cmd.env(key, value);
    }
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Writing and reading on threads: a child that stops reading or fills
    // a pipe must hit the timeout, not deadlock the test.
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, &stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WALL_CLOCK_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("munje {args:?} ran past {WALL_CLOCK_LIMIT:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    writer.join().unwrap();
    Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

/// `munje export` of a vault, parsed; panics unless it exits 0.
pub fn export_json(vault: &Path) -> Value {
    let out = run_bounded(&["export", "--notes", path_str(vault)], b"", &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A path as `&str` (tempdirs are UTF-8).
pub fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The exported note at `rel`, if it loaded.
pub fn exported_note<'a>(export: &'a Value, rel: &str) -> Option<&'a Value> {
    export["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == rel)
}

/// A vault builder that writes one file.
fn file(rel: &'static str, contents: impl AsRef<[u8]>) -> impl FnOnce(&Path) {
    move |dir| write(dir, rel, contents)
}

/// `n` lines from a template, `{i}` replaced by the line's number.
pub fn numbered(n: usize, template: &str) -> String {
    (0..n)
        .map(|i| template.replace("{i}", &i.to_string()))
        .collect()
}

/// What `check` must report for one hostile file.
struct Expect {
    /// Exit status of `munje check`.
    code: i32,
    /// A diagnostic whose path ends with this and whose message contains
    /// `message`; `None` when the file is fine and nothing may be said.
    diagnostic: Option<(&'static str, &'static str)>,
}

const CLEAN: Expect = Expect {
    code: 0,
    diagnostic: None,
};

const fn broken(path: &'static str, message: &'static str) -> Expect {
    Expect {
        code: 1,
        diagnostic: Some((path, message)),
    }
}

/// Builds a vault of the good note plus `build`'s files, runs `check` and
/// `export` under the bounds, and asserts `expect` and that the good note
/// loaded with its question. Returns the export for further assertions.
fn assert_hostile(build: impl FnOnce(&Path), expect: Expect) -> Value {
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
fn ten_thousand_tags_all_load() {
    let tags: String = numbered(10_000, "  - 태그/t{i}\n");
    let export = assert_hostile(
        file("tags.md", format!("---\ntags:\n{tags}---\n# 태그\n")),
        CLEAN,
    );
    let note = exported_note(&export, "tags.md").unwrap();
    assert_eq!(note["tags"].as_array().unwrap().len(), 10_000);
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
fn sixty_folders() -> String {
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

/// Every hostile case above in one vault, beside the good note: for the
/// commands that open a whole vault (search, quiz, the TUI).
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
    ] {
        assert!(text.contains(broken), "{broken} not named:\n{text}");
    }
    let export = export_json(dir.path());
    let loaded = export["notes"].as_array().unwrap().len();
    // good, empty, front, open, line, list, quotes, lists, many, tags,
    // 스팟, x.md/inside, the deep one.
    assert_eq!(loaded, 13, "{export:#}");
}
