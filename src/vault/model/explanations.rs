//! [`Explanations`]: a question's per-option explanations, by letter.
//!
//! A sorted boxed slice rather than a `BTreeMap`: a question has at most ten
//! letters, and a B-tree node costs over 300 bytes per question, which a
//! large vault pays tens of thousands of times. Owns only this container;
//! parsing the explanations is `question`'s and `bank`'s job.

use std::borrow::Cow;
use std::sync::Arc;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Letter;
use super::lettered::Lettered;
use super::passage::Quotes;
use crate::text::fold::FoldedText;

/// Explanation text of each option that has one, sorted by letter, at most
/// one per letter. Built with `collect()`; read-only afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanations(Lettered);

impl Explanations {
    /// The explanation of an option, if it has one.
    pub fn get(&self, letter: Letter) -> Option<Cow<'_, str>> {
        let i = self.0.search(letter)?;
        self.0.get(i).map(|(_, t)| t)
    }

    /// True when an option has an explanation.
    pub fn contains_key(&self, letter: Letter) -> bool {
        self.0.search(letter).is_some()
    }

    /// Letters with their explanation, in letter order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (Letter, Cow<'_, str>)> + '_ {
        self.0.iter()
    }

    /// The letters that have an explanation, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = Letter> + '_ {
        self.0.letters()
    }

    /// How many options have an explanation.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no option has an explanation.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// See [`super::Passage::keep_in`]: all explanations, or none, become
    /// places.
    pub(crate) fn keep_in(&mut self, quotes: &mut Quotes<'_>) {
        self.0.keep_in(quotes);
    }

    /// See [`super::Passage::attach`].
    pub(crate) fn attach(&mut self, text: &Arc<FoldedText>) {
        self.0.attach(text);
    }
}

/// Like collecting into a `BTreeMap`: sorted by letter, and a later entry
/// for a letter replaces an earlier one.
impl<S: AsRef<str>> FromIterator<(Letter, S)> for Explanations {
    fn from_iter<I: IntoIterator<Item = (Letter, S)>>(iter: I) -> Self {
        let mut entries: Vec<(Letter, S)> = iter.into_iter().collect();
        // Stable, so equal letters keep their order and the last one wins.
        entries.sort_by_key(|(l, _)| *l);
        let mut unique: Vec<(Letter, S)> = Vec::with_capacity(entries.len());
        for (l, t) in entries {
            match unique.last_mut() {
                Some(last) if last.0 == l => last.1 = t,
                _ => unique.push((l, t)),
            }
        }
        Explanations(Lettered::build(
            unique.iter().map(|(l, t)| (*l, t.as_ref())),
        ))
    }
}

/// The same JSON object a `BTreeMap<Letter, String>` gives: `{"A": "..."}`.
impl Serialize for Explanations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (letter, text) in self.iter() {
            map.serialize_entry(&letter, &*text)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collecting_sorts_by_letter_and_keeps_the_last_of_a_letter() {
        let e: Explanations = [('C', "셋"), ('A', "하나"), ('C', "다시 셋")]
            .into_iter()
            .collect();
        assert_eq!(e.keys().collect::<String>(), "AC");
        assert_eq!(e.get('C').as_deref(), Some("다시 셋"));
        assert_eq!(e.get('A').as_deref(), Some("하나"));
        assert_eq!(e.get('B'), None);
        assert!(!e.contains_key('B'));
        assert_eq!(e.len(), 2);
        let all: Vec<_> = e.iter().collect();
        assert_eq!(all, [('A', "하나".into()), ('C', "다시 셋".into())]);
    }

    #[test]
    fn serialises_as_a_map_from_letter_to_text() {
        let e: Explanations = [('B', "둘".to_owned()), ('A', "하나".to_owned())]
            .into_iter()
            .collect();
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"A":"하나","B":"둘"}"#);
        assert!(Explanations::default().is_empty());
    }
}
