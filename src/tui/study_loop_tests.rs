//! The study loop in the app, against `App` with a real store and writer:
//! when a question comes back, undo, guessed answers, today's review,
//! fitting FSRS, and answers kept while another program holds the database.

use super::fixture::Drive;
use std::sync::mpsc::Receiver;

use super::action::Action;
use super::app::{App, AppEvent, Layer};
use super::quiz_tests::{attach_store, phase, practice_on_spot, quiz_app, settle, wrong_letter};
use super::screens::quiz::Phase;
use super::snapshots::screen;
use crate::store::WriteReport;

#[test]
fn an_answer_refused_by_a_locked_database_is_kept_and_saved_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.db");
    let mut a = quiz_app(80, 24);
    let rx = attach_store(&mut a, &path);
    practice_on_spot(&mut a);
    settle(&mut a, &rx);
    // Another program holds the write lock past the busy timeout.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let l = wrong_letter(&a);
    a.act(Action::Pick(l));
    assert_eq!(phase(&a), Some(Phase::Feedback), "the quiz goes on at once");
    assert_eq!(a.in_flight, 1, "the answer waits on the writer's thread");
    settle(&mut a, &rx);
    assert_eq!(a.pending_writes, 1);
    assert!(screen(&mut a, 80, 24).contains("저장 대기 1"));
    // Still locked: the retry on the next tick is refused too.
    a.feed(AppEvent::Tick);
    settle(&mut a, &rx);
    assert_eq!(a.pending_writes, 1);
    other.execute_batch("COMMIT").unwrap();
    // The lock is gone: the next tick saves the kept answer.
    a.feed(AppEvent::Tick);
    settle(&mut a, &rx);
    assert_eq!(a.pending_writes, 0);
    assert!(!screen(&mut a, 80, 24).contains("저장 대기"));
    assert_eq!(a.save_unsaved(), 0);
    let attempts = a.store.as_ref().unwrap().attempts().unwrap();
    assert_eq!(attempts.len(), 1);
    assert!(!attempts[0].correct);
}

fn with_store(a: &mut App, dir: &tempfile::TempDir) -> Receiver<WriteReport> {
    attach_store(a, &dir.path().join("progress.db"))
}

fn right_letter(a: &App) -> char {
    let Some(Layer::Quiz(q)) = a.layers.last() else {
        panic!("no quiz")
    };
    q.session.current().unwrap().question.answer[0]
}

#[test]
fn feedback_says_when_the_question_comes_back_and_history_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    let rx = with_store(&mut a, &dir);
    practice_on_spot(&mut a);
    let l = right_letter(&a);
    a.act(Action::Pick(l));
    settle(&mut a, &rx);
    let text = screen(&mut a, 100, 40);
    assert!(
        text.contains("다음 복습: 8일 후"),
        "a fast right answer: {text}"
    );
    // The in-memory history was updated from the answer, and equals what
    // the store would give on a fresh read.
    assert_eq!(*a.history, a.store.as_ref().unwrap().history().unwrap());
    assert_eq!(a.history.questions.len(), 1);
}

#[test]
fn u_on_the_feedback_takes_the_answer_back_and_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    let rx = with_store(&mut a, &dir);
    practice_on_spot(&mut a);
    let wrong = wrong_letter(&a);
    a.act(Action::Pick(wrong));
    assert_eq!(phase(&a), Some(Phase::Feedback));
    a.act(Action::Undo);
    settle(&mut a, &rx);
    assert_eq!(phase(&a), Some(Phase::Asking), "asked again");
    let store = a.store.as_ref().unwrap();
    assert!(store.attempts().unwrap().is_empty(), "the row is gone");
    assert_eq!(store.card(&a.vault.questions[0].id).unwrap(), None);
    assert!(a.history.questions.is_empty(), "and from the history");
    a.recount_due(); // as after every event
    assert_eq!(a.due.1.never_answered, a.vault.quizzable().count());
    assert!(a.due_tally.is_some(), "counted once, then moved");
    // Answered again, right this time: one attempt, right.
    let right = right_letter(&a);
    a.act(Action::Pick(right));
    settle(&mut a, &rx);
    let attempts = a.store.as_ref().unwrap().attempts().unwrap();
    assert_eq!(attempts.len(), 1);
    assert!(attempts[0].correct);
}

#[test]
fn m_on_the_feedback_rates_a_right_guess_hard() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    let rx = with_store(&mut a, &dir);
    practice_on_spot(&mut a);
    let right = right_letter(&a);
    a.act(Action::Pick(right));
    settle(&mut a, &rx);
    let id = a.vault.questions[0].id.clone();
    let card_good = a.store.as_ref().unwrap().card(&id).unwrap().unwrap();
    a.act(Action::Guessed);
    settle(&mut a, &rx);
    let store = a.store.as_ref().unwrap();
    let attempts = store.attempts().unwrap();
    assert_eq!(attempts.len(), 1, "recorded again in place, not twice");
    assert_eq!(attempts[0].rating, crate::quiz::Rating::Hard);
    let card_hard = store.card(&id).unwrap().unwrap();
    assert!(card_hard.due < card_good.due, "a guess comes back sooner");
    assert_eq!(card_hard.reps, 1);
    assert!(screen(&mut a, 80, 24).contains("찍어서 맞힘"));
    // m again: not a guess after all.
    a.act(Action::Guessed);
    settle(&mut a, &rx);
    assert_eq!(*a.history, a.store.as_ref().unwrap().history().unwrap());
    let attempts = a.store.as_ref().unwrap().attempts().unwrap();
    assert_eq!(attempts.len(), 1);
    assert_ne!(attempts[0].rating, crate::quiz::Rating::Hard);
}

#[test]
fn r_starts_todays_review_with_exactly_the_due_questions() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    let rx = with_store(&mut a, &dir);
    a.act(Action::ReviewDue);
    assert!(a.layers.is_empty(), "nothing is due yet");
    // Answer one wrong: it comes back within the day.
    practice_on_spot(&mut a);
    let wrong = wrong_letter(&a);
    a.act(Action::Pick(wrong));
    a.act(Action::Back);
    a.act(Action::Back);
    settle(&mut a, &rx);
    assert!(a.layers.is_empty());
    a.recount_due(); // as after every event
    assert_eq!(a.due.1.today, 1, "the header counts it");
    assert_eq!(
        a.due.1,
        a.history.due_counts(&a.vault, a.study_day, (a.clock)()),
        "the counts moved answer by answer equal a whole recount"
    );
    assert!(screen(&mut a, 80, 24).contains("오늘 복습 1"));
    a.act(Action::ReviewDue);
    let Some(Layer::Quiz(q)) = a.layers.last() else {
        panic!("today's review did not start")
    };
    assert_eq!(q.session.len(), 1);
    assert_eq!(q.title, "오늘의 복습");
}

#[test]
fn the_stats_screen_fits_fsrs_on_the_writer_thread_and_says_what_came_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    let rx = attach_store(&mut a, &dir.path().join("progress.db"));
    a.act(Action::Stats);
    a.act(Action::Optimize);
    assert!(screen(&mut a, 80, 24).contains("맞추는 중"));
    settle(&mut a, &rx);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("기록이 아직 부족합니다"), "{text}");
    assert!(
        a.store.as_ref().unwrap().fsrs_parameters().is_empty(),
        "nothing stored"
    );
}
