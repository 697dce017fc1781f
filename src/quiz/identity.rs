//! Following a question whose derived id changed: what a question looked
//! like ([`Snapshot`]) and the rule that decides, without guessing, which
//! question of the vault now is an old one ([`match_orphans`]).
//!
//! Pure: the store keeps the snapshots and the links, and runs this when it
//! is opened with a vault. An explicit id (`^block-id`, a bank's `id:`)
//! never changes, so it never needs matching.
//!
//! # The matching rule
//!
//! Only history whose id is no longer in the vault (an *orphan*) is
//! matched, and only to a question that is *new* (its id was never seen
//! before by this database) and has no history of its own, in a vault
//! munje has met before (a vault opened for the first time takes no
//! other vault's history). Stems are
//! compared by their [`stem_similarity`]: the Sørensen–Dice coefficient of
//! their character pairs, after lowercasing and dropping spaces and
//! punctuation (0 = nothing shared, 1 = the same text). A new question
//! matches an orphan when either
//!
//! 1. **same options**: the option texts, and the texts of the right
//!    options, are the same sets (order and letters ignored), and the
//!    stems are at least [`SAME_OPTIONS_SIMILARITY`] alike: a reworded
//!    stem, a changed note title, a renamed or moved file; or
//! 2. **same file**: it is in the same note or bank file, and the stems
//!    are at least [`SAME_FILE_SIMILARITY`] alike: a typo fix, reworded or
//!    reordered options, a changed title.
//!
//! A link is made only when exactly one new question matches the orphan
//! and that question matches no other orphan. Anything else is left
//! alone, reported by `munje check`, and can be attached by hand.

use std::collections::HashMap;

use crate::vault::{Question, QuestionId, QuestionOrigin, Vault};

/// How alike two stems must be when options and answers are the same.
pub const SAME_OPTIONS_SIMILARITY: f64 = 0.5;
/// How alike two stems must be when only the file is the same.
pub const SAME_FILE_SIMILARITY: f64 = 0.8;

/// What a question looked like when the store last saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Its id then.
    pub id: QuestionId,
    /// The plain stem.
    pub stem: String,
    /// Option texts in file order.
    pub options: Vec<String>,
    /// Texts of the right options, in letter order.
    pub answers: Vec<String>,
    /// Title of its note (a bank entry's `note:`), or empty.
    pub note_title: String,
    /// Its note or bank file, relative to the vault folder.
    pub path: String,
}

impl Snapshot {
    /// The snapshot of a question of `vault`.
    pub fn of(vault: &Vault, q: &Question) -> Snapshot {
        let path = path_of(vault, q).map(str::to_owned);
        Snapshot {
            id: q.id.clone(),
            stem: q.stem.to_string(),
            options: q.options.iter().map(|o| o.text.into_owned()).collect(),
            answers: q
                .options
                .iter()
                .filter(|o| q.answer.contains(o.letter))
                .map(|o| o.text.into_owned())
                .collect(),
            note_title: q.note_title.as_deref().unwrap_or_default().to_owned(),
            path: path.unwrap_or_default(),
        }
    }

    /// A 64-bit digest of every field, to tell a changed snapshot cheaply.
    pub fn fingerprint(&self) -> i64 {
        let mut h = Fnv::default();
        h.field(&self.id.0);
        h.field(&self.stem);
        h.lines(self.options.iter().map(String::as_str));
        h.lines(self.answers.iter().map(String::as_str));
        h.field(&self.note_title);
        h.field(&self.path);
        i64::from_ne_bytes(h.0.to_ne_bytes())
    }

    /// The fingerprint [`Snapshot::of`] would have, without copying any
    /// text: this runs for every question each time the store meets the
    /// vault.
    pub fn fingerprint_of(vault: &Vault, q: &Question) -> i64 {
        let mut h = Fnv::default();
        h.field(&q.id.0);
        h.field(&q.stem.text());
        h.lines(q.options.iter().map(|o| o.text));
        h.lines(
            q.options
                .iter()
                .filter(|o| q.answer.contains(o.letter))
                .map(|o| o.text),
        );
        h.field(q.note_title.as_deref().unwrap_or_default());
        h.field(path_of(vault, q).unwrap_or_default());
        i64::from_ne_bytes(h.0.to_ne_bytes())
    }

    /// The options and answers as sets, for the "same options" rule.
    fn option_key(&self) -> (Vec<String>, Vec<String>) {
        let norm = |v: &[String]| {
            let mut out: Vec<String> = v.iter().map(|s| squash(s)).collect();
            out.sort_unstable();
            out
        };
        (norm(&self.options), norm(&self.answers))
    }
}

/// The note or bank file a question was read from.
fn path_of<'v>(vault: &'v Vault, q: &Question) -> Option<&'v str> {
    match q.origin {
        QuestionOrigin::Note(n) => vault.notes.get(n.0).map(|n| &*n.path),
        QuestionOrigin::Bank(b) => vault.banks.get(b).map(|b| b.path.as_str()),
    }
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn field(&mut self, s: &str) {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0xff); // cannot occur in UTF-8: keeps fields apart
    }

    fn lines(&mut self, v: impl Iterator<Item = impl AsRef<str>>) {
        for s in v {
            self.field(s.as_ref());
        }
        self.byte(0xfe);
    }
}

/// Lowercase letters and digits only: what similarity compares.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The sorted character pairs of a squashed stem (a lone character counts
/// as one pair with itself, so one-character stems still compare).
fn pairs(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = squash(s).chars().collect();
    let mut out: Vec<(char, char)> = match chars.as_slice() {
        [] => Vec::new(),
        [c] => vec![(*c, *c)],
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    };
    out.sort_unstable();
    out
}

/// How alike two stems are, 0–1 (see the module docs).
pub fn stem_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (pairs(a), pairs(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)] // stems are far shorter than 2^52
    let score = (2 * shared) as f64 / (a.len() + b.len()) as f64;
    score
}

/// Which part of the rule matched, and how alike the stems were.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Evidence {
    /// Same options and answers; the stem similarity.
    SameOptions(f64),
    /// Same file; the stem similarity.
    SameFile(f64),
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Evidence::SameOptions(s) => {
                write!(f, "same options and answer, stem {:.0}% alike", s * 100.0)
            }
            Evidence::SameFile(s) => write!(f, "same file, stem {:.0}% alike", s * 100.0),
        }
    }
}

/// Whether `new` passes the rule for `old`.
pub fn evidence(old: &Snapshot, new: &Snapshot) -> Option<Evidence> {
    let same_file = !old.path.is_empty() && old.path == new.path;
    let same_options = !old.options.is_empty() && old.option_key() == new.option_key();
    if !same_file && !same_options {
        return None;
    }
    let s = stem_similarity(&old.stem, &new.stem);
    if same_options && s >= SAME_OPTIONS_SIMILARITY {
        Some(Evidence::SameOptions(s))
    } else if same_file && s >= SAME_FILE_SIMILARITY {
        Some(Evidence::SameFile(s))
    } else {
        None
    }
}

/// An orphan matched with confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The orphan's id.
    pub old: QuestionId,
    /// The new question's id.
    pub new: QuestionId,
    /// Why.
    pub evidence: Evidence,
}

/// What matching found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    /// Orphans matched with confidence, in the orphans' order.
    pub matched: Vec<Match>,
    /// Orphans with more than one candidate (or whose candidate another
    /// orphan also matched): left alone, with the candidates' ids.
    pub ambiguous: Vec<(QuestionId, Vec<QuestionId>)>,
}

/// Matches orphans (old snapshots) to new questions by the rule. Only
/// candidates sharing a file or an option set with an orphan are compared,
/// so the work grows with the vault, not with orphans × questions.
pub fn match_orphans(orphans: &[Snapshot], candidates: &[Snapshot]) -> Matching {
    let mut by_path: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_options: HashMap<(Vec<String>, Vec<String>), Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_path.entry(c.path.as_str()).or_default().push(i);
        by_options.entry(c.option_key()).or_default().push(i);
    }
    let mut found: Vec<Vec<(usize, Evidence)>> = Vec::with_capacity(orphans.len());
    let mut claims: HashMap<usize, usize> = HashMap::new();
    for o in orphans {
        let mut near: Vec<usize> = by_path.get(o.path.as_str()).cloned().unwrap_or_default();
        near.extend(by_options.get(&o.option_key()).into_iter().flatten());
        near.sort_unstable();
        near.dedup();
        let passing: Vec<(usize, Evidence)> = near
            .into_iter()
            .filter_map(|i| evidence(o, &candidates[i]).map(|e| (i, e)))
            .collect();
        for &(i, _) in &passing {
            *claims.entry(i).or_default() += 1;
        }
        found.push(passing);
    }
    let mut out = Matching::default();
    for (o, passing) in orphans.iter().zip(found) {
        match passing.as_slice() {
            [] => {}
            [(i, e)] if claims.get(i) == Some(&1) => out.matched.push(Match {
                old: o.id.clone(),
                new: candidates[*i].id.clone(),
                evidence: *e,
            }),
            _ => out.ambiguous.push((
                o.id.clone(),
                passing
                    .iter()
                    .map(|(i, _)| candidates[*i].id.clone())
                    .collect(),
            )),
        }
    }
    out
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
