//! The statistics screen's figures, worked out off the UI thread: the
//! 오답노트 over every question, the readiness forecast and the store's
//! totals grow with the vault and the history (about a second at 100,000
//! notes and 300,000 answers), so the screen opens at once saying it is
//! counting, and the figures fill it when a worker sends them.

use std::sync::Arc;

use super::app::{App, AppEvent, Layer};
use super::screens::stats::{StatsFigures, StatsState};
use crate::quiz::{History, Notebook, StudyDay, Timestamp};
use crate::store::Store;
use crate::vault::Vault;

/// The figures of `vault` and `history` on `store`'s totals.
fn figures(
    vault: &Vault,
    history: &History,
    store: Option<&Store>,
    (now, day): (Timestamp, StudyDay),
) -> StatsFigures {
    let mut errors = Vec::new();
    let due = history.due_counts(vault, day, now);
    let stats = store.and_then(|store| {
        store
            .stats(due, now, day)
            .map_err(|e| errors.push(e.to_string()))
            .ok()
    });
    let notebook = Notebook::build(vault, history);
    let (mut readiness, mut exam_scores) = (None, Vec::new());
    if let Some(store) = store {
        let questions: Vec<_> = vault.quizzable().collect();
        let cards = store.cards().unwrap_or_default();
        readiness = Some(crate::quiz::readiness(
            vault,
            history,
            &cards,
            crate::quiz::ForecastInput {
                questions: &questions,
                exam_questions: crate::quiz::EXAM_DEFAULT_QUESTIONS,
                pass_mark: crate::quiz::DEFAULT_PASS_MARK,
                at: crate::quiz::forecast_moment(now, day, None),
            },
        ));
        match store.exam_scores() {
            Ok(scores) => exam_scores = scores.iter().map(|&(_, s, p)| (s, p)).collect(),
            Err(e) => errors.push(e.to_string()),
        }
    }
    StatsFigures {
        stats,
        notebook,
        readiness,
        exam_scores,
        errors,
    }
}

impl App {
    /// Opens the statistics screen on fresh figures: worked out on a
    /// thread of their own when the app runs on a database file (the
    /// screen says it is counting meanwhile), here otherwise.
    pub(crate) fn open_stats(&mut self) {
        if self.questions_not_read_yet() {
            return;
        }
        let at = ((self.clock)(), self.study_day);
        let reader = self
            .store
            .as_ref()
            .filter(|s| !s.is_in_memory())
            .and_then(|s| s.second_connection().ok());
        if let (Some(tx), Some(reader)) = (self.events.clone(), reader) {
            let (vault, history) = (Arc::clone(&self.vault), Arc::clone(&self.history));
            let spawned = std::thread::Builder::new()
                .name("stats".into())
                .spawn(move || {
                    let figures = figures(&vault, &history, Some(&reader), at);
                    // The vault and history go before the news does: an
                    // edit waiting for the vault can be put in place then.
                    drop((vault, history, reader));
                    let _ = tx.send(AppEvent::StatsReady(Box::new(figures)));
                });
            if spawned.is_ok() {
                self.layers.push(Layer::Stats(StatsState::counting()));
                return;
            }
        }
        let figures = figures(&self.vault, &self.history, self.store.as_ref(), at);
        let screen = self.filled(figures);
        self.layers.push(Layer::Stats(screen));
    }

    /// The figures a worker sent, on the screen still counting.
    pub(crate) fn stats_ready(&mut self, figures: StatsFigures) {
        let counting = self
            .layers
            .iter()
            .rposition(|l| matches!(l, Layer::Stats(s) if s.counting));
        // Closed before the figures came: nothing to show them on.
        let Some(i) = counting else { return };
        let screen = self.filled(figures);
        self.layers[i] = Layer::Stats(screen);
    }

    /// The screen on the figures, their errors said on the status line.
    fn filled(&mut self, figures: StatsFigures) -> StatsState {
        let (screen, errors) = StatsState::of(figures);
        for e in errors {
            self.error(e);
        }
        screen
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;
    use crate::quiz::testing::attempt;
    use crate::tui::action::Action;
    use crate::tui::fixture::{self, Drive};

    /// The fixture app on a database file, with a worker's channel.
    fn app_on_a_file(dir: &std::path::Path) -> (App, mpsc::Receiver<AppEvent>) {
        let mut app = fixture::app();
        let now = (app.clock)();
        let mut store = Store::open(&dir.join("progress.db"), now).unwrap();
        let q = app.vault.questions[0].id.clone();
        let a = attempt(&q.0, &['B'], &['A'], 1_700_000_000);
        store.record(&a, None).unwrap();
        app.history = Arc::new(store.history().unwrap());
        app.store = Some(store);
        let (tx, rx) = mpsc::channel();
        app.events = Some(tx);
        (app, rx)
    }

    #[test]
    fn the_screen_opens_at_once_and_the_figures_come_from_a_worker() {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, rx) = app_on_a_file(dir.path());
        app.act(Action::Stats);
        assert!(matches!(app.layers.last(), Some(Layer::Stats(s)) if s.counting));
        assert!(fixture::screen_words(&mut app).contains("통계를계산하는중"));
        let event = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        assert!(matches!(event, AppEvent::StatsReady(_)), "{event:?}");
        app.feed(event);
        let Some(Layer::Stats(s)) = app.layers.last() else {
            panic!("no stats screen")
        };
        assert!(!s.counting);
        // The figures the screen would have worked out itself.
        let store = app.store.as_ref();
        let at = ((app.clock)(), app.study_day);
        let here = figures(&app.vault, &app.history, store, at);
        assert_eq!(s.notebook, here.notebook);
        assert_eq!(s.notebook.questions.len(), 1);
        assert_eq!(s.stats, here.stats);
        assert_eq!(s.exam_scores, here.exam_scores);
        assert!(s.readiness.is_some());
    }

    #[test]
    fn figures_for_a_screen_closed_meanwhile_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, rx) = app_on_a_file(dir.path());
        app.act(Action::Stats);
        app.act(Action::Back);
        let event = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        app.feed(event);
        assert!(app.layers.is_empty());
    }
}
