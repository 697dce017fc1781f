//! The database layout and its history: the `application_id` that marks a
//! file as munje's, the `user_version` that numbers the schema, and the
//! migrations that bring an older file up to date.
//!
//! Owns DDL only. Each migration runs in one immediate transaction, so two
//! processes opening a fresh file at once cannot both apply it.

use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of a munje database: "MUNJ" in ASCII.
pub const APPLICATION_ID: i32 = 0x4D55_4E4A;

/// The condition an `attempts` row munje can read meets, with the column
/// prefix given (`new.`, `old.`, a table alias or none): each column of the
/// type munje writes, `is_correct` 0 or 1. Rows that fail it are skipped
/// everywhere, summaries included.
macro_rules! readable_attempt {
    ($p:literal) => {
        concat!(
            "(typeof(",
            $p,
            "session_id) = 'text' AND typeof(",
            $p,
            "mode) = 'text' AND typeof(",
            $p,
            "question_id) = 'text' AND typeof(",
            $p,
            "chosen) = 'text' AND typeof(",
            $p,
            "correct_letters) = 'text' AND typeof(",
            $p,
            "is_correct) = 'integer' AND ",
            $p,
            "is_correct IN (0, 1) AND typeof(",
            $p,
            "seconds) IN ('real', 'integer') AND typeof(",
            $p,
            "answered_at) = 'integer' AND typeof(",
            $p,
            "tags) = 'text' AND typeof(",
            $p,
            "rating) = 'text')"
        )
    };
}

/// The condition a readable `attempts` row meets, for `WHERE`.
pub(super) const READABLE_ATTEMPT: &str = readable_attempt!("");

/// What one answer adds to the summary tables (a trigger body fragment;
/// `new` is the attempt).
macro_rules! add_to_summaries {
    () => {
        "INSERT INTO question_totals (question_id, attempts, misses, last_at, last_correct, last_id)
         VALUES (new.question_id, 1, new.is_correct = 0, new.answered_at, new.is_correct, new.id)
         ON CONFLICT (question_id) DO UPDATE SET
           attempts = attempts + 1,
           misses = misses + excluded.misses,
           last_correct = CASE WHEN (excluded.last_at, excluded.last_id) > (last_at, last_id)
                          THEN excluded.last_correct ELSE last_correct END,
           last_id = CASE WHEN (excluded.last_at, excluded.last_id) > (last_at, last_id)
                     THEN excluded.last_id ELSE last_id END,
           last_at = max(last_at, excluded.last_at);
         INSERT INTO wrong_picks (question_id, chosen, correct_letters, n)
         SELECT new.question_id, new.chosen, new.correct_letters, 1 WHERE new.is_correct = 0
         ON CONFLICT (question_id, chosen, correct_letters) DO UPDATE SET n = n + 1;
         INSERT INTO tag_totals (tags, attempts, correct) VALUES (new.tags, 1, new.is_correct)
         ON CONFLICT (tags) DO UPDATE SET attempts = attempts + 1, correct = correct + excluded.correct;
         INSERT INTO quarter_totals (quarter, attempts, correct)
         VALUES ((new.answered_at - ((new.answered_at % 900000) + 900000) % 900000) / 900000, 1, new.is_correct)
         ON CONFLICT (quarter) DO UPDATE SET attempts = attempts + 1, correct = correct + excluded.correct;"
    };
}

/// What removing one answer takes from the summary tables (`old` is the
/// attempt); the latest answer of its question is found again.
macro_rules! take_from_summaries {
    () => {
        concat!(
            "UPDATE question_totals SET attempts = attempts - 1, misses = misses - (old.is_correct = 0)
         WHERE question_id = old.question_id;
         DELETE FROM question_totals WHERE question_id = old.question_id AND attempts <= 0;
         UPDATE question_totals SET (last_at, last_correct, last_id) =
           (SELECT answered_at, is_correct, id FROM attempts WHERE question_id = old.question_id
            AND ",
            readable_attempt!(""),
            " ORDER BY answered_at DESC, id DESC LIMIT 1)
         WHERE question_id = old.question_id;
         UPDATE wrong_picks SET n = n - 1 WHERE old.is_correct = 0 AND question_id = old.question_id
           AND chosen = old.chosen AND correct_letters = old.correct_letters;
         DELETE FROM wrong_picks WHERE question_id = old.question_id AND n <= 0;
         UPDATE tag_totals SET attempts = attempts - 1, correct = correct - old.is_correct
         WHERE tags = old.tags;
         DELETE FROM tag_totals WHERE tags = old.tags AND attempts <= 0;
         UPDATE quarter_totals SET attempts = attempts - 1, correct = correct - old.is_correct
         WHERE quarter = (old.answered_at - ((old.answered_at % 900000) + 900000) % 900000) / 900000;
         DELETE FROM quarter_totals WHERE attempts <= 0;"
        )
    };
}

/// Fills the summary tables from every attempt (a macro so that the
/// migration adding them can include it as a literal).
macro_rules! rebuild_summaries {
    () => {
        concat!(
            "
    DELETE FROM question_totals; DELETE FROM wrong_picks;
    DELETE FROM tag_totals; DELETE FROM quarter_totals;
    CREATE TEMP TABLE readable_attempts AS SELECT * FROM attempts WHERE ",
            readable_attempt!(""),
            ";
    INSERT INTO question_totals (question_id, attempts, misses, last_at, last_correct, last_id)
    SELECT question_id, COUNT(*), SUM(is_correct = 0), MAX(answered_at),
      (SELECT b.is_correct FROM readable_attempts b WHERE b.question_id = a.question_id
       ORDER BY b.answered_at DESC, b.id DESC LIMIT 1),
      (SELECT b.id FROM readable_attempts b WHERE b.question_id = a.question_id
       ORDER BY b.answered_at DESC, b.id DESC LIMIT 1)
    FROM readable_attempts a GROUP BY question_id;
    INSERT INTO wrong_picks (question_id, chosen, correct_letters, n)
    SELECT question_id, chosen, correct_letters, COUNT(*) FROM readable_attempts
    WHERE is_correct = 0 GROUP BY question_id, chosen, correct_letters;
    INSERT INTO tag_totals (tags, attempts, correct)
    SELECT tags, COUNT(*), SUM(is_correct) FROM readable_attempts GROUP BY tags;
    INSERT INTO quarter_totals (quarter, attempts, correct)
    SELECT (answered_at - ((answered_at % 900000) + 900000) % 900000) / 900000, COUNT(*),
      SUM(is_correct)
    FROM readable_attempts GROUP BY 1;
    DROP TABLE temp.readable_attempts;"
        )
    };
}

/// Fills the summary tables from every attempt: the migration that adds
/// them, and a rebuild when one is missing or damaged.
pub const REBUILD_SUMMARIES: &str = rebuild_summaries!();

/// `MIGRATIONS[n]` takes a database from schema version `n` to `n + 1`.
const MIGRATIONS: [&str; 5] = [
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
    // 3: question identity across edits (what each question looked like,
    // and history attached from an old id to a new one), fitted FSRS
    // parameters. Attempt rows are never rewritten: ids resolve through
    // `links` when history is read, so undoing a link is one update.
    "CREATE TABLE snapshots (
        question_id TEXT    PRIMARY KEY,
        stem        TEXT    NOT NULL,
        options     TEXT    NOT NULL,   -- option texts in file order, one per line
        answers     TEXT    NOT NULL,   -- texts of the right options, one per line
        note_title  TEXT    NOT NULL,
        path        TEXT    NOT NULL,   -- note or bank file, relative to its root
        fingerprint INTEGER NOT NULL,   -- of the columns above, to skip unchanged rows
        seen_at     INTEGER NOT NULL
    );
    CREATE TABLE links (
        id        INTEGER PRIMARY KEY,
        old_id    TEXT    NOT NULL,
        new_id    TEXT    NOT NULL,
        made_at   INTEGER NOT NULL,
        kind      TEXT    NOT NULL CHECK (kind IN ('auto', 'manual')),
        evidence  TEXT    NOT NULL DEFAULT '',
        undone_at INTEGER,
        UNIQUE (old_id, new_id, made_at)
    );
    CREATE INDEX links_by_old ON links (old_id);
    CREATE TABLE fsrs_parameters (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        parameters TEXT    NOT NULL,   -- comma-separated, as the fsrs crate orders them
        reviews    INTEGER NOT NULL,
        fitted_at  INTEGER NOT NULL
    );",
    // 4: summaries of the attempts, kept by triggers, so the history and the
    // statistics read a row per question, tag set and quarter hour instead
    // of every answer ever given.
    concat!(
        "CREATE TABLE question_totals (
            question_id  TEXT    PRIMARY KEY,
            attempts     INTEGER NOT NULL,
            misses       INTEGER NOT NULL,
            last_at      INTEGER NOT NULL,
            last_correct INTEGER NOT NULL,
            last_id      INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE wrong_picks (
            question_id     TEXT    NOT NULL,
            chosen          TEXT    NOT NULL,
            correct_letters TEXT    NOT NULL,
            n               INTEGER NOT NULL,
            PRIMARY KEY (question_id, chosen, correct_letters)
        ) WITHOUT ROWID;
        CREATE TABLE tag_totals (
            tags     TEXT    PRIMARY KEY,
            attempts INTEGER NOT NULL,
            correct  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE quarter_totals (
            quarter  INTEGER PRIMARY KEY,  -- answered_at in quarter hours since the epoch, UTC
            attempts INTEGER NOT NULL,
            correct  INTEGER NOT NULL
        );
        CREATE TRIGGER attempts_summary_insert AFTER INSERT ON attempts WHEN ",
        readable_attempt!("new."),
        " BEGIN ",
        add_to_summaries!(),
        " END;
        CREATE TRIGGER attempts_summary_delete AFTER DELETE ON attempts WHEN ",
        readable_attempt!("old."),
        " BEGIN ",
        take_from_summaries!(),
        " END;
        CREATE TRIGGER attempts_summary_update_old AFTER UPDATE ON attempts WHEN ",
        readable_attempt!("old."),
        " BEGIN ",
        take_from_summaries!(),
        " END;
        CREATE TRIGGER attempts_summary_update_new AFTER UPDATE ON attempts WHEN ",
        readable_attempt!("new."),
        " BEGIN ",
        add_to_summaries!(),
        " END;",
        rebuild_summaries!()
    ),
    // 5: each exam's settings and the questions it asked, each with a
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

/// The `cards` table as migration 1 creates it: derived from the attempts,
/// so a file missing it gets it back (`repair`).
pub const CARDS_TABLE: &str = "CREATE TABLE cards (
        question_id TEXT    PRIMARY KEY,
        stability   REAL    NOT NULL,
        difficulty  REAL    NOT NULL,
        due         INTEGER NOT NULL,
        last_review INTEGER NOT NULL,
        reps        INTEGER NOT NULL,
        lapses      INTEGER NOT NULL
    );";

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

#[cfg(test)]
mod tests {
    #[test]
    fn the_cards_table_rebuilt_is_the_one_migrated() {
        assert!(super::MIGRATIONS[0].contains(super::CARDS_TABLE));
    }
}
