//! Short fields that many documents share: a tag is on hundreds or
//! thousands of notes, the same text in each. A keystroke scores each such
//! text once per word, not once per document that has it.
//!
//! On the generated 100,000-note vault, 300,000 of the 700,000 short fields
//! are 30 distinct tags, and a word typed halfway (`stre`) ran the fuzzy
//! scorer on 95,000 of them to find each a poor match (BENCHMARKS.md,
//! "Keystrokes at 100,000 notes").
//!
//! Owns which fields share a text and the keystroke's memory of their
//! scores; the scoring itself is `engine`'s.

use std::collections::HashMap;

use super::Field;

/// The shared-text number of a field whose text no other field has.
pub(super) const NOT_SHARED: u32 = u32::MAX;

/// For each field (its kind and folded text, in the index's order), the
/// number of its text among the texts that two or more fields of one kind
/// have, or [`NOT_SHARED`]; and how many such texts there are. (A field's
/// 초성 form and masks follow from its folded text.)
pub(super) fn shared_numbers<'a>(
    fields: impl Iterator<Item = (Field, &'a str)> + Clone,
) -> (Vec<u32>, usize) {
    let mut counts: HashMap<(Field, &str), (u32, u32)> = HashMap::new();
    for f in fields.clone() {
        counts.entry(f).or_insert((0, NOT_SHARED)).0 += 1;
    }
    let mut texts: u32 = 0;
    let numbers = fields
        .map(|f| match counts.get_mut(&f) {
            Some((n, number)) if *n >= 2 => {
                if *number == NOT_SHARED {
                    *number = texts;
                    texts += 1;
                }
                *number
            }
            _ => NOT_SHARED,
        })
        .collect();
    (numbers, texts as usize)
}

/// The quality each positive word of a query found in each shared text,
/// worked out the first time a document with that text is looked at.
/// One per thread of a keystroke.
#[derive(Debug)]
pub(super) struct SharedScores {
    texts: usize,
    /// By word, then by shared text.
    cells: Vec<Cell>,
}

/// One word's quality in one shared text.
#[derive(Debug, Clone, Copy)]
enum Cell {
    NotYet,
    /// The quality, or `None`: no match.
    Known(Option<i64>),
}

impl SharedScores {
    /// Nothing worked out yet, for `words` words and `texts` shared texts.
    pub(super) fn new(words: usize, texts: usize) -> SharedScores {
        SharedScores {
            texts,
            cells: vec![Cell::NotYet; words * texts],
        }
    }

    /// Word `word`'s quality in shared text `text`: remembered, or worked
    /// out by `score` and remembered.
    pub(super) fn quality(
        &mut self,
        word: usize,
        text: u32,
        score: impl FnOnce() -> Option<i64>,
    ) -> Option<i64> {
        let Some(cell) = self.cells.get_mut(word * self.texts + text as usize) else {
            return score();
        };
        match *cell {
            Cell::Known(q) => q,
            Cell::NotYet => {
                let q = score();
                *cell = Cell::Known(q);
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_texts_two_fields_of_one_kind_have_are_shared() {
        let shorts = [
            (Field::Tag, "service/emr"),
            (Field::Title, "service/emr"),
            (Field::Tag, "service/ec2"),
            (Field::Tag, "service/emr"),
            (Field::Title, "spot"),
            (Field::Title, "spot"),
        ];
        let (numbers, texts) = shared_numbers(shorts.iter().copied());
        assert_eq!(numbers, [0, NOT_SHARED, NOT_SHARED, 0, 1, 1]);
        assert_eq!(texts, 2);
    }

    #[test]
    fn a_quality_is_worked_out_once_per_word_and_text() {
        let mut memo = SharedScores::new(2, 3);
        let mut calls = 0;
        for _ in 0..3 {
            let q = memo.quality(1, 2, || {
                calls += 1;
                Some(7)
            });
            assert_eq!(q, Some(7));
        }
        assert_eq!(memo.quality(0, 2, || None), None);
        assert_eq!(memo.quality(0, 2, || Some(1)), None, "remembered");
        assert_eq!(calls, 1);
        // Past the table: worked out each time, never a panic.
        assert_eq!(memo.quality(5, 9, || Some(3)), Some(3));
    }
}
