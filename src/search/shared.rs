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
//! scores; the scoring itself is `short_match`'s.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::Field;

/// The shared-text number of a field whose text no other field has.
pub(super) const NOT_SHARED: u32 = u32::MAX;

/// For each of `n` fields (`field(i)` gives field `i`'s kind and folded
/// text), the number of its text among the texts that two or more fields
/// of one kind have, or [`NOT_SHARED`]; and how many such texts there
/// are. Texts are numbered in the order of their first field. (A field's
/// 초성 form and masks follow from its folded text.)
///
/// Found by sorting the fields by a hash of their kind and text, not by
/// a map from text to count: at 700,000 fields that map took 26 MB at the
/// app's peak of memory, the sort takes 8 bytes a field (BENCHMARKS.md,
/// "Short fields in one buffer"). Fields whose hashes agree are compared
/// by text, so a collision never shares two texts.
pub(super) fn shared_numbers<'a>(
    n: usize,
    field: impl Fn(usize) -> (Field, &'a str),
) -> (Vec<u32>, usize) {
    shared_numbers_by(n, field, |f| {
        let mut h = DefaultHasher::new();
        f.hash(&mut h);
        h.finish()
    })
}

/// [`shared_numbers`] with the hash given: the tests give a poor one, to
/// see texts whose hashes agree kept apart.
pub(super) fn shared_numbers_by<'a>(
    n: usize,
    field: impl Fn(usize) -> (Field, &'a str),
    hash: impl Fn((Field, &'a str)) -> u64,
) -> (Vec<u32>, usize) {
    let Ok(count) = u32::try_from(n) else {
        return (vec![NOT_SHARED; n], 0);
    };
    // Each key: the hash's high bits, the field's number in the low ones,
    // so equal hashes sort together, fields in order.
    let bits = u32::BITS - count.leading_zeros();
    let low = (1u64 << bits) - 1;
    let mut keys: Vec<u64> = (0..n).map(|i| (hash(field(i)) & !low) | i as u64).collect();
    keys.sort_unstable();
    // First each field's first field with the same text (itself when
    // it is the first), then that field's text number.
    let mut numbers = vec![NOT_SHARED; n];
    let mut rest: Vec<u32> = Vec::new();
    for run in keys.chunk_by(|a, b| a & !low == b & !low) {
        if run.len() < 2 {
            continue;
        }
        rest.clear();
        rest.extend(
            run.iter()
                .map(|&k| u32::try_from(k & low).unwrap_or(NOT_SHARED)),
        );
        while let Some(&first) = rest.first() {
            let text = field(first as usize);
            let same = |i: &u32| field(*i as usize) == text;
            if rest.iter().filter(|i| same(i)).count() >= 2 {
                for &i in rest.iter().filter(|i| same(i)) {
                    numbers[i as usize] = first;
                }
            }
            rest.retain(|i| !same(i));
        }
    }
    let mut texts: u32 = 0;
    for i in 0..n {
        let first = numbers[i];
        if first == NOT_SHARED {
            continue;
        }
        numbers[i] = if first as usize == i {
            texts += 1;
            texts - 1
        } else {
            numbers[first as usize]
        };
    }
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
        let (numbers, texts) = shared_numbers(shorts.len(), |i| shorts[i]);
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
