//! `check`'s report from a vault whose unread hints were found as it
//! loaded ([`hints::Hints`]) against the simple path: the vault loaded
//! whole, the hints read from every note's body afterwards.

use std::path::{Path, PathBuf};

use super::hints::{self, Hints};
use super::{add_diagnostics, render_json, render_text};
use crate::i18n::Lang;
use crate::vault::{self, LoadOptions, QuestionStyle, Severity, Vault};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The vault as `check` reports it, both ways: (streamed, whole).
fn both(roots: Option<&[PathBuf]>, style: QuestionStyle) -> (Vault, Vault) {
    let options = LoadOptions {
        questions: style,
        threads: 2,
        ..LoadOptions::default()
    };
    let sink = Hints { style };
    let (mut streamed, found) = match roots {
        Some(roots) => vault::load_with(roots, &options, &|_| {}, sink).expect("loads"),
        None => vault::load_bundled_with(sink),
    };
    add_diagnostics(&mut streamed, found);
    let mut whole = match roots {
        Some(roots) => vault::load(roots, &options, &|_| {}).expect("loads"),
        None => vault::load_bundled(),
    };
    let found = hints::of_whole(&whole, style);
    add_diagnostics(&mut whole, found);
    (streamed, whole)
}

fn hint_count(vault: &Vault) -> usize {
    let hint = "answer-like line but no question was read";
    vault
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.text(Lang::En).contains(hint))
        .count()
}

/// Asserts the same report both ways, in both languages and formats, and
/// returns how many hints it has.
fn same_report(roots: Option<&[PathBuf]>, style: QuestionStyle) -> usize {
    let (streamed, whole) = both(roots, style);
    assert_eq!(
        streamed.diagnostics, whole.diagnostics,
        "{roots:?} {style:?}"
    );
    for lang in [Lang::Ko, Lang::En] {
        for color in [false, true] {
            assert_eq!(
                render_text(&streamed, color, lang),
                render_text(&whole, color, lang),
                "{roots:?} {style:?} {lang:?}"
            );
        }
        assert_eq!(
            render_json(&streamed, lang).expect("json"),
            render_json(&whole, lang).expect("json"),
        );
    }
    // What the streamed load keeps: names and questions, no text.
    assert!(streamed.notes.iter().all(|n| n.body.is_empty()));
    assert_eq!(streamed.questions.len(), whole.questions.len());
    hint_count(&whole)
}

#[test]
fn hints_found_while_loading_make_the_same_report_as_hints_read_afterwards() {
    let corpus = [
        fixture("tests/fixtures/tolerant/corpus"),
        fixture("tests/fixtures/tolerant/forms"),
    ];
    let strict = same_report(Some(&corpus), QuestionStyle::Strict);
    let tolerant = same_report(Some(&corpus), QuestionStyle::default());
    // Strict reading leaves every tolerant question unread: a hint each.
    assert!(strict > tolerant, "{strict} {tolerant}");
    assert!(
        tolerant > 0,
        "the corpus has notes with unread answer lines"
    );
    for rel in [
        "tests/fixtures/vaults/forms",
        "tests/fixtures/vaults/broken",
    ] {
        for style in [QuestionStyle::Strict, QuestionStyle::default()] {
            same_report(Some(&[fixture(rel)]), style);
        }
    }
    for style in [QuestionStyle::Strict, QuestionStyle::default()] {
        same_report(None, style);
    }
}

#[test]
fn hints_from_many_notes_on_two_threads_sit_among_the_other_diagnostics_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..120 {
        let folder = dir.path().join(format!("part-{}", i % 3));
        std::fs::create_dir_all(&folder).expect("makes a folder");
        // An answer line with no question (a hint), an unclosed
        // frontmatter (an error), or a plain note.
        let text = match i % 4 {
            0 => format!("# 메모 {i}\n\n설명.\n\n정답: B\n"),
            1 => format!("---\ntitle: x{i}\n# 메모\n\n정답: C\n"),
            _ => format!("# 글 {i}\n\n그냥 글.\n"),
        };
        std::fs::write(folder.join(format!("n{i:03}.md")), text).expect("writes");
    }
    let roots = [dir.path().to_owned()];
    assert!(same_report(Some(&roots), QuestionStyle::default()) >= 30);
}
