//! What the user is told after answering (in practice) or after submitting
//! (in an exam): the picked option's explanation, the right option(s), the
//! others, the general explanation, the note's key point and where it is.
//!
//! Owns the grouping; wording and layout belong to the line mode and the TUI.

use crate::vault::Letter;

use super::present::{Location, PresentedQuestion};

/// One option in the feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionFeedback {
    /// The shown letter.
    pub letter: Letter,
    /// The letter in the note.
    pub source_letter: Letter,
    /// The option's text.
    pub text: String,
    /// The note's explanation of this option.
    pub explanation: Option<String>,
    /// True when it is one of the right options.
    pub is_right: bool,
}

/// The feedback on one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Whether the picked set was the right one (false when unanswered).
    pub correct: bool,
    /// True when the question was left unanswered.
    pub unanswered: bool,
    /// The right shown letters, sorted.
    pub answer: Vec<Letter>,
    /// The options picked, right or wrong, in shown order.
    pub picked: Vec<OptionFeedback>,
    /// The right options that were not picked.
    pub right: Vec<OptionFeedback>,
    /// Every other option.
    pub others: Vec<OptionFeedback>,
    /// The general explanation.
    pub explanation: Option<String>,
    /// Title of the note the question studies.
    pub note_title: Option<String>,
    /// That note's key point.
    pub key_point: Option<String>,
    /// Where the question is written.
    pub location: Option<Location>,
    /// Where the studied note is, when that is another file.
    pub note_location: Option<Location>,
}

impl Feedback {
    /// Feedback on a question given the shown letters picked (none when
    /// unanswered).
    pub fn new(q: &PresentedQuestion, picked: Option<&[Letter]>) -> Feedback {
        let chosen = picked.unwrap_or(&[]);
        let (mut p, mut r, mut o) = (Vec::new(), Vec::new(), Vec::new());
        for opt in &q.options {
            let is_right = q.answer.contains(&opt.letter);
            let fb = OptionFeedback {
                letter: opt.letter,
                source_letter: opt.source_letter,
                text: opt.text.clone(),
                explanation: opt.explanation.clone(),
                is_right,
            };
            if chosen.contains(&opt.letter) {
                p.push(fb);
            } else if is_right {
                r.push(fb);
            } else {
                o.push(fb);
            }
        }
        Feedback {
            correct: picked.is_some_and(|l| q.is_right(l)),
            unanswered: picked.is_none(),
            answer: q.answer.clone(),
            picked: p,
            right: r,
            others: o,
            explanation: q.explanation.clone(),
            note_title: q.note_title.clone(),
            key_point: q.key_point.clone(),
            location: q.location.clone(),
            note_location: q.note_location.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::sample_vault;
    use crate::vault::QuestionIx;

    #[test]
    fn wrong_pick_is_explained_then_the_right_one_then_the_rest() {
        let vault = sample_vault();
        let q = PresentedQuestion::new(&vault, QuestionIx(0), None);
        let fb = Feedback::new(&q, Some(&['C']));
        assert!(!fb.correct);
        assert_eq!(fb.picked.len(), 1);
        assert_eq!(fb.picked[0].letter, 'C');
        assert_eq!(
            fb.picked[0].explanation.as_deref(),
            Some("10분은 너무 길다.")
        );
        assert_eq!(fb.right.iter().map(|o| o.letter).collect::<Vec<_>>(), ['B']);
        assert_eq!(
            fb.others.iter().map(|o| o.letter).collect::<Vec<_>>(),
            ['A', 'D']
        );
        assert_eq!(fb.explanation.as_deref(), Some("알림은 2분 전에 온다."));
        assert_eq!(fb.location.unwrap().to_string(), "vault/spot.md:20");
    }

    #[test]
    fn unanswered_feedback_shows_the_right_options() {
        let vault = sample_vault();
        let q = PresentedQuestion::new(&vault, QuestionIx(1), None);
        let fb = Feedback::new(&q, None);
        assert!(fb.unanswered && !fb.correct);
        assert!(fb.picked.is_empty());
        assert_eq!(
            fb.right.iter().map(|o| o.letter).collect::<Vec<_>>(),
            ['A', 'C']
        );
    }
}
