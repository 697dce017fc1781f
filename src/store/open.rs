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
use super::integrity::{self, PendingCheck, Verdict};
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

/// When an opening runs the whole-file check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// Before the file is used.
    First,
    /// On a thread of its own, beside the first reads; writes wait for it
    /// (see `integrity`). A file that must be migrated or repaired is
    /// still checked first.
    Beside,
    /// When the first write comes, on the writing thread (never, for a
    /// store only read); as [`Check::Beside`] otherwise.
    AtFirstWrite,
}

/// Opens (creating or migrating as needed) the database at `path`,
/// checking the whole file first.
pub fn open_connection(
    path: &Path,
    now: Timestamp,
) -> Result<(Connection, Option<Recovery>), StoreError> {
    open_checking(path, now, Check::First).map(|(conn, recovery, _)| (conn, recovery))
}

/// [`open_connection`], with the whole-file check run as `check` says;
/// the check still running comes back beside the connection.
pub(super) fn open_checking(
    path: &Path,
    now: Timestamp,
    check: Check,
) -> Result<(Connection, Option<Recovery>, Option<PendingCheck>), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    let mut recovery = None;
    let mut pending = None;
    if path.exists() {
        let (mut verdict, unchecked) = inspect(path, check)?;
        if let Some(conn) = unchecked {
            match check {
                Check::AtFirstWrite => pending = Some(PendingCheck::at_first_write(conn, now)),
                // Without a thread, the check runs here, as it always did.
                _ => match PendingCheck::spawn(conn, now) {
                    Ok(p) => pending = Some(p),
                    Err(_) => verdict = check_now(path)?,
                },
            }
        }
        if let Verdict::Foreign(reason) = verdict {
            recovery = Some(move_aside(path, now, reason)?);
        }
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
            Ok(()) => {
                // Best effort: a read-only or locked file keeps working
                // without due dates until it can be written.
                let _ = super::repair::rebuild_missing_cards(&mut conn);
                return Ok((conn, recovery, pending));
            }
            Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(sql(e)),
        }
    }
}

/// Another connection to a file [`open_checking`] just opened.
pub(super) fn second_connection(path: &Path) -> Result<Connection, StoreError> {
    let conn = connect(path)?;
    let sql = StoreError::sqlite(path);
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sql)?;
    Ok(conn)
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

/// Opens an existing, up-to-date, undamaged database for reading only:
/// nothing is created, migrated or locked for writing, so a read-only data
/// folder serves `stats` and `wrong`. `Ok(None)` when the file needs what
/// only [`open_connection`] does (creating, migrating, moving aside).
pub fn open_read_only(path: &Path) -> Result<Option<Connection>, StoreError> {
    match read_only_connection(path, false)? {
        Some(conn) => Ok(Some(conn)),
        // SQLite reads a WAL file through a `-shm` index it must be able
        // to create; in a read-only folder it cannot. With no `-wal` file
        // beside it (munje's last close folded it in), every answer is in
        // the main file, and SQLite can read it as an immutable file.
        None if !wal_path(path).exists() => read_only_connection(path, true),
        None => Ok(None),
    }
}

/// The write-ahead log beside a database.
fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// `file:` URI of a path, every byte but the unreserved ones escaped.
fn file_uri(path: &Path, immutable: bool) -> String {
    use std::fmt::Write as _;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    uri.push_str(if immutable {
        "?mode=ro&immutable=1"
    } else {
        "?mode=ro"
    });
    uri
}

/// [`open_read_only`] once, as an immutable file or not.
fn read_only_connection(path: &Path, immutable: bool) -> Result<Option<Connection>, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let Ok(conn) = Connection::open_with_flags(file_uri(path, immutable), flags) else {
        return Ok(None);
    };
    conn.busy_timeout(busy_timeout())
        .map_err(StoreError::sqlite(path))?;
    let probe = || -> rusqlite::Result<Option<i64>> {
        if schema::application_id(&conn)? != APPLICATION_ID {
            return Ok(None);
        }
        let version = schema::version(&conn)?;
        // No `PRAGMA quick_check` here: it reads the whole file (200 ms on
        // a year of answers), and a reader repairs nothing. Damage SQLite
        // meets while reading is an error of that command; the next
        // writable opening checks the file and moves it aside.
        Ok(Some(version))
    };
    match probe() {
        Ok(Some(version)) if version > LATEST_VERSION => Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: LATEST_VERSION,
        }),
        Ok(Some(LATEST_VERSION)) => Ok(Some(conn)),
        Err(e) if is_busy(&e) => Err(StoreError::sqlite(path)(e)),
        // Older, foreign or damaged: for the opening that can fix it.
        Ok(_) | Err(_) => Ok(None),
    }
}

/// The whole-file check, on this thread.
fn check_now(path: &Path) -> Result<Verdict, StoreError> {
    let conn = connect(path)?;
    match integrity::quick_check(&conn) {
        Ok(verdict) => Ok(verdict),
        Err(e) => integrity::verdict_of_error(&e).ok_or_else(|| StoreError::sqlite(path)(e)),
    }
}

/// Decides whether an existing file can be used. Only damage SQLite itself
/// reports (not a database, corrupt) or a foreign application id makes it
/// foreign; any other error (locked, permissions) is passed on, so a busy
/// file is never mistaken for a broken one. With [`Check::Beside`] and a
/// file that needs no writing to open (up to date, with its `cards`), the
/// whole-file check is left out and the connection comes back for it.
fn inspect(path: &Path, check: Check) -> Result<(Verdict, Option<Connection>), StoreError> {
    let mut conn = connect(path)?;
    let mut deferred = false;
    let mut probe = |conn: &mut Connection| -> rusqlite::Result<Verdict> {
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
        if check != Check::First && version == LATEST_VERSION && has_cards(conn)? {
            deferred = true;
            return Ok(Verdict::Usable);
        }
        integrity::quick_check(conn)
    };
    match probe(&mut conn) {
        Ok(Verdict::Usable) if deferred => Ok((Verdict::Usable, Some(conn))),
        Ok(Verdict::Usable) => {
            let version = schema::version(&conn).unwrap_or(0);
            if version > LATEST_VERSION {
                return Err(StoreError::NewerSchema {
                    path: path.to_owned(),
                    found: version,
                    supported: LATEST_VERSION,
                });
            }
            Ok((Verdict::Usable, None))
        }
        Ok(foreign) => Ok((foreign, None)),
        Err(e) => match integrity::verdict_of_error(&e) {
            Some(foreign) => Ok((foreign, None)),
            None => Err(StoreError::sqlite(path)(e)),
        },
    }
}

/// True when the `cards` table is there (else opening rebuilds it).
fn has_cards(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cards'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// Renames the file (and any `-wal`/`-shm` beside it) to
/// `progress.db.corrupt-<timestamp>`, never deleting anything.
pub(super) fn move_aside(
    path: &Path,
    now: Timestamp,
    reason: String,
) -> Result<Recovery, StoreError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_opens_reach_paths_with_uri_characters() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("진도 ?#%& 100%.db");
        let now = Timestamp::from_secs(1_800_000_000);
        let (conn, _) = open_connection(&path, now).unwrap();
        drop(conn);
        assert!(!wal_path(&path).exists(), "closing folds the log in");
        for immutable in [false, true] {
            let conn = read_only_connection(&path, immutable).unwrap();
            let conn = conn.expect("an up-to-date file opens read-only");
            assert_eq!(schema::version(&conn).unwrap(), LATEST_VERSION);
        }
        assert_eq!(
            file_uri(Path::new("/a b/c?d#e%f"), true),
            "file:/a%20b/c%3Fd%23e%25f?mode=ro&immutable=1"
        );
    }
}
