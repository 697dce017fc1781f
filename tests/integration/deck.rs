//! Integration tests: the bundled deck meets what issue #3 asks of it.

use munje::vault::{QuestionOrigin, SectionKind, load_bundled};

#[test]
fn bundled_deck_has_no_diagnostics_at_all() {
    let v = load_bundled();
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
}

#[test]
fn bundled_deck_meets_the_minimum_counts() {
    let v = load_bundled();
    let multi = v.questions.iter().filter(|q| q.is_multi_answer()).count();
    let banked = v
        .questions
        .iter()
        .filter(|q| matches!(q.origin, QuestionOrigin::Bank(_)))
        .count();
    assert!(v.notes.len() >= 24, "{} notes", v.notes.len());
    assert!(v.questions.len() >= 60, "{} questions", v.questions.len());
    assert!(multi >= 6, "{multi} multi-answer questions");
    assert!(banked >= 12, "{banked} bank questions");
}

#[test]
fn every_question_is_quizzable_and_explains_every_wrong_option() {
    let v = load_bundled();
    for q in &v.questions {
        assert!(q.quizzable, "{} is not quizzable", q.id);
        for o in &q.options {
            if !q.answer.contains(o.letter) {
                assert!(
                    q.explanations.contains_key(o.letter),
                    "{} ({:?}) leaves wrong option {} unexplained",
                    q.id,
                    q.note_title,
                    o.letter
                );
            }
        }
    }
}

#[test]
fn bank_questions_study_a_note_of_the_deck() {
    let v = load_bundled();
    for q in &v.questions {
        if matches!(q.origin, QuestionOrigin::Bank(_)) {
            let note = q
                .note
                .unwrap_or_else(|| panic!("{} names no deck note", q.id));
            // A bank question inherits its note's tags.
            for t in v.note(note).tags.iter() {
                assert!(q.tags.contains(t), "{} lacks its note's tag {t}", q.id);
            }
        }
    }
}

#[test]
fn every_note_has_frontmatter_sections_questions_and_working_links() {
    let v = load_bundled();
    for n in &v.notes {
        assert!(n.created.is_some() && n.modified.is_some(), "{}", n.path);
        assert!(!n.tags.is_empty() && !n.aliases.is_empty(), "{}", n.path);
        assert!(
            n.tags.iter().all(|t| t.as_str().contains('/')),
            "{}: tags should be hierarchical",
            n.path
        );
        for kind in [
            SectionKind::KeyPoint,
            SectionKind::Explanation,
            SectionKind::Concepts,
            SectionKind::Questions,
        ] {
            assert!(n.section(kind).is_some(), "{} lacks {kind:?}", n.path);
        }
        assert!(n.key_point.is_some(), "{}", n.path);
        assert!(
            (1..=5).contains(&n.questions.len()),
            "{} has {} questions",
            n.path,
            n.questions.len()
        );
        for link in &n.links {
            assert!(
                v.find_note(link).is_some(),
                "{}: [[{link}]] leads nowhere",
                n.path
            );
        }
    }
}
