use std::path::Path;

use proptest::prelude::*;

use super::head;
use crate::vault::message::Message;
use crate::vault::note::{ParsedNote, parse_card_whole, parse_note_as};
use crate::vault::{Depth, QuestionStyle};

/// What a card shows, and its diagnostics but for the too-deep warning the
/// head alone cannot see (module comment).
fn shown(p: &ParsedNote) -> impl PartialEq + std::fmt::Debug + '_ {
    let n = &p.note;
    let diagnostics: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| !matches!(*d.kind, Message::MarkdownTooDeep { .. }))
        .collect();
    (
        (&n.path, &n.title, &n.heading, &n.tags, &n.aliases),
        (
            &n.created,
            &n.modified,
            n.body_line,
            &n.body,
            n.sections.len(),
        ),
        (n.links.len(), &n.key_point, p.questions.len(), diagnostics),
    )
}

/// The card of `bytes` equals the whole decode's card; true when the head
/// alone was read.
fn card_agrees(name: &str, bytes: &[u8]) -> bool {
    let card = parse_note_as(name, bytes, Depth::Card, QuestionStyle::default());
    let whole = parse_card_whole(name, bytes);
    match (&card, &whole) {
        (Ok(c), Ok(w)) => assert_eq!(shown(c), shown(w), "{name}"),
        (c, w) => assert_eq!(c.as_ref().err(), w.as_ref().err(), "{name}"),
    }
    crate::vault::scan::check(name, bytes)
        .ok()
        .and_then(head)
        .is_some()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn cards_from_the_head_agree_on_the_bundled_deck_fixtures_and_seeds() {
    let (mut fast, mut all) = (0, 0);
    for (rel, bytes) in crate::vault::bundled::bundled_files() {
        if Path::new(rel).extension().is_some_and(|x| x == "md") {
            all += 1;
            fast += usize::from(card_agrees(rel, bytes));
        }
    }
    // The deck's notes all open with a frontmatter and a plain heading.
    assert!(
        all >= 20 && fast * 10 >= all * 9,
        "head alone on {fast} of {all}"
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    files(&root.join("tests/fixtures"), &mut found);
    files(&root.join("../shared/seeds"), &mut found);
    assert!(found.len() >= 10, "{found:?}");
    for f in found {
        let bytes = std::fs::read(&f).unwrap_or_default();
        card_agrees(&f.display().to_string(), &bytes);
    }
}

#[test]
fn the_head_ends_with_the_heading_line() {
    let text = "---\ntitle: 제목\n---\n\n# 스팟 인스턴스\n\n본문\n";
    let h = head(text).unwrap();
    assert_eq!(h.text, "---\ntitle: 제목\n---\n\n# 스팟 인스턴스\n");
    assert_eq!(h.heading, "스팟 인스턴스");
    assert_eq!(h.split.body_line, 4);
}

#[test]
fn the_whole_file_is_read_when_the_head_cannot_tell() {
    for text in [
        // No heading line at all: only the whole body can say so.
        "---\ntitle: t\n---\n본문\n",
        // Unclosed frontmatter.
        "---\ntitle: t\n# 제목\n",
        // A heading a link definition further down may make a link.
        "# [참조] 제목\n\n[참조]: https://example.com\n",
        // A setext heading before it.
        "위 제목\n===\n\n# 제목\n",
        // Inside a fence.
        "```\n# 코드\n```\n# 제목\n",
        // CRLF and NFD in the head.
        "# 제목\r\n",
        "# \u{1100}\u{1161}\n",
        // An empty heading line.
        "#\n# 제목\n",
    ] {
        assert_eq!(head(text), None, "{text:?}");
        card_agrees("x.md", text.as_bytes());
    }
}

#[test]
fn what_follows_the_head_is_not_read_but_still_checked() {
    // NFD, CRLF and a too-deep nesting after the heading line.
    let deep = ">".repeat(200);
    let text = format!("# 제목\n\n\u{1100}\u{1161}\r\n{deep} 깊다\n");
    assert!(card_agrees("x.md", text.as_bytes()));
    // A NUL byte or broken UTF-8 anywhere skips the file, as before.
    for bytes in [&b"# t\n\nbody\0"[..], &b"# t\n\n\xff"[..]] {
        let card = parse_note_as("x.md", bytes, Depth::Card, QuestionStyle::default());
        assert!(card.is_err());
        card_agrees("x.md", bytes);
    }
}

/// Lines of a note's top and body, plain and tricky.
const LINES: &[&str] = &[
    "",
    "",
    "# 제목",
    "# 제목 **굵게**",
    "# [참조] 링크 제목",
    "# `코드` 제목",
    "#태그",
    "#",
    "## 핵심 포인트",
    "본문 [[링크|별칭]]",
    "```",
    "~~~",
    "    들여쓴 코드",
    "  # 들여쓴 제목",
    "> # 인용 안 제목",
    "- # 목록 안 제목",
    "===",
    "---",
    "<div>",
    "[참조]: https://example.com",
    "\t탭",
    "제목 # 끝",
    "\u{1100}\u{1161}",
    "줄\r",
    ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> 깊다",
];

/// Frontmatters, closed and not.
const FRONT: &[&str] = &[
    "",
    "---\ntitle: 노트 제목\ntags: [a/b, c]\n---\n",
    "---\naliases: [별칭]\ncreated: 2025-01-02\n---\n\n",
    "---\ntags: [\n---\n",
    "---\ntitle: 닫히지 않음\n",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn cards_from_the_head_agree_on_generated_notes(
        front in proptest::sample::select(FRONT),
        lines in proptest::collection::vec(proptest::sample::select(LINES), 0..24),
    ) {
        card_agrees("generated.md", format!("{front}{}\n", lines.join("\n")).as_bytes());
    }
}

#[test]
fn a_generated_vault_lists_the_names_its_whole_load_gives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("python3")
        .arg(root.join("../shared/bench/gen_corpus.py"))
        .arg(dir.path())
        .args(["--notes", "300", "--seed", "15"])
        .status()
        .expect("python3 runs ../shared/bench/gen_corpus.py");
    assert!(status.success());
    let load = |depth| {
        let options = crate::vault::LoadOptions {
            depth,
            ..crate::vault::LoadOptions::default()
        };
        crate::vault::load(&[dir.path().to_owned()], &options, &|_| {}).unwrap()
    };
    let (cards, whole) = (load(Depth::Card), load(Depth::Full));
    assert_eq!(cards.notes.len(), whole.notes.len());
    assert!(cards.notes.len() >= 300);
    for (c, w) in cards.notes.iter().zip(&whole.notes) {
        assert_eq!(
            (&c.path, &c.title, &c.heading, &c.tags, &c.aliases),
            (&w.path, &w.title, &w.heading, &w.tags, &w.aliases)
        );
        assert_eq!(
            (&c.created, &c.modified, c.body_line),
            (&w.created, &w.modified, w.body_line)
        );
    }
    assert_eq!(cards.catalog().by_name, whole.catalog().by_name);
    // And every one of them from its head alone.
    let mut heads = 0;
    for n in &whole.notes {
        let bytes = std::fs::read(dir.path().join(&*n.path)).unwrap();
        heads += usize::from(card_agrees(&n.path, &bytes));
    }
    assert_eq!(heads, whole.notes.len());
}
