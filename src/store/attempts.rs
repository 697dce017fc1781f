//! Writing and reading attempts, card states and sessions.
//!
//! Owns the SQL of the `attempts`, `cards` and `sessions` tables. Every
//! write is its own immediate transaction, committed before returning, so
//! a killed process loses at most the answer in flight and a second munje
//! waits its turn (busy timeout) instead of failing.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use crate::quiz::{
    Attempt, CardState, ExamResult, History, ModeKind, QuestionHistory, Rating, Scheduler,
    SessionId, Timestamp, letters_to_string,
};
use crate::vault::{QuestionId, Tag};

use super::{Store, StoreError};

/// What recording an answer did to its question's card.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Recorded {
    /// The new card (practice; `None` for an exam answer).
    pub card: Option<CardState>,
    /// The card before this answer (`None` for a first answer).
    pub previous: Option<CardState>,
}

const ATTEMPT_COLUMNS: &str = "session_id, mode, question_id, chosen, correct_letters, \
     is_correct, seconds, answered_at, tags, rating";

impl Store {
    /// Records a session's start.
    pub fn start_session(
        &mut self,
        id: &SessionId,
        mode: ModeKind,
        seed: Option<u64>,
        questions: usize,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.finish_check()?;
        // Seeds are stored bit for bit; SQLite integers are signed.
        let seed = seed.map(|s| i64::from_ne_bytes(s.to_ne_bytes()));
        let questions = i64::try_from(questions).unwrap_or(i64::MAX);
        self.conn
            .execute(
                "INSERT OR IGNORE INTO sessions (id, mode, started_at, seed, questions)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id.0, mode.as_str(), now.0, seed, questions],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Records how a session ended (with the exam result, if any).
    pub fn finish_session(
        &mut self,
        id: &SessionId,
        ending: &str,
        correct: usize,
        exam: Option<&ExamResult>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.finish_check()?;
        self.conn
            .execute(
                "UPDATE sessions SET finished_at = ?2, ending = ?3, correct = ?4,
                 scaled = ?5, passed = ?6 WHERE id = ?1",
                params![
                    id.0,
                    now.0,
                    ending,
                    i64::try_from(correct).unwrap_or(i64::MAX),
                    exam.map(|r| r.scaled),
                    exam.map(|r| r.passed),
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Commits one answer. With a scheduler the question's card moves in
    /// the same transaction (practice); without, only the answer is kept
    /// (an exam answer, replaced if changed, scheduled at submission).
    /// Returns the new card state when one was computed, and the one it
    /// replaced (what [`Store::take_back`] restores).
    pub fn record(
        &mut self,
        attempt: &Attempt,
        scheduler: Option<&Scheduler>,
    ) -> Result<Recorded, StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let tags: Vec<&str> = attempt.tags.iter().map(Tag::as_str).collect();
        tx.execute(
            &format!(
                "INSERT INTO attempts ({ATTEMPT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (session_id, question_id) DO UPDATE SET
                   chosen = excluded.chosen, is_correct = excluded.is_correct,
                   seconds = excluded.seconds, answered_at = excluded.answered_at,
                   rating = excluded.rating"
            ),
            params![
                attempt.session.0,
                attempt.mode.as_str(),
                attempt.question.0,
                letters_to_string(&attempt.chosen),
                letters_to_string(&attempt.correct_letters),
                attempt.correct,
                attempt.seconds,
                attempt.at.0,
                tags.join("\n"),
                attempt.rating.as_str(),
            ],
        )
        .map_err(sql)?;
        let recorded = match scheduler {
            Some(s) => {
                let prev = super::links::card_with_links(&tx, &attempt.question, load_card)
                    .map_err(sql)?;
                let next = s
                    .review(prev.as_ref(), attempt.rating, attempt.at)
                    .unwrap_or_else(|_| fallback_card(prev.as_ref(), attempt));
                save_card(&tx, &attempt.question, &next).map_err(sql)?;
                Recorded {
                    card: Some(next),
                    previous: prev,
                }
            }
            None => Recorded::default(),
        };
        tx.commit().map_err(sql)?;
        Ok(recorded)
    }

    /// Takes an answer back (undo): its row is removed and the card it
    /// moved is put back as it was (`previous`), in one transaction.
    pub fn take_back(
        &mut self,
        attempt: &Attempt,
        previous: Option<&CardState>,
    ) -> Result<(), StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        tx.execute(
            "DELETE FROM attempts WHERE session_id = ?1 AND question_id = ?2",
            params![attempt.session.0, attempt.question.0],
        )
        .map_err(sql)?;
        match previous {
            Some(card) => save_card(&tx, &attempt.question, card).map_err(sql)?,
            None => {
                tx.execute(
                    "DELETE FROM cards WHERE question_id = ?1",
                    [&attempt.question.0],
                )
                .map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)
    }

    /// Moves the cards of answers recorded earlier (an exam's, once
    /// submitted); returns each question's new card.
    pub fn schedule(
        &mut self,
        attempts: &[Attempt],
        scheduler: &Scheduler,
    ) -> Result<Vec<(QuestionId, CardState)>, StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut cards = Vec::with_capacity(attempts.len());
        for a in attempts {
            let prev = super::links::card_with_links(&tx, &a.question, load_card).map_err(sql)?;
            let next = scheduler
                .review(prev.as_ref(), a.rating, a.at)
                .unwrap_or_else(|_| fallback_card(prev.as_ref(), a));
            save_card(&tx, &a.question, &next).map_err(sql)?;
            cards.push((a.question.clone(), next));
        }
        tx.commit().map_err(sql)?;
        Ok(cards)
    }

    /// Refills the summary tables from every attempt (they are derived:
    /// the triggers keep them current; this rebuilds them if they were
    /// ever lost or damaged).
    pub fn rebuild_summaries(&mut self) -> Result<(), StoreError> {
        self.finish_check()?;
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        tx.execute_batch(super::schema::REBUILD_SUMMARIES)
            .map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Every readable attempt, oldest first (see [`Store::unreadable_rows`]),
    /// under the id its history belongs to now (see `links`).
    pub fn attempts(&self) -> Result<Vec<Attempt>, StoreError> {
        let mut attempts = readable_attempts(&self.conn).map_err(|e| self.err(e))?;
        super::links::resolve_attempts(&self.conn, &mut attempts).map_err(|e| self.err(e))?;
        Ok(attempts)
    }

    /// The card state of a question.
    pub fn card(&self, id: &QuestionId) -> Result<Option<CardState>, StoreError> {
        super::links::card_with_links(&self.conn, id, load_card).map_err(|e| self.err(e))
    }

    /// Every readable card, by question (the readiness forecast's input);
    /// none when the derived `cards` table is missing and could not be
    /// rebuilt (a read-only file).
    pub fn cards(&self) -> Result<HashMap<QuestionId, CardState>, StoreError> {
        let stmt = self.conn.prepare(
            "SELECT question_id, stability, difficulty, due, last_review, reps, lapses FROM cards
             WHERE typeof(question_id) = 'text' AND typeof(due) = 'integer'
               AND typeof(last_review) = 'integer'",
        );
        let mut stmt = match stmt {
            Ok(stmt) => stmt,
            Err(e) if e.to_string().contains("no such table") => return Ok(HashMap::new()),
            Err(e) => return Err(self.err(e)),
        };
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    QuestionId(r.get(0)?),
                    CardState {
                        stability: r.get(1)?,
                        difficulty: r.get(2)?,
                        due: Timestamp(r.get(3)?),
                        last_review: Timestamp(r.get(4)?),
                        reps: r.get(5)?,
                        lapses: r.get(6)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        Ok(rows.filter_map(Result::ok).collect())
    }

    /// Due dates of every card (one per question once links resolve).
    pub fn due_dates(&self) -> Result<Vec<Timestamp>, StoreError> {
        Ok(self.dues()?.into_values().map(|(due, _)| due).collect())
    }

    /// Each card's due date and last review under the id its history
    /// belongs to now; none when the derived `cards` table is missing and
    /// could not be rebuilt (a read-only file).
    fn dues(
        &self,
    ) -> Result<std::collections::HashMap<QuestionId, (Timestamp, Timestamp)>, StoreError> {
        match super::links::resolved_dues(&self.conn) {
            Ok(cards) => Ok(cards),
            Err(e) if e.to_string().contains("no such table") => {
                Ok(std::collections::HashMap::default())
            }
            Err(e) => Err(self.err(e)),
        }
    }

    /// Every question's past, read from the summary tables the triggers
    /// keep (a row per question and per distinct wrong answer, never one
    /// per attempt), under the id each history belongs to now (links), with
    /// due dates from the cards. Equal to folding every
    /// attempt in time order ([`History::from_attempts`]), which a test
    /// checks.
    pub fn history(&self) -> Result<History, StoreError> {
        let e = |x| self.err(x);
        let mut history = History::default();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT question_id, attempts, misses, last_at, last_correct FROM question_totals",
            )
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            })
            .map_err(e)?;
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        // History recorded under an old id belongs to the id it is linked
        // to now (see `links`).
        let links = super::links::active(&self.conn).map_err(e)?;
        for row in rows {
            let (id, attempts, misses, last_at, last_correct) = row.map_err(e)?;
            let id = QuestionId(id.into());
            let past = QuestionHistory {
                attempts: count(attempts),
                misses: count(misses),
                last_correct: Some(last_correct),
                last_at: Some(Timestamp(last_at)),
                ..QuestionHistory::default()
            };
            history
                .questions
                .entry(links.resolve(&id).clone())
                .or_default()
                .merge(past);
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT question_id, chosen, correct_letters, n FROM wrong_picks")
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(e)?;
        for row in rows {
            let (id, chosen, right, n) = row.map_err(e)?;
            let id = QuestionId(id.into());
            if let Some(h) = history.questions.get_mut(links.resolve(&id)) {
                for l in chosen.chars().filter(|&l| !right.contains(l)) {
                    *h.wrong_picks.entry(l).or_default() += count(n);
                }
            }
        }
        for (id, (due, _)) in self.dues()? {
            if let Some(h) = history.questions.get_mut(&id) {
                h.due = Some(due);
            }
        }
        Ok(history)
    }
}

/// Every readable attempt, oldest first: rows of the wrong types or
/// breaking the schema's constraints are left out (`repair`).
pub(super) fn readable_attempts(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Attempt>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE {} ORDER BY answered_at, id",
        super::repair::READABLE_ATTEMPT
    ))?;
    let rows = stmt.query_map([], attempt_of_row)?;
    // A row that still cannot be read (text that is not UTF-8) is skipped
    // as well.
    Ok(rows.filter_map(Result::ok).collect())
}

fn attempt_of_row(r: &Row<'_>) -> rusqlite::Result<Attempt> {
    let mode: String = r.get(1)?;
    let tags: String = r.get(8)?;
    let rating: String = r.get(9)?;
    Ok(Attempt {
        session: SessionId(r.get(0)?),
        mode: ModeKind::parse(&mode).unwrap_or(ModeKind::Practice),
        question: QuestionId(r.get(2)?),
        chosen: r.get::<_, String>(3)?.chars().collect(),
        correct_letters: r.get::<_, String>(4)?.chars().collect(),
        correct: r.get(5)?,
        seconds: r.get(6)?,
        at: Timestamp(r.get(7)?),
        tags: tags.lines().filter_map(Tag::parse).collect(),
        rating: match rating.as_str() {
            "again" => Rating::Again,
            "hard" => Rating::Hard,
            "easy" => Rating::Easy,
            _ => Rating::Good,
        },
    })
}

pub(super) fn load_card(
    conn: &rusqlite::Connection,
    id: &QuestionId,
) -> rusqlite::Result<Option<CardState>> {
    conn.query_row(
        "SELECT stability, difficulty, due, last_review, reps, lapses FROM cards WHERE question_id = ?1",
        [&id.0],
        |r| {
            Ok(CardState {
                stability: r.get(0)?,
                difficulty: r.get(1)?,
                due: Timestamp(r.get(2)?),
                last_review: Timestamp(r.get(3)?),
                reps: r.get(4)?,
                lapses: r.get(5)?,
            })
        },
    )
    .optional()
}

pub(super) fn save_card(
    conn: &rusqlite::Connection,
    id: &QuestionId,
    c: &CardState,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO cards (question_id, stability, difficulty, due, last_review, reps, lapses)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (question_id) DO UPDATE SET stability = excluded.stability,
           difficulty = excluded.difficulty, due = excluded.due,
           last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses",
        params![
            id.0,
            c.stability,
            c.difficulty,
            c.due.0,
            c.last_review.0,
            c.reps,
            c.lapses
        ],
    )?;
    Ok(())
}

/// When FSRS rejects a state (only for corrupt stored values), the answer
/// is still kept and the question simply comes back tomorrow.
pub(super) fn fallback_card(prev: Option<&CardState>, a: &Attempt) -> CardState {
    CardState {
        stability: 1.0,
        difficulty: 5.0,
        due: a.at.plus_days(1.0),
        last_review: a.at,
        reps: prev.map_or(0, |c| c.reps) + 1,
        lapses: prev.map_or(0, |c| c.lapses) + u32::from(!a.correct),
    }
}
