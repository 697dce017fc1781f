//! The rows behind export and import: reading every record of the
//! database in export order, mapping rows to [`Record`]s, and writing a
//! record back. Owns SQL only; merging is `transfer`'s.

use rusqlite::{Connection, params};

use super::Record;

pub(super) fn read_all(conn: &Connection) -> rusqlite::Result<Vec<Record>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, mode, started_at, seed, questions, finished_at, ending, correct, scaled, passed
         FROM sessions ORDER BY id",
    )?;
    for r in stmt.query_map([], session_of_row)? {
        out.push(r?);
    }
    let mut stmt = conn.prepare(
        "SELECT session_id, mode, question_id, chosen, correct_letters, is_correct, seconds,
                answered_at, tags, rating
         FROM attempts ORDER BY answered_at, session_id, question_id",
    )?;
    for r in stmt.query_map([], attempt_of_row)? {
        out.push(r?);
    }
    let mut stmt = conn.prepare(
        "SELECT question_id, stability, difficulty, due, last_review, reps, lapses
         FROM cards ORDER BY question_id",
    )?;
    for r in stmt.query_map([], card_of_row)? {
        out.push(r?);
    }
    let mut stmt = conn.prepare(
        "SELECT old_id, new_id, made_at, kind, evidence, undone_at
         FROM links ORDER BY made_at, old_id, new_id",
    )?;
    for r in stmt.query_map([], link_of_row)? {
        out.push(r?);
    }
    Ok(out)
}

pub(super) fn session_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Session {
        id: r.get(0)?,
        mode: r.get(1)?,
        started_at: r.get(2)?,
        seed: r.get(3)?,
        questions: r.get(4)?,
        finished_at: r.get(5)?,
        ending: r.get(6)?,
        correct: r.get(7)?,
        scaled: r.get(8)?,
        passed: r.get(9)?,
    })
}

pub(super) fn attempt_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Attempt {
        session_id: r.get(0)?,
        mode: r.get(1)?,
        question_id: r.get(2)?,
        chosen: r.get(3)?,
        correct_letters: r.get(4)?,
        is_correct: r.get(5)?,
        seconds: r.get(6)?,
        answered_at: r.get(7)?,
        tags: r.get::<_, String>(8)?.lines().map(str::to_owned).collect(),
        rating: r.get(9)?,
    })
}

pub(super) fn card_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Card {
        question_id: r.get(0)?,
        stability: r.get(1)?,
        difficulty: r.get(2)?,
        due: r.get(3)?,
        last_review: r.get(4)?,
        reps: r.get(5)?,
        lapses: r.get(6)?,
    })
}

pub(super) fn link_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Link {
        old_id: r.get(0)?,
        new_id: r.get(1)?,
        made_at: r.get(2)?,
        kind: r.get(3)?,
        evidence: r.get(4)?,
        undone_at: r.get(5)?,
    })
}

#[allow(clippy::too_many_lines)] // one statement per record kind
pub(super) fn write(conn: &Connection, record: &Record) -> rusqlite::Result<()> {
    match record {
        Record::Header { .. } => {}
        Record::Session {
            id,
            mode,
            started_at,
            seed,
            questions,
            finished_at,
            ending,
            correct,
            scaled,
            passed,
        } => {
            conn.execute(
                "INSERT OR REPLACE INTO sessions
                 (id, mode, started_at, seed, questions, finished_at, ending, correct, scaled, passed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    mode,
                    started_at,
                    seed,
                    questions,
                    finished_at,
                    ending,
                    correct,
                    scaled,
                    passed
                ],
            )?;
        }
        Record::Attempt {
            session_id,
            mode,
            question_id,
            chosen,
            correct_letters,
            is_correct,
            seconds,
            answered_at,
            tags,
            rating,
        } => {
            conn.execute(
                "INSERT INTO attempts (session_id, mode, question_id, chosen, correct_letters,
                   is_correct, seconds, answered_at, tags, rating)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (session_id, question_id) DO UPDATE SET mode = excluded.mode,
                   chosen = excluded.chosen, correct_letters = excluded.correct_letters,
                   is_correct = excluded.is_correct, seconds = excluded.seconds,
                   answered_at = excluded.answered_at, tags = excluded.tags,
                   rating = excluded.rating",
                params![
                    session_id,
                    mode,
                    question_id,
                    chosen,
                    correct_letters,
                    is_correct,
                    seconds,
                    answered_at,
                    tags.join("\n"),
                    rating
                ],
            )?;
        }
        Record::Card {
            question_id,
            stability,
            difficulty,
            due,
            last_review,
            reps,
            lapses,
        } => {
            conn.execute(
                "INSERT OR REPLACE INTO cards
                 (question_id, stability, difficulty, due, last_review, reps, lapses)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    question_id,
                    stability,
                    difficulty,
                    due,
                    last_review,
                    reps,
                    lapses
                ],
            )?;
        }
        Record::Link {
            old_id,
            new_id,
            made_at,
            kind,
            evidence,
            undone_at,
        } => {
            conn.execute(
                "INSERT INTO links (old_id, new_id, made_at, kind, evidence, undone_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (old_id, new_id, made_at) DO UPDATE SET kind = excluded.kind,
                   evidence = excluded.evidence, undone_at = excluded.undone_at",
                params![old_id, new_id, made_at, kind, evidence, undone_at],
            )?;
        }
    }
    Ok(())
}
