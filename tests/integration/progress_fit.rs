//! `munje progress optimize` and the retention figures of `munje stats`.

use std::path::Path;

use munje::quiz::{Attempt, ModeKind, Rating, Scheduler, SessionId, Timestamp};
use munje::store::Store;
use munje::vault::QuestionId;

use crate::progress_io::munje;

const DAY: i64 = 86_400;

/// `questions` questions answered on days 0, 2, 6 and 15.
fn studied(data: &Path, questions: usize) {
    let mut store = Store::open(&data.join("progress.db"), Timestamp(0)).unwrap();
    let s = Scheduler::new().unwrap();
    for q in 0..questions {
        for (i, day) in [0, 2, 6, 15].into_iter().enumerate() {
            let right = !(i == 1 && q % 3 == 0);
            let a = Attempt {
                session: SessionId(format!("s{day}")),
                mode: ModeKind::Practice,
                question: QuestionId(format!("q-{q}").into()),
                tags: Vec::new(),
                chosen: vec![if right { 'B' } else { 'A' }],
                correct_letters: vec!['B'],
                correct: right,
                seconds: 5.0,
                at: Timestamp::from_secs(1_800_000_000 + day * DAY),
                rating: if right { Rating::Good } else { Rating::Again },
            };
            store.record(&a, Some(&s)).unwrap();
        }
    }
}

fn stats_json(data: &Path) -> serde_json::Value {
    let out = munje(data, &["stats", "--json"]);
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn optimize_refuses_thin_history_then_fits_and_stats_says_so() {
    let data = tempfile::tempdir().unwrap();
    studied(data.path(), 2);
    let out = munje(data.path(), &["progress", "optimize"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not enough history yet: 6 reviews"));
    let stats = stats_json(data.path());
    assert_eq!(stats["retention"]["fitted_parameters"], false);
    assert_eq!(stats["retention"]["desired_retention"], 0.9);
    assert_eq!(stats["retention"]["reviews"], 6);
    assert_eq!(stats["retention"]["measured_retention"], 0.8333);
    assert_eq!(
        stats["attempts"], 8,
        "the store's figures stay at the top level"
    );

    studied(data.path(), 30);
    let out = munje(data.path(), &["progress", "optimize"]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("fitted FSRS parameters to 90 reviews"));
    assert_eq!(
        stats_json(data.path())["retention"]["fitted_parameters"],
        true
    );
    let text = munje(data.path(), &["stats"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Retention: desired 90.0% · measured "),
        "{text}"
    );
    assert!(
        text.contains("FSRS parameters: fitted to your history"),
        "{text}"
    );
}
