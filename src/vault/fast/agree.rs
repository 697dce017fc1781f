//! Every fast path must give what its reference gives: checked by one
//! entry point, [`agrees`], on every note we have and on generated notes
//! full of the lines that make the fast paths unsure.

use std::path::Path;

use proptest::prelude::*;

use super::{outline, scan, scan_heading, scan_outline};
use crate::vault::frontmatter::parse_with;
use crate::vault::markdown::scan_whole;
use crate::vault::scan::{decode, split_frontmatter};

/// Checks every fast path against its reference on one decoded note file
/// (`name` names it in failures): the frontmatter's plain reader against
/// serde_yaml, the body read by parts and to its outline against the walk
/// over the whole body, and the lead-byte scan against a character by
/// character one. True when the outline was certain (the body's fast path
/// ran).
pub(crate) fn agrees(name: &str, text: &str) -> bool {
    let split = split_frontmatter(text);
    if let Some(yaml) = split.yaml.clone().filter(|_| !split.unterminated) {
        let yaml = &text[yaml];
        assert_eq!(
            parse_with(name, yaml, split.yaml_line, true),
            parse_with(name, yaml, split.yaml_line, false),
            "{name}: frontmatter"
        );
    }
    let others: Vec<usize> =
        std::iter::successors(crate::text::next_other(text.as_bytes(), 0), |&at| {
            let next = at + text[at..].chars().next().map_or(1, char::len_utf8);
            crate::text::next_other(text.as_bytes(), next)
        })
        .collect();
    let reference: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| !c.is_ascii() && !('\u{AC00}'..='\u{D7FF}').contains(&c))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        others, reference,
        "{name}: characters other than ASCII and Hangul"
    );
    let (body, line) = (&text[split.body_start..], split.body_line);
    let whole = scan_whole(body, line);
    assert_eq!(scan(body, line), whole, "{name}: body");
    let outline = scan_outline(body, line);
    assert_eq!(
        (&outline.heading, &outline.sections),
        (&whole.heading, &whole.sections),
        "{name}: outline"
    );
    assert_eq!(scan_heading(body, line), whole.heading, "{name}");
    outline::headings(body).is_some()
}

/// A note read as a card names and tags it exactly as the whole parse does.
fn card_agrees(name: &str, bytes: &[u8]) {
    use crate::vault::note::parse_note_as;
    use crate::vault::{Depth, QuestionStyle};
    let (Ok(full), Ok(card)) = (
        parse_note_as(name, bytes, Depth::Full, QuestionStyle::default()),
        parse_note_as(name, bytes, Depth::Card, QuestionStyle::default()),
    ) else {
        return;
    };
    let (f, c) = (&full.note, &card.note);
    assert_eq!(
        (
            &f.title,
            &f.heading,
            &f.tags,
            &f.aliases,
            &f.created,
            &f.modified
        ),
        (
            &c.title,
            &c.heading,
            &c.tags,
            &c.aliases,
            &c.created,
            &c.modified
        ),
        "{name}"
    );
    assert!(c.body.is_empty() && c.sections.is_empty() && card.questions.is_empty());
}

/// A note file decoded as the loader decodes it.
fn decoded(bytes: &[u8]) -> Option<String> {
    decode("x.md", bytes).ok()
}

/// A note whose body starts on line `first` + 4 (a frontmatter of
/// `first` + 1 lines before it).
fn note_with(first: usize, body: &str) -> String {
    format!("---\ntitle: 제목\n{}---\n{body}", "k: v\n".repeat(first))
}

fn markdown_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn parts_agree_with_the_whole_walk_on_every_bundled_note() {
    let mut fast = 0;
    let mut all = 0;
    for (rel, bytes) in crate::vault::bundled::bundled_files() {
        let is_note = Path::new(rel).extension().is_some_and(|x| x == "md");
        if let Some(text) = is_note.then(|| decoded(bytes)).flatten() {
            all += 1;
            fast += usize::from(agrees(rel, &text));
            card_agrees(rel, bytes);
        }
    }
    assert!(all >= 20, "{all} bundled notes");
    // The deck is plain enough that the outline is certain for nearly all.
    assert!(fast * 10 >= all * 9, "fast path on {fast} of {all}");
}

#[test]
fn parts_agree_with_the_whole_walk_on_fixtures_and_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    markdown_files(&root.join("tests/fixtures"), &mut files);
    markdown_files(&root.join("../shared/seeds"), &mut files);
    assert!(files.len() >= 10, "{files:?}");
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_default();
        if let Some(text) = decoded(&bytes) {
            agrees(&f.display().to_string(), &text);
        }
        card_agrees(&f.display().to_string(), &bytes);
    }
}

#[test]
fn a_wikilink_in_an_unread_section_is_still_found() {
    let body =
        "# 제목\n\n## 설명\n\n본문 [[스팟 인스턴스|스팟]]\n\n## 관련 문제\n\n**Question:** 무엇?\n";
    let s = scan(body, 5);
    assert!(outline::headings(body).is_some());
    assert_eq!(s.links, ["스팟 인스턴스"]);
    assert_eq!(s, scan_whole(body, 5));
}

/// Lines that notes are made of: the outline is certain about these.
const PLAIN: &[&str] = &[
    "",
    "",
    "",
    "# 제목 **굵게**",
    "## 🎯 핵심 포인트",
    "## 📝 관련 문제",
    "## 설명",
    "## Questions ##",
    "### 하위 `코드`",
    "#태그 아님",
    "####### 일곱",
    "본문 *기울임* 과 **굵게** [[링크|별칭]]",
    "[[다른 노트#절]] 끝",
    "**Question:** 스팟이 중단되면?",
    "- A) 옵션 하나",
    "- B) **둘**",
    "  - 중첩 항목",
    "1. 번호 항목",
    "**정답: B**",
    "💡 추가 설명:",
    "- **Option A** - 틀린 이유",
    "```",
    "```yaml",
    "~~~",
    "````",
    "> 인용",
    "***",
    "본문 [참조] 링크",
    "| 열 | 값 |",
    "|---|---|",
    "| `a` | [[표 링크]] |",
    "줄 끝 공백  ",
];

/// Lines that can make the outline unsure, in some places or always.
const TRICKY: &[&str] = &[
    "---",
    "===",
    "    들여쓴 코드",
    "  ## 들여쓴 제목",
    "- ## 목록 안 제목",
    "> ## 인용 안 제목",
    "  ```",
    "<div>",
    "<!-- 주석 -->",
    "[참조]: https://example.com",
    "\t탭으로 시작",
];

fn line() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        12 => proptest::sample::select(PLAIN),
        1 => proptest::sample::select(TRICKY),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parts_agree_with_the_whole_walk_on_generated_bodies(
        lines in proptest::collection::vec(line(), 0..40),
        first in 0usize..16,
    ) {
        agrees("generated", &note_with(first, &(lines.join("\n") + "\n")));
    }
}

/// Lines of questions sections, plain and not: the line reader must read
/// the plain ones as the walk does and give up on the rest.
const QUESTION_LINES: &[&str] = &[
    "",
    "",
    "",
    "**Question:** 스팟 인스턴스가 중단되기 전 알림은?",
    "**문제 2.** Which option is best?",
    "다음 줄 이어짐",
    "줄 끝 공백  ",
    "**Options:**",
    "- A) 2분 전에 알린다",
    "- B) **둘** (정답 후보)",
    "- C) 5분",
    "* D) 별표 항목",
    "+ E) 더하기 항목",
    "**정답: B**",
    "**정답: A, C** (두 개)",
    "💡 추가 설명:",
    "- **Option A** - 틀린 이유",
    "- **A**: 이유",
    "**",
    "-붙음",
    "--",
    "---",
    "***",
    "___",
    "=",
    "2.5배 빠름",
    "1) 번호 항목",
    "2. 번호 항목",
    "- A) `코드`",
    "본문 *기울임*",
    "snake_case 이름",
    "a &amp; b",
    "- A) 하나\t탭",
    "  들여쓴 줄",
    "    들여쓴 코드",
    "> 인용",
    "### 하위 제목",
    "- ",
    "-  두 칸",
    "***굵고 기울임***",
    "https://example.com 주소",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn plain_questions_sections_agree_with_the_walk(
        lines in proptest::collection::vec(proptest::sample::select(QUESTION_LINES), 0..30),
        first in 0usize..16,
    ) {
        let body = format!("# 제목\n\n## 📝 관련 문제\n\n{}\n", lines.join("\n"));
        agrees("generated", &note_with(first, &body));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn plain_frontmatter_reads_as_serde_yaml_reads(lines in proptest::collection::vec(prop_oneof![
        Just("title: 스팟 노트"), Just("title: 'quoted: yes'"), Just("title: \"큰따옴표\""),
        Just("title:"), Just("title: [a, b]"), Just("title:   "), Just("title: 12"),
        Just("created: 2025-08-21"), Just("created: 2025-13-45"), Just("created: [a]"),
        Just("modified: 2025-08-21 10:00"), Just("modified:"), Just("created: soon"),
        Just("tags:"), Just("- service/emr"), Just("- '#Service/EMR'"), Just("- instance/spot"),
        Just("tags: [a, b/c, \"d e\"]"), Just("tags: a, b c"), Just("tags: '#x'"), Just("tags: []"),
        Just("aliases: [스팟, Spot]"), Just("aliases: 하나"), Just("aliases:"), Just("- 별칭"),
        Just(""), Just("# 주석"), Just("cssclass: wide"), Just("title: yes"), Just("x: a: b"),
    ], 0..10)) {
        agrees("generated", &format!("---\n{}\n---\n# 제목\n", lines.join("\n")));
    }
}
