//! Vault text on its way out: a note made of control characters (OSC 0
//! window titles, OSC 52 clipboard writes, CSI colours and screen clears,
//! C1 controls, DEL, bidirectional overrides, a file name with ESC and a
//! line break) fed to every command that prints vault text. No control
//! character reaches stdout or stderr except line breaks and tabs; each is
//! shown as a visible escape, and JSON escapes them as JSON does.

use std::path::Path;

use super::bounded::{path_str, run_bounded, write};

/// The hostile note's file name: ESC and a line break in it.
const BAD_NAME: &str = "bad\u{1b}[31m\nname.md";

/// A note whose title, heading, tag, question and option carry control
/// sequences, beside a plain one.
fn build(dir: &Path) {
    write(
        dir,
        BAD_NAME,
        "---\ntitle: \"제목\\e]0;PWNED\\a\\e]52;c;aGk=\\a\\u009b2J\\u202e끝\"\n\
         created: \"20\\e[31m\"\ntags: [\"악성/\\e[31m빨강\"]\n---\n\
         # 머리\u{1b}[2J\u{7f}\n\n본문\u{1b}]52;c;aGk=\u{7} 제목\n\n## 관련 문제\n\n\
         **문제:** 제목 질문\u{1b}]0;PWNED\u{7} 인가?\n\n- A) 보기\u{1b}[31m\n- B) 둘째\u{9b}\n\n\
         **정답: B**\n",
    );
}

/// Bytes a terminal acts on: C0 controls but line break and tab, DEL, and
/// C1 controls (U+0080–U+009F, `C2 80`–`C2 9F` in UTF-8).
fn assert_no_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let kept = c == '\n' || c == '\t';
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(
            kept || !(c.is_control() || bidi),
            "{what} wrote control character U+{:04X}:\n{text}",
            u32::from(c)
        );
    }
}

/// Runs munje on the hostile vault and checks both streams.
fn run(dir: &Path, data: &Path, args: &[&str], stdin: &[u8]) -> String {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--notes", path_str(dir), "--data-dir", path_str(data)]);
    let out = run_bounded(&all, stdin, &[]);
    assert_no_controls(&format!("{args:?} (stdout)"), &out.stdout);
    assert_no_controls(&format!("{args:?} (stderr)"), &out.stderr);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn no_command_writes_a_control_character_from_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    build(dir.path());
    let check = run(dir.path(), data.path(), &["check"], b"");
    // The file name stays on its line, its ESC and line break visible.
    assert!(check.contains("bad\\u{1b}[31m\\nname.md:3:1"), "{check}");
    assert!(check.contains("found '20\\u{1b}[31m'"), "{check}");
    run(dir.path(), data.path(), &["check", "--format", "json"], b"");
    let found = run(dir.path(), data.path(), &["search", "제목"], b"");
    assert!(found.contains("\\u{1b}]0;PWNED\\u{7}"), "{found}");
    assert!(found.contains("\\n"), "{found}");
    let json = run(dir.path(), data.path(), &["search", "--json", "제목"], b"");
    assert!(json.contains("\\u001b]0;PWNED"), "{json}");
    run(dir.path(), data.path(), &["export"], b"");
    let tags = run(dir.path(), data.path(), &["tags"], b"");
    assert!(tags.contains("\\u{1b}[31m"), "{tags}");
    // A wrong answer, so `wrong` and `stats` have the question and its tag.
    let quiz = run(
        dir.path(),
        data.path(),
        &["quiz", "--plain", "--no-shuffle", "--tag", "악성"],
        b"a\n",
    );
    assert!(quiz.contains("\\u{1b}]0;PWNED"), "{quiz}");
    let wrong = run(dir.path(), data.path(), &["wrong"], b"");
    assert!(wrong.contains("질문"), "{wrong}");
    run(dir.path(), data.path(), &["wrong", "--json"], b"");
    let stats = run(dir.path(), data.path(), &["stats"], b"");
    assert!(stats.contains("\\u{1b}[31m"), "{stats}");
    run(dir.path(), data.path(), &["stats", "--json"], b"");
}
