//! The tally against the whole-vault count after every step of a random
//! walk of answers, due dates and undos.

use super::*;
use crate::quiz::testing::{attempt, sample_vault};

const DAY_MS: i64 = 86_400_000;

/// The sample vault with a copy of each question under the same id (the
/// tally counts every quizzable question, as the whole count does), one
/// of them not quizzable.
fn vault() -> Vault {
    let mut v = sample_vault();
    let copies: Vec<_> = v.questions.clone();
    v.questions.extend(copies);
    if let Some(q) = v.questions.last_mut() {
        q.quizzable = false;
    }
    v
}

#[test]
fn the_tally_equals_the_whole_count_after_every_step_of_a_random_walk() {
    let vault = vault();
    let day = StudyDay::default();
    let now = Timestamp::from_secs(1_800_000_000);
    let mut ids: Vec<String> = vault.questions.iter().map(|q| q.id.0.to_string()).collect();
    ids.push("not-in-the-vault".into());
    let mut history = History::default();
    let mut tally = DueTally::count(&vault, &history, day, now);
    assert_eq!(tally.counts(), history.due_counts(&vault, day, now));
    let mut undo = Vec::new();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut seen_due = (false, false);
    for step in 0..400 {
        let id = ids[usize::try_from(next(ids.len() as u64)).unwrap()].clone();
        let changed = match next(4) {
            0 | 1 => {
                let right = next(2) == 0;
                let chosen: &[char] = if right { &['A'] } else { &['B'] };
                let a = attempt(&id, chosen, &['A'], 1_700_000_000 + step);
                undo.push(history.answer(&a));
                QuestionId(id.into())
            }
            2 => {
                let offset = i64::try_from(next(20)).unwrap() - 5;
                let due = Timestamp(now.0 + offset * DAY_MS / 2);
                history.set_due(&QuestionId(id.as_str().into()), due);
                QuestionId(id.into())
            }
            _ => match undo.pop() {
                Some(point) => {
                    let q = point.question.clone();
                    history.undo(point);
                    q
                }
                None => continue,
            },
        };
        tally.update(&vault, &history, &changed, day, now);
        assert_eq!(
            tally.counts(),
            history.due_counts(&vault, day, now),
            "step {step}, question {changed}"
        );
        let c = tally.counts();
        seen_due.0 |= c.today > 0;
        seen_due.1 |= c.week > c.today;
    }
    assert_eq!(seen_due, (true, true), "the walk reached both counts");
}

#[test]
fn a_question_not_in_the_vault_moves_nothing() {
    let vault = vault();
    let day = StudyDay::default();
    let now = Timestamp::from_secs(1_800_000_000);
    let mut history = History::default();
    let mut tally = DueTally::count(&vault, &history, day, now);
    let before = tally.counts();
    history.set_due(&QuestionId("elsewhere".into()), now);
    tally.update(&vault, &history, &QuestionId("elsewhere".into()), day, now);
    assert_eq!(tally.counts(), before);
    assert_eq!(tally.day(), day.day(now));
}

/// Note `rel` of the bundled deck as `text` says it, put in place.
fn edit(vault: &mut Vault, rel: &str, text: String) -> crate::vault::Edited {
    let bytes: &'static [u8] = Box::leak(text.into_bytes().into_boxed_slice());
    let job = crate::vault::Job {
        root: 0,
        rel: rel.into(),
        source: crate::vault::Source::Static(bytes),
    };
    let edit = crate::vault::read_job(job, &crate::vault::LoadOptions::default()).unwrap();
    vault.apply_edit(edit).unwrap()
}

#[test]
fn the_tally_follows_notes_edited_in_place_as_a_whole_count_would() {
    let mut vault = crate::vault::load_bundled();
    let day = StudyDay::default();
    let now = Timestamp::from_secs(1_800_000_000);
    let mut history = History::default();
    for (i, q) in vault.questions.iter().enumerate().step_by(3) {
        let chosen: &[char] = if i % 2 == 0 { &['A'] } else { &['B'] };
        history.answer(&attempt(
            &q.id.0,
            chosen,
            &['A'],
            1_799_990_000 + i64::try_from(i).unwrap(),
        ));
    }
    let mut tally = DueTally::count(&vault, &history, day, now);
    let files: Vec<(&str, String)> = crate::vault::bundled::bundled_files()
        .iter()
        .filter(|(rel, _)| rel.starts_with("notes/"))
        .map(|(rel, bytes)| (*rel, String::from_utf8(bytes.to_vec()).unwrap()))
        .collect();
    for (step, (rel, text)) in files.iter().enumerate().step_by(5) {
        // A question added (a copy of another note's), then the note's
        // last question taken away, then the note as it was.
        let (_, other) = &files[(step + 1) % files.len()];
        let copied = other.rfind("**Question").map_or("", |at| &other[at..]);
        let cut = text
            .rfind("**Question")
            .map_or(text.as_str(), |at| &text[..at]);
        for version in [format!("{text}\n{copied}"), cut.to_owned(), text.clone()] {
            let e = edit(&mut vault, rel, version);
            tally.replace(
                &vault,
                &history,
                (e.questions_before, e.questions_after),
                day,
                now,
            );
            assert_eq!(
                tally.counts(),
                history.due_counts(&vault, day, now),
                "{rel}"
            );
            // Indexes after the note moved: answering through them still
            // counts right.
            let last = vault
                .questions
                .iter()
                .rev()
                .find(|q| q.quizzable && history.get(&q.id).is_none())
                .unwrap()
                .id
                .clone();
            history.answer(&attempt(
                &last.0,
                &['B'],
                &['A'],
                1_799_999_000 + i64::try_from(step).unwrap(),
            ));
            tally.update(&vault, &history, &last, day, now);
            assert_eq!(
                tally.counts(),
                history.due_counts(&vault, day, now),
                "{rel}, answered"
            );
        }
        assert_eq!(
            tally.counts(),
            history.due_counts(&vault, day, now),
            "{rel}, answered"
        );
    }
}
