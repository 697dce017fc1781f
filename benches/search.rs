//! Search speed on a generated 10,000-note vault: building the index, and
//! every prefix of a few real queries (Korean, Latin, 초성, wrong layout),
//! one keystroke at a time, as the search screen runs them.
//!
//! The vault comes from `$MUNJE_BENCH_VAULT`, else `target/v10k`, made
//! with `python3 ../shared/bench/gen_corpus.py target/v10k --notes 10000`.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use munje::search::hangul::from_dubeolsik;
use munje::search::{Query, SearchContext, SearchIndex};
use munje::vault::{LoadOptions, Vault, load};

/// Hits a search screen asks for.
const LIMIT: usize = 50;

fn vault_dir() -> PathBuf {
    std::env::var_os("MUNJE_BENCH_VAULT").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/v10k"),
        PathBuf::from,
    )
}

fn load_vault() -> Option<Vault> {
    let dir = vault_dir();
    if !dir.is_dir() {
        eprintln!(
            "no vault at {}: run python3 ../shared/bench/gen_corpus.py target/v10k --notes 10000",
            dir.display()
        );
        return None;
    }
    load(&[dir], &LoadOptions::default(), &|_| {}).ok()
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
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    for (name, prefixes) in sessions() {
        let mut group = c.benchmark_group(format!("keystroke/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(200))
            .measurement_time(Duration::from_millis(600));
        for p in &prefixes {
            let query = Query::parse(p);
            group.bench_with_input(BenchmarkId::from_parameter(p), &query, |b, q| {
                b.iter(|| index.search(black_box(q), &ctx, LIMIT));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
