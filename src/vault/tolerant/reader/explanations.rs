//! What follows a question's key and explains it: a labelled paragraph
//! (`해설: …`, `풀이`), and a list naming the options (`A) 틀린 이유 …`,
//! `1. …`), which is the question's, never a second question.

use crate::vault::tolerant::keys::explanation_rest;
use crate::vault::tolerant::labels::Scheme;
use crate::vault::tolerant::lines::Kind;

use super::find_stem::same_family;
use super::{Reader, push_text};

/// The explanations found after a question's key.
pub(super) struct After {
    /// Each option's explanation, by position.
    pub per_option: Vec<(usize, String)>,
    /// The general explanation.
    pub general: Option<String>,
    /// Index of the last line they take (the key's, when none).
    pub last: usize,
}

/// Lines after the key looked at, at most.
const REACH: usize = 30;

impl Reader<'_, '_> {
    /// The explanations right after run `r`'s key, which ends on line
    /// `key_last`. They stop at a blank line after a paragraph, at anything
    /// that starts a question or gives a key, or at a list that is not
    /// about these options.
    pub(super) fn explanations_after(&self, r: usize, key_last: usize) -> After {
        let run = &self.runs[r];
        let mut after = After {
            per_option: Vec::new(),
            general: None,
            last: key_last,
        };
        let mut general = String::new();
        let mut in_paragraph = false;
        let mut j = key_last + 1;
        while j < self.lines.len() && j <= key_last + REACH {
            let (l, inf) = (&self.lines[j], &self.info[j]);
            if l.is_blank() {
                in_paragraph = false;
                j += 1;
                continue;
            }
            let stops = l.kind == Kind::Break
                || matches!(l.kind, Kind::Heading(_))
                || inf.stem.is_some()
                || inf.answer.is_some()
                || inf.owner.is_some();
            if stops {
                break;
            }
            if let Some(other) = inf.run {
                let list = &self.runs[other];
                let names_options = after.per_option.is_empty()
                    && list.scheme != Scheme::Bullet
                    && same_family(list.scheme, run.scheme)
                    && list.options.iter().all(|o| o.index < run.options.len());
                if !names_options {
                    break;
                }
                after
                    .per_option
                    .extend(list.options.iter().map(|o| (o.index, o.text.clone())));
                after.last = list.end;
                j = list.end + 1;
                in_paragraph = false;
                continue;
            }
            if let Some(rest) = explanation_rest(&l.plain) {
                push_text(&mut general, rest);
                in_paragraph = true;
            } else if in_paragraph {
                push_text(&mut general, &l.plain);
            } else {
                break;
            }
            after.last = j;
            j += 1;
        }
        after.general = (!general.is_empty()).then_some(general);
        after
    }
}
