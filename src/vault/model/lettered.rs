//! [`Lettered`]: texts tagged with option letters, stored in one buffer.
//!
//! The storage behind [`super::Options`] and [`super::Explanations`]. A
//! vault holds tens of thousands of options and explanations; one text
//! buffer and one small table per question, with 32-bit offsets, cost a
//! fraction of a `String` per text.

use super::Letter;

/// Letters with their texts, in the order built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Lettered {
    /// Every text, one after another.
    text: Box<str>,
    /// Each letter with the end of its text in `text`; a text starts where
    /// the previous one ends.
    ends: Box<[(Letter, u32)]>,
}

impl Lettered {
    /// Stores texts in order. Offsets are 32-bit: should a question's texts
    /// ever pass 4 GiB (notes are capped far below), the rest read as empty.
    pub(super) fn build<'s>(items: impl Iterator<Item = (Letter, &'s str)> + Clone) -> Lettered {
        let total: usize = items.clone().map(|(_, t)| t.len()).sum();
        let mut text = String::with_capacity(total.min(u32::MAX as usize));
        let mut end = 0u32;
        let ends: Vec<(Letter, u32)> = items
            .map(|(letter, t)| {
                if let Ok(next) = u32::try_from(text.len() + t.len()) {
                    text.push_str(t);
                    end = next;
                }
                (letter, end)
            })
            .collect();
        Lettered {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// The letter and text at a position.
    pub(super) fn get(&self, i: usize) -> Option<(Letter, &str)> {
        let &(letter, end) = self.ends.get(i)?;
        Some((letter, self.text_between(i, end)))
    }

    /// Every letter with its text, in order.
    pub(super) fn iter(&self) -> impl ExactSizeIterator<Item = (Letter, &str)> + '_ {
        self.ends
            .iter()
            .enumerate()
            .map(|(i, &(letter, end))| (letter, self.text_between(i, end)))
    }

    fn text_between(&self, i: usize, end: u32) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p].1);
        &self.text[start as usize..end as usize]
    }

    /// The position of a letter, when the letters are sorted.
    pub(super) fn search(&self, letter: Letter) -> Option<usize> {
        self.ends.binary_search_by_key(&letter, |(l, _)| *l).ok()
    }

    /// The letters in order.
    pub(super) fn letters(&self) -> impl ExactSizeIterator<Item = Letter> + '_ {
        self.ends.iter().map(|(l, _)| *l)
    }

    /// How many texts there are.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }
}
