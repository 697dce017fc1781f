//! Live reload of notes edited on disk, at the cost of those notes: each
//! is put in place in the vault the app holds ([`Vault::apply_edit`]), the
//! search index follows, and the list, readers and searches show it.
//! An edit one note cannot carry asks for the whole vault again.

use std::sync::Arc;

use super::app::{App, Layer};
use crate::search::Replaced;
use crate::vault::{Edited, NoteEdit};

impl App {
    /// Notes read again after they changed on disk: put in place now, or
    /// as soon as no worker reads the vault any more.
    pub fn take_edits(&mut self, edits: Vec<NoteEdit>) {
        if self.cards_only {
            // The whole vault is on its way and reads them itself.
            return;
        }
        self.edits.extend(edits);
        self.put_edits_in_place();
    }

    /// Puts the waiting edits in place if the vault is this thread's
    /// alone; otherwise they wait for the next event.
    pub(crate) fn put_edits_in_place(&mut self) {
        // The search index follows the edits: the search thread must have
        // let go of it too.
        if Arc::get_mut(&mut self.index).is_none() {
            return;
        }
        let Some(vault) = Arc::get_mut(&mut self.vault) else {
            return;
        };
        let mut done = Vec::new();
        for edit in std::mem::take(&mut self.edits) {
            if let Ok(edited) = vault.apply_edit(edit) {
                done.push(edited);
            } else {
                // Those left are read with everything else.
                if let Some(reread) = &self.reread {
                    reread.ask();
                }
                break;
            }
        }
        if !done.is_empty() {
            self.show_edits(&done);
        }
    }

    /// The list, readers, searches and counts after notes changed in place.
    fn show_edits(&mut self, done: &[Edited]) {
        match self.list.selected_note(&self.vault) {
            // Where it is now: a new name moves it in the list.
            Some(ix) => self.list.select_note(&self.vault, ix),
            None => self.list.refresh(&self.vault),
        }
        let changed = |ix| done.iter().any(|e| e.note == ix);
        if let Some(r) = &mut self.reader
            && changed(r.note)
        {
            r.note_changed();
        }
        for layer in &mut self.layers {
            if let Layer::Note(r) = layer
                && changed(r.note)
            {
                r.note_changed();
            }
        }
        // Backlinks were found in the notes as they were.
        self.layers.retain(|l| !matches!(l, Layer::Links(_)));
        self.tally_edits(done);
        self.follow_edits();
        self.index_edits(done);
        self.say_reloaded();
    }

    /// Today's due counts after notes changed in place: moved by their
    /// questions, or counted again when there is no count to move.
    fn tally_edits(&mut self, done: &[Edited]) {
        let Some(tally) = &mut self.due_tally else {
            self.due_stale = true;
            return;
        };
        let now = (self.clock)();
        for e in done {
            let moved = (e.questions_before.clone(), e.questions_after.clone());
            tally.replace(&self.vault, &self.history, moved, self.study_day, now);
        }
    }

    /// The search index after notes changed in place: each note replaced
    /// in it at the cost of the note, unless an index of the vault as it
    /// was is still on its way, which is then made again.
    fn index_edits(&mut self, done: &[Edited]) {
        if self.indexing {
            self.rebuild_index();
            return;
        }
        // Nothing else holds the index: edits wait for that.
        if let Some(index) = Arc::get_mut(&mut self.index) {
            let stale = done
                .iter()
                .any(|e| index.replace_note(&self.vault, e.note) == Replaced::Stale);
            if stale {
                // Built again off this thread, as after a load.
                self.rebuild_index();
                return;
            }
        }
        self.refresh_search();
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::path::{Path, PathBuf};
    use std::rc::Rc;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::app::{AppEvent, Reread};
    use crate::tui::fixture::{Drive, screen_words};
    use crate::vault::{LoadOptions, NoteIx, Vault, read_note};

    /// Three bundled notes copied into a folder, and the app on them.
    fn app_on_copies() -> (tempfile::TempDir, PathBuf, App) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("vault");
        std::fs::create_dir_all(&root).unwrap();
        let spot = Path::new(env!("CARGO_MANIFEST_DIR")).join("notes/spot");
        let mut names: Vec<_> = std::fs::read_dir(&spot)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names.iter().take(3) {
            std::fs::copy(p, root.join(p.file_name().unwrap())).unwrap();
        }
        let vault = crate::vault::load(
            std::slice::from_ref(&root),
            &LoadOptions::default(),
            &|_| {},
        )
        .unwrap();
        let mut app = App::new(
            Vault::default(),
            crate::i18n::Lang::Ko,
            crate::tui::theme::Theme::default(),
            crate::tui::keymap::Keymap::default(),
        );
        app.feed(AppEvent::Loaded(Box::new(vault)));
        (dir, root, app)
    }

    /// An index that cannot take an edit in place (here, one of another
    /// vault) is built again on a thread of its own, as after a load: the
    /// UI thread does not wait seconds for it at 100,000 notes.
    #[test]
    fn an_index_that_cannot_take_an_edit_is_built_again_off_the_ui_thread() {
        let (_dir, root, mut app) = app_on_copies();
        let (tx, rx) = std::sync::mpsc::channel();
        app.events = Some(tx);
        app.index = std::sync::Arc::new(crate::search::SearchIndex::build(&Vault::default()));
        let path = root.join(&*app.vault.notes[0].path);
        let text = std::fs::read_to_string(&path).unwrap();
        let heading = text
            .lines()
            .find(|l| l.starts_with("# "))
            .unwrap()
            .to_owned();
        std::fs::write(&path, text.replacen(&heading, "# 다시만든색인", 1)).unwrap();
        let edit = read_note(&[&root], &path, &LoadOptions::default()).unwrap();
        app.feed(AppEvent::NotesEdited(vec![edit]));
        assert!(app.indexing, "the index is being built on its own thread");
        let indexed = loop {
            let event = rx.recv_timeout(std::time::Duration::from_secs(20)).unwrap();
            if matches!(event, AppEvent::Indexed(..)) {
                break event;
            }
        };
        app.feed(indexed);
        assert!(!app.indexing);
        let query = crate::search::Query::parse("다시만든색인");
        let none = std::collections::HashSet::new();
        let ctx = crate::search::SearchContext {
            wrong: &none,
            due: &none,
        };
        let hits = app.index.search(&query, &ctx, 5);
        assert_eq!(
            hits.first().map(|h| h.path.as_str()),
            Some(&*app.vault.notes[0].path)
        );
    }

    #[test]
    fn an_edited_note_shows_in_the_list_the_reader_and_search_at_once() {
        let (_dir, root, mut app) = app_on_copies();
        app.size = ratatui::layout::Rect::new(0, 0, 120, 40);
        app.act(Action::NextPane);
        let open = app.reader.as_ref().map(|r| r.note).unwrap();
        let before = app.vault.note(open).questions.len();
        let path = root.join(&*app.vault.note(open).path);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen(
            "## 🎯 핵심 포인트\n",
            "## 🎯 핵심 포인트\n\n고쳐쓴문단입니다.\n",
            1,
        );
        let text = match text.rfind("**Question") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        let heading = text
            .lines()
            .find(|l| l.starts_with("# "))
            .unwrap()
            .to_owned();
        let text = text.replacen(&heading, "# 새로 고친 제목", 1);
        std::fs::write(&path, text).unwrap();

        let edit = read_note(&[&root], &path, &LoadOptions::default()).unwrap();
        app.feed(AppEvent::NotesEdited(vec![edit]));
        assert_eq!(
            app.reader.as_ref().map(|r| r.note),
            Some(open),
            "the same note stays open"
        );
        assert_eq!(app.vault.note(open).questions.len(), before - 1);
        let now = (app.clock)();
        assert_eq!(
            app.due.1,
            app.history.due_counts(&app.vault, app.study_day, now)
        );
        assert!(app.due_tally.is_some(), "moved, not counted again");
        let shown = screen_words(&mut app);
        assert!(shown.contains("새로고친제목"), "{shown}");
        assert!(shown.contains("고쳐쓴문단입니다"), "{shown}");
        assert!(shown.contains("노트를다시읽었습니다"), "{shown}");

        app.act(Action::Search);
        for c in "고쳐쓴문단".chars() {
            app.act(Action::Input(c));
        }
        let Some(Layer::Search(s)) = app.layers.last() else {
            panic!("no search")
        };
        assert_eq!(s.selected().and_then(|h| h.note), Some(open));
    }

    #[test]
    fn an_edit_that_one_note_cannot_carry_asks_for_the_whole_vault() {
        let (_dir, root, mut app) = app_on_copies();
        let asked = Rc::new(Cell::new(0));
        let count = Rc::clone(&asked);
        app.reread = Some(Reread::new(move || count.set(count.get() + 1)));
        let notes = app.vault.notes.len();
        let selected = app.list.selected_note(&app.vault);
        let new = root.join("new-note.md");
        std::fs::write(&new, "# 새 노트\n").unwrap();
        let edit = read_note(&[&root], &new, &LoadOptions::default()).unwrap();
        app.feed(AppEvent::NotesEdited(vec![edit]));
        assert_eq!(asked.get(), 1);
        assert_eq!(
            app.vault.notes.len(),
            notes,
            "the vault waits for the whole read"
        );
        assert!(app.edits.is_empty());
        assert_eq!(app.list.selected_note(&app.vault), selected);
    }

    #[test]
    fn an_edit_waits_while_a_worker_reads_the_vault() {
        let (_dir, root, mut app) = app_on_copies();
        let held = Arc::clone(&app.vault);
        an_edit_waits_for(&mut app, &root, held);
    }

    #[test]
    fn an_edit_waits_while_the_search_thread_reads_the_index() {
        let (_dir, root, mut app) = app_on_copies();
        let held = Arc::clone(&app.index);
        an_edit_waits_for(&mut app, &root, held);
        app.act(Action::Search);
        for c in "덧붙인".chars() {
            app.act(Action::Input(c));
        }
        let Some(Layer::Search(s)) = app.layers.last() else {
            panic!("no search")
        };
        assert_eq!(s.selected().and_then(|h| h.note), Some(NoteIx(1)));
    }

    /// An edit of the second note waits while `held` is held elsewhere,
    /// and is put in place at the first event after it is let go.
    fn an_edit_waits_for<T>(app: &mut App, root: &Path, held: Arc<T>) {
        let path = root.join(&*app.vault.notes[1].path);
        let text = std::fs::read_to_string(&path).unwrap() + "\n덧붙인 문장.\n";
        std::fs::write(&path, text).unwrap();
        let edit = read_note(&[root], &path, &LoadOptions::default()).unwrap();
        app.feed(AppEvent::NotesEdited(vec![edit]));
        assert_eq!(app.edits.len(), 1);
        assert!(!app.vault.body(&app.vault.notes[1]).contains("덧붙인 문장"));
        drop(held);
        app.feed(AppEvent::Tick);
        assert!(app.edits.is_empty());
        assert!(app.vault.body(&app.vault.notes[1]).contains("덧붙인 문장"));
    }

    #[test]
    fn a_question_shown_before_an_edit_is_found_where_it_moved() {
        let (_dir, root, mut app) = app_on_copies();
        // A question of the last note, whose index moves when an earlier
        // note loses one.
        let last = app.vault.notes.len() - 1;
        let later = *app.vault.notes[last].questions.last().unwrap();
        let later_id = app.vault.question(later).id.clone();
        let first = (0..last)
            .find(|&i| !app.vault.notes[i].questions.is_empty())
            .unwrap();
        let gone = *app.vault.notes[first].questions.last().unwrap();
        let gone_id = app.vault.question(gone).id.clone();
        let path = root.join(&*app.vault.notes[first].path);
        let text = std::fs::read_to_string(&path).unwrap();
        let cut = text.rfind("**Question").unwrap();
        std::fs::write(&path, &text[..cut]).unwrap();
        let edit = read_note(&[&root], &path, &LoadOptions::default()).unwrap();
        app.feed(AppEvent::NotesEdited(vec![edit]));

        let now = app.question_now(later, &later_id).unwrap();
        assert_eq!(now.0, later.0 - 1);
        assert_eq!(app.vault.question(now).id, later_id);
        assert_eq!(app.question_now(gone, &gone_id), None);
        let said = app.status.as_ref().map(|s| s.text.clone());
        assert_eq!(said.as_deref(), Some("이 문제는 노트에서 지워졌습니다"));
        // Past the end of the questions now: no panic, only the message.
        let past = crate::vault::QuestionIx(app.vault.questions.len());
        app.edit_question(past, &gone_id);
        assert!(app.edit_request.is_none());
    }
}
