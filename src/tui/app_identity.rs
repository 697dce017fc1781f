//! Keeping history attached to edited questions in the app: each time a
//! vault arrives (first load, file-watch reload) the store reconciles with
//! it, on the writer's thread (vault-sized work never runs on this one),
//! and the in-memory history is read again only when a link was made.

use std::sync::Arc;

use super::app::App;
use crate::store::{Reconciled, StoreError, WriteJob};

impl App {
    /// Reconciles the store with the vault just loaded (see
    /// `store::reconcile`); a busy store is tried at the next load.
    pub(super) fn follow_edits(&mut self) {
        if let Some(w) = &self.writer {
            if w.send(WriteJob::Reconcile(Arc::clone(&self.vault), (self.clock)())) {
                self.in_flight += 1;
            }
            return;
        }
        // No writer (tests): reconcile here.
        let Some(store) = self.store.as_mut() else {
            return;
        };
        if store.is_in_memory() {
            return;
        }
        let done = store.reconcile(&self.vault, super::app::system_now());
        self.reconciled(done.map_err(|e: StoreError| e.to_string()));
    }

    /// What reconciling came to: links made are read back into the
    /// history and said on the status line.
    pub(crate) fn reconciled(&mut self, done: Result<Reconciled, String>) {
        let Ok(done) = done else { return };
        if !done.linked.is_empty()
            && let Some(store) = &self.store
            && let Ok(history) = store.history()
        {
            self.history = Arc::new(history);
            self.due_stale = true;
        }
        let msg =
            crate::commands::follow_message(done.linked.len(), done.ambiguous.len(), self.lang);
        if let Some(msg) = msg {
            self.say(msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::quiz::testing::attempt;
    use crate::quiz::{Scheduler, Timestamp};
    use crate::store::Store;
    use crate::tui::app::AppEvent;
    use crate::tui::fixture;

    #[test]
    fn a_reloaded_vault_with_a_fixed_typo_keeps_the_question_s_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = fixture::app();
        a.store = Some(Store::open(&dir.path().join("progress.db"), Timestamp(0)).unwrap());
        a.handle(AppEvent::Loaded(Box::new(fixture::vault())));
        let old = a.vault.questions[0].id.clone();
        let s = Scheduler::new().unwrap();
        let store = a.store.as_mut().unwrap();
        store
            .record(&attempt(&old.0, &['A'], &['B'], 100), Some(&s))
            .unwrap();

        let mut edited = fixture::vault();
        let q = &mut edited.questions[0];
        q.stem = format!("{} ", q.stem).replacen('?', "요?", 1).into();
        let title = q.note_title.clone().unwrap_or_default();
        q.id = crate::vault::question_id(&title, &q.stem.text());
        let new = q.id.clone();
        assert_ne!(new, old);
        a.handle(AppEvent::Reloaded(Box::new(edited)));
        assert_eq!(a.history.get(&new).map(|h| h.attempts), Some(1));
        assert!(a.history.get(&new).unwrap().in_notebook());
    }
}
