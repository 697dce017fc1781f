//! One quiz path for both front ends: a [`QuizRequest`] (what the learner
//! asked for, from `munje quiz` flags or the app's start dialog) becomes a
//! [`QuizPlan`] (the session, its scheduler and what to say before the
//! first question) through [`QuizPlan::new`], the only place that turns a
//! request into a session. The line mode and the TUI both call it, so a
//! flag such as `--exam-date` behaves the same in both.
//!
//! Pure: the vault, the history, the clock and the learning day come in.

use crate::i18n::Lang;
use crate::vault::Vault;

use super::attempt::SessionId;
use super::blueprint::{Blueprint, BlueprintError, Shortage};
use super::day::StudyDay;
use super::exam::ExamConfig;
use super::history::History;
use super::rng::Shuffle;
use super::schedule::{ScheduleError, Scheduler};
use super::select::{SelectError, Selection, select};
use super::session::{BlueprintDomains, QuizSession};
use super::state::{Mode, SessionConfig};
use super::time::{Day, Timestamp};

/// A blueprint exam with no `questions:` and no `--count` asks this many.
pub const BLUEPRINT_DEFAULT_QUESTIONS: usize = 65;

/// An exam's time limit and pass mark, as asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamRequest {
    /// Minutes; `None` gives two minutes a question.
    pub minutes: Option<u32>,
    /// The pass mark on the 100–1000 scale.
    pub pass: u32,
}

/// What the learner asked for.
#[derive(Debug, Clone, Default)]
pub struct QuizRequest {
    /// Which questions, in which order.
    pub selection: Selection,
    /// An exam instead of practice.
    pub exam: Option<ExamRequest>,
    /// What the quiz is called on screen (오답노트, a tag, a note).
    pub title: Option<String>,
    /// An exam shaped like this blueprint: questions drawn per domain.
    pub blueprint: Option<Blueprint>,
}

/// Why a request could not become a quiz.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The selection named something that is not there.
    #[error(transparent)]
    Select(#[from] SelectError),
    /// The scheduler could not be built.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// The blueprint does not fit the vault.
    #[error(transparent)]
    Blueprint(#[from] BlueprintError),
}

impl PlanError {
    /// The message in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlanError::Select(SelectError::NoteNotFound(n)), Lang::Ko) => {
                format!("\"{n}\"(이)라는 제목·파일 이름·별칭의 노트가 없습니다")
            }
            (PlanError::Schedule(e), Lang::Ko) => format!("복습 일정을 계산할 수 없습니다: {e}"),
            (PlanError::Blueprint(e), lang) => e.message(lang),
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// A quiz ready to run.
#[derive(Debug)]
pub struct QuizPlan {
    /// The session, at its first question (empty when nothing matched).
    pub session: QuizSession,
    /// FSRS, capped by the exam date when one was given.
    pub scheduler: Scheduler,
    /// The shuffle seed (`None` when unshuffled).
    pub seed: Option<u64>,
    /// With an exam date: the day and the learning days left before it.
    pub exam_date: Option<(Day, i64)>,
    /// What the quiz is called on screen.
    pub title: Option<String>,
    /// Blueprint domains that had fewer questions than their share.
    pub shortages: Vec<Shortage>,
}

impl QuizPlan {
    /// Selects the questions and starts the session. `scheduler` is the
    /// user's (default or fitted parameters); the exam date caps it here.
    pub fn new(
        request: &QuizRequest,
        vault: &Vault,
        history: &History,
        scheduler: Scheduler,
        now: Timestamp,
        day: StudyDay,
    ) -> Result<QuizPlan, PlanError> {
        let sel = &request.selection;
        let (chosen, drawn) = match &request.blueprint {
            Some(bp) => {
                bp.check(vault)?;
                let pool_sel = Selection {
                    count: None,
                    ..sel.clone()
                };
                let pool = select(vault, &pool_sel, history, now, day)?;
                let total = sel
                    .count
                    .or(bp.questions)
                    .unwrap_or(BLUEPRINT_DEFAULT_QUESTIONS);
                let drawn = bp.draw(vault, &pool, total);
                (drawn.questions.clone(), Some(drawn))
            }
            None => (select(vault, sel, history, now, day)?, None),
        };
        let bp = request.blueprint.as_ref();
        let mode = match request.exam {
            Some(e) => Mode::Exam(ExamConfig::new(
                chosen.len(),
                e.minutes.or(bp.and_then(|b| b.minutes_for(chosen.len()))),
                bp.and_then(|b| b.pass).unwrap_or(e.pass),
            )),
            None => Mode::Practice,
        };
        let seed = match sel.shuffle {
            Shuffle::Seeded(s) => Some(s),
            Shuffle::Off => None,
        };
        let scheduler = match sel.exam_date {
            Some(d) => scheduler.with_exam_date(d, day),
            None => scheduler,
        };
        let id = SessionId::new(now, std::process::id(), seed.unwrap_or(0));
        let config = SessionConfig {
            mode,
            shuffle: sel.shuffle,
            id,
        };
        let mut session = QuizSession::new(vault, &chosen, config, now);
        session.set_title(request.title.clone());
        let mut shortages = Vec::new();
        if let (Some(bp), Some(drawn)) = (bp, drawn) {
            session.set_blueprint(BlueprintDomains {
                name: bp.name.clone(),
                domains: drawn.domains,
            });
            shortages = drawn.shortages;
        }
        Ok(QuizPlan {
            session,
            scheduler,
            seed,
            exam_date: sel.exam_date.map(|d| (d, (d.0 - day.day(now).0).max(0))),
            title: request.title.clone(),
            shortages,
        })
    }

    /// For an exam, the readiness forecast of its questions (at the start
    /// of the next learning day, or of the exam date): said before the
    /// first question.
    #[allow(clippy::implicit_hasher)] // the store's map
    pub fn readiness_line(
        &self,
        vault: &Vault,
        history: &History,
        cards: &std::collections::HashMap<crate::vault::QuestionId, super::schedule::CardState>,
        now: Timestamp,
        day: StudyDay,
        lang: Lang,
    ) -> Option<String> {
        let config = self.session.exam_config()?;
        let questions: Vec<_> = self.session.items().iter().map(|i| i.question.ix).collect();
        let at = super::readiness::forecast_moment(now, day, self.exam_date.map(|(d, _)| d));
        let r = super::readiness::readiness(
            vault,
            history,
            cards,
            super::readiness::ForecastInput {
                questions: &questions,
                exam_questions: questions.len(),
                pass_mark: config.pass_mark,
                at,
            },
        );
        Some(r.line(lang))
    }

    /// What to say before the first question: the exam date's plan and
    /// any blueprint domain short of questions.
    pub fn notices(&self, lang: Lang) -> Vec<String> {
        self.exam_date_line(lang)
            .into_iter()
            .chain(self.shortages.iter().map(|s| s.message(lang)))
            .collect()
    }

    /// The line shown before the first question of an exam-date plan.
    pub fn exam_date_line(&self, lang: Lang) -> Option<String> {
        let (day, left) = self.exam_date?;
        let n = self.session.len();
        Some(match lang {
            Lang::Ko => format!(
                "{day} 시험까지 {left}일: 오늘은 복습할 문제와 아직 안 푼 문제의 하루 몫, 약한 태그부터 {n}문제."
            ),
            Lang::En => format!(
                "Exam on {day}, {left} days left: today's {n} questions are the reviews due and a day's share of unseen ones, weakest tags first."
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::sample_vault;

    #[test]
    fn an_exam_date_caps_the_plans_scheduler_and_counts_the_days_left() {
        let vault = sample_vault();
        let now = Day::parse("2026-12-06")
            .unwrap()
            .start(crate::quiz::UtcOffset::UTC)
            .plus_seconds(10.0 * 3600.0);
        let exam = Day::parse("2026-12-09").unwrap();
        let request = QuizRequest {
            selection: Selection {
                exam_date: Some(exam),
                ..Selection::default()
            },
            ..QuizRequest::default()
        };
        let day = StudyDay::UTC_MIDNIGHT;
        let p = QuizPlan::new(
            &request,
            &vault,
            &History::default(),
            Scheduler::new().unwrap(),
            now,
            day,
        )
        .unwrap();
        assert_eq!(p.exam_date, Some((exam, 3)));
        let card = p
            .scheduler
            .review(None, crate::quiz::Rating::Easy, now)
            .unwrap();
        assert!(
            card.due <= day.start(exam.plus(-1)),
            "capped before the exam"
        );
        assert!(p.exam_date_line(Lang::Ko).unwrap().contains("3일"));
    }

    #[test]
    fn an_unknown_note_is_an_error_in_both_languages() {
        let request = QuizRequest {
            selection: Selection {
                note: Some("없는-노트".into()),
                ..Selection::default()
            },
            ..QuizRequest::default()
        };
        let err = QuizPlan::new(
            &request,
            &sample_vault(),
            &History::default(),
            Scheduler::new().unwrap(),
            Timestamp(0),
            StudyDay::default(),
        )
        .unwrap_err();
        assert!(err.message(Lang::Ko).contains("없는-노트"));
        assert!(err.message(Lang::Ko).contains("노트가 없습니다"));
        assert!(err.message(Lang::En).contains("no note titled"));
    }
}
