//! Live reload benchmark: one edited note put in place in a loaded vault
//! (`Vault::apply_edit`), the UI thread's share of a reload, on a large
//! vault. Two edits: a sentence added to the body (the same questions),
//! and a question added then taken away again (every question after the
//! note moves).
//!
//! `MUNJE_BENCH_VAULT=$PWD/target/v100k cargo bench --bench reload`; the
//! vault defaults to `target/v10k` (made by `../shared/bench/gen_corpus.py`).
//! The app's part adds the search index, the note list, the reader and the
//! header's counts: all the UI thread does when an edit comes in.

// A benchmark is harness code, like a test: when its setup fails there is
// nothing to measure, and stopping with the reason is the right outcome.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use munje::vault::{self, Job, LoadOptions, NoteEdit, Source};

fn vault_dir() -> PathBuf {
    std::env::var_os("MUNJE_BENCH_VAULT").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/v10k"),
        PathBuf::from,
    )
}

/// Note `ix` as `text` says it.
fn edit_of(rel: &str, text: &str) -> NoteEdit {
    let rel = rel.to_owned();
    let bytes: &'static [u8] = Box::leak(text.as_bytes().to_vec().into_boxed_slice());
    vault::read_job(
        Job {
            root: 0,
            rel: rel.into(),
            source: Source::Static(bytes),
        },
        &LoadOptions::default(),
    )
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let root = vault_dir();
    let mut vault = vault::load(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
        &|_| {},
    )
    .expect("the bench vault loads");
    vault.catalog();
    vault.find_note("");
    let ix = (vault.notes.len() / 2..vault.notes.len())
        .find(|&i| !vault.notes[i].questions.is_empty())
        .unwrap();
    let original = std::fs::read_to_string(root.join(&*vault.notes[ix].path)).unwrap();
    let added = format!("{original}\n한 문장을 더 썼다.\n");
    let question = original
        .rfind("**Question")
        .map(|at| original[at..].to_owned())
        .unwrap();
    let more = format!("{original}\n{question}");
    let rel = vault.notes[ix].path.clone();
    let mut group = c.benchmark_group("reload");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    let notes = vault.notes.len();
    group.bench_function(format!("apply_edit body {notes}"), |b| {
        b.iter_batched(
            || edit_of(&rel, &added),
            |edit| vault.apply_edit(edit).unwrap(),
            BatchSize::SmallInput,
        );
    });
    group.bench_function(
        format!("apply_edit question added and removed {notes}"),
        |b| {
            b.iter_batched(
                || (edit_of(&rel, &more), edit_of(&rel, &original)),
                |(one, back)| {
                    vault.apply_edit(one).unwrap();
                    vault.apply_edit(back).unwrap();
                },
                BatchSize::SmallInput,
            );
        },
    );
    // The app's whole share on the UI thread: the edit put in place, the
    // search index, the list, the reader and the header's counts.
    let mut app = munje::tui::App::new(
        vault::Vault::default(),
        munje::i18n::Lang::Ko,
        munje::tui::theme::Theme::default(),
        munje::tui::keymap::Keymap::default(),
    );
    app.handle(munje::tui::AppEvent::Loaded(Box::new(vault)));
    group.bench_function(format!("app takes an edit {notes}"), |b| {
        b.iter_batched(
            || edit_of(&rel, &added),
            |edit| app.handle(munje::tui::AppEvent::NotesEdited(vec![edit])),
            BatchSize::SmallInput,
        );
    });
    group.bench_function(
        format!("app takes a question added and removed {notes}"),
        |b| {
            b.iter_batched(
                || (edit_of(&rel, &more), edit_of(&rel, &original)),
                |(one, back)| {
                    app.handle(munje::tui::AppEvent::NotesEdited(vec![one]));
                    app.handle(munje::tui::AppEvent::NotesEdited(vec![back]));
                },
                BatchSize::SmallInput,
            );
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
