//! The progress store: SQLite (WAL) with a versioned schema, every attempt
//! recorded as it is given, and the statistics read back from it.
//!
//! This is the only module that touches `progress.db`. It knows nothing of
//! the terminal and does not decide what to ask; the quiz engine hands it
//! attempts and reads back a [`History`](crate::quiz::History).
//!
//! Besides attempts, cards and sessions it keeps what each question looked
//! like and the links that carry history from an edited question's old id
//! to its new one (`reconcile`, `links`: ids resolve through the links when
//! history is read, attempt rows are never rewritten), fitted FSRS
//! parameters (`fit`), and the JSON Lines export and merging import
//! (`transfer`).

mod attempts;
mod exams;
mod fit;
mod integrity;
mod links;
mod open;
mod reconcile;
mod recorder;
mod repair;
mod schema;
mod stats;
mod transfer;
mod writer;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::quiz::{Timestamp, UtcOffset};

pub use attempts::Recorded;
pub use exams::{DomainJson, ExamJson, ExamRecord};
pub use fit::{Fit, FitError, MIN_REVIEWS, Retention, training_items};
pub use links::{Link, LinkKind, LinkRefusal, Links};
pub use open::{BUSY_TIMEOUT, DB_FILE, Recovery, busy_timeout, database_path};
pub use reconcile::{Orphan, RECONCILE_WAIT, Reconciled, orphans_read_only};
pub use recorder::{Recorder, Saved};
pub use schema::{APPLICATION_ID, LATEST_VERSION};
pub use stats::{AnswerTotals, DayCount, Stats, TagCount};
pub use transfer::{ExportError, Imported, Record};
pub use writer::{WriteJob, WriteReport, Writer};

/// What went wrong with the progress database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No home or data directory could be found.
    #[error("cannot find a data directory for progress ({0}); pass --data-dir DIR")]
    NoDataDir(String),
    /// A file or folder could not be created, read or renamed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// SQLite refused.
    #[error("progress database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The cause.
        source: rusqlite::Error,
    },
    /// The file was written by a newer munje; it is left untouched.
    #[error(
        "progress database {path} has schema version {found}, but this munje understands \
         only up to {supported}; it was written by a newer munje. Upgrade munje, or use \
         --data-dir to keep progress elsewhere. The file was not changed."
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this munje knows.
        supported: i64,
    },
}

impl StoreError {
    /// Turns SQLite errors on the database at `path` into store errors
    /// naming it (for `map_err`).
    pub fn sqlite(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> StoreError + Copy + '_ {
        move |source| StoreError::Sqlite {
            path: path.to_owned(),
            source,
        }
    }
}

/// An open progress database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    recovery: Option<Recovery>,
    /// Rows of `attempts` found unreadable on opening (skipped).
    unreadable: usize,
    /// The whole-file check still running, which every write waits for.
    check: Option<integrity::PendingCheck>,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when
    /// missing, migrating an older schema, and moving a foreign or corrupt
    /// file aside (see [`Store::recovery`]). `now` names the moved file.
    pub fn open(path: &Path, now: Timestamp) -> Result<Store, StoreError> {
        Store::open_with(path, now, open::Check::First)
    }

    /// [`Store::open`], but the whole-file check (`PRAGMA quick_check`,
    /// which reads every page) runs on a thread of its own while the
    /// caller reads: the first write waits for it, and when it found
    /// damage the file is moved aside before that write, which goes to a
    /// fresh file ([`Store::recovery`] is set then). What the first page
    /// tells is still refused or moved aside here, and a file this opening
    /// must migrate or repair is checked before anything.
    pub fn open_checking_beside(path: &Path, now: Timestamp) -> Result<Store, StoreError> {
        Store::open_with(path, now, open::Check::Beside)
    }

    /// [`Store::open_checking_beside`], but the whole-file check runs
    /// only when the first write asks for it, on the writing thread: for
    /// `wrong`, which writes only when the notes' questions changed.
    pub fn open_checking_at_first_write(path: &Path, now: Timestamp) -> Result<Store, StoreError> {
        Store::open_with(path, now, open::Check::AtFirstWrite)
    }

    fn open_with(path: &Path, now: Timestamp, check: open::Check) -> Result<Store, StoreError> {
        let (conn, recovery, check) = open::open_checking(path, now, check)?;
        let unreadable = repair::unreadable_attempts(&conn);
        Ok(Store {
            conn,
            path: path.to_owned(),
            recovery,
            unreadable,
            check,
        })
    }

    /// Waits for the whole-file check of [`Store::open_checking_beside`]
    /// (at once when there is none, or it is done). Damage found moves the
    /// file aside and opens a fresh one in its place: returns true then,
    /// and [`Store::recovery`] says where the old file went. Every write
    /// calls this first.
    pub fn finish_check(&mut self) -> Result<bool, StoreError> {
        let Some(check) = self.check.take() else {
            return Ok(false);
        };
        let opened_at = check.opened_at;
        let integrity::Verdict::Foreign(reason) = check.verdict(&self.path) else {
            return Ok(false);
        };
        // This connection closes first, so nothing of it follows the file.
        let placeholder = Connection::open_in_memory().map_err(|e| self.err(e))?;
        drop(std::mem::replace(&mut self.conn, placeholder));
        let moved = open::move_aside(&self.path, opened_at, reason);
        let fresh = moved.and_then(|r| Ok((r, open::open_connection(&self.path, opened_at)?)));
        match fresh {
            Ok((recovery, (conn, _))) => {
                self.conn = conn;
                self.recovery = Some(recovery);
                self.unreadable = 0;
                Ok(true)
            }
            // The placeholder has no tables: every later write fails and
            // is said, rather than kept nowhere.
            Err(e) => Err(e),
        }
    }

    /// Opens the database at `path` for reading only, for commands that
    /// never write (`stats`, `wrong`, `search`): a missing file is an empty
    /// store in memory, and nothing on disk is created or changed.
    /// `Ok(None)` when the file must first be migrated or moved aside: use
    /// [`Store::open`].
    pub fn open_read_only(path: &Path) -> Result<Option<Store>, StoreError> {
        if !path.exists() {
            return Store::in_memory().map(Some);
        }
        Ok(open::open_read_only(path)?.map(|conn| {
            let unreadable = repair::unreadable_attempts(&conn);
            Store {
                conn,
                path: path.to_owned(),
                recovery: None,
                unreadable,
                check: None,
            }
        }))
    }

    /// A second connection to the file this store just opened (the app's
    /// reading one, beside the writer's): nothing is checked, migrated or
    /// moved aside again, that opening did it.
    pub fn second_connection(&self) -> Result<Store, StoreError> {
        if self.is_in_memory() {
            return Store::in_memory();
        }
        let conn = open::second_connection(&self.path)?;
        Ok(Store {
            conn,
            path: self.path.clone(),
            recovery: None,
            unreadable: self.unreadable,
            check: None,
        })
    }

    /// How long a write waits for another process's lock before it fails
    /// (default [`BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(|e| self.err(e))
    }

    /// An empty store in memory, for a quiz whose real store cannot be
    /// opened (a read-only data folder): the quiz runs, nothing is kept.
    pub fn in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = open::in_memory().map_err(StoreError::sqlite(&path))?;
        Ok(Store {
            conn,
            path,
            recovery: None,
            unreadable: 0,
            check: None,
        })
    }

    /// True for a store from [`Store::in_memory`]: answers are not kept.
    pub fn is_in_memory(&self) -> bool {
        self.path == Path::new(":memory:")
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Set when an unusable file was moved aside on opening: tell the user.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Rows of the attempts table that could not be read (a value of the
    /// wrong type, or breaking the schema's constraints): they are skipped,
    /// and the rest of the history is used. Tell the user when not zero.
    pub fn unreadable_rows(&self) -> usize {
        self.unreadable
    }

    /// The local time zone's offset from UTC at `now`, as the C library
    /// sees it (SQLite's `localtime`), for day boundaries in statistics.
    pub fn local_offset(&self, now: Timestamp) -> UtcOffset {
        let secs = now.as_secs();
        self.conn
            .query_row(
                "SELECT CAST(strftime('%s', ?1, 'unixepoch', 'localtime') AS INTEGER) - ?1",
                [secs],
                |r| r.get::<_, i64>(0),
            )
            .ok()
            .and_then(|s| i32::try_from(s).ok())
            .map_or(UtcOffset::UTC, UtcOffset)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path)(source)
    }
}

#[cfg(test)]
mod tests;
