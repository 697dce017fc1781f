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

/// The 초성 search reads the folded text where it lies; the simple path
/// is a 초성 copy of the text and a substring search in it. Both find each
/// word first at the same place in every document.
#[test]
fn a_choseong_word_is_found_where_a_choseong_copy_of_the_text_has_it() {
    let vault = crate::vault::load_bundled();
    let index = SearchIndex::build(&vault);
    let copy = crate::search::hangul::choseong_form(&index.text.folded);
    let mut found = 0;
    for word in [
        "ㅅㅍ",
        "ㅇㅅㅌㅅ",
        "ㅊㅋㅍㅇㅌ",
        "ㅋㅋㅋㅋ",
        "ㅂㄷ",
        "ㄱ",
        "ㅇㄷㅁㄷ",
    ] {
        let finder = index.word_finder(word, true);
        for (d, doc) in index.docs.iter().enumerate() {
            let want = memchr::memmem::find(&copy.as_bytes()[doc.text.clone()], word.as_bytes());
            let got = finder.find(index.bytes_at(doc.text.clone()));
            assert_eq!(got, want, "{word} in document {d}");
            found += usize::from(got.is_some());
        }
    }
    assert!(found > 100, "the words are found: {found}");
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let (hits, n) = index.search_counted(&Query::parse("ㅅㅍ"), &ctx, 10);
    assert!(
        n > 0 && hits.iter().any(|h| !h.ranges.is_empty()),
        "스팟 is found and marked"
    );
}
