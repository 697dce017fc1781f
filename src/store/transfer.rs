//! Moving progress between machines: every session, attempt, card state
//! and link as JSON Lines ([`Store::export_lines`]), and merging such a
//! file into this database ([`Store::import_lines`]).
//!
//! Each record has a natural key that is the same on every machine (a
//! session's id, an attempt's session and question, a card's question, a
//! link's old id, new id and time); row ids never leave the database.
//! Where both sides hold a record with the same key, the merge keeps the
//! greater one by a fixed order (the later answer, the later review, the
//! finished session, the undone link), ties broken by the record's text.
//! Keeping a maximum is idempotent and order-free, so importing a file
//! twice changes nothing and two machines' exports merged in either order
//! give the same database. Owns the line format; the files are the
//! command's business.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::{LATEST_VERSION, Store, StoreError};

/// The first line of an export.
pub const FORMAT: &str = "munje-progress";
/// The version of the line format.
pub const FORMAT_VERSION: u32 = 1;

/// One line of an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Record {
    /// The first line: what the file is.
    Header {
        /// Always [`FORMAT`].
        format: String,
        /// The line format's version.
        version: u32,
        /// The schema version of the database it came from.
        schema: i64,
    },
    /// A quiz session.
    Session {
        /// Its id (unique across machines: time, process and seed).
        id: String,
        /// `practice` or `exam`.
        mode: String,
        /// Milliseconds since the epoch.
        started_at: i64,
        /// The shuffle seed, if any.
        seed: Option<i64>,
        /// How many questions it had.
        questions: i64,
        /// When it ended, if it did.
        finished_at: Option<i64>,
        /// How it ended.
        ending: Option<String>,
        /// Right answers.
        correct: Option<i64>,
        /// Exam scaled score.
        scaled: Option<i64>,
        /// Exam passed.
        passed: Option<bool>,
    },
    /// One answer.
    Attempt {
        /// Its session.
        session_id: String,
        /// `practice` or `exam`.
        mode: String,
        /// The question id it was recorded under.
        question_id: String,
        /// Letters chosen, sorted.
        chosen: String,
        /// The right letters, sorted.
        correct_letters: String,
        /// Whether it was right.
        is_correct: bool,
        /// Seconds taken.
        seconds: f64,
        /// Milliseconds since the epoch.
        answered_at: i64,
        /// Tags of the question then.
        tags: Vec<String>,
        /// The FSRS rating given.
        rating: String,
    },
    /// A question's schedule.
    Card {
        /// The question id.
        question_id: String,
        /// FSRS stability.
        stability: f64,
        /// FSRS difficulty.
        difficulty: f64,
        /// Next due, milliseconds since the epoch.
        due: i64,
        /// Last review, milliseconds since the epoch.
        last_review: i64,
        /// Reviews.
        reps: i64,
        /// Wrong reviews.
        lapses: i64,
    },
    /// History attached from an old question id to a new one.
    Link {
        /// The id the history was recorded under.
        old_id: String,
        /// The id it belongs to.
        new_id: String,
        /// When it was made.
        made_at: i64,
        /// `auto` or `manual`.
        kind: String,
        /// Why.
        evidence: String,
        /// When it was undone, if it was.
        undone_at: Option<i64>,
    },
}

impl Record {
    /// The part of the merge order that means something: greater wins.
    fn rank(&self) -> (i64, i64) {
        match self {
            Record::Header { .. } => (0, 0),
            Record::Session {
                finished_at,
                questions,
                ..
            } => (finished_at.map_or(i64::MIN, |t| t), *questions),
            Record::Attempt { answered_at, .. } => (*answered_at, 0),
            Record::Card {
                last_review, reps, ..
            } => (*last_review, *reps),
            Record::Link { undone_at, .. } => (undone_at.map_or(i64::MIN, |t| t), 0),
        }
    }

    /// True when `self` should replace `other` (same key) in a merge.
    fn beats(&self, other: &Record) -> bool {
        let text = |r: &Record| serde_json::to_string(r).unwrap_or_default();
        (self.rank(), text(self)) > (other.rank(), text(other))
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// Records new to this database.
    pub added: usize,
    /// Records that replaced an older version of themselves.
    pub updated: usize,
    /// Records this database already had (or had a newer version of).
    pub unchanged: usize,
    /// Lines that could not be read or stored: 1-based line, and why.
    pub rejected: Vec<(usize, String)>,
}

impl Store {
    /// Every record as JSON Lines, header first, in a fixed order (so two
    /// databases with the same progress export the same text).
    pub fn export_lines(&mut self, out: &mut dyn std::io::Write) -> Result<(), ExportError> {
        let sql = StoreError::sqlite(&self.path);
        // One read transaction: a quiz answering meanwhile is not half in.
        let tx = self.conn.transaction().map_err(sql)?;
        let header = Record::Header {
            format: FORMAT.into(),
            version: FORMAT_VERSION,
            schema: LATEST_VERSION,
        };
        write_line(out, &header)?;
        for r in read_all(&tx).map_err(sql)? {
            write_line(out, &r)?;
        }
        tx.commit().map_err(sql)?;
        Ok(())
    }

    /// Merges JSON Lines into this database in one transaction. A line
    /// that cannot be read is reported with its number; the others are
    /// kept.
    pub fn import_lines(&mut self, text: &str) -> Result<Imported, StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut done = Imported::default();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = match serde_json::from_str(line) {
                Ok(r) => r,
                Err(e) => {
                    done.rejected.push((n, e.to_string()));
                    continue;
                }
            };
            if let Record::Header {
                format, version, ..
            } = &record
            {
                if format != FORMAT || *version > FORMAT_VERSION {
                    done.rejected.push((
                        n,
                        format!(
                            "not a munje progress export of a known version ({format} {version})"
                        ),
                    ));
                }
                continue;
            }
            match merge(&tx, &record) {
                Ok(Merged::Added) => done.added += 1,
                Ok(Merged::Updated) => done.updated += 1,
                Ok(Merged::Unchanged) => done.unchanged += 1,
                // A value the schema refuses (an unknown mode, say) is that
                // line's problem; SQLite undoes only that statement.
                Err(e) => done.rejected.push((n, e.to_string())),
            }
        }
        tx.commit().map_err(sql)?;
        Ok(done)
    }
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn write_line(out: &mut dyn std::io::Write, r: &Record) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, r).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

enum Merged {
    Added,
    Updated,
    Unchanged,
}

/// Stores `record` unless this database holds the same key with a
/// version that [`Record::beats`] it.
fn merge(conn: &Connection, record: &Record) -> rusqlite::Result<Merged> {
    let existing = match record {
        Record::Header { .. } => return Ok(Merged::Unchanged),
        Record::Session { id, .. } => conn
            .query_row(
                "SELECT id, mode, started_at, seed, questions, finished_at, ending, correct,
                        scaled, passed FROM sessions WHERE id = ?1",
                [id],
                session_of_row,
            )
            .optional()?,
        Record::Attempt {
            session_id,
            question_id,
            ..
        } => conn
            .query_row(
                "SELECT session_id, mode, question_id, chosen, correct_letters, is_correct,
                        seconds, answered_at, tags, rating
                 FROM attempts WHERE session_id = ?1 AND question_id = ?2",
                [session_id, question_id],
                attempt_of_row,
            )
            .optional()?,
        Record::Card { question_id, .. } => conn
            .query_row(
                "SELECT question_id, stability, difficulty, due, last_review, reps, lapses
                 FROM cards WHERE question_id = ?1",
                [question_id],
                card_of_row,
            )
            .optional()?,
        Record::Link {
            old_id,
            new_id,
            made_at,
            ..
        } => conn
            .query_row(
                "SELECT old_id, new_id, made_at, kind, evidence, undone_at
                 FROM links WHERE old_id = ?1 AND new_id = ?2 AND made_at = ?3",
                params![old_id, new_id, made_at],
                link_of_row,
            )
            .optional()?,
    };
    let outcome = match &existing {
        None => Merged::Added,
        Some(old) if record.beats(old) => Merged::Updated,
        Some(_) => return Ok(Merged::Unchanged),
    };
    write(conn, record)?;
    Ok(outcome)
}

mod rows;
use rows::{attempt_of_row, card_of_row, link_of_row, read_all, session_of_row, write};

#[cfg(test)]
#[path = "transfer_tests.rs"]
mod tests;
