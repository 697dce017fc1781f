//! The one order hits are ranked in, by the whole index and by the search
//! streamed as a vault loads: a higher score first, then the folded title
//! (a document's sort key), then the document's place in the vault (notes
//! in vault order, bank questions after every note).
//!
//! Owns the order only; scores and sort keys are `engine`'s and `index`'s.

use std::cmp::Reverse;

/// A hit's rank: smaller is better. `P` is where the document is, in any
/// form that orders as the vault does (an index's document number, a
/// note's root and path while the vault is still loading).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Rank<'k, P> {
    score: Reverse<i64>,
    sort_key: &'k str,
    place: P,
}

impl<'k, P: Ord> Rank<'k, P> {
    /// The rank of a document scoring `score`, with its sort key and place.
    pub(super) fn new(score: i64, sort_key: &'k str, place: P) -> Rank<'k, P> {
        Rank {
            score: Reverse(score),
            sort_key,
            place,
        }
    }
}

/// Marks a document with no place in a [`TitleOrder`] (one replaced
/// after the build): it is compared by its sort key.
pub(super) const UNPLACED: u32 = u32::MAX;

/// Each document's place in the order of its sort key, then its own
/// place: comparing two of these numbers gives the order of comparing
/// the keys, without reading them (a keystroke that matches most of a
/// large vault ranks tens of thousands of candidates).
pub(super) fn title_order<'k>(keys: impl ExactSizeIterator<Item = &'k str>) -> Vec<u32> {
    let keys: Vec<&str> = keys.collect();
    let mut by_key: Vec<u32> = (0..u32::try_from(keys.len()).unwrap_or(u32::MAX)).collect();
    by_key.sort_by(|&a, &b| keys[a as usize].cmp(keys[b as usize]).then(a.cmp(&b)));
    let mut order = vec![UNPLACED; keys.len()];
    for (place, &d) in by_key.iter().enumerate() {
        order[d as usize] = u32::try_from(place).unwrap_or(UNPLACED);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_order_is_the_order_of_keys_then_places() {
        let keys = ["b", "a", "c", "a"];
        assert_eq!(title_order(keys.iter().copied()), [2, 0, 3, 1]);
    }

    #[test]
    fn score_then_title_then_place() {
        let mut ranks = [
            Rank::new(10, "b", 0),
            Rank::new(20, "z", 9),
            Rank::new(10, "a", 5),
            Rank::new(10, "a", 1),
        ];
        ranks.sort();
        assert_eq!(
            ranks,
            [
                Rank::new(20, "z", 9),
                Rank::new(10, "a", 1),
                Rank::new(10, "a", 5),
                Rank::new(10, "b", 0),
            ]
        );
    }
}
