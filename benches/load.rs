//! Load benchmark: a 10,000-note vault (from `../shared/bench/gen_corpus.py`)
//! loaded by munje (walk, read, parse, questions, tags, diagnostics, in
//! parallel), against the floor any markdown loader pays: one thread
//! reading each file and running pulldown-cmark over it, events consumed.
//!
//! `cargo bench --bench load`; the vault is generated into `target/v10k`
//! when missing (set `MUNJE_BENCH_VAULT` to use another folder).
//! `MUNJE_BENCH_ONCE=floor` or `=load` runs that side once and exits, for
//! measuring CPU time and peak memory with `/usr/bin/time -v`; `=card`
//! reads every note's name and tags (`Depth::Card`) on one thread and
//! sorts them for the list, as the app does before its list shows.

// A benchmark is harness code, like a test: when its setup fails there is
// nothing to measure, and stopping with the reason is the right outcome.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn vault_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("MUNJE_BENCH_VAULT") {
        return PathBuf::from(dir);
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("target/v10k");
    if !dir.is_dir() {
        let script = [
            "../shared/bench/gen_corpus.py",
            "../../shared/bench/gen_corpus.py",
        ]
        .iter()
        .map(|p| manifest.join(p))
        .find(|p| p.is_file())
        .expect("../shared/bench/gen_corpus.py");
        let status = std::process::Command::new("python3")
            .arg(script)
            .arg(&dir)
            .args(["--notes", "10000"])
            .status()
            .expect("python3");
        assert!(status.success(), "gen_corpus.py failed");
    }
    dir
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(ignore::DirEntry::into_path)
        .collect();
    files.sort();
    files
}

/// The floor: read and parse every file on one thread, nothing kept.
fn pulldown_floor(files: &[PathBuf]) -> usize {
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_WIKILINKS;
    let mut events = 0;
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        events += pulldown_cmark::Parser::new_ext(&text, options).count();
    }
    events
}

/// One run of one side, timed, for `/usr/bin/time`; `None` when not asked.
fn run_once(dir: &Path) -> Option<()> {
    let which = std::env::var("MUNJE_BENCH_ONCE").ok()?;
    let start = std::time::Instant::now();
    if which == "floor" {
        let events = pulldown_floor(&markdown_files(dir));
        eprintln!("floor: {events} events in {:?}", start.elapsed());
    } else if which == "card" {
        let options = munje::vault::LoadOptions {
            depth: munje::vault::Depth::Card,
            threads: 1,
            ..munje::vault::LoadOptions::default()
        };
        let v = munje::vault::load(&[dir.to_owned()], &options, &|_| {}).expect("vault loads");
        let listed = v.catalog().by_name.len();
        eprintln!("card: {listed} notes listed in {:?}", start.elapsed());
    } else {
        let options = munje::vault::LoadOptions::default();
        let v = munje::vault::load(&[dir.to_owned()], &options, &|_| {}).expect("vault loads");
        eprintln!(
            "load: {} notes, {} questions, {} diagnostics in {:?}",
            v.notes.len(),
            v.questions.len(),
            v.diagnostics.len(),
            start.elapsed()
        );
    }
    Some(())
}

fn bench_load(c: &mut Criterion) {
    let dir = vault_dir();
    if run_once(&dir).is_some() {
        std::process::exit(0);
    }
    let files = markdown_files(&dir);
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    eprintln!(
        "vault: {} files, {bytes} bytes in {}",
        files.len(),
        dir.display()
    );
    let mut group = c.benchmark_group("load_10k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(3));
    group.bench_function("pulldown_floor_1_thread", |b| {
        b.iter(|| std::hint::black_box(pulldown_floor(&files)));
    });
    let roots = vec![dir.clone()];
    let options = munje::vault::LoadOptions::default();
    // The load is done when the vault is returned; freeing it later is the
    // caller's business (the floor keeps nothing to free).
    group.bench_function("munje_load", |b| {
        b.iter_with_large_drop(|| {
            munje::vault::load(&roots, &options, &|_| {}).expect("vault loads")
        });
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
