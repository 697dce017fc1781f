//! Scripted sessions on the hand-built vault: practice and exam, shuffle
//! remapping, multi-answer, flags, jumps, time-up.

use super::*;
use crate::quiz::exam::ExamConfig;
use crate::quiz::testing::sample_vault;

fn t(secs: i64) -> Timestamp {
    Timestamp::from_secs(1_800_000_000 + secs)
}

fn session(mode: Mode, shuffle: Shuffle) -> QuizSession {
    let vault = sample_vault();
    let all: Vec<QuestionIx> = vault.quizzable().collect();
    let config = SessionConfig {
        mode,
        shuffle,
        id: SessionId("test".into()),
    };
    QuizSession::new(&vault, &all, config, t(0))
}

fn exam(minutes: u32) -> Mode {
    Mode::Exam(ExamConfig::new(4, Some(minutes), 720))
}

#[test]
fn practice_session_gives_feedback_after_each_answer_and_completes() {
    let mut s = session(Mode::Practice, Shuffle::Off);
    assert!(s.feedback(0).is_none(), "no feedback before answering");
    let a = s.answer_text("b", t(10)).unwrap();
    assert!(a.correct);
    assert_eq!(a.chosen, ['B']);
    assert!((a.seconds - 10.0).abs() < 1e-9);
    let fb = s.feedback(0).unwrap();
    assert!(fb.correct);
    assert_eq!(
        fb.picked[0].explanation.as_deref(),
        Some("정확히 2분 전에 알림이 온다.")
    );
    assert_eq!(s.answer_text("c", t(11)), Err(AnswerError::AlreadyAnswered));
    assert_eq!(s.next(t(12)), Step::Moved);
    let a = s.answer_text("a c", t(20)).unwrap();
    assert!(a.correct, "multi-answer exact set");
    assert_eq!(s.next(t(21)), Step::Moved);
    let a = s.answer_text("B", t(30)).unwrap();
    assert!(!a.correct);
    assert_eq!(a.correct_letters, ['A']);
    assert_eq!(s.skip(t(31)), Step::Moved);
    assert_eq!(s.skip(t(32)), Step::Finished);
    assert_eq!(s.ending(), Some(Ending::Completed));
    assert_eq!(
        s.score(),
        Score {
            correct: 2,
            answered: 3,
            total: 4
        }
    );
    assert!(s.exam_result().is_none());
    assert_eq!(s.attempts().len(), 3);
}

#[test]
fn multi_answer_question_says_how_many_to_pick() {
    let mut s = session(Mode::Practice, Shuffle::Off);
    s.next(t(0));
    assert_eq!(s.current().unwrap().question.pick_count(), 2);
    assert_eq!(
        s.answer_text("A", t(1)),
        Err(AnswerError::WrongCount { need: 2, got: 1 })
    );
    assert_eq!(
        s.answer_text("AZ", t(1)),
        Err(AnswerError::Letters(LetterError::Unknown("Z".into())))
    );
    let a = s.answer_text("AB", t(2)).unwrap();
    assert!(!a.correct, "no partial credit");
    assert_eq!(a.chosen, ['A', 'B']);
}

#[test]
fn shuffled_session_records_answers_in_the_notes_letters() {
    let mut found_moved = false;
    for seed in 0..10 {
        let mut s = session(Mode::Practice, Shuffle::Seeded(seed));
        let q = &s.current().unwrap().question;
        let right = q.answer.clone();
        let wrong = q
            .options
            .iter()
            .find(|o| !right.contains(&o.letter))
            .unwrap();
        let (wrong_shown, wrong_source) = (wrong.letter, wrong.source_letter);
        found_moved |= right != ['B'];
        let a = s.answer(&[wrong_shown], t(5)).unwrap();
        assert!(!a.correct);
        assert_eq!(a.chosen, [wrong_source], "stored in source letters");
        assert_eq!(a.correct_letters, ['B']);
        let fb = s.feedback(0).unwrap();
        assert_eq!(fb.right[0].source_letter, 'B');
        assert_eq!(fb.right[0].text, "2분 전");
    }
    assert!(found_moved, "some seed moves the right answer off B");
}

#[test]
fn same_seed_same_session() {
    let a = session(Mode::Practice, Shuffle::Seeded(42));
    let b = session(Mode::Practice, Shuffle::Seeded(42));
    let letters = |s: &QuizSession| -> Vec<Vec<char>> {
        s.items()
            .iter()
            .map(|i| i.question.options.iter().map(|o| o.source_letter).collect())
            .collect()
    };
    assert_eq!(letters(&a), letters(&b));
}

#[test]
fn exam_hides_feedback_allows_changes_and_grades_on_submit() {
    let mut s = session(exam(10), Shuffle::Off);
    s.answer_text("C", t(5)).unwrap();
    assert!(s.feedback(0).is_none(), "no feedback during an exam");
    let changed = s.answer_text("B", t(8)).unwrap();
    assert!(changed.correct, "an exam answer may be changed");
    assert!(s.flag());
    assert_eq!(s.next(t(9)), Step::Moved);
    s.answer_text("AC", t(20)).unwrap();
    assert!(s.jump(3, t(25)));
    s.answer_text("A", t(30)).unwrap();
    assert_eq!(
        s.next(t(31)),
        Step::AtEnd,
        "an exam stays at its last question"
    );
    let grid = s.review_grid();
    let marks: Vec<_> = grid.iter().map(|c| (c.answered, c.flagged)).collect();
    assert_eq!(
        marks,
        [(true, true), (true, false), (false, false), (true, false)]
    );
    assert!(grid[3].current);
    let r = s.submit(t(40)).unwrap().clone();
    assert_eq!(s.ending(), Some(Ending::Submitted));
    assert_eq!((r.correct, r.answered, r.total), (2, 3, 4));
    assert_eq!(r.scaled, 550);
    assert!(!r.passed && !r.timed_out);
    let emr: Vec<_> = r
        .by_tag
        .iter()
        .map(|t| (t.tag.as_str(), t.correct, t.total))
        .collect();
    assert!(emr.contains(&("service/emr", 0, 1)));
    assert!(emr.contains(&("instance/spot", 2, 2)));
    assert!(s.feedback(2).unwrap().unanswered, "feedback after submit");
    assert_eq!(s.attempts().len(), 3);
}

#[test]
fn exam_time_spent_accumulates_over_visits() {
    let mut s = session(exam(10), Shuffle::Off);
    s.next(t(10)); // 10 s on question 1 without answering
    s.jump(0, t(15)); // 5 s on question 2
    let a = s.answer_text("B", t(20)).unwrap();
    assert!((a.seconds - 15.0).abs() < 1e-9, "10 s + 5 s on two visits");
}

#[test]
fn exam_is_submitted_automatically_when_time_is_up() {
    let mut s = session(exam(1), Shuffle::Off);
    s.answer_text("B", t(30)).unwrap();
    assert!(!s.tick(t(59)));
    assert_eq!(s.time_left(t(50)), Some(10.0));
    assert_eq!(s.answer_text("A", t(61)), Err(AnswerError::TimeUp));
    assert_eq!(s.ending(), Some(Ending::TimeUp));
    let r = s.exam_result().unwrap();
    assert!(r.timed_out);
    assert_eq!((r.correct, r.answered, r.total), (1, 1, 4));
    assert!(
        (r.elapsed_secs - 60.0).abs() < 1e-9,
        "counted to the deadline"
    );
    assert!(!s.tick(t(70)), "only once");
    assert!(!s.jump(1, t(70)));
    assert!(!s.flag());
}

#[test]
fn stopping_keeps_the_answers_given() {
    let mut s = session(Mode::Practice, Shuffle::Off);
    s.answer_text("B", t(3)).unwrap();
    s.stop(t(4));
    assert_eq!(s.ending(), Some(Ending::Stopped));
    assert!(s.current().is_none());
    assert_eq!(s.answer_text("B", t(5)), Err(AnswerError::Finished));
    assert_eq!(s.score().answered, 1);
}

#[test]
fn an_empty_selection_is_finished_at_once() {
    let vault = sample_vault();
    let config = SessionConfig {
        mode: Mode::Practice,
        shuffle: Shuffle::Off,
        id: SessionId("e".into()),
    };
    let s = QuizSession::new(&vault, &[], config, t(0));
    assert!(s.is_finished() && s.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the user does, in whatever order, the session stays
        /// consistent and never panics.
        #[test]
        fn any_sequence_of_actions_keeps_the_session_consistent(
            actions in proptest::collection::vec((0u8..8, 0u8..16, 0u32..200), 0..40),
            is_exam in any::<bool>(),
            seed in any::<u64>(),
        ) {
            let mode = if is_exam { exam(5) } else { Mode::Practice };
            let mut s = session(mode, Shuffle::Seeded(seed));
            let mut now = 0;
            for (kind, arg, dt) in actions {
                now += i64::from(dt);
                let at = t(now);
                match kind {
                    0 => {
                        let letters: Vec<char> =
                            ('A'..='D').enumerate().filter(|(i, _)| arg & (1 << i) != 0).map(|(_, c)| c).collect();
                        if let Ok(a) = s.answer(&letters, at) {
                            let q = s.items().iter().find(|i| i.question.id == a.question).unwrap();
                            prop_assert!(a.chosen.iter().all(|l| q.question.options.iter().any(|o| o.source_letter == *l)));
                            prop_assert_eq!(a.correct, a.chosen == a.correct_letters);
                        }
                    }
                    1 => { s.next(at); }
                    2 => { s.skip(at); }
                    3 => { s.flag(); }
                    4 => { s.jump(usize::from(arg), at); }
                    5 => { s.submit(at); }
                    6 => { s.tick(at); }
                    _ => s.stop(at),
                }
                let score = s.score();
                prop_assert!(score.correct <= score.answered && score.answered <= score.total);
                prop_assert!(s.position() < s.len());
                if is_exam {
                    prop_assert_eq!(s.is_finished(), s.exam_result().is_some());
                    prop_assert_eq!(s.feedback(0).is_some(), s.is_finished());
                }
            }
        }
    }
}

#[test]
fn an_abandoned_exam_keeps_its_answers_but_is_not_scored() {
    let mut s = session(exam(10), Shuffle::Off);
    s.answer_text("B", t(3)).unwrap();
    s.abandon(t(4));
    assert_eq!(s.ending(), Some(Ending::Abandoned));
    assert!(s.exam_result().is_none(), "no score for an abandoned exam");
    assert_eq!(s.attempts().len(), 1);
    assert_eq!(s.answer_text("A", t(5)), Err(AnswerError::Finished));
}
