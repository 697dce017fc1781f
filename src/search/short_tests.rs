//! The compact short fields against the simple layout they replaced:
//! every field reads back as computed afresh from its note (replaced
//! notes' too), fields sharing a text are numbered as a map of texts
//! numbers them, and the hits over the compact fields are those over
//! fields stored each on its own.

use std::collections::{HashMap, HashSet};

use super::Shorts;
use crate::search::hangul;
use crate::search::replace::tests::{generated_vault, load_dir};
use crate::search::shared::{NOT_SHARED, shared_numbers, shared_numbers_by};
use crate::search::{Field, Query, Replaced, SearchContext, SearchIndex};
use crate::text::fold::{char_mask, fold};
use crate::text::nfc;
use crate::vault::{NoteIx, Vault, load_bundled};

/// A field as the index kept it before: three texts of its own.
#[derive(Debug, PartialEq)]
struct Owned {
    field: Field,
    text: String,
    folded: String,
    choseong: Option<String>,
    masks: [u64; 2],
}

fn afresh(field: Field, raw: &str) -> Owned {
    let text = nfc(raw);
    let folded = fold(&text);
    let choseong = folded
        .chars()
        .any(hangul::is_syllable)
        .then(|| hangul::choseong_form(&folded));
    Owned {
        field,
        masks: [char_mask(&folded), choseong.as_deref().map_or(0, char_mask)],
        text,
        folded,
        choseong,
    }
}

/// Document `d`'s fields computed afresh from the vault: a note's title,
/// aliases, tags and heading; a bank question's tags.
fn expected(vault: &Vault, index: &SearchIndex, d: usize) -> Vec<Owned> {
    let doc = &index.docs[d];
    if let Some(q) = doc.bank_question {
        let q = vault.question(index.question_now(doc, q));
        return q
            .tags
            .iter()
            .map(|t| afresh(Field::Tag, t.as_str()))
            .collect();
    }
    let note = &vault.notes[doc.note.unwrap().0];
    let mut fields = vec![afresh(Field::Title, &note.title)];
    fields.extend(note.aliases.iter().map(|a| afresh(Field::Alias, a)));
    fields.extend(note.tags.iter().map(|t| afresh(Field::Tag, t.as_str())));
    fields.extend(note.heading.iter().map(|h| afresh(Field::Heading, h)));
    fields
}

fn assert_fields_afresh(vault: &Vault, index: &SearchIndex, what: &str) {
    for d in 0..index.docs.len() {
        let doc = &index.docs[d];
        let got: Vec<Owned> = index
            .doc_shorts(doc)
            .map(|s| Owned {
                field: s.field,
                text: s.text.to_owned(),
                folded: s.folded.to_owned(),
                choseong: s.choseong.map(str::to_owned),
                masks: [s.mask, s.cho_mask],
            })
            .collect();
        assert_eq!(got, expected(vault, index, d), "{what}: {}", doc.path);
        let line = match doc.bank_question {
            Some(q) => vault.question(index.question_now(doc, q)).line,
            None => 1,
        };
        for s in index.doc_shorts(doc) {
            if matches!(s.field, Field::Alias | Field::Tag) {
                assert_eq!(s.line, line, "{what}: {} {}", doc.path, s.text);
            }
        }
    }
}

#[test]
fn compact_fields_read_back_as_computed_afresh_from_each_note() {
    let deck = load_bundled();
    assert_fields_afresh(&deck, &SearchIndex::build(&deck), "deck");
    let (dir, vault) = generated_vault(3);
    let mut index = SearchIndex::build(&vault);
    assert_fields_afresh(&vault, &index, "generated");
    // Replaced notes' fields, numbered past the build's.
    let mut vault = vault;
    for (k, ix) in [2, 5, 2, 9].into_iter().enumerate() {
        let path = dir.path().join(&*vault.notes[ix].path);
        let text = format!(
            "---\ntitle: 스팟 Spot 노트 {k}\naliases: [EMR 스팟, Ärger]\n\
             tags: [service/emr, 새/태그{k}]\n---\n\n# 스팟 Spot 노트 {k}\n\n본문.\n"
        );
        std::fs::write(path, text).unwrap();
        vault = load_dir(dir.path());
        assert_eq!(index.replace_note(&vault, NoteIx(ix)), Replaced::InPlace);
        assert_fields_afresh(&vault, &index, &format!("replaced {k}"));
    }
}

/// How fields were numbered before `shared` sorted them: a map from each
/// kind and text to its count.
fn numbers_by_map(fields: &[(Field, &str)]) -> (Vec<u32>, usize) {
    let mut counts: HashMap<(Field, &str), (u32, u32)> = HashMap::new();
    for &f in fields {
        counts.entry(f).or_insert((0, NOT_SHARED)).0 += 1;
    }
    let mut texts = 0;
    let numbers = fields
        .iter()
        .map(|f| match counts.get_mut(f) {
            Some((n, number)) if *n >= 2 => {
                if *number == NOT_SHARED {
                    *number = texts;
                    texts += 1;
                }
                *number
            }
            _ => NOT_SHARED,
        })
        .collect();
    (numbers, texts as usize)
}

#[test]
fn fields_sharing_a_text_are_numbered_as_a_map_of_texts_numbers_them() {
    let (_dir, vault) = generated_vault(8);
    let deck = load_bundled();
    for vault in [&vault, &deck] {
        let index = SearchIndex::build(vault);
        let fields: Vec<(Field, &str)> = (0..index.shorts.len())
            .map(|i| index.shorts.kind_and_folded(i))
            .collect();
        let want = numbers_by_map(&fields);
        assert!(want.1 > 0, "some texts are shared");
        assert_eq!(shared_numbers(fields.len(), |i| fields[i]), want);
        assert_eq!((index.short_shared.clone(), index.shared_texts), want);
        // Every hash alike: the texts are told apart by comparison.
        assert_eq!(shared_numbers_by(fields.len(), |i| fields[i], |_| 0), want);
        let few = |(f, t): (Field, &str)| (f as u64) ^ (t.len() as u64 % 3);
        assert_eq!(shared_numbers_by(fields.len(), |i| fields[i], few), want);
    }
}

/// The same index with each field's texts stored on its own (no tag
/// stored once) and shared texts numbered by a map.
fn with_plain_fields(mut index: SearchIndex) -> SearchIndex {
    let mut plain = Shorts::apart();
    for i in 0..index.shorts.len() {
        let s = index.short(i);
        let masks = plain.push(s.field, s.text, s.line, true);
        assert_eq!(masks, [s.mask, s.cho_mask]);
    }
    let fields: Vec<(Field, &str)> = (0..plain.len()).map(|i| plain.kind_and_folded(i)).collect();
    (index.short_shared, index.shared_texts) = numbers_by_map(&fields);
    index.shorts = plain;
    index
}

#[test]
fn hits_over_compact_fields_are_those_over_fields_stored_apart() {
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let typed = [
        "스팟 인스턴스",
        "ㅅㅍ",
        "emr 노드",
        "#service/emr 코어",
        "service",
        "-스팟 노드",
        "\"스팟 인스턴스\"",
        "title:생성",
        "alias:spot",
        "ㅇㄷㅁㄷ",
        "tmvkt",
    ];
    let (_dir, vault) = generated_vault(13);
    let deck = load_bundled();
    let mut found = 0;
    for vault in [&vault, &deck] {
        let compact = SearchIndex::build(vault);
        let plain = with_plain_fields(SearchIndex::build(vault));
        for q in typed {
            for (i, c) in q.char_indices() {
                let query = Query::parse(&q[..i + c.len_utf8()]);
                let want = plain.search_counted(&query, &ctx, 1000);
                found += want.1;
                assert_eq!(compact.search_counted(&query, &ctx, 1000), want, "{q}");
            }
        }
    }
    assert!(found > 500, "the words are found ({found})");
}

#[test]
fn a_field_is_six_numbers() {
    assert_eq!(std::mem::size_of::<super::Rec>(), 24);
}
