//! Scripted line-mode sessions on the hand-built vault.

use super::*;
use crate::quiz::testing::sample_vault;
use crate::quiz::{ExamConfig, SessionConfig, SessionId, Shuffle};
use crate::vault::QuestionIx;

#[derive(Default)]
struct Log {
    attempts: Vec<Attempt>,
    finished: usize,
}

impl AnswerSink for Log {
    fn answered(
        &mut self,
        _: &QuizSession,
        attempt: &Attempt,
    ) -> anyhow::Result<Option<Timestamp>> {
        self.attempts.push(attempt.clone());
        Ok(Some(attempt.at.plus_days(3.0)))
    }
    fn undo(&mut self) -> anyhow::Result<Option<Attempt>> {
        Ok(self.attempts.pop())
    }
    fn finished(&mut self, _: &QuizSession, _: Timestamp) -> anyhow::Result<()> {
        self.finished += 1;
        Ok(())
    }
}

fn session(mode: Mode) -> QuizSession {
    let vault = sample_vault();
    let all: Vec<QuestionIx> = vault.quizzable().collect();
    let config = SessionConfig {
        mode,
        shuffle: Shuffle::Off,
        id: SessionId("line".into()),
    };
    QuizSession::new(&vault, &all, config, Timestamp(0))
}

/// Runs a script; the clock moves `step` seconds per reading.
fn script(s: &mut QuizSession, input: &str, lang: Lang, step: f64) -> (String, Log) {
    let mut log = Log::default();
    let mut out = Vec::new();
    let mut t = Timestamp(0);
    let mut clock = || {
        t = t.plus_seconds(step);
        t
    };
    let options = LineOptions {
        review: crate::quiz::ReviewFilter::All,
        lang,
        prompt: false,
    };
    run(s, &mut log, input.as_bytes(), &mut out, &mut clock, options).unwrap();
    (String::from_utf8(out).unwrap(), log)
}

#[test]
fn practice_script_prints_verdicts_explanations_and_the_score() {
    let mut s = session(Mode::Practice);
    let (out, log) = script(&mut s, "b\n?\nA\nAC\nx\nb\ns\n", Lang::En, 1.0);
    assert!(
        out.contains("[1/4] 스팟 인스턴스 중단 알림은 언제 오는가?\n  A) 30초 전\n  B) 2분 전")
    );
    assert!(out.contains("\nCorrect.\n"), "{out}");
    assert!(out.contains("✓ B) 2분 전 — 정확히 2분 전에 알림이 온다."));
    assert!(out.contains("Key point: 스팟은 2분 전에 중단 알림을 받는다."));
    assert!(out.contains("Note: 스팟 인스턴스 (vault/spot.md:20)"));
    assert!(out.contains("(Choose 2.)"));
    assert!(
        out.contains("Pick 2 letters (A–D; e.g. B, AC, a c). s skips, q stops."),
        "{out}"
    );
    assert!(
        out.contains("Pick 2 letters.\n"),
        "one letter for a choose-two is refused"
    );
    assert!(out.contains("\"x\" is not one of the options; ? for help."));
    assert!(out.contains("Incorrect. The answer is A."), "{out}");
    assert!(out.trim_end().ends_with("Score: 2/3 (67%)"), "{out}");
    assert!(!out.contains('\x1b'), "no escape codes");
    let chosen: Vec<String> = log
        .attempts
        .iter()
        .map(|a| a.chosen.iter().collect())
        .collect();
    assert_eq!(chosen, ["B", "AC", "B"]);
    assert_eq!(log.finished, 1);
}

#[test]
fn end_of_input_ends_cleanly_keeping_answers() {
    let mut s = session(Mode::Practice);
    let (out, log) = script(&mut s, "C\n", Lang::En, 1.0);
    assert!(out.contains("Incorrect. The answer is B."));
    assert!(out.trim_end().ends_with("Score: 0/1 (0%)"));
    assert_eq!(log.attempts.len(), 1);
    assert_eq!(s.ending(), Some(crate::quiz::Ending::Stopped));
}

#[test]
fn q_stops_and_korean_speaks_korean() {
    let mut s = session(Mode::Practice);
    let (out, log) = script(&mut s, "ㅠ\nq\nB\n", Lang::Ko, 1.0);
    assert!(out.contains("\n정답입니다.\n"), "{out}");
    assert!(out.trim_end().ends_with("점수: 1/1 (100%)"), "{out}");
    assert_eq!(log.attempts.len(), 1, "nothing read after q");
    let mut s = session(Mode::Practice);
    let (out, _) = script(&mut s, "A\n", Lang::Ko, 1.0);
    assert!(out.contains("오답입니다. 정답은 B입니다."));
}

#[test]
fn exam_script_flags_skips_reviews_jumps_and_submits() {
    let mut s = session(Mode::Exam(ExamConfig::new(4, Some(10), 720)));
    let input = "C\nf\nAC\ns\nD\n1\nB\n3\nB\n\n";
    let (out, log) = script(&mut s, input, Lang::En, 1.0);
    let submitted = out.find("Scaled score").unwrap();
    assert!(
        !out[..submitted].contains("Correct."),
        "no feedback before submitting"
    );
    assert!(out.contains("Flagged for review."));
    assert!(
        out.contains("Review: answered 1 2 4 | unanswered 3 | flagged 2"),
        "{out}"
    );
    assert!(
        out.contains("Review: answered 1 2 3 4 | unanswered - | flagged 2"),
        "{out}"
    );
    assert!(
        out.contains("Scaled score: 775/1000 — pass (pass mark 720)"),
        "{out}"
    );
    assert!(out.contains("By tag:\n  exam/saa"), "{out}");
    // Then every question, in exam order, with its time and explanations.
    let review = out
        .find("Review (all, 4/4)")
        .expect("the review follows the result");
    assert!(review > submitted, "{out}");
    assert!(out[review..].contains("[2/4] [flagged]"), "{out}");
    assert!(out[review..].contains("Time spent:"), "{out}");
    assert!(out.contains("  service/emr         0/1 (0%)"), "{out}");
    assert!(out.trim_end().ends_with("Score: 3/4 (75%)"), "{out}");
    // The changed answer to question 1 is recorded again, replacing C.
    let chosen: Vec<String> = log
        .attempts
        .iter()
        .map(|a| a.chosen.iter().collect())
        .collect();
    assert_eq!(chosen, ["C", "AC", "D", "B", "B"]);
}

#[test]
fn exam_is_submitted_when_time_runs_out() {
    let mut s = session(Mode::Exam(ExamConfig::new(4, Some(1), 720)));
    // The clock moves 8 s per reading, three readings a question: the
    // third answer comes after the minute is up.
    let (out, log) = script(&mut s, "B\nAC\nA\nD\n", Lang::En, 8.0);
    assert!(out.contains("Time is up; the exam was submitted."), "{out}");
    assert_eq!(log.attempts.len(), 2);
    assert!(
        out.contains("Not answered. The answer is A."),
        "review after the exam"
    );
    assert!(out.trim_end().ends_with("Score: 2/4 (50%)"), "{out}");
}

/// The fixture vault of the integration tests, loaded from disk.
fn fixture_session(mode: Mode, shuffle: Shuffle) -> QuizSession {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quiz/vault");
    let vault =
        crate::vault::load(&[root], &crate::vault::LoadOptions::default(), &|_| {}).unwrap();
    assert!(vault.diagnostics.is_empty(), "{:?}", vault.diagnostics);
    let all: Vec<QuestionIx> = vault.quizzable().collect();
    assert_eq!(all.len(), 5);
    let config = SessionConfig {
        mode,
        shuffle,
        id: SessionId("fixture".into()),
    };
    QuizSession::new(&vault, &all, config, Timestamp(0))
}

#[test]
fn fixture_exam_with_flags_runs_out_of_time_and_is_graded() {
    // 1 minute; the clock moves 8 s per reading (three a question).
    let mut s = fixture_session(Mode::Exam(ExamConfig::new(5, Some(1), 720)), Shuffle::Off);
    let (out, log) = script(&mut s, "A\nf\nC\nB\nAC\nA\n", Lang::En, 8.0);
    assert!(
        out.contains("[2/5] (0:") && out.contains("Flagged for review."),
        "{out}"
    );
    assert!(out.contains("Time is up; the exam was submitted."), "{out}");
    let chosen: Vec<String> = log
        .attempts
        .iter()
        .map(|a| a.chosen.iter().collect())
        .collect();
    assert_eq!(chosen, ["A", "C"], "the minute ran out while moving on");
    assert!(
        !out.contains("[3/5] ("),
        "nothing is asked after the deadline"
    );
    assert!(
        out.contains("Scaled score: 460/1000 — fail (pass mark 720)"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("Score: 2/5 (40%)"), "{out}");
    assert!(s.items()[1].flagged);
}

#[test]
fn fixture_practice_with_shuffled_options_grades_by_the_shown_letters() {
    let mut s = fixture_session(Mode::Practice, Shuffle::Seeded(3));
    // Answer every question with the letters the shuffle gave its right options.
    let input: String = s
        .items()
        .iter()
        .map(|i| i.question.answer.iter().collect::<String>() + "\n")
        .collect();
    let moved = s
        .items()
        .iter()
        .any(|i| i.question.answer != i.question.source_answer());
    assert!(moved, "seed 3 moves some right answer to another letter");
    let (out, log) = script(&mut s, &input, Lang::En, 1.0);
    assert_eq!(out.matches("\nCorrect.\n").count(), 5, "{out}");
    assert!(
        log.attempts
            .iter()
            .all(|a| a.correct && a.chosen == a.correct_letters)
    );
    assert!(out.trim_end().ends_with("Score: 5/5 (100%)"));
}

#[test]
fn u_takes_the_last_answer_back_and_asks_it_again() {
    let mut s = session(Mode::Practice);
    // Wrong, take it back, right: one attempt is left, the right one.
    let (out, log) = script(&mut s, "a\nu\nb\nq\n", Lang::Ko, 1.0);
    assert!(out.contains("다음 복습: 3일 후"), "{out}");
    assert!(out.contains("마지막 답을 취소했습니다"), "{out}");
    assert_eq!(log.attempts.len(), 1, "{out}");
    assert_eq!(log.attempts[0].chosen, ['B']);
    assert!(log.attempts[0].correct);
    assert_eq!(
        out.matches("[1/4] 스팟 인스턴스 중단 알림은 언제 오는가?")
            .count(),
        2,
        "asked again: {out}"
    );
}

#[test]
fn a_trailing_question_mark_is_a_guess_and_a_right_guess_is_hard() {
    let mut s = session(Mode::Practice);
    let (out, log) = script(&mut s, "b?\nq\n", Lang::En, 1.0);
    assert_eq!(log.attempts.len(), 1, "{out}");
    assert!(log.attempts[0].correct);
    assert_eq!(log.attempts[0].rating, crate::quiz::Rating::Hard);
}

#[test]
fn nothing_to_take_back_says_so() {
    let mut s = session(Mode::Practice);
    let (out, log) = script(&mut s, "u\nq\n", Lang::En, 1.0);
    assert!(out.contains("There is no answer to take back."), "{out}");
    assert!(log.attempts.is_empty());
}

#[test]
fn a_line_that_is_not_utf8_is_refused_and_asked_again() {
    let mut s = session(Mode::Practice);
    let mut log = Log::default();
    let mut out = Vec::new();
    let mut clock = || Timestamp(0);
    let options = LineOptions {
        lang: Lang::Ko,
        prompt: false,
        review: crate::quiz::ReviewFilter::All,
    };
    // 가 in EUC-KR, then the right answer.
    let input: &[u8] = b"\xb0\xa1\nB\n";
    run(&mut s, &mut log, input, &mut out, &mut clock, options).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("UTF-8"), "{out}");
    assert!(out.contains("\n정답입니다.\n"), "{out}");
    assert_eq!(log.attempts.len(), 1);
}

#[test]
fn an_exam_can_be_abandoned_unscored_and_reviewed_by_filter() {
    let mut s = session(Mode::Exam(ExamConfig::new(4, Some(10), 720)));
    let input = "B\nabandon\n";
    let (out, log) = script(&mut s, input, Lang::Ko, 1.0);
    assert!(
        out.contains("모의고사를 그만두었습니다 (채점하지 않음)."),
        "{out}"
    );
    assert!(!out.contains("환산 점수"), "not scored: {out}");
    assert!(s.exam_result().is_none());
    assert_eq!(log.attempts.len(), 1);
    assert!(out.contains("문제별 검토 (전체, 4/4)"), "{out}");
}
