//! Tests of the YAML nesting scan: what it counts, and that it never
//! counts less than the YAML parser nests.

use super::*;
use crate::vault::nesting::MAX_NESTING;

#[test]
fn the_parser_names_nesting_past_its_own_limit() {
    for (open, close) in [("[", "]"), ("{a: ", "}"), ("- ", "")] {
        let (open, close) = (open.repeat(200), close.repeat(200));
        let yaml = format!("x:\n  {open}1{close}\n");
        let err = serde_yaml::from_str::<serde_yaml::Value>(&yaml).unwrap_err();
        assert!(
            err.to_string().contains("recursion limit exceeded"),
            "{err}"
        );
    }
}

#[test]
fn ordinary_yaml_is_within_the_limit() {
    let yaml =
        "title: 제목\ntags: [a, b]\naliases:\n  - x\n  - 'it''s [ok'\nmeta: {a: {b: [1, 2]}}\n";
    assert_eq!(yaml_too_deep(yaml, 4), None);
}

#[test]
fn deep_flow_nesting_is_found_where_it_passes_the_limit() {
    let yaml = format!("title: t\nx: {}", "[".repeat(1000));
    assert_eq!(yaml_too_deep(&yaml, 100), Some((2, 4 + 99)));
    let yaml = format!("x: {}", "{a: ".repeat(1000));
    assert_eq!(yaml_too_deep(&yaml, 10), Some((1, 4 + 9 * 4)));
}

#[test]
fn brackets_in_quotes_comments_and_block_scalars_do_not_count() {
    let many = "[".repeat(50);
    let yaml =
        format!("a: \"{many}\"\nb: '{many}'\n# {many}\nc: |\n  {many}\n  {many}\nd: x {many}\n");
    // Brackets inside a plain scalar in block context are text too.
    assert_eq!(yaml_too_deep(&yaml, 10), None);
}

#[test]
fn a_quote_inside_a_plain_scalar_does_not_hide_later_nesting() {
    let deep = "[".repeat(200);
    for yaml in [
        format!("a: b \"\nc: {deep}"),
        format!("a: b\n  \"\nc: {deep}"),
        format!("a: [b \", {deep}"),
        format!("a: it's\nc: {deep}"),
    ] {
        assert!(yaml_too_deep(&yaml, 100).is_some(), "{yaml:.30}");
    }
}

/// Found by the `bank_nesting` fuzz target: a bracket inside a plain
/// scalar was taken for an open flow collection that never closed, and
/// the block nesting after it (`- - - …` on a later line) went
/// uncounted.
#[test]
fn a_bracket_in_plain_text_does_not_hide_later_block_nesting() {
    let yaml = format!(
        "- question: q\n  options: \\? ? - -  [#- -\n  answer: A\n- question: r\n  \
         explanation:\n    {}a\n",
        "- ".repeat(150)
    );
    assert_eq!(yaml_too_deep(&yaml, 100), Some((6, 4 + 2 * 97 + 1)));
}

/// Found by the `frontmatter_nesting` fuzz target: brackets and quotes
/// inside a plain scalar, then `x: ` ends the scalar and real flow
/// nesting starts.
#[test]
fn flow_nesting_after_a_plain_scalar_with_brackets_and_quotes_is_found() {
    let yaml = format!(
        "x: \n    ? \\- - !t [[[[''['x: {}1{}\n",
        "[".repeat(150),
        "]".repeat(150)
    );
    assert!(yaml_too_deep(&yaml, 100).is_some());
}

/// Found by the fuzz targets: `[x: [x: …` nests a single-pair mapping
/// in each sequence, two levels per bracket to the parser.
#[test]
fn pairs_inside_flow_sequences_count_as_levels() {
    let yaml = format!("x: {}1{}\n", "[x: ".repeat(60), "]".repeat(60));
    assert_eq!(yaml_too_deep(&yaml, 100), Some((1, 4 + 4 * 49 + 2)));
    let yaml = format!("x: {}1{}\n", "[? ".repeat(60), "]".repeat(60));
    assert!(yaml_too_deep(&yaml, 100).is_some());
    let flat = format!("x: [{}]\n", "a: 1, ".repeat(500));
    assert_eq!(yaml_too_deep(&flat, 3), None);
    let maps = format!("x: {}1{}\n", "{a: ".repeat(60), "}".repeat(60));
    assert_eq!(yaml_too_deep(&maps, 100), None);
}

/// The fuzz inputs that found it, as frontmatter and as a bank: the
/// scan refuses them, or the parser finds them within its own limit.
#[test]
fn fuzz_finds_with_pairs_in_sequences_are_caught() {
    for yaml in [
        include_str!("../../../tests/fixtures/fuzz/frontmatter-pairs.yaml"),
        include_str!("../../../tests/fixtures/fuzz/bank-pairs.yaml"),
    ] {
        if yaml_too_deep(yaml, MAX_NESTING).is_none()
            && let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(yaml)
        {
            assert!(!e.to_string().contains("recursion limit"), "{e}");
        }
    }
}

#[test]
fn deep_block_nesting_is_found() {
    let yaml = format!("x:\n{}a\n", "- ".repeat(300));
    assert_eq!(yaml_too_deep(&yaml, 100), Some((2, 2 * 99 + 1)));
    let mut yaml = String::new();
    for i in 0..200 {
        yaml.push_str(&" ".repeat(i));
        yaml.push_str("a:\n");
    }
    assert_eq!(yaml_too_deep(&yaml, 100), Some((101, 101)));
}
