//! Reading a progress database that is not quite what its schema
//! promises, without giving up on it: rows of the wrong type (a BLOB where
//! letters belong) or breaking a CHECK constraint are skipped and counted,
//! a missing `cards` table (derived data) is rebuilt from the attempts, and
//! only damage SQLite itself reports (`PRAGMA quick_check`) moves the file
//! aside.
//!
//! Owns those checks; the queries that use them are in `attempts`.

use rusqlite::{Connection, TransactionBehavior};

use crate::quiz::Scheduler;

/// The condition a readable `attempts` row meets, for `WHERE`.
pub(super) use super::schema::READABLE_ATTEMPT;

/// The rows of `attempts` that [`READABLE_ATTEMPT`] leaves out: all rows
/// less those the summary tables counted (which count only readable rows),
/// so no scan of the attempts; a scan only when the summaries are missing.
pub(super) fn unreadable_attempts(conn: &Connection) -> usize {
    let from_summaries = conn.query_row(
        "SELECT (SELECT count(*) FROM attempts)
              - (SELECT coalesce(sum(attempts), 0) FROM question_totals)",
        [],
        |r| r.get::<_, i64>(0),
    );
    from_summaries
        .or_else(|_| {
            conn.query_row(
                &format!("SELECT count(*) FROM attempts WHERE NOT ({READABLE_ATTEMPT})"),
                [],
                |r| r.get::<_, i64>(0),
            )
        })
        .ok()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0)
}

/// True when every line `PRAGMA quick_check` gave is about a row (a value
/// breaking a CHECK or NOT NULL constraint), not about the file: such a
/// row is skipped when read, and the file is not corrupt.
pub(super) fn only_row_problems(lines: &[String]) -> bool {
    lines.iter().all(|l| {
        l == "ok" || l.starts_with("CHECK constraint failed") || l.starts_with("NULL value in ")
    })
}

/// True when the database has a table of this name.
fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// Rebuilds a missing `cards` table by replaying every readable attempt
/// through the scheduler, in time order. Returns whether it was rebuilt.
pub(super) fn rebuild_missing_cards(conn: &mut Connection) -> rusqlite::Result<bool> {
    if has_table(conn, "cards")? || !has_table(conn, "attempts")? {
        return Ok(false);
    }
    let Ok(scheduler) = Scheduler::new() else {
        return Ok(false);
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have rebuilt it meanwhile.
    if has_table(&tx, "cards")? {
        return Ok(false);
    }
    tx.execute_batch(super::schema::CARDS_TABLE)?;
    let attempts = super::attempts::readable_attempts(&tx)?;
    for a in &attempts {
        let prev = super::attempts::load_card(&tx, &a.question)?;
        let next = scheduler
            .review(prev.as_ref(), a.rating, a.at)
            .unwrap_or_else(|_| super::attempts::fallback_card(prev.as_ref(), a));
        super::attempts::save_card(&tx, &a.question, &next)?;
    }
    tx.commit()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::quiz::testing::attempt;
    use crate::quiz::{Scheduler, Timestamp};
    use crate::store::{DB_FILE, Store};
    use crate::vault::QuestionId;

    fn now() -> Timestamp {
        Timestamp::from_secs(1_800_000_000)
    }

    /// A store with three practice answers, closed; and its path.
    fn three_answers() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        let mut store = Store::open(&path, now()).unwrap();
        let s = Scheduler::new().unwrap();
        for (i, q) in ["a", "b", "c"].iter().enumerate() {
            let at = 1_800_000_000 + i64::try_from(i).unwrap();
            store
                .record(&attempt(q, &['A'], &['B'], at), Some(&s))
                .unwrap();
        }
        (dir, path)
    }

    fn tamper(path: &std::path::Path, sql: &str) {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.execute_batch(sql).unwrap();
    }

    #[test]
    fn a_blob_where_letters_belong_is_skipped_and_counted() {
        let (_dir, path) = three_answers();
        tamper(
            &path,
            "UPDATE attempts SET chosen = x'00ff1b' WHERE question_id = 'b';",
        );
        let store = Store::open(&path, now()).unwrap();
        assert!(store.recovery().is_none());
        assert_eq!(store.unreadable_rows(), 1);
        let ids: Vec<String> = store
            .attempts()
            .unwrap()
            .into_iter()
            .map(|a| a.question.0.to_string())
            .collect();
        assert_eq!(ids, ["a", "c"]);
        assert!(store.history().is_ok());
        assert!(
            store
                .stats(
                    crate::quiz::DueCounts::default(),
                    now(),
                    crate::quiz::StudyDay::default()
                )
                .is_ok()
        );
    }

    #[test]
    fn a_row_breaking_a_check_constraint_is_skipped_not_moved_aside() {
        let (_dir, path) = three_answers();
        tamper(
            &path,
            "PRAGMA ignore_check_constraints = ON;
             UPDATE attempts SET is_correct = 7, mode = 'weird' WHERE question_id = 'a';",
        );
        let store = Store::open(&path, now()).unwrap();
        assert!(store.recovery().is_none(), "{:?}", store.recovery());
        assert_eq!(store.unreadable_rows(), 1);
        assert_eq!(store.attempts().unwrap().len(), 2);
    }

    #[test]
    fn a_dropped_cards_table_is_rebuilt_from_the_attempts() {
        let (_dir, path) = three_answers();
        let due_before = Store::open(&path, now())
            .unwrap()
            .card(&QuestionId("b".into()))
            .unwrap()
            .unwrap()
            .due;
        tamper(&path, "DROP TABLE cards;");
        let mut store = Store::open(&path, now()).unwrap();
        assert!(store.recovery().is_none());
        let card = store.card(&QuestionId("b".into())).unwrap().unwrap();
        assert_eq!(card.due, due_before);
        assert_eq!(store.due_dates().unwrap().len(), 3);
        let s = Scheduler::new().unwrap();
        store
            .record(&attempt("d", &['A'], &['A'], 1_800_000_100), Some(&s))
            .unwrap();
    }

    #[test]
    fn row_problems_are_told_from_damage() {
        let lines = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(super::only_row_problems(&lines(&["ok"])));
        assert!(super::only_row_problems(&lines(&[
            "CHECK constraint failed in attempts",
            "NULL value in attempts.chosen"
        ])));
        assert!(!super::only_row_problems(&lines(&[
            "CHECK constraint failed in attempts",
            "*** in database main ***\nPage 3: btreeInitPage() returns error code 11"
        ])));
    }
}
