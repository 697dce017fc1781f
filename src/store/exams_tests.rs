//! The exam history against a real (in-memory) store: what is kept at the
//! start and end of an exam, newest first, abandoned exams unscored, and
//! a past exam reviewed against a vault that has since changed.

use crate::quiz::testing::sample_vault;
use crate::quiz::{
    BlueprintDomains, DomainLevel, ExamConfig, ExamReview, Mode, QuizSession, Scheduler,
    SessionConfig, SessionId, Shuffle, Timestamp,
};
use crate::store::{Recorder, Store};
use crate::vault::QuestionIx;

fn exam(id: &str, start: i64) -> QuizSession {
    let vault = sample_vault();
    let all: Vec<QuestionIx> = vault.quizzable().collect();
    let config = SessionConfig {
        mode: Mode::Exam(ExamConfig::new(all.len(), Some(10), 720)),
        shuffle: Shuffle::Seeded(3),
        id: SessionId(id.into()),
    };
    let mut s = QuizSession::new(&vault, &all, config, Timestamp(start));
    s.set_title(Some("#service".into()));
    s
}

/// Runs an exam through the one recorder: the first question right and
/// flagged, the second wrong, the rest unanswered.
fn take(store: &mut Store, s: &mut QuizSession, start: i64, abandon: bool) {
    let mut rec = Recorder::new(Scheduler::new().unwrap(), Some(3));
    rec.start(store, s, Timestamp(start)).unwrap();
    let right = s.items()[0].question.answer.clone();
    let a = s.answer(&right, Timestamp(start + 30_000)).unwrap();
    rec.answered(store, &a);
    s.flag();
    s.next(Timestamp(start + 31_000));
    let q = &s.items()[1].question;
    let wrong: Vec<char> = q
        .options
        .iter()
        .map(|o| o.letter)
        .filter(|l| !q.answer.contains(l))
        .take(q.pick_count())
        .collect();
    let a = s.answer(&wrong, Timestamp(start + 60_000)).unwrap();
    rec.answered(store, &a);
    let end = Timestamp(start + 120_000);
    if abandon {
        s.abandon(end);
    } else {
        s.submit(end);
    }
    rec.finished(store, s, end).unwrap();
}

#[test]
fn finished_exams_are_kept_newest_first_with_their_questions() {
    let mut store = Store::in_memory().unwrap();
    let mut first = exam("e1", 1_000_000);
    take(&mut store, &mut first, 1_000_000, false);
    let mut second = exam("e2", 9_000_000);
    take(&mut store, &mut second, 9_000_000, true);
    let exams = store.exams().unwrap();
    let ids: Vec<&str> = exams.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e2", "e1"], "newest first");
    let scored = &exams[1];
    assert_eq!(
        (scored.questions, scored.answered, scored.correct),
        (4, 2, 1)
    );
    assert_eq!(scored.scaled, Some(325));
    assert_eq!(scored.passed, Some(false));
    assert!(!scored.abandoned);
    assert_eq!(scored.title.as_deref(), Some("#service"));
    assert!((scored.minutes() - 2.0).abs() < 1e-9);
    assert_eq!(scored.asked.len(), 4);
    assert!(scored.asked[0].flagged && !scored.asked[1].flagged);
    assert_eq!(
        scored.asked[0].snapshot.stem,
        first.items()[0].question.stem
    );
    assert!(scored.asked[2].chosen.is_none(), "unanswered");
    assert!(scored.weakest().count() > 0);
    let abandoned = &exams[0];
    assert!(abandoned.abandoned);
    assert_eq!((abandoned.scaled, abandoned.passed), (None, None));
    assert_eq!(store.exam_scores().unwrap().len(), 1, "only scored exams");
    assert_eq!(store.kept_questions("e1"), 4);
    assert_eq!(
        store.find_exam("1").unwrap().map(|e| e.id),
        Some("e2".into())
    );
    assert_eq!(
        store.find_exam("e1").unwrap().map(|e| e.id),
        Some("e1".into())
    );
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let mut store = Store::in_memory().unwrap();
    let mut s = exam("e1", 1_000_000);
    take(&mut store, &mut s, 1_000_000, false);
    let e = &store.exams().unwrap()[0];
    let v = serde_json::to_value(e.json()).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "abandoned",
            "answered",
            "blueprint",
            "correct",
            "domains",
            "finished_at",
            "id",
            "pass",
            "passed",
            "questions",
            "scaled",
            "started_at"
        ]
    );
    let d = &v["domains"][0];
    let mut dk: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    dk.sort_unstable();
    assert_eq!(dk, ["correct", "level", "name", "questions"]);
    assert!(v["blueprint"].is_null());
    let names: Vec<&str> = e.domains.iter().map(|d| d.name.as_str()).collect();
    assert!(
        names.contains(&"service") && names.contains(&"instance"),
        "top-level tags: {names:?}"
    );
}

#[test]
fn a_blueprint_exam_keeps_its_domains() {
    let mut store = Store::in_memory().unwrap();
    let mut s = exam("e1", 1_000_000);
    let domains = vec![
        "스팟".to_owned(),
        "스팟".to_owned(),
        "EMR".into(),
        "EMR".into(),
    ];
    s.set_blueprint(BlueprintDomains {
        name: "작은 시험".into(),
        domains,
    });
    take(&mut store, &mut s, 1_000_000, false);
    let result = s.exam_result().unwrap();
    let live: Vec<_> = result
        .domains
        .iter()
        .map(|d| (d.name.as_str(), d.correct))
        .collect();
    assert_eq!(live, [("EMR", 0), ("스팟", 1)], "weakest first");
    let e = &store.exams().unwrap()[0];
    assert_eq!(e.blueprint.as_deref(), Some("작은 시험"));
    let kept: Vec<_> = e
        .domains
        .iter()
        .map(|d| (d.name.as_str(), d.questions, d.correct, d.level))
        .collect();
    assert_eq!(
        kept,
        [
            ("EMR", 2, 0, DomainLevel::NeedsImprovement),
            ("스팟", 2, 1, DomainLevel::NeedsImprovement)
        ]
    );
}

#[test]
fn a_past_exam_is_reviewed_against_the_vault_now() {
    let mut store = Store::in_memory().unwrap();
    let mut s = exam("e1", 1_000_000);
    take(&mut store, &mut s, 1_000_000, false);
    let e = &store.exams().unwrap()[0];
    // The first question's note was since rewritten away.
    let mut vault = sample_vault();
    let gone = e.asked[0].id.clone();
    let ix = vault.questions.iter().position(|q| q.id == gone).unwrap();
    vault.questions[ix].id = crate::vault::QuestionId("renamed".into());
    let review = ExamReview::from_asked(&e.asked, &vault);
    assert!(!review.items[0].in_vault);
    assert_eq!(review.items[0].question.stem, s.items()[0].question.stem);
    assert!(review.items[0].is_right(), "graded against its snapshot");
    assert!(review.items[0].flagged);
    assert!(review.items[1].in_vault && !review.items[1].is_right());
    assert_eq!(review.count(crate::quiz::ReviewFilter::Unanswered), 2);
}
