//! Putting parsed files together: what the vault keeps once (tag lists,
//! section headings, question texts and key points in its text), against
//! the simple path of each file parsed alone.

use std::path::Path;
use std::sync::Arc;

use crate::vault::load::tests::{fixture, load_one};
use crate::vault::{Known, LoadOptions, Tag, Vault, load};

#[test]
fn a_note_and_its_questions_share_one_tag_list() {
    let dir = tempfile::tempdir().unwrap();
    let note = "---\ntags: [service/emr, exam/saa]\n---\n## 문제\n\n**Q:** 질문 하나\n\n- A) 예\n- B) 아니오\n\n**정답: A**\n\n**Q:** 질문 둘\n\n- A) 예\n- B) 아니오\n\n**정답: B**\n";
    std::fs::write(dir.path().join("a.md"), note).unwrap();
    std::fs::write(dir.path().join("b.md"), note).unwrap();
    let v = load_one(dir.path());
    let tags: Vec<&str> = v.notes[1].tags.iter().map(Tag::as_str).collect();
    assert_eq!(tags, ["service/emr", "exam/saa"]);
    for n in &v.notes {
        for &q in &n.questions {
            assert!(std::sync::Arc::ptr_eq(&n.tags, &v.question(q).tags));
        }
    }
    assert_eq!(v.questions.len(), 4);
}

#[test]
fn notes_share_one_copy_of_each_section_heading() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.md", "b.md"] {
        std::fs::write(
            dir.path().join(name),
            "# 노트\n\n## 핵심 포인트\n\n요점\n\n## 설명\n\n본문\n",
        )
        .unwrap();
    }
    let v = load_one(dir.path());
    let (a, b) = (&v.notes[0].sections, &v.notes[1].sections);
    assert_eq!((&*a[0].heading, &*a[1].heading), ("핵심 포인트", "설명"));
    assert!(Arc::ptr_eq(&a[0].heading, &b[0].heading));
    assert!(Arc::ptr_eq(&a[1].heading, &b[1].heading));
}

/// The loading threads' reading (jobs taken a few at a time, tag lists
/// shared within a thread, notes handed over unboxed) against the simple
/// path: each file parsed alone. The same notes, tags and questions.
#[test]
fn notes_loaded_are_the_notes_parsed_alone() {
    let roots = [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tolerant/corpus"),
        fixture("forms"),
    ];
    for threads in [1, 2, 3] {
        let options = LoadOptions {
            threads,
            ..LoadOptions::default()
        };
        let v = load(&roots, &options, &|_| {}).unwrap();
        assert!(v.notes.len() > 30, "{}", v.notes.len());
        for n in &v.notes {
            let bytes = std::fs::read(roots[n.root].join(&*n.path)).unwrap();
            let alone = crate::vault::parse_note(&n.path, &bytes).unwrap();
            let want = &alone.note;
            assert_eq!(
                (&n.title, &n.heading, &n.tags, &n.aliases, &v.body(n)),
                (
                    &want.title,
                    &want.heading,
                    &want.tags,
                    &want.aliases,
                    &want.body.own().unwrap().into()
                ),
                "{}",
                n.path
            );
            // Kept in the vault's text or its own, the key point reads the same.
            assert_eq!(
                v.key_point(n),
                Vault::default().key_point(want),
                "{}",
                n.path
            );
            let got: Vec<_> = n.questions.iter().map(|&q| v.question(q)).collect();
            assert_eq!(got.len(), alone.questions.len(), "{}", n.path);
            for (q, want) in got.iter().zip(&alone.questions) {
                assert_eq!((&q.id, &q.tags), (&want.id, &want.tags), "{}", n.path);
                assert!(Arc::ptr_eq(&q.tags, &n.tags) || q.tags != n.tags);
                // Kept in the vault's text or their own, the texts read
                // the same, capitals and all.
                assert_eq!(
                    (&q.stem, &q.options, &q.explanations, &q.explanation),
                    (
                        &want.stem,
                        &want.options,
                        &want.explanations,
                        &want.explanation
                    ),
                    "{}",
                    n.path
                );
                assert_eq!(
                    format!("{:?}", (&q.stem, &q.options, &q.explanations)),
                    format!("{:?}", (&want.stem, &want.options, &want.explanations)),
                    "{}",
                    n.path
                );
            }
        }
        // Most stems are written word for word, and kept once.
        let shared = v
            .questions
            .iter()
            .filter(|q| matches!(q.stem, crate::vault::Passage::Shared(..)))
            .count();
        assert!(
            shared * 2 > v.questions.len(),
            "{shared} of {}",
            v.questions.len()
        );
        // So are key points.
        let key_points: Vec<_> = v
            .notes
            .iter()
            .filter_map(|n| n.key_point.as_ref())
            .collect();
        let kept = key_points
            .iter()
            .filter(|k| matches!(k, crate::vault::Passage::Shared(..)))
            .count();
        assert!(
            kept * 2 > key_points.len(),
            "{kept} of {}",
            key_points.len()
        );
    }
}

/// The whole read after the names' read holds the names' strings, not
/// copies (see `Known`), except where a note changed in between; and it
/// reads the same notes as a read with nothing known.
#[test]
fn a_read_after_the_names_read_shares_their_strings_where_they_are_equal() {
    let dir = tempfile::tempdir().unwrap();
    let note = |title: &str| {
        format!("---\ntitle: {title}\naliases: [스팟, Spot]\n---\n\n# 스팟 인스턴스\n\n본문\n")
    };
    std::fs::write(dir.path().join("a.md"), note("a-title")).unwrap();
    std::fs::write(dir.path().join("b.md"), note("b-title")).unwrap();
    let roots = [dir.path().to_path_buf()];
    let cards = LoadOptions {
        depth: crate::vault::Depth::Card,
        ..LoadOptions::default()
    };
    let names = Arc::new(load(&roots, &cards, &|_| {}).unwrap());
    // b.md changes its title between the two reads.
    std::fs::write(dir.path().join("b.md"), note("b-renamed")).unwrap();
    let options = LoadOptions {
        known: Some(Arc::new(Known::of(Arc::clone(&names)))),
        ..LoadOptions::default()
    };
    let whole = load(&roots, &options, &|_| {}).unwrap();
    let alone = load(&roots, &LoadOptions::default(), &|_| {}).unwrap();
    assert_eq!(format!("{:?}", whole.notes), format!("{:?}", alone.notes));
    let (a, card_a) = (&whole.notes[0], &names.notes[0]);
    assert!(Arc::ptr_eq(&a.path, &card_a.path));
    assert!(Arc::ptr_eq(&a.title, &card_a.title));
    assert!(Arc::ptr_eq(
        a.heading.as_ref().unwrap(),
        card_a.heading.as_ref().unwrap()
    ));
    assert!(Arc::ptr_eq(&a.aliases, &card_a.aliases));
    let (b, card_b) = (&whole.notes[1], &names.notes[1]);
    assert_eq!(&*b.title, "b-renamed");
    assert!(!Arc::ptr_eq(&b.title, &card_b.title));
    assert!(Arc::ptr_eq(&b.path, &card_b.path));
    assert!(Arc::ptr_eq(&b.aliases, &card_b.aliases));
}
