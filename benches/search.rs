//! Search speed on a generated 10,000-note vault: building the index,
//! every prefix of a few real queries (Korean, Latin, 초성, wrong layout),
//! one keystroke at a time, as the search screen runs them, and the
//! one-shot search of `munje search` (load and query together, the notes
//! searched as they load).
//!
//! The vault comes from `$MUNJE_BENCH_VAULT`, else `target/v10k`, made
//! with `python3 ../shared/bench/gen_corpus.py target/v10k --notes 10000`.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use munje::commands::find_in_folders;
use munje::search::hangul::from_dubeolsik;
use munje::search::{Query, SearchContext, SearchIndex};
use munje::vault::{LoadOptions, Vault, load};

/// Hits the search screen asks for on each keystroke.
const LIMIT: usize = munje::tui::screens::search::MAX_HITS;

/// CPU time this thread has run, in nanoseconds (Linux schedstat): on a
/// shared machine, wall time also counts waiting for a core.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn vault_dir() -> PathBuf {
    std::env::var_os("MUNJE_BENCH_VAULT").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/v10k"),
        PathBuf::from,
    )
}

fn load_vault() -> Option<Vault> {
    load(&[vault_dir()], &LoadOptions::default(), &|_| {}).ok()
}

/// What the query box holds after each key of `keys` typed on the 2-set
/// layout with the IME on: 스, 슾, 스파, 스팟 for `tmvkt`.
fn hangul_keystrokes(keys: &str) -> Vec<String> {
    (1..=keys.len())
        .map(|n| {
            keys[..n]
                .split(' ')
                .map(|w| from_dubeolsik(w).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// What the query box holds after each character typed.
fn char_prefixes(text: &str) -> Vec<String> {
    text.char_indices()
        .map(|(i, c)| text[..i + c.len_utf8()].to_owned())
        .collect()
}

/// The typed sequences: name, prefixes.
fn sessions() -> Vec<(&'static str, Vec<String>)> {
    vec![
        (
            "korean 스팟 인스턴스",
            hangul_keystrokes("tmvkt dlstmxjstm"),
        ),
        ("korean 체크포인트", hangul_keystrokes("cpzmvhdlsxm")),
        ("latin spark streaming", char_prefixes("spark streaming")),
        ("latin m5.large", char_prefixes("m5.large")),
        ("choseong ㅇㄷㅁㄷ", char_prefixes("ㅇㄷㅁㄷ")),
        ("mixed EMR ㅌㅅㅋ", char_prefixes("EMR ㅌㅅㅋ")),
        ("layout tmvkt", char_prefixes("tmvkt")),
    ]
}

fn bench(c: &mut Criterion) {
    if !vault_dir().is_dir() {
        eprintln!(
            "no vault at {}: run python3 ../shared/bench/gen_corpus.py target/v10k --notes 10000",
            vault_dir().display()
        );
        return;
    }
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let mut group = c.benchmark_group("one_shot");
    group.sample_size(10);
    for word in ["체크포인트", "파티션", "ㅊㅋㅍㅇㅌ", "emr"] {
        group.bench_function(word, |b| {
            // The command hands the vault to the OS at exit: freeing it
            // is not part of a search.
            b.iter_with_large_drop(|| {
                find_in_folders(&[vault_dir()], Query::parse(word), &ctx, 20)
            });
        });
    }
    group.finish();

    // The index benchmarks hold the whole vault, loaded once.
    let Some(vault) = load_vault() else {
        return;
    };
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build 10k", |b| {
        b.iter(|| SearchIndex::build(black_box(&vault)));
    });
    group.finish();

    let index = SearchIndex::build(&vault);
    let mut group = c.benchmark_group("keystroke");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut summary = Vec::new();
    for (name, prefixes) in sessions() {
        let queries: Vec<Query> = prefixes.iter().map(|p| Query::parse(p)).collect();
        let keys = u32::try_from(queries.len()).unwrap_or(1);
        let mut per_key: Vec<Duration> = Vec::new();
        let mut cpu_ns: u64 = 0;
        // One iteration types the whole query from an empty box, each
        // keystroke a fresh search; the time reported is per keystroke.
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let cpu_start = thread_cpu_ns();
                for _ in 0..iters {
                    index.forget_recent_scans();
                    for q in &queries {
                        let t = Instant::now();
                        black_box(index.search(q, &ctx, LIMIT));
                        let e = t.elapsed();
                        per_key.push(e);
                        total += e;
                    }
                }
                cpu_ns += thread_cpu_ns().saturating_sub(cpu_start);
                total / keys
            });
        });
        #[allow(clippy::cast_precision_loss)]
        let cpu_mean = cpu_ns as f64 / per_key.len().max(1) as f64 / 1e6;
        per_key.sort_unstable();
        let at = |f: f64| {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let i = ((per_key.len().saturating_sub(1)) as f64 * f) as usize;
            per_key.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        summary.push(format!(
            "{name:<26} keys {:>2}  wall median {:>6.2} ms  p90 {:>6.2} ms  max {:>6.2} ms  cpu mean {cpu_mean:>6.2} ms",
            queries.len(),
            at(0.5),
            at(0.9),
            at(1.0)
        ));
    }
    group.finish();
    eprintln!("\nper keystroke (every keystroke of every run):");
    for line in summary {
        eprintln!("  {line}");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
