//! The app's state and its one place of change, `App::update`: input
//! arrives as [`AppEvent`]s, keys become [`Action`]s through the keymap,
//! and each action changes the study screen or the layer on top of it.
//!
//! Drawing lives in `view`; the terminal and the event thread in
//! `terminal` and `event`. Nothing here touches files.

use std::collections::HashSet;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Context, Keymap};
use super::keys::KeyChord;
use super::layout::{Areas, study_panes};
use super::screens::links::LinksState;
use super::screens::pager::{PagerKind, PagerState};
use super::screens::quiz::{Phase, QuizState};
use super::screens::quiz_start::{Scope, StartDialog};
use super::screens::reader::ReaderState;
use super::screens::search::SearchState;
use super::screens::study::StudyList;
use super::theme::Theme;
use crate::cli::QuizArgs;
use crate::i18n::Lang;
use crate::quiz::{History, Scheduler, Timestamp};
use crate::search::{SearchContext, SearchIndex};
use crate::store::Store;
use crate::vault::{NoteIx, QuestionId, Tag, Vault};

/// Something that happened: input, a resize, or news from a worker thread.
#[derive(Debug)]
pub enum AppEvent {
    /// A key was pressed (releases and repeats are dropped before `update`).
    Key(KeyEvent),
    /// The mouse was clicked or scrolled.
    Mouse(MouseEvent),
    /// The terminal changed size.
    Resize(u16, u16),
    /// Loading progress: files read of files found.
    Progress(usize, usize),
    /// The vault finished loading.
    Loaded(Box<Vault>),
    /// The vault could not be loaded.
    LoadFailed(String),
    /// Notes changed on disk and were loaded again.
    Reloaded(Box<Vault>),
    /// A reload failed; the old vault stays.
    ReloadFailed(String),
    /// Time passed (exam timers redraw).
    Tick,
    /// SIGTERM or SIGHUP: leave cleanly.
    Terminate,
}

/// Which study pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The note list.
    #[default]
    List,
    /// The reader.
    Reader,
}

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
    /// The notes and questions.
    pub vault: Vault,
    /// True while the vault is still loading.
    pub loading: Option<(usize, usize)>,
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
    /// The terminal size.
    pub size: Rect,
    /// Set when the app should exit.
    pub quit: bool,
    /// The search index of the current vault.
    pub index: SearchIndex,
    /// The progress store; `None` when it could not be opened (quizzes
    /// still run, answers are not kept).
    pub store: Option<Store>,
    /// Answer history from the store, refreshed after each answer.
    pub history: History,
    /// The clock (fixed in tests).
    pub clock: fn() -> Timestamp,
    /// FSRS scheduling for recorded answers.
    pub scheduler: Option<Scheduler>,
    /// `munje quiz` flags to start a quiz with once the vault is loaded.
    pub pending_quiz: Option<QuizArgs>,
}

/// The system clock.
pub fn system_now() -> Timestamp {
    Timestamp::from_system_time(std::time::SystemTime::now())
}

impl App {
    /// An app on a vault (possibly still empty while loading).
    pub fn new(vault: Vault, lang: Lang, theme: Theme, keymap: Keymap) -> App {
        let index = SearchIndex::build(&vault);
        let mut app = App {
            index,
            store: None,
            history: History::default(),
            clock: system_now,
            scheduler: Scheduler::new().ok(),
            pending_quiz: None,
            vault,
            loading: None,
            lang,
            theme,
            keymap,
            list: StudyList::default(),
            reader: None,
            focus: Focus::List,
            layers: Vec::new(),
            status: None,
            notice: None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
        };
        app.open_first_note();
        app
    }

    fn open_first_note(&mut self) {
        if self.reader.is_none() {
            let rows = self.list.rows(&self.vault);
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
        self.relayout();
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
            Some(Layer::Links(_) | Layer::QuizStart(_)) => Context::Picker,
            Some(Layer::Note(_)) => Context::Reader,
            Some(Layer::Search(_)) => Context::Search,
            Some(Layer::Quiz(q)) => match q.phase {
                Phase::Asking if q.is_exam() => Context::Exam,
                Phase::Asking => Context::Question,
                Phase::Feedback => Context::Feedback,
                Phase::Review { .. } => Context::ExamReview,
                Phase::ConfirmSubmit => Context::Picker,
                Phase::Done => Context::Pager,
            },
            None => match self.focus {
                Focus::List => Context::NoteList,
                Focus::Reader => Context::Reader,
            },
        }
    }

    /// Handles one event.
    pub fn handle(&mut self, event: AppEvent) {
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
            AppEvent::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.relayout();
            }
            AppEvent::Progress(done, total) => self.loading = Some((done, total)),
            AppEvent::Loaded(vault) => {
                self.loading = None;
                self.vault = *vault;
                self.index = SearchIndex::build(&self.vault);
                self.refresh_search();
                self.reader = None;
                self.list = StudyList::default();
                self.open_first_note();
                let (errors, _) = self.vault.diagnostic_counts();
                if let Some(args) = self.pending_quiz.take() {
                    self.start_from_args(&args);
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
                self.reload(*vault);
            }
            AppEvent::Tick => self.tick_quiz(),
            AppEvent::Terminate => self.quit = true,
        }
    }

    /// Replaces the vault with a fresh load, keeping the open note (by
    /// path) and its position.
    pub fn reload(&mut self, vault: Vault) {
        let path_of = |v: &Vault, ix: NoteIx| v.notes.get(ix.0).map(|n| (n.root, n.path.clone()));
        let find = |v: &Vault, key: &Option<(usize, String)>| {
            key.as_ref()
                .and_then(|(root, path)| {
                    v.notes
                        .iter()
                        .position(|n| n.root == *root && &n.path == path)
                })
                .map(NoteIx)
        };
        let open = self
            .reader
            .as_ref()
            .and_then(|r| path_of(&self.vault, r.note));
        let selected = self
            .list
            .selected_note(&self.vault)
            .and_then(|n| path_of(&self.vault, n));
        self.vault = vault;
        self.index = SearchIndex::build(&self.vault);
        self.refresh_search();
        match (find(&self.vault, &open), &mut self.reader) {
            (Some(ix), Some(r)) => {
                r.note = ix;
                r.history.clear();
                r.note_changed();
            }
            _ => self.reader = None,
        }
        self.layers
            .retain(|l| !matches!(l, Layer::Note(_) | Layer::Links(_)));
        if let Some(ix) = find(&self.vault, &selected) {
            self.list.select_note(&self.vault, ix);
        }
        self.say(self.lang.pick("노트를 다시 읽었습니다", "Notes reloaded"));
        self.relayout();
    }

    /// Applies one action: the only place state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Help => self.push(Layer::Pager(PagerState::new(PagerKind::Help))),
            Action::Diagnostics => self.push(Layer::Pager(PagerState::new(PagerKind::Diagnostics))),
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
        self.relayout();
    }

    fn push(&mut self, layer: Layer) {
        let same = |a: &Layer, b: &Layer| match (a, b) {
            (Layer::Pager(x), Layer::Pager(y)) => x.kind == y.kind,
            (Layer::Search(_), Layer::Search(_)) => true,
            _ => false,
        };
        if let Some(top) = self.layers.last()
            && same(top, &layer)
        {
            return;
        }
        self.layers.push(layer);
    }

    fn update_layer(&mut self, action: Action) {
        let Some(top) = self.layers.last_mut() else {
            return;
        };
        match top {
            Layer::Pager(p) => {
                if action == Action::Back {
                    self.layers.pop();
                } else {
                    p.apply(action);
                }
            }
            Layer::Note(r) => {
                if action == Action::Back && !r.back() {
                    self.layers.pop();
                } else if action == Action::Links {
                    let note = r.note;
                    let links = LinksState::new(&self.vault, note);
                    self.layers.push(Layer::Links(links));
                } else {
                    r.apply(action);
                }
            }
            Layer::Quiz(_) => self.update_quiz(action),
            Layer::QuizStart(d) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                other => {
                    if d.apply(other) {
                        let d = d.clone();
                        self.start_from_dialog(&d);
                    } else {
                        let mut d = d.clone();
                        self.count_available(&mut d);
                        if let Some(Layer::QuizStart(top)) = self.layers.last_mut() {
                            *top = d;
                        }
                    }
                }
            },
            Layer::Search(s) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                Action::Confirm => {
                    let hit = s.selected().cloned();
                    match hit {
                        Some(hit) => self.open_hit(&hit),
                        None => self.say(self.lang.pick("열 결과가 없습니다", "No result to open")),
                    }
                }
                other => {
                    if s.apply(other) {
                        self.refresh_search();
                    }
                }
            },
            Layer::Links(l) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                Action::Confirm => {
                    let chosen = l.chosen();
                    self.layers.pop();
                    match chosen {
                        Ok(ix) => self.follow(ix),
                        Err(name) => self.error(format!(
                            "{} \"{name}\"",
                            self.lang
                                .pick("이 볼트에 없는 노트:", "no note in this vault named")
                        )),
                    }
                }
                other => l.apply(other),
            },
        }
    }

    /// Opens a note from a link in whichever reader is showing.
    fn follow(&mut self, ix: NoteIx) {
        if let Some(Layer::Note(r)) = self.layers.last_mut() {
            r.follow(ix);
        } else if let Some(r) = &mut self.reader {
            r.follow(ix);
            self.list.select_note(&self.vault, ix);
        } else {
            self.open_note(ix);
        }
    }

    /// The store's wrong-answer and due sets, for `is:wrong` and `is:due`.
    fn question_sets(&self) -> (HashSet<QuestionId>, HashSet<QuestionId>) {
        let now = (self.clock)();
        let mut wrong = HashSet::new();
        let mut due = HashSet::new();
        for q in &self.vault.questions {
            if let Some(h) = self.history.get(&q.id) {
                if h.in_notebook() {
                    wrong.insert(q.id.clone());
                }
                if h.is_due(now) {
                    due.insert(q.id.clone());
                }
            }
        }
        (wrong, due)
    }

    /// Runs the open search's query again.
    fn refresh_search(&mut self) {
        let (wrong, due) = self.question_sets();
        let ctx = SearchContext {
            wrong: &wrong,
            due: &due,
        };
        for layer in &mut self.layers {
            if let Layer::Search(s) = layer {
                s.refresh(&self.index, &ctx);
            }
        }
    }

    /// Opens a search hit's note scrolled to the hit: in the study reader
    /// from the study screen, else full screen over what is open.
    fn open_hit(&mut self, hit: &crate::search::Hit) {
        let Some(ix) = hit.note.filter(|n| n.0 < self.vault.notes.len()) else {
            self.error(format!(
                "{} \"{}\"",
                self.lang
                    .pick("노트가 없는 문제입니다:", "this question has no note:"),
                hit.title
            ));
            return;
        };
        self.layers.pop();
        let offset = offset_of_line(self.vault.note(ix), hit.line);
        if self.layers.is_empty() {
            self.open_note(ix);
            if let Some(r) = &mut self.reader {
                r.scroll_to_offset(offset);
            }
        } else {
            let mut r = ReaderState::new(ix);
            r.scroll_to_offset(offset);
            self.layers.push(Layer::Note(r));
        }
    }

    /// Opens a note in the study reader, at the top.
    pub fn open_note(&mut self, ix: NoteIx) {
        self.reader = Some(ReaderState::new(ix));
        self.focus = Focus::Reader;
        self.list.select_note(&self.vault, ix);
    }

    fn update_study(&mut self, action: Action) {
        match (self.focus, action) {
            (_, Action::NextPane) => {
                if self.reader.is_some() {
                    self.focus = match self.focus {
                        Focus::List => Focus::Reader,
                        Focus::Reader => Focus::List,
                    };
                }
            }
            (Focus::List, Action::Quit) => self.quit = true,
            (_, Action::Stats) => {
                self.say(self.lang.pick("아직 준비 중입니다", "Not available yet"));
            }
            (Focus::List, Action::StartQuiz) => {
                let rows = self.list.rows(&self.vault);
                let preferred = match rows.get(self.list.cursor) {
                    Some(super::screens::study::ListRow::Tag { path, .. }) => {
                        Tag::parse(path).map(Scope::Tag)
                    }
                    Some(super::screens::study::ListRow::Note { note, .. }) => {
                        Some(Scope::Note(*note))
                    }
                    None => None,
                };
                self.open_start_dialog(preferred);
            }
            (Focus::Reader, Action::StartQuiz) => {
                if let Some(n) = self.reader.as_ref().map(|r| r.note) {
                    self.quiz_note(n);
                }
            }
            (Focus::List, Action::Back) if self.list.filter.is_none() => {
                self.say(self.lang.pick("q를 누르면 종료합니다", "Press q to quit"));
            }
            (Focus::List, other) => {
                if let Some(ix) = self.list.apply(&self.vault, other) {
                    let same = self.reader.as_ref().is_some_and(|r| r.note == ix);
                    if !same {
                        self.reader = Some(ReaderState::new(ix));
                    }
                    self.focus = Focus::Reader;
                }
            }
            (Focus::Reader, Action::Back) => {
                let back = self.reader.as_mut().is_some_and(ReaderState::back);
                if back {
                    if let Some(n) = self.reader.as_ref().map(|r| r.note) {
                        self.list.select_note(&self.vault, n);
                    }
                } else {
                    self.focus = Focus::List;
                }
            }
            (Focus::Reader, Action::Links) => {
                if let Some(r) = &self.reader {
                    let links = LinksState::new(&self.vault, r.note);
                    self.layers.push(Layer::Links(links));
                }
            }
            (Focus::Reader, other) => {
                if let Some(r) = &mut self.reader {
                    r.apply(other);
                }
            }
        }
    }

    /// Lays out whatever depends on the size: reader wrapping, list and
    /// pager heights.
    pub fn relayout(&mut self) {
        let areas = Areas::of(self.size);
        let (list_area, reader_area) = study_panes(areas.main, self.focus, self.reader.is_some());
        if let Some(a) = list_area {
            self.list.scroll_into_view(a.height as usize);
        }
        if let (Some(a), Some(r)) = (reader_area, &mut self.reader) {
            r.layout(
                &self.vault,
                (a.width as usize, a.height as usize),
                &self.theme,
                self.lang,
            );
        }
        let main = areas.main;
        for layer in &mut self.layers {
            match layer {
                Layer::Note(r) => {
                    let inner = super::layout::inner(main);
                    r.layout(
                        &self.vault,
                        (inner.width as usize, inner.height as usize),
                        &self.theme,
                        self.lang,
                    );
                }
                Layer::Pager(p) => {
                    let inner = super::layout::inner(main);
                    p.height = inner.height as usize;
                    p.total = match p.kind {
                        PagerKind::Help => super::screens::pager::help_lines(
                            &self.keymap,
                            &self.theme,
                            self.lang,
                            inner.width as usize,
                        )
                        .len(),
                        PagerKind::Diagnostics => super::screens::pager::diagnostic_lines(
                            &self.vault,
                            &self.theme,
                            self.lang,
                            inner.width as usize,
                        )
                        .len(),
                    };
                }
                Layer::Search(s) => {
                    let inner = super::layout::inner(main);
                    s.fit = (inner.height.saturating_sub(2) / super::screens::search::HIT_ROWS)
                        .max(1) as usize;
                    s.scroll_into_view();
                }
                Layer::Quiz(q) => {
                    let inner = super::layout::inner(main);
                    super::screens::quiz_view::lay_out(q, &self.theme, self.lang, inner);
                }
                Layer::Links(_) | Layer::QuizStart(_) => {}
            }
        }
    }

    fn mouse(&mut self, m: MouseEvent) {
        let areas = Areas::of(self.size);
        let inside = |r: Rect| r.contains(ratatui::layout::Position::new(m.column, m.row));
        if let Some(Layer::Quiz(q)) = self.layers.last()
            && m.kind == MouseEventKind::Down(MouseButton::Left)
        {
            let hit = q
                .option_rows
                .iter()
                .find(|(row, _)| *row == m.row)
                .map(|(_, l)| *l);
            if let Some(letter) = hit {
                self.update(Action::Pick(letter));
            }
            return;
        }
        if !self.layers.is_empty() {
            match m.kind {
                MouseEventKind::ScrollDown => self.update(Action::Down),
                MouseEventKind::ScrollUp => self.update(Action::Up),
                _ => {}
            }
            return;
        }
        let (list_area, reader_area) = study_panes(areas.main, self.focus, self.reader.is_some());
        let over_list = list_area.is_some_and(inside);
        let over_reader = reader_area.is_some_and(inside);
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                if over_list {
                    self.focus = Focus::List;
                } else if over_reader {
                    self.focus = Focus::Reader;
                }
                let act = if down { Action::Down } else { Action::Up };
                for _ in 0..3 {
                    self.update(act);
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(a) = list_area.filter(|_| over_list) {
                    self.focus = Focus::List;
                    let row = self.list.offset + (m.row - a.y) as usize;
                    if row < self.list.rows(&self.vault).len() {
                        self.list.cursor = row;
                        self.update(Action::Confirm);
                    }
                } else if over_reader {
                    self.focus = Focus::Reader;
                }
            }
            _ => {}
        }
    }
}

/// The byte offset in a note's body where a 1-based file line starts.
pub fn offset_of_line(note: &crate::vault::Note, line: usize) -> usize {
    let skip = line.saturating_sub(note.body_line);
    if skip == 0 {
        return 0;
    }
    note.body
        .match_indices('\n')
        .nth(skip - 1)
        .map_or(note.body.len(), |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;
    use crate::vault::SectionKind;

    pub(crate) fn app() -> App {
        App::new(
            fixture::vault(),
            Lang::Ko,
            Theme::default(),
            Keymap::default(),
        )
    }

    #[test]
    fn the_first_note_is_open_at_start_and_the_list_has_focus() {
        let app = app();
        assert_eq!(app.reader.as_ref().map(|r| r.note), Some(NoteIx(0)));
        assert_eq!(app.context(), Context::NoteList);
    }

    #[test]
    fn esc_goes_back_one_level_and_never_quits() {
        let mut app = app();
        app.update(Action::Bottom);
        app.update(Action::Confirm);
        assert_eq!(app.context(), Context::Reader);
        app.update(Action::Help);
        assert_eq!(app.context(), Context::Pager);
        for _ in 0..5 {
            app.update(Action::Back);
        }
        assert_eq!(app.context(), Context::NoteList);
        assert!(!app.quit);
        app.update(Action::Quit);
        assert!(app.quit);
    }

    #[test]
    fn following_a_wikilink_opens_the_note_and_back_returns() {
        let mut app = app();
        app.update(Action::NextPane);
        app.update(Action::JumpSection(SectionKind::Concepts));
        app.update(Action::Links);
        assert_eq!(app.context(), Context::Picker);
        app.update(Action::Confirm);
        assert_eq!(app.reader.as_ref().map(|r| r.note), Some(NoteIx(1)));
        app.update(Action::Back);
        let r = app.reader.as_ref().unwrap();
        assert_eq!(r.note, NoteIx(0));
        assert_eq!(r.section_here(), Some("🔍 주요개념"));
    }

    #[test]
    fn reload_keeps_the_open_note_and_its_position() {
        let mut app = app();
        app.update(Action::NextPane);
        app.update(Action::JumpSection(SectionKind::Questions));
        let mut vault = fixture::vault();
        vault.notes.swap(0, 1);
        vault.notes[1].body.insert_str(0, "추가된 문단.\n\n");
        for s in &mut vault.notes[1].sections {
            s.range = s.range.start + 19..s.range.end + 19;
        }
        app.reload(vault);
        let r = app.reader.as_ref().unwrap();
        assert_eq!(r.note, NoteIx(1));
        assert_eq!(r.section_here(), Some("📚 관련 문제"));
    }

    #[test]
    fn searching_opens_the_note_at_the_hit() {
        let mut app = app();
        app.update(Action::Bottom);
        app.update(Action::Confirm);
        assert_eq!(app.reader.as_ref().map(|r| r.note), Some(NoteIx(0)));
        app.update(Action::Search);
        assert_eq!(app.context(), Context::Search);
        for c in "나뉜다".chars() {
            app.update(Action::Input(c));
        }
        let hit = match app.layers.last() {
            Some(Layer::Search(s)) => s.selected().cloned().unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!(hit.note, Some(NoteIx(1)));
        app.update(Action::Confirm);
        assert!(app.layers.is_empty());
        let r = app.reader.as_ref().unwrap();
        assert_eq!(r.note, NoteIx(1));
        assert_eq!(app.context(), Context::Reader);
    }

    #[test]
    fn esc_from_search_returns_to_where_it_was_opened() {
        let mut app = app();
        app.update(Action::Help);
        app.update(Action::Search);
        app.update(Action::Input('q'));
        assert!(!app.quit, "q types in the search field");
        app.update(Action::Back);
        assert_eq!(app.context(), Context::Pager);
    }

    #[test]
    fn file_lines_map_to_body_offsets() {
        let vault = fixture::vault();
        let note = vault.note(NoteIx(1));
        assert_eq!(offset_of_line(note, 1), 0);
        assert_eq!(&note.body[offset_of_line(note, 3)..][..2], "##");
    }

    #[test]
    fn ctrl_c_quits_from_a_layer() {
        let mut app = app();
        app.update(Action::Diagnostics);
        app.handle(AppEvent::Key(KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('c'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        )));
        assert!(app.quit);
    }
}
