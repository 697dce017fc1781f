//! Readiness, "if the exam were today": the expected scaled score with a
//! 90 % interval, and the probability of passing, for an exam drawn from a
//! selection of questions at a given moment.
//!
//! Each question's chance of being answered right is its FSRS
//! retrievability at that moment (`fsrs::current_retrievability` on its
//! card); a question never answered takes the learner's accuracy on its
//! tags (smoothed), or an explicit prior when none of its tags has been
//! answered. An exam of `n` questions drawn from the selection is then
//! `n` draws, each right with the selection's mean chance: the score is
//! binomial, and the interval and pass probability are read from it.
//!
//! Honest by refusal: until at least half of the selection has been
//! answered, there is no forecast ("not enough history yet"). Once every question has been answered at least
//! once there always is one. Pure: cards, history and time come in.

use std::collections::HashMap;

use fsrs::{FSRS6_DEFAULT_DECAY, MemoryState, current_retrievability};
use serde::Serialize;

use crate::i18n::Lang;
use crate::vault::{QuestionId, QuestionIx, Tag, Vault};

use super::exam::scaled_score;
use super::history::History;
use super::schedule::CardState;
use super::time::Timestamp;

/// The chance of a right answer assumed for a question none of whose
/// tags has been answered (four options, some knowledge).
pub const EXPLICIT_PRIOR: f64 = 0.5;

/// Where one question's chance comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// FSRS retrievability of its card.
    Card,
    /// The learner's accuracy on its tags.
    Tags,
    /// [`EXPLICIT_PRIOR`].
    Prior,
}

/// The forecast, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// Expected scaled score (100–1000).
    pub expected_scaled: Option<f64>,
    /// 5th percentile of the scaled score.
    pub low: Option<u32>,
    /// 95th percentile of the scaled score.
    pub high: Option<u32>,
    /// Probability of reaching the pass mark.
    pub pass_probability: Option<f64>,
    /// Why there is no forecast (`null` when there is one).
    pub reason: Option<String>,
}

/// What to forecast.
#[derive(Debug, Clone, Copy)]
pub struct ForecastInput<'a> {
    /// The questions the exam is drawn from.
    pub questions: &'a [QuestionIx],
    /// How many the exam asks (capped at the selection's size).
    pub exam_questions: usize,
    /// The pass mark.
    pub pass_mark: u32,
    /// The moment of the exam.
    pub at: Timestamp,
}

/// The chance of a right answer to one question at `at`.
pub fn recall(card: Option<&CardState>, at: Timestamp) -> Option<f64> {
    let card = card?;
    if card.stability <= 0.0 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // days fit f32 comfortably
    let days = (at.seconds_since(card.last_review) / 86_400.0).max(0.0) as f32;
    let state = MemoryState {
        stability: card.stability,
        difficulty: card.difficulty,
    };
    Some(f64::from(current_retrievability(state, days, FSRS6_DEFAULT_DECAY)).clamp(0.0, 1.0))
}

/// Accuracy by tag from the history, smoothed toward one half:
/// `(right + 1) / (answers + 2)` over every question with the tag.
pub fn tag_accuracy(vault: &Vault, history: &History) -> HashMap<Tag, (u32, u32)> {
    let mut by: HashMap<Tag, (u32, u32)> = HashMap::new();
    for ix in vault.quizzable() {
        let q = vault.question(ix);
        let Some(h) = history.get(&q.id) else {
            continue;
        };
        for t in q.tags.iter() {
            let e = by.entry(t.clone()).or_default();
            e.0 += h.attempts - h.misses.min(h.attempts);
            e.1 += h.attempts;
        }
    }
    by
}

/// Each question's chance and where it came from.
#[allow(clippy::implicit_hasher)] // the store's map
pub fn chances(
    vault: &Vault,
    history: &History,
    cards: &HashMap<QuestionId, CardState>,
    questions: &[QuestionIx],
    at: Timestamp,
) -> Vec<(f64, Source)> {
    let tags = tag_accuracy(vault, history);
    questions
        .iter()
        .map(|&ix| {
            let q = vault.question(ix);
            if let Some(p) = recall(cards.get(&q.id), at) {
                return (p, Source::Card);
            }
            let (right, total) = q
                .tags
                .iter()
                .filter_map(|t| tags.get(t))
                .fold((0, 0), |(r, n), &(r2, n2)| (r + r2, n + n2));
            if total > 0 {
                (
                    (f64::from(right) + 1.0) / (f64::from(total) + 2.0),
                    Source::Tags,
                )
            } else {
                (EXPLICIT_PRIOR, Source::Prior)
            }
        })
        .collect()
}

/// The forecast from each question's chance.
pub fn forecast(chances: &[(f64, Source)], exam_questions: usize, pass_mark: u32) -> Readiness {
    let none = |reason: &str| Readiness {
        expected_scaled: None,
        low: None,
        high: None,
        pass_probability: None,
        reason: Some(reason.to_owned()),
    };
    if chances.is_empty() {
        return none("no questions");
    }
    // Estimates for unseen questions are only as good as the answers
    // behind them: at least half of the selection must have been answered.
    let answered = chances.iter().filter(|(_, s)| *s == Source::Card).count();
    if answered * 2 < chances.len() {
        return none("not enough history yet");
    }
    #[allow(clippy::cast_precision_loss)] // small counts
    let mean = chances.iter().map(|(p, _)| p).sum::<f64>() / chances.len() as f64;
    let n = exam_questions.clamp(1, chances.len());
    let pmf = binomial(n, mean);
    let cdf: Vec<f64> = pmf
        .iter()
        .scan(0.0, |acc, p| {
            *acc += p;
            Some(*acc)
        })
        .collect();
    let quantile = |q: f64| cdf.iter().position(|&c| c >= q).unwrap_or(n);
    let pass_probability: f64 = (0..=n)
        .filter(|&k| scaled_score(k, n) >= pass_mark)
        .map(|k| pmf[k])
        .sum();
    Readiness {
        expected_scaled: Some(100.0 + 900.0 * mean),
        low: Some(scaled_score(quantile(0.05), n)),
        high: Some(scaled_score(quantile(0.95), n)),
        pass_probability: Some(pass_probability.clamp(0.0, 1.0)),
        reason: None,
    }
}

/// The binomial distribution of right answers out of `n` at chance `p`.
fn binomial(n: usize, p: f64) -> Vec<f64> {
    // Built by adding one question at a time: stable for any n.
    let mut pmf = vec![1.0];
    for _ in 0..n {
        let mut next = vec![0.0; pmf.len() + 1];
        for (k, &v) in pmf.iter().enumerate() {
            next[k] += v * (1.0 - p);
            next[k + 1] += v * p;
        }
        pmf = next;
    }
    pmf
}

/// The whole forecast for a selection.
#[allow(clippy::implicit_hasher)] // the store's map
pub fn readiness(
    vault: &Vault,
    history: &History,
    cards: &HashMap<QuestionId, CardState>,
    input: ForecastInput<'_>,
) -> Readiness {
    let c = chances(vault, history, cards, input.questions, input.at);
    forecast(&c, input.exam_questions, input.pass_mark)
}

impl Readiness {
    /// One line for people.
    pub fn line(&self, lang: Lang) -> String {
        match (
            self.expected_scaled,
            self.low,
            self.high,
            self.pass_probability,
        ) {
            (Some(e), Some(lo), Some(hi), Some(p)) => match lang {
                Lang::Ko => format!(
                    "오늘 시험을 본다면: 예상 점수 {e:.0} (90% 구간 {lo}–{hi}), 합격 확률 {:.0}%",
                    p * 100.0
                ),
                Lang::En => format!(
                    "If the exam were today: expected score {e:.0} (90% interval {lo}–{hi}), pass probability {:.0}%",
                    p * 100.0
                ),
            },
            _ => lang
                .pick(
                    "오늘 시험을 본다면: 아직 기록이 부족해 예측하지 않습니다",
                    "If the exam were today: not enough history yet",
                )
                .to_owned(),
        }
    }
}

#[cfg(test)]
#[path = "readiness_tests.rs"]
mod tests;

/// The moment a forecast is for: the start of the exam day's learning day
/// when there is an exam date, else the start of the next learning day
/// (nobody sits an exam minutes after seeing the answers).
pub fn forecast_moment(
    now: Timestamp,
    day: super::day::StudyDay,
    exam_date: Option<super::time::Day>,
) -> Timestamp {
    match exam_date {
        Some(d) => day.start(d),
        None => day.start(day.day(now).plus(1)),
    }
}

/// Reviews a day to be ready by an exam date: every question never
/// answered and every one due before the exam, once, spread over the
/// learning days left (at least one).
pub fn reviews_per_day(
    vault: &Vault,
    history: &History,
    questions: &[QuestionIx],
    exam: Timestamp,
    days_left: i64,
) -> usize {
    let needed = questions
        .iter()
        .filter(|&&ix| {
            history
                .get(&vault.question(ix).id)
                .is_none_or(|h| h.due.is_none_or(|d| d < exam))
        })
        .count();
    needed.div_ceil(usize::try_from(days_left.max(1)).unwrap_or(1))
}
