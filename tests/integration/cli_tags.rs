//! `munje tags`: the tag tree with note and question counts.

use std::fmt::Write as _;

use super::cli_check::{fixture, munje};

#[test]
fn tag_tree_counts_notes_and_questions_at_each_node() {
    let dir = tempfile::tempdir().unwrap();
    let note = |tags: &str, questions: usize| {
        let mut s = format!("---\ntags: [{tags}]\n---\n# 노트\n\n## 관련 문제\n\n");
        for i in 0..questions {
            let _ = write!(
                s,
                "**Q{i}:** 질문 {i}\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n\n"
            );
        }
        s
    };
    std::fs::write(
        dir.path().join("a.md"),
        note("service/emr, instance/spot", 2),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), note("service/aws-batch", 1)).unwrap();
    std::fs::write(dir.path().join("c.md"), note("Service/EMR", 0)).unwrap();
    let out = munje()
        .args(["tags", "--lang", "en", "--notes"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "\
instance         1 note      2 questions
└─ spot          1 note      2 questions
service          3 notes     3 questions
├─ aws-batch     1 note      1 question
└─ emr           2 notes     2 questions
"
    );
}

#[test]
fn korean_labels_with_lang_ko() {
    let out = munje()
        .args(["tags", "--lang", "ko", "--notes"])
        .arg(fixture("forms"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let service = text.lines().find(|l| l.starts_with("service")).unwrap();
    assert!(
        service.contains("노트    2") && service.contains("문제    5"),
        "{text}"
    );
}
