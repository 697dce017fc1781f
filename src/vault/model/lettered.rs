//! [`Lettered`]: texts tagged with option letters, stored in one buffer,
//! or kept as places in the vault's text.
//!
//! The storage behind [`super::Options`] and [`super::Explanations`]. A
//! vault holds tens of thousands of options and explanations; one text
//! buffer and one small table per question, with 32-bit offsets, cost a
//! fraction of a `String` per text.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use super::Letter;
use super::passage::{Quotes, written};
use crate::text::fold::FoldedText;

/// A letter and its text's bytes in the vault's text.
type Place = (Letter, Range<u32>);

/// Letters with their texts, in the order built: in one buffer of their
/// own, or as places in the vault's text (see [`super::passage`]).
#[derive(Clone)]
pub(super) enum Lettered {
    Own {
        /// Every text, one after another.
        text: Box<str>,
        /// Each letter with the end of its text in `text`; a text starts
        /// where the previous one ends.
        ends: Box<[(Letter, u32)]>,
    },
    Shared {
        text: Arc<FoldedText>,
        /// Each letter with its text's bytes in `text`.
        places: Box<[Place]>,
    },
}

impl Default for Lettered {
    fn default() -> Lettered {
        Lettered::Own {
            text: Box::default(),
            ends: Box::default(),
        }
    }
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
        Lettered::Own {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// The letter and text at a position.
    pub(super) fn get(&self, i: usize) -> Option<(Letter, Cow<'_, str>)> {
        (i < self.len()).then(|| self.at(i))
    }

    /// Every letter with its text, in order.
    pub(super) fn iter(&self) -> impl ExactSizeIterator<Item = (Letter, Cow<'_, str>)> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// The letter and text at a position below [`Lettered::len`].
    fn at(&self, i: usize) -> (Letter, Cow<'_, str>) {
        match self {
            Lettered::Own { text, ends } => {
                let (letter, end) = ends[i];
                let start = i.checked_sub(1).map_or(0, |p| ends[p].1);
                (letter, Cow::Borrowed(&text[start as usize..end as usize]))
            }
            Lettered::Shared { text, places } => {
                let (letter, range) = &places[i];
                (*letter, written(text, range))
            }
        }
    }

    /// The position of a letter, when the letters are sorted.
    pub(super) fn search(&self, letter: Letter) -> Option<usize> {
        match self {
            Lettered::Own { ends, .. } => ends.binary_search_by_key(&letter, |(l, _)| *l).ok(),
            Lettered::Shared { places, .. } => {
                places.binary_search_by_key(&letter, |(l, _)| *l).ok()
            }
        }
    }

    /// The letters in order.
    pub(super) fn letters(&self) -> impl ExactSizeIterator<Item = Letter> + '_ {
        (0..self.len()).map(|i| match self {
            Lettered::Own { ends, .. } => ends[i].0,
            Lettered::Shared { places, .. } => places[i].0,
        })
    }

    /// How many texts there are.
    pub(super) fn len(&self) -> usize {
        match self {
            Lettered::Own { ends, .. } => ends.len(),
            Lettered::Shared { places, .. } => places.len(),
        }
    }

    /// Becomes places in the vault's text when its note's body holds
    /// every text word for word where `quotes` looks; else stays as it is.
    pub(super) fn keep_in(&mut self, quotes: &mut Quotes<'_>) {
        if !matches!(self, Lettered::Own { .. }) || self.len() == 0 {
            return;
        }
        let places: Option<Box<[Place]>> = self
            .iter()
            .map(|(letter, t)| Some((letter, quotes.place(&t)?)))
            .collect();
        if let Some(places) = places {
            *self = Lettered::Shared {
                text: Arc::clone(quotes.pending()),
                places,
            };
        }
    }

    /// Points places at the vault's text, once it is made.
    pub(super) fn attach(&mut self, all: &Arc<FoldedText>) {
        if let Lettered::Shared { text, .. } = self {
            *text = Arc::clone(all);
        }
    }
}

/// The letters and texts, however they are kept (see [`super::Passage`]).
impl fmt::Debug for Lettered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Equal when the letters and texts are, however they are kept.
impl PartialEq for Lettered {
    fn eq(&self, other: &Lettered) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Lettered {}
