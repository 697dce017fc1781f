//! Exam screens and flows against `App`: the question with its timer, the
//! review grid, submitting, the result and the question-by-question review.
//! Snapshots go through `quiz_tests::snap`, so they keep its names.
//! Test-only.

use super::action::Action;
use super::app::Layer;
use super::fixture::Drive;
use super::keymap::Context;
use super::quiz_tests::{exam, phase, quiz_app, snap, wrong_letter};
use super::screens::quiz::Phase;
use super::snapshots::screen;

#[test]
fn exam_question_with_timer() {
    snap("exam_question", |a| {
        exam(a);
        a.act(Action::Flag);
    });
}

#[test]
fn exam_review_grid() {
    snap("exam_review", |a| {
        exam(a);
        a.act(Action::Pick('A'));
        // Flagged and answered both show.
        a.act(Action::Flag);
        a.act(Action::Review);
    });
}

#[test]
fn exam_question_review_after_the_result() {
    snap("exam_question_review", |a| {
        exam(a);
        let l = wrong_letter(a);
        a.act(Action::Pick(l));
        a.act(Action::Submit);
        a.act(Action::Confirm);
        assert_eq!(a.context(), Context::ExamResult);
        a.act(Action::Review);
        assert_eq!(a.context(), Context::ExamAnswers);
    });
}

#[test]
fn esc_from_the_question_review_returns_to_the_result() {
    let mut a = quiz_app(80, 24);
    exam(&mut a);
    a.act(Action::Submit);
    a.act(Action::Confirm);
    a.act(Action::Review);
    assert!(matches!(a.layers.last(), Some(Layer::Review(_))));
    a.act(Action::NextFilter);
    a.act(Action::Back);
    assert_eq!(phase(&a), Some(Phase::Done));
    a.act(Action::Back);
    assert_eq!(phase(&a), None, "the result closes");
}

#[test]
fn exam_submit_confirmation() {
    snap("exam_confirm", |a| {
        exam(a);
        a.act(Action::Submit);
    });
}

#[test]
fn exam_result_with_bars_by_tag() {
    snap("exam_result", |a| {
        exam(a);
        a.act(Action::Submit);
        a.act(Action::Confirm);
        assert_eq!(phase(a), Some(Phase::Done));
    });
}

#[test]
fn e_in_the_exam_review_asks_for_the_editor_at_the_question() {
    let mut a = quiz_app(80, 24);
    a.editor = Some("vim".into());
    exam(&mut a);
    a.update(Action::Submit);
    a.update(Action::Confirm);
    a.update(Action::Review);
    assert_eq!(a.context(), Context::ExamAnswers);
    let Some(Layer::Review(r)) = a.layers.last() else {
        panic!("no review")
    };
    let ix = r
        .current()
        .and_then(crate::quiz::ReviewItem::vault_question)
        .expect("a question");
    a.update(Action::Edit);
    let req = a.edit_request.take().expect("an edit request");
    let q = a.vault.question(ix);
    assert_eq!(req.line, q.line);
    let crate::vault::QuestionOrigin::Note(n) = q.origin else {
        panic!("a bank question")
    };
    assert!(req.path.ends_with(&*a.vault.note(n).path), "{req:?}");
    assert_eq!(a.context(), Context::ExamAnswers, "the review stays open");
}

#[test]
fn exam_options_stay_aligned_when_one_is_chosen() {
    let mut a = quiz_app(80, 24);
    exam(&mut a);
    a.act(Action::Pick('B'));
    a.act(Action::PrevQuestion);
    let text = screen(&mut a, 80, 24);
    let starts: Vec<usize> = text
        .lines()
        .filter_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            chars
                .windows(3)
                .position(|w| w[0].is_ascii_uppercase() && w[1] == ')' && w[2] == ' ')
        })
        .collect();
    assert!(starts.len() >= 2, "{text}");
    assert!(starts.iter().all(|&s| s == starts[0]), "{starts:?}\n{text}");
}
