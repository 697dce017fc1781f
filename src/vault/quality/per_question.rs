//! The per-question warnings: a key that gives itself away by length, a
//! right option left unexplained, an option copied from an earlier question
//! of the same note, and a stem shorter than a sentence.

use std::collections::HashMap;

use super::figures::width;
use super::{
    GIVEAWAY_COLUMNS, GIVEAWAY_RATIO, MIN_REPEATED_OPTION_WORDS, MIN_STEM_WORDS, QualityWarning,
};
use crate::vault::model::{
    Letter, NoteIx, Question, QuestionIx, QuestionOrigin, QuizOption, Vault,
};

/// Which questions a pass looks at, by their [`Group`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Groups {
    /// Every question: the one pass the two threads are checked against.
    #[cfg(test)]
    All,
    /// The questions of every other group: 0 or 1 (a group's notes and
    /// banks are numbered, and this is the number's remainder by 2).
    Half(usize),
}

/// The per-question warnings of the questions in `groups`, in vault order.
/// A question's warnings depend only on the questions of its group.
pub(super) fn warnings(vault: &Vault, groups: Groups) -> Vec<QualityWarning> {
    let mut out = Vec::new();
    let mut seen: HashMap<Group, HashMap<String, (QuestionIx, Letter)>> = HashMap::new();
    for (i, q) in vault.questions.iter().enumerate() {
        if !q.quizzable {
            continue;
        }
        if let Groups::Half(half) = groups
            && group(q).half() != half
        {
            continue;
        }
        let ix = QuestionIx(i);
        let words = q.stem.text().split_whitespace().count();
        if words < MIN_STEM_WORDS {
            out.push(QualityWarning::ShortStem {
                question: ix,
                words,
            });
        }
        if let Some(w) = giveaway(ix, q) {
            out.push(w);
        }
        let letters: Vec<Letter> = q
            .answer
            .iter()
            .filter(|&l| !q.explanations.contains_key(l))
            .collect();
        if !letters.is_empty() && q.explanation.is_none() {
            out.push(QualityWarning::UnexplainedKey {
                question: ix,
                letters,
            });
        }
        repeated_options(ix, q, seen.entry(group(q)).or_default(), &mut out);
    }
    out
}

/// The questions whose options are compared with each other: a note's own,
/// with the bank questions that study it; a bank question naming no note
/// of the vault is compared within its bank file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Group {
    Note(NoteIx),
    Bank(usize),
}

impl Group {
    /// The remainder by 2 of the group's number, for [`Groups::Half`].
    fn half(self) -> usize {
        match self {
            Group::Note(NoteIx(n)) | Group::Bank(n) => n % 2,
        }
    }
}

fn group(q: &Question) -> Group {
    match (q.note, q.origin) {
        (Some(n), _) | (None, QuestionOrigin::Note(n)) => Group::Note(n),
        (None, QuestionOrigin::Bank(b)) => Group::Bank(b),
    }
}

/// Right options each at least [`GIVEAWAY_RATIO`] times and
/// [`GIVEAWAY_COLUMNS`] columns wider than every wrong option: the
/// longest one (or, in "choose two", the two longest) is the answer.
fn giveaway(ix: QuestionIx, q: &Question) -> Option<QualityWarning> {
    let keyed = |o: &QuizOption<'_>| q.answer.contains(o.letter);
    let narrowest_key = q
        .options
        .iter()
        .filter(keyed)
        .map(|o| width(&o.text))
        .min()?;
    let widest_other = q
        .options
        .iter()
        .filter(|o| !keyed(o))
        .map(|o| width(&o.text))
        .max()?;
    #[allow(clippy::cast_precision_loss)]
    let wide = narrowest_key as f64 >= GIVEAWAY_RATIO * widest_other as f64;
    (wide && narrowest_key >= widest_other + GIVEAWAY_COLUMNS).then(|| {
        QualityWarning::GiveawayKey {
            question: ix,
            letters: q.answer.to_vec(),
            width: narrowest_key,
            widest_other,
        }
    })
}

/// An option's text for comparison: case and whitespace folded, closing
/// punctuation dropped; `None` when it is too short to count.
/// Made in one string: the words counted before anything is allocated,
/// ASCII text lowercased in place.
fn comparable(text: &str) -> Option<String> {
    let min = MIN_REPEATED_OPTION_WORDS;
    if text.split_whitespace().take(min).count() < min {
        return None;
    }
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    let mut folded = if joined.is_ascii() {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    };
    let end = folded.trim_end_matches(CLOSING).len();
    folded.truncate(end);
    Some(folded)
}

/// Closing punctuation an option's comparison ignores.
const CLOSING: [char; 7] = ['.', ',', ';', ':', '!', '?', '。'];

/// [`comparable`] as first written, word list and copies: the simple path
/// the one-string version is checked against.
#[cfg(test)]
fn comparable_simple(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < MIN_REPEATED_OPTION_WORDS {
        return None;
    }
    let joined = words.join(" ").to_lowercase();
    Some(joined.trim_end_matches(CLOSING).to_owned())
}

/// Warns for each option of `q` an earlier question of its group already
/// offered word for word, and records `q`'s options for later ones.
fn repeated_options(
    ix: QuestionIx,
    q: &Question,
    seen: &mut HashMap<String, (QuestionIx, Letter)>,
    out: &mut Vec<QualityWarning>,
) {
    for o in &q.options {
        let Some(text) = comparable(&o.text) else {
            continue;
        };
        match seen.get(&text) {
            Some(&(earlier, earlier_letter)) if earlier != ix => {
                out.push(QualityWarning::RepeatedOption {
                    question: ix,
                    letter: o.letter,
                    earlier,
                    earlier_letter,
                });
            }
            Some(_) => {}
            None => {
                seen.insert(text, (ix, o.letter));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn one_string_comparison_text_agrees_with_the_simple_one(
            text in "([ \\t\\n]|[a-zA-Z]{1,6}|ΣΑΣ|İ|K|[.,;:!?。]|가|\\PC){0,12}"
        ) {
            proptest::prop_assert_eq!(comparable(&text), comparable_simple(&text));
        }
    }

    #[test]
    fn one_string_comparison_text_agrees_on_written_options() {
        for text in [
            "Use Savings Plans with job queue.",
            "  USE   Spot  Instances?! ",
            "ΟΔΟΣ ΚΑΙ ΣΟΦΟΣ.",
            "메모리 구성 변경。",
            "two words",
            "",
        ] {
            assert_eq!(comparable(text), comparable_simple(text), "{text}");
        }
        assert_eq!(comparable("A  b C."), Some("a b c".to_owned()));
    }
}
