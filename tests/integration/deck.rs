//! Integration tests: the bundled deck meets what issue #3 asks of it,
//! and, by the question-quality lint's own figures, what makes it exam
//! practice rather than a deck to game (issue #17).

use munje::vault::quality::{Figures, assess};
use munje::vault::{QuestionOrigin, SectionKind, load_bundled};

use crate::cli_check::munje;

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

fn figures() -> Figures {
    assess(&load_bundled()).figures
}

#[test]
fn the_lint_counts_the_bundled_deck_as_the_vault_holds_it() {
    let v = load_bundled();
    let f = assess(&v).figures;
    let banked = v
        .questions
        .iter()
        .filter(|q| matches!(q.origin, QuestionOrigin::Bank(_)))
        .count();
    let two = v.questions.iter().filter(|q| q.answer.len() == 2).count();
    assert_eq!(f.notes, v.notes.len());
    assert_eq!(f.questions, v.questions.len());
    assert_eq!((f.banked, f.choose_two), (banked, two));
    assert_eq!(
        f.single_answer + two,
        v.questions.len(),
        "every deck question is single-answer or \"choose two\""
    );
    let keyed: usize = f.letters.iter().map(|l| l.keyed).sum();
    assert_eq!(keyed, f.single_answer);
}

#[test]
fn bundled_deck_has_the_exam_deck_counts() {
    let f = figures();
    assert!(f.notes >= 45, "{} notes", f.notes);
    assert!(f.questions >= 150, "{} questions", f.questions);
    assert!(f.choose_two >= 25, "{} \"choose two\"", f.choose_two);
    assert!(f.banked >= 30, "{} in banks", f.banked);
}

#[test]
fn bundled_deck_key_is_rarely_the_longest_option() {
    let f = figures();
    assert!(
        f.longest_key_share <= 0.30,
        "the key is the strictly longest in {} of {} single-answer questions",
        f.longest_key,
        f.single_answer
    );
    assert_eq!(f.giveaway_keys, 0);
}

#[test]
fn bundled_deck_keys_each_letter_in_15_to_30_percent() {
    let f = figures();
    assert!(f.letters.len() >= 4, "{:?}", f.letters);
    // Each letter over the single-answer questions that offer it: A–D over
    // all of them, E over those with five options.
    for l in &f.letters {
        assert!(
            (0.15..=0.30).contains(&l.share),
            "{} keyed in {} of {} single-answer questions",
            l.letter,
            l.keyed,
            l.of
        );
    }
}

#[test]
fn bundled_deck_repeats_no_choose_two_pair_over_20_percent() {
    let f = figures();
    for p in &f.pairs {
        assert!(
            p.share <= 0.20,
            "{}+{} keyed in {} of {} \"choose two\" questions",
            p.pair[0],
            p.pair[1],
            p.keyed,
            f.choose_two
        );
    }
}

#[test]
fn bundled_deck_frames_most_stems_as_the_exams_do() {
    let f = figures();
    assert!(
        f.framed_share >= 0.60,
        "{} of {} stems use the exams' framing",
        f.framed,
        f.questions
    );
}

#[test]
fn munje_check_on_the_bundled_deck_reports_no_diagnostic_and_no_quality_warning() {
    let v = load_bundled();
    let quality = assess(&v);
    assert_eq!(quality.warnings, [], "quality warnings on the bundled deck");
    let out = munje().args(["--lang", "en", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].ends_with(", 0 quality warnings"), "{text}");
    assert_eq!(
        lines[1],
        format!(
            "{} notes, {} questions, 0 errors, 0 warnings",
            v.notes.len(),
            v.questions.len()
        )
    );
}
