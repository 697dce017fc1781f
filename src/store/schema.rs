//! The database layout and its history: the `application_id` that marks a
//! file as munje's, the `user_version` that numbers the schema, and the
//! migrations that bring an older file up to date.
//!
//! Owns DDL only. Each migration runs in one immediate transaction, so two
//! processes opening a fresh file at once cannot both apply it.

use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of a munje database: "MUNJ" in ASCII.
pub const APPLICATION_ID: i32 = 0x4D55_4E4A;

/// `MIGRATIONS[n]` takes a database from schema version `n` to `n + 1`.
const MIGRATIONS: [&str; 3] = [
    // 1: every answer, and the schedule of each question.
    "CREATE TABLE attempts (
        id              INTEGER PRIMARY KEY,
        session_id      TEXT    NOT NULL,
        mode            TEXT    NOT NULL CHECK (mode IN ('practice', 'exam')),
        question_id     TEXT    NOT NULL,
        chosen          TEXT    NOT NULL,   -- letters as in the note, sorted: 'AC'
        correct_letters TEXT    NOT NULL,
        is_correct      INTEGER NOT NULL CHECK (is_correct IN (0, 1)),
        seconds         REAL    NOT NULL,
        answered_at     INTEGER NOT NULL,   -- milliseconds since the Unix epoch, UTC
        tags            TEXT    NOT NULL DEFAULT '',  -- one tag per line
        rating          TEXT    NOT NULL,
        UNIQUE (session_id, question_id)    -- an exam answer changed is replaced
    );
    CREATE INDEX attempts_by_question ON attempts (question_id, answered_at);
    CREATE INDEX attempts_by_time ON attempts (answered_at);
    CREATE TABLE cards (
        question_id TEXT    PRIMARY KEY,
        stability   REAL    NOT NULL,
        difficulty  REAL    NOT NULL,
        due         INTEGER NOT NULL,
        last_review INTEGER NOT NULL,
        reps        INTEGER NOT NULL,
        lapses      INTEGER NOT NULL
    );",
    // 2: sessions, so exams keep their score.
    "CREATE TABLE sessions (
        id          TEXT    PRIMARY KEY,
        mode        TEXT    NOT NULL,
        started_at  INTEGER NOT NULL,
        seed        INTEGER,
        questions   INTEGER NOT NULL,
        finished_at INTEGER,
        ending      TEXT,
        correct     INTEGER,
        scaled      INTEGER,
        passed      INTEGER
    );",
    // 3: each exam's settings and the questions it asked, each with a
    // snapshot of how it read, so a past exam can be reviewed after its
    // notes changed or went. New tables only.
    "CREATE TABLE IF NOT EXISTS exam_sessions (
        session_id      TEXT    PRIMARY KEY,
        title           TEXT,
        blueprint       TEXT,               -- the blueprint's name, NULL without one
        pass_mark       INTEGER NOT NULL,
        time_limit_secs INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS exam_questions (
        session_id  TEXT    NOT NULL,
        position    INTEGER NOT NULL,       -- 0-based, in exam order
        question_id TEXT    NOT NULL,
        domain      TEXT,                   -- the blueprint domain, NULL without one
        flagged     INTEGER NOT NULL DEFAULT 0,
        seconds     REAL    NOT NULL DEFAULT 0,
        snapshot    TEXT    NOT NULL,       -- JSON: stem, options, answer, explanations, tags
        PRIMARY KEY (session_id, position)
    );",
];

/// The schema version this munje writes.
#[allow(clippy::cast_possible_wrap)] // a handful of migrations
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads `user_version`.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Reads `application_id`.
pub fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.pragma_query_value(None, "application_id", |r| r.get(0))
}

/// Brings the database up to [`LATEST_VERSION`], stamping it as munje's.
/// Up to `target` only, so tests can build an old database.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    // Reading needs no lock: an up-to-date file opens even while another
    // process holds the write lock (its answers are retried later).
    if version(conn)? >= target {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock: another process may have just migrated.
        let current = version(&tx)?;
        if current >= target {
            return tx.commit();
        }
        let step = usize::try_from(current).unwrap_or(0);
        tx.execute_batch(MIGRATIONS[step])?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}
