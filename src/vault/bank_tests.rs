//! Question-bank parsing.

use std::fmt::Write as _;

use super::*;
use crate::vault::Severity;

fn bank(text: &str) -> ParsedBank {
    parse_bank("questions/b.yaml", text.as_bytes()).unwrap()
}

#[test]
fn bank_paths_are_yaml_under_questions() {
    assert!(is_bank_path("questions/x.yaml"));
    assert!(is_bank_path("questions/sub/x.YML"));
    assert!(is_bank_path("aws/questions/x.yml"));
    assert!(!is_bank_path("notes/x.yaml"));
    assert!(!is_bank_path("questions/x.md"));
    assert!(is_bank_path("x/QUESTIONS/y.Yaml"));
    assert!(!is_bank_path("questions/.yaml"));
    assert!(!is_bank_path("questionsx/a.yaml"));
    assert!(!is_bank_path("a/questions.yaml"));
}

#[test]
fn map_and_list_options_letter_and_list_answers() {
    let b = bank(
        "- id: 고정-아이디\n  note: 스팟\n  tags: [exam/saa]\n  question: 알림은 언제?\n  options:\n    A: 30초\n    B: 2분\n  answer: B\n  explanations:\n    A: 짧다\n  explanation: 2분이다\n\
         - question: 둘 고르기\n  options:\n    - 하나\n    - B) 둘\n    - 셋\n  answer: [C, A]\n",
    );
    assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
    let q = &b.questions[0];
    assert_eq!(&*q.id.0, "고정-아이디");
    assert_eq!(q.line, 1);
    assert_eq!(q.note_title.as_deref(), Some("스팟"));
    assert_eq!(q.options.get(1).unwrap().text, "2분");
    assert_eq!(q.answer.to_vec(), ['B']);
    assert_eq!(&*q.explanations.get('A').unwrap(), "짧다");
    assert_eq!(
        q.explanation
            .as_ref()
            .map(crate::vault::Passage::text)
            .as_deref(),
        Some("2분이다")
    );
    assert_eq!(q.tags[0].as_str(), "exam/saa");
    let q2 = &b.questions[1];
    assert_eq!(q2.line, 12);
    assert_eq!(q2.options.get(1).unwrap().text, "둘");
    assert_eq!(q2.answer.to_vec(), ['A', 'C']);
    assert!(q2.id.0.starts_with("q-") && q2.id.0.len() == 18);
    assert_eq!(q2.id, crate::vault::question_id("", "둘 고르기"));
    assert!(q2.quizzable);
}

#[test]
fn a_map_instead_of_a_list_is_a_diagnostic() {
    let b = bank("question: 목록 아님\nanswer: A\n");
    assert!(b.questions.is_empty());
    assert_eq!(b.diagnostics.len(), 1);
    assert!(b.diagnostics[0].message.contains("list of entries"));
}

#[test]
fn entry_without_answer_is_listed_but_not_quizzable() {
    let b = bank(
        "- question: 첫째\n  options: [a, b]\n  answer: A\n- question: 답 없음\n  options: [a, b]\n",
    );
    assert_eq!(b.questions.len(), 2);
    assert!(b.questions[0].quizzable);
    assert!(!b.questions[1].quizzable);
    assert_eq!(b.diagnostics.len(), 1);
    assert_eq!(
        (b.diagnostics[0].line, b.diagnostics[0].severity),
        (4, Severity::Error)
    );
}

#[test]
fn answer_letter_without_option_points_at_the_answer_key() {
    let b = bank("- question: 질문\n  options: {A: 하나, B: 둘}\n  answer: D\n");
    assert!(!b.questions[0].quizzable);
    assert_eq!((b.diagnostics[0].line, b.diagnostics[0].column), (3, 3));
}

#[test]
fn gaps_in_map_letters_and_bad_keys_are_errors() {
    let b = bank("- question: 질문\n  options:\n    A: 하나\n    C: 셋\n    뭐: 넷\n  answer: A\n");
    assert!(!b.questions[0].quizzable);
    let messages: Vec<&str> = b.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("'뭐'")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("skip")), "{messages:?}");
}

#[test]
fn explanation_of_a_missing_option_is_a_warning() {
    let b =
        bank("- question: 질문\n  options: [a, b]\n  answer: A\n  explanations:\n    F: 없음\n");
    assert!(b.questions[0].quizzable);
    assert_eq!(b.diagnostics[0].severity, Severity::Warning);
    assert_eq!(b.diagnostics[0].line, 4);
}

#[test]
fn yaml_errors_carry_the_file_line_and_column() {
    let b = bank("- question: 문법\n  options: [a, b\n  answer: A\n");
    assert_eq!(b.diagnostics.len(), 1);
    let d = &b.diagnostics[0];
    assert_eq!((d.line, d.column), (3, 9));
    assert!(!d.message.contains("at line"));
}

#[test]
fn entry_without_question_text_is_skipped() {
    let b = bank("- options: [a, b]\n  answer: A\n- 그냥 문자열\n");
    assert!(b.questions.is_empty());
    assert_eq!(b.diagnostics.len(), 2);
    assert_eq!(b.diagnostics[1].line, 3);
}

#[test]
fn yaml_error_at_end_of_file_points_inside_the_file() {
    // Found by proptest: the YAML parser reports end of input one line
    // past the last, which has no text to show.
    let b = bank("{");
    let d = &b.diagnostics[0];
    assert_eq!((d.line, d.column), (1, 2), "{d}");
    assert_eq!(d.source_line.as_deref(), Some("{"));
    let b = bank("- question: [a\n");
    let d = &b.diagnostics[0];
    assert_eq!((d.line, d.column), (1, 15), "{d}");
}

#[test]
fn many_bad_entries_keep_a_capped_list_of_diagnostics() {
    let text = (0..300).fold(String::new(), |mut s, i| {
        let _ = writeln!(s, "- question: 문제 {i}\n  options: [a, b]");
        s
    });
    let b = bank(&text);
    assert_eq!(b.questions.len(), 300);
    assert_eq!(
        b.diagnostics.len(),
        crate::vault::diagnostic::MAX_PER_FILE + 1
    );
    assert!(b.diagnostics[100].message.starts_with("200 more problems"));
    assert_eq!(b.diagnostics[99].line, 199);
}

#[test]
fn bank_nested_past_the_limit_is_refused_where_it_passes() {
    let text = format!("- question: 깊다\n  answer: {}\n", "{a: ".repeat(5_000));
    let b = bank(&text);
    assert!(b.questions.is_empty());
    let d = &b.diagnostics[0];
    assert!(d.message.contains("deeper than 100"), "{}", d.message);
    assert_eq!((d.line, d.column), (2, 11 + 4 * 98));
}

#[test]
fn option_key_errors_point_at_the_key() {
    let b = bank(
        "- question: q\n  options:\n    A: x\n    X: y\n    B: z\n  answer: A\n\
         - question: q2\n  options: {A: x, B: y, Q: z}\n  answer: A\n",
    );
    let at = |key: &str| {
        let d = b
            .diagnostics
            .iter()
            .find(|d| d.message.contains(&format!("'{key}'")))
            .unwrap_or_else(|| panic!("{:?}", b.diagnostics));
        (d.line, d.column)
    };
    assert_eq!(at("X"), (4, 5));
    assert_eq!(at("Q"), (8, 25));
}

#[test]
fn a_duplicate_bank_key_is_reported_at_its_second_occurrence() {
    let b = bank("- question: q\n  options:\n    A: x\n    B: y\n    A: z\n  answer: A\n");
    let d = &b.diagnostics[0];
    assert!(d.message.contains("duplicate"), "{}", d.message);
    assert_eq!((d.line, d.column), (5, 5));
}

/// Found by the `bank_nesting` fuzz target: an alias inside the anchor it
/// names, in a bank entry.
#[test]
fn an_alias_inside_its_own_anchor_is_a_bank_diagnostic() {
    let b = bank("- question: q\n  options: &x {a: {a: {a: {a: *x}}}}\n");
    assert!(b.questions.is_empty());
    assert!(
        b.diagnostics
            .iter()
            .any(|d| d.message.contains("invalid YAML")),
        "{:?}",
        b.diagnostics
    );
}

/// Found by the `bank_nesting` fuzz target (ten-minute run): a long run of
/// compact `- - - …` entries after a line starting with `[` that goes on
/// with the plain scalar above it. The nesting scan read the bracket as an
/// open flow collection and left the entries uncounted, for the YAML
/// parser's own recursion limit to refuse; now the scan refuses the bank
/// where the limit is passed.
#[test]
fn compact_sequences_after_a_continued_plain_scalar_are_refused_by_the_nesting_scan() {
    let b = bank(include_str!(
        "../../tests/fixtures/fuzz/bank-compact-sequences.yaml"
    ));
    assert!(b.questions.is_empty());
    let d = &b.diagnostics[0];
    assert!(d.message.contains("deeper than 100"), "{}", d.message);
    assert_eq!((d.line, d.column), (41, 4 + 2 * 97 + 1));
}
