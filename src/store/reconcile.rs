//! Keeping history attached to questions people edit: run whenever the
//! store is opened with a vault (quiz, the app, the notebook).
//!
//! Remembers what each question of the vault looks like (the `snapshots`
//! table, rewritten only where a fingerprint changed), finds history whose
//! id left the vault, and links it to the one new question the rule of
//! [`crate::quiz::identity`] picks. The work is linear in the vault: one
//! read of the snapshot fingerprints, one probe per orphan and candidate.
//! Also lists the history no question of the vault carries (for `check`,
//! which opens the database read-only).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::quiz::Timestamp;
use crate::quiz::identity::{Matching, Snapshot, match_orphans};
use crate::vault::{Question, QuestionId, Vault};

use super::links::{self, Link, LinkKind};
use super::{Store, StoreError};

/// What one reconciliation did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reconciled {
    /// Links made automatically.
    pub linked: Vec<Link>,
    /// Orphans left alone because more than one question fitted.
    pub ambiguous: Vec<(QuestionId, Vec<QuestionId>)>,
}

/// History whose question is not in the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The id it was recorded under.
    pub id: QuestionId,
    /// Answers recorded under it.
    pub answers: u64,
    /// The stem last seen, if munje ever saw it.
    pub last_stem: Option<String>,
    /// Where it was last seen.
    pub last_path: Option<String>,
}

fn read_snapshot(conn: &Connection, id: &QuestionId) -> rusqlite::Result<Option<Snapshot>> {
    conn.query_row(
        "SELECT stem, options, answers, note_title, path FROM snapshots WHERE question_id = ?1",
        [&id.0],
        |r| {
            let lines = |s: String| -> Vec<String> { s.lines().map(str::to_owned).collect() };
            Ok(Snapshot {
                id: id.clone(),
                stem: r.get(0)?,
                options: lines(r.get(1)?),
                answers: lines(r.get(2)?),
                note_title: r.get(3)?,
                path: r.get(4)?,
            })
        },
    )
    .optional()
}

fn write_snapshot(
    conn: &Connection,
    s: &Snapshot,
    fp: i64,
    now: Timestamp,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO snapshots (question_id, stem, options, answers, note_title, path, fingerprint, seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (question_id) DO UPDATE SET stem = excluded.stem, options = excluded.options,
           answers = excluded.answers, note_title = excluded.note_title, path = excluded.path,
           fingerprint = excluded.fingerprint, seen_at = excluded.seen_at",
        params![
            s.id.0,
            s.stem,
            s.options.join("\n"),
            s.answers.join("\n"),
            s.note_title,
            s.path,
            fp,
            now.0
        ],
    )?;
    Ok(())
}

/// True when `id` has answers or a card, its own or linked to it.
/// How long reconciling waits for another process's write lock.
pub const RECONCILE_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// The vault's questions compared with their snapshots.
struct Changes<'v> {
    known: HashMap<QuestionId, i64>,
    in_vault: HashSet<&'v QuestionId>,
    /// Questions whose snapshot differs from the stored one, with their
    /// fingerprints. Questions, not snapshots: a vault opened for the first
    /// time has every question here, and copies of all their texts at once
    /// were the app's largest moment on a large vault (120 MB of 100,000
    /// notes' questions, beside the vault and its search index).
    changed: Vec<(&'v Question, i64)>,
    /// Questions never seen before.
    fresh: Vec<(&'v Question, i64)>,
}

fn changes<'v>(conn: &Connection, vault: &'v Vault) -> rusqlite::Result<Changes<'v>> {
    let known: HashMap<QuestionId, i64> = {
        let mut stmt = conn.prepare("SELECT question_id, fingerprint FROM snapshots")?;
        let rows = stmt.query_map([], |r| Ok((QuestionId(r.get(0)?), r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut in_vault: HashSet<&QuestionId> = HashSet::with_capacity(vault.questions.len());
    let mut changed = Vec::new();
    let mut fresh = Vec::new();
    for q in &vault.questions {
        if !in_vault.insert(&q.id) {
            continue; // a duplicate id: the first use speaks for it
        }
        let fp = Snapshot::fingerprint_of(vault, q);
        match known.get(&q.id) {
            Some(&old) if old == fp => {}
            Some(_) => changed.push((q, fp)),
            None => fresh.push((q, fp)),
        }
    }
    Ok(Changes {
        known,
        in_vault,
        changed,
        fresh,
    })
}

/// The writing half of [`Store::reconcile`], under the write lock.
fn reconcile_locked(
    conn: &mut Connection,
    vault: &Vault,
    now: Timestamp,
) -> rusqlite::Result<Reconciled> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the lock: another munje may have just reconciled.
    let Changes {
        known,
        in_vault,
        changed,
        fresh,
    } = changes(&tx, vault)?;
    let links = links::active(&tx)?;
    let mut result = Reconciled::default();
    // Only a question never seen before can take over orphaned history,
    // and only in a vault munje has met before: opening another vault
    // (every question fresh) must not pull one vault's history into it.
    let met_before = fresh.len() < in_vault.len();
    if !fresh.is_empty() && met_before {
        let mut orphans = Vec::new();
        for id in known.keys() {
            if in_vault.contains(id) || links.is_linked(id) {
                continue;
            }
            if has_history(&tx, &links, id)?
                && let Some(s) = read_snapshot(&tx, id)?
            {
                orphans.push(s);
            }
        }
        orphans.sort_by(|a, b| a.id.cmp(&b.id));
        if !orphans.is_empty() {
            let mut candidates = Vec::new();
            for (q, _) in &fresh {
                if !has_history(&tx, &links, &q.id)? {
                    candidates.push(Snapshot::of(vault, q));
                }
            }
            let Matching { matched, ambiguous } = match_orphans(&orphans, &candidates);
            for m in matched {
                let link = Link {
                    row: 0,
                    old_id: m.old,
                    new_id: m.new,
                    made_at: now,
                    kind: LinkKind::Auto,
                    evidence: m.evidence.to_string(),
                    undone_at: None,
                };
                links::insert(&tx, &link)?;
                result.linked.push(link);
            }
            result.ambiguous = ambiguous;
        }
    }
    // One snapshot at a time, each freed once written.
    for (q, fp) in changed.iter().chain(&fresh) {
        write_snapshot(&tx, &Snapshot::of(vault, q), *fp, now)?;
    }
    tx.commit()?;
    Ok(result)
}

fn has_history(conn: &Connection, links: &links::Links, id: &QuestionId) -> rusqlite::Result<bool> {
    if links::has_own_history(conn, id)? {
        return Ok(true);
    }
    for old in links.sources(id) {
        if links::has_own_history(conn, old)? {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Store {
    /// Snapshots the vault's questions and links orphaned history to the
    /// question it now belongs to, when the rule is sure (see
    /// [`crate::quiz::identity`]). When nothing in the vault changed it
    /// only reads; otherwise it writes in one transaction, waiting at most
    /// [`RECONCILE_WAIT`] for another munje's lock (a busy store is simply
    /// tried again at the next opening: a quiz never waits on this).
    pub fn reconcile(&mut self, vault: &Vault, now: Timestamp) -> Result<Reconciled, StoreError> {
        let sql = StoreError::sqlite(&self.path);
        let pending = {
            let tx = self.conn.transaction().map_err(sql)?;
            let c = changes(&tx, vault).map_err(sql)?;
            c.changed.len() + c.fresh.len()
        };
        if pending == 0 {
            return Ok(Reconciled::default());
        }
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        self.conn.busy_timeout(RECONCILE_WAIT).map_err(sql)?;
        let result = reconcile_locked(&mut self.conn, vault, now).map_err(sql);
        let restored = self.conn.busy_timeout(super::busy_timeout()).map_err(sql);
        let result = result?;
        restored?;
        Ok(result)
    }

    /// History no question of `vault` carries, once links are followed.
    pub fn orphans(&self, vault: &Vault) -> Result<Vec<Orphan>, StoreError> {
        orphans(&self.conn, vault).map_err(|e| self.err(e))
    }
}

/// [`Store::orphans`] on the database at `path`, opened read-only: no
/// file is created, migrated or changed. `Ok(None)` when there is no
/// database, or it is not one this munje can read.
pub fn orphans_read_only(path: &Path, vault: &Vault) -> Result<Option<Vec<Orphan>>, StoreError> {
    if !path.exists() {
        return Ok(None);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = Connection::open_with_flags(path, flags) else {
        return Ok(None);
    };
    let _ = conn.busy_timeout(super::busy_timeout());
    let version = super::schema::version(&conn).unwrap_or(0);
    if super::schema::application_id(&conn).ok() != Some(super::APPLICATION_ID)
        || !(1..=super::LATEST_VERSION).contains(&version)
    {
        return Ok(None);
    }
    orphans(&conn, vault)
        .map(Some)
        .map_err(StoreError::sqlite(path))
}

fn orphans(conn: &Connection, vault: &Vault) -> rusqlite::Result<Vec<Orphan>> {
    let has_links = super::schema::version(conn)? >= 3;
    let links = if has_links {
        links::active(conn)?
    } else {
        links::Links::default()
    };
    let in_vault: HashSet<&QuestionId> = vault.questions.iter().map(|q| &q.id).collect();
    let mut counts: HashMap<QuestionId, u64> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT question_id, count(*) FROM attempts GROUP BY question_id
             UNION ALL SELECT question_id, 0 FROM cards",
        )?;
        let rows = stmt.query_map([], |r| Ok((QuestionId(r.get(0)?), r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (id, n) = row?;
            let id = links.resolve(&id).clone();
            *counts.entry(id).or_default() += n.unsigned_abs();
        }
    }
    let mut out = Vec::new();
    for (id, answers) in counts {
        if in_vault.contains(&id) {
            continue;
        }
        let snap = if has_links {
            read_snapshot(conn, &id)?
        } else {
            None
        };
        out.push(Orphan {
            id,
            answers,
            last_stem: snap.as_ref().map(|s| s.stem.clone()),
            last_path: snap.map(|s| s.path),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}
