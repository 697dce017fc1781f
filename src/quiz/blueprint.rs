//! Exam blueprints: a YAML file naming an exam's length, time, pass mark
//! and domains (each a weight and the tags that put a question in it), and
//! drawing an exam shaped like it: questions per domain in proportion to
//! the weights, by largest-remainder rounding.
//!
//! Owns the format, its errors (each naming the file, line and column) and
//! the sampling. Pure: the file's text comes in; reading it is the
//! caller's. A question belongs to the first domain whose tags match it;
//! questions in no domain are not asked.

use std::fmt::Write as _;

use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::i18n::Lang;
use crate::vault::{QuestionIx, Tag, Vault};

/// The blueprint bundled with the deck, for its topics.
pub const BUNDLED_BLUEPRINT: &str = include_str!("../../blueprints/munje-deck.yaml");

/// The name `--blueprint` takes for the bundled blueprint.
pub const BUNDLED_NAME: &str = "deck";

/// One domain of a blueprint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Its name, as on the score report.
    pub name: String,
    /// Its weight (any positive numbers; only the proportions count).
    #[serde(deserialize_with = "positive")]
    pub weight: f64,
    /// A question with any of these tags (or one under them) is in it.
    #[serde(deserialize_with = "tags")]
    pub tags: Vec<Tag>,
}

/// An exam's shape.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blueprint {
    /// The exam's name.
    pub name: String,
    /// Questions asked by default.
    #[serde(default)]
    pub questions: Option<usize>,
    /// The time limit in minutes.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// The pass mark on the 100–1000 scale.
    #[serde(default)]
    pub pass: Option<u32>,
    /// The domains, in order of precedence.
    pub domains: Vec<Domain>,
    /// The file it was read from (for messages).
    #[serde(skip)]
    pub path: String,
    /// The file's text (to find a domain's line in messages).
    #[serde(skip)]
    source: String,
}

/// Marks our own messages inside YAML errors, to word them per language.
const WEIGHT: &str = "munje-weight:";
const TAG: &str = "munje-tag:";

fn positive<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = serde_yaml::Value::deserialize(d)?;
    match v.as_f64() {
        Some(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => {
            let shown = serde_yaml::to_string(&v).unwrap_or_default();
            Err(de::Error::custom(format!("{WEIGHT}{}", shown.trim())))
        }
    }
}

fn tags<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Tag>, D::Error> {
    let raw = Vec::<String>::deserialize(d)?;
    raw.iter()
        .map(|t| Tag::parse(t).ok_or_else(|| de::Error::custom(format!("{TAG}{t}"))))
        .collect()
}

/// What is wrong with a blueprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlueprintProblem {
    /// A key the format does not have.
    UnknownKey(String),
    /// A weight that is not a positive number.
    BadWeight(String),
    /// A tag that is not a tag.
    BadTag(String),
    /// A domain whose tags match no question of the vault.
    NoQuestions(String),
    /// No domains at all.
    NoDomains,
    /// Anything else the YAML reader said.
    Yaml(String),
}

/// A blueprint error, at a place in its file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct BlueprintError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub problem: BlueprintProblem,
}

impl BlueprintError {
    /// `file:line:col: what is wrong`, in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        use BlueprintProblem as P;
        let what = match (&self.problem, lang) {
            (P::UnknownKey(k), Lang::Ko) => format!(
                "알 수 없는 키 \"{k}\" (쓸 수 있는 키: name, questions, minutes, pass, domains; 영역에는 name, weight, tags)"
            ),
            (P::UnknownKey(k), Lang::En) => format!(
                "unknown key \"{k}\" (keys: name, questions, minutes, pass, domains; in a domain: name, weight, tags)"
            ),
            (P::BadWeight(w), Lang::Ko) => format!("weight는 양수여야 합니다: \"{w}\""),
            (P::BadWeight(w), Lang::En) => format!("weight must be a positive number, not \"{w}\""),
            (P::BadTag(t), Lang::Ko) => format!("\"{t}\"은(는) 태그가 아닙니다"),
            (P::BadTag(t), Lang::En) => format!("\"{t}\" is not a tag"),
            (P::NoQuestions(d), Lang::Ko) => {
                format!("영역 \"{d}\"의 태그에 맞는 문제가 볼트에 없습니다")
            }
            (P::NoQuestions(d), Lang::En) => {
                format!("no question of the vault has the tags of domain \"{d}\"")
            }
            (P::NoDomains, Lang::Ko) => "영역(domains)이 하나도 없습니다".to_owned(),
            (P::NoDomains, Lang::En) => "the blueprint has no domains".to_owned(),
            (P::Yaml(m), Lang::Ko) => format!("블루프린트를 읽을 수 없습니다: {m}"),
            (P::Yaml(m), Lang::En) => format!("cannot read the blueprint: {m}"),
        };
        format!("{}:{}:{}: {what}", self.path, self.line, self.column)
    }
}

/// A domain short of questions for its share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortage {
    /// The domain.
    pub domain: String,
    /// Questions its weight asks for.
    pub wanted: usize,
    /// Questions there are (all of them are taken).
    pub available: usize,
}

impl Shortage {
    /// What to say before the exam starts.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ko => format!(
                "영역 \"{}\": {}문제가 필요하지만 {}문제뿐이라 있는 만큼만 냅니다",
                self.domain, self.wanted, self.available
            ),
            Lang::En => format!(
                "domain \"{}\": {} questions wanted, only {} available; taking what exists",
                self.domain, self.wanted, self.available
            ),
        }
    }
}

/// The questions drawn for a blueprint exam.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The questions, in the pool's order.
    pub questions: Vec<QuestionIx>,
    /// The domain of each question, in the same order.
    pub domains: Vec<String>,
    /// Domains that had too few questions.
    pub shortages: Vec<Shortage>,
}

impl Blueprint {
    /// Reads a blueprint; `path` names the file in messages.
    pub fn parse(text: &str, path: &str) -> Result<Blueprint, BlueprintError> {
        let mut bp: Blueprint = serde_yaml::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
            let problem = problem_of(&msg);
            // YAML places a rejected value at its mapping: point at the
            // value itself, the first line from there that holds it.
            let needle = match &problem {
                BlueprintProblem::BadWeight(_) => Some("weight:".to_owned()),
                BlueprintProblem::BadTag(t) => Some(t.clone()),
                _ => None,
            };
            let (line, column) = needle
                .and_then(|n| find_from(text, line, &n))
                .unwrap_or((line, column));
            BlueprintError {
                path: path.to_owned(),
                line,
                column,
                problem,
            }
        })?;
        path.clone_into(&mut bp.path);
        text.clone_into(&mut bp.source);
        if bp.domains.is_empty() {
            return Err(bp.error_at("domains", BlueprintProblem::NoDomains));
        }
        Ok(bp)
    }

    /// The bundled deck's blueprint.
    pub fn bundled() -> Result<Blueprint, BlueprintError> {
        Blueprint::parse(BUNDLED_BLUEPRINT, "(bundled)/blueprints/munje-deck.yaml")
    }

    /// The time limit for an exam of `n` questions: the blueprint's
    /// minutes, scaled by `n / questions` when `--count` changed the
    /// length (rounded up).
    pub fn minutes_for(&self, n: usize) -> Option<u32> {
        let minutes = self.minutes?;
        match self.questions {
            Some(q) if q > 0 && q != n => {
                let n = u64::try_from(n).unwrap_or(u64::MAX);
                let q = u64::try_from(q).unwrap_or(u64::MAX);
                let scaled = u64::from(minutes).saturating_mul(n).div_ceil(q);
                Some(u32::try_from(scaled).unwrap_or(u32::MAX))
            }
            _ => Some(minutes),
        }
    }

    /// The domain a question belongs to: the first whose tags match it.
    pub fn domain_of(&self, tags: &[Tag]) -> Option<usize> {
        self.domains
            .iter()
            .position(|d| tags.iter().any(|t| d.tags.iter().any(|f| t.matches(f))))
    }

    /// Fails on the first domain no question of the vault falls in.
    pub fn check(&self, vault: &Vault) -> Result<(), BlueprintError> {
        let mut seen = vec![false; self.domains.len()];
        for ix in vault.quizzable() {
            if let Some(d) = self.domain_of(&vault.question(ix).tags) {
                seen[d] = true;
            }
        }
        match seen.iter().position(|s| !s) {
            Some(d) => {
                let name = self.domains[d].name.clone();
                Err(self.error_at(&name, BlueprintProblem::NoQuestions(name.clone())))
            }
            None => Ok(()),
        }
    }

    /// Questions per domain for an exam of `total`: proportional to the
    /// weights, floors first, then the remaining questions to the largest
    /// remainders (earlier domains win ties). Sums to `total`.
    pub fn quotas(&self, total: usize) -> Vec<usize> {
        let sum: f64 = self.domains.iter().map(|d| d.weight).sum();
        #[allow(clippy::cast_precision_loss)] // exam lengths are small
        let exact: Vec<f64> = self
            .domains
            .iter()
            .map(|d| total as f64 * d.weight / sum)
            .collect();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // non-negative, small
        let mut quotas: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
        let mut order: Vec<usize> = (0..exact.len()).collect();
        order.sort_by(|&a, &b| {
            (exact[b] - exact[b].floor())
                .total_cmp(&(exact[a] - exact[a].floor()))
                .then(a.cmp(&b))
        });
        let short = total.saturating_sub(quotas.iter().sum());
        for &i in order.iter().cycle().take(short) {
            quotas[i] += 1;
        }
        quotas
    }

    /// Draws `total` questions from `pool` (already filtered and ordered):
    /// each domain's quota, in pool order, questions in no domain left out.
    pub fn draw(&self, vault: &Vault, pool: &[QuestionIx], total: usize) -> Drawn {
        let quotas = self.quotas(total);
        let mut available = vec![0; self.domains.len()];
        let mut taken = vec![0; self.domains.len()];
        let mut drawn = Drawn {
            questions: Vec::new(),
            domains: Vec::new(),
            shortages: Vec::new(),
        };
        for &ix in pool {
            let Some(d) = self.domain_of(&vault.question(ix).tags) else {
                continue;
            };
            available[d] += 1;
            if taken[d] < quotas[d] {
                taken[d] += 1;
                drawn.questions.push(ix);
                drawn.domains.push(self.domains[d].name.clone());
            }
        }
        for (d, domain) in self.domains.iter().enumerate() {
            if available[d] < quotas[d] {
                drawn.shortages.push(Shortage {
                    domain: domain.name.clone(),
                    wanted: quotas[d],
                    available: available[d],
                });
            }
        }
        drawn
    }

    /// An error at the first line mentioning `needle` (a domain's name).
    fn error_at(&self, needle: &str, problem: BlueprintProblem) -> BlueprintError {
        let (line, column) = find_from(&self.source, 1, needle).unwrap_or((1, 1));
        BlueprintError {
            path: self.path.clone(),
            line,
            column,
            problem,
        }
    }

    /// One line per domain: weight share and tags (for `--help`-like lists).
    pub fn summary(&self, lang: Lang) -> String {
        let sum: f64 = self.domains.iter().map(|d| d.weight).sum();
        let mut s = String::new();
        for d in &self.domains {
            let tags: Vec<&str> = d.tags.iter().map(Tag::as_str).collect();
            let _ = writeln!(
                s,
                "  {} {:.0}% ({} {})",
                d.name,
                d.weight * 100.0 / sum,
                lang.pick("태그", "tags"),
                tags.join(", ")
            );
        }
        s
    }
}

/// The 1-based line and column of the first `needle` at or after `line`.
fn find_from(text: &str, line: usize, needle: &str) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .skip(line.saturating_sub(1))
        .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, l[..c].chars().count() + 1)))
}

fn problem_of(msg: &str) -> BlueprintProblem {
    if let Some(rest) = msg.split(WEIGHT).nth(1) {
        return BlueprintProblem::BadWeight(rest.trim().to_owned());
    }
    if let Some(rest) = msg.split(TAG).nth(1) {
        return BlueprintProblem::BadTag(rest.trim().to_owned());
    }
    if let Some(rest) = msg.split("unknown field `").nth(1) {
        let key = rest.split('`').next().unwrap_or(rest);
        return BlueprintProblem::UnknownKey(key.to_owned());
    }
    BlueprintProblem::Yaml(msg.to_owned())
}

#[cfg(test)]
#[path = "blueprint_tests.rs"]
mod tests;
