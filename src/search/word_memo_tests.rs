//! The paths a large index takes against the simple ones: its work split
//! between threads (`parts`), shared fields scored once (`shared`) and
//! finished words remembered from one keystroke to the next (this
//! module), each compared with a fresh index that takes none of them,
//! keystroke by keystroke.

use std::collections::HashSet;

use crate::search::replace::tests::{generated_vault, load_dir};
use crate::search::shared::NOT_SHARED;
use crate::search::{Query, SearchContext, SearchIndex};
use crate::vault::Vault;

/// What the search box holds after each key of some typed queries, with
/// words finished, changed and taken back.
fn keystrokes() -> Vec<String> {
    let typed = [
        "스팟 인스턴스",
        "체크포인트",
        "spark streaming",
        "m5.large",
        "ㅇㄷㅁㄷ",
        "EMR ㅌㅅㅋ",
        "tmvkt",
        "#service/emr 노드 ",
        "-스팟 코어 노드",
        "\"스팟 인스턴스\" 중단",
        "title:생성 알림",
        "emr task spot",
    ];
    let mut out = Vec::new();
    for q in typed {
        for (i, c) in q.char_indices() {
            out.push(q[..i + c.len_utf8()].to_owned());
        }
        // Back to the first word and on again.
        if let Some((first, _)) = q.split_once(' ') {
            out.push(format!("{first} "));
            out.push(first.to_owned());
            out.push(q.to_owned());
        }
    }
    out
}

/// Every keystroke on `typed_into` (searched in turn, so it remembers)
/// against a fresh index of the simple paths for each.
fn assert_same_as_fresh(typed_into: &SearchIndex, vault: &Vault, what: &str) {
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let mut found = 0;
    for q in keystrokes() {
        let query = Query::parse(&q);
        let fresh = SearchIndex::build(vault);
        assert_eq!(fresh.parts, 1, "the simple path");
        for limit in [3, 1000] {
            let want = fresh.search_counted(&query, &ctx, limit);
            assert_eq!(
                typed_into.search_counted(&query, &ctx, limit),
                want,
                "{what}: {q:?}, limit {limit}"
            );
            found += want.1;
        }
    }
    assert!(found > 500, "{what}: the words are found ({found})");
}

#[test]
fn work_split_between_threads_and_remembered_words_give_the_hits_of_a_fresh_index() {
    for (seed, parts) in [(11, 2), (23, 3)] {
        let (_dir, vault) = generated_vault(seed);
        let mut index = SearchIndex::build(&vault);
        index.split_in(parts);
        assert_same_as_fresh(&index, &vault, &format!("{parts} parts"));
        assert!(
            index.word_memo.lock().unwrap().remembered() > 0,
            "finished words were remembered"
        );
    }
}

#[test]
fn fields_scored_once_for_every_note_sharing_them_score_as_each_alone() {
    let (_dir, vault) = generated_vault(5);
    let index = SearchIndex::build(&vault);
    assert!(index.shared_texts > 0, "the generated notes share tags");
    let mut alone = SearchIndex::build(&vault);
    alone.short_shared.fill(NOT_SHARED);
    assert_same_hits(&index, &alone, "shared fields");
}

/// Every keystroke of [`keystrokes`] gives the same hits on `got` as on
/// `want`; how many documents `want` found in all, which must be some.
pub(crate) fn assert_same_hits(got: &SearchIndex, want: &SearchIndex, what: &str) -> usize {
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let mut found = 0;
    for q in keystrokes() {
        let query = Query::parse(&q);
        let hits = want.search_counted(&query, &ctx, 1000);
        assert_eq!(
            got.search_counted(&query, &ctx, 1000),
            hits,
            "{what}: {q:?}"
        );
        found += hits.1;
    }
    assert!(found > 0, "{what}: the words are found");
    found
}

#[test]
fn an_edited_note_is_matched_afresh_not_from_a_remembered_word() {
    let (dir, vault) = generated_vault(17);
    let mut index = SearchIndex::build(&vault);
    index.split_in(2);
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let query = Query::parse("스팟 인스턴스");
    index.search_counted(&query, &ctx, 1000);
    // A note that had neither word gets both, 스팟 in its title.
    let ix = vault
        .notes
        .iter()
        .position(|n| n.path.starts_with("gen/") && !n.title.contains("스팟"))
        .unwrap();
    let path = dir.path().join(&*vault.notes[ix].path);
    std::fs::write(
        &path,
        "---\ntitle: 스팟 전용 노트\n---\n\n# 스팟 전용 노트\n\n인스턴스가 중단된다.\n",
    )
    .unwrap();
    let edited = load_dir(dir.path());
    assert_eq!(
        index.replace_note(&edited, crate::vault::NoteIx(ix)),
        crate::search::Replaced::InPlace
    );
    let fresh = SearchIndex::build(&edited).search_counted(&query, &ctx, 1000);
    assert!(fresh.0.iter().any(|h| h.title == "스팟 전용 노트"));
    assert_eq!(index.search_counted(&query, &ctx, 1000), fresh);
}

#[test]
fn a_match_kept_in_eight_bytes_is_the_match_that_was_kept() {
    use crate::search::Field;
    use crate::search::scan::TextMatch;
    use crate::search::term::{Loc, TermMatch};
    use crate::search::word_memo::{Kept, ShortBest, WordMatch};
    let fields = [
        Field::Title,
        Field::Alias,
        Field::Tag,
        Field::Heading,
        Field::Question,
        Field::Body,
    ];
    let mut matches = Vec::new();
    for field in fields {
        let short = ShortBest::of(Some(TermMatch {
            field,
            score: field.weight() + 999,
            loc: Loc::Short(u32::MAX as usize),
        }))
        .unwrap();
        matches.push(WordMatch::Short(short));
    }
    for field in fields.map(Some).into_iter().chain([None]) {
        for (at, variant) in [(0, 0), (u32::MAX, 3)] {
            matches.push(WordMatch::Text(TextMatch { at, variant, field }));
        }
    }
    for m in matches {
        assert_eq!(WordMatch::from(Kept::from(m)), m);
    }
}
