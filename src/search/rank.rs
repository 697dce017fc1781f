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

#[cfg(test)]
mod tests {
    use super::*;

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
