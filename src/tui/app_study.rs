//! The app's study side: the note list and reader, links, search hits
//! opening notes, and the mouse. Part of `App::update`'s one place of
//! change, split out by subject.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Layer};
use super::layout::{Areas, Focus, study_panes};
use super::screens::links::LinksState;
use super::screens::quiz_start::Scope;
use super::screens::reader::ReaderState;

use crate::vault::{NoteIx, QuestionId, QuestionIx, Tag, Vault};

impl App {
    /// Replaces the vault with a fresh load, keeping the open note (by
    /// path) and its position.
    pub fn reload(&mut self, vault: Vault) {
        self.replace_vault(vault);
        self.say_reloaded();
    }

    /// Says the notes on screen were read again (a whole read, or edited
    /// notes put in place).
    pub(crate) fn say_reloaded(&mut self) {
        self.say(self.lang.pick("노트를 다시 읽었습니다", "Notes reloaded"));
    }

    /// Takes a new vault, keeping the open note and the list's selection
    /// where they are when those notes are still there.
    pub(crate) fn replace_vault(&mut self, vault: Vault) {
        let path_of = |v: &Vault, ix: NoteIx| {
            v.notes
                .get(ix.0)
                .map(|n| (n.root, std::sync::Arc::clone(&n.path)))
        };
        let find = |v: &Vault, key: &Option<(usize, std::sync::Arc<str>)>| {
            key.as_ref()
                .and_then(|(root, path)| {
                    v.notes
                        .iter()
                        .position(|n| n.root == *root && n.path == *path)
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
        self.vault = std::sync::Arc::new(vault);
        self.follow_edits();
        self.list.refresh(&self.vault);
        self.rebuild_index();
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
        self.wrap_readers();
    }

    /// Where a question a quiz or review showed is in the vault now: notes
    /// edited since may have moved it, or taken it away (said on the
    /// status line).
    pub(crate) fn question_now(&mut self, ix: QuestionIx, id: &QuestionId) -> Option<QuestionIx> {
        let found = if self.vault.questions.get(ix.0).is_some_and(|q| q.id == *id) {
            Some(ix)
        } else {
            self.vault
                .questions
                .iter()
                .position(|q| q.id == *id)
                .map(QuestionIx)
        };
        if found.is_none() {
            self.say(self.lang.pick(
                "이 문제는 노트에서 지워졌습니다",
                "This question is no longer in the notes",
            ));
        }
        found
    }

    /// Opens a note from a link in whichever reader is showing.
    pub(crate) fn follow(&mut self, ix: NoteIx) {
        if let Some(Layer::Note(r)) = self.layers.last_mut() {
            r.follow(ix);
        } else if let Some(r) = &mut self.reader {
            r.follow(ix);
            self.list.select_note(&self.vault, ix);
        } else {
            self.open_note(ix);
        }
    }

    /// Opens a search hit's note scrolled to the hit: in the study reader
    /// from the study screen, else full screen over what is open.
    pub(crate) fn open_hit(&mut self, hit: &crate::search::Hit) {
        let Some(ix) = hit.note.filter(|n| n.0 < self.vault.notes.len()) else {
            self.error(format!(
                "{} \"{}\"",
                self.lang
                    .pick("노트가 없는 문제입니다:", "this question has no note:"),
                hit.name()
            ));
            return;
        };
        self.layers.pop();
        let offset = offset_of_line(&self.vault, self.vault.note(ix), hit.line);
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

    pub(crate) fn update_study(&mut self, action: Action) {
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
            (Focus::List, Action::StartQuiz) => {
                let preferred = match self.list.selected_row(&self.vault) {
                    Some(super::screens::study::ListRow::Tag(tag)) => {
                        Tag::parse(&tag.path).map(Scope::Tag)
                    }
                    Some(super::screens::study::ListRow::Note { note, .. }) => {
                        Some(Scope::Note(note))
                    }
                    None => None,
                };
                self.open_start_dialog(preferred);
            }
            (_, Action::ReviewDue) => self.review_due(),
            (Focus::Reader, Action::Edit) => {
                if let Some(r) = &self.reader {
                    let (note, line) = (r.note, r.top_line(&self.vault));
                    self.edit_note(note, line);
                }
            }
            (Focus::Reader, Action::StartQuiz) => {
                // The same dialog as from the list, on this note: a quiz
                // never starts (and nothing is answered) on one key.
                let note = self.reader.as_ref().map(|r| Scope::Note(r.note));
                self.open_start_dialog(note);
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

    pub(crate) fn mouse(&mut self, m: MouseEvent) {
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
                    if row < self.list.shown.len() {
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
pub fn offset_of_line(vault: &Vault, note: &crate::vault::Note, line: usize) -> usize {
    vault.offset_of_line(note, line)
}

impl App {
    /// Asks the main loop to open a note in the editor at a line.
    pub(crate) fn edit_note(&mut self, note: NoteIx, line: usize) {
        let n = self.vault.note(note);
        let (root, path) = (n.root, n.path.clone());
        self.edit_file(root, &path, line);
    }

    /// Asks the main loop to open a question where it is written: its
    /// note, or its question bank.
    pub(crate) fn edit_question(&mut self, ix: QuestionIx, id: &QuestionId) {
        let Some(ix) = self.question_now(ix, id) else {
            return;
        };
        let q = self.vault.question(ix);
        let line = q.line;
        let place = match q.origin {
            crate::vault::QuestionOrigin::Note(n) => {
                let n = self.vault.note(n);
                Some((n.root, n.path.to_string()))
            }
            crate::vault::QuestionOrigin::Bank(b) => {
                self.vault.banks.get(b).map(|b| (b.root, b.path.clone()))
            }
        };
        if let Some((root, path)) = place {
            self.edit_file(root, &path, line);
        }
    }

    fn edit_file(&mut self, root: usize, path: &str, line: usize) {
        if self.editor.is_none() {
            return self.say(self.lang.pick(
                "편집기가 없습니다: 셸에서 VISUAL이나 EDITOR를 설정하세요 (예: export EDITOR=vim)",
                "No editor set: set VISUAL or EDITOR in your shell (e.g. export EDITOR=vim)",
            ));
        }
        let Some(root) = self.vault.roots.get(root).filter(|r| !r.starts_with('(')) else {
            return self.say(self.lang.pick(
                "내장 덱은 편집할 수 없습니다: --notes로 내 노트를 여세요",
                "The bundled deck cannot be edited: open your own notes with --notes",
            ));
        };
        self.edit_request = Some(super::editor::EditRequest {
            path: std::path::Path::new(root).join(path),
            line,
        });
    }
}
