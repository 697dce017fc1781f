//! What past sessions say about each question: attempts, misses, the latest
//! outcome, the wrong options picked, and the schedule's due date.
//!
//! Owns the summary shape and the questions derived from it (is it in the
//! 오답노트? how weak is each tag?). The store fills it from the database;
//! selection, planning and the notebook read it.

use std::collections::{BTreeMap, HashMap};

use crate::vault::{Letter, QuestionId, QuestionIx, Tag, Vault};

use super::attempt::Attempt;
use super::day::StudyDay;
use super::time::Timestamp;

/// One question's past.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionHistory {
    /// Answers given.
    pub attempts: u32,
    /// Wrong answers given.
    pub misses: u32,
    /// Whether the latest answer was right.
    pub last_correct: Option<bool>,
    /// When the latest answer was given.
    pub last_at: Option<Timestamp>,
    /// How often each wrong option (note's letter) was picked.
    pub wrong_picks: BTreeMap<Letter, u32>,
    /// When the schedule wants it again.
    pub due: Option<Timestamp>,
}

impl QuestionHistory {
    /// In the 오답노트: the latest answer was wrong, or it was missed twice
    /// or more.
    pub fn in_notebook(&self) -> bool {
        self.last_correct == Some(false) || self.misses >= 2
    }

    /// Due for review today (only questions seen before are due): the one
    /// definition every count and selection uses (see [`StudyDay`]).
    pub fn is_due_today(&self, day: StudyDay, now: Timestamp) -> bool {
        self.due.is_some_and(|d| day.is_due_today(d, now))
    }

    /// Folds in the past recorded under another id (history attached
    /// through a link): counts add up, the later last answer wins.
    pub fn merge(&mut self, other: QuestionHistory) {
        self.attempts += other.attempts;
        self.misses += other.misses;
        if other.last_at > self.last_at {
            self.last_at = other.last_at;
            self.last_correct = other.last_correct;
        }
        for (l, n) in other.wrong_picks {
            *self.wrong_picks.entry(l).or_default() += n;
        }
        if other.due > self.due {
            self.due = other.due;
        }
    }

    /// Folds in one more answer, given in time order.
    pub fn add(&mut self, attempt: &Attempt) {
        self.attempts += 1;
        self.last_correct = Some(attempt.correct);
        self.last_at = Some(attempt.at);
        if !attempt.correct {
            self.misses += 1;
            for &l in &attempt.chosen {
                if !attempt.correct_letters.contains(&l) {
                    *self.wrong_picks.entry(l).or_default() += 1;
                }
            }
        }
    }
}

/// How many of a vault's quizzable questions are due, and how many were
/// never answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DueCounts {
    /// Due before the end of this learning day (what `quiz --due` serves).
    pub today: usize,
    /// Due before the end of the seventh learning day, today included.
    pub week: usize,
    /// Never answered.
    pub never_answered: usize,
}

/// A question's past before an answer, to take the answer back.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoPoint {
    /// The question answered.
    pub question: QuestionId,
    /// Its past before the answer (`None`: never answered before).
    pub before: Option<QuestionHistory>,
}

/// Every question's past, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Per question id; questions never answered are absent.
    pub questions: HashMap<QuestionId, QuestionHistory>,
}

impl History {
    /// A history built from attempts in time order.
    pub fn from_attempts<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> History {
        let mut h = History::default();
        for a in attempts {
            h.questions.entry(a.question.clone()).or_default().add(a);
        }
        h
    }

    /// Folds in an answer just recorded and the due date the schedule
    /// gave it (none for an exam answer, scheduled at submission).
    pub fn record(&mut self, attempt: &Attempt, due: Option<Timestamp>) {
        let h = self.questions.entry(attempt.question.clone()).or_default();
        h.add(attempt);
        if due.is_some() {
            h.due = due;
        }
    }

    /// Folds in a practice answer as it is given, before the store has it:
    /// the in-memory history stays current without re-reading the store.
    /// Returns what [`History::undo`] needs to take it back.
    pub fn answer(&mut self, attempt: &Attempt) -> UndoPoint {
        let before = self.questions.get(&attempt.question).cloned();
        self.record(attempt, None);
        UndoPoint {
            question: attempt.question.clone(),
            before,
        }
    }

    /// Takes an answer back: the question's past is as it was before it.
    pub fn undo(&mut self, point: UndoPoint) {
        match point.before {
            Some(h) => {
                self.questions.insert(point.question, h);
            }
            None => {
                self.questions.remove(&point.question);
            }
        }
    }

    /// Sets a question's due date.
    pub fn set_due(&mut self, id: &QuestionId, due: Timestamp) {
        self.questions.entry(id.clone()).or_default().due = Some(due);
    }

    /// Sets the due dates of the cards the store just wrote.
    pub fn set_dues(&mut self, cards: &[(QuestionId, super::schedule::CardState)]) {
        for (id, card) in cards {
            self.set_due(id, card.due);
        }
    }

    /// Due and never-answered counts over the vault's quizzable questions,
    /// with the same test `select` uses for `--due`.
    pub fn due_counts(&self, vault: &Vault, day: StudyDay, now: Timestamp) -> DueCounts {
        let week_end = day.start(day.day(now).plus(7));
        let mut c = DueCounts::default();
        for ix in vault.quizzable() {
            match self.get(&vault.question(ix).id) {
                None => c.never_answered += 1,
                Some(h) => {
                    c.today += usize::from(h.is_due_today(day, now));
                    c.week += usize::from(h.due.is_some_and(|d| d < week_end));
                }
            }
        }
        c
    }

    /// The past of a question, if it has one.
    pub fn get(&self, id: &QuestionId) -> Option<&QuestionHistory> {
        self.questions.get(id)
    }

    /// Accuracy per tag (and per ancestor tag) over the vault's questions,
    /// smoothed as `(correct + 1) / (attempts + 2)` so an unseen tag sits
    /// at 0.5, between known-weak and known-strong.
    pub fn tag_strength(&self, vault: &Vault) -> HashMap<String, f64> {
        let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
        for q in &vault.questions {
            let Some(h) = self.get(&q.id) else { continue };
            let mut seen: Vec<&str> = q.tags.iter().flat_map(Tag::prefixes).collect();
            seen.sort_unstable();
            seen.dedup();
            for t in seen {
                let c = counts.entry(t.to_owned()).or_default();
                c.0 += h.attempts - h.misses;
                c.1 += h.attempts;
            }
        }
        counts
            .into_iter()
            .map(|(t, (right, all))| (t, f64::from(right + 1) / f64::from(all + 2)))
            .collect()
    }

    /// How strong the user is on a question's weakest tag or ancestor tag
    /// (0.5 when none was practised); lower is weaker.
    pub fn weakness_key(strength: &HashMap<String, f64>, vault: &Vault, ix: QuestionIx) -> f64 {
        vault
            .question(ix)
            .tags
            .iter()
            .flat_map(Tag::prefixes)
            .map(|t| strength.get(t).copied().unwrap_or(0.5))
            .fold(None, |acc: Option<f64>, s| {
                Some(acc.map_or(s, |a| a.min(s)))
            })
            .unwrap_or(0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::{attempt, sample_vault};

    #[test]
    fn latest_wrong_or_two_misses_puts_a_question_in_the_notebook() {
        let h = History::from_attempts(&[
            attempt("a", &['C'], &['B'], 1),
            attempt("b", &['C'], &['B'], 1),
            attempt("b", &['B'], &['B'], 2),
            attempt("c", &['C'], &['B'], 1),
            attempt("c", &['D'], &['B'], 2),
            attempt("c", &['B'], &['B'], 3),
            attempt("d", &['B'], &['B'], 1),
        ]);
        let inb = |id: &str| h.get(&QuestionId(id.into())).unwrap().in_notebook();
        assert!(inb("a"), "latest wrong");
        assert!(!inb("b"), "one miss, then right");
        assert!(inb("c"), "missed twice");
        assert!(!inb("d"));
        let c = h.get(&QuestionId("c".into())).unwrap();
        assert_eq!(c.wrong_picks, BTreeMap::from([('C', 1), ('D', 1)]));
    }

    #[test]
    fn multi_answer_misses_count_only_the_wrong_letters() {
        let h = History::from_attempts(&[attempt("m", &['A', 'B'], &['A', 'C'], 1)]);
        let m = h.get(&QuestionId("m".into())).unwrap();
        assert_eq!(m.wrong_picks, BTreeMap::from([('B', 1)]));
    }

    #[test]
    fn a_missed_tag_is_weaker_than_an_unseen_one() {
        let vault = sample_vault();
        let h = History::from_attempts(&[
            attempt("emr-primary", &['B'], &['A'], 1),
            attempt("spot-notice", &['B'], &['B'], 1),
        ]);
        let s = h.tag_strength(&vault);
        assert!(s["service/emr"] < 0.5);
        assert!(s["service"] < 0.5, "ancestors count too");
        assert!(s["instance/spot"] > 0.5);
        let sizing = History::weakness_key(&s, &vault, QuestionIx(3));
        assert!(
            sizing < 0.5,
            "service/emr/sizing inherits service/emr's weakness"
        );
        let spot = History::weakness_key(&s, &vault, QuestionIx(1));
        assert!(
            spot > 0.5,
            "every tag of the spot questions was answered right"
        );
    }
}
