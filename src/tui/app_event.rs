//! What reaches the app: input, a resize, or news from a worker thread
//! ([`AppEvent`]), and the app's way to ask the loading thread for the
//! whole vault again ([`Reread`]).

use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::screens::search::Searched;
use super::screens::stats::StatsFigures;
use crate::quiz::{History, StudyDay, Timestamp};
use crate::search::SearchIndex;
use crate::store::WriteReport;
use crate::vault::{NoteEdit, Vault};

/// Something that happened: input, a resize, or news from a worker thread.
#[derive(Debug)]
pub enum AppEvent {
    /// A key was pressed (releases and repeats are dropped before `update`).
    Key(KeyEvent),
    /// The mouse was clicked or scrolled.
    Mouse(MouseEvent),
    /// The terminal changed size.
    Resize(u16, u16),
    /// The search index of vault generation `.0` was built off this thread.
    Indexed(u64, Box<SearchIndex>),
    /// Loading progress: files read of files found.
    Progress(usize, usize),
    /// Every note's name and tags, read first so a large vault can be
    /// browsed while the whole load goes on ([`vault::Depth::Card`]).
    Listed(std::sync::Arc<Vault>),
    /// The vault finished loading.
    Loaded(Box<Vault>),
    /// The vault could not be loaded.
    LoadFailed(String),
    /// Notes changed on disk and were loaded again.
    Reloaded(Box<Vault>),
    /// Notes already in the vault changed on disk and were read again
    /// alone, to be put in place ([`App::take_edits`]).
    NotesEdited(Vec<NoteEdit>),
    /// A reload failed; the old vault stays.
    ReloadFailed(String),
    /// Time passed (exam timers redraw).
    Tick,
    /// SIGTERM or SIGHUP: leave cleanly.
    Terminate,
    /// The database writer finished a job.
    Written(WriteReport),
    /// The statistics screen's figures, worked out off this thread.
    StatsReady(Box<StatsFigures>),
    /// The search screen's hits, from the search thread.
    Searched(Box<Searched>),
}

/// One query for the search thread, with what it reads (see `app_search`).
pub struct SearchJob {
    /// Which request this is: the screen waits for its latest.
    pub(crate) generation: u64,
    pub(crate) query: String,
    pub(crate) index: Arc<SearchIndex>,
    pub(crate) vault: Arc<Vault>,
    pub(crate) history: Arc<History>,
    pub(crate) at: (Timestamp, StudyDay),
}

/// Asks whoever loads the vault to read all of it again.
pub struct Reread(Box<dyn Fn()>);

impl Reread {
    /// A request made by calling `ask`.
    pub fn new(ask: impl Fn() + 'static) -> Reread {
        Reread(Box::new(ask))
    }

    /// Asks.
    pub fn ask(&self) {
        (self.0)();
    }
}

impl std::fmt::Debug for Reread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reread")
    }
}
