//! The 오답노트 (wrong-answer notebook): every question whose latest answer
//! was wrong or that was missed twice or more, how often it was missed and
//! which wrong options were picked how often, grouped by tag.
//!
//! Owns the notebook's content; its markdown form and where that is written
//! (never into a vault) are the `wrong` command's business.

use serde::Serialize;

use std::borrow::Cow;

use crate::vault::{Letter, Passage, QuestionId, Vault};

use super::history::History;
use super::present::PresentedQuestion;

/// A wrong option and how often it was picked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongPick {
    /// The note's letter.
    pub letter: Letter,
    /// The option's text (empty when the question is gone from the notes).
    pub text: String,
    /// Times picked.
    pub times: u32,
}

/// One option of a notebook question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotebookOption {
    /// The note's letter.
    pub letter: Letter,
    /// The option's text.
    pub text: String,
    /// True for a right option.
    pub right: bool,
    /// The note's explanation of it.
    pub explanation: Option<String>,
}

/// One question of the notebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedQuestion {
    /// Its id.
    pub id: QuestionId,
    /// The tag it is filed under (its first), or none.
    pub tag: Option<String>,
    /// The stem (`None` when it is no longer in the notes).
    pub stem: Option<String>,
    /// Options in the note's order.
    pub options: Vec<NotebookOption>,
    /// Times answered.
    pub attempts: u32,
    /// Times answered wrong.
    pub misses: u32,
    /// Whether the latest answer was wrong.
    pub last_wrong: bool,
    /// Wrong options picked, most often first.
    pub wrong_picks: Vec<WrongPick>,
    /// The general explanation.
    pub explanation: Option<String>,
    /// The note it studies.
    pub note_title: Option<String>,
    /// Where it is written, `path:line`.
    pub location: Option<String>,
}

/// The whole notebook, grouped by tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Notebook {
    /// Questions, ordered by tag group, then most missed first.
    pub questions: Vec<MissedQuestion>,
}

impl Notebook {
    /// Builds the notebook from the vault and the history.
    pub fn build(vault: &Vault, history: &History) -> Notebook {
        let mut questions: Vec<MissedQuestion> = Vec::new();
        let mut known = std::collections::HashSet::new();
        for (i, q) in vault.questions.iter().enumerate() {
            known.insert(&q.id);
            let Some(h) = history.get(&q.id).filter(|h| h.in_notebook()) else {
                continue;
            };
            let p = PresentedQuestion::new(vault, crate::vault::QuestionIx(i), None);
            questions.push(MissedQuestion {
                id: q.id.clone(),
                tag: q.tags.first().map(ToString::to_string),
                stem: Some(q.stem.to_string()),
                options: q
                    .options
                    .iter()
                    .map(|o| NotebookOption {
                        letter: o.letter,
                        text: o.text.to_string(),
                        right: q.answer.contains(o.letter),
                        explanation: q.explanations.get(o.letter).map(Cow::into_owned),
                    })
                    .collect(),
                attempts: h.attempts,
                misses: h.misses,
                last_wrong: h.last_correct == Some(false),
                wrong_picks: picks(h, |l| q.option(l).map(|o| o.text.to_string())),
                explanation: q.explanation.as_ref().map(Passage::to_string),
                note_title: p.note_title,
                location: p.location.map(|l| l.to_string()),
            });
        }
        // Questions answered once but since removed from the notes still
        // belong in the notebook; the user may want to know.
        for (id, h) in &history.questions {
            if known.contains(id) || !h.in_notebook() {
                continue;
            }
            questions.push(MissedQuestion {
                id: id.clone(),
                tag: None,
                stem: None,
                options: Vec::new(),
                attempts: h.attempts,
                misses: h.misses,
                last_wrong: h.last_correct == Some(false),
                wrong_picks: picks(h, |_| None),
                explanation: None,
                note_title: None,
                location: None,
            });
        }
        questions.sort_by(|a, b| {
            (a.tag.is_none(), &a.tag, b.misses, &a.id).cmp(&(
                b.tag.is_none(),
                &b.tag,
                a.misses,
                &b.id,
            ))
        });
        Notebook { questions }
    }
}

fn picks(
    h: &super::history::QuestionHistory,
    text: impl Fn(Letter) -> Option<String>,
) -> Vec<WrongPick> {
    let mut v: Vec<WrongPick> = h
        .wrong_picks
        .iter()
        .map(|(&letter, &times)| WrongPick {
            letter,
            text: text(letter).unwrap_or_default(),
            times,
        })
        .collect();
    v.sort_by(|a, b| b.times.cmp(&a.times).then(a.letter.cmp(&b.letter)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::{missed_history, sample_vault};

    #[test]
    fn counts_misses_and_wrong_picks_per_question() {
        let nb = Notebook::build(&sample_vault(), &missed_history());
        let ids: Vec<_> = nb.questions.iter().map(|q| q.id.0.as_ref()).collect();
        assert_eq!(ids, ["spot-notice", "emr-primary", "gone"]);
        let emr = &nb.questions[1];
        assert_eq!((emr.misses, emr.attempts), (3, 3));
        let picks: Vec<_> = emr
            .wrong_picks
            .iter()
            .map(|p| (p.letter, p.times, p.text.as_str()))
            .collect();
        assert_eq!(picks, [('C', 2, "태스크 노드"), ('B', 1, "코어 노드")]);
    }
}
