//! The one-shot search of folders (`find_in_folders`: streamed as the
//! vault loads, most notes judged by their cards alone) against the simple
//! path: the vault loaded whole, an index of all of it, searched once.
//! Same hits, and the same printed text and JSON, on the bundled deck, the
//! fixture vaults and a generated vault.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{JsonHit, Style, find_in_folders, render};
use crate::search::{Hit, Query, SearchContext, SearchIndex};
use crate::vault::{Depth, LoadOptions, Vault};

/// Queries of every kind: Korean words and phrases, 초성, Latin, a
/// keyboard-layout slip, tags, field scopes and exclusions.
const QUERIES: &[&str] = &[
    "체크포인트",
    "파티션",
    "ㅊㅋㅍㅇㅌ",
    "ㅅㅍ",
    "스팟",
    "spark",
    "EMR 노드",
    "tmvkt",
    "\"중단 알림\"",
    "#service/emr",
    "tag:framework/spark 파티션",
    "title:spot",
    "alias:체크포인트",
    "체크포인트 -#service/emr",
    "파티션 -alias:파티션",
    "노드",
];

/// The simple path's hits, text and JSON against the streamed search's,
/// for every query at several limits; how many hits the queries found.
fn same_as_whole(roots: &[PathBuf]) -> usize {
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    // The streamed search reads notes to their outline (its hits name no
    // note's question); the printed hits are also those of a full load.
    let options = LoadOptions {
        depth: Depth::Outline,
        ..LoadOptions::default()
    };
    let whole = crate::vault::load(roots, &options, &|_| {}).expect("loads");
    let index = SearchIndex::build(&whole);
    let full_options = LoadOptions {
        depth: Depth::Full,
        ..LoadOptions::default()
    };
    let full = crate::vault::load(roots, &full_options, &|_| {}).expect("loads");
    let full_index = SearchIndex::build(&full);
    let mut found = 0;
    for &q in QUERIES {
        for limit in [1, 5, 20, 500] {
            let want = index.search(&Query::parse(q), &ctx, limit);
            let (vault, got) = find_in_folders(roots, Query::parse(q), &ctx, limit).expect("loads");
            let case = format!("{roots:?} {q:?} --limit {limit}");
            assert_same(&got, &want, &case);
            for style in [Style::Plain, Style::Bold] {
                assert_eq!(
                    render(&vault, &got, style),
                    render(&whole, &want, style),
                    "{case}"
                );
            }
            assert_eq!(json(&vault, &got), json(&whole, &want), "{case}");
            let from_full = full_index.search(&Query::parse(q), &ctx, limit);
            assert_eq!(
                render(&vault, &got, Style::Bold),
                render(&full, &from_full, Style::Bold),
                "{case}"
            );
            assert_eq!(json(&vault, &got), json(&full, &from_full), "{case}");
            found += got.len();
        }
    }
    found
}

/// The hits are the same; else the first that differs, said briefly.
fn assert_same(got: &[Hit], want: &[Hit], case: &str) {
    if let Some(i) = (0..got.len().max(want.len())).find(|&i| got.get(i) != want.get(i)) {
        panic!(
            "{case}: {} hits against {}, the first unlike at {i}:\n{:?}\n{:?}",
            got.len(),
            want.len(),
            got.get(i),
            want.get(i)
        );
    }
}

fn json(vault: &Vault, hits: &[Hit]) -> String {
    let rows: Vec<JsonHit<'_>> = hits.iter().map(|h| JsonHit::new(vault, h)).collect();
    serde_json::to_string(&rows).expect("json")
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn the_streamed_search_of_the_deck_and_the_fixtures_is_the_whole_indexs() {
    let deck = tempfile::tempdir().expect("temp dir");
    for (rel, bytes) in crate::vault::bundled::bundled_files() {
        let path = deck.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    assert!(same_as_whole(&[deck.path().to_owned()]) > 100);
    for rel in [
        "tests/fixtures/vaults/forms",
        "tests/fixtures/vaults/broken",
        "tests/fixtures/search",
        "tests/fixtures/tolerant/corpus",
        "tests/fixtures/tolerant/forms",
    ] {
        same_as_whole(&[fixture(rel)]);
    }
    // Several roots: hits rank by their root too.
    same_as_whole(&[
        fixture("tests/fixtures/search"),
        deck.path().to_owned(),
        fixture("tests/fixtures/vaults/forms"),
    ]);
}

/// Many notes of a few words, so most are turned down by their cards,
/// with the heads a card cannot read with certainty among them (no
/// heading, markup in it, `\r\n`, NFD, no frontmatter, an unclosed one).
#[test]
fn the_streamed_search_of_a_generated_vault_is_the_whole_indexs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    for i in 0..400 {
        let folder = dir.path().join(format!("part-{}", i % 7));
        std::fs::create_dir_all(&folder).expect("mkdir");
        let text = generated_note(&mut rng, i);
        std::fs::write(folder.join(format!("note-{i:03}.md")), text).expect("write");
    }
    let found = same_as_whole(&[dir.path().to_owned()]);
    assert!(found > 1000, "{found}");
}

const WORDS: &[&str] = &[
    "체크포인트",
    "파티션",
    "스팟 인스턴스",
    "Spark",
    "EMR",
    "코어 노드",
    "중단 알림",
    "스트림",
    "spot",
    "온디맨드",
];
const TAGS: &[&str] = &["service/emr", "framework/spark", "instance/spot", "cost"];

fn next(rng: &mut u64) -> usize {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    usize::try_from(*rng % 1_000_003).expect("small")
}

fn pick<'a>(rng: &mut u64, from: &[&'a str]) -> &'a str {
    from[next(rng) % from.len()]
}

fn generated_note(rng: &mut u64, i: usize) -> String {
    use std::fmt::Write as _;
    let mut text = String::new();
    let frontmatter = next(rng) % 10;
    if frontmatter > 0 {
        text.push_str("---\n");
        if !next(rng).is_multiple_of(3) {
            let _ = writeln!(text, "title: {} {i}", pick(rng, WORDS));
        }
        let tags: Vec<&str> = (0..next(rng) % 3).map(|_| pick(rng, TAGS)).collect();
        let _ = writeln!(text, "tags: [{}]", tags.join(", "));
        if next(rng).is_multiple_of(4) {
            let _ = writeln!(text, "aliases: [\"{}\"]", pick(rng, WORDS));
        }
        if frontmatter > 1 {
            text.push_str("---\n");
        }
    }
    text.push('\n');
    match next(rng) % 6 {
        0 => {}
        1 => {
            let _ = writeln!(text, "# **{}** 정리", pick(rng, WORDS));
        }
        _ => {
            let _ = writeln!(text, "# {} 와 {}", pick(rng, WORDS), pick(rng, WORDS));
        }
    }
    text.push_str("\n## 설명\n\n");
    for _ in 0..=next(rng) % 5 {
        let sentence: Vec<&str> = (0..4).map(|_| pick(rng, WORDS)).collect();
        text.push_str(&sentence.join("와 "));
        text.push_str("를 씁니다.\n");
    }
    if next(rng).is_multiple_of(3) {
        let _ = write!(
            text,
            "\n## 관련 문제\n\n**Question:** {}은 언제?\n\n- A) 먼저\n- B) 나중\n\n**정답: A**\n",
            pick(rng, WORDS)
        );
    }
    match next(rng) % 12 {
        0 => text.replace('\n', "\r\n"),
        1 => unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect(),
        _ => text,
    }
}
