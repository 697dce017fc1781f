//! Reviewing an exam question by question: every question in exam order
//! with the learner's answer, the right one, the explanations and the time
//! spent, filtered to all, wrong, flagged or unanswered questions.
//!
//! A review is built from a finished session (right after the exam) or
//! from what the store kept of a past exam, against the vault as it is
//! now: a question still in the vault is shown as it reads today, one
//! since removed by its last-known snapshot. Owns the data, not the
//! wording or layout (the line mode's and the TUI's).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::vault::{Letter, QuestionId, QuestionIx, Tag, Vault};

use super::feedback::Feedback;
use super::present::{PresentedOption, PresentedQuestion};
use super::session::QuizSession;

/// What a question looked like when it was asked, in the note's letters
/// and order: enough to show it again after the note changed or went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionSnapshot {
    /// The stem.
    pub stem: String,
    /// The options, in the note's order.
    pub options: Vec<SnapshotOption>,
    /// The right letters, sorted.
    pub answer: Vec<Letter>,
    /// The general explanation.
    #[serde(default)]
    pub explanation: Option<String>,
    /// The question's tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Title of the note it studies.
    #[serde(default)]
    pub note_title: Option<String>,
}

/// One option of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotOption {
    /// The letter in the note.
    pub letter: Letter,
    /// The option's text.
    pub text: String,
    /// The note's explanation of it.
    #[serde(default)]
    pub explanation: Option<String>,
}

impl QuestionSnapshot {
    /// The snapshot of a question as presented (back in the note's letters).
    pub fn of(q: &PresentedQuestion) -> QuestionSnapshot {
        let mut options: Vec<SnapshotOption> = q
            .options
            .iter()
            .map(|o| SnapshotOption {
                letter: o.source_letter,
                text: o.text.clone(),
                explanation: o.explanation.clone(),
            })
            .collect();
        options.sort_by_key(|o| o.letter);
        QuestionSnapshot {
            stem: q.stem.clone(),
            options,
            answer: q.source_answer(),
            explanation: q.explanation.clone(),
            tags: q.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            note_title: q.note_title.clone(),
        }
    }

    /// The snapshot as a question to show (unshuffled, no vault index).
    fn presented(&self, id: &QuestionId) -> PresentedQuestion {
        PresentedQuestion {
            ix: QuestionIx(usize::MAX),
            id: id.clone(),
            stem: self.stem.clone(),
            options: self
                .options
                .iter()
                .map(|o| PresentedOption {
                    letter: o.letter,
                    source_letter: o.letter,
                    text: o.text.clone(),
                    label: None,
                    explanation: o.explanation.clone(),
                })
                .collect(),
            answer: self.answer.clone(),
            explanation: self.explanation.clone(),
            tags: self.tags.iter().filter_map(|t| Tag::parse(t)).collect(),
            note_title: self.note_title.clone(),
            key_point: None,
            location: None,
            note_location: None,
        }
    }
}

/// One question of a past exam as the store kept it.
#[derive(Debug, Clone, PartialEq)]
pub struct AskedQuestion {
    /// Its id.
    pub id: QuestionId,
    /// What it looked like when asked.
    pub snapshot: QuestionSnapshot,
    /// The letters picked, in the note's letters (`None`: unanswered).
    pub chosen: Option<Vec<Letter>>,
    /// Flagged during the exam.
    pub flagged: bool,
    /// Seconds spent on it.
    pub seconds: f64,
}

/// One question in a review.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    /// 1-based position in the exam.
    pub number: usize,
    /// The question as it is shown in the review.
    pub question: PresentedQuestion,
    /// False when the question is no longer in the vault (shown by its
    /// last-known snapshot; it has no note to open).
    pub in_vault: bool,
    /// The letters picked, as shown (`None`: unanswered).
    pub picked: Option<Vec<Letter>>,
    /// Flagged during the exam.
    pub flagged: bool,
    /// Seconds spent on it.
    pub seconds: f64,
}

impl ReviewItem {
    /// Answered and right.
    pub fn is_right(&self) -> bool {
        self.picked
            .as_ref()
            .is_some_and(|p| self.question.is_right(p))
    }

    /// The feedback to show: the verdict, every option's explanation and
    /// the general one.
    pub fn feedback(&self) -> Feedback {
        Feedback::new(&self.question, self.picked.as_deref())
    }

    /// The vault question to open the note of, when it is still there.
    pub fn vault_question(&self) -> Option<QuestionIx> {
        self.in_vault.then_some(self.question.ix)
    }
}

/// Which questions a review shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    /// Every question.
    #[default]
    All,
    /// Answered wrong or not answered (both score as wrong).
    Wrong,
    /// Flagged during the exam.
    Flagged,
    /// Not answered.
    Unanswered,
}

impl ReviewFilter {
    /// Every filter, in the order `next` cycles through.
    pub const ALL: [ReviewFilter; 4] = [
        ReviewFilter::All,
        ReviewFilter::Wrong,
        ReviewFilter::Flagged,
        ReviewFilter::Unanswered,
    ];

    /// True when the filter shows the item.
    pub fn keeps(self, item: &ReviewItem) -> bool {
        match self {
            ReviewFilter::All => true,
            ReviewFilter::Wrong => !item.is_right(),
            ReviewFilter::Flagged => item.flagged,
            ReviewFilter::Unanswered => item.picked.is_none(),
        }
    }

    /// The next filter, wrapping around.
    #[must_use]
    pub fn next(self) -> ReviewFilter {
        let i = Self::ALL.iter().position(|&f| f == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The filter's name on screen.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReviewFilter::All => lang.pick("전체", "all"),
            ReviewFilter::Wrong => lang.pick("틀린 문제", "wrong"),
            ReviewFilter::Flagged => lang.pick("표시한 문제", "flagged"),
            ReviewFilter::Unanswered => lang.pick("안 푼 문제", "unanswered"),
        }
    }

    /// Parses a filter name as typed on the command line.
    pub fn parse(text: &str) -> Option<ReviewFilter> {
        match text.trim().to_lowercase().as_str() {
            "all" | "전체" => Some(ReviewFilter::All),
            "wrong" | "틀린" => Some(ReviewFilter::Wrong),
            "flagged" | "표시" => Some(ReviewFilter::Flagged),
            "unanswered" | "안푼" => Some(ReviewFilter::Unanswered),
            _ => None,
        }
    }
}

/// Every question of one exam, ready to review.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExamReview {
    /// The questions in exam order.
    pub items: Vec<ReviewItem>,
}

impl ExamReview {
    /// The review of a session just finished, as it was shown.
    pub fn from_session(session: &QuizSession) -> ExamReview {
        let items = session
            .items()
            .iter()
            .enumerate()
            .map(|(i, item)| ReviewItem {
                number: i + 1,
                question: item.question.clone(),
                in_vault: true,
                picked: item.response.as_ref().map(|r| r.picked.clone()),
                flagged: item.flagged,
                seconds: item.seconds,
            })
            .collect();
        ExamReview { items }
    }

    /// The review of a past exam against the vault as it is now: a
    /// question still there reads as it does today (in the note's letters),
    /// one since removed by its snapshot.
    pub fn from_asked(asked: &[AskedQuestion], vault: &Vault) -> ExamReview {
        let by_id: HashMap<&str, QuestionIx> = vault
            .quizzable()
            .map(|ix| (vault.question(ix).id.0.as_ref(), ix))
            .collect();
        let items = asked
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let now = by_id.get(a.id.0.as_ref()).copied();
                let question = match now {
                    Some(ix) => PresentedQuestion::new(vault, ix, None),
                    None => a.snapshot.presented(&a.id),
                };
                ReviewItem {
                    number: i + 1,
                    question,
                    in_vault: now.is_some(),
                    picked: a.chosen.clone(),
                    flagged: a.flagged,
                    seconds: a.seconds,
                }
            })
            .collect();
        ExamReview { items }
    }

    /// The items a filter shows, in exam order.
    pub fn filtered(&self, filter: ReviewFilter) -> Vec<&ReviewItem> {
        self.items.iter().filter(|i| filter.keeps(i)).collect()
    }

    /// How many items a filter shows.
    pub fn count(&self, filter: ReviewFilter) -> usize {
        self.items.iter().filter(|i| filter.keeps(i)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::sample_vault;
    use crate::quiz::{ExamConfig, Mode, SessionConfig, SessionId, Shuffle, Timestamp};

    fn exam() -> QuizSession {
        let vault = sample_vault();
        let all: Vec<QuestionIx> = vault.quizzable().collect();
        let config = SessionConfig {
            mode: Mode::Exam(ExamConfig::new(all.len(), Some(10), 720)),
            shuffle: Shuffle::Seeded(7),
            id: SessionId("e".into()),
        };
        QuizSession::new(&vault, &all, config, Timestamp(0))
    }

    #[test]
    fn filters_pick_wrong_flagged_and_unanswered_questions() {
        let mut s = exam();
        let right = s.items()[0].question.answer.clone();
        s.answer(&right, Timestamp(1000)).unwrap();
        s.flag();
        s.next(Timestamp(2000));
        let q = &s.items()[1].question;
        let wrong: Vec<Letter> = q
            .options
            .iter()
            .map(|o| o.letter)
            .filter(|l| !q.answer.contains(l))
            .take(q.pick_count())
            .collect();
        s.answer(&wrong, Timestamp(3000)).unwrap();
        s.submit(Timestamp(4000));
        let review = ExamReview::from_session(&s);
        let numbers = |f| -> Vec<usize> { review.filtered(f).iter().map(|i| i.number).collect() };
        let n = s.len();
        assert_eq!(numbers(ReviewFilter::All), (1..=n).collect::<Vec<_>>());
        assert_eq!(numbers(ReviewFilter::Flagged), [1]);
        assert_eq!(numbers(ReviewFilter::Wrong), (2..=n).collect::<Vec<_>>());
        assert_eq!(
            numbers(ReviewFilter::Unanswered),
            (3..=n).collect::<Vec<_>>()
        );
        assert!(review.items[0].is_right());
        assert!(review.items[0].seconds > 0.0);
    }

    #[test]
    fn a_past_exam_reads_from_the_vault_now_and_a_removed_question_from_its_snapshot() {
        let vault = sample_vault();
        let s = exam();
        let mut asked: Vec<AskedQuestion> = s
            .items()
            .iter()
            .map(|i| AskedQuestion {
                id: i.question.id.clone(),
                snapshot: QuestionSnapshot::of(&i.question),
                chosen: Some(i.question.source_answer()),
                flagged: false,
                seconds: 1.0,
            })
            .collect();
        asked[0].id = QuestionId("gone".into());
        asked[0].snapshot.stem = "사라진 문제의 마지막 지문".into();
        let review = ExamReview::from_asked(&asked, &vault);
        assert!(!review.items[0].in_vault);
        assert_eq!(review.items[0].question.stem, "사라진 문제의 마지막 지문");
        assert_eq!(review.items[0].vault_question(), None);
        assert!(
            review.items[0].is_right(),
            "graded on the snapshot's answer"
        );
        let current = &review.items[1];
        assert!(current.in_vault);
        assert_eq!(
            current.question.stem,
            vault.question(current.question.ix).stem.text()
        );
        assert!(
            current.is_right(),
            "source letters picked, unshuffled shown"
        );
    }

    #[test]
    fn a_snapshot_keeps_the_notes_letters_whatever_the_shuffle() {
        let s = exam();
        for item in s.items() {
            let snap = QuestionSnapshot::of(&item.question);
            let letters: Vec<Letter> = snap.options.iter().map(|o| o.letter).collect();
            let mut sorted = letters.clone();
            sorted.sort_unstable();
            assert_eq!(letters, sorted);
            assert_eq!(snap.answer, item.question.source_answer());
            let json = serde_json::to_string(&snap).unwrap();
            let back: QuestionSnapshot = serde_json::from_str(&json).unwrap();
            assert_eq!(back, snap);
        }
    }
}
