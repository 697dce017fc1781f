//! The app's side of quizzes: starting one (from the dialog, the open note
//! or `munje quiz` flags), turning quiz outcomes into store writes and
//! screen changes, and the store failing gracefully (a notice, and the quiz
//! goes on).

use crate::cli::QuizArgs;
use crate::i18n::Lang;
use crate::quiz::{
    Attempt, Ending, ExamConfig, Mode, Notebook, QuizSession, Selection, SessionConfig, SessionId,
    Shuffle, UtcOffset, select,
};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::app::{App, Layer};
use crate::tui::app_study::offset_of_line;
use crate::tui::screens::quiz::{Outcome, QuizState};
use crate::tui::screens::quiz_start::{Scope, StartDialog};
use crate::tui::screens::reader::ReaderState;
use crate::tui::screens::stats::StatsState;
use crate::tui::screens::study::display_title;
use crate::vault::{NoteIx, QuestionOrigin};

impl App {
    /// Opens the start dialog, preset to the highlighted tag or note.
    pub(crate) fn open_start_dialog(&mut self, preferred: Option<Scope>) {
        let note = self.reader.as_ref().map(|r| r.note);
        let mut d = StartDialog::new(&self.vault, note, preferred);
        self.count_available(&mut d);
        self.layers.push(Layer::QuizStart(d));
    }

    /// Sets how many questions the dialog's choices select.
    pub(crate) fn count_available(&self, d: &mut StartDialog) {
        let sel = d.selection(&self.vault, 0);
        let now = (self.clock)();
        d.available =
            select(&self.vault, &sel, &self.history, now, self.offset()).map_or(0, |q| q.len());
    }

    fn offset(&self) -> UtcOffset {
        self.store
            .as_ref()
            .map_or(UtcOffset::UTC, |s| s.local_offset((self.clock)()))
    }

    fn seed(&self) -> u64 {
        (self.clock)().0.unsigned_abs()
    }

    /// Starts a practice quiz on one note's questions, in note order.
    pub(crate) fn quiz_note(&mut self, note: NoteIx) {
        if self.vault.note(note).questions.is_empty() {
            self.say(
                self.lang
                    .pick("이 노트에는 문제가 없습니다", "This note has no questions"),
            );
            return;
        }
        let sel = Selection {
            note: Some(self.vault.note(note).title.to_string()),
            shuffle: Shuffle::Seeded(self.seed()),
            ..Selection::default()
        };
        let title = display_title(self.vault.note(note)).to_owned();
        self.start_quiz(&sel, None, title);
    }

    /// Opens the statistics screen on fresh figures.
    pub(crate) fn open_stats(&mut self) {
        self.refresh_history();
        let now = (self.clock)();
        let stats = match &self.store {
            Some(store) => match store.stats(now) {
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
        self.start_quiz(&sel, None, title);
    }

    /// Starts the quiz the dialog describes.
    pub(crate) fn start_from_dialog(&mut self, d: &StartDialog) {
        let sel = d.selection(&self.vault, self.seed());
        let title = match &d.scopes[d.scope] {
            Scope::All => self.lang.pick("전체", "everything").to_owned(),
            Scope::Note(n) => display_title(self.vault.note(*n)).to_owned(),
            Scope::Tag(t) => format!("#{t}"),
        };
        let exam = d.exam.then_some((None, crate::quiz::DEFAULT_PASS_MARK));
        self.start_quiz(&sel, exam, title);
    }

    /// Starts the quiz `munje quiz …` asked for; errors name the flag.
    pub fn start_from_args(&mut self, args: &QuizArgs) {
        let parsed = args.selection(self.seed());
        match parsed {
            Ok(sel) => {
                let title = args
                    .note
                    .clone()
                    .or_else(|| {
                        (!args.tags.is_empty()).then(|| format!("#{}", args.tags.join(" #")))
                    })
                    .unwrap_or_else(|| self.lang.pick("전체", "everything").to_owned());
                let exam = args.exam.then_some((args.minutes, args.pass));
                self.start_quiz(&sel, exam, title);
            }
            Err(e) => self.error(e),
        }
    }

    /// Selects questions and opens the quiz screen on them.
    fn start_quiz(&mut self, sel: &Selection, exam: Option<(Option<u32>, u32)>, title: String) {
        let now = (self.clock)();
        let questions = match select(&self.vault, sel, &self.history, now, self.offset()) {
            Ok(q) => q,
            Err(e) => return self.error(e.to_string()),
        };
        if questions.is_empty() {
            self.say(self.lang.pick(
                "고른 조건에 맞는 문제가 없습니다",
                "No questions match these choices",
            ));
            return;
        }
        let mode = match exam {
            Some((minutes, pass)) => Mode::Exam(ExamConfig::new(questions.len(), minutes, pass)),
            None => Mode::Practice,
        };
        let seed = match sel.shuffle {
            Shuffle::Seeded(s) => Some(s),
            Shuffle::Off => None,
        };
        let id = SessionId::new(now, std::process::id(), seed.unwrap_or(0));
        let session = QuizSession::new(
            &self.vault,
            &questions,
            SessionConfig {
                mode,
                shuffle: sel.shuffle,
                id,
            },
            now,
        );
        if let Some(store) = &mut self.store {
            self.scheduler = crate::quiz::Scheduler::with_parameters(&store.fsrs_parameters()).ok();
            let r = store.start_session(session.id(), mode.kind(), seed, session.len(), now);
            self.store_result(r);
        }
        self.layers.retain(|l| !matches!(l, Layer::QuizStart(_)));
        self.layers
            .push(Layer::Quiz(Box::new(QuizState::new(session, title, seed))));
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
            Outcome::Finished => {
                let Some(Layer::Quiz(q)) = self.layers.last() else {
                    return;
                };
                let session = q.session.clone();
                if session.is_empty() {
                    return;
                }
                if let Some(store) = &mut self.store {
                    let mut r = Ok(());
                    if let (Mode::Exam(_), Some(s)) = (session.mode(), &self.scheduler) {
                        r = store.schedule(&session.attempts(), s);
                    }
                    let r = r.and_then(|()| {
                        store.finish_session(
                            session.id(),
                            ending_name(session.ending()),
                            session.score().correct,
                            session.exam_result(),
                            now,
                        )
                    });
                    self.store_result(r);
                }
                self.refresh_history();
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
                if matches!(q.origin, QuestionOrigin::Note(_)) {
                    r.scroll_to_offset(offset_of_line(self.vault.note(n), q.line));
                }
                self.layers.push(Layer::Note(r));
            }
            Outcome::Leave => {
                self.layers.pop();
            }
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

    /// Records an answer as it is given: practice answers move the
    /// schedule now, exam answers when the exam ends.
    fn record(&mut self, attempt: &Attempt) {
        if self.store.is_some() {
            self.unsaved.push(attempt.clone());
            self.save_unsaved();
        }
        self.refresh_history();
    }

    /// Saves the answers the store refused earlier, oldest first, stopping
    /// at the first refusal: a database locked by another program loses no
    /// answer, it is kept and saved with the next one (or when the app
    /// ends). Returns how many are still unsaved.
    pub fn save_unsaved(&mut self) -> usize {
        let Some(store) = &mut self.store else {
            return self.unsaved.len();
        };
        while let Some(attempt) = self.unsaved.first() {
            let practice = attempt.mode == crate::quiz::ModeKind::Practice;
            let scheduler = self.scheduler.as_ref().filter(|_| practice);
            if let Err(e) = store.record(attempt, scheduler) {
                let n = self.unsaved.len();
                let note = match self.lang {
                    Lang::Ko => format!(
                        "답을 아직 저장하지 못했습니다 ({e}). 다음 답과 함께 다시 저장합니다 (대기 {n}개)"
                    ),
                    Lang::En => format!(
                        "could not save the answer yet ({e}); it is kept and retried with the next one ({n} waiting)"
                    ),
                };
                self.error(note);
                return n;
            }
            self.unsaved.remove(0);
        }
        0
    }

    /// Reads the answer history again (after answers were recorded).
    pub(crate) fn refresh_history(&mut self) {
        if let Some(store) = &self.store
            && let Ok(h) = store.history()
        {
            self.history = h;
        }
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

/// How an ending is recorded in the store.
fn ending_name(ending: Option<Ending>) -> &'static str {
    match ending {
        Some(Ending::Completed) => "completed",
        Some(Ending::Submitted) => "submitted",
        Some(Ending::TimeUp) => "time_up",
        Some(Ending::Stopped) | None => "stopped",
    }
}
