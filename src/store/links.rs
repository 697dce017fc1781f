//! History attached from one question id to another: the `links` table.
//!
//! A question whose id changed (its stem was reworded, its note renamed)
//! keeps its history through a link from the old id to the new one, made
//! automatically by `reconcile` or by hand (`munje progress relink`).
//! Attempt and card rows are never rewritten: ids resolve through the
//! active links whenever history is read, so undoing a link only marks it
//! undone and everything reads as before. Owns the SQL of `links`; which
//! links to make is `reconcile`'s business.

use std::collections::HashMap;

use crate::quiz::{CardState, Timestamp};
use crate::vault::QuestionId;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::{Store, StoreError};

/// How a link was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// By the matching rule, when the store was opened with a vault.
    Auto,
    /// By `munje progress relink`.
    Manual,
}

impl LinkKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Auto => "auto",
            LinkKind::Manual => "manual",
        }
    }

    /// The kind stored as `s` (anything but `manual` reads as automatic).
    pub fn parse(s: &str) -> LinkKind {
        if s == "manual" {
            LinkKind::Manual
        } else {
            LinkKind::Auto
        }
    }
}

/// One row of `links`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Its row id (local to this database; `unlink` takes the old id).
    pub row: i64,
    /// The id the history was recorded under.
    pub old_id: QuestionId,
    /// The id it now belongs to.
    pub new_id: QuestionId,
    /// When the link was made.
    pub made_at: Timestamp,
    /// Automatic or by hand.
    pub kind: LinkKind,
    /// Why: the matching rule that fired, with its figures.
    pub evidence: String,
    /// When it was undone; an undone link is kept, and ignored.
    pub undone_at: Option<Timestamp>,
}

/// The active links, ready to resolve ids.
#[derive(Debug, Clone, Default)]
pub struct Links {
    next: HashMap<QuestionId, QuestionId>,
}

impl Links {
    /// True when no link is active.
    pub fn is_empty(&self) -> bool {
        self.next.is_empty()
    }

    /// Where the history of `id` belongs now: `id` itself when it is not
    /// linked, else the end of its chain of links (a cycle, which relink
    /// refuses, ends where it would repeat).
    pub fn resolve<'a>(&'a self, id: &'a QuestionId) -> &'a QuestionId {
        let mut cur = id;
        let mut seen = 0;
        while let Some(next) = self.next.get(cur) {
            seen += 1;
            if next == id || seen > self.next.len() {
                break;
            }
            cur = next;
        }
        cur
    }

    /// Every active link, old id to new id.
    pub fn pairs(&self) -> impl Iterator<Item = (&QuestionId, &QuestionId)> {
        self.next.iter()
    }

    /// True when `id`'s history has been moved to another id.
    pub fn is_linked(&self, id: &QuestionId) -> bool {
        self.next.contains_key(id)
    }

    /// Every id whose history resolves to `id` (itself excluded).
    pub fn sources<'a>(&'a self, id: &'a QuestionId) -> impl Iterator<Item = &'a QuestionId> {
        self.next
            .keys()
            .filter(move |old| *old != id && self.resolve(old) == id)
    }
}

const LINK_COLUMNS: &str = "id, old_id, new_id, made_at, kind, evidence, undone_at";

fn link_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Link> {
    Ok(Link {
        row: r.get(0)?,
        old_id: QuestionId(r.get(1)?),
        new_id: QuestionId(r.get(2)?),
        made_at: Timestamp(r.get(3)?),
        kind: LinkKind::parse(&r.get::<_, String>(4)?),
        evidence: r.get(5)?,
        undone_at: r.get::<_, Option<i64>>(6)?.map(Timestamp),
    })
}

/// The active links. For each old id the latest event counts: its
/// latest link, unless that link was undone or an undo came after it.
/// Deciding by time, not by row, keeps an undo made on one machine when
/// another machine's copy of the link is imported later.
pub(super) fn active(conn: &Connection) -> rusqlite::Result<Links> {
    // Per old id: the latest link (new id, made, undone) and latest undo.
    type Latest = (Option<(QuestionId, i64, Option<i64>)>, Option<i64>);
    let mut stmt = conn
        .prepare("SELECT old_id, new_id, made_at, undone_at FROM links ORDER BY made_at, new_id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            QuestionId(r.get(0)?),
            QuestionId(r.get(1)?),
            r.get::<_, i64>(2)?,
            r.get::<_, Option<i64>>(3)?,
        ))
    })?;
    let mut latest: HashMap<QuestionId, Latest> = HashMap::new();
    for row in rows {
        let (old, new, made, undone) = row?;
        let entry = latest.entry(old).or_default();
        // Rows come in time order: the last one seen is the latest.
        entry.0 = Some((new, made, undone));
        entry.1 = entry.1.max(undone);
    }
    let next = latest
        .into_iter()
        .filter_map(|(old, (link, undo))| {
            let (new, made, undone) = link?;
            (undone.is_none() && undo.is_none_or(|u| made >= u)).then_some((old, new))
        })
        .collect();
    Ok(Links { next })
}

/// Inserts a link, making it the active one for its old id (any earlier
/// active link of that id is marked undone at the same moment).
pub(super) fn insert(conn: &Connection, link: &Link) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE links SET undone_at = ?2 WHERE old_id = ?1 AND undone_at IS NULL",
        params![link.old_id.0, link.made_at.0],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO links (old_id, new_id, made_at, kind, evidence, undone_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            link.old_id.0,
            link.new_id.0,
            link.made_at.0,
            link.kind.as_str(),
            link.evidence,
            link.undone_at.map(|t| t.0)
        ],
    )?;
    Ok(())
}

/// Every link, undone ones included, oldest first.
pub(super) fn all(conn: &Connection) -> rusqlite::Result<Vec<Link>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINK_COLUMNS} FROM links ORDER BY made_at, id"
    ))?;
    let rows = stmt.query_map([], link_of_row)?;
    rows.collect()
}

/// The card a question's schedule continues from: its own, else the most
/// recently reviewed card of the ids linked to it.
pub(super) fn card_with_links(
    conn: &Connection,
    id: &QuestionId,
    load: impl Fn(&Connection, &QuestionId) -> rusqlite::Result<Option<CardState>>,
) -> rusqlite::Result<Option<CardState>> {
    if let Some(own) = load(conn, id)? {
        return Ok(Some(own));
    }
    let links = active(conn)?;
    let mut best: Option<CardState> = None;
    for old in links.sources(id) {
        if let Some(c) = load(conn, old)?
            && best.as_ref().is_none_or(|b| c.last_review > b.last_review)
        {
            best = Some(c);
        }
    }
    Ok(best)
}

/// Why a relink or unlink was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkRefusal {
    /// The old id has no recorded answers or schedule.
    NoHistory(QuestionId),
    /// Old and new are the same id, or the new one already leads back.
    Cycle(QuestionId, QuestionId),
    /// `unlink`: the id has no active link.
    NotLinked(QuestionId),
}

impl Store {
    /// The active links, to resolve ids with.
    pub fn links(&self) -> Result<Links, StoreError> {
        active(&self.conn).map_err(|e| self.err(e))
    }

    /// Every link ever made, undone ones included, oldest first.
    pub fn all_links(&self) -> Result<Vec<Link>, StoreError> {
        all(&self.conn).map_err(|e| self.err(e))
    }

    /// True when answers or a schedule were recorded under `id` itself.
    pub fn has_own_history(&self, id: &QuestionId) -> Result<bool, StoreError> {
        has_own_history(&self.conn, id).map_err(|e| self.err(e))
    }

    /// Attaches the history of `old` to `new` by hand. `Ok(Err(_))` when
    /// refused (nothing changed).
    pub fn relink(
        &mut self,
        old: &QuestionId,
        new: &QuestionId,
        now: Timestamp,
    ) -> Result<Result<Link, LinkRefusal>, StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let links = active(&tx).map_err(sql)?;
        let sourced = links.sources(old).next().is_some();
        if !has_own_history(&tx, old).map_err(sql)? && !sourced {
            return Ok(Err(LinkRefusal::NoHistory(old.clone())));
        }
        if old == new || links.resolve(new) == old {
            return Ok(Err(LinkRefusal::Cycle(old.clone(), new.clone())));
        }
        let link = Link {
            row: 0,
            old_id: old.clone(),
            new_id: new.clone(),
            made_at: now,
            kind: LinkKind::Manual,
            evidence: "munje progress relink".into(),
            undone_at: None,
        };
        insert(&tx, &link).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(Ok(link))
    }

    /// Undoes the active link of `old`: its history reads as its own
    /// again. The link stays listed, marked undone.
    pub fn unlink(
        &mut self,
        old: &QuestionId,
        now: Timestamp,
    ) -> Result<Result<Link, LinkRefusal>, StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let found = tx
            .query_row(
                &format!(
                    "SELECT {LINK_COLUMNS} FROM links WHERE old_id = ?1 AND undone_at IS NULL
                     ORDER BY made_at DESC, id DESC LIMIT 1"
                ),
                [&old.0],
                link_of_row,
            )
            .optional()
            .map_err(sql)?;
        let Some(mut link) = found else {
            return Ok(Err(LinkRefusal::NotLinked(old.clone())));
        };
        tx.execute(
            "UPDATE links SET undone_at = ?2 WHERE old_id = ?1 AND undone_at IS NULL",
            params![old.0, now.0],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        link.undone_at = Some(now);
        Ok(Ok(link))
    }
}

/// True when answers or a card were recorded under `id` itself.
pub(super) fn has_own_history(conn: &Connection, id: &QuestionId) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM attempts WHERE question_id = ?1)
             OR EXISTS (SELECT 1 FROM cards WHERE question_id = ?1)",
        [&id.0],
        |r| r.get(0),
    )
}

/// Moves each attempt to the id its history belongs to now.
pub(super) fn resolve_attempts(
    conn: &Connection,
    attempts: &mut [crate::quiz::Attempt],
) -> rusqlite::Result<()> {
    let links = active(conn)?;
    if links.is_empty() {
        return Ok(());
    }
    for a in attempts {
        let to = links.resolve(&a.question);
        if *to != a.question {
            a.question = to.clone();
        }
    }
    Ok(())
}

/// Every card's due date and last review under the id its history
/// belongs to now; where links bring several cards to one id, the most
/// recently reviewed one counts.
pub(super) fn resolved_dues(
    conn: &Connection,
) -> rusqlite::Result<HashMap<QuestionId, (Timestamp, Timestamp)>> {
    let links = active(conn)?;
    let mut stmt = conn.prepare("SELECT question_id, due, last_review FROM cards")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            QuestionId(r.get(0)?),
            Timestamp(r.get(1)?),
            Timestamp(r.get(2)?),
        ))
    })?;
    let mut out: HashMap<QuestionId, (Timestamp, Timestamp)> = HashMap::new();
    for row in rows {
        let (id, due, last) = row?;
        let id = links.resolve(&id).clone();
        match out.get(&id) {
            Some(&(_, seen)) if seen >= last => {}
            _ => {
                out.insert(id, (due, last));
            }
        }
    }
    Ok(out)
}
