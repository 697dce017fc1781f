//! Writing and reading attempts, card states and sessions.
//!
//! Owns the SQL of the `attempts`, `cards` and `sessions` tables. Every
//! write is its own immediate transaction, committed before returning, so
//! a killed process loses at most the answer in flight and a second munje
//! waits its turn (busy timeout) instead of failing.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use crate::quiz::{
    Attempt, CardState, ExamResult, History, ModeKind, Rating, Scheduler, SessionId, Timestamp,
    letters_to_string,
};
use crate::vault::{QuestionId, Tag};

use super::{Store, StoreError};

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
    /// Returns the new card state when one was computed.
    pub fn record(
        &mut self,
        attempt: &Attempt,
        scheduler: Option<&Scheduler>,
    ) -> Result<Option<CardState>, StoreError> {
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
        let card = match scheduler {
            Some(s) => {
                let prev = load_card(&tx, &attempt.question).map_err(sql)?;
                let next = s
                    .review(prev.as_ref(), attempt.rating, attempt.at)
                    .unwrap_or_else(|_| fallback_card(prev.as_ref(), attempt));
                save_card(&tx, &attempt.question, &next).map_err(sql)?;
                Some(next)
            }
            None => None,
        };
        tx.commit().map_err(sql)?;
        Ok(card)
    }

    /// Moves the cards of answers recorded earlier (an exam's, once
    /// submitted).
    pub fn schedule(
        &mut self,
        attempts: &[Attempt],
        scheduler: &Scheduler,
    ) -> Result<(), StoreError> {
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        for a in attempts {
            let prev = load_card(&tx, &a.question).map_err(sql)?;
            let next = scheduler
                .review(prev.as_ref(), a.rating, a.at)
                .unwrap_or_else(|_| fallback_card(prev.as_ref(), a));
            save_card(&tx, &a.question, &next).map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Every readable attempt, oldest first (see [`Store::unreadable_rows`]).
    pub fn attempts(&self) -> Result<Vec<Attempt>, StoreError> {
        readable_attempts(&self.conn).map_err(|e| self.err(e))
    }

    /// The card state of a question.
    pub fn card(&self, id: &QuestionId) -> Result<Option<CardState>, StoreError> {
        load_card(&self.conn, id).map_err(|e| self.err(e))
    }

    /// Due dates of every card.
    pub fn due_dates(&self) -> Result<Vec<Timestamp>, StoreError> {
        Ok(self.dues()?.into_iter().map(|(_, due)| due).collect())
    }

    /// Each card's question and due date, skipping unreadable rows; none
    /// when the derived `cards` table is missing and could not be rebuilt
    /// (a read-only file).
    fn dues(&self) -> Result<Vec<(QuestionId, Timestamp)>, StoreError> {
        let stmt = self.conn.prepare(
            "SELECT question_id, due FROM cards \
             WHERE typeof(question_id) = 'text' AND typeof(due) = 'integer'",
        );
        let mut stmt = match stmt {
            Ok(stmt) => stmt,
            Err(e) if e.to_string().contains("no such table") => return Ok(Vec::new()),
            Err(e) => return Err(self.err(e)),
        };
        let rows = stmt
            .query_map([], |r| {
                Ok((QuestionId(r.get(0)?), Timestamp(r.get::<_, i64>(1)?)))
            })
            .map_err(|e| self.err(e))?;
        Ok(rows.filter_map(Result::ok).collect())
    }

    /// Every question's past: attempts folded in time order, due dates
    /// from the cards.
    pub fn history(&self) -> Result<History, StoreError> {
        let mut history = History::from_attempts(&self.attempts()?);
        for (id, due) in self.dues()? {
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
