//! The rows a frame builds against the whole text they are cut from.

use super::*;
use crate::quiz::testing::{missed_history, sample_vault};
use crate::quiz::{DueCounts, StudyDay, Timestamp};

/// A screen whose notebook has 60 questions, with and without a most
/// picked wrong option (one row or two).
fn screen(with_store: bool) -> StatsState {
    let now = Timestamp::from_secs(1_800_000_000);
    let stats = with_store.then(|| {
        crate::store::Store::in_memory()
            .unwrap()
            .stats(DueCounts::default(), now, StudyDay::default())
            .unwrap()
    });
    let mut notebook = Notebook::build(&sample_vault(), &missed_history());
    let seed = notebook.questions.clone();
    for i in 0..20 {
        for q in &seed {
            let mut q = q.clone();
            q.id.0 = format!("{}-{i}", q.id.0).into();
            if i % 3 == 0 {
                q.wrong_picks.clear();
            }
            notebook.questions.push(q);
        }
    }
    StatsState::new(stats, notebook)
}

#[test]
fn a_window_is_the_same_rows_as_the_whole_text() {
    let t = Theme::default();
    for with_store in [true, false] {
        let s = screen(with_store);
        for (lang, width) in [(Lang::Ko, 80), (Lang::En, 40), (Lang::Ko, 7)] {
            let whole = stats_lines(&s, &t, lang, width);
            if with_store {
                assert!(whole.len() > 100, "the notebook is long");
            }
            for first in 0..whole.len() + 3 {
                for count in [0, 1, 5, 24] {
                    let (window, total) = stats_window(&s, (&t, lang, width), first, count);
                    assert_eq!(total, whole.len());
                    let end = (first + count).min(whole.len());
                    let expected = whole.get(first..end).unwrap_or_default();
                    assert_eq!(window, expected, "rows {first}+{count} at width {width}");
                }
            }
        }
    }
}
