//! [`Answer`]: the right letters of a question, as ten bits.
//!
//! Answers only ever name letters A to J, so a bit set holds any of them
//! inline, with no allocation per question. Owns only this container.

use std::fmt;

use super::Letter;

const LETTERS: [Letter; 10] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

/// A set of option letters among A to J, read in letter order. Letters
/// outside A–J are never answers (the parsers only accept A–J) and are
/// left out when collecting.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Answer(u16);

impl Answer {
    fn bit(letter: Letter) -> Option<u16> {
        LETTERS.iter().position(|&l| l == letter).map(|i| 1 << i)
    }

    /// True when a letter is one of the right ones.
    pub fn contains(&self, letter: Letter) -> bool {
        Self::bit(letter).is_some_and(|b| self.0 & b != 0)
    }

    /// The letters, sorted.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Letter> + '_ {
        LETTERS
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, &l)| l)
    }

    /// How many letters are right.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// True when no letter is given.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The letters, sorted, as a list.
    pub fn to_vec(&self) -> Vec<Letter> {
        self.iter().collect()
    }
}

impl FromIterator<Letter> for Answer {
    fn from_iter<I: IntoIterator<Item = Letter>>(iter: I) -> Self {
        Answer(
            iter.into_iter()
                .filter_map(Answer::bit)
                .fold(0, |a, b| a | b),
        )
    }
}

impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_keeps_each_letter_once_in_order() {
        let a: Answer = ['D', 'B', 'D', 'J'].into_iter().collect();
        assert_eq!(a.to_vec(), ['B', 'D', 'J']);
        assert_eq!(a.len(), 3);
        assert!(a.contains('J') && !a.contains('A') && !a.contains('K'));
        assert_eq!(format!("{a:?}"), "['B', 'D', 'J']");
        assert!(Answer::default().is_empty());
        let outside: Answer = ['Z'].into_iter().collect();
        assert!(outside.is_empty());
    }
}
