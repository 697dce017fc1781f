//! Hostile nesting: YAML and markdown nested far deeper than any note, the
//! shape that costs the parsers more than linear time or memory. Each file
//! is refused (YAML) or cut to text (markdown) at the nesting limit, with
//! a diagnostic where the limit is hit, within the bounds of
//! `bounded::run_bounded`; the rest of the vault loads.

use super::bounded::exported_note;
use super::hostile::{Expect, assert_hostile, broken, file};

/// Just under the 8 MiB file limit.
const NEARLY_8_MIB: usize = 8 * 1024 * 1024 - 64;

/// Frontmatter of `x: ` and `nest`, then a body with a heading.
fn deep_frontmatter(nest: &str) -> String {
    format!("---\ntitle: 깊은 머리말\nx: {nest}\n---\n# 본문 제목\n\n본문은 읽힌다.\n")
}

/// Asserts the deep note still loaded with its body heading as its title.
fn assert_body_loads(export: &serde_json::Value, rel: &str) {
    let note = exported_note(export, rel).expect("the note with deep frontmatter must load");
    assert_eq!(note["title"], "본문 제목");
}

#[test]
fn four_megabytes_of_brackets_in_frontmatter_are_refused_at_the_limit() {
    let export = assert_hostile(
        file("brackets.md", deep_frontmatter(&"[".repeat(4_000_000))),
        broken("brackets.md", "deeper than 100 levels"),
    );
    assert_body_loads(&export, "brackets.md");
}

#[test]
fn a_hundred_thousand_nested_maps_in_frontmatter_are_refused_at_the_limit() {
    let export = assert_hostile(
        file("maps.md", deep_frontmatter(&"{a: ".repeat(100_000))),
        broken("maps.md", "deeper than 100 levels"),
    );
    assert_body_loads(&export, "maps.md");
}

#[test]
fn a_million_nested_block_lists_in_frontmatter_are_refused_at_the_limit() {
    let nest = format!("\n{}a", "- ".repeat(1_000_000));
    let export = assert_hostile(
        file("blocks.md", deep_frontmatter(&nest)),
        broken("blocks.md", "deeper than 100 levels"),
    );
    assert_body_loads(&export, "blocks.md");
}

#[test]
fn a_bank_of_four_megabytes_of_brackets_is_refused_at_the_limit() {
    let export = assert_hostile(
        file("questions/deep.yaml", "[".repeat(4_000_000)),
        broken("questions/deep.yaml", "deeper than 100 levels"),
    );
    let questions: usize = export["banks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["questions"].as_array().unwrap().len())
        .sum();
    assert_eq!(questions, 0, "{export:#}");
}

#[test]
fn a_note_of_eight_megabytes_of_quote_markers_loads_cut_to_text() {
    let export = assert_hostile(
        file("quotes.md", ">".repeat(NEARLY_8_MIB)),
        Expect {
            code: 0,
            diagnostic: Some(("quotes.md", "deeper than 100 levels")),
        },
    );
    assert!(exported_note(&export, "quotes.md").is_some());
}

#[test]
fn a_note_of_eight_megabytes_of_nested_list_markers_loads_cut_to_text() {
    let export = assert_hostile(
        file("lists.md", "- ".repeat(NEARLY_8_MIB / 2)),
        Expect {
            code: 0,
            diagnostic: Some(("lists.md", "deeper than 100 levels")),
        },
    );
    assert!(exported_note(&export, "lists.md").is_some());
}

/// A line starting with `[` that goes on with the plain scalar above it
/// is text to the YAML parser; the million nested lists after it are
/// refused at the limit, not left to the parser.
#[test]
fn a_bank_of_lists_after_a_bracket_that_goes_on_with_text_is_refused_at_the_limit() {
    let bank = format!(
        "- question: q\n  options:\n    a\n    [b\n  answer: A\n- question: r\n  \
         explanation:\n    {}a\n",
        "- ".repeat(1_000_000)
    );
    assert_hostile(
        file("questions/cont.yaml", bank),
        broken("questions/cont.yaml", "deeper than 100 levels"),
    );
}

/// A block scalar ends where the list holding it does, and the million
/// nested lists on the next line are counted.
#[test]
fn a_million_nested_lists_after_a_block_scalar_are_refused_at_the_limit() {
    let nest = format!("\n- - |\n    글\n  {}a", "- ".repeat(1_000_000));
    let export = assert_hostile(
        file("scalar.md", deep_frontmatter(&nest)),
        broken("scalar.md", "deeper than 100 levels"),
    );
    assert_body_loads(&export, "scalar.md");
}

/// Lists at the indentation of their keys (`a:\n- b:\n  - c:`) nest two
/// levels every two columns; both are counted.
#[test]
fn lists_at_their_keys_indentation_are_refused_at_the_limit() {
    let mut nest = String::from("\n");
    for i in 0..80 {
        nest.push_str(&"  ".repeat(i));
        nest.push_str("- k:\n");
    }
    nest.push_str("  a");
    let export = assert_hostile(
        file("keylists.md", deep_frontmatter(&nest)),
        broken("keylists.md", "deeper than 100 levels"),
    );
    assert_body_loads(&export, "keylists.md");
}
