//! The deck-wide figures (counts, the longest-key share, the keyed-letter
//! and "choose two" pair distributions, the exam-framing share) and the
//! warnings they raise once the sample is large enough.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{MIN_SAMPLE, QualityWarning, SKEW_POINTS, framing};
use crate::vault::model::{Letter, Question, QuestionOrigin, Vault};

/// Counts and shares of a vault's quizzable questions. A share is a
/// fraction (0.25 = 25%), 0 when nothing stands behind it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Notes in the vault.
    pub notes: usize,
    /// Quizzable questions.
    pub questions: usize,
    /// Quizzable questions from question banks.
    pub banked: usize,
    /// Questions with one right option.
    pub single_answer: usize,
    /// Questions with exactly two right options ("choose two").
    pub choose_two: usize,
    /// Single-answer questions whose key is strictly longer (in display
    /// width) than every other option.
    pub longest_key: usize,
    /// `longest_key` over `single_answer`.
    pub longest_key_share: f64,
    /// The share `longest_key_share` would have by chance: the mean of
    /// 1/options over single-answer questions.
    pub longest_key_chance: f64,
    /// How often each letter is keyed in single-answer questions, for every
    /// letter some single-answer question offers, in letter order.
    pub letters: Vec<LetterFigure>,
    /// How often each pair is keyed in "choose two" questions, for every
    /// pair keyed at least once, in letter order.
    pub pairs: Vec<PairFigure>,
    /// Questions whose stem uses the exams' framing ("MOST cost-effective",
    /// "운영 오버헤드가 가장 적은", …).
    pub framed: usize,
    /// `framed` over `questions`.
    pub framed_share: f64,
    /// Questions whose right options are each much longer than every
    /// wrong one.
    pub giveaway_keys: usize,
    /// Questions with a right option left unexplained.
    pub unexplained_keys: usize,
    /// Options repeated word for word from an earlier question of the note.
    pub repeated_options: usize,
    /// Stems shorter than a sentence.
    pub short_stems: usize,
}

/// How often one letter is the key of a single-answer question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LetterFigure {
    /// The letter.
    pub letter: Letter,
    /// Single-answer questions keyed on it.
    pub keyed: usize,
    /// Single-answer questions that offer it (E: those with five or more
    /// options).
    pub of: usize,
    /// `keyed` over `of`.
    pub share: f64,
    /// The share expected by chance: the mean of 1/options over `of`.
    pub chance: f64,
}

/// How often one pair of letters is the key of a "choose two" question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairFigure {
    /// The two letters, in order.
    pub pair: [Letter; 2],
    /// "Choose two" questions keyed on it.
    pub keyed: usize,
    /// `keyed` over every "choose two" question.
    pub share: f64,
    /// The share expected by chance: 1/(pairs a question offers), summed
    /// over the questions offering both letters, over all of them.
    pub chance: f64,
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        count_f64(part) / count_f64(whole)
    }
}

/// A count as a float; counts of questions stay far below 2^52.
#[allow(clippy::cast_precision_loss)]
fn count_f64(n: usize) -> f64 {
    n as f64
}

/// The display width of an option's text: what a reader sees as its length
/// (a Hangul syllable is two columns, as wide as it looks).
pub(super) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The single right letter of a single-answer question with options.
pub(super) fn single_key(q: &Question) -> Option<Letter> {
    let mut keys = q.answer.iter();
    match (keys.next(), keys.next()) {
        (Some(k), None) if q.options.len() >= 2 => Some(k),
        _ => None,
    }
}

/// True when a question's key is strictly wider than each other option.
fn key_is_strictly_longest(q: &Question, key: Letter) -> bool {
    let Some(k) = q.option(key) else {
        return false;
    };
    let kw = width(&k.text);
    q.options
        .iter()
        .filter(|o| o.letter != key)
        .all(|o| width(&o.text) < kw)
}

/// Running sums for one letter or pair: keyed count, questions, chance.
#[derive(Default)]
struct Tally {
    keyed: usize,
    of: usize,
    chance: f64,
}

impl Figures {
    /// The figures of a vault, given its per-question warnings (counted,
    /// not recomputed).
    pub(super) fn of(vault: &Vault, per_question: &[QualityWarning]) -> Figures {
        let mut f = Figures {
            notes: vault.notes.len(),
            ..Figures::default()
        };
        let mut longest_chance = 0.0;
        let mut letters: BTreeMap<Letter, Tally> = BTreeMap::new();
        let mut pairs: BTreeMap<[Letter; 2], Tally> = BTreeMap::new();
        let quizzable: Vec<&Question> = vault.questions.iter().filter(|q| q.quizzable).collect();
        for q in &quizzable {
            f.questions += 1;
            f.banked += usize::from(matches!(q.origin, QuestionOrigin::Bank(_)));
            f.framed += usize::from(framing::is_exam_framed(&q.stem.text()));
            let chance = 1.0 / count_f64(q.options.len().max(1));
            if let Some(key) = single_key(q) {
                f.single_answer += 1;
                f.longest_key += usize::from(key_is_strictly_longest(q, key));
                longest_chance += chance;
                for o in &q.options {
                    let t = letters.entry(o.letter).or_default();
                    t.of += 1;
                    t.chance += chance;
                    t.keyed += usize::from(o.letter == key);
                }
            }
        }
        for q in &quizzable {
            let keys = q.answer.to_vec();
            let [first, second] = keys[..] else { continue };
            f.choose_two += 1;
            let offers = q.options.len();
            let pair_chance = 2.0 / count_f64((offers * offers.saturating_sub(1)).max(2));
            let offered: Vec<Letter> = q.options.iter().map(|o| o.letter).collect();
            for (i, &x) in offered.iter().enumerate() {
                for &y in &offered[i + 1..] {
                    let mut both = [x, y];
                    both.sort_unstable();
                    pairs.entry(both).or_default().chance += pair_chance;
                }
            }
            pairs.entry([first, second]).or_default().keyed += 1;
        }
        f.longest_key_share = share(f.longest_key, f.single_answer);
        f.longest_key_chance = longest_chance / count_f64(f.single_answer.max(1));
        f.framed_share = share(f.framed, f.questions);
        f.letters = letters
            .into_iter()
            .map(|(letter, t)| LetterFigure {
                letter,
                keyed: t.keyed,
                of: t.of,
                share: share(t.keyed, t.of),
                chance: t.chance / count_f64(t.of.max(1)),
            })
            .collect();
        f.pairs = pairs
            .into_iter()
            .filter(|(_, t)| t.keyed > 0)
            .map(|(pair, t)| PairFigure {
                pair,
                keyed: t.keyed,
                share: share(t.keyed, f.choose_two),
                chance: t.chance / count_f64(f.choose_two.max(1)),
            })
            .collect();
        for w in per_question {
            match w {
                QualityWarning::GiveawayKey { .. } => f.giveaway_keys += 1,
                QualityWarning::UnexplainedKey { .. } => f.unexplained_keys += 1,
                QualityWarning::RepeatedOption { .. } => f.repeated_options += 1,
                QualityWarning::ShortStem { .. } => f.short_stems += 1,
                _ => {}
            }
        }
        f
    }

    /// The figure for a letter, if some single-answer question offers it.
    pub fn letter(&self, letter: Letter) -> Option<&LetterFigure> {
        self.letters.iter().find(|l| l.letter == letter)
    }
}

/// Beyond chance by more than [`SKEW_POINTS`] (a hair of slack so a share
/// exactly on the line, 7 of 20 against 25%, is not a warning).
fn above(share: f64, chance: f64) -> bool {
    share > chance + SKEW_POINTS + 1e-9
}

/// The deck-wide warnings: each needs [`MIN_SAMPLE`] questions behind it.
pub(super) fn deck_warnings(f: &Figures) -> Vec<QualityWarning> {
    let mut out = Vec::new();
    if f.single_answer >= MIN_SAMPLE && above(f.longest_key_share, f.longest_key_chance) {
        out.push(QualityWarning::LongestKey {
            keyed: f.longest_key,
            of: f.single_answer,
            chance: f.longest_key_chance,
        });
    }
    for l in &f.letters {
        let skewed = above(l.share, l.chance) || above(l.chance, l.share);
        if l.of >= MIN_SAMPLE && skewed {
            out.push(QualityWarning::LetterSkew {
                letter: l.letter,
                keyed: l.keyed,
                of: l.of,
                chance: l.chance,
            });
        }
    }
    if f.choose_two >= MIN_SAMPLE {
        for p in f.pairs.iter().filter(|p| above(p.share, p.chance)) {
            out.push(QualityWarning::RepeatedPair {
                pair: p.pair,
                keyed: p.keyed,
                of: f.choose_two,
                chance: p.chance,
            });
        }
    }
    out
}
