//! Fitting FSRS parameters and the retention figures.

use super::*;
use crate::quiz::testing::attempt;
use crate::quiz::{Scheduler, SessionId};
use crate::vault::QuestionId;

const DAY: i64 = 86_400;

/// `questions` questions, each answered on days 0, 2, 6 and 15: wrong
/// on the second answer for every third question, right otherwise.
fn studied(store: &mut Store, questions: usize) {
    let s = Scheduler::new().unwrap();
    for q in 0..questions {
        for (i, day) in [0, 2, 6, 15].into_iter().enumerate() {
            let right = !(i == 1 && q % 3 == 0);
            let letter = if right { 'B' } else { 'A' };
            let mut a = attempt(
                &format!("q-{q}"),
                &[letter],
                &['B'],
                1_800_000_000 + day * DAY,
            );
            a.session = SessionId(format!("s{day}"));
            a.rating = if right { Rating::Good } else { Rating::Again };
            store.record(&a, Some(&s)).unwrap();
        }
    }
}

#[test]
fn training_items_hold_every_answer_up_to_each_review() {
    let mut store = Store::in_memory().unwrap();
    studied(&mut store, 1);
    let items = training_items(&store.attempts().unwrap());
    assert_eq!(items.len(), 3);
    let last: Vec<(u32, u32)> = items[2]
        .reviews
        .iter()
        .map(|r| (r.rating, r.delta_t))
        .collect();
    // q-0 is one of the questions missed on its second answer.
    assert_eq!(last, [(3, 0), (1, 2), (3, 4), (3, 9)]);
}

#[test]
fn too_little_history_fits_nothing_and_keeps_the_defaults() {
    let mut store = Store::in_memory().unwrap();
    studied(&mut store, 2);
    let fit = store.optimize(Timestamp(0)).unwrap();
    assert_eq!(
        fit,
        Fit::NotEnough {
            reviews: 6,
            needed: MIN_REVIEWS
        }
    );
    assert!(store.fsrs_parameters().is_empty());
    assert!(!store.retention().unwrap().fitted_parameters);
}

#[test]
fn enough_history_fits_stores_and_schedules_with_the_parameters() {
    let mut store = Store::in_memory().unwrap();
    studied(&mut store, 30);
    let Fit::Fitted {
        parameters,
        reviews,
    } = store.optimize(Timestamp(0)).unwrap()
    else {
        panic!("30 questions answered over 15 days should fit");
    };
    assert_eq!(reviews, 90);
    assert_ne!(parameters, DEFAULT_PARAMETERS);
    assert_eq!(store.fsrs_parameters(), parameters);
    assert!(store.retention().unwrap().fitted_parameters);
    // A new card's first interval follows the fitted initial stability.
    let fitted = Scheduler::with_parameters(&store.fsrs_parameters()).unwrap();
    let default = Scheduler::with_parameters(&[]).unwrap();
    let at = Timestamp::from_secs(1_900_000_000);
    let a = fitted.review(None, Rating::Good, at).unwrap();
    let b = default.review(None, Rating::Good, at).unwrap();
    assert!(
        (a.stability - b.stability).abs() > 1e-3,
        "{} vs {}",
        a.stability,
        b.stability
    );
}

#[test]
fn measured_retention_counts_only_reviews_of_questions_seen_before() {
    let mut store = Store::in_memory().unwrap();
    assert_eq!(store.retention().unwrap().measured_retention, None);
    studied(&mut store, 3);
    // 3 questions × 3 reviews; q-0's second answer was wrong.
    let r = store.retention().unwrap();
    assert_eq!(r.reviews, 9);
    assert_eq!(r.measured_retention, Some(0.8889));
    assert!((r.desired_retention - 0.9).abs() < 1e-9);
}

#[test]
fn a_linked_question_s_first_answer_counts_as_a_review() {
    let mut store = Store::in_memory().unwrap();
    let s = Scheduler::new().unwrap();
    store
        .record(&attempt("q-old", &['A'], &['B'], 1_000), Some(&s))
        .unwrap();
    let mut later = attempt("q-new", &['B'], &['B'], 90_000);
    later.session = SessionId("s2".into());
    store.record(&later, Some(&s)).unwrap();
    assert_eq!(store.retention().unwrap().reviews, 0);
    store
        .relink(
            &QuestionId("q-old".into()),
            &QuestionId("q-new".into()),
            Timestamp(0),
        )
        .unwrap()
        .unwrap();
    let r = store.retention().unwrap();
    assert_eq!((r.reviews, r.measured_retention), (1, Some(1.0)));
}
