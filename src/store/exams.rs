//! The exam history: each exam's settings and the questions it asked (with
//! a snapshot of each, so a past exam can be reviewed after its notes
//! changed), and reading every finished exam back, newest first.
//!
//! Owns the SQL of the `exam_sessions` and `exam_questions` tables; the
//! score itself stays in `sessions`, the answers in `attempts`.

use std::collections::HashMap;

use rusqlite::{TransactionBehavior, params};
use serde::Serialize;

use crate::i18n::Lang;
use crate::quiz::{
    AskedQuestion, DEFAULT_PASS_MARK, DomainLevel, DomainScore, QuestionSnapshot, QuizSession,
    Timestamp, UtcOffset, domain_scores, top_level_domains,
};
use crate::vault::{QuestionId, Tag};

use super::{Store, StoreError};

/// One finished exam as the history keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamRecord {
    /// The session id.
    pub id: String,
    /// When it started.
    pub started_at: Timestamp,
    /// When it ended.
    pub finished_at: Timestamp,
    /// Questions asked.
    pub questions: usize,
    /// Questions answered.
    pub answered: usize,
    /// Questions answered right.
    pub correct: usize,
    /// The 100–1000 score (`None` when abandoned).
    pub scaled: Option<u32>,
    /// The pass mark it was held to.
    pub pass_mark: u32,
    /// Passed (`None` when abandoned).
    pub passed: Option<bool>,
    /// Left without submitting: not scored.
    pub abandoned: bool,
    /// The blueprint's name, if drawn from one.
    pub blueprint: Option<String>,
    /// What the exam was on (a tag, 전체, …).
    pub title: Option<String>,
    /// By domain (the blueprint's, or the top-level tags), weakest first.
    pub domains: Vec<DomainScore>,
    /// The questions asked, in exam order.
    pub asked: Vec<AskedQuestion>,
}

impl ExamRecord {
    /// One exam on one line: date, questions, minutes, score, verdict and the
    /// weakest domains.
    pub fn line(&self, offset: UtcOffset, lang: Lang) -> String {
        let e = self;
        let when = local_time(e.started_at, offset);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped
        let mins = e.minutes().round().max(0.0) as u64;
        let verdict = match (e.scaled, e.passed, lang) {
            (Some(s), Some(true), Lang::Ko) => format!("{s}점 합격"),
            (Some(s), Some(true), Lang::En) => format!("{s} pass"),
            (Some(s), _, Lang::Ko) => format!("{s}점 불합격"),
            (Some(s), _, Lang::En) => format!("{s} fail"),
            (None, _, _) => lang
                .pick("그만둠(채점 안 함)", "abandoned (not scored)")
                .to_owned(),
        };
        // An abandoned exam has no score to break down.
        let weakest: Vec<&str> = if e.abandoned {
            Vec::new()
        } else {
            e.weakest().take(3).map(|d| d.name.as_str()).collect()
        };
        let weak = if weakest.is_empty() {
            String::new()
        } else {
            format!(
                " · {} {}",
                lang.pick("약한 영역:", "weakest:"),
                weakest.join(", ")
            )
        };
        let on = e
            .blueprint
            .as_deref()
            .or(e.title.as_deref())
            .map(|t| format!(" · {t}"))
            .unwrap_or_default();
        let mark = match (e.abandoned, lang) {
            (true, _) => String::new(),
            (false, Lang::Ko) => format!(" (합격선 {})", e.pass_mark),
            (false, Lang::En) => format!(" (pass mark {})", e.pass_mark),
        };
        match lang {
            Lang::Ko => format!(
                "{when}  {}문제 · {mins}분 · {verdict}{mark}{on}{weak}",
                e.questions
            ),
            Lang::En => format!(
                "{when}  {} questions · {mins} min · {verdict}{mark}{on}{weak}",
                e.questions
            ),
        }
    }

    /// Minutes from start to end.
    pub fn minutes(&self) -> f64 {
        self.finished_at.seconds_since(self.started_at).max(0.0) / 60.0
    }

    /// The domains that need improvement, weakest first.
    pub fn weakest(&self) -> impl Iterator<Item = &DomainScore> {
        self.domains
            .iter()
            .filter(|d| d.level == DomainLevel::NeedsImprovement)
    }

    /// The record as `munje exams --json` prints it.
    pub fn json(&self) -> ExamJson<'_> {
        ExamJson {
            id: &self.id,
            started_at: self.started_at.0,
            finished_at: self.finished_at.0,
            questions: self.questions,
            answered: self.answered,
            correct: self.correct,
            scaled: self.scaled,
            pass: self.pass_mark,
            passed: self.passed,
            abandoned: self.abandoned,
            blueprint: self.blueprint.as_deref(),
            domains: self
                .domains
                .iter()
                .map(|d| DomainJson {
                    name: &d.name,
                    questions: d.questions,
                    correct: d.correct,
                    level: d.level.as_str(),
                })
                .collect(),
        }
    }
}

/// One exam in `munje exams --json`: exactly the documented keys.
#[derive(Debug, Serialize)]
pub struct ExamJson<'a> {
    id: &'a str,
    /// Milliseconds since the Unix epoch, UTC.
    started_at: i64,
    /// Milliseconds since the Unix epoch, UTC.
    finished_at: i64,
    questions: usize,
    answered: usize,
    correct: usize,
    scaled: Option<u32>,
    pass: u32,
    passed: Option<bool>,
    abandoned: bool,
    blueprint: Option<&'a str>,
    domains: Vec<DomainJson<'a>>,
}

/// One domain in `munje exams --json`.
#[derive(Debug, Serialize)]
pub struct DomainJson<'a> {
    name: &'a str,
    questions: usize,
    correct: usize,
    level: &'static str,
}

impl Store {
    /// Keeps an exam's settings and the questions it asks, each with its
    /// snapshot, flag and time so far (replacing what was kept before:
    /// called at the start and again at the end). Practice is not kept.
    pub fn save_exam(&mut self, session: &QuizSession) -> Result<(), StoreError> {
        self.finish_check()?;
        let Some(config) = session.exam_config() else {
            return Ok(());
        };
        let sql = StoreError::sqlite(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let blueprint = session.blueprint();
        tx.execute(
            "INSERT OR REPLACE INTO exam_sessions
             (session_id, title, blueprint, pass_mark, time_limit_secs)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                session.id().0,
                session.title(),
                blueprint.map(|b| b.name.as_str()),
                config.pass_mark,
                i64::try_from(config.time_limit_secs).unwrap_or(i64::MAX),
            ],
        )
        .map_err(sql)?;
        for (i, item) in session.items().iter().enumerate() {
            let snapshot = serde_json::to_string(&QuestionSnapshot::of(&item.question))
                .unwrap_or_else(|_| "{}".to_owned());
            tx.execute(
                "INSERT OR REPLACE INTO exam_questions
                 (session_id, position, question_id, domain, flagged, seconds, snapshot)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    session.id().0,
                    i64::try_from(i).unwrap_or(i64::MAX),
                    item.question.id.0,
                    blueprint.and_then(|b| b.domains.get(i)),
                    item.flagged,
                    item.seconds,
                    snapshot,
                ],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Every finished exam, newest first.
    pub fn exams(&self) -> Result<Vec<ExamRecord>, StoreError> {
        let sql = StoreError::sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.id, s.started_at, s.finished_at, s.questions, s.ending,
                        s.correct, s.scaled, s.passed, e.pass_mark, e.blueprint, e.title
                 FROM sessions s LEFT JOIN exam_sessions e ON e.session_id = s.id
                 WHERE s.mode = 'exam' AND s.finished_at IS NOT NULL
                 ORDER BY s.started_at DESC, s.id DESC",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Head {
                    id: r.get(0)?,
                    started_at: Timestamp(r.get(1)?),
                    finished_at: Timestamp(r.get(2)?),
                    questions: r.get::<_, i64>(3)?,
                    ending: r.get::<_, Option<String>>(4)?,
                    correct: r.get::<_, Option<i64>>(5)?,
                    scaled: r.get::<_, Option<u32>>(6)?,
                    passed: r.get::<_, Option<bool>>(7)?,
                    pass_mark: r.get::<_, Option<u32>>(8)?,
                    blueprint: r.get(9)?,
                    title: r.get(10)?,
                })
            })
            .map_err(sql)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql)?;
        rows.into_iter().map(|h| self.exam_record(h)).collect()
    }

    /// One finished exam by id, if kept.
    pub fn exam(&self, id: &str) -> Result<Option<ExamRecord>, StoreError> {
        Ok(self.exams()?.into_iter().find(|e| e.id == id))
    }

    fn exam_record(&self, h: Head) -> Result<ExamRecord, StoreError> {
        let sql = StoreError::sqlite(&self.path);
        let answers = self.answers_of(&h.id)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT question_id, domain, flagged, seconds, snapshot
                 FROM exam_questions WHERE session_id = ?1 ORDER BY position",
            )
            .map_err(sql)?;
        let kept: Vec<(String, Option<String>, bool, f64, String)> = stmt
            .query_map([&h.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?;
        let mut asked = Vec::new();
        let mut domains: Vec<(Vec<String>, bool)> = Vec::new();
        if kept.is_empty() {
            // An exam from before questions were kept: its answers only.
            let mut ids: Vec<&String> = answers.keys().collect();
            ids.sort();
            for id in ids {
                let a = &answers[id];
                let snapshot = QuestionSnapshot {
                    stem: id.clone(),
                    options: Vec::new(),
                    answer: a.right_letters.clone(),
                    explanation: None,
                    tags: a.tags.lines().map(str::to_owned).collect(),
                    note_title: None,
                };
                domains.push((tag_domains(&snapshot.tags), a.correct));
                asked.push(AskedQuestion {
                    id: QuestionId(id.as_str().into()),
                    snapshot,
                    chosen: Some(a.chosen.clone()),
                    flagged: false,
                    seconds: a.seconds,
                });
            }
        }
        for (id, domain, flagged, seconds, snapshot) in kept {
            let snapshot: QuestionSnapshot =
                serde_json::from_str(&snapshot).unwrap_or_else(|_| QuestionSnapshot {
                    stem: id.clone(),
                    options: Vec::new(),
                    answer: Vec::new(),
                    explanation: None,
                    tags: Vec::new(),
                    note_title: None,
                });
            let answer = answers.get(&id);
            let names = domain.map_or_else(|| tag_domains(&snapshot.tags), |d| vec![d]);
            domains.push((names, answer.is_some_and(|a| a.correct)));
            asked.push(AskedQuestion {
                id: QuestionId(id.into()),
                snapshot,
                chosen: answer.map(|a| a.chosen.clone()),
                flagged,
                seconds,
            });
        }
        let abandoned = h.ending.as_deref() == Some("abandoned");
        let pass_mark = h.pass_mark.unwrap_or(DEFAULT_PASS_MARK);
        let correct = answers.values().filter(|a| a.correct).count();
        Ok(ExamRecord {
            id: h.id,
            started_at: h.started_at,
            finished_at: h.finished_at,
            questions: usize::try_from(h.questions).unwrap_or(0),
            answered: answers.len(),
            correct: h
                .correct
                .and_then(|c| usize::try_from(c).ok())
                .unwrap_or(correct),
            scaled: if abandoned { None } else { h.scaled },
            pass_mark,
            passed: if abandoned { None } else { h.passed },
            abandoned,
            blueprint: h.blueprint,
            title: h.title,
            domains: domain_scores(domains, pass_mark),
            asked,
        })
    }

    /// The answers an exam's session recorded, by question.
    fn answers_of(&self, id: &str) -> Result<HashMap<String, Given>, StoreError> {
        let sql = StoreError::sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT question_id, chosen, is_correct, seconds, tags, correct_letters
                 FROM attempts WHERE session_id = ?1",
            )
            .map_err(sql)?;
        stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Given {
                    chosen: r.get::<_, String>(1)?.chars().collect(),
                    correct: r.get(2)?,
                    seconds: r.get(3)?,
                    tags: r.get(4)?,
                    right_letters: r.get::<_, String>(5)?.chars().collect(),
                },
            ))
        })
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)
    }

    /// The id of the exam the history lists at `n` (1 = newest), or the
    /// id itself when one by that id is kept.
    pub fn find_exam(&self, key: &str) -> Result<Option<ExamRecord>, StoreError> {
        let exams = self.exams()?;
        if let Some(e) = exams.iter().find(|e| e.id == key) {
            return Ok(Some(e.clone()));
        }
        let n = match key {
            "latest" | "last" => Some(1),
            k => k.parse::<usize>().ok(),
        };
        Ok(n.and_then(|n| n.checked_sub(1))
            .and_then(|i| exams.into_iter().nth(i)))
    }

    /// The scaled scores of scored exams, oldest first, with when they
    /// ended and the pass mark (the stats screen's chart).
    pub fn exam_scores(&self) -> Result<Vec<(Timestamp, u32, u32)>, StoreError> {
        let sql = StoreError::sqlite(&self.path);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.finished_at, s.scaled, e.pass_mark
                 FROM sessions s LEFT JOIN exam_sessions e ON e.session_id = s.id
                 WHERE s.mode = 'exam' AND s.scaled IS NOT NULL
                   AND s.finished_at IS NOT NULL
                   AND COALESCE(s.ending, '') <> 'abandoned'
                 ORDER BY s.finished_at, s.id",
            )
            .map_err(sql)?;
        stmt.query_map([], |r| {
            Ok((
                Timestamp(r.get(0)?),
                r.get::<_, u32>(1)?,
                r.get::<_, Option<u32>>(2)?.unwrap_or(DEFAULT_PASS_MARK),
            ))
        })
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)
    }

    /// True when a question snapshot is kept for this exam (tests).
    #[cfg(test)]
    pub(crate) fn kept_questions(&self, id: &str) -> usize {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM exam_questions WHERE session_id = ?1",
                [id],
                |r| r.get::<_, i64>(0),
            )
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    }
}

/// `2026-12-06 09:30` in local time.
pub fn local_time(t: Timestamp, offset: UtcOffset) -> String {
    let secs = t.as_secs() + i64::from(offset.0);
    let of_day = secs.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}",
        t.day(offset),
        of_day / 3600,
        (of_day % 3600) / 60
    )
}

struct Head {
    id: String,
    started_at: Timestamp,
    finished_at: Timestamp,
    questions: i64,
    ending: Option<String>,
    correct: Option<i64>,
    scaled: Option<u32>,
    passed: Option<bool>,
    pass_mark: Option<u32>,
    blueprint: Option<String>,
    title: Option<String>,
}

/// One answer an exam recorded.
struct Given {
    chosen: Vec<char>,
    correct: bool,
    seconds: f64,
    tags: String,
    right_letters: Vec<char>,
}

fn tag_domains(tags: &[String]) -> Vec<String> {
    let tags: Vec<Tag> = tags.iter().filter_map(|t| Tag::parse(t)).collect();
    top_level_domains(&tags)
}

#[cfg(test)]
#[path = "exams_tests.rs"]
mod tests;
