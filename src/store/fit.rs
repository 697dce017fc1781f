//! FSRS parameters fitted to the user's own history (`munje progress
//! optimize`), and the retention figures `munje stats` shows.
//!
//! Owns the `fsrs_parameters` table and turning attempts into the `fsrs`
//! crate's training items. Scheduling itself is `quiz::Scheduler`'s; the
//! code that builds a scheduler asks [`Store::fsrs_parameters`] for them.

use std::collections::{HashMap, HashSet};

use fsrs::{ComputeParametersInput, DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::quiz::{Attempt, Rating, Scheduler, Timestamp};
use crate::vault::QuestionId;

use super::{Store, StoreError};

/// The fewest training items the `fsrs` crate fits parameters from: with
/// fewer (after its outlier filter) `compute_parameters` hands back its
/// defaults.
pub const MIN_REVIEWS: usize = 8;

/// What `optimize` did.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit {
    /// Parameters fitted and stored; they schedule from now on.
    Fitted {
        /// The parameters, in the crate's order.
        parameters: Vec<f32>,
        /// Training items (reviews after at least a day) they came from.
        reviews: usize,
    },
    /// Too little history: nothing stored.
    NotEnough {
        /// Training items found.
        reviews: usize,
        /// Needed at least.
        needed: usize,
    },
}

/// Why fitting failed.
#[derive(Debug, thiserror::Error)]
pub enum FitError {
    /// Reading or writing the store.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The `fsrs` crate refused the history.
    #[error("FSRS could not fit parameters: {0}")]
    Fsrs(String),
}

/// The retention figures of `munje stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Retention {
    /// The share of reviews munje schedules to be answered right.
    pub desired_retention: f64,
    /// The share actually answered right among reviews of questions seen
    /// before (`null` with no such review yet), four decimals.
    pub measured_retention: Option<f64>,
    /// How many such reviews there were.
    pub reviews: u64,
    /// True when parameters fitted to this history schedule the reviews.
    pub fitted_parameters: bool,
}

fn rating_number(r: Rating) -> u32 {
    match r {
        Rating::Again => 1,
        Rating::Hard => 2,
        Rating::Good => 3,
        Rating::Easy => 4,
    }
}

/// Whole days between two answers, as the scheduler counts them.
fn days_between(earlier: Timestamp, later: Timestamp) -> u32 {
    let days = later.seconds_since(earlier) / 86_400.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let days = days.max(0.0).floor().min(f64::from(u32::MAX)) as u32;
    days
}

/// The training items of a history (attempts oldest first): for every
/// question answered more than once, one item per later answer, holding
/// every answer up to it.
pub fn training_items(attempts: &[Attempt]) -> Vec<FSRSItem> {
    let mut by_question: HashMap<&QuestionId, Vec<&Attempt>> = HashMap::new();
    for a in attempts {
        by_question.entry(&a.question).or_default().push(a);
    }
    let mut ids: Vec<&&QuestionId> = by_question.keys().collect();
    ids.sort();
    let mut items = Vec::new();
    for id in ids {
        let answers = &by_question[*id];
        let mut reviews = Vec::with_capacity(answers.len());
        for (i, a) in answers.iter().enumerate() {
            let delta_t = if i == 0 {
                0
            } else {
                days_between(answers[i - 1].at, a.at)
            };
            reviews.push(FSRSReview {
                rating: rating_number(a.rating),
                delta_t,
            });
            if i > 0 {
                items.push(FSRSItem {
                    reviews: reviews.clone(),
                });
            }
        }
    }
    items
}

/// Items that teach long-term memory: the last review came a day or more
/// after the one before.
fn long_term(items: &[FSRSItem]) -> usize {
    items
        .iter()
        .filter(|i| i.reviews.last().is_some_and(|r| r.delta_t > 0))
        .count()
}

impl Store {
    /// The fitted FSRS parameters, or an empty list (FSRS's defaults) when
    /// none were fitted or the stored ones are unusable. Build the
    /// scheduler with `Scheduler::with_parameters(&store.fsrs_parameters())`.
    pub fn fsrs_parameters(&self) -> Vec<f32> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT parameters FROM fsrs_parameters WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .ok()
            .flatten();
        let Some(text) = stored else {
            return Vec::new();
        };
        let parsed: Option<Vec<f32>> = text.split(',').map(|p| p.trim().parse().ok()).collect();
        match parsed {
            Some(p) if FSRS::new(&p).is_ok() => p,
            _ => Vec::new(),
        }
    }

    /// Fits FSRS parameters to every answer recorded and stores them.
    pub fn optimize(&mut self, now: Timestamp) -> Result<Fit, FitError> {
        self.finish_check()?;
        let items = training_items(&self.attempts()?);
        let reviews = long_term(&items);
        if reviews < MIN_REVIEWS {
            return Ok(Fit::NotEnough {
                reviews,
                needed: MIN_REVIEWS,
            });
        }
        let parameters = fsrs::compute_parameters(ComputeParametersInput {
            train_set: items,
            ..ComputeParametersInput::default()
        })
        .map_err(|e| FitError::Fsrs(e.to_string()))?;
        if parameters == DEFAULT_PARAMETERS {
            // The crate's outlier filter left too few items to fit.
            return Ok(Fit::NotEnough {
                reviews,
                needed: MIN_REVIEWS,
            });
        }
        let text: Vec<String> = parameters.iter().map(f32::to_string).collect();
        self.conn
            .execute(
                "INSERT INTO fsrs_parameters (id, parameters, reviews, fitted_at)
                 VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET parameters = excluded.parameters,
                   reviews = excluded.reviews, fitted_at = excluded.fitted_at",
                params![
                    text.join(","),
                    i64::try_from(reviews).unwrap_or(i64::MAX),
                    now.0
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(Fit::Fitted {
            parameters,
            reviews,
        })
    }

    /// Desired and measured retention, and whether fitted parameters are
    /// in use. Read from the summary tables (readable answers only) and
    /// one index look-up per question for its first answer, and one per id
    /// in a chain of links.
    pub fn retention(&self) -> Result<Retention, StoreError> {
        let sql = |e| self.err(e);
        let (total, right): (i64, f64) = self
            .conn
            .query_row(
                "SELECT coalesce(sum(attempts), 0), total(correct) FROM tag_totals",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql)?;
        // Each question's first answer is not a review.
        let (mut firsts, mut first_right): (i64, f64) = self
            .conn
            .query_row(
                "SELECT count(*), total((SELECT b.is_correct FROM attempts b
                    WHERE b.question_id = q.question_id ORDER BY b.answered_at, b.id LIMIT 1))
                 FROM question_totals q",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sql)?;
        // Linked ids are one question: only the earliest first answer of
        // a chain is not a review.
        let links = self.links()?;
        let mut chains: HashMap<QuestionId, Vec<(Timestamp, bool)>> = HashMap::new();
        for (old, _) in links.pairs() {
            for id in [old, links.resolve(old)] {
                let first = self
                    .conn
                    .query_row(
                        "SELECT answered_at, is_correct FROM attempts WHERE question_id = ?1
                         ORDER BY answered_at LIMIT 1",
                        [&id.0],
                        |r| Ok((Timestamp(r.get(0)?), r.get::<_, bool>(1)?)),
                    )
                    .optional()
                    .map_err(sql)?;
                if let Some(f) = first {
                    chains
                        .entry(links.resolve(old).clone())
                        .or_default()
                        .push(f);
                }
            }
        }
        let mut seen: HashSet<(QuestionId, Timestamp)> = HashSet::new();
        for (target, mut list) in chains {
            list.sort_unstable_by_key(|(at, _)| *at);
            list.dedup();
            for (at, ok) in list.into_iter().skip(1) {
                if seen.insert((target.clone(), at)) {
                    firsts -= 1;
                    first_right -= f64::from(u8::from(ok));
                }
            }
        }
        let reviews = (total - firsts).max(0);
        #[allow(clippy::cast_precision_loss)]
        let measured = (reviews > 0).then(|| {
            let right = (right - first_right).max(0.0);
            (right / reviews as f64 * 10_000.0).round() / 10_000.0
        });
        Ok(Retention {
            desired_retention: (f64::from(Scheduler::DEFAULT_RETENTION) * 10_000.0).round()
                / 10_000.0,
            measured_retention: measured,
            reviews: reviews.unsigned_abs(),
            fitted_parameters: !self.fsrs_parameters().is_empty(),
        })
    }
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;
