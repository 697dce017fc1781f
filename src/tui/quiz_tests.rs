//! Quiz screens and flows against `App` (the study loop's own flows are in
//! `study_loop_tests`): snapshots of every quiz phase at
//! 80×24 and 40×12, and scripted flows with a real progress store in a
//! temporary folder. Test-only.

use super::fixture::Drive;
use std::sync::mpsc::Receiver;

use super::action::Action;
use super::app::{App, AppEvent, Layer};
use super::keymap::Context;
use super::screens::quiz::Phase;
use super::snapshots::{app, screen};
use crate::quiz::Timestamp;
use crate::store::{Store, WriteReport, Writer};
use crate::vault::NoteIx;

const NOW: Timestamp = Timestamp(1_750_000_000_000);

pub(super) fn fixed() -> Timestamp {
    NOW
}

pub(super) fn quiz_app(w: u16, h: u16) -> App {
    let mut a = app();
    a.clock = fixed;
    a.feed(super::app::AppEvent::Resize(w, h));
    a
}

pub(super) fn phase(a: &App) -> Option<Phase> {
    match a.layers.last() {
        Some(Layer::Quiz(q)) => Some(q.phase),
        _ => None,
    }
}

/// Gives the app a store in `path` and a database writer whose reports
/// come back through the returned channel (see [`settle`]).
pub(super) fn attach_store(a: &mut App, path: &std::path::Path) -> Receiver<WriteReport> {
    a.store = Some(Store::open(path, NOW).unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    let writer_store = Store::open(path, NOW).unwrap();
    writer_store
        .set_busy_timeout(std::time::Duration::from_millis(20))
        .unwrap();
    a.writer = Some(
        Writer::spawn(writer_store, move |r| {
            let _ = tx.send(r);
        })
        .unwrap(),
    );
    rx
}

/// Hands the app every report of the jobs it sent, as its event loop would.
pub(super) fn settle(a: &mut App, rx: &Receiver<WriteReport>) {
    while a.in_flight > 0 {
        let r = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the writer reports every job");
        a.feed(AppEvent::Written(r));
    }
}

/// A shown letter that is wrong for the current question.
pub(super) fn wrong_letter(a: &App) -> char {
    let Some(Layer::Quiz(q)) = a.layers.last() else {
        panic!("no quiz")
    };
    let item = q.session.current().unwrap();
    item.question
        .options
        .iter()
        .map(|o| o.letter)
        .find(|l| !item.question.answer.contains(l))
        .unwrap()
}

pub(super) fn snap(name: &str, script: impl Fn(&mut App)) {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut a = quiz_app(w, h);
        script(&mut a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&mut a, w, h));
    }
}

/// Starts an exam on the fixture vault.
pub(super) fn exam(a: &mut App) {
    a.act(Action::StartQuiz);
    for _ in 0..2 {
        a.act(Action::Up);
    }
    a.act(Action::Toggle);
    a.act(Action::Confirm);
    assert_eq!(a.context(), Context::Exam);
}

pub(super) fn practice_on_spot(a: &mut App) {
    a.act(Action::NextPane);
    a.act(Action::StartQuiz);
    assert_eq!(a.context(), Context::Picker, "p opens the start dialog");
    a.act(Action::Confirm);
}

#[test]
fn practice_question() {
    snap("quiz_question", practice_on_spot);
}

#[test]
fn practice_feedback_after_a_wrong_answer() {
    snap("quiz_feedback", |a| {
        practice_on_spot(a);
        let l = wrong_letter(a);
        a.act(Action::Pick(l));
    });
}

#[test]
fn multi_answer_question_says_how_many_to_pick() {
    snap("quiz_multi", |a| {
        a.open_note(NoteIx(1));
        a.act(Action::StartQuiz);
        a.act(Action::Confirm);
        let multi = |a: &App| matches!(a.layers.last(), Some(Layer::Quiz(q)) if q.session.current().unwrap().question.pick_count() > 1);
        if !multi(a) {
            let l = wrong_letter(a);
            a.act(Action::Pick(l));
            a.act(Action::Confirm);
        }
        assert!(multi(a));
        a.act(Action::Toggle);
    });
}

#[test]
fn p_starts_through_the_dialog_on_the_open_note_from_list_and_reader() {
    use super::screens::quiz_start::Scope;
    let mut a = quiz_app(80, 24);
    for focus_reader in [false, true] {
        if focus_reader {
            a.act(Action::NextPane);
        }
        a.act(Action::StartQuiz);
        let Some(Layer::QuizStart(d)) = a.layers.last() else {
            panic!("no start dialog")
        };
        assert_eq!(d.scopes[d.scope], Scope::Note(NoteIx(0)));
        a.act(Action::Back);
    }
    // And from a note opened full screen (here from search).
    a.layers
        .push(Layer::Note(super::screens::reader::ReaderState::new(
            NoteIx(1),
        )));
    a.act(Action::StartQuiz);
    let Some(Layer::QuizStart(d)) = a.layers.last() else {
        panic!("no start dialog")
    };
    assert_eq!(d.scopes[d.scope], Scope::Note(NoteIx(1)));
}

#[test]
fn in_a_question_j_k_and_the_jamo_keys_move_and_shift_j_picks_j() {
    use super::keys::KeyChord;
    let km = &quiz_app(80, 24).keymap;
    for (c, action) in [
        ('j', Action::Down),
        ('k', Action::Up),
        ('ㅓ', Action::Down),
        ('ㅏ', Action::Up),
        ('J', Action::Pick('J')),
        ('0', Action::Pick('J')),
        ('a', Action::Pick('A')),
    ] {
        for ctx in [Context::Question, Context::Exam] {
            assert_eq!(
                km.action(ctx, KeyChord::ch(c)),
                Some(action),
                "{c} in {ctx:?}"
            );
        }
    }
}

#[test]
fn the_hint_bar_offers_space_only_on_a_multi_answer_question() {
    let mut a = quiz_app(100, 24);
    practice_on_spot(&mut a);
    let text = screen(&mut a, 100, 24);
    let hints = text.lines().last().unwrap();
    assert!(
        hints.contains("답하기") && !hints.contains("Space"),
        "{hints}"
    );
}

#[test]
fn start_dialog() {
    snap("quiz_start", |a| {
        a.act(Action::StartQuiz);
    });
}

#[test]
fn practice_answers_are_recorded_in_the_store_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    let rx = attach_store(&mut a, &dir.path().join("progress.db"));
    practice_on_spot(&mut a);
    let l = wrong_letter(&a);
    a.act(Action::Pick(l));
    assert_eq!(phase(&a), Some(Phase::Feedback));
    settle(&mut a, &rx);
    let attempts = a.store.as_ref().unwrap().attempts().unwrap();
    assert_eq!(attempts.len(), 1);
    assert!(!attempts[0].correct);
    // The wrong answer is now in the notebook, and search can find it.
    a.act(Action::Confirm);
    a.act(Action::Confirm);
    assert!(a.layers.is_empty(), "Enter on the summary leaves the quiz");
    let id = &a.vault.questions[0].id;
    assert!(a.history.get(id).unwrap().in_notebook());
}

#[test]
fn a_quiz_runs_without_a_store() {
    let mut a = quiz_app(80, 24);
    assert!(a.store.is_none());
    practice_on_spot(&mut a);
    a.act(Action::Pick('A'));
    assert_eq!(phase(&a), Some(Phase::Feedback));
}

#[test]
fn o_opens_the_note_at_the_question_and_esc_comes_back() {
    let mut a = quiz_app(80, 24);
    practice_on_spot(&mut a);
    a.act(Action::OpenNote);
    let Some(Layer::Note(r)) = a.layers.last() else {
        panic!("no note open")
    };
    assert_eq!(r.note, NoteIx(0));
    assert_eq!(r.section_here(), Some("📚 관련 문제"));
    a.act(Action::Back);
    assert_eq!(a.context(), Context::Question);
}

#[test]
fn clicking_an_option_answers_it() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut a = quiz_app(80, 24);
    practice_on_spot(&mut a);
    let (row, letter) = match a.layers.last() {
        Some(Layer::Quiz(q)) => q.option_rows[1],
        _ => panic!("no quiz"),
    };
    a.feed(super::app::AppEvent::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row,
        modifiers: KeyModifiers::NONE,
    }));
    let Some(Layer::Quiz(q)) = a.layers.last() else {
        panic!()
    };
    assert_eq!(q.phase, Phase::Feedback);
    assert_eq!(q.toggled, [letter]);
}

#[test]
fn a_note_without_questions_says_so_instead_of_starting() {
    let mut a = quiz_app(80, 24);
    let v = std::sync::Arc::make_mut(&mut a.vault);
    v.notes[0].questions.clear();
    v.questions.clear();
    practice_on_spot(&mut a);
    assert!(phase(&a).is_none(), "no quiz started");
    assert!(a.status.is_some());
}

fn with_a_wrong_answer(a: &mut App, dir: &std::path::Path) {
    let rx = attach_store(a, &dir.join("progress.db"));
    practice_on_spot(a);
    let l = wrong_letter(a);
    a.act(Action::Pick(l));
    a.act(Action::Confirm);
    a.act(Action::Confirm);
    settle(a, &rx);
}

#[test]
fn stats_screen_with_the_wrong_answer_notebook() {
    for (w, h) in [(80, 24), (40, 12)] {
        let dir = tempfile::tempdir().unwrap();
        let mut a = quiz_app(w, h);
        with_a_wrong_answer(&mut a, dir.path());
        a.act(Action::Stats);
        assert_eq!(a.context(), Context::Stats);
        insta::assert_snapshot!(format!("stats_{w}x{h}"), screen(&mut a, w, h));
    }
}

#[test]
fn stats_without_a_store_says_why() {
    let mut a = quiz_app(80, 24);
    a.act(Action::Stats);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("진도 저장소를 열 수 없어"), "{text}");
}

#[test]
fn retry_practises_the_wrong_answers_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    with_a_wrong_answer(&mut a, dir.path());
    a.act(Action::Stats);
    a.act(Action::Retry);
    let Some(Layer::Quiz(q)) = a.layers.last() else {
        panic!("no quiz: {:?}", a.status)
    };
    assert_eq!(q.session.len(), 1);
    assert_eq!(
        q.session.current().unwrap().question.id,
        a.vault.questions[0].id
    );
    // Leaving the quiz returns to the stats screen.
    a.act(Action::Back);
    a.act(Action::Back);
    assert_eq!(a.context(), Context::Stats);
}

#[test]
fn a_finished_exam_shows_in_the_stats_chart_and_its_review_reopens_from_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 30);
    let rx = attach_store(&mut a, &dir.path().join("progress.db"));
    exam(&mut a);
    a.act(Action::Flag);
    a.act(Action::Submit);
    a.act(Action::Confirm);
    a.act(Action::Back);
    settle(&mut a, &rx);
    a.act(Action::Stats);
    let text = screen(&mut a, 80, 30);
    assert!(text.contains("모의고사 점수"), "{text}");
    assert!(text.contains("합격선"), "the pass mark drawn:\n{text}");
    a.act(Action::ExamHistory);
    let text = screen(&mut a, 80, 30);
    assert!(text.contains("  1. ") && text.contains("1문제"), "{text}");
    a.act(Action::Confirm);
    assert_eq!(a.context(), Context::ExamAnswers);
    let text = screen(&mut a, 80, 30);
    assert!(
        text.contains("안 품") && text.contains("⚑ 표시함"),
        "{text}"
    );
    assert!(text.contains("비용을 줄이면서 데이터 손실을"), "{text}");
    a.act(Action::Back);
    a.act(Action::Back);
    assert_eq!(a.context(), Context::Stats);
}

fn press(a: &mut App, code: ratatui::crossterm::event::KeyCode) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    a.feed(super::app::AppEvent::Key(KeyEvent::new(
        code,
        KeyModifiers::NONE,
    )));
}

/// Practice on the spot note, one wrong answer, on to the summary.
fn summary_after_a_wrong_answer(a: &mut App) {
    practice_on_spot(a);
    let l = wrong_letter(a);
    a.act(Action::Pick(l));
    a.act(Action::Confirm);
    assert_eq!(a.context(), Context::Summary);
}

#[test]
fn enter_on_the_summary_goes_back_as_it_says() {
    use ratatui::crossterm::event::KeyCode;
    let mut a = quiz_app(80, 24);
    summary_after_a_wrong_answer(&mut a);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("Enter·Esc 돌아가기"), "{text}");
    press(&mut a, KeyCode::Enter);
    assert!(a.layers.is_empty(), "still on {:?}", a.context());
}

#[test]
fn summary_retries_the_wrong_ones_in_place_of_itself() {
    use ratatui::crossterm::event::KeyCode;
    let mut a = quiz_app(80, 24);
    summary_after_a_wrong_answer(&mut a);
    let wrong = a.vault.questions[0].id.clone();
    press(&mut a, KeyCode::Char('r'));
    assert_eq!(a.layers.len(), 1, "the old summary made way");
    let Some(Layer::Quiz(q)) = a.layers.last() else {
        panic!("no quiz: {:?}", a.status)
    };
    assert_eq!(q.session.len(), 1);
    assert_eq!(q.session.current().unwrap().question.id, wrong);
    assert_eq!(q.title, "틀린 문제 다시");
}

#[test]
fn summary_shows_a_listed_question_again_with_its_explanations() {
    snap("quiz_summary_revisit", |a| {
        summary_after_a_wrong_answer(a);
        a.act(Action::Toggle);
        assert_eq!(a.context(), Context::Revisit);
        let text = screen(a, 80, 24);
        assert!(text.contains("마스터가 중단되면"), "{text}");
        assert!(text.contains("내 답"), "{text}");
    });
    let mut a = quiz_app(80, 24);
    summary_after_a_wrong_answer(&mut a);
    a.act(Action::Toggle);
    a.act(Action::Back);
    assert_eq!(a.context(), Context::Summary, "Esc returns to the summary");
}

#[test]
fn practice_summary_lists_the_questions_with_a_highlight() {
    snap("quiz_summary", summary_after_a_wrong_answer);
}

#[test]
fn esc_from_stats_after_a_retry_returns_to_the_study_screen_not_old_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = quiz_app(80, 24);
    a.store = Some(Store::open(&dir.path().join("progress.db"), NOW).unwrap());
    summary_after_a_wrong_answer(&mut a);
    a.act(Action::Stats);
    a.act(Action::Retry);
    let Some(Layer::Quiz(_)) = a.layers.last() else {
        panic!("no quiz: {:?}", a.status)
    };
    let l = wrong_letter(&a);
    a.act(Action::Pick(l));
    a.act(Action::Confirm);
    a.act(Action::Back);
    assert_eq!(a.context(), Context::Stats);
    a.act(Action::Back);
    assert!(a.layers.is_empty(), "went back to {:?}", a.context());
}

#[test]
fn e_in_the_feedback_asks_for_the_editor_at_the_question() {
    let mut a = quiz_app(80, 24);
    a.editor = Some("nano".into());
    practice_on_spot(&mut a);
    let l = wrong_letter(&a);
    a.act(Action::Pick(l));
    a.act(Action::Edit);
    let req = a.edit_request.take().expect("an edit request");
    let q = &a.vault.questions[0];
    assert_eq!(req.line, q.line);
    assert!(req.path.ends_with(&*a.vault.notes[0].path), "{req:?}");
}

#[test]
fn a_note_opened_from_an_unanswered_question_hides_its_answers_until_asked() {
    let mut a = quiz_app(80, 40);
    practice_on_spot(&mut a);
    a.act(Action::OpenNote);
    let text = screen(&mut a, 80, 40);
    assert!(text.contains("정답과 해설 숨김"), "{text}");
    assert!(
        !text.contains("상태가 없어"),
        "the explanation is hidden:\n{text}"
    );
    assert!(!text.contains("정답: "), "{text}");
    assert!(
        text.contains("비용을 줄이면서"),
        "the question stays:\n{text}"
    );
    a.act(Action::ToggleSpoilers);
    let text = screen(&mut a, 80, 40);
    assert!(!text.contains("정답과 해설 숨김"), "{text}");
    assert!(text.contains("정답"), "{text}");
}
