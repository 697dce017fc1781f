//! Opening the progress database safely: where it lives, what to do with a
//! file that is not munje's or is damaged (move it aside, never wipe it),
//! and refusing a file written by a newer munje.
//!
//! Owns the path and the checks made before any read or write; queries are
//! in `attempts` and `stats`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use etcetera::BaseStrategy as _;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::quiz::Timestamp;

use super::StoreError;
use super::schema::{self, APPLICATION_ID, LATEST_VERSION};

/// The file name inside the data directory.
pub const DB_FILE: &str = "progress.db";

/// How long a write waits for another munje process holding the lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Where progress is kept: `DIR/progress.db` for `--data-dir DIR` (or
/// `MUNJE_DATA_DIR`), else `munje/progress.db` under the XDG data directory.
pub fn database_path(data_dir: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = data_dir {
        return Ok(dir.join(DB_FILE));
    }
    let base =
        etcetera::choose_base_strategy().map_err(|e| StoreError::NoDataDir(e.to_string()))?;
    Ok(base.data_dir().join("munje").join(DB_FILE))
}

/// [`BUSY_TIMEOUT`], or `MUNJE_BUSY_TIMEOUT_MS` when set: a hidden hook
/// that lets the reliability tests hold the lock past it in well under a
/// second.
pub fn busy_timeout() -> Duration {
    std::env::var("MUNJE_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(BUSY_TIMEOUT, Duration::from_millis)
}

/// An empty database in memory with the current schema.
pub fn in_memory() -> rusqlite::Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    schema::migrate_to(&mut conn, LATEST_VERSION)?;
    Ok(conn)
}

/// A damaged or foreign file that was moved aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Where the old file is now.
    pub moved_to: PathBuf,
    /// Why it was moved.
    pub reason: String,
}

/// What an existing file turned out to be.
enum Verdict {
    Usable,
    Foreign(String),
}

/// Opens (creating or migrating as needed) the database at `path`.
pub fn open_connection(
    path: &Path,
    now: Timestamp,
) -> Result<(Connection, Option<Recovery>), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    let mut recovery = None;
    if path.exists()
        && let Verdict::Foreign(reason) = inspect(path)?
    {
        recovery = Some(move_aside(path, now, reason)?);
    }
    let mut conn = connect(path)?;
    // WAL lets a reader and a writer work at once; FULL makes each commit
    // survive a power cut, not only a killed process.
    let sql = StoreError::sqlite(path);
    // Two munje processes creating the same new database can make SQLite
    // answer "locked" at once, without waiting (its deadlock avoidance while
    // a lock is raised): try again until the busy timeout runs out.
    let deadline = std::time::Instant::now() + busy_timeout();
    loop {
        match configure(&mut conn) {
            Ok(()) => return Ok((conn, recovery)),
            Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(sql(e)),
        }
    }
}

/// WAL journal, durable commits, foreign keys, the latest schema.
fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    schema::migrate_to(conn, LATEST_VERSION)
}

/// True for the errors another connection's lock causes.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn connect(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let conn = Connection::open_with_flags(path, flags).map_err(StoreError::sqlite(path))?;
    conn.busy_timeout(busy_timeout())
        .map_err(StoreError::sqlite(path))?;
    Ok(conn)
}

/// Decides whether an existing file can be used. Only damage SQLite itself
/// reports (not a database, corrupt) or a foreign application id makes it
/// foreign; any other error (locked, permissions) is passed on, so a busy
/// file is never mistaken for a broken one.
fn inspect(path: &Path) -> Result<Verdict, StoreError> {
    let mut conn = connect(path)?;
    let probe = |conn: &mut Connection| -> rusqlite::Result<Verdict> {
        // One read transaction, so every question below sees the same
        // state: read one by one, another process creating the file could
        // commit between them, and a stamp read before its commit with
        // tables read after would look like another program's database.
        let tx = conn.transaction()?;
        let conn = &*tx;
        let app = schema::application_id(conn)?;
        let version = schema::version(conn)?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if app == 0 && version == 0 && objects == 0 {
            return Ok(Verdict::Usable); // empty: a new file, or one mid-creation
        }
        if app != APPLICATION_ID {
            return Ok(Verdict::Foreign(format!(
                "it is an SQLite database of another program (application id {app})"
            )));
        }
        if version > LATEST_VERSION {
            return Ok(Verdict::Usable); // refused below, untouched
        }
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        Ok(if check == "ok" {
            Verdict::Usable
        } else {
            Verdict::Foreign(format!("SQLite reports damage: {check}"))
        })
    };
    match probe(&mut conn) {
        Ok(Verdict::Usable) => {
            let version = schema::version(&conn).unwrap_or(0);
            if version > LATEST_VERSION {
                return Err(StoreError::NewerSchema {
                    path: path.to_owned(),
                    found: version,
                    supported: LATEST_VERSION,
                });
            }
            Ok(Verdict::Usable)
        }
        Ok(foreign) => Ok(foreign),
        Err(e) => match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => {
                Ok(Verdict::Foreign("it is not an SQLite database".into()))
            }
            Some(ErrorCode::DatabaseCorrupt) => Ok(Verdict::Foreign("it is corrupt".into())),
            _ => Err(StoreError::sqlite(path)(e)),
        },
    }
}

/// Renames the file (and any `-wal`/`-shm` beside it) to
/// `progress.db.corrupt-<timestamp>`, never deleting anything.
fn move_aside(path: &Path, now: Timestamp, reason: String) -> Result<Recovery, StoreError> {
    let name = path
        .file_name()
        .map_or_else(|| DB_FILE.into(), |n| n.to_string_lossy().into_owned());
    let mut target = path.with_file_name(format!("{name}.corrupt-{}", now.compact_utc()));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.corrupt-{}-{n}", now.compact_utc()));
    }
    let rename = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|source| StoreError::Io {
            path: from.to_owned(),
            source,
        })
    };
    rename(path, &target)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            rename(
                &side,
                &PathBuf::from(format!("{}{suffix}", target.display())),
            )?;
        }
    }
    Ok(Recovery {
        moved_to: target,
        reason,
    })
}
