//! Export and import: round trip, idempotence, order-free merging and
//! malformed lines.

use super::*;
use crate::quiz::testing::attempt;
use crate::quiz::{ExamResult, ModeKind, Scheduler, SessionId, Timestamp};
use crate::vault::QuestionId;

fn export(store: &mut Store) -> String {
    let mut out = Vec::new();
    store.export_lines(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// A machine's progress: a finished practice session with two answers
/// (`tag` makes the session and answers its own) and one shared exam
/// session seen in a state that differs by machine.
fn machine(tag: &str, exam_finished: bool, exam_answer_at: i64) -> Store {
    let mut store = Store::in_memory().unwrap();
    let s = Scheduler::new().unwrap();
    let session = SessionId(format!("practice-{tag}"));
    store
        .start_session(
            &session,
            ModeKind::Practice,
            Some(7),
            2,
            Timestamp::from_secs(100),
        )
        .unwrap();
    for (q, at) in [("q-shared", 110), (&*format!("q-{tag}"), 120)] {
        let mut a = attempt(q, &['B'], &['B'], at);
        a.session = session.clone();
        store.record(&a, Some(&s)).unwrap();
    }
    store
        .finish_session(&session, "completed", 2, None, Timestamp::from_secs(130))
        .unwrap();
    let exam = SessionId("exam-1".into());
    store
        .start_session(&exam, ModeKind::Exam, None, 1, Timestamp::from_secs(200))
        .unwrap();
    let mut a = attempt("q-exam", &['A'], &['B'], exam_answer_at);
    a.session = exam.clone();
    a.mode = ModeKind::Exam;
    store.record(&a, None).unwrap();
    if exam_finished {
        let result = ExamResult {
            correct: 0,
            answered: 1,
            total: 1,
            percent: 0.0,
            scaled: 100,
            pass_mark: 720,
            passed: false,
            by_tag: Vec::new(),
            domains: Vec::new(),
            timed_out: false,
            elapsed_secs: 60.0,
        };
        store
            .finish_session(
                &exam,
                "submitted",
                0,
                Some(&result),
                Timestamp::from_secs(300),
            )
            .unwrap();
    }
    store
        .relink(
            &QuestionId(format!("q-{tag}").into()),
            &QuestionId(format!("q-{tag}-new").into()),
            Timestamp::from_secs(400),
        )
        .unwrap()
        .unwrap();
    store
}

#[test]
fn an_export_imported_into_an_empty_database_exports_the_same() {
    let mut a = machine("a", true, 210);
    let text = export(&mut a);
    assert!(text.starts_with("{\"type\":\"header\",\"format\":\"munje-progress\""));
    let kinds = ["\"session\"", "\"attempt\"", "\"card\"", "\"link\""];
    for kind in kinds {
        assert!(
            text.contains(&format!("{{\"type\":{kind}")),
            "{kind} in {text}"
        );
    }
    let mut b = Store::in_memory().unwrap();
    let done = b.import_lines(&text).unwrap();
    assert_eq!(done.rejected, []);
    assert_eq!(done.added, text.lines().count() - 1);
    assert_eq!(export(&mut b), text);
    // The history reads the same, links included.
    assert_eq!(b.history().unwrap(), a.history().unwrap());
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let text = export(&mut machine("a", true, 210));
    let mut b = machine("b", false, 205);
    b.import_lines(&text).unwrap();
    let once = export(&mut b);
    let again = b.import_lines(&text).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(export(&mut b), once);
}

#[test]
fn two_machines_merged_in_either_order_give_the_same_database() {
    let a_text = export(&mut machine("a", true, 210));
    let b_text = export(&mut machine("b", false, 250));
    let mut ab = Store::in_memory().unwrap();
    ab.import_lines(&a_text).unwrap();
    ab.import_lines(&b_text).unwrap();
    let mut ba = Store::in_memory().unwrap();
    ba.import_lines(&b_text).unwrap();
    ba.import_lines(&a_text).unwrap();
    let merged = export(&mut ab);
    assert_eq!(merged, export(&mut ba));
    // The finished exam and the later answer to it win; both machines'
    // own answers are there.
    assert!(merged.contains("\"ending\":\"submitted\""), "{merged}");
    assert!(merged.contains("\"question_id\":\"q-exam\",\"chosen\":\"A\",\"correct_letters\":\"B\",\"is_correct\":false,\"seconds\":5.0,\"answered_at\":250000"), "{merged}");
    assert!(
        merged.contains("\"question_id\":\"q-a\"") && merged.contains("\"question_id\":\"q-b\"")
    );
    // Merging into a machine that already has its own progress agrees too.
    let mut a = machine("a", true, 210);
    a.import_lines(&b_text).unwrap();
    assert_eq!(export(&mut a), merged);
}

#[test]
fn a_malformed_line_is_reported_by_number_and_the_others_are_kept() {
    let text = export(&mut machine("a", true, 210));
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(3, "{\"type\":\"attempt\",\"session_id\":");
    lines.insert(5, "{\"type\":\"attempt\",\"session_id\":\"x\",\"mode\":\"quiz\",\"question_id\":\"q\",\"chosen\":\"A\",\"correct_letters\":\"A\",\"is_correct\":true,\"seconds\":1.0,\"answered_at\":1,\"tags\":[],\"rating\":\"good\"}");
    let broken = lines.join("\n");
    let mut b = Store::in_memory().unwrap();
    let done = b.import_lines(&broken).unwrap();
    let numbers: Vec<usize> = done.rejected.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [4, 6], "{:?}", done.rejected);
    assert!(done.rejected[1].1.contains("CHECK"), "{:?}", done.rejected);
    assert_eq!(done.added, text.lines().count() - 1);
    assert_eq!(export(&mut b), text);
}

#[test]
fn an_undo_on_one_machine_survives_merging_the_other_machine_s_copy_of_the_link() {
    let old = QuestionId("q-old".into());
    let new = QuestionId("q-new".into());
    let s = Scheduler::new().unwrap();
    let with_link = |made: i64| {
        let mut store = Store::in_memory().unwrap();
        store
            .record(&attempt("q-old", &['A'], &['B'], 10), Some(&s))
            .unwrap();
        store
            .relink(&old, &new, Timestamp::from_secs(made))
            .unwrap()
            .unwrap();
        store
    };
    let mut a = with_link(100);
    let mut b = with_link(200);
    a.unlink(&old, Timestamp::from_secs(300)).unwrap().unwrap();
    let (a_text, b_text) = (export(&mut a), export(&mut b));
    for (first, second) in [(&a_text, &b_text), (&b_text, &a_text)] {
        let mut m = Store::in_memory().unwrap();
        m.import_lines(first).unwrap();
        m.import_lines(second).unwrap();
        assert!(
            !m.links().unwrap().is_linked(&old),
            "the undo at 300 is the latest event"
        );
        assert_eq!(m.history().unwrap().get(&old).map(|h| h.attempts), Some(1));
    }
    // A link made after the undo is active again.
    b.import_lines(&a_text).unwrap();
    b.relink(&old, &new, Timestamp::from_secs(400))
        .unwrap()
        .unwrap();
    assert_eq!(b.links().unwrap().resolve(&old), &new);
}
