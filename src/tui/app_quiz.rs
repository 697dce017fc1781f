//! The app's side of quizzes: starting one (from the dialog, the open note
//! or `munje quiz` flags) through the shared [`QuizPlan`], turning quiz
//! outcomes into writes through the shared [`Recorder`] and screen changes,
//! and the store failing gracefully (a notice, and the quiz goes on).

use crate::i18n::Lang;
use crate::quiz::{
    Attempt, ExamRequest, Notebook, QuizPlan, QuizRequest, Scheduler, Selection, Shuffle, select,
};
use crate::store::{Recorder, StoreError};
use crate::tui::action::Action;
use crate::tui::app::{App, Layer};
use crate::tui::app_study::offset_of_line;
use crate::tui::screens::quiz::{Outcome, Phase, QuizState};
use crate::tui::screens::quiz_start::{Scope, StartDialog};
use crate::tui::screens::reader::ReaderState;
use crate::tui::screens::stats::StatsState;
use crate::tui::screens::study::display_title;
use crate::vault::QuestionOrigin;

impl App {
    /// Opens the start dialog, preset to the highlighted tag or note.
    pub(crate) fn open_start_dialog(&mut self, preferred: Option<Scope>) {
        let note = match preferred {
            Some(Scope::Note(n)) => Some(n),
            _ => self.reader.as_ref().map(|r| r.note),
        };
        let mut d = StartDialog::new(&self.vault, note, preferred);
        self.count_available(&mut d);
        self.layers.push(Layer::QuizStart(d));
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

    /// Opens the statistics screen on fresh figures.
    pub(crate) fn open_stats(&mut self) {
        let now = (self.clock)();
        let due = self.history.due_counts(&self.vault, self.study_day, now);
        let stats = match &self.store {
            Some(store) => match store.stats(due, now, self.study_day) {
                Ok(s) => Some(s),
                Err(e) => {
                    self.error(e.to_string());
                    None
                }
            },
            None => None,
        };
        let notebook = Notebook::build(&self.vault, &self.history);
        self.layers
            .push(Layer::Stats(StatsState::new(stats, notebook)));
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
        });
    }

    /// Plans the request with the same [`QuizPlan`] the line mode uses and
    /// opens the quiz screen on it.
    pub(crate) fn start_quiz(&mut self, request: &QuizRequest) {
        let now = (self.clock)();
        let scheduler = match Scheduler::new() {
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
        let exam_line = plan.exam_date_line(self.lang);
        let QuizPlan {
            session,
            scheduler,
            seed,
            title,
            ..
        } = plan;
        let recorder = match &mut self.recorder {
            Some(r) => {
                r.begin(scheduler, seed);
                r
            }
            None => self.recorder.insert(Recorder::new(scheduler, seed)),
        };
        if let Some(store) = &mut self.store {
            let r = recorder.start(store, &session, now);
            self.store_result(r);
        }
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
        if let Some(line) = exam_line {
            self.say(line);
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
                // Said after the fact: the first record is taken back and
                // the answer recorded again with its new rating.
                if let (Some(store), Some(rec)) = (&mut self.store, &mut self.recorder)
                    && let Err(e) = rec.undo(store, &mut self.history)
                {
                    return self.error(e.to_string());
                }
                self.record(&attempt);
                self.say(self.lang.pick(
                    "찍어서 맞힌 답으로 기록했습니다 (다시 m: 취소)",
                    "Recorded as a guess (m again to undo)",
                ));
            }
            Outcome::Undo => self.undo_answer(now),
            Outcome::Finished => {
                let Some(Layer::Quiz(q)) = self.layers.last() else {
                    return;
                };
                let session = q.session.clone();
                if session.is_empty() {
                    return;
                }
                self.due_stale = true;
                if let (Some(store), Some(rec)) = (&mut self.store, &mut self.recorder) {
                    let r = rec.finished(store, &mut self.history, &session, now);
                    self.store_result(r);
                }
            }
            Outcome::OpenNote(qix) => {
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
                // From a question not yet answered, the note keeps its
                // answers hidden (a reveals them).
                r.spoilers = matches!(
                    self.layers.last(),
                    Some(Layer::Quiz(q)) if q.phase == Phase::Asking
                );
                if matches!(q.origin, QuestionOrigin::Note(_)) {
                    r.scroll_to_offset(offset_of_line(self.vault.note(n), q.line));
                }
                self.layers.push(Layer::Note(r));
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

    /// Records an answer as it is given (practice answers move the
    /// schedule now, exam answers when the exam ends) and shows when the
    /// question comes back. The history is updated from the answer itself,
    /// never re-read from the store.
    fn record(&mut self, attempt: &Attempt) {
        self.due_stale = true;
        let (Some(store), Some(rec)) = (&mut self.store, &mut self.recorder) else {
            self.history.record(attempt, None);
            return;
        };
        let saved = rec.answered(store, &mut self.history, attempt);
        if let Some(Layer::Quiz(q)) = self.layers.last_mut() {
            q.next_review = saved.next_review;
        }
        if let Some(e) = saved.error {
            self.error(self.unsaved_note(&e, saved.pending));
        }
    }

    /// Takes the last practice answer back and asks the question again.
    fn undo_answer(&mut self, now: crate::quiz::Timestamp) {
        self.due_stale = true;
        let taken = match (&mut self.store, &mut self.recorder) {
            (Some(store), Some(rec)) => rec.undo(store, &mut self.history),
            _ => Ok(None),
        };
        match taken {
            Ok(Some(attempt)) => {
                if let Some(Layer::Quiz(q)) = self.layers.last_mut() {
                    q.taken_back(&attempt.question, now);
                }
                self.say(self.lang.pick(
                    "마지막 답을 취소했습니다. 다시 답하세요",
                    "The answer was taken back; answer again",
                ));
            }
            Ok(None) => self.say(
                self.lang
                    .pick("되돌릴 답이 없습니다", "There is no answer to take back"),
            ),
            Err(e) => self.error(e.to_string()),
        }
    }

    fn unsaved_note(&self, e: &StoreError, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!(
                "답을 아직 저장하지 못했습니다 ({e}). 다음 답과 함께 다시 저장합니다 (대기 {n}개)"
            ),
            Lang::En => format!(
                "could not save the answer yet ({e}); it is kept and retried with the next one ({n} waiting)"
            ),
        }
    }

    /// Saves the answers the store refused earlier, oldest first, stopping
    /// at the first refusal: a database locked by another program loses no
    /// answer, it is kept and saved with the next one (or when the app
    /// ends). Returns how many are still unsaved.
    pub fn save_unsaved(&mut self) -> usize {
        let Some(rec) = &mut self.recorder else {
            return 0;
        };
        if let Some(store) = &mut self.store
            && let Err(e) = rec.retry(store, &mut self.history)
        {
            let n = rec.pending();
            self.error(self.unsaved_note(&e, n));
        }
        self.recorder.as_ref().map_or(0, Recorder::pending)
    }

    /// A store error becomes a lasting notice; answers stop being kept but
    /// the quiz goes on.
    fn store_result(&mut self, r: Result<(), StoreError>) {
        if let Err(e) = r {
            self.store = None;
            let note = match self.lang {
                Lang::Ko => format!("진도가 저장되지 않습니다: {e}"),
                Lang::En => format!("progress is not being saved: {e}"),
            };
            self.error(note.clone());
            self.notice = Some(note);
        }
    }
}
