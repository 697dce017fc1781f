//! A question as the user sees it: options possibly shuffled and relettered,
//! with the answer and every explanation following its option.
//!
//! Owns the mapping between shown letters and the letters of the source, and
//! the exact-set grading. The session keeps these owned copies, so it holds
//! no reference to the vault.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use crate::vault::{Letter, Passage, QuestionId, QuestionIx, QuestionOrigin, Tag, Vault};

use super::rng::SeededRng;

/// One option as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentedOption {
    /// The letter shown to the user (`A`, `B`, … in shown order).
    pub letter: Letter,
    /// The letter in the note.
    pub source_letter: Letter,
    /// The option's text.
    pub text: String,
    /// The label its note writes (`②`, `b.`), shown beside the letter
    /// while the options keep the note's order; the letter is what grades.
    pub label: Option<String>,
    /// The note's explanation of this option, if any.
    pub explanation: Option<String>,
}

/// Where something is written: a file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, joined to its vault root (`notes/spot.md`, or the path
    /// inside the bundled deck).
    pub path: String,
    /// 1-based line.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path, self.line)
    }
}

/// A question ready to ask.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentedQuestion {
    /// Its index in the vault it came from.
    pub ix: QuestionIx,
    /// Its stable id.
    pub id: QuestionId,
    /// The stem.
    pub stem: String,
    /// Options in shown order, lettered `A`, `B`, … as shown.
    pub options: Vec<PresentedOption>,
    /// The right shown letters, sorted.
    pub answer: Vec<Letter>,
    /// The general explanation.
    pub explanation: Option<String>,
    /// The question's tags.
    pub tags: Vec<Tag>,
    /// The name of the note it studies, as shown to a person
    /// ([`crate::vault::Note::display_name`]).
    pub note_title: Option<String>,
    /// That note's key point.
    pub key_point: Option<String>,
    /// Where the question is written.
    pub location: Option<Location>,
    /// Where the note it studies is, when that is another file (bank questions).
    pub note_location: Option<Location>,
}

impl PresentedQuestion {
    /// Prepares a question; with a generator its options are shuffled and
    /// relettered, without one they keep the note's letters and order.
    pub fn new(vault: &Vault, ix: QuestionIx, rng: Option<&mut SeededRng>) -> PresentedQuestion {
        let q = vault.question(ix);
        let mut order: Vec<usize> = (0..q.options.len()).collect();
        let shuffled = rng.is_some();
        if let Some(rng) = rng {
            rng.shuffle(&mut order);
        }
        let options: Vec<PresentedOption> = order
            .iter()
            .zip(letters())
            .filter_map(|(&i, shown)| {
                let o = q.options.get(i)?;
                Some(PresentedOption {
                    // Unshuffled, the note's own letters stay as written.
                    letter: if shuffled { shown } else { o.letter },
                    source_letter: o.letter,
                    text: o.text.to_string(),
                    label: (!shuffled)
                        .then(|| q.options.label(i).map(str::to_owned))
                        .flatten(),
                    explanation: q.explanations.get(o.letter).map(Cow::into_owned),
                })
            })
            .collect();
        let mut answer: Vec<Letter> = options
            .iter()
            .filter(|o| q.answer.contains(o.source_letter))
            .map(|o| o.letter)
            .collect();
        answer.sort_unstable();
        let note = q.note.map(|n| vault.note(n));
        let location = match q.origin {
            QuestionOrigin::Note(n) => {
                let note = vault.note(n);
                Some(located(vault, note.root, &note.path, q.line))
            }
            QuestionOrigin::Bank(b) => vault
                .banks
                .get(b)
                .map(|bank| located(vault, bank.root, &bank.path, q.line)),
        };
        let note_location = match (q.origin, q.note) {
            (QuestionOrigin::Bank(_), Some(n)) => {
                let note = vault.note(n);
                Some(located(vault, note.root, &note.path, note.body_line.max(1)))
            }
            _ => None,
        };
        PresentedQuestion {
            ix,
            id: q.id.clone(),
            stem: q.stem.to_string(),
            options,
            answer,
            explanation: q.explanation.as_ref().map(Passage::to_string),
            tags: q.tags.to_vec(),
            note_title: note
                .map(crate::vault::Note::display_name)
                .or(q.note_title.as_deref())
                .map(str::to_owned),
            key_point: note
                .and_then(|n| vault.key_point(n))
                .map(std::borrow::Cow::into_owned),
            location,
            note_location,
        }
    }

    /// How many letters the user must pick.
    pub fn pick_count(&self) -> usize {
        self.answer.len()
    }

    /// The shown option with a letter.
    pub fn option(&self, shown: Letter) -> Option<&PresentedOption> {
        self.options.iter().find(|o| o.letter == shown)
    }

    /// Source letters of some shown letters, sorted; unknown letters are
    /// dropped.
    pub fn to_source(&self, shown: &[Letter]) -> Vec<Letter> {
        let mut out: Vec<Letter> = shown
            .iter()
            .filter_map(|&l| self.option(l).map(|o| o.source_letter))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The right answer in source letters, sorted.
    pub fn source_answer(&self) -> Vec<Letter> {
        self.to_source(&self.answer)
    }

    /// Exact-set grading: right only when the picked set is the answer set.
    pub fn is_right(&self, shown: &[Letter]) -> bool {
        let mut picked = shown.to_vec();
        picked.sort_unstable();
        picked.dedup();
        picked == self.answer
    }

    /// Characters of stem and options, a measure of reading effort.
    pub fn text_len(&self) -> usize {
        self.stem.chars().count()
            + self
                .options
                .iter()
                .map(|o| o.text.chars().count())
                .sum::<usize>()
    }
}

fn letters() -> impl Iterator<Item = Letter> {
    ('A'..='Z').chain(std::iter::repeat('?'))
}

fn located(vault: &Vault, root: usize, path: &str, line: usize) -> Location {
    let root = vault.roots.get(root).map_or("", String::as_str);
    // The bundled deck's root is a label such as "(bundled)", not a folder.
    let path = if root.is_empty() || root.starts_with('(') {
        path.to_owned()
    } else {
        Path::new(root).join(path).display().to_string()
    };
    Location { path, line }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::sample_vault;

    #[test]
    fn unshuffled_options_keep_source_letters_and_answer() {
        let vault = sample_vault();
        let q = PresentedQuestion::new(&vault, QuestionIx(0), None);
        let letters: Vec<_> = q.options.iter().map(|o| o.letter).collect();
        assert_eq!(letters, ['A', 'B', 'C', 'D']);
        assert_eq!(*q.answer, ['B']);
        assert_eq!(q.location.as_ref().unwrap().to_string(), "vault/spot.md:20");
        assert_eq!(
            q.key_point.as_deref(),
            Some("스팟은 2분 전에 중단 알림을 받는다.")
        );
    }

    #[test]
    fn shuffled_answer_and_explanations_follow_their_options() {
        let vault = sample_vault();
        let source = vault.question(QuestionIx(0));
        for seed in 0..20 {
            let mut rng = SeededRng::new(seed);
            let q = PresentedQuestion::new(&vault, QuestionIx(0), Some(&mut rng));
            for o in &q.options {
                let src = source.option(o.source_letter).unwrap();
                assert_eq!(o.text, src.text);
                assert_eq!(
                    o.explanation,
                    source
                        .explanations
                        .get(o.source_letter)
                        .map(Cow::into_owned)
                );
            }
            assert_eq!(q.answer.len(), 1);
            let right = q.option(q.answer[0]).unwrap();
            assert_eq!(right.source_letter, 'B');
            assert_eq!(q.source_answer(), ['B']);
            assert!(q.is_right(&q.answer));
        }
    }

    #[test]
    fn multi_answer_needs_the_exact_set() {
        let vault = sample_vault();
        let q = PresentedQuestion::new(&vault, QuestionIx(1), None);
        assert_eq!(q.pick_count(), 2);
        assert!(q.is_right(&['C', 'A']));
        assert!(!q.is_right(&['A']));
        assert!(!q.is_right(&['A', 'B', 'C']));
    }
}
