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
                let prev = load_card(&tx, &attempt.question).map_err(sql)?;
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
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut cards = Vec::with_capacity(attempts.len());
        for a in attempts {
            let prev = load_card(&tx, &a.question).map_err(sql)?;
            let next = scheduler
                .review(prev.as_ref(), a.rating, a.at)
                .unwrap_or_else(|_| fallback_card(prev.as_ref(), a));
            save_card(&tx, &a.question, &next).map_err(sql)?;
            cards.push((a.question.clone(), next));
        }
        tx.commit().map_err(sql)?;
        Ok(cards)
    }

    /// Every attempt, oldest first.
    pub fn attempts(&self) -> Result<Vec<Attempt>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {ATTEMPT_COLUMNS} FROM attempts ORDER BY answered_at, id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], attempt_of_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// The card state of a question.
    pub fn card(&self, id: &QuestionId) -> Result<Option<CardState>, StoreError> {
        load_card(&self.conn, id).map_err(|e| self.err(e))
    }

    /// Every card, by question (the readiness forecast's input).
    pub fn cards(&self) -> Result<HashMap<QuestionId, CardState>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT question_id, stability, difficulty, due, last_review, reps, lapses FROM cards",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([], |r| {
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
        .map_err(|e| self.err(e))?
        .collect::<Result<_, _>>()
        .map_err(|e| self.err(e))
    }

    /// Due dates of every card.
    pub fn due_dates(&self) -> Result<Vec<Timestamp>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT due FROM cards")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok(Timestamp(r.get(0)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// Every question's past, aggregated in SQL (one row per question and
    /// per distinct wrong answer, never one per attempt), with due dates
    /// from the cards. Equal to folding every attempt in time order
    /// ([`History::from_attempts`]), which a test checks.
    pub fn history(&self) -> Result<History, StoreError> {
        let e = |x| self.err(x);
        let mut history = History::default();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT question_id, COUNT(*), SUM(is_correct = 0), MAX(answered_at),
                   (SELECT b.is_correct FROM attempts b WHERE b.question_id = a.question_id
                    ORDER BY b.answered_at DESC, b.id DESC LIMIT 1)
                 FROM attempts a GROUP BY question_id",
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
        for row in rows {
            let (id, attempts, misses, last_at, last_correct) = row.map_err(e)?;
            history.questions.insert(
                QuestionId(id),
                QuestionHistory {
                    attempts: count(attempts),
                    misses: count(misses),
                    last_correct: Some(last_correct),
                    last_at: Some(Timestamp(last_at)),
                    ..QuestionHistory::default()
                },
            );
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT question_id, chosen, correct_letters, COUNT(*) FROM attempts
                 WHERE is_correct = 0 GROUP BY question_id, chosen, correct_letters",
            )
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
            if let Some(h) = history.questions.get_mut(&QuestionId(id)) {
                for l in chosen.chars().filter(|&l| !right.contains(l)) {
                    *h.wrong_picks.entry(l).or_default() += count(n);
                }
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT question_id, due FROM cards")
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(e)?;
        for row in rows {
            let (id, due) = row.map_err(e)?;
            if let Some(h) = history.questions.get_mut(&QuestionId(id)) {
                h.due = Some(Timestamp(due));
            }
        }
        Ok(history)
    }
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

fn load_card(conn: &rusqlite::Connection, id: &QuestionId) -> rusqlite::Result<Option<CardState>> {
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

fn save_card(conn: &rusqlite::Connection, id: &QuestionId, c: &CardState) -> rusqlite::Result<()> {
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
fn fallback_card(prev: Option<&CardState>, a: &Attempt) -> CardState {
    CardState {
        stability: 1.0,
        difficulty: 5.0,
        due: a.at.plus_days(1.0),
        last_review: a.at,
        reps: prev.map_or(0, |c| c.reps) + 1,
        lapses: prev.map_or(0, |c| c.lapses) + u32::from(!a.correct),
    }
}
