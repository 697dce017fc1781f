//! The whole-file check of a writable opening (`PRAGMA quick_check`), run
//! on a thread of its own beside the caller's first reads instead of
//! before them, and the gate every write passes: no write reaches the file
//! before the check has said it is sound, and a damaged file is moved
//! aside (with nothing of this process in it) before the write goes to a
//! fresh one.
//!
//! The check reads the whole file (about 180 ms on a year of answers), so
//! on the critical path it delayed the first question of every quiz and
//! the app's first frame. Opening still refuses, at once, what the first
//! page tells (not a database, another program's, a newer schema), and
//! checks before anything when it must write itself (a migration, a
//! missing `cards` table).
//!
//! Owns the check's thread and its verdict; opening and moving aside are
//! `open`'s.

use std::thread::JoinHandle;

use rusqlite::{Connection, ErrorCode, InterruptHandle};

use crate::quiz::Timestamp;

/// What an existing file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Verdict {
    /// munje's, and sound (or only rows are off, which reading skips).
    Usable,
    /// Damaged or another program's, with why: to be moved aside.
    Foreign(String),
}

/// Runs `PRAGMA quick_check` on `conn` and judges its lines. A row
/// breaking a CHECK or NOT NULL constraint is reported too; it is skipped
/// when read, and is no reason to move the file.
pub(super) fn quick_check(conn: &Connection) -> rusqlite::Result<Verdict> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(if super::repair::only_row_problems(&lines) {
        Verdict::Usable
    } else {
        Verdict::Foreign(format!("SQLite reports damage: {}", lines.join("; ")))
    })
}

/// What an error met while checking says of the file: damage SQLite
/// reports makes it foreign; any other error (locked, interrupted) is no
/// verdict.
pub(super) fn verdict_of_error(e: &rusqlite::Error) -> Option<Verdict> {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            Some(Verdict::Foreign("it is not an SQLite database".into()))
        }
        Some(ErrorCode::DatabaseCorrupt) => Some(Verdict::Foreign("it is corrupt".into())),
        _ => None,
    }
}

/// How a check not yet judged runs.
enum Run {
    /// On its own thread, interruptible.
    Thread(JoinHandle<Verdict>, InterruptHandle),
    /// Not started: it runs when the first write asks for it.
    Waiting(Connection),
}

/// A whole-file check not yet judged, on its own connection.
pub(super) struct PendingCheck {
    run: Option<Run>,
    /// When the store was opened: names a file moved aside.
    pub(super) opened_at: Timestamp,
}

impl std::fmt::Debug for PendingCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let run = match &self.run {
            Some(Run::Thread(..)) => "running",
            Some(Run::Waiting(_)) => "waiting for a write",
            None => "judged",
        };
        f.debug_struct("PendingCheck")
            .field("run", &run)
            .field("opened_at", &self.opened_at)
            .finish()
    }
}

/// The verdict of a check that ran to its end or stopped on an error.
/// Neither another process's lock nor an interruption is a verdict on the
/// file: it stays usable, as an opening that could not check leaves it.
fn judge(conn: &Connection) -> Verdict {
    quick_check(conn).unwrap_or_else(|e| verdict_of_error(&e).unwrap_or(Verdict::Usable))
}

impl PendingCheck {
    /// Starts checking the file `conn` is open on, on a thread.
    pub(super) fn spawn(conn: Connection, opened_at: Timestamp) -> std::io::Result<PendingCheck> {
        let interrupt = conn.get_interrupt_handle();
        let thread = std::thread::Builder::new()
            .name("quick-check".into())
            .spawn(move || judge(&conn))?;
        Ok(PendingCheck {
            run: Some(Run::Thread(thread, interrupt)),
            opened_at,
        })
    }

    /// A check of the file `conn` is open on, run when first asked for:
    /// for a command that seldom writes, which then never pays for it.
    pub(super) fn at_first_write(conn: Connection, opened_at: Timestamp) -> PendingCheck {
        PendingCheck {
            run: Some(Run::Waiting(conn)),
            opened_at,
        }
    }

    /// Waits for the verdict (or runs the check, when it waited for a
    /// write). A check thread that panicked gives none: the file is judged
    /// again on this thread.
    pub(super) fn verdict(mut self, path: &std::path::Path) -> Verdict {
        match self.run.take() {
            Some(Run::Waiting(conn)) => judge(&conn),
            Some(Run::Thread(thread, _)) => thread.join().unwrap_or_else(|_| {
                Connection::open(path).map_or(Verdict::Usable, |conn| judge(&conn))
            }),
            None => Verdict::Usable,
        }
    }
}

impl Drop for PendingCheck {
    /// A store closed before any write does not wait for its check: the
    /// check is interrupted and its thread left to end on its own.
    fn drop(&mut self) {
        if let Some(Run::Thread(_, interrupt)) = &self.run {
            interrupt.interrupt();
        }
    }
}

#[cfg(test)]
#[path = "integrity_tests.rs"]
pub(super) mod tests;
