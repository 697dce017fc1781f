//! The search screen's queries, run off the UI thread. At 100,000 notes a
//! keystroke's search takes tens of milliseconds, and the first 초성 query
//! makes the 초성 form of the whole text (seconds): run on the UI thread,
//! the query box did not even show the key until then. Now each change of
//! the query goes to one search thread, which runs only the newest query
//! waiting and sends its hits back ([`AppEvent::Searched`]); the screen
//! shows the query at once and says it is searching meanwhile. A result
//! for a query typed over is dropped.
//!
//! Tests without an event channel search inline, as before.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use super::app::{App, AppEvent, Layer};
use super::app_event::SearchJob;
use super::screens::search::{SearchState, Searched, hits_of};
use crate::quiz::{History, StudyDay, Timestamp};
use crate::search::{Query, SearchContext, SearchIndex};
use crate::vault::{QuestionId, Vault};

/// The wrong-answer notebook's and today's due questions, for `is:wrong`
/// and `is:due`.
fn question_sets(
    vault: &Vault,
    history: &History,
    (now, day): (Timestamp, StudyDay),
) -> (HashSet<QuestionId>, HashSet<QuestionId>) {
    let mut wrong = HashSet::new();
    let mut due = HashSet::new();
    for q in &vault.questions {
        if let Some(h) = history.get(&q.id) {
            if h.in_notebook() {
                wrong.insert(q.id.clone());
            }
            if h.is_due_today(day, now) {
                due.insert(q.id.clone());
            }
        }
    }
    (wrong, due)
}

/// Runs one query: its hits, how many match, and the tags it names that
/// the vault has not. The progress sets and the vault's tags are read only
/// when the query asks for them.
fn run(
    query: &str,
    index: &SearchIndex,
    vault: &Vault,
    history: &History,
    at: (Timestamp, StudyDay),
) -> Searched {
    let parsed = Query::parse(query);
    let (wrong, due) = if parsed.asks_progress() {
        question_sets(vault, history, at)
    } else {
        (HashSet::new(), HashSet::new())
    };
    let ctx = SearchContext {
        wrong: &wrong,
        due: &due,
    };
    let (hits, total) = hits_of(&parsed, index, &ctx);
    let wanted: Vec<_> = parsed.wanted_tags().collect();
    let unknown_tags = if wanted.is_empty() {
        Vec::new()
    } else {
        crate::search::unknown_tags(vault, wanted)
    };
    Searched {
        generation: 0,
        hits,
        total,
        unknown_tags,
    }
}

/// The search thread: the newest job waiting, run, its hits sent; until
/// the app lets go of its end.
fn serve(jobs: &Receiver<SearchJob>, events: &Sender<AppEvent>) {
    while let Ok(mut job) = jobs.recv() {
        // Keys typed while the last query ran: only the last one counts.
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let SearchJob {
            generation,
            query,
            index,
            vault,
            history,
            at,
        } = job;
        let mut done = run(&query, &index, &vault, &history, at);
        done.generation = generation;
        // The index and vault go before the news does: an edit waiting
        // for them can be put in place then.
        drop((index, vault, history));
        if events.send(AppEvent::Searched(Box::new(done))).is_err() {
            return;
        }
    }
}

impl App {
    /// Runs the open search's query again (it changed, or the notes did):
    /// on the search thread when the app runs, inline in tests.
    pub(crate) fn refresh_search(&mut self) {
        let at = ((self.clock)(), self.study_day);
        let Some(query) = self.search_layer().map(|s| s.query.clone()) else {
            return;
        };
        if self.search_thread_started() {
            self.search_generation += 1;
            let generation = self.search_generation;
            let job = SearchJob {
                generation,
                query: query.clone(),
                index: Arc::clone(&self.index),
                vault: Arc::clone(&self.vault),
                history: Arc::clone(&self.history),
                at,
            };
            let sent = self
                .search_thread
                .as_ref()
                .is_some_and(|jobs| jobs.send(job).is_ok());
            if sent {
                if let Some(s) = self.search_layer() {
                    s.searching = Some(generation);
                }
                return;
            }
            // The thread is gone: this query is searched here, the next
            // starts a thread again.
            self.search_thread = None;
        }
        let done = run(&query, &self.index, &self.vault, &self.history, at);
        if let Some(s) = self.search_layer() {
            s.show(done);
        }
    }

    /// Hits the search thread sent: shown if they answer the query on the
    /// screen now, dropped if it was typed over or closed.
    pub(crate) fn searched(&mut self, done: Searched) {
        if let Some(s) = self.search_layer()
            && s.searching == Some(done.generation)
        {
            s.show(done);
        }
    }

    /// The open search screen, if any.
    fn search_layer(&mut self) -> Option<&mut SearchState> {
        self.layers.iter_mut().rev().find_map(|l| match l {
            Layer::Search(s) => Some(s),
            _ => None,
        })
    }

    /// True when the search thread runs, started on first use; false
    /// without an event channel (tests) or if no thread can start.
    fn search_thread_started(&mut self) -> bool {
        if self.search_thread.is_some() {
            return true;
        }
        let Some(events) = self.events.clone() else {
            return false;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let started = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&rx, &events))
            .is_ok();
        if started {
            self.search_thread = Some(tx);
        }
        started
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::fixture::{self, Drive};

    /// The fixture app with an event channel, so searches go to the
    /// search thread.
    fn app_with_events() -> (App, mpsc::Receiver<AppEvent>) {
        let mut app = fixture::app();
        let (tx, rx) = mpsc::channel();
        app.events = Some(tx);
        (app, rx)
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.act(Action::Input(c));
        }
    }

    fn search(app: &App) -> &SearchState {
        match app.layers.last() {
            Some(Layer::Search(s)) => s,
            _ => panic!("no search screen"),
        }
    }

    /// Events until the search thread's answer to request `generation`.
    fn answer(rx: &mpsc::Receiver<AppEvent>, generation: u64) -> AppEvent {
        loop {
            let event = rx.recv_timeout(Duration::from_secs(20)).unwrap();
            if matches!(&event, AppEvent::Searched(d) if d.generation == generation) {
                return event;
            }
        }
    }

    #[test]
    fn the_query_shows_at_once_and_its_hits_come_from_the_search_thread() {
        let (mut app, rx) = app_with_events();
        app.act(Action::Search);
        typed(&mut app, "스팟");
        let waiting = search(&app).searching.expect("waiting for the thread");
        assert!(search(&app).hits.is_empty());
        let shown = fixture::screen_words(&mut app);
        assert!(
            shown.contains("스팟") && shown.contains("검색중…"),
            "{shown}"
        );

        app.feed(answer(&rx, waiting));
        let s = search(&app);
        assert_eq!(s.searching, None);
        // The hits a search on this thread gives.
        let at = ((app.clock)(), app.study_day);
        let here = run("스팟", &app.index, &app.vault, &app.history, at);
        assert!(!here.hits.is_empty());
        assert_eq!(s.hits, here.hits);
        assert_eq!(s.total, here.total);
        assert!(!fixture::screen_words(&mut app).contains("검색중…"));
    }

    #[test]
    fn hits_of_a_query_typed_over_or_closed_are_dropped() {
        let (mut app, rx) = app_with_events();
        app.act(Action::Search);
        typed(&mut app, "ㅅ");
        let first = search(&app).searching.unwrap();
        typed(&mut app, "ㅍ");
        let second = search(&app).searching.unwrap();
        assert!(second > first);
        // Whether the thread ran the first query or skipped it, its hits
        // never show once the second is asked.
        app.feed(AppEvent::Searched(Box::new(Searched {
            generation: first,
            hits: Vec::new(),
            total: 99,
            unknown_tags: Vec::new(),
        })));
        assert_eq!(search(&app).total, 0);
        assert_eq!(search(&app).searching, Some(second));
        app.feed(answer(&rx, second));
        assert_eq!(search(&app).query, "ㅅㅍ");
        assert!(search(&app).total > 0);
        assert_eq!(
            search(&app).selected().map(|h| h.title.as_str()),
            Some("스팟 인스턴스 활용")
        );

        typed(&mut app, "ㅇ");
        let third = search(&app).searching.unwrap();
        app.act(Action::Back);
        app.feed(answer(&rx, third));
        assert!(app.layers.is_empty(), "closed, nothing to show them on");
    }

    #[test]
    fn a_query_with_an_unknown_tag_and_is_wrong_is_answered_with_the_tag_said() {
        let (mut app, rx) = app_with_events();
        app.act(Action::Search);
        typed(&mut app, "tag:없는태그 is:wrong");
        let waiting = search(&app).searching.unwrap();
        app.feed(answer(&rx, waiting));
        let s = search(&app);
        assert_eq!(s.total, 0);
        assert_eq!(s.unknown_tags.len(), 1, "{:?}", s.unknown_tags);
        assert!(Query::parse("is:due 스팟").asks_progress());
        assert!(!Query::parse("스팟 tag:emr").asks_progress());
    }
}
