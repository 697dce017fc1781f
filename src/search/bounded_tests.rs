//! The bounded pass against scoring every document: the same hits in the
//! same order and the same count, keystroke by keystroke, for words,
//! phrases, field terms, filters and negative terms, at limits from one
//! hit to all of them.

use std::collections::HashSet;

use crate::search::engine::Plan;
use crate::search::replace::tests::{generated_vault, load_dir, progress};
use crate::search::{Query, SearchContext, SearchIndex};

/// Queries typed a character at a time, each prefix a keystroke.
const TYPED: &[&str] = &[
    "스팟 인스턴스",
    "spark streaming",
    "emr task spot",
    "EMR ㅌㅅㅋ",
    "ㅅㅍ 노드",
    "tmvkt dlstmxjstm",
    "노드 중단 알림",
    "#service/emr 노드 스",
    "-스팟 코어 노드",
    "-\"스팟\" 태스",
    "\"스팟 인스턴스\" 중단",
    "title:생성 알림",
    "alias:spot 노드",
    "has:question 스팟",
    "is:wrong 노드",
    "-is:due 생성 노",
    "생성 노트 1",
];

fn keystrokes() -> Vec<String> {
    TYPED
        .iter()
        .flat_map(|q| {
            q.char_indices()
                .map(|(i, c)| q[..i + c.len_utf8()].to_owned())
        })
        .collect()
}

#[test]
fn the_bounded_pass_gives_the_hits_order_and_count_of_scoring_every_document() {
    let mut pruned = 0;
    for (seed, parts) in [(3, 1), (11, 2), (29, 2)] {
        let (_dir, vault) = generated_vault(seed);
        let (wrong, due) = progress(&vault);
        let ctx = SearchContext {
            wrong: &wrong,
            due: &due,
        };
        // Large in all but size: the bounded pass, in rounds of two.
        let mut bounded = SearchIndex::build(&vault);
        bounded.split_in(parts);
        let simple = SearchIndex::build(&vault);
        assert!(simple.docs.len() < simple.split_from, "the simple path");
        for q in keystrokes() {
            let query = Query::parse(&q);
            for limit in [1, 2, 3, 7, 20, 1000] {
                let want = simple.search_counted(&query, &ctx, limit);
                let got = bounded.search_counted(&query, &ctx, limit);
                assert_eq!(got, want, "seed {seed}: {q:?}, limit {limit}");
                // How many documents the bounded pass left unscored.
                let plan = Plan::new(&query);
                let m = bounded.matching(&plan, &ctx);
                let open = SearchIndex::open_terms(&m);
                if open.len() <= 1 {
                    let (cands, total) =
                        bounded.bounded_candidates(&m, open.first().copied(), limit);
                    assert_eq!(total, want.1);
                    pruned += total - cands.len();
                }
            }
        }
    }
    assert!(
        pruned > 1000,
        "the bounds leave documents unscored ({pruned})"
    );
}

#[test]
fn a_floor_is_the_least_of_the_best_scores_seen() {
    let mut floor = super::Floor::new(3);
    for s in [5, 9, 1] {
        floor.see(s, 0);
    }
    assert_eq!(floor.get(), 1);
    floor.see(7, 0);
    floor.see(7, 0);
    assert_eq!(floor.get(), 7);
    assert_eq!(
        super::Floor::new(2).get(),
        i64::MIN,
        "fewer than k: no floor"
    );
}

#[test]
fn a_document_tied_with_the_floor_is_below_it_only_when_placed_after_it() {
    use crate::search::rank::UNPLACED;
    let mut floor = super::Floor::new(2);
    assert!(!floor.below(i64::MIN, 0), "fewer than k: nothing is below");
    floor.see(10, 4);
    floor.see(7, 5);
    floor.see(7, 3);
    // The two best: 10 at 4 and 7 at 3.
    assert_eq!(floor.least(), Some((7, 3)));
    assert!(floor.below(6, 0));
    assert!(floor.below(7, 4), "tied, placed after");
    assert!(!floor.below(7, 2), "tied, placed before");
    assert!(!floor.below(7, UNPLACED), "tied, ranked by its sort key");
    assert!(!floor.below(8, 9));
    floor.see(7, UNPLACED);
    assert_eq!(floor.least(), Some((7, 3)), "not among the two best");
    let mut floor = super::Floor::new(1);
    floor.see(7, UNPLACED);
    assert!(!floor.below(7, 9), "the floor's own place is not known");
    assert!(floor.below(6, 9));
}

#[test]
fn documents_tied_with_the_floor_are_scored_and_ranked_by_title() {
    // Two words long enough that a title holding one whole scores the
    // most a field can, so that bounds meet scores. Two notes have the
    // first word as title, the second in their text and an alias of
    // their own with the second's letters: their bound is the highest, and
    // they are scored first. Ten have them the other way round: bounded exactly,
    // tied with the first two, and first by title.
    let (a, b) = ("zetacheckpoint".repeat(4), "alphastreaming".repeat(4));
    let reversed: String = b.chars().rev().collect();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: String, note: String| {
        std::fs::write(dir.path().join(name), note).unwrap();
    };
    for i in 0..2 {
        write(
            format!("first{i}.md"),
            format!("---\ntitle: {a}\naliases: [{reversed} {i}]\n---\n\n{b} 본문\n"),
        );
    }
    for i in 0..10 {
        write(
            format!("second{i}.md"),
            format!("---\ntitle: {b} {i:02}\n---\n\n{a} {b} 본문\n"),
        );
    }
    let vault = load_dir(dir.path());
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let simple = SearchIndex::build(&vault);
    let mut bounded = SearchIndex::build(&vault);
    bounded.split_in(2);
    let query = Query::parse(&format!("{a} {b}"));
    assert!(query.typing);
    for limit in [1, 3, 11] {
        let want = simple.search_counted(&query, &ctx, limit);
        assert_eq!(want.1, 12);
        assert!(want.0.windows(2).all(|w| w[0].score == w[1].score), "tied");
        assert!(want.0[0].title.starts_with(&b), "by title");
        assert_eq!(
            bounded.search_counted(&query, &ctx, limit),
            want,
            "limit {limit}"
        );
    }
}
