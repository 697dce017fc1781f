//! History at scale: a year of answers (300,000 attempts by default, over
//! the bundled deck's questions and 10,000 more question ids) and what it
//! costs to use it.
//!
//! - `record answer`: one practice answer as the app's writer records it
//!   (the in-memory history, then the shared `Recorder`: write, schedule,
//!   summary triggers), with no history and with the large one: it must
//!   not grow with the history.
//! - `re-read history`: what every answer used to cost (the whole history
//!   read back from the store), for comparison.
//! - `stats`: the figures of `munje stats` (SQL aggregates, the history read
//!   once, due counts over the vault).
//! - `open store`: a writable opening with the whole-file check first, and
//!   with it beside the first reads (what `quiz`, `wrong` and the app do).
//! - `select --due/--wrong/--weakest`: the history read and the selection
//!   `munje quiz` and the app's quiz start make.
//! - `notebook`: the 오답노트 of `munje wrong` and the stats screen.
//! - `stats screen`: everything the app's stats screen computes on opening.
//! - `due counts`: the app's whole recount (`recount_due` on a new vault
//!   or day), and the move by one answered question (`DueTally`), what an
//!   answer costs it.
//!
//! `cargo bench --bench history`. The history database is generated once
//! into `target/bench-history-N.db` (`MUNJE_BENCH_ATTEMPTS=N` changes N).
//! `MUNJE_BENCH_VAULT=DIR` measures the last four on that vault instead of
//! the bundled deck, over a history of its own question ids
//! (`target/bench-history-N-DIRNAME.db`). `MUNJE_BENCH_ONCE=stats` runs
//! `munje stats`'s work once and exits, for `/usr/bin/time -v`.

// A generator of test data: counts far below the limits. And harness code,
// like a test: when its setup fails there is nothing to measure, and
// stopping with the reason is the right outcome.
#![allow(
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use munje::quiz::{
    Attempt, History, ModeKind, Notebook, Rating, Scheduler, Selection, SessionId, StudyDay,
    Timestamp, select,
};
use munje::store::{Recorder, Store};
use munje::vault::{QuestionId, Vault, load_bundled};

const DAY_MS: i64 = 86_400_000;

fn attempts_wanted() -> usize {
    std::env::var("MUNJE_BENCH_ATTEMPTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300_000)
}

/// When the generated year ends.
fn now() -> Timestamp {
    Timestamp(1_796_000_000_000)
}

/// A store holding `n` attempts spread over the year before `now`: the
/// deck's questions and 10,000 more ids, a third of the answers wrong,
/// every question with a card.
fn history_db(vault: &Vault, n: usize, tag: &str) -> PathBuf {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-history-{n}{tag}.db"));
    if path.is_file() {
        return path;
    }
    let mut ids: Vec<String> = vault.questions.iter().map(|q| q.id.0.to_string()).collect();
    ids.extend((0..10_000).map(|i| format!("q-bench-{i:05}")));
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    drop(Store::open(&tmp, now()).expect("a new store"));
    let mut conn = rusqlite::Connection::open(&tmp).expect("the new store");
    let tx = conn.transaction().expect("a transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO attempts (session_id, mode, question_id, chosen, correct_letters,
                 is_correct, seconds, answered_at, tags, rating)
                 VALUES (?1, 'practice', ?2, ?3, 'A', ?4, 20.0, ?5, ?6, ?7)",
            )
            .expect("insert");
        let span = 365 * DAY_MS;
        for i in 0..n {
            let id = &ids[(i * 7919) % ids.len()];
            let right = i % 3 != 0;
            let at = now().0 - span + (i as i64 * span) / n as i64;
            insert
                .execute(rusqlite::params![
                    format!("s{}", i / 20),
                    id,
                    if right { "A" } else { "B" },
                    right,
                    at,
                    "service/emr\ninstance/spot",
                    if right { "good" } else { "again" },
                ])
                .expect("an attempt");
        }
        let mut card = tx
            .prepare(
                "INSERT INTO cards (question_id, stability, difficulty, due, last_review, reps, lapses)
                 VALUES (?1, 5.0, 5.0, ?2, ?3, 10, 2)",
            )
            .expect("card");
        for (i, id) in ids.iter().enumerate() {
            let due = now().0 + ((i as i64 % 30) - 5) * DAY_MS;
            card.execute(rusqlite::params![id, due, now().0 - DAY_MS])
                .expect("a card");
        }
    }
    tx.commit().expect("commit");
    drop(conn);
    std::fs::rename(&tmp, &path).expect("rename");
    path
}

fn answer(vault: &Vault, i: u64) -> Attempt {
    let q = &vault.questions[(i as usize * 13) % vault.questions.len()];
    Attempt {
        session: SessionId(format!("bench-{i}")),
        mode: ModeKind::Practice,
        question: QuestionId(q.id.0.clone()),
        tags: q.tags.to_vec(),
        chosen: vec!['A'],
        correct_letters: q.answer.iter().collect(),
        correct: q.answer.len() == 1 && q.answer.contains('A'),
        seconds: 20.0,
        at: now(),
        rating: Rating::Good,
    }
}

/// `munje stats`'s work on an open store and a loaded vault.
fn stats_work(store: &Store, vault: &Vault) -> u64 {
    let day = StudyDay::default();
    let history = store.history().expect("history");
    let due = history.due_counts(vault, day, now());
    store.stats(due, now(), day).expect("stats").attempts
}

fn history(c: &mut Criterion) {
    let vault = load_bundled();
    let n = attempts_wanted();
    let big = history_db(&vault, n, "");
    if std::env::var("MUNJE_BENCH_ONCE").as_deref() == Ok("stats") {
        let store = Store::open(&big, now()).expect("store");
        println!("{}", stats_work(&store, &vault));
        std::process::exit(0);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (label, path) in [
        ("empty", dir.path().join("empty.db")),
        ("large", {
            let copy = dir.path().join("large.db");
            std::fs::copy(&big, &copy).expect("copy");
            copy
        }),
    ] {
        let mut store = Store::open(&path, now()).expect("store");
        let mut hist = store.history().expect("history");
        let mut rec = Recorder::new(Scheduler::new().expect("fsrs"), None);
        let mut i = 0;
        c.bench_function(&format!("record answer, {label} history"), |b| {
            b.iter(|| {
                i += 1;
                let a = answer(&vault, i);
                hist.answer(&a);
                let saved = rec.answered(&mut store, &a);
                hist.set_dues(&saved.cards);
                black_box(saved.next_review(&a.question))
            });
        });
    }
    let store = Store::open(&big, now()).expect("store");
    let mut g = c.benchmark_group("history at scale");
    g.sample_size(10);
    g.bench_function(format!("re-read history, {n} attempts"), |b| {
        b.iter(|| black_box(store.history().expect("history").questions.len()));
    });
    g.bench_function(format!("stats, {n} attempts"), |b| {
        b.iter(|| black_box(stats_work(&store, &vault)));
    });
    g.finish();
}

/// The vault of `MUNJE_BENCH_VAULT` (and a tag naming its history), or
/// the bundled deck.
fn bench_vault() -> (Vault, String) {
    let Ok(dir) = std::env::var("MUNJE_BENCH_VAULT") else {
        return (load_bundled(), String::new());
    };
    let dir = PathBuf::from(dir);
    let tag = format!(
        "-{}",
        dir.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    let vault = munje::vault::load(&[dir], &munje::vault::LoadOptions::default(), &|_| {})
        .expect("the vault loads");
    (vault, tag)
}

/// What opening the stats screen computes (`App::open_stats`).
fn stats_screen(store: &Store, vault: &Vault, history: &History) -> usize {
    let day = StudyDay::default();
    let due = history.due_counts(vault, day, now());
    let stats = store.stats(due, now(), day).expect("stats");
    let notebook = Notebook::build(vault, history);
    let questions: Vec<_> = vault.quizzable().collect();
    let cards = store.cards().unwrap_or_default();
    let ready = munje::quiz::readiness(
        vault,
        history,
        &cards,
        munje::quiz::ForecastInput {
            questions: &questions,
            exam_questions: munje::quiz::EXAM_DEFAULT_QUESTIONS,
            pass_mark: munje::quiz::DEFAULT_PASS_MARK,
            at: munje::quiz::forecast_moment(now(), day, None),
        },
    );
    let scores = store.exam_scores().expect("exam scores");
    black_box((&stats, &ready, &scores));
    notebook.questions.len()
}

fn selection_and_screens(c: &mut Criterion) {
    let n = attempts_wanted();
    let (vault, tag) = bench_vault();
    let big = history_db(&vault, n, &tag);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy = dir.path().join("progress.db");
    std::fs::copy(&big, &copy).expect("copy");
    let questions = vault.questions.len();
    let mut g = c.benchmark_group(format!("history at scale, {questions} questions"));
    g.sample_size(10);
    g.bench_function(format!("open store, check first, {n} attempts"), |b| {
        b.iter(|| black_box(Store::open(&copy, now()).expect("store").unreadable_rows()));
    });
    g.bench_function(format!("open store, check beside, {n} attempts"), |b| {
        b.iter(|| {
            let store = Store::open_checking_beside(&copy, now()).expect("store");
            black_box(store.unreadable_rows())
        });
    });
    let store = Store::open(&copy, now()).expect("store");
    let day = StudyDay::default();
    for (flag, sel) in [
        (
            "--due",
            Selection {
                due_only: true,
                ..Selection::default()
            },
        ),
        (
            "--wrong",
            Selection {
                wrong_only: true,
                ..Selection::default()
            },
        ),
        (
            "--weakest",
            Selection {
                weakest_first: true,
                ..Selection::default()
            },
        ),
    ] {
        g.bench_function(format!("history + select {flag}, {n} attempts"), |b| {
            b.iter(|| {
                let history = store.history().expect("history");
                black_box(
                    select(&vault, &sel, &history, now(), day)
                        .expect("select")
                        .len(),
                )
            });
        });
    }
    let history = store.history().expect("history");
    g.bench_function(format!("notebook, {n} attempts"), |b| {
        b.iter(|| black_box(Notebook::build(&vault, &history).questions.len()));
    });
    g.bench_function(format!("stats screen, {n} attempts"), |b| {
        b.iter(|| black_box(stats_screen(&store, &vault, &history)));
    });
    g.bench_function(format!("due counts, {n} attempts"), |b| {
        b.iter(|| black_box(history.due_counts(&vault, day, now()).today));
    });
    let mut tally = munje::quiz::DueTally::count(&vault, &history, day, now());
    let mut k = 0;
    g.bench_function(
        format!("due counts moved by one answer, {n} attempts"),
        |b| {
            b.iter(|| {
                k = (k + 7919) % vault.questions.len();
                let id = &vault.questions[k].id;
                tally.update(&vault, &history, id, day, now());
                black_box(tally.counts().today)
            });
        },
    );
    stats_screen_frames(&mut g, &vault, &copy, n);
    g.finish();
}

/// The app's stats screen: opening it (figures, notebook, first frame),
/// and one frame of scrolling it.
fn stats_screen_frames(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    vault: &Vault,
    db: &Path,
    n: usize,
) {
    use munje::tui::action::Action;
    use munje::tui::keymap::Keymap;
    use munje::tui::theme::Theme;
    use munje::tui::{App, AppEvent};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let mut app = App::new(
        vault.clone(),
        munje::i18n::Lang::Ko,
        Theme::default(),
        Keymap::default(),
    );
    let store = Store::open(db, now()).expect("store");
    app.history = std::sync::Arc::new(store.history().expect("history"));
    app.store = Some(store);
    app.handle(AppEvent::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    g.bench_function(format!("stats screen, open and draw, {n} attempts"), |b| {
        b.iter(|| {
            app.update(Action::Stats);
            term.draw(|f| drop(app.draw(f))).expect("frame");
            app.update(Action::Back);
        });
    });
    app.update(Action::Stats);
    term.draw(|f| drop(app.draw(f))).expect("frame");
    g.bench_function(
        format!("stats screen, scroll one line, {n} attempts"),
        |b| {
            let mut down = true;
            b.iter(|| {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up });
                term.draw(|f| drop(app.draw(f))).expect("frame");
            });
        },
    );
}

criterion_group!(benches, history, selection_and_screens);
criterion_main!(benches);
