//! Store tests, each in its own temporary directory.

use super::*;
use crate::quiz::testing::attempt;
use crate::quiz::{ModeKind, Rating, Scheduler, SessionId};
use crate::vault::QuestionId;

fn now() -> Timestamp {
    Timestamp::from_secs(1_800_000_000)
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join(DB_FILE);
    (dir, path)
}

#[test]
fn a_new_database_is_stamped_versioned_and_in_wal_mode() {
    let (_dir, path) = fresh();
    let store = Store::open(&path, now()).unwrap();
    assert!(store.recovery().is_none());
    assert_eq!(schema::application_id(&store.conn).unwrap(), APPLICATION_ID);
    assert_eq!(schema::version(&store.conn).unwrap(), LATEST_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(store);
    let again = Store::open(&path, now()).unwrap();
    assert!(again.recovery().is_none(), "reopening is not a recovery");
}

#[test]
fn answers_round_trip_with_letters_tags_and_history() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path, now()).unwrap();
    let mut a = attempt("spot-fit", &['A', 'B'], &['A', 'C'], 1_800_000_000);
    a.tags = vec![crate::vault::Tag::parse("instance/spot").unwrap()];
    a.seconds = 12.5;
    store.record(&a, None).unwrap();
    let mut b = attempt("spot-fit", &['A', 'B'], &['A', 'C'], 1_800_000_100);
    b.session = SessionId("second".into());
    store.record(&b, None).unwrap();
    let back = store.attempts().unwrap();
    assert_eq!(back, [a, b]);
    let h = store.history().unwrap();
    let fit = h.get(&QuestionId("spot-fit".into())).unwrap();
    assert_eq!((fit.attempts, fit.misses), (2, 2));
    assert_eq!(fit.wrong_picks.get(&'B'), Some(&2));
}

#[test]
fn a_changed_exam_answer_replaces_the_first() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path, now()).unwrap();
    let mut a = attempt("q", &['C'], &['B'], 1_800_000_000);
    a.mode = ModeKind::Exam;
    store.record(&a, None).unwrap();
    let mut changed = attempt("q", &['B'], &['B'], 1_800_000_050);
    changed.mode = ModeKind::Exam;
    store.record(&changed, None).unwrap();
    let back = store.attempts().unwrap();
    assert_eq!(back.len(), 1);
    assert!(back[0].correct);
    assert_eq!(back[0].chosen, ['B']);
    assert!(
        store.card(&QuestionId("q".into())).unwrap().is_none(),
        "not scheduled yet"
    );
    let s = Scheduler::new().unwrap();
    store.schedule(&back, &s).unwrap();
    assert!(store.card(&QuestionId("q".into())).unwrap().is_some());
}

#[test]
fn practice_answers_move_the_card_and_set_the_due_date() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path, now()).unwrap();
    let s = Scheduler::new().unwrap();
    let mut a = attempt("q", &['C'], &['B'], 1_800_000_000);
    a.rating = Rating::Again;
    let card = store.record(&a, Some(&s)).unwrap().card.unwrap();
    assert_eq!((card.reps, card.lapses), (1, 1));
    assert_eq!(store.card(&QuestionId("q".into())).unwrap(), Some(card));
    let h = store.history().unwrap();
    assert_eq!(h.get(&QuestionId("q".into())).unwrap().due, Some(card.due));
    assert_eq!(store.due_dates().unwrap(), [card.due]);
}

#[test]
fn a_file_that_is_not_a_database_is_moved_aside_not_wiped() {
    let (_dir, path) = fresh();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let junk = b"these are my notes, not a database\n".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let mut store = Store::open(&path, now()).unwrap();
    let rec = store.recovery().unwrap().clone();
    assert_eq!(
        rec.moved_to.file_name().unwrap().to_string_lossy(),
        "progress.db.corrupt-20270115-080000"
    );
    assert_eq!(
        std::fs::read(&rec.moved_to).unwrap(),
        junk,
        "old bytes kept"
    );
    assert!(
        rec.reason.contains("not an SQLite database"),
        "{}",
        rec.reason
    );
    store
        .record(&attempt("q", &['A'], &['A'], 1), None)
        .unwrap();
    assert_eq!(store.attempts().unwrap().len(), 1);
}

#[test]
fn a_corrupt_munje_database_is_moved_aside() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path, now()).unwrap();
    for i in 0..200 {
        store
            .record(&attempt(&format!("q{i}"), &['A'], &['A'], i), None)
            .unwrap();
    }
    store
        .conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(store);
    // Scribble over the pages after the header: the header still says
    // SQLite, the b-trees are garbage.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let store = Store::open(&path, now()).unwrap();
    let rec = store.recovery().expect("damage detected");
    assert!(rec.moved_to.exists());
    assert_eq!(std::fs::read(&rec.moved_to).unwrap(), bytes);
    assert!(store.attempts().unwrap().is_empty());
}

#[test]
fn another_programs_database_is_moved_aside() {
    let (_dir, path) = fresh();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch("CREATE TABLE recipes (name TEXT);")
        .unwrap();
    drop(other);
    let store = Store::open(&path, now()).unwrap();
    let rec = store.recovery().unwrap();
    assert!(rec.reason.contains("another program"), "{}", rec.reason);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let (_dir, path) = fresh();
    let store = Store::open(&path, now()).unwrap();
    store
        .conn
        .pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    store
        .conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, now()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains(&format!("schema version {}", LATEST_VERSION + 1)),
        "{msg}"
    );
    assert!(
        msg.contains("newer munje") && msg.contains("not changed"),
        "{msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let siblings = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("corrupt")
        })
        .count();
    assert_eq!(siblings, 0, "nothing moved aside");
}

#[test]
fn an_old_schema_is_migrated_keeping_its_answers() {
    let (_dir, path) = fresh();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut old = rusqlite::Connection::open(&path).unwrap();
    schema::migrate_to(&mut old, 1).unwrap();
    old.execute(
        "INSERT INTO attempts (session_id, mode, question_id, chosen, correct_letters,
         is_correct, seconds, answered_at, tags, rating)
         VALUES ('s', 'practice', 'q', 'A', 'A', 1, 3.0, 1000, '', 'good')",
        [],
    )
    .unwrap();
    drop(old);
    let mut store = Store::open(&path, now()).unwrap();
    assert!(store.recovery().is_none());
    assert_eq!(schema::version(&store.conn).unwrap(), LATEST_VERSION);
    assert_eq!(store.attempts().unwrap().len(), 1);
    let id = SessionId("new".into());
    store
        .start_session(&id, ModeKind::Exam, Some(u64::MAX), 5, now())
        .unwrap();
    store
        .finish_session(&id, "submitted", 4, None, now())
        .unwrap();
}

#[test]
fn two_connections_writing_at_once_both_record_everything() {
    let (_dir, path) = fresh();
    drop(Store::open(&path, now()).unwrap());
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path, now()).unwrap();
                for i in 0..50 {
                    let mut a = attempt(&format!("w{w}-q{i}"), &['A'], &['A'], i);
                    a.session = SessionId(format!("writer-{w}"));
                    store.record(&a, Some(&Scheduler::new().unwrap())).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let store = Store::open(&path, now()).unwrap();
    assert_eq!(store.attempts().unwrap().len(), 100);
    assert_eq!(store.due_dates().unwrap().len(), 100);
}

#[test]
fn data_dir_flag_puts_the_database_inside_it() {
    let p = database_path(Some(Path::new("/tmp/x"))).unwrap();
    assert_eq!(p, Path::new("/tmp/x/progress.db"));
    let default = database_path(None).unwrap();
    assert!(
        default.ends_with("munje/progress.db"),
        "{}",
        default.display()
    );
}

/// Several connections creating one new database at once: none may take a
/// half-created file for another program's and move it aside.
#[test]
fn connections_creating_one_database_at_once_never_move_it_aside() {
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    start.wait();
                    let store = Store::open(&path, now()).unwrap();
                    assert!(store.recovery().is_none(), "round {round}: moved aside");
                });
            }
        });
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.contains("corrupt")),
            "round {round}: {names:?}"
        );
    }
}

/// The history as a fresh fold of every attempt would give it, with the
/// cards' due dates.
fn folded(store: &Store) -> crate::quiz::History {
    let mut h = crate::quiz::History::from_attempts(&store.attempts().unwrap());
    for (id, q) in &mut h.questions {
        q.due = store.card(id).unwrap().map(|c| c.due);
    }
    h
}

#[test]
fn the_summary_tables_follow_every_insert_replace_and_take_back() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path, now()).unwrap();
    let s = Scheduler::new().unwrap();
    let day = crate::quiz::StudyDay::default();
    let mut given = Vec::new();
    // A fixed pseudo-random walk over five questions, three sessions and
    // all letters: practice answers, exam answers replaced in place, and
    // answers taken back.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for step in 0..300_i64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let q = format!("q{}", x % 5);
        let chosen = ['A', 'B', 'C'][usize::try_from((x >> 8) % 3).unwrap()];
        let mut a = attempt(&q, &[chosen], &['A'], 1_800_000_000 + step * 3_000);
        a.session = SessionId(format!("s{}", (x >> 16) % 3));
        a.tags = match (x >> 20) % 3 {
            0 => vec![],
            1 => vec![crate::vault::Tag::parse("service/emr").unwrap()],
            _ => vec![
                crate::vault::Tag::parse("service/emr").unwrap(),
                crate::vault::Tag::parse("instance/spot").unwrap(),
            ],
        };
        if (x >> 24).is_multiple_of(5) {
            if let Some(last) = given.pop() {
                store.take_back(&last, None).unwrap();
            }
        } else {
            store.record(&a, Some(&s)).unwrap();
            given.retain(|g: &crate::quiz::Attempt| {
                g.session != a.session || g.question != a.question
            });
            given.push(a);
        }
        assert_eq!(store.history().unwrap(), folded(&store), "step {step}");
        let totals = store.answer_totals(day).unwrap();
        let want = crate::store::AnswerTotals::of_attempts(&store.attempts().unwrap(), day);
        assert_eq!(totals, want, "step {step}");
    }
    // And the triggers' tables equal a rebuild from scratch.
    let before = (store.history().unwrap(), store.answer_totals(day).unwrap());
    store.rebuild_summaries().unwrap();
    assert_eq!(
        (store.history().unwrap(), store.answer_totals(day).unwrap()),
        before
    );
}

#[test]
fn an_older_database_gets_its_summaries_from_the_attempts_it_holds() {
    let (_dir, path) = fresh();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 2).unwrap();
        conn.execute(
            "INSERT INTO attempts (session_id, mode, question_id, chosen, correct_letters,
             is_correct, seconds, answered_at, tags, rating)
             VALUES ('s', 'practice', 'q', 'B', 'A', 0, 3.0, 1000, 'service/emr', 'again'),
                    ('t', 'practice', 'q', 'A', 'A', 1, 3.0, 2000, 'service/emr', 'good')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path, now()).unwrap();
    let h = store.history().unwrap();
    let q = h.get(&QuestionId("q".into())).unwrap();
    assert_eq!((q.attempts, q.misses, q.last_correct), (2, 1, Some(true)));
    assert_eq!(q.wrong_picks.get(&'B'), Some(&1));
    assert_eq!(h, folded(&store));
}
