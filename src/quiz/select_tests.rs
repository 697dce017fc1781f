//! Selection on the hand-built vault.

use super::*;
use crate::quiz::testing::{attempt, sample_vault};
use crate::vault::QuestionId;

fn ids(vault: &Vault, list: &[QuestionIx]) -> Vec<String> {
    list.iter()
        .map(|&ix| vault.question(ix).id.0.to_string())
        .collect()
}

fn tag(s: &str) -> Tag {
    Tag::parse(s).unwrap()
}

fn run(sel: &Selection, history: &History) -> Vec<String> {
    let vault = sample_vault();
    let list = select(
        &vault,
        sel,
        history,
        Timestamp::from_secs(100),
        StudyDay::UTC_MIDNIGHT,
    )
    .unwrap();
    ids(&vault, &list)
}

fn unshuffled() -> Selection {
    Selection {
        shuffle: Shuffle::Off,
        ..Selection::default()
    }
}

#[test]
fn tags_are_hierarchical_several_and_excludable() {
    let h = History::default();
    let sel = Selection {
        tags: vec![tag("service")],
        ..unshuffled()
    };
    assert_eq!(run(&sel, &h), ["emr-primary", "emr-sizing"]);
    let sel = Selection {
        tags: vec![tag("service/emr/sizing"), tag("instance")],
        ..unshuffled()
    };
    assert_eq!(run(&sel, &h), ["spot-notice", "spot-fit", "emr-sizing"]);
    let sel = Selection {
        not_tags: vec![tag("service/emr/sizing"), tag("instance/spot")],
        ..unshuffled()
    };
    assert_eq!(run(&sel, &h), ["emr-primary"]);
}

#[test]
fn by_note_and_count() {
    let h = History::default();
    let sel = Selection {
        note: Some("emr 클러스터 크기".into()),
        count: Some(1),
        ..unshuffled()
    };
    assert_eq!(run(&sel, &h), ["emr-primary"]);
    let vault = sample_vault();
    let sel = Selection {
        note: Some("없는 노트".into()),
        ..unshuffled()
    };
    let err = select(&vault, &sel, &h, Timestamp(0), StudyDay::UTC_MIDNIGHT).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no note titled \"없는 노트\" (nor with that file name or alias)"
    );
}

#[test]
fn wrong_only_takes_the_notebook_and_due_only_the_due() {
    let mut h = History::from_attempts(&[
        attempt("spot-notice", &['C'], &['B'], 1),
        attempt("emr-primary", &['A'], &['A'], 1),
    ]);
    h.questions
        .get_mut(&QuestionId("emr-primary".into()))
        .unwrap()
        .due = Some(Timestamp::from_secs(50));
    h.questions
        .get_mut(&QuestionId("spot-notice".into()))
        .unwrap()
        .due = Some(Timestamp::from_secs(500));
    let sel = Selection {
        wrong_only: true,
        ..unshuffled()
    };
    assert_eq!(run(&sel, &h), ["spot-notice"]);
    let sel = Selection {
        due_only: true,
        ..unshuffled()
    };
    // Due later today counts as due today: the learning day ends at
    // midnight UTC here.
    assert_eq!(run(&sel, &h), ["spot-notice", "emr-primary"]);
    h.questions
        .get_mut(&QuestionId("spot-notice".into()))
        .unwrap()
        .due = Some(Timestamp::from_secs(86_400));
    assert_eq!(run(&sel, &h), ["emr-primary"], "tomorrow is not today");
}

#[test]
fn weakest_tags_come_first() {
    let h = History::from_attempts(&[
        attempt("emr-primary", &['B'], &['A'], 1),
        attempt("spot-notice", &['B'], &['B'], 1),
    ]);
    let sel = Selection {
        weakest_first: true,
        ..unshuffled()
    };
    let order = run(&sel, &h);
    assert_eq!(&order[..2], ["emr-primary", "emr-sizing"], "{order:?}");
    assert_eq!(&order[2..], ["spot-notice", "spot-fit"]);
}

#[test]
fn seeded_shuffle_is_repeatable_and_keeps_every_question() {
    let h = History::default();
    let sel = Selection {
        shuffle: Shuffle::Seeded(9),
        ..Selection::default()
    };
    let a = run(&sel, &h);
    assert_eq!(a, run(&sel, &h));
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        ["emr-primary", "emr-sizing", "spot-fit", "spot-notice"]
    );
}

#[test]
fn exam_plan_spreads_new_questions_so_all_are_seen_in_time() {
    let vault = sample_vault();
    let now = Day::parse("2026-11-21")
        .unwrap()
        .start(crate::quiz::UtcOffset::UTC);
    let mut h = History::from_attempts(&[attempt("emr-primary", &['B'], &['A'], 1)]);
    h.questions
        .get_mut(&QuestionId("emr-primary".into()))
        .unwrap()
        .due = Some(now);
    let pool: Vec<QuestionIx> = vault.quizzable().collect();
    let exam = Day::parse("2026-11-23").unwrap();
    let p = plan(
        &vault,
        &pool,
        &h,
        now,
        StudyDay::UTC_MIDNIGHT,
        exam,
        Shuffle::Off,
    );
    assert_eq!((p.days_left, p.unseen, p.new_per_day), (2, 3, 2));
    let today = ids(&vault, &p.today);
    assert_eq!(today[0], "emr-primary", "due first");
    assert_eq!(today[1], "emr-sizing", "then new ones, weakest tags first");
    assert_eq!(today.len(), 3);
    let sel = Selection {
        exam_date: Some(exam),
        ..unshuffled()
    };
    let chosen = select(&vault, &sel, &h, now, StudyDay::UTC_MIDNIGHT).unwrap();
    assert_eq!(chosen, p.today);
}
