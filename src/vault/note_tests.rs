//! Note parsing against the fixture vaults in `tests/fixtures/vaults`.

use std::fmt::Write as _;

use super::*;
use crate::vault::{SectionKind, Severity, Tag};

fn fixture_bytes(rel: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vaults")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(rel: &str) -> ParsedNote {
    parse_note(rel, fixture_bytes(rel)).unwrap()
}

fn tags(t: &[Tag]) -> Vec<&str> {
    t.iter().map(Tag::as_str).collect()
}

#[test]
fn frontmatter_with_blank_lines_gives_every_field() {
    let p = fixture("forms/notes/aws/spot-interruption.md");
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let n = &p.note;
    assert_eq!(&*n.title, "spot-interruption");
    assert_eq!(n.heading.as_deref(), Some("스팟 인스턴스 중단 알림과 대응"));
    assert_eq!(n.created.as_deref(), Some("2025-09-02"));
    assert_eq!(n.modified.as_deref(), Some("2025-09-03"));
    assert_eq!(tags(&n.tags), ["service/ec2", "instance/spot-instances"]);
    assert_eq!(*n.aliases, ["spot-notice", "스팟 중단"]);
    assert_eq!(n.body_line, 13);
    assert!(n.body.own().unwrap().starts_with("\n# 스팟"));
    assert_eq!(*n.links, ["checkpoint-basics"]);
    let kinds: Vec<_> = n.sections.iter().map(|s| (s.kind, s.line)).collect();
    assert_eq!(
        kinds,
        [
            (SectionKind::KeyPoint, 16),
            (SectionKind::Explanation, 20),
            (SectionKind::Questions, 24)
        ]
    );
    assert_eq!(
        key_point(n).as_deref(),
        Some(
            "스팟 인스턴스는 2분 전 중단 알림을 받으므로, 체크포인트를 자주 남기면 작업 손실을 줄일 수 있다. checkpoint-basics"
        )
    );
    assert_eq!(
        crate::vault::Vault::default().line_of(n, n.sections[2].span().start),
        24
    );
}

#[test]
fn option_style_explanations_and_a_general_explanation() {
    let p = fixture("forms/notes/aws/spot-interruption.md");
    let q = &p.questions[0];
    assert_eq!(q.line, 26);
    assert_eq!(
        &*q.stem.text(),
        "스팟 인스턴스가 회수되기 전에 받는 중단 알림은 얼마 전에 오는가? 두 번째 줄도 문제의 일부이다."
    );
    let letters: String = q.options.iter().map(|o| o.letter).collect();
    assert_eq!(letters, "ABCD");
    assert_eq!(q.options.get(1).unwrap().text, "2분 전");
    assert_eq!(q.answer.to_vec(), ['B']);
    assert_eq!(q.explanations.keys().collect::<String>(), "ACD");
    // `**강조(Bold)**을` is not bold for CommonMark; the markers still go.
    assert_eq!(
        &*q.explanations.get('C').unwrap(),
        "10분은 강조(Bold)을 쓴 설명이다"
    );
    assert_eq!(
        q.explanation
            .as_ref()
            .map(crate::vault::Passage::text)
            .as_deref(),
        Some("알림을 받으면 체크포인트를 저장하고 종료를 준비한다.")
    );
    assert!(q.quizzable);
    assert_eq!(q.note_title.as_deref(), Some("spot-interruption"));
    assert_eq!(tags(&q.tags), ["service/ec2", "instance/spot-instances"]);
    assert_eq!(
        q.id,
        crate::vault::question_id("spot-interruption", &q.stem.text())
    );
}

#[test]
fn numbered_korean_labels_and_label_style_explanations() {
    let p = fixture("forms/notes/aws/numbered-labels.md");
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert_eq!(*p.note.aliases, ["EMR 노드 종류"]);
    assert_eq!(p.note.created.as_deref(), Some("2025-09-10"));
    assert_eq!(
        tags(&p.note.tags),
        ["service/emr", "architecture/cost-optimization"]
    );
    let q = &p.questions[0];
    assert_eq!(
        (q.line, &*q.stem.text()),
        (16, "데이터를 HDFS에 저장하는 노드는?")
    );
    assert_eq!(q.options.get(2).unwrap().text, "코어 노드");
    assert_eq!(q.answer.to_vec(), ['C']);
    assert_eq!(
        &*q.explanations.get('A').unwrap(),
        "클러스터를 관리할 뿐 데이터를 저장하지 않는다"
    );
    assert_eq!(
        &*q.explanations.get('B').unwrap(),
        "연산만 하고 저장하지 않는다"
    );
    assert_eq!(q.explanation, None);
}

#[test]
fn multi_answer_with_numbered_list_options_and_no_options_label() {
    let p = fixture("forms/notes/aws/numbered-labels.md");
    let q = &p.questions[1];
    assert_eq!(
        &*q.stem.text(),
        "스팟으로 돌려도 되는 노드를 두 개 고르시오."
    );
    assert_eq!(q.options.len(), 4);
    assert_eq!(q.options.get(3).unwrap().text, "추가 태스크 노드");
    assert_eq!(q.answer.to_vec(), ['B', 'D']);
    assert!(q.is_multi_answer());
    assert_eq!(
        &*q.explanations.get('A').unwrap(),
        "마스터가 중단되면 클러스터 전체가 멈춘다"
    );
    assert_eq!(
        &*q.explanations.get('C').unwrap(),
        "코어 노드가 중단되면 HDFS 데이터가 사라진다"
    );
    assert_eq!(
        q.explanation
            .as_ref()
            .map(crate::vault::Passage::text)
            .as_deref(),
        Some("태스크 노드는 상태가 없어서 중단되어도 안전하다.")
    );
}

#[test]
fn crlf_and_bom_give_the_same_lines_as_lf() {
    let bytes = fixture_bytes("forms/notes/crlf-bom.md");
    assert!(bytes.starts_with(b"\xef\xbb\xbf") && bytes.windows(2).any(|w| w == b"\r\n"));
    let crlf = parse_note("a.md", bytes.clone()).unwrap();
    let lf: Vec<u8> = String::from_utf8(bytes[3..].to_vec())
        .unwrap()
        .replace("\r\n", "\n")
        .into_bytes();
    let lf = parse_note("a.md", lf).unwrap();
    assert!(crlf.diagnostics.is_empty());
    assert_eq!(&*crlf.note.title, "crlf-bom");
    assert_eq!(tags(&crlf.note.tags), ["윈도우", "encoding/crlf"]);
    assert_eq!(crlf.questions[0].line, 14);
    assert_eq!(crlf.questions[0].line, lf.questions[0].line);
    assert_eq!(crlf.note.body, lf.note.body);
    assert_eq!(crlf.note.sections[1].line, lf.note.sections[1].line);
    assert_eq!(crlf.questions[0].answer.to_vec(), ['B']);
    assert!(!crlf.note.body.own().unwrap().contains('\r'));
}

#[test]
fn note_without_frontmatter_takes_its_title_from_the_heading() {
    let p = fixture("forms/notes/no-frontmatter.md");
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert_eq!(&*p.note.title, "예약 인스턴스와 절감형 플랜");
    assert_eq!(p.note.body_line, 1);
    assert_eq!(
        key_point(&p.note).as_deref(),
        Some("장기간 꾸준히 쓰면 Savings Plans가 유리하다.")
    );
    let q = &p.questions[0];
    assert_eq!(q.answer.to_vec(), ['A', 'C']);
    assert_eq!(q.options.get(0).unwrap().text, "온디맨드");
    assert_eq!(&*q.explanations.get('A').unwrap(), "유연하지만 비싸다");
    assert_eq!(&*q.explanations.get('C').unwrap(), "약정으로 할인받는다");
}

#[test]
fn title_falls_back_to_the_file_stem() {
    let p = parse_note("dir/스팟-메모.md", "본문만 있다.\n".as_bytes()).unwrap();
    assert_eq!(&*p.note.title, "스팟-메모");
    assert_eq!(p.note.heading, None);
}

#[test]
fn broken_yaml_is_an_error_at_the_file_line_and_the_body_still_loads() {
    let p = fixture("broken/broken-yaml.md");
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!((d.line, d.severity), (4, Severity::Error));
    assert!(d.message.contains("invalid YAML"), "{}", d.message);
    assert_eq!(&*p.note.title, "깨진 프론트매터");
    assert!(p.note.tags.is_empty());
    assert!(p.note.body.own().unwrap().contains("본문은 그래도 읽힌다."));
}

#[test]
fn unterminated_frontmatter_is_an_error_and_everything_is_body() {
    let p = fixture("broken/unterminated.md");
    assert_eq!(p.diagnostics.len(), 1);
    assert_eq!((p.diagnostics[0].line, p.diagnostics[0].column), (1, 1));
    assert!(p.diagnostics[0].message.contains("never closed"));
    assert_eq!(p.note.body_line, 1);
    assert!(
        p.note
            .body
            .own()
            .unwrap()
            .starts_with("---\ntitle: 닫히지 않음")
    );
    assert_eq!(&*p.note.title, "닫히지 않은 프론트매터");
    assert_eq!(key_point(&p.note).as_deref(), Some("본문 전체가 읽힌다."));
}

#[test]
fn question_errors_are_diagnostics_and_leave_questions_out_of_quizzes() {
    let p = fixture("broken/question-errors.md");
    let found: Vec<(usize, usize, Severity)> = p
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column, d.severity))
        .collect();
    assert_eq!(
        found,
        [
            (15, 7, Severity::Error),    // answer letter F: no option
            (21, 3, Severity::Error),    // A, B, D: gap
            (29, 3, Severity::Error),    // B repeats
            (33, 1, Severity::Error),    // one option
            (39, 1, Severity::Error),    // no answer line
            (53, 12, Severity::Warning)  // explanation of option F
        ]
    );
    assert!(p.diagnostics[0].message.contains("'F'"));
    assert_eq!(
        p.diagnostics[0].source_line.as_deref(),
        Some("**정답: F) 없는 보기**")
    );
    let quizzable: Vec<bool> = p.questions.iter().map(|q| q.quizzable).collect();
    assert_eq!(quizzable, [false, false, false, false, false, true]);
    assert_eq!(p.questions[0].answer.to_vec(), ['F']);
    assert!(p.questions[5].explanations.is_empty());
}

#[test]
fn binary_and_invalid_utf8_files_are_skipped_with_a_diagnostic() {
    let bin = parse_note("b.md", fixture_bytes("broken/binary.md")).unwrap_err();
    assert!(bin.message.contains("binary"));
    let bad = parse_note("u.md", fixture_bytes("broken/invalid-utf8.md")).unwrap_err();
    assert_eq!((bad.line, bad.column), (3, 1));
}

#[test]
fn trailing_rule_is_a_thematic_break_not_frontmatter() {
    let text = "# 제목\n\n## 문제\n\n**Q:** 하나?\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n\n---";
    let p = parse_note("t.md", text.as_bytes()).unwrap();
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert_eq!(p.questions.len(), 1);
    assert_eq!(p.questions[0].explanation, None);
}

#[test]
fn questions_outside_the_questions_section_are_not_read() {
    let text = "# 제목\n\n## 설명\n\n**Question:** 여기는 설명이다\n\n- A) 예\n- B) 아니오\n";
    let p = parse_note("t.md", text.as_bytes()).unwrap();
    assert!(p.questions.is_empty());
}

#[test]
fn options_may_be_lines_after_the_options_label() {
    let text = "## 문제\n\n**문제:** 고르시오\n\n**보기:**\nA) 하나\nB) 둘\n\n**정답: B**\n";
    let p = parse_note("t.md", text.as_bytes()).unwrap();
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    assert_eq!(p.questions[0].options.len(), 2);
}

#[test]
fn nfd_notes_become_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let text: String = "---\ntitle: 스팟\n---\n# 스팟 중단\n".nfd().collect();
    let p = parse_note("n.md", text.into_bytes()).unwrap();
    assert_eq!(&*p.note.title, "스팟");
    assert_eq!(p.note.heading.as_deref(), Some("스팟 중단"));
}

#[test]
fn question_id_survives_reordering_and_rewrapping() {
    let a = "## 문제\n\n**Q1:** 첫째\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n\n**Q2:** 둘째\n질문\n\n- A) 예\n- B) 아니오\n\n**정답: B**\n";
    let b = "## 문제\n\n**Q1:** 둘째 질문\n\n- A) 예\n- B) 아니오\n\n**정답: B**\n\n**Q2:** 첫째\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n";
    let pa = parse_note("a.md", a.as_bytes()).unwrap();
    let pb = parse_note("a.md", b.as_bytes()).unwrap();
    assert_eq!(pa.questions[0].id, pb.questions[1].id);
    assert_eq!(pa.questions[1].id, pb.questions[0].id);
    assert_ne!(pa.questions[0].id, pa.questions[1].id);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse_note("p.md", bytes);
        }

        #[test]
        fn on_markdownish_text(parts in proptest::collection::vec(prop_oneof![
            Just("---\n"), Just("\n"), Just("\r\n"), Just("## 관련 문제\n"), Just("## 핵심\n"),
            Just("**Question:** "), Just("**문제 1.** "), Just("**Options:**\n"), Just("- A) "),
            Just("- (B) "), Just("1. C. "), Just("**정답: "), Just("B, D"), Just("**"), Just("A와 C"),
            Just("💡 추가 설명:\n"), Just("- **Option A** - "), Just("- **A) 라벨** — "), Just("[[링크|"),
            Just("]]"), Just("```\n"), Just("> "), Just("title: ["), Just("tags: a, b\n"), Just("|a|b|\n|-|-|\n"),
            Just("\u{feff}"), Just("\u{1100}\u{1161}"), Just("스팟 "), Just("\t"), Just("* "), Just("(")
        ], 0..60)) {
            let text: String = parts.concat();
            if let Ok(p) = parse_note("p.md", text.into_bytes()) {
                for q in &p.questions {
                    prop_assert!(q.line >= 1);
                    prop_assert!(q.answer.to_vec().windows(2).all(|w| w[0] < w[1]));
                }
                for d in &p.diagnostics {
                    prop_assert!(d.line >= 1 && d.column >= 1);
                }
            }
        }
    }
}

#[test]
fn diagnostics_of_one_file_are_capped_with_a_count() {
    let mut text = String::from("## 문제\n\n**Q:** 보기가 이상한 문제\n\n**보기:**\n\n");
    for i in 0..500 {
        let _ = writeln!(text, "- 항목 {i}");
    }
    text += "\n**정답: A**\n";
    let p = parse_note("many.md", text.into_bytes()).unwrap();
    assert_eq!(
        p.diagnostics.len(),
        crate::vault::diagnostic::MAX_PER_FILE + 1
    );
    let last = p.diagnostics.last().unwrap();
    assert!(
        last.message.starts_with("402 more problems"),
        "{}",
        last.message
    );
    assert!(!p.questions[0].quizzable);
}

#[test]
fn long_runs_of_answer_separators_parse_in_linear_time() {
    // Quadratic rescanning would take minutes here.
    let text = format!(
        "## 문제\n\n**Q:** 질문\n\n- A) 예\n- B) 아니오\n\n**정답: A) 예{}끝**\n",
        ", ".repeat(200_000)
    );
    let p = parse_note("sep.md", text.into_bytes()).unwrap();
    assert_eq!(p.questions[0].answer.to_vec(), ['A']);
}

#[test]
fn ten_thousand_tags_are_deduplicated_in_order() {
    let tags: Vec<String> = (0..10_000).map(|i| format!("t/{}", i % 5000)).collect();
    let text = format!("---\ntags: [{}]\n---\n# 태그\n", tags.join(", "));
    let p = parse_note("tags.md", text.into_bytes()).unwrap();
    assert_eq!(p.note.tags.len(), 5000);
    assert_eq!(p.note.tags[4999].as_str(), "t/4999");
}

#[test]
fn frontmatter_nested_past_the_limit_is_refused_where_it_passes_and_the_note_loads() {
    let text = format!(
        "---\ntitle: 깊다\nx: {}\n---\n# 본문 제목\n\n본문\n",
        "[".repeat(5_000)
    );
    let n = parse_note("deep.md", text).unwrap();
    assert_eq!(n.note.title.as_ref(), "본문 제목");
    assert!(n.note.body.own().unwrap().contains("본문"));
    let d = &n.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.contains("deeper than 100"), "{}", d.message);
    assert_eq!((d.line, d.column), (3, 4 + 99));
}

#[test]
fn quotes_nested_past_the_limit_become_text_with_a_warning() {
    let text = format!("# 인용\n\n{}끝\n\n다음 문단\n", ">".repeat(3_000));
    let n = parse_note("quotes.md", text).unwrap();
    let d = &n.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("deeper than 100"), "{}", d.message);
    assert_eq!((d.line, d.column), (3, 101));
    assert!(n.note.body.own().unwrap().contains("다음 문단"));
}

#[test]
fn a_yaml_control_character_is_reported_where_it_is() {
    for text in [
        "---\naliases: {a: 1}\ntitle: \"a\u{1}b\"\n---\n# t\n",
        "---\ntags: [x]\ntitle: a\u{1}b\n---\n# t\n",
    ] {
        let n = parse_note("ctl.md", text).unwrap();
        let d = n
            .diagnostics
            .iter()
            .find(|d| d.message.contains("control character"))
            .unwrap_or_else(|| panic!("{:?}", n.diagnostics));
        assert_eq!(
            (d.line, d.column),
            (3, text.lines().nth(2).unwrap().find('\u{1}').unwrap() + 1),
            "{text:?}"
        );
        assert!(!d.message.contains("position"), "{}", d.message);
    }
}

#[test]
fn a_duplicate_frontmatter_key_is_reported_at_its_second_occurrence() {
    let n = parse_note("dup.md", "---\ntitle: a\ntags: [x]\ntitle: b\n---\n# t\n").unwrap();
    let d = &n.diagnostics[0];
    assert!(d.message.contains("duplicate"), "{}", d.message);
    assert_eq!((d.line, d.column), (4, 1));
}

/// Found by the `frontmatter_nesting` fuzz target: an alias inside the
/// anchor it names recurses in the parser, with no nesting in the text.
#[test]
fn an_alias_inside_its_own_anchor_is_a_diagnostic() {
    for yaml in ["x:\n  &x [*x, : &x ", "&x [x: [*x", "x: &x {a: {a: *x}}"] {
        let n = parse_note("alias.md", format!("---\n{yaml}\n---\n# 본문\n")).unwrap();
        assert_eq!(n.note.title.as_ref(), "본문", "{yaml}");
        assert!(
            n.diagnostics
                .iter()
                .any(|d| d.message.contains("invalid YAML")),
            "{yaml}: {:?}",
            n.diagnostics
        );
    }
}

/// Found by the `frontmatter_nesting` fuzz target (ten-minute run):
/// `x: …` pairs inside flow sequences, each a mapping level to the parser.
/// The nesting scan refuses it where the limit is passed; the body loads.
#[test]
fn pairs_nested_in_flow_sequences_are_refused_by_the_nesting_scan() {
    let yaml = include_str!("../../tests/fixtures/fuzz/frontmatter-flow-pairs-run.yaml");
    let n = parse_note("deep.md", format!("---\n{yaml}\n---\n# 본문\n")).unwrap();
    assert_eq!(n.note.title.as_ref(), "본문");
    assert!(
        n.diagnostics
            .iter()
            .any(|d| d.message.contains("deeper than 100 levels")),
        "{:?}",
        n.diagnostics
    );
}

/// A parsed note's key point, as the vault gives it.
fn key_point(n: &crate::vault::Note) -> Option<String> {
    crate::vault::Vault::default()
        .key_point(n)
        .map(std::borrow::Cow::into_owned)
}
