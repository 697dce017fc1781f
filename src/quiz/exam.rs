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

/// An exam without `--count` asks at most this many (the associate format).
pub const EXAM_DEFAULT_QUESTIONS: usize = 65;

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
    /// Per domain (the top-level tags, or a blueprint's domains), weakest
    /// first, with the score report's level.
    pub domains: Vec<DomainScore>,
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
    let mut domains = Vec::new();
    for (item_tags, outcome) in items {
        domains.push((top_level_domains(item_tags), outcome == Some(true)));
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
        domains: domain_scores(domains, pass_mark),
    }
}

/// A domain's level on the score report, as on the AWS report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainLevel {
    /// The share right in the domain is at least the share the pass mark
    /// needs overall ([`meets_share`]).
    Meets,
    /// Below that share.
    NeedsImprovement,
}

impl DomainLevel {
    /// The level as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DomainLevel::Meets => "meets",
            DomainLevel::NeedsImprovement => "needs_improvement",
        }
    }

    /// The level on screen.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            DomainLevel::Meets => lang.pick("충족", "meets"),
            DomainLevel::NeedsImprovement => lang.pick("보완 필요", "needs improvement"),
        }
    }
}

/// Right and total in one domain of an exam, with its level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainScore {
    /// The domain (a blueprint's domain, or a top-level tag).
    pub name: String,
    /// Questions of the domain in the exam.
    pub questions: usize,
    /// Of those, answered right.
    pub correct: usize,
    /// Meets or needs improvement.
    pub level: DomainLevel,
}

/// The share right a domain needs to meet expectations: the share the
/// pass mark needs overall, `(pass − 100) / 900` (68.9 % at 720).
pub fn meets_share(pass_mark: u32) -> f64 {
    (f64::from(pass_mark.clamp(100, 1000)) - 100.0) / 900.0
}

/// The top-level tags of a question (`service` for `service/emr`), once
/// each: the domains of an exam without a blueprint.
pub fn top_level_domains(tags: &[Tag]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let top = t.as_str().split('/').next().unwrap_or_default().to_owned();
        if !out.contains(&top) {
            out.push(top);
        }
    }
    out
}

/// Scores by domain from each question's domains and whether it was
/// right; a question counts in every domain it belongs to. Sorted weakest
/// first (lowest share right, then by name).
pub fn domain_scores<I, D>(items: I, pass_mark: u32) -> Vec<DomainScore>
where
    I: IntoIterator<Item = (D, bool)>,
    D: IntoIterator<Item = String>,
{
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (domains, right) in items {
        for d in domains {
            let e = by.entry(d).or_default();
            e.0 += 1;
            e.1 += usize::from(right);
        }
    }
    let need = meets_share(pass_mark);
    let mut out: Vec<DomainScore> = by
        .into_iter()
        .map(|(name, (questions, correct))| DomainScore {
            level: if percent(correct, questions) / 100.0 + 1e-9 >= need {
                DomainLevel::Meets
            } else {
                DomainLevel::NeedsImprovement
            },
            name,
            questions,
            correct,
        })
        .collect();
    out.sort_by(|a, b| {
        percent(a.correct, a.questions)
            .total_cmp(&percent(b.correct, b.questions))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_meet_at_the_share_the_pass_mark_needs_and_sort_weakest_first() {
        assert!((meets_share(720) - 620.0 / 900.0).abs() < 1e-12);
        let d = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let scores = domain_scores(
            [
                (d(&["ingest"]), true),
                (d(&["ingest"]), true),
                (d(&["ingest"]), false),
                (d(&["store", "ingest"]), false),
                (d(&["store"]), true),
                (d(&["ops"]), true),
            ],
            720,
        );
        let got: Vec<_> = scores
            .iter()
            .map(|s| (s.name.as_str(), s.correct, s.questions, s.level))
            .collect();
        assert_eq!(
            got,
            [
                ("ingest", 2, 4, DomainLevel::NeedsImprovement),
                ("store", 1, 2, DomainLevel::NeedsImprovement),
                ("ops", 1, 1, DomainLevel::Meets),
            ]
        );
        let tags = [
            Tag::parse("service/emr").unwrap(),
            Tag::parse("service/s3").unwrap(),
            Tag::parse("spot").unwrap(),
        ];
        assert_eq!(top_level_domains(&tags), ["service", "spot"]);
    }

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
