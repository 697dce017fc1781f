//! Remembered scans and the table of sequences against scanning afresh:
//! words typed in orders where a longer word holds a remembered one at its
//! start, in its middle and at its end, and words found nowhere.

use std::collections::HashSet;
use std::sync::atomic::Ordering;

use crate::search::replace::tests::{generated_vault, load_dir};
use crate::search::{Query, SearchContext, SearchIndex};

#[test]
fn narrowed_and_skipped_scans_give_the_hits_of_a_fresh_index() {
    let (_dir, vault) = generated_vault(11);
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

/// Every document's text match of each word typed on a key at a time,
/// remembered scans narrowed in place (one part and two), against a
/// fresh index's full scan: the same documents, each first found and
/// attributed at the same place. Words whose first occurrence lies in the
/// body while a question part holds them later, in a question part, and
/// in the body alone are all among them.
#[test]
fn words_typed_on_are_found_in_place_where_a_full_scan_finds_them() {
    let (_dir, vault) = generated_vault(23);
    let fresh = SearchIndex::build(&vault);
    let mut split = SearchIndex::build(&vault);
    split.split_in(2);
    let shown = |index: &SearchIndex, p: &crate::search::query::Pattern| {
        let table = index.scan(p);
        (0..index.len())
            .map(|d| {
                index.text_found(&table, d).map(|m| match m.loc {
                    crate::search::term::Loc::Text(at) => (m.field, at),
                    crate::search::term::Loc::Short(_) => unreachable!("a text match"),
                })
            })
            .collect::<Vec<_>>()
    };
    let mut kinds = [0; 3];
    for word in [
        "streaming",
        "spark",
        "인스턴스",
        "체크포인트",
        "ㅊㅋㅍㅇㅌ",
        "m5.large",
    ] {
        for warm in [&SearchIndex::build(&vault), &split] {
            warm.forget_recent_scans();
            for (i, c) in word.char_indices() {
                let typed = &word[..i + c.len_utf8()];
                let query = Query::parse(typed);
                let crate::search::TermKind::Word(p) = &query.terms[0].kind else {
                    panic!("{typed} is a word");
                };
                let want = shown(&fresh, p);
                fresh.forget_recent_scans();
                assert_eq!(shown(warm, p), want, "{typed}");
                for (d, m) in want.iter().enumerate() {
                    let Some((field, at)) = *m else { continue };
                    // From the start of the document's text, as `at` is.
                    let first = fresh
                        .word_finder(&p.variants[0].text, false)
                        .find(fresh.bytes_at(fresh.docs[d].text.clone()));
                    let kind = match field {
                        crate::search::Field::Body => 0,
                        _ if Some(at) == first => 1,
                        _ => 2,
                    };
                    kinds[kind] += 1;
                }
            }
        }
    }
    assert!(
        kinds.iter().all(|&n| n > 20),
        "every attribution is met: {kinds:?}"
    );
}

#[test]
fn choseong_words_are_found_before_during_and_after_their_table_is_made_elsewhere() {
    let (dir, vault) = generated_vault(7);
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let words = [
        "ㅅㅍ",
        "ㅊㅋㅍㅇㅌ",
        "ㅇㄷㅁㄷ",
        "ㅃㅉㅃ",
        "ㅎㅎㅎ",
        "ㅅㅍ ㅃㅉㅃ",
    ];
    let same = |bg: &SearchIndex, fresh: &SearchIndex, when: &str| {
        for w in words {
            let q = Query::parse(w);
            bg.forget_recent_scans();
            assert_eq!(
                bg.search_counted(&q, &ctx, 1000),
                fresh.search_counted(&q, &ctx, 1000),
                "{when}: {w}"
            );
        }
    };
    // Not made yet, as while the thread runs (marked started, none
    // started): the scan is not skipped.
    let mut bg = SearchIndex::build(&vault);
    bg.choseong_started.store(true, Ordering::Relaxed);
    bg.prepare_choseong();
    same(&bg, &SearchIndex::build(&vault), "before");
    assert!(bg.choseong_grams.get().is_none(), "not made on a query");
    // A note replaced meanwhile gets a 초성 word whose consonants no note
    // had: the table, made from the build's text, does not know it.
    let ix = vault
        .notes
        .iter()
        .position(|n| n.path.starts_with("gen/"))
        .unwrap();
    std::fs::write(
        dir.path().join(&*vault.notes[ix].path),
        "---\ntitle: 간식\n---\n\n빵쪼빵을 먹는다.\n",
    )
    .unwrap();
    let edited = load_dir(dir.path());
    bg.replace_note(&edited, crate::vault::NoteIx(ix));
    let fresh = SearchIndex::build(&edited);
    same(&bg, &fresh, "replaced");
    // Made on a thread of its own, from the build's text (a query that
    // needs it starts the thread if none is).
    bg.choseong_started.store(false, Ordering::Relaxed);
    bg.search_counted(&Query::parse("ㅎㅎㅎ"), &ctx, 10);
    assert!(bg.choseong_started.load(Ordering::Relaxed));
    for _ in 0..500 {
        if bg.choseong_grams.get().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(bg.choseong_grams.get().is_some(), "made");
    same(&bg, &fresh, "after");
    let found = bg.search_counted(&Query::parse("ㅃㅉㅃ"), &ctx, 10);
    assert!(found.0.iter().any(|h| h.title == "간식"), "{found:?}");
}
