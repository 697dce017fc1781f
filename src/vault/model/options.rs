//! [`Options`]: a question's answer options, their texts in one buffer.
//!
//! A vault holds tens of thousands of options; one allocation per question
//! instead of one per option saves the per-allocation overhead and the
//! pointers. Owns only this container; `question` and `bank` parse options.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::sync::Arc;

use super::Letter;
use super::lettered::Lettered;
use super::passage::Quotes;
use crate::text::fold::FoldedText;

/// One answer option, read from its question's [`Options`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOption<'a> {
    /// Its letter as written in the source.
    pub letter: Letter,
    /// Plain text: markdown markers removed, whitespace folded. Borrowed
    /// from the question unless it had to be given back as written (see
    /// [`super::Passage`]).
    pub text: Cow<'a, str>,
}

/// An option while its question is parsed, before it joins [`Options`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OptionDraft {
    pub letter: Letter,
    pub text: String,
}

/// A question's options in source order (letters as written, so a broken
/// question may repeat or skip one). Built with `collect()`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options(Lettered, Option<Box<[Box<str>]>>);

impl Options {
    /// The option at a position, if there is one.
    pub fn get(&self, i: usize) -> Option<QuizOption<'_>> {
        let (letter, text) = self.0.get(i)?;
        Some(QuizOption { letter, text })
    }

    /// The label of the option at a position as its note writes it
    /// (`②`, `b.`, `3)`), when that is not its letter. The letter, which
    /// follows the position, is what grades.
    pub fn label(&self, i: usize) -> Option<&str> {
        self.1
            .as_ref()?
            .get(i)
            .map(|l| &**l)
            .filter(|l| !l.is_empty())
    }

    /// The same options, shown with the labels their note writes.
    #[must_use]
    pub(crate) fn with_labels(mut self, labels: Vec<String>) -> Options {
        self.1 = Some(labels.into_iter().map(String::into_boxed_str).collect());
        self
    }

    /// The first option with a letter, if any.
    pub fn find(&self, letter: Letter) -> Option<QuizOption<'_>> {
        self.iter().find(|o| o.letter == letter)
    }

    /// The options in source order.
    pub fn iter(&self) -> OptionsIter<'_> {
        OptionsIter {
            options: self,
            front: 0,
            back: self.len(),
        }
    }

    /// The first option, if any.
    pub fn first(&self) -> Option<QuizOption<'_>> {
        self.get(0)
    }

    /// The last option, if any.
    pub fn last(&self) -> Option<QuizOption<'_>> {
        self.get(self.len().checked_sub(1)?)
    }

    /// How many options there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// See [`super::Passage::keep_in`]: all options, or none, become places.
    pub(crate) fn keep_in(&mut self, quotes: &mut Quotes<'_>) {
        self.0.keep_in(quotes);
    }

    /// See [`super::Passage::attach`].
    pub(crate) fn attach(&mut self, text: &Arc<FoldedText>) {
        self.0.attach(text);
    }
}

impl FromIterator<OptionDraft> for Options {
    fn from_iter<I: IntoIterator<Item = OptionDraft>>(iter: I) -> Self {
        let drafts: Vec<OptionDraft> = iter.into_iter().collect();
        Options(
            Lettered::build(drafts.iter().map(|o| (o.letter, o.text.as_str()))),
            None,
        )
    }
}

impl<'s> FromIterator<QuizOption<'s>> for Options {
    fn from_iter<I: IntoIterator<Item = QuizOption<'s>>>(iter: I) -> Self {
        let items: Vec<QuizOption<'s>> = iter.into_iter().collect();
        Options(
            Lettered::build(items.iter().map(|o| (o.letter, o.text.as_ref()))),
            None,
        )
    }
}

impl<'s> FromIterator<(Letter, &'s str)> for Options {
    fn from_iter<I: IntoIterator<Item = (Letter, &'s str)>>(iter: I) -> Self {
        let items: Vec<(Letter, &str)> = iter.into_iter().collect();
        Options(Lettered::build(items.iter().copied()), None)
    }
}

impl<'a> IntoIterator for &'a Options {
    type Item = QuizOption<'a>;
    type IntoIter = OptionsIter<'a>;

    fn into_iter(self) -> OptionsIter<'a> {
        self.iter()
    }
}

/// Iterator over [`Options`], in source order.
#[derive(Debug, Clone)]
pub struct OptionsIter<'a> {
    options: &'a Options,
    front: usize,
    back: usize,
}

impl<'a> Iterator for OptionsIter<'a> {
    type Item = QuizOption<'a>;

    fn next(&mut self) -> Option<QuizOption<'a>> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        self.options.get(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for OptionsIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.options.get(self.back)
    }
}

impl ExactSizeIterator for OptionsIter<'_> {}

impl FusedIterator for OptionsIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_keep_source_order_and_each_text() {
        let o: Options = [('A', "삼십 초"), ('C', ""), ('C', "십 분")]
            .into_iter()
            .collect();
        assert_eq!(o.len(), 3);
        let all: Vec<(Letter, String)> = o.iter().map(|x| (x.letter, x.text.into())).collect();
        assert_eq!(
            all,
            [
                ('A', "삼십 초".into()),
                ('C', String::new()),
                ('C', "십 분".into())
            ]
        );
        assert_eq!(o.iter().next_back().map(|x| x.text), Some("십 분".into()));
        assert_eq!(o.find('C').map(|x| x.text), Some("".into()));
        assert_eq!(o.get(3), None);
        assert_eq!(o.last().map(|x| x.letter), Some('C'));
        assert!(Options::default().first().is_none());
    }
}
