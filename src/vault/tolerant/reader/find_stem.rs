//! Finding the stem above a run of options: up to the nearest line that
//! starts a stem, or else the paragraph right above the options.

use crate::vault::text::is_alphanumeric;
use crate::vault::tolerant::form::StemForm;
use crate::vault::tolerant::inline;
use crate::vault::tolerant::keys::explanation_label;
use crate::vault::tolerant::labels::Scheme;
use crate::vault::tolerant::lines::{Item, Kind};
use crate::vault::tolerant::stems::question_like;

use super::{Reader, Stem, push_text};

impl Reader<'_, '_> {
    /// The stem above run `r`: up to the nearest stem start, or else the
    /// paragraph right above the options.
    pub(super) fn stem_for(&self, r: usize) -> Option<Stem> {
        let run = &self.runs[r];
        let mut collected = Vec::new();
        let mut found = None;
        let mut i = run.start;
        while i > 0 && collected.len() < 60 {
            i -= 1;
            let (l, inf) = (&self.lines[i], &self.info[i]);
            if l.is_blank() {
                continue;
            }
            if inf.owner.is_some() || inf.answer.is_some() || l.kind == Kind::Break {
                break;
            }
            if let Some(other) = inf.run {
                if same_family(self.runs[other].scheme, run.scheme) {
                    break;
                }
                collected.push(i);
                continue;
            }
            if inf.stem.is_some() {
                found = Some(i);
                break;
            }
            if matches!(l.kind, Kind::Heading(_)) || inf.pick {
                break;
            }
            collected.push(i);
        }
        collected.reverse();
        let mut stem = match found {
            Some(i) => self.stem_from(i, &collected),
            None => self.paragraph(&self.block_above(run.start, &collected)),
        }?;
        strip_block_id(&mut stem.text);
        let words = stem.text.chars().filter(|&c| is_alphanumeric(c)).count();
        // Bullets are everywhere in notes: over them, a stem must ask.
        let asks = stem.labelled || run.scheme != Scheme::Bullet || question_like(&stem.text);
        (words >= 2 && asks && !explanation_label(&stem.text)).then_some(stem)
    }

    /// The stem starting at line `i`, with the lines between it and the
    /// options.
    fn stem_from(&self, i: usize, collected: &[usize]) -> Option<Stem> {
        let start = self.info[i].stem.as_ref()?;
        let topic = start.form == StemForm::Heading
            && !start.text.is_empty()
            && !question_like(&start.text)
            && !collected.is_empty();
        if topic {
            // A heading naming a topic over a paragraph that asks.
            return self.paragraph(collected);
        }
        let mut text = start.text.clone();
        for &j in collected {
            push_text(&mut text, &self.line_text(j));
        }
        Some(Stem {
            form: start.form,
            text,
            first: i,
            last: collected.last().copied().unwrap_or(i),
            labelled: start.labelled,
        })
    }

    /// The block right above line `start`, up to a blank line, among the
    /// lines a stem may hold.
    fn block_above(&self, start: usize, collected: &[usize]) -> Vec<usize> {
        let mut block = Vec::new();
        let mut j = start;
        let mut seen_text = false;
        while j > 0 {
            j -= 1;
            if self.lines[j].is_blank() {
                if seen_text || start - j > 2 {
                    break;
                }
                continue;
            }
            if !collected.contains(&j) {
                break;
            }
            seen_text = true;
            block.push(j);
        }
        block.reverse();
        block
    }

    pub(super) fn paragraph(&self, block: &[usize]) -> Option<Stem> {
        let (&first, &last) = (block.first()?, block.last()?);
        let mut text = String::new();
        for &j in block {
            push_text(&mut text, &self.line_text(j));
        }
        Some(Stem {
            form: StemForm::Paragraph,
            text,
            first,
            last,
            labelled: false,
        })
    }

    /// A line's text for a stem: list markers kept (`1.`, `(1)`),
    /// markup removed.
    pub(super) fn line_text(&self, i: usize) -> String {
        let l = &self.lines[i];
        let text = inline::plain(l.content);
        match l.kind {
            Kind::Item(Item::Ordered { .. }) => format!("{} {text}", l.marker),
            _ => text,
        }
    }
}

pub(super) fn same_family(a: Scheme, b: Scheme) -> bool {
    let family = |s| match s {
        Scheme::Upper | Scheme::Lower | Scheme::Bare => 0,
        Scheme::Number => 1,
        Scheme::ParenNumber => 2,
        Scheme::Circled => 3,
        Scheme::Hangul | Scheme::Jamo => 4,
        Scheme::Bullet => 5,
    };
    family(a) == family(b)
}

/// Drops an Obsidian block id at the end of a stem (`… 가장 싼 것은? ^spot-1`):
/// it names the question, it is not its text.
fn strip_block_id(text: &mut String) {
    let Some(at) = text.rfind(" ^") else {
        return;
    };
    let id = &text[at + 2..];
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        text.truncate(at);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_block_id_ending_the_stem_is_no_part_of_it() {
        let mut text = "가장 싼 옵션은? ^spot-cheap".to_owned();
        super::strip_block_id(&mut text);
        assert_eq!(text, "가장 싼 옵션은?");
        let mut text = "2^10 은 얼마인가?".to_owned();
        super::strip_block_id(&mut text);
        assert_eq!(text, "2^10 은 얼마인가?");
    }
}
