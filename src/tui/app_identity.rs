//! Keeping history attached to edited questions in the app: each time a
//! vault arrives (first load, file-watch reload) the store reconciles with
//! it, and the in-memory history is read again only when a link was made.

use super::app::App;

impl App {
    /// Reconciles the store with the vault just loaded (see
    /// `store::reconcile`); a busy store is tried at the next load.
    pub(super) fn follow_edits(&mut self) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        if store.is_in_memory() {
            return;
        }
        let Ok(done) = store.reconcile(&self.vault, super::app::system_now()) else {
            return;
        };
        if !done.linked.is_empty()
            && let Ok(history) = store.history()
        {
            self.history = history;
        }
        let msg =
            crate::commands::follow_message(done.linked.len(), done.ambiguous.len(), self.lang);
        if let Some(msg) = msg {
            self.say(msg);
        }
    }
}
