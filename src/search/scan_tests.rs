//! Remembered scans and the table of sequences against scanning afresh:
//! words typed in orders where a longer word holds a remembered one at its
//! start, in its middle and at its end, and words found nowhere.

use std::collections::HashSet;

use crate::search::replace::tests::{Rng, load_dir, make_vault};
use crate::search::{Query, SearchContext, SearchIndex};

#[test]
fn narrowed_and_skipped_scans_give_the_hits_of_a_fresh_index() {
    let dir = tempfile::tempdir().unwrap();
    make_vault(dir.path(), &mut Rng(11));
    let vault = load_dir(dir.path());
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let warm = SearchIndex::build(&vault);
    let typed = [
        "ㅊ",
        "체",
        "첰",
        "체크",
        "체킈",
        "체크포",
        "체크폰",
        "포인",
        "체크포인트",
        "인트",
        "크포인",
        "스",
        "턴스",
        "인스턴스",
        "스팟 인스턴스",
        "s",
        "sp",
        "park",
        "spark",
        "spark streaming",
        "ㅅㅍ",
        "ㅅ",
        "ㅇㅅㅌㅅ",
        "ㅅㅌ",
        "ㅌㅅㅋ",
        "EMR ㅌㅅㅋ",
        "노드",
        "코어 노드",
        "드",
        "m5",
        "m5.large",
        ".large",
        "tmvkt",
        "없는말",
        "없는말이다",
    ];
    let mut hits = 0;
    for q in typed {
        let query = Query::parse(q);
        let fresh = SearchIndex::build(&vault).search_counted(&query, &ctx, 1000);
        assert_eq!(warm.search_counted(&query, &ctx, 1000), fresh, "{q}");
        hits += fresh.1;
    }
    assert!(hits > 100, "the words are found: {hits}");
}

#[test]
fn a_choseong_word_found_nowhere_makes_no_choseong_text() {
    let vault = crate::vault::load_bundled();
    let index = SearchIndex::build(&vault);
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    // ㅋㅋ and ㅋㅍ follow no syllable of the deck's text in that order.
    let (_, found) = index.search_counted(&Query::parse("ㅋㅋㅋㅋ"), &ctx, 10);
    assert_eq!(found, 0);
    assert!(index.choseong_text.get().is_none(), "no 초성 text was made");
    let (_, found) = index.search_counted(&Query::parse("ㅅㅍ"), &ctx, 10);
    assert!(found > 0, "스팟 is there");
    assert!(index.choseong_text.get().is_some());
}
