//! The app's state and its one place of change, `App::update`: input
//! arrives as [`AppEvent`]s (`app_event`), keys become [`Action`]s through the keymap,
//! and each action changes the study screen or the layer on top of it.
//!
//! What an action does on a layer is in `app_layers`, on the study
//! screen in `app_study`. Drawing lives in `view`, and reports back what
//! the next keys need through `frame`; the terminal and the event thread
//! are in `terminal` and `event`. Nothing here touches files.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use ratatui::crossterm::event::KeyEventKind;
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Context, Keymap};
use super::keys::KeyChord;
use super::layout::{Areas, Focus, cells, study_panes};
use super::screens::exams::ExamsState;
use super::screens::links::LinksState;
use super::screens::pager::{PagerKind, PagerState};
use super::screens::quiz::{Phase, QuizState};
use super::screens::quiz_start::StartDialog;
use super::screens::reader::ReaderState;
use super::screens::review::ReviewState;
use super::screens::search::SearchState;
use super::screens::stats::StatsState;
use super::screens::study::StudyList;
use super::theme::Theme;
use crate::i18n::Lang;
use crate::quiz::{Day, DueCounts, History, QuizRequest, StudyDay, Timestamp, UndoPoint};
use crate::search::SearchIndex;
use crate::store::{Store, Writer};
use crate::vault::{NoteEdit, Vault};

pub use super::app_event::{AppEvent, Reread};

/// A screen over the study screen; `Back` removes the top one.
#[derive(Debug)]
pub enum Layer {
    /// Help or diagnostics.
    Pager(PagerState),
    /// Links and backlinks of the open note.
    Links(LinksState),
    /// A note opened from a quiz or a search, full screen.
    Note(ReaderState),
    /// The search screen.
    Search(SearchState),
    /// The quiz start dialog.
    QuizStart(StartDialog),
    /// A running quiz.
    Quiz(Box<QuizState>),
    /// Statistics and the wrong-answer notebook.
    Stats(StatsState),
    /// An exam reviewed question by question.
    Review(Box<ReviewState>),
    /// The exam history.
    Exams(ExamsState),
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}

/// Everything the app knows.
#[derive(Debug)]
pub struct App {
    /// The notes and questions, shared with the threads that index them.
    pub vault: Arc<Vault>,
    /// True while the vault is still loading.
    pub loading: Option<(usize, usize)>,
    /// True while `vault` holds only the notes' names and tags
    /// ([`AppEvent::Listed`]): the list can be browsed, but there are no
    /// bodies or questions until the whole load is done.
    pub cards_only: bool,
    /// UI language.
    pub lang: Lang,
    /// Styles.
    pub theme: Theme,
    /// Key bindings.
    pub keymap: Keymap,
    /// The note list.
    pub list: StudyList,
    /// The reader, once a note was opened.
    pub reader: Option<ReaderState>,
    /// Which study pane has the keys.
    pub focus: Focus,
    /// Screens over the study screen, top last.
    pub layers: Vec<Layer>,
    /// The status line message, cleared by the next key.
    pub status: Option<Status>,
    /// A lasting notice (such as "progress is not being saved").
    pub notice: Option<String>,
    /// The editor `e` opens (`$VISUAL`, else `$EDITOR`).
    pub editor: Option<String>,
    /// A file and line to open in the editor, taken by the main loop,
    /// which suspends the terminal around it.
    pub edit_request: Option<super::editor::EditRequest>,
    /// Entries of the settings file that were not applied, each whole:
    /// listed on top of the diagnostics panel.
    pub config_problems: Vec<String>,
    /// The terminal size.
    pub size: Rect,
    /// Set when the app should exit.
    pub quit: bool,
    /// The search index of the current vault (of the one before while a
    /// new one is built: see `indexing`).
    pub index: Arc<SearchIndex>,
    /// True while the current vault's index is being built off this thread.
    pub indexing: bool,
    /// Counts vaults loaded, so an index built for an older one is dropped.
    pub vault_generation: u64,
    /// Where worker threads report (`None` in tests: work is done inline).
    pub events: Option<Sender<AppEvent>>,
    /// The search thread's queue, once a search ran (see `app_search`).
    pub(crate) search_thread: Option<Sender<super::app_event::SearchJob>>,
    /// Counts the queries sent to the search thread.
    pub(crate) search_generation: u64,
    /// The progress store; `None` when it could not be opened (quizzes
    /// still run, answers are not kept).
    pub store: Option<Store>,
    /// The database writer: answers go to it and never make a key wait
    /// (`None` without a store: quizzes run, nothing is kept).
    pub writer: Option<Writer>,
    /// Jobs sent to the writer and not reported yet.
    pub in_flight: usize,
    /// Answers the store refused so far and the writer keeps retrying.
    pub pending_writes: usize,
    /// The last practice answer's place in the history, to take it back.
    pub undo_point: Option<UndoPoint>,
    /// Answer history: read from the store once, then kept current from
    /// each answer recorded.
    pub history: Arc<History>,
    /// The clock (fixed in tests).
    pub clock: fn() -> Timestamp,
    /// The learner's calendar: what "today" and "due today" mean.
    pub study_day: StudyDay,
    /// The quiz `munje quiz` asked for, started once the vault is loaded.
    pub pending_quiz: Option<QuizRequest>,
    /// Today's due and never-answered counts for the header, and the
    /// learning day they were counted on.
    pub due: (Option<Day>, DueCounts),
    /// Set when the history or the vault changed: recount `due` after the
    /// event (never while drawing).
    pub due_stale: bool,
    /// Notes read again that wait for the vault to be this thread's alone
    /// (a worker still reads it) to be put in place.
    pub edits: Vec<NoteEdit>,
    /// Asks for the whole vault to be read again (`None` in tests and on
    /// the bundled deck).
    pub reread: Option<Reread>,
    /// The counts behind `due`, moved question by question.
    pub(crate) due_tally: Option<crate::quiz::DueTally>,
    /// Questions whose history changed since `due` was counted.
    pub(crate) due_touched: Vec<crate::vault::QuestionId>,
}

/// The system clock.
pub fn system_now() -> Timestamp {
    Timestamp::from_system_time(std::time::SystemTime::now())
}

impl App {
    /// An app on a vault (possibly still empty while loading).
    pub fn new(vault: Vault, lang: Lang, theme: Theme, keymap: Keymap) -> App {
        let index = Arc::new(SearchIndex::build(&vault));
        let mut app = App {
            index,
            indexing: false,
            vault_generation: 0,
            events: None,
            search_thread: None,
            search_generation: 0,
            store: None,
            writer: None,
            in_flight: 0,
            pending_writes: 0,
            undo_point: None,
            history: Arc::default(),
            clock: system_now,
            study_day: StudyDay::default(),
            pending_quiz: None,
            due: (None, DueCounts::default()),
            due_stale: true,
            edits: Vec::new(),
            reread: None,
            due_tally: None,
            due_touched: Vec::new(),
            vault: Arc::new(vault),
            loading: None,
            cards_only: false,
            lang,
            theme,
            keymap,
            list: StudyList::default(),
            reader: None,
            focus: Focus::List,
            layers: Vec::new(),
            status: None,
            notice: None,
            config_problems: Vec::new(),
            editor: None,
            edit_request: None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
        };
        app.open_first_note();
        app
    }

    fn open_first_note(&mut self) {
        self.list.refresh(&self.vault);
        if self.reader.is_none() {
            let rows = &self.list.shown;
            if let Some(i) = rows
                .iter()
                .position(|r| matches!(r, super::screens::study::ListRow::Note { .. }))
            {
                self.list.cursor = i;
                if let Some(n) = self.list.selected_note(&self.vault) {
                    self.reader = Some(ReaderState::new(n));
                }
            }
        }
        self.wrap_readers();
    }

    /// Builds the search index of the current vault: on a worker thread
    /// when the app runs (the list is usable meanwhile and the header says
    /// so), inline in tests.
    pub(crate) fn rebuild_index(&mut self) {
        self.vault_generation += 1;
        let generation = self.vault_generation;
        let spawned = self.events.clone().is_some_and(|tx| {
            let vault = Arc::clone(&self.vault);
            std::thread::Builder::new()
                .name("index".into())
                .spawn(move || {
                    let mut index = SearchIndex::build(&vault);
                    index.prepare_choseong();
                    let _ = tx.send(AppEvent::Indexed(generation, Box::new(index)));
                })
                .is_ok()
        });
        if spawned {
            self.indexing = true;
        } else {
            self.index = Arc::new(SearchIndex::build(&self.vault));
            self.indexing = false;
        }
        self.refresh_search();
    }

    /// Shows a message in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows an error in the status line.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// The context keys are read in now.
    pub fn context(&self) -> Context {
        match self.layers.last() {
            Some(Layer::Pager(_)) => Context::Pager,
            Some(Layer::Links(_) | Layer::QuizStart(_) | Layer::Exams(_)) => Context::Picker,
            Some(Layer::Note(_)) => Context::Reader,
            Some(Layer::Search(_)) => Context::Search,
            Some(Layer::Stats(_)) => Context::Stats,
            Some(Layer::Review(_)) => Context::ExamAnswers,
            Some(Layer::Quiz(q)) => match q.phase {
                Phase::Asking if q.is_exam() => Context::Exam,
                Phase::Asking => Context::Question,
                Phase::Feedback => Context::Feedback,
                Phase::Review { .. } => Context::ExamReview,
                Phase::ConfirmSubmit => Context::ExamSubmit,
                Phase::Done if q.is_exam() => Context::ExamResult,
                Phase::Done => Context::Summary,
                Phase::Revisit { .. } => Context::Revisit,
            },
            None => match self.focus {
                Focus::List => Context::NoteList,
                Focus::Reader => Context::Reader,
            },
        }
    }

    /// Handles one event.
    pub fn handle(&mut self, event: AppEvent) {
        self.handle_event(event);
        if !self.edits.is_empty() {
            // A worker that read the vault may have let go of it.
            self.put_edits_in_place();
        }
        self.wrap_readers();
        self.recount_due();
    }

    /// Recounts today's due questions when the vault or the whole history
    /// changed, or a new learning day began; moves the counts by the
    /// questions answered since otherwise (see `DueTally`).
    pub(crate) fn recount_due(&mut self) {
        let now = (self.clock)();
        let today = self.study_day.day(now);
        let touched = std::mem::take(&mut self.due_touched);
        match &mut self.due_tally {
            Some(t) if !self.due_stale && t.day() == today => {
                for id in &touched {
                    t.update(&self.vault, &self.history, id, self.study_day, now);
                }
                self.due = (Some(today), t.counts());
            }
            _ => {
                let t =
                    crate::quiz::DueTally::count(&self.vault, &self.history, self.study_day, now);
                self.due = (Some(today), t.counts());
                self.due_tally = Some(t);
                self.due_stale = false;
            }
        }
    }

    fn handle_event(&mut self, event: AppEvent) {
        match event {
            AppEvent::Key(key) => {
                if key.kind == KeyEventKind::Release {
                    return;
                }
                let chord = KeyChord::from_event(&key);
                if let Some(action) = self.keymap.action(self.context(), chord) {
                    self.status = None;
                    self.update(action);
                }
            }
            AppEvent::Mouse(m) => self.mouse(m),
            AppEvent::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            AppEvent::Progress(done, total) => self.loading = Some((done, total)),
            AppEvent::Listed(vault) => {
                // Not followed for edits: a list without questions would
                // look like every question was removed.
                self.cards_only = true;
                self.vault = vault;
                self.rebuild_index();
                self.reader = None;
                self.list = StudyList::default();
                self.open_first_note();
            }
            AppEvent::Loaded(vault) => {
                self.loading = None;
                self.due_stale = true;
                if std::mem::take(&mut self.cards_only) {
                    // The names' index goes at once, not after the whole
                    // one is built: the two together would be the app's
                    // largest moment.
                    self.index = Arc::new(SearchIndex::build(&Vault::default()));
                    // The learner may be browsing the list: stay where they are.
                    self.replace_vault(*vault);
                } else {
                    self.vault = Arc::new(*vault);
                    self.follow_edits();
                    self.rebuild_index();
                    self.reader = None;
                    self.list = StudyList::default();
                    self.open_first_note();
                }
                let (errors, _) = self.vault.diagnostic_counts();
                if let Some(request) = self.pending_quiz.take() {
                    self.start_quiz(&request);
                } else if errors > 0 {
                    self.say(self.lang.pick(
                        "노트에 오류가 있습니다: d로 진단 보기",
                        "Some notes have errors: press d for diagnostics",
                    ));
                }
            }
            AppEvent::LoadFailed(msg) | AppEvent::ReloadFailed(msg) => {
                self.loading = None;
                self.error(msg);
            }
            AppEvent::Reloaded(vault) => {
                self.loading = None;
                self.due_stale = true;
                // Read before this whole vault: in it already.
                self.edits.clear();
                self.reload(*vault);
            }
            AppEvent::NotesEdited(edits) => self.take_edits(edits),
            AppEvent::Tick => {
                self.tick_quiz();
                self.retry_writes();
            }
            AppEvent::Written(report) => self.written(report),
            AppEvent::StatsReady(figures) => self.stats_ready(*figures),
            AppEvent::Searched(done) => self.searched(*done),
            AppEvent::Indexed(generation, index) => {
                if generation == self.vault_generation {
                    self.index = Arc::from(index);
                    self.indexing = false;
                    self.refresh_search();
                }
            }
            AppEvent::Terminate => self.quit = true,
        }
    }

    /// Applies one action: the only place state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Help => {
                // Open at the keys of the screen the learner is on.
                let here = self.context();
                let mut pager = PagerState::new(PagerKind::Help);
                if here != Context::Global {
                    pager.start_at = Some(here.title(self.lang).to_owned());
                }
                self.push(Layer::Pager(pager));
            }
            Action::Diagnostics => self.push(Layer::Pager(PagerState::new(PagerKind::Diagnostics))),
            Action::Stats if !matches!(self.layers.last(), Some(Layer::Stats(_))) => {
                self.open_stats();
            }
            Action::Search if !matches!(self.layers.last(), Some(Layer::Search(_))) => {
                self.layers.push(Layer::Search(SearchState::default()));
            }
            Action::ToggleTheme => {
                self.theme = self.theme.toggled();
            }
            _ => match self.layers.last_mut() {
                Some(_) => self.update_layer(action),
                None => self.update_study(action),
            },
        }
        self.wrap_readers();
    }

    /// Wraps each reader's note for its pane, when the note, the width,
    /// the theme or the language changed since it was last wrapped (the
    /// wrapped note is a cache: keys move through it between frames);
    /// otherwise only takes the pane's height and clamps the scroll.
    pub fn wrap_readers(&mut self) {
        let areas = Areas::of(self.size);
        let (_, reader_area) = study_panes(areas.main, self.focus, self.reader.is_some());
        if let (Some(a), Some(r)) = (reader_area, &mut self.reader) {
            r.layout(&self.vault, cells(a), &self.theme, self.lang);
        }
        let full = cells(super::layout::inner(areas.main));
        for layer in &mut self.layers {
            if let Layer::Note(r) = layer {
                r.layout(&self.vault, full, &self.theme, self.lang);
            }
        }
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
