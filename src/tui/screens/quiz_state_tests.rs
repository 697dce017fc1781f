//! Tests of the quiz screen's state machine (`screens::quiz`).

use super::*;
use crate::quiz::{ExamConfig, SessionConfig, SessionId, Shuffle};
use crate::tui::fixture;

fn quiz(mode: Mode, questions: &[usize]) -> QuizState {
    let vault = fixture::vault();
    let ix: Vec<QuestionIx> = questions.iter().map(|&i| QuestionIx(i)).collect();
    let config = SessionConfig {
        mode,
        shuffle: Shuffle::Off,
        id: SessionId("t".into()),
    };
    QuizState::new(QuizSession::new(&vault, &ix, config, T0), "t".into(), None)
}

const T0: Timestamp = Timestamp(1_000_000);

#[test]
fn a_letter_answers_a_single_answer_question_at_once() {
    let mut q = quiz(Mode::Practice, &[0]);
    let out = q.apply(Action::Pick('A'), T0);
    assert!(matches!(out, Outcome::Answered(a) if !a.correct));
    assert_eq!(q.phase, Phase::Feedback);
    assert_eq!(q.apply(Action::Confirm, T0), Outcome::Finished);
    assert_eq!(q.phase, Phase::Done);
}

#[test]
fn a_multi_answer_question_toggles_and_waits_for_the_right_count() {
    let mut q = quiz(Mode::Practice, &[1]);
    assert_eq!(q.apply(Action::Pick('B'), T0), Outcome::None);
    assert_eq!(q.toggled, ['B']);
    assert_eq!(q.apply(Action::Confirm, T0), Outcome::NeedCount(2));
    q.apply(Action::Down, T0);
    q.apply(Action::Down, T0);
    q.apply(Action::Down, T0);
    assert_eq!(q.apply(Action::Toggle, T0), Outcome::None);
    assert_eq!(q.toggled, ['B', 'D']);
    let out = q.apply(Action::Confirm, T0);
    assert!(matches!(out, Outcome::Answered(a) if a.correct));
}

#[test]
fn arrows_and_enter_answer_the_highlighted_option() {
    let mut q = quiz(Mode::Practice, &[0, 2]);
    // Nothing is highlighted yet: the Enter that started the quiz
    // does not answer option A.
    assert_eq!(q.apply(Action::Confirm, T0), Outcome::ChooseFirst);
    assert_eq!(q.phase, Phase::Asking);
    // The first move shows the highlight on A, then it moves.
    q.apply(Action::Down, T0);
    assert_eq!(q.cursor, 0);
    q.apply(Action::Down, T0);
    q.apply(Action::Down, T0);
    let out = q.apply(Action::Confirm, T0);
    assert!(matches!(out, Outcome::Answered(a) if a.correct));
    assert_eq!(q.apply(Action::Confirm, T0), Outcome::None);
    assert_eq!((q.phase, q.session.position()), (Phase::Asking, 1));
}

#[test]
fn space_pressed_again_after_feedback_does_not_answer_the_next_question() {
    let mut q = quiz(Mode::Practice, &[0, 2]);
    q.apply(Action::Pick('A'), T0);
    assert_eq!(q.phase, Phase::Feedback);
    // Space in the feedback is "next" (Confirm); in the question it is
    // Toggle.
    q.apply(Action::Confirm, T0);
    assert_eq!((q.phase, q.session.position()), (Phase::Asking, 1));
    assert_eq!(q.apply(Action::Toggle, T0), Outcome::None);
    assert_eq!(q.apply(Action::Confirm, T0), Outcome::ChooseFirst);
    assert_eq!(q.phase, Phase::Asking, "still unanswered");
}

#[test]
fn esc_in_an_exam_asks_before_submitting_and_can_go_back() {
    let mut q = quiz(Mode::Exam(ExamConfig::new(3, Some(10), 720)), &[0, 1, 2]);
    q.apply(Action::Pick('C'), T0);
    assert_eq!(q.phase, Phase::Asking, "exam gives no feedback");
    q.apply(Action::Back, T0);
    assert_eq!(q.phase, Phase::ConfirmSubmit);
    q.apply(Action::Back, T0);
    assert_eq!(q.phase, Phase::Asking);
    q.apply(Action::Submit, T0);
    assert_eq!(q.apply(Action::Confirm, T0), Outcome::Finished);
    let result = q.session.exam_result().unwrap();
    assert_eq!((result.correct, result.total), (1, 3));
}

#[test]
fn an_exam_can_be_abandoned_unscored_and_esc_goes_back_one_level() {
    let mut q = quiz(Mode::Exam(ExamConfig::new(3, Some(10), 720)), &[0, 1, 2]);
    q.apply(Action::Pick('C'), T0);
    q.apply(Action::Review, T0);
    q.apply(Action::Right, T0);
    q.apply(Action::Submit, T0);
    assert_eq!(q.phase, Phase::ConfirmSubmit);
    q.apply(Action::Back, T0);
    assert_eq!(q.phase, Phase::Review { cursor: 1 }, "back to the grid");
    q.apply(Action::Back, T0);
    assert_eq!(q.phase, Phase::Asking, "back to the question");
    q.apply(Action::Back, T0);
    assert_eq!(q.phase, Phase::ConfirmSubmit);
    assert_eq!(q.apply(Action::Abandon, T0), Outcome::Finished);
    assert_eq!(q.phase, Phase::Done);
    assert_eq!(q.session.ending(), Some(crate::quiz::Ending::Abandoned));
    assert!(q.session.exam_result().is_none());
    assert_eq!(q.apply(Action::Review, T0), Outcome::OpenReview);
}

#[test]
fn exam_review_grid_jumps_to_a_question_and_flags_show() {
    let mut q = quiz(Mode::Exam(ExamConfig::new(3, Some(10), 720)), &[0, 1, 2]);
    q.apply(Action::Flag, T0);
    q.apply(Action::Review, T0);
    q.apply(Action::Right, T0);
    q.apply(Action::Right, T0);
    q.apply(Action::Confirm, T0);
    assert_eq!(q.session.position(), 2);
    assert!(q.session.review_grid()[0].flagged);
}

#[test]
fn the_exam_ends_when_time_runs_out() {
    let mut q = quiz(Mode::Exam(ExamConfig::new(3, Some(1), 720)), &[0, 1, 2]);
    assert_eq!(q.tick(Timestamp(T0.0 + 61_000)), Outcome::Finished);
    assert_eq!(q.phase, Phase::Done);
    assert!(q.session.exam_result().unwrap().timed_out);
}
