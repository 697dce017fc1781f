//! Exam settings and results: time limits (presets and the default of two
//! minutes a question), the 100–1000 scaled score with its pass mark, and
//! the breakdown by tag.
//!
//! Owns the arithmetic of an exam, not its flow (that is the session's).
//!
//! The scaled score is linear in the share of questions right:
//! `scaled = 100 + round(900 × correct / total)`, so 0 right is 100, all
//! right is 1000, and the default pass mark 720 needs 68.9 % (45 of 65).
//! Unanswered questions count as wrong.

use std::collections::BTreeMap;

use crate::vault::Tag;

/// Seconds a question gets when no time limit is given.
pub const DEFAULT_SECONDS_PER_QUESTION: u64 = 120;

/// The default pass mark on the 100–1000 scale.
pub const DEFAULT_PASS_MARK: u32 = 720;

/// A named exam format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamPreset {
    /// A short name for menus.
    pub name: &'static str,
    /// How many questions.
    pub questions: usize,
    /// The time limit in minutes.
    pub minutes: u32,
    /// The pass mark on the 100–1000 scale.
    pub pass_mark: u32,
}

/// Exam formats offered by name (the AWS associate and practitioner shapes,
/// and a short drill).
pub const PRESETS: [ExamPreset; 3] = [
    ExamPreset {
        name: "associate",
        questions: 65,
        minutes: 130,
        pass_mark: 720,
    },
    ExamPreset {
        name: "practitioner",
        questions: 65,
        minutes: 90,
        pass_mark: 700,
    },
    ExamPreset {
        name: "drill",
        questions: 10,
        minutes: 20,
        pass_mark: 720,
    },
];

/// How an exam is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamConfig {
    /// The time limit in seconds.
    pub time_limit_secs: u64,
    /// The pass mark on the 100–1000 scale.
    pub pass_mark: u32,
}

impl ExamConfig {
    /// An exam of `questions` questions: `minutes` when given, else two
    /// minutes a question.
    pub fn new(questions: usize, minutes: Option<u32>, pass_mark: u32) -> ExamConfig {
        let time_limit_secs = minutes.map_or_else(
            || {
                u64::try_from(questions)
                    .unwrap_or(u64::MAX)
                    .saturating_mul(DEFAULT_SECONDS_PER_QUESTION)
            },
            |m| u64::from(m) * 60,
        );
        ExamConfig {
            time_limit_secs,
            pass_mark,
        }
    }

    /// The settings of a preset.
    pub fn from_preset(preset: &ExamPreset) -> ExamConfig {
        ExamConfig::new(preset.questions, Some(preset.minutes), preset.pass_mark)
    }
}

/// Right and total for one tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagScore {
    /// The tag.
    pub tag: Tag,
    /// Questions with this tag answered right.
    pub correct: usize,
    /// Questions with this tag in the exam.
    pub total: usize,
}

/// How a submitted exam went.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamResult {
    /// Questions answered right.
    pub correct: usize,
    /// Questions answered at all.
    pub answered: usize,
    /// Questions in the exam.
    pub total: usize,
    /// Share right, 0–100.
    pub percent: f64,
    /// The 100–1000 scaled score.
    pub scaled: u32,
    /// The pass mark it was held to.
    pub pass_mark: u32,
    /// `scaled >= pass_mark`.
    pub passed: bool,
    /// Per tag, sorted by tag.
    pub by_tag: Vec<TagScore>,
    /// True when the time ran out before the user submitted.
    pub timed_out: bool,
    /// Seconds from start to submission.
    pub elapsed_secs: f64,
}

/// Share right as a percentage (0 for an empty exam).
#[allow(clippy::cast_precision_loss)] // question counts are far below 2^52
pub fn percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        correct as f64 * 100.0 / total as f64
    }
}

/// The 100–1000 scaled score: `100 + round(900 × correct / total)`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=900 after clamping
pub fn scaled_score(correct: usize, total: usize) -> u32 {
    let share = percent(correct, total) / 100.0;
    100 + (900.0 * share).round().clamp(0.0, 900.0) as u32
}

/// Builds the result from each question's tags and whether it was right
/// (`None` for unanswered).
pub fn grade<'a>(
    items: impl IntoIterator<Item = (&'a [Tag], Option<bool>)>,
    pass_mark: u32,
    timed_out: bool,
    elapsed_secs: f64,
) -> ExamResult {
    let (mut correct, mut answered, mut total) = (0, 0, 0);
    let mut tags: BTreeMap<&Tag, (usize, usize)> = BTreeMap::new();
    for (item_tags, outcome) in items {
        total += 1;
        answered += usize::from(outcome.is_some());
        let right = outcome == Some(true);
        correct += usize::from(right);
        for tag in item_tags {
            let entry = tags.entry(tag).or_default();
            entry.0 += usize::from(right);
            entry.1 += 1;
        }
    }
    let scaled = scaled_score(correct, total);
    ExamResult {
        correct,
        answered,
        total,
        percent: percent(correct, total),
        scaled,
        pass_mark,
        passed: scaled >= pass_mark,
        by_tag: tags
            .into_iter()
            .map(|(tag, (correct, total))| TagScore {
                tag: tag.clone(),
                correct,
                total,
            })
            .collect(),
        timed_out,
        elapsed_secs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_limit_is_two_minutes_a_question() {
        assert_eq!(ExamConfig::new(10, None, 720).time_limit_secs, 1200);
        assert_eq!(ExamConfig::new(10, Some(5), 720).time_limit_secs, 300);
        let associate = ExamConfig::from_preset(&PRESETS[0]);
        assert_eq!(associate.time_limit_secs, 130 * 60);
    }

    #[test]
    fn scaled_score_runs_from_100_to_1000() {
        assert_eq!(scaled_score(0, 65), 100);
        assert_eq!(scaled_score(65, 65), 1000);
        assert_eq!(scaled_score(45, 65), 723);
        assert_eq!(scaled_score(44, 65), 709);
        assert_eq!(scaled_score(0, 0), 100);
    }

    #[test]
    fn grade_counts_unanswered_as_wrong_and_breaks_down_by_tag() {
        let emr = vec![Tag::parse("service/emr").unwrap()];
        let spot = vec![Tag::parse("spot").unwrap()];
        let r = grade(
            [
                (emr.as_slice(), Some(true)),
                (emr.as_slice(), None),
                (spot.as_slice(), Some(false)),
                (spot.as_slice(), Some(true)),
            ],
            720,
            false,
            12.0,
        );
        assert_eq!((r.correct, r.answered, r.total), (2, 3, 4));
        assert!((r.percent - 50.0).abs() < 1e-9);
        assert_eq!(r.scaled, 550);
        assert!(!r.passed);
        let tags: Vec<_> = r
            .by_tag
            .iter()
            .map(|t| (t.tag.as_str(), t.correct, t.total))
            .collect();
        assert_eq!(tags, [("service/emr", 1, 2), ("spot", 1, 2)]);
    }
}
