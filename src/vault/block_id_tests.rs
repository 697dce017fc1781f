//! Explicit question ids: Obsidian block ids ending a stem's first
//! paragraph, and their uniqueness across a vault.

use super::*;
use crate::vault::{LoadOptions, QuestionId, Severity, load, question_id};

fn questions(body: &str) -> Vec<Question> {
    let text = format!("---\ntitle: 스팟\n---\n## 문제\n\n{body}");
    parse_note("a.md", text.into_bytes()).unwrap().questions
}

const TAIL: &str = "\n\n- A) 30초\n- B) 2분\n\n**정답: B**\n";

#[test]
fn a_block_id_ending_the_stem_names_the_question_and_leaves_the_stem() {
    let q = questions(&format!(
        "**Question:** How long is the notice? ^spot-notice{TAIL}"
    ));
    assert_eq!(q[0].id, QuestionId("spot-notice".into()));
    assert_eq!(&*q[0].stem.text(), "How long is the notice?");
}

#[test]
fn a_block_id_on_the_last_line_of_a_wrapped_first_paragraph_counts() {
    let q = questions(&format!(
        "**문제 1.** 스팟 인스턴스 중단 알림은\n몇 초 전에 오는가? ^notice-1{TAIL}"
    ));
    assert_eq!(q[0].id, QuestionId("notice-1".into()));
    assert_eq!(
        &*q[0].stem.text(),
        "스팟 인스턴스 중단 알림은 몇 초 전에 오는가?"
    );
}

#[test]
fn a_caret_word_before_the_paragraph_ends_is_plain_text() {
    let q = questions(&format!("**Q:** 첫 줄 ^not-an-id\n둘째 줄{TAIL}"));
    assert_eq!(&*q[0].stem.text(), "첫 줄 ^not-an-id 둘째 줄");
    assert_eq!(q[0].id, question_id("스팟", &q[0].stem.text()));
}

#[test]
fn a_block_id_in_a_later_paragraph_of_the_stem_is_plain_text() {
    let q = questions(&format!("**Q:** 첫 문단\n\n둘째 문단 ^later{TAIL}"));
    assert_eq!(&*q[0].stem.text(), "첫 문단 둘째 문단 ^later");
    assert_eq!(q[0].id, question_id("스팟", &q[0].stem.text()));
}

#[test]
fn without_a_block_id_the_id_is_derived_from_title_and_stem() {
    let q = questions(&format!("**Q:** 2^10 은 얼마인가?{TAIL}"));
    assert_eq!(&*q[0].stem.text(), "2^10 은 얼마인가?");
    assert_eq!(q[0].id, question_id("스팟", "2^10 은 얼마인가?"));
}

#[test]
fn a_written_id_used_twice_is_reported_at_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let note = format!("## 문제\n\n**Q:** 하나 ^same{TAIL}");
    std::fs::write(dir.path().join("a.md"), &note).unwrap();
    std::fs::create_dir(dir.path().join("questions")).unwrap();
    std::fs::write(
        dir.path().join("questions/bank.yaml"),
        "- id: same\n  question: 둘\n  options: [예, 아니오]\n  answer: A\n",
    )
    .unwrap();
    let v = load(&[dir.path().to_owned()], &LoadOptions::default(), &|_| {}).unwrap();
    let found: Vec<(&str, Severity, bool)> = v
        .diagnostics
        .iter()
        .map(|d| {
            let other = if d.path == "a.md" {
                "questions/bank.yaml:1"
            } else {
                "a.md:3"
            };
            (d.path.as_str(), d.severity, d.message.contains(other))
        })
        .collect();
    assert_eq!(
        found,
        [
            ("a.md", Severity::Warning, true),
            ("questions/bank.yaml", Severity::Warning, true)
        ],
        "{:?}",
        v.diagnostics
    );
    assert!(v.diagnostics[0].message.contains("'same'"));
}
