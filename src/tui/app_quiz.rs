//! The app's side of quizzes: starting one (from the dialog or `munje quiz`
//! flags) through the shared [`QuizPlan`], and turning quiz outcomes into
//! screen changes and jobs for the database writer (whose side is in
//! `app_writes`).

use std::sync::Arc;

use crate::i18n::Lang;
use crate::quiz::{
    ExamRequest, ExamReview, QuizPlan, QuizRequest, Scheduler, Selection, Shuffle, select,
};
use crate::store::WriteJob;
use crate::tui::action::Action;
use crate::tui::app::{App, Layer};
use crate::tui::app_study::offset_of_line;
use crate::tui::screens::exams::ExamsState;
use crate::tui::screens::quiz::{Outcome, Phase, QuizState};
use crate::tui::screens::quiz_start::{Scope, StartDialog};
use crate::tui::screens::reader::ReaderState;
use crate::tui::screens::review::{ReviewOutcome, ReviewState};
use crate::tui::screens::study::display_title;
use crate::vault::{QuestionId, QuestionIx, QuestionOrigin};

impl App {
    /// Opens the start dialog, preset to the highlighted tag or note.
    pub(crate) fn open_start_dialog(&mut self, preferred: Option<Scope>) {
        if self.questions_not_read_yet() {
            return;
        }
        let note = match preferred {
            Some(Scope::Note(n)) => Some(n),
            _ => self.reader.as_ref().map(|r| r.note),
        };
        let mut d = StartDialog::new(&self.vault, note, preferred);
        self.count_available(&mut d);
        self.layers.push(Layer::QuizStart(d));
    }

    /// True, with a word on the status line, while the vault holds only
    /// the notes' names ([`App::cards_only`]) or nothing yet: quizzes and
    /// figures wait for the questions.
    pub(crate) fn questions_not_read_yet(&mut self) -> bool {
        let waiting = self.cards_only || (self.loading.is_some() && self.vault.notes.is_empty());
        if waiting {
            self.say(self.lang.pick(
                "문제를 아직 읽는 중입니다. 잠시 후 다시 해 보세요",
                "Questions are still being read; try again in a moment",
            ));
        }
        waiting
    }

    /// Sets how many questions the dialog's choices select.
    pub(crate) fn count_available(&self, d: &mut StartDialog) {
        let sel = d.selection(&self.vault, 0);
        let now = (self.clock)();
        d.available =
            select(&self.vault, &sel, &self.history, now, self.study_day).map_or(0, |q| q.len());
    }

    fn seed(&self) -> u64 {
        (self.clock)().0.unsigned_abs()
    }

    /// Opens the exam history, newest first.
    pub(crate) fn open_exams(&mut self) {
        let now = (self.clock)();
        let Some(store) = &self.store else {
            return self.say(self.lang.pick(
                "진도 저장소가 없어 모의고사 기록이 없습니다",
                "No progress store, so no exam history",
            ));
        };
        let offset = store.local_offset(now);
        match store.exams() {
            Ok(exams) => self.layers.push(Layer::Exams(ExamsState {
                exams,
                cursor: 0,
                offset,
            })),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Reopens the highlighted past exam's review against the vault now.
    pub(crate) fn review_past_exam(&mut self) {
        let Some(Layer::Exams(e)) = self.layers.last() else {
            return;
        };
        let Some(exam) = e.selected() else {
            return;
        };
        let review = ExamReview::from_asked(&exam.asked, &self.vault);
        let title = exam.line(e.offset, self.lang);
        self.layers
            .push(Layer::Review(Box::new(ReviewState::new(review, title))));
    }

    /// Practises the wrong-answer notebook again.
    pub(crate) fn retry_wrong(&mut self) {
        let sel = Selection {
            wrong_only: true,
            shuffle: Shuffle::Seeded(self.seed()),
            ..Selection::default()
        };
        let title = self.lang.pick("오답노트", "wrong answers").to_owned();
        self.start_quiz(&QuizRequest {
            selection: sel,
            exam: None,
            title: Some(title),
            blueprint: None,
        });
    }

    /// Starts today's review: every question due today.
    pub(crate) fn review_due(&mut self) {
        let sel = Selection {
            due_only: true,
            shuffle: Shuffle::Seeded(self.seed()),
            ..Selection::default()
        };
        let title = self.lang.pick("오늘의 복습", "today's reviews").to_owned();
        self.start_quiz(&QuizRequest {
            selection: sel,
            exam: None,
            title: Some(title),
            blueprint: None,
        });
    }

    /// Starts the quiz the dialog describes.
    pub(crate) fn start_from_dialog(&mut self, d: &StartDialog) {
        let sel = d.selection(&self.vault, self.seed());
        let title = match &d.scopes[d.scope] {
            Scope::All => self.lang.pick("전체", "everything").to_owned(),
            Scope::Note(n) => display_title(self.vault.note(*n)).to_owned(),
            Scope::Tag(t) => format!("#{t}"),
        };
        let exam = d.exam.then_some(ExamRequest {
            minutes: None,
            pass: crate::quiz::DEFAULT_PASS_MARK,
        });
        self.start_quiz(&QuizRequest {
            selection: sel,
            exam,
            title: Some(title),
            blueprint: None,
        });
    }

    /// Plans the request with the same [`QuizPlan`] the line mode uses and
    /// opens the quiz screen on it.
    pub(crate) fn start_quiz(&mut self, request: &QuizRequest) {
        if self.questions_not_read_yet() {
            return;
        }
        let now = (self.clock)();
        let fitted = self
            .store
            .as_ref()
            .map(crate::store::Store::fsrs_parameters)
            .unwrap_or_default();
        let scheduler = match Scheduler::with_parameters(&fitted) {
            Ok(s) => s,
            Err(e) => return self.error(e.to_string()),
        };
        let plan = match QuizPlan::new(
            request,
            &self.vault,
            &self.history,
            scheduler,
            now,
            self.study_day,
        ) {
            Ok(p) => p,
            Err(e) => return self.error(e.message(self.lang)),
        };
        if plan.session.is_empty() {
            let unknown = crate::search::unknown_tags(&self.vault, &request.selection.tags);
            match unknown.first() {
                Some(u) => self.say(u.message(self.lang)),
                None => self.say(self.lang.pick(
                    "고른 조건에 맞는 문제가 없습니다",
                    "No questions match these choices",
                )),
            }
            return;
        }
        let mut notices = plan.notices(self.lang);
        if let Some(store) = &self.store {
            let cards = store.cards().unwrap_or_default();
            notices.extend(plan.readiness_line(
                &self.vault,
                &self.history,
                &cards,
                now,
                self.study_day,
                self.lang,
            ));
        }
        let QuizPlan {
            session,
            scheduler,
            seed,
            title,
            ..
        } = plan;
        self.undo_point = None;
        self.send_write(WriteJob::Begin {
            scheduler: Box::new(scheduler),
            seed,
            session: Box::new(session.clone()),
            now,
        });
        let title = title.unwrap_or_else(|| self.lang.pick("전체", "everything").to_owned());
        // The dialog and any finished quiz make way: Esc from the new quiz
        // (or the stats it was started from) never walks back through old
        // summaries.
        self.layers.retain(|l| match l {
            Layer::QuizStart(_) => false,
            Layer::Quiz(q) => !matches!(q.phase, Phase::Done | Phase::Revisit { .. }),
            _ => true,
        });
        self.layers
            .push(Layer::Quiz(Box::new(QuizState::new(session, title, seed))));
        if !notices.is_empty() {
            self.say(notices.join(" · "));
        }
    }

    /// Passes an action to the quiz on top and acts on the outcome.
    pub(crate) fn update_quiz(&mut self, action: Action) {
        let now = (self.clock)();
        let Some(Layer::Quiz(q)) = self.layers.last_mut() else {
            return;
        };
        let outcome = q.apply(action, now);
        self.quiz_outcome(outcome);
    }

    /// The clock moved: an exam may run out of time.
    pub(crate) fn tick_quiz(&mut self) {
        let now = (self.clock)();
        if let Some(Layer::Quiz(q)) = self.layers.last_mut() {
            let outcome = q.tick(now);
            self.quiz_outcome(outcome);
        }
    }

    fn quiz_outcome(&mut self, outcome: Outcome) {
        let now = (self.clock)();
        match outcome {
            Outcome::None => {}
            Outcome::Answered(attempt) => self.record(&attempt),
            Outcome::Rerate(attempt) => {
                // Said after the fact: the answer is recorded again, in
                // place of the first record, with its new rating.
                if let Some(point) = self.undo_point.take() {
                    Arc::make_mut(&mut self.history).undo(point);
                }
                self.undo_point = Some(Arc::make_mut(&mut self.history).answer(&attempt));
                self.due_touched.push(attempt.question.clone());
                self.send_write(WriteJob::Replace(attempt));
                self.say(self.lang.pick(
                    "찍어서 맞힌 답으로 기록했습니다 (다시 m: 취소)",
                    "Recorded as a guess (m again to undo)",
                ));
            }
            Outcome::Undo => {
                if self.writer.is_some() {
                    self.send_write(WriteJob::Undo);
                } else {
                    // Nothing is kept without a store: take it back here.
                    let question = self.undo_point.take().map(|p| {
                        let q = p.question.clone();
                        Arc::make_mut(&mut self.history).undo(p);
                        q
                    });
                    self.taken_back(question, now);
                }
            }
            Outcome::Finished => {
                let Some(Layer::Quiz(q)) = self.layers.last() else {
                    return;
                };
                let session = q.session.clone();
                if session.is_empty() {
                    return;
                }
                self.undo_point = None;
                self.send_write(WriteJob::Finished {
                    session: Box::new(session),
                    now,
                });
            }
            Outcome::OpenNote(qix, id) => self.open_question_note(qix, &id),
            Outcome::OpenReview => {
                let Some(Layer::Quiz(q)) = self.layers.last() else {
                    return;
                };
                let review = ExamReview::from_session(&q.session);
                let title = q.title.clone();
                self.layers
                    .push(Layer::Review(Box::new(ReviewState::new(review, title))));
            }
            Outcome::Leave => {
                self.layers.pop();
            }
            Outcome::Retry(questions) => {
                let sel = Selection {
                    questions,
                    shuffle: Shuffle::Seeded(self.seed()),
                    ..Selection::default()
                };
                let title = self.lang.pick("틀린 문제 다시", "the wrong ones again");
                self.start_quiz(&QuizRequest {
                    selection: sel,
                    exam: None,
                    title: Some(title.to_owned()),
                    blueprint: None,
                });
            }
            Outcome::NothingWrong => self.say(self.lang.pick(
                "모두 맞았습니다: 다시 풀 틀린 문제가 없습니다",
                "All right: there is nothing wrong to retry",
            )),
            Outcome::ChooseFirst => self.say(self.lang.pick(
                "먼저 보기를 고르세요: ↑↓ 또는 j/k로 옮기거나 보기 글자를 누르세요",
                "Choose an option first: move with ↑↓ or j/k, or press its letter",
            )),
            Outcome::NeedCount(n) => self.say(match self.lang {
                Lang::Ko => format!("{n}개를 골라야 합니다 (Space로 선택)"),
                Lang::En => format!("Choose {n} options first (Space toggles)"),
            }),
            Outcome::NoOption(l) => self.say(match self.lang {
                Lang::Ko => format!("보기 {l}는 없습니다"),
                Lang::En => format!("There is no option {l}"),
            }),
            Outcome::Message(m) => self.say(m),
        }
    }

    /// Acts on what the review screen asked for.
    pub(crate) fn review_outcome(&mut self, outcome: ReviewOutcome) {
        match outcome {
            ReviewOutcome::None => {}
            ReviewOutcome::Leave => {
                self.layers.pop();
            }
            ReviewOutcome::OpenNote(qix, id) => self.open_question_note(qix, &id),
            ReviewOutcome::Edit(qix, id) => self.edit_question(qix, &id),
            ReviewOutcome::NoNote => self.say(self.lang.pick(
                "볼트에서 사라진 문제라 열 노트가 없습니다",
                "This question is no longer in the vault; it has no note to open",
            )),
        }
    }

    /// Opens the note a question studies, at the question.
    fn open_question_note(&mut self, qix: QuestionIx, id: &QuestionId) {
        let Some(qix) = self.question_now(qix, id) else {
            return;
        };
        let q = self.vault.question(qix);
        let note = q.note.or(match q.origin {
            QuestionOrigin::Note(n) => Some(n),
            QuestionOrigin::Bank(_) => None,
        });
        let Some(n) = note else {
            self.say(
                self.lang
                    .pick("이 문제에는 노트가 없습니다", "This question has no note"),
            );
            return;
        };
        let mut r = ReaderState::new(n);
        // From a question not yet answered, the note keeps its answers
        // hidden (a reveals them).
        r.spoilers = matches!(
            self.layers.last(),
            Some(Layer::Quiz(quiz)) if quiz.phase == Phase::Asking
        );
        if matches!(q.origin, QuestionOrigin::Note(_)) {
            r.scroll_to_offset(offset_of_line(&self.vault, self.vault.note(n), q.line));
        }
        self.layers.push(Layer::Note(r));
    }
}
