//! The app's side of the database writer: answers, undos, session ends and
//! fits go to the [`Writer`] as jobs and never make a key wait; its reports
//! come back as events and are folded into the history (kept current from
//! each answer, never re-read) and the screen. A store that refuses keeps
//! the answers pending, counted in the header and retried each tick.

use std::sync::Arc;

use crate::i18n::Lang;
use crate::quiz::{Attempt, Timestamp};
use crate::store::{Recovery, Store, WriteJob, WriteReport, Writer};
use crate::tui::app::{App, Layer};
use crate::tui::screens::quiz::Phase;

impl App {
    /// Records an answer as it is given: the in-memory history takes a
    /// practice answer at once (the store is never re-read), and the
    /// writer writes it off this thread (an exam's answers are folded in
    /// when the exam ends).
    pub(super) fn record(&mut self, attempt: &Attempt) {
        if attempt.mode == crate::quiz::ModeKind::Practice {
            self.undo_point = Some(Arc::make_mut(&mut self.history).answer(attempt));
            self.due_touched.push(attempt.question.clone());
        }
        self.send_write(WriteJob::Answered(Box::new(attempt.clone())));
    }

    /// Queues a job for the writer (nothing without a store).
    pub(super) fn send_write(&mut self, job: WriteJob) {
        if let Some(w) = &self.writer
            && w.send(job)
        {
            self.in_flight += 1;
        }
    }

    /// Fits FSRS to the learner's reviews, on the writer's thread.
    pub(crate) fn optimize(&mut self) {
        if self.writer.is_none() {
            return self.say(self.lang.pick(
                "진도가 저장되지 않아 맞출 기록이 없습니다",
                "Progress is not being saved: there is no history to fit",
            ));
        }
        self.send_write(WriteJob::Optimize((self.clock)()));
        self.say(self.lang.pick(
            "FSRS 매개변수를 내 기록에 맞추는 중…",
            "Fitting FSRS parameters to your reviews…",
        ));
    }

    /// Answers refused earlier are tried again when the writer is idle.
    pub(crate) fn retry_writes(&mut self) {
        if self.pending_writes > 0 && self.in_flight == 0 {
            self.send_write(WriteJob::Retry);
        }
    }

    /// The writer finished a job: fold what it wrote into the history and
    /// the screen.
    pub(crate) fn written(&mut self, report: WriteReport) {
        // Every report but this one answers a job.
        if !matches!(report, WriteReport::MovedAside(_)) {
            self.in_flight = self.in_flight.saturating_sub(1);
        }
        let now = (self.clock)();
        match report {
            WriteReport::Saved {
                question,
                cards,
                pending,
                error,
            } => {
                Arc::make_mut(&mut self.history).set_dues(&cards);
                self.due_touched
                    .extend(cards.iter().map(|(id, _)| id.clone()));
                self.pending_writes = pending;
                if let (Some(q), Some(Layer::Quiz(quiz))) = (question, self.layers.last_mut())
                    && quiz.phase == Phase::Feedback
                    && quiz.session.current().is_some_and(|i| i.question.id == q)
                {
                    quiz.next_review = cards.iter().rev().find(|(id, _)| *id == q).map(|c| c.1.due);
                }
                if let Some(e) = error {
                    self.error(self.unsaved_note(&e, pending));
                }
            }
            WriteReport::Undone(Ok(Some(attempt))) => {
                if let Some(point) = self.undo_point.take() {
                    Arc::make_mut(&mut self.history).undo(point);
                }
                self.due_touched.push(attempt.question.clone());
                self.taken_back(Some(attempt.question), now);
            }
            WriteReport::Undone(Ok(None)) => self.taken_back(None, now),
            WriteReport::Undone(Err(e)) | WriteReport::Optimized(Err(e)) => self.error(e),
            WriteReport::Finished {
                exam,
                pending,
                error,
            } => {
                for (a, card) in &exam {
                    Arc::make_mut(&mut self.history).record(a, Some(card.due));
                    self.due_touched.push(a.question.clone());
                }
                self.pending_writes = pending;
                if let Some(e) = error {
                    self.error(self.unsaved_note(&e, pending));
                }
            }
            WriteReport::Reconciled(result) => self.reconciled(result),
            WriteReport::Optimized(Ok(crate::store::Fit::Fitted { reviews, .. })) => {
                self.say(match self.lang {
                    Lang::Ko => format!(
                        "복습 {reviews}번으로 FSRS 매개변수를 맞췄습니다. 다음 퀴즈부터 씁니다"
                    ),
                    Lang::En => format!(
                        "fitted FSRS parameters to {reviews} reviews; the next quiz uses them"
                    ),
                });
            }
            WriteReport::Optimized(Ok(crate::store::Fit::NotEnough { reviews, needed })) => {
                self.say(match self.lang {
                    Lang::Ko => format!(
                        "기록이 아직 부족합니다: 하루 이상 지나 다시 푼 복습 {reviews}번, 적어도 {needed}번 필요"
                    ),
                    Lang::En => format!(
                        "not enough history yet: {reviews} reviews a day or more apart, {needed} needed"
                    ),
                });
            }
            WriteReport::MovedAside(r) => self.moved_aside(&r),
            WriteReport::Started(None) => {}
            WriteReport::Started(Some(e)) => self.error(match self.lang {
                Lang::Ko => {
                    format!("세션 시작을 아직 저장하지 못했습니다 ({e}). 끝날 때 다시 저장합니다")
                }
                Lang::En => {
                    format!(
                        "could not record the session start yet ({e}); it is retried at the end"
                    )
                }
            }),
        }
    }

    /// The writer's whole-file check moved a damaged file aside before
    /// writing anything: the app reads the fresh file from now on, and the
    /// diagnostics panel says where the old one went.
    fn moved_aside(&mut self, r: &Recovery) {
        let Some(path) = self.store.as_ref().map(|s| s.path().to_owned()) else {
            return;
        };
        self.config_problems
            .push(moved_aside_message(self.lang, &path, r));
        self.notice = Some(match self.lang {
            Lang::Ko => format!("설정 문제 {}개: d로 보기", self.config_problems.len()),
            Lang::En => format!(
                "{} settings problems: d shows them",
                self.config_problems.len()
            ),
        });
        if let Ok(Some(store)) = Store::open_read_only(&path) {
            self.history = Arc::new(store.history().unwrap_or_default());
            self.store = Some(store);
        }
        self.due_stale = true;
    }

    /// The last answer was taken back (or there was none): ask it again.
    pub(super) fn taken_back(
        &mut self,
        question: Option<crate::vault::QuestionId>,
        now: Timestamp,
    ) {
        match question {
            Some(q) => {
                if let Some(Layer::Quiz(quiz)) = self.layers.last_mut() {
                    quiz.taken_back(&q, now);
                }
                self.say(self.lang.pick(
                    "마지막 답을 취소했습니다. 다시 답하세요",
                    "The answer was taken back; answer again",
                ));
            }
            None => self.say(
                self.lang
                    .pick("되돌릴 답이 없습니다", "There is no answer to take back"),
            ),
        }
    }

    fn unsaved_note(&self, e: &str, n: usize) -> String {
        match self.lang {
            Lang::Ko => {
                format!("답을 아직 저장하지 못했습니다 ({e}). 계속 다시 저장합니다 (대기 {n}개)")
            }
            Lang::En => {
                format!("could not save the answer yet ({e}); it is kept and retried ({n} waiting)")
            }
        }
    }

    /// Stops the writer after the answers it holds, with last tries for
    /// those the store refused; returns how many could not be saved.
    pub fn save_unsaved(&mut self) -> usize {
        self.writer.take().map_or(0, Writer::finish)
    }
}

/// What the diagnostics panel says of a progress file moved aside.
pub(crate) fn moved_aside_message(lang: Lang, path: &std::path::Path, r: &Recovery) -> String {
    format!(
        "{} {} ({}); {} {}",
        lang.pick(
            "쓸 수 없는 진도 파일을 옮겼습니다:",
            "moved an unusable progress file aside:"
        ),
        path.display(),
        r.reason,
        lang.pick("옮긴 곳", "now at"),
        r.moved_to.display()
    )
}
