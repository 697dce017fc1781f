//! Which questions a session asks, in which order: filters (tags with
//! exclusions, a note, the 오답노트, due), ordering (source order, seeded
//! shuffle, weakest tags first), the exam-date plan and the count limit.
//!
//! Owns selection only; the session takes the list it returns.

use crate::vault::{NoteIx, QuestionId, QuestionIx, QuestionOrigin, Tag, Vault};

use super::day::StudyDay;
use super::history::History;
use super::rng::{SeededRng, Shuffle};
use super::time::{Day, Timestamp};

/// What to ask.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Keep questions with any of these tags (or one under them); empty
    /// keeps all.
    pub tags: Vec<Tag>,
    /// Leave out questions with any of these tags (or one under them).
    pub not_tags: Vec<Tag>,
    /// Only the questions of this note (title, file name or alias).
    pub note: Option<String>,
    /// Only questions in the 오답노트.
    pub wrong_only: bool,
    /// Only questions due for review.
    pub due_only: bool,
    /// Weakest tags first (else shuffled or source order).
    pub weakest_first: bool,
    /// Ask at most this many.
    pub count: Option<usize>,
    /// Question order: shuffled with a seed, or as in the notes.
    pub shuffle: Shuffle,
    /// Plan for an exam on this day: today's share of the questions.
    pub exam_date: Option<Day>,
    /// Only these questions (retrying a session's wrong answers); empty
    /// keeps all.
    pub questions: Vec<QuestionId>,
}

/// Why nothing could be selected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// `--note` named no note.
    #[error("no note titled \"{0}\" (nor with that file name or alias)")]
    NoteNotFound(String),
}

/// The plan for today before an exam.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamPlan {
    /// Days left before the exam day (at least 1).
    pub days_left: i64,
    /// Questions never seen yet.
    pub unseen: usize,
    /// New questions to see each day so that all are seen in time.
    pub new_per_day: usize,
    /// Today's questions: those due, then today's share of new ones,
    /// weakest tags first.
    pub today: Vec<QuestionIx>,
}

/// Selects and orders the questions for a session.
pub fn select(
    vault: &Vault,
    sel: &Selection,
    history: &History,
    now: Timestamp,
    day: StudyDay,
) -> Result<Vec<QuestionIx>, SelectError> {
    let note = match &sel.note {
        Some(name) => Some(
            vault
                .find_note(name)
                .ok_or_else(|| SelectError::NoteNotFound(name.clone()))?,
        ),
        None => None,
    };
    let pool: Vec<QuestionIx> = vault
        .quizzable()
        .filter(|&ix| keeps(vault, sel, note, ix))
        .filter(|&ix| {
            let h = history.get(&vault.question(ix).id);
            (!sel.wrong_only || h.is_some_and(super::history::QuestionHistory::in_notebook))
                && (!sel.due_only || h.is_some_and(|h| h.is_due_today(day, now)))
        })
        .collect();
    let mut chosen = if let Some(exam_day) = sel.exam_date {
        plan(vault, &pool, history, now, day, exam_day, sel.shuffle).today
    } else {
        order(vault, pool, history, sel.weakest_first, sel.shuffle)
    };
    if let Some(n) = sel.count {
        chosen.truncate(n);
    }
    Ok(chosen)
}

/// Plans the days before an exam: every question seen at least once before
/// the exam day, new ones spread evenly over the days left, weakest tags
/// first, and everything due reviewed as it comes due.
pub fn plan(
    vault: &Vault,
    pool: &[QuestionIx],
    history: &History,
    now: Timestamp,
    day: StudyDay,
    exam_day: Day,
    shuffle: Shuffle,
) -> ExamPlan {
    let days_left = (exam_day.0 - day.day(now).0).max(1);
    let (seen, unseen): (Vec<QuestionIx>, Vec<QuestionIx>) = pool
        .iter()
        .partition(|&&ix| history.get(&vault.question(ix).id).is_some());
    let unseen_count = unseen.len();
    let new_per_day = unseen_count.div_ceil(usize::try_from(days_left).unwrap_or(usize::MAX));
    let due: Vec<QuestionIx> = seen
        .into_iter()
        .filter(|&ix| {
            history
                .get(&vault.question(ix).id)
                .is_some_and(|h| h.is_due_today(day, now))
        })
        .collect();
    let mut today = order(vault, due, history, true, shuffle);
    let mut fresh = order(vault, unseen, history, true, shuffle);
    fresh.truncate(new_per_day);
    today.extend(fresh);
    ExamPlan {
        days_left,
        unseen: unseen_count,
        new_per_day,
        today,
    }
}

fn keeps(vault: &Vault, sel: &Selection, note: Option<NoteIx>, ix: QuestionIx) -> bool {
    let q = vault.question(ix);
    let has = |filter: &Tag| q.tags.iter().any(|t| t.matches(filter));
    let in_note = note
        .is_none_or(|n| q.note == Some(n) || matches!(q.origin, QuestionOrigin::Note(o) if o == n));
    in_note
        && (sel.tags.is_empty() || sel.tags.iter().any(has))
        && !sel.not_tags.iter().any(has)
        && (sel.questions.is_empty() || sel.questions.contains(&q.id))
}

/// Orders questions: shuffled (or source order), then, when asked, stably
/// sorted weakest tags first so ties keep the shuffle.
fn order(
    vault: &Vault,
    mut list: Vec<QuestionIx>,
    history: &History,
    weakest_first: bool,
    shuffle: Shuffle,
) -> Vec<QuestionIx> {
    if let Shuffle::Seeded(seed) = shuffle {
        SeededRng::new(seed).shuffle(&mut list);
    }
    if weakest_first {
        let strength = history.tag_strength(vault);
        let mut keyed: Vec<(f64, QuestionIx)> = list
            .into_iter()
            .map(|ix| (History::weakness_key(&strength, vault, ix), ix))
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        list = keyed.into_iter().map(|(_, ix)| ix).collect();
    }
    list
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
