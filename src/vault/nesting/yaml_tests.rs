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
    // The list at its key's column is a level of its own.
    let yaml = format!("x:\n{}a\n", "- ".repeat(300));
    assert_eq!(yaml_too_deep(&yaml, 100), Some((2, 2 * 98 + 1)));
    let mut yaml = String::new();
    for i in 0..200 {
        yaml.push_str(&" ".repeat(i));
        yaml.push_str("a:\n");
    }
    assert_eq!(yaml_too_deep(&yaml, 100), Some((101, 101)));
}

/// How deep the scan finds `yaml`: the smallest limit it stays within.
fn scan_depth(yaml: &str) -> usize {
    (0..=yaml.len() + 1)
        .find(|&limit| yaml_too_deep(yaml, limit).is_none())
        .unwrap_or(usize::MAX)
}

/// How deep the YAML parser nests `yaml`: its sequences and mappings.
fn parser_depth(yaml: &str) -> usize {
    fn depth(value: &serde_yaml::Value) -> usize {
        use serde_yaml::Value;
        match value {
            Value::Sequence(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
            Value::Mapping(pairs) => {
                1 + pairs
                    .iter()
                    .map(|(k, v)| depth(k).max(depth(v)))
                    .max()
                    .unwrap_or(0)
            }
            Value::Tagged(tagged) => depth(&tagged.value),
            _ => 0,
        }
    }
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(value) => depth(&value),
        Err(e) => panic!("not YAML the parser reads ({e}):\n{yaml}"),
    }
}

/// Panics unless the scan counts at least as many levels as the parser
/// nests in `yaml` (which must be valid YAML).
fn assert_counted(yaml: &str) {
    let (scan, parser) = (scan_depth(yaml), parser_depth(yaml));
    assert!(
        scan >= parser,
        "the scan counts {scan} levels where the parser nests {parser}:\n{yaml}"
    );
}

/// `depth` nested compact entries (`- - - z`), `depth` levels.
fn compact(depth: usize) -> String {
    format!("{}z\n", "- ".repeat(depth))
}

/// Found by the `bank_nesting` fuzz target: a line starting with `[`,
/// indented past the mapping, goes on with the plain scalar above it
/// (YAML 1.2, 7.3.3: a continuation line needs only to be indented more
/// than the collection holding the scalar), so the bracket is text and the
/// compact entries after it are all levels.
#[test]
fn a_bracket_on_a_continuation_line_is_text() {
    for yaml in [
        format!("x:\n  a\n  [b\ny:\n{}", compact(40)),
        format!("x:\n    a\n  [b\ny:\n{}", compact(40)),
        format!("- a\n  [b\n- {}", compact(40)),
        format!("- a\n [b\n- {}", compact(40)),
        format!("-\n    a\n  {{b\n- {}", compact(40)),
        format!("x: a\n [b\ny:\n{}", compact(40)),
    ] {
        assert_counted(&yaml);
    }
    let fixture = include_str!("../../../tests/fixtures/fuzz/bank-compact-sequences.yaml");
    assert!(yaml_too_deep(fixture, MAX_NESTING).is_some());
}

/// A block scalar's lines are those indented past the collection that
/// holds it, not past the line its `|` is on.
#[test]
fn a_block_scalar_ends_where_its_collection_does() {
    for yaml in [
        format!("- - |\n    text\n  - {}", compact(40)),
        format!("- - >\n    text\n  - {}", compact(40)),
        format!("x:\n  |\n  [text\ny:\n{}", compact(40)),
        format!("x: !t\n  >-\n  {{text\ny:\n{}", compact(40)),
    ] {
        assert_counted(&yaml);
    }
}

/// A list at the same indentation as the key it belongs to (`a:\n- b`) is
/// a level of its own: two levels per two columns.
#[test]
fn lists_at_their_keys_indentation_are_levels_of_their_own() {
    let mut yaml = String::from("a:\n");
    for i in 0..40 {
        yaml.push_str(&"  ".repeat(i));
        yaml.push_str("- k:\n");
    }
    yaml.push_str(&"  ".repeat(40));
    yaml.push_str("- z\n");
    assert_counted(&yaml);
}

/// The YAML parser reads `#` right after a quoted scalar, a flow
/// collection or a `,` as a comment: brackets after it close nothing.
#[test]
fn a_comment_right_after_a_token_hides_its_brackets() {
    for (tail, next) in [("\"a\"#", ","), ("'a'#", ","), ("[]#", ","), ("a,#", "")] {
        let yaml = format!(
            "x: {}{tail}{}\n  {next}{}1{}\n",
            "[".repeat(40),
            "]".repeat(40),
            "[".repeat(40),
            "]".repeat(80)
        );
        assert_counted(&yaml);
    }
}

/// In a flow collection `:` followed by other text is part of a plain
/// scalar (`[a:"b]`): the quote after it is text, not an opening quote.
#[test]
fn a_quote_after_a_colon_inside_flow_text_is_text() {
    for yaml in [
        format!("x: [a:\"b]\ny:\n{}", compact(40)),
        format!("x: {{a:'b}}\ny:\n{}", compact(40)),
    ] {
        assert_counted(&yaml);
    }
}

/// An alias or anchor name ends at the first character a name cannot hold
/// (`[*x]`): the bracket after it closes the collection.
#[test]
fn an_alias_ends_before_a_closing_bracket() {
    for yaml in [
        format!("a: &x 1\nb: [*x]\nc:\n{}", compact(40)),
        format!("a: &x 1\nb: {{k: *x}}\nc:\n{}", compact(40)),
        format!("a: [!t, &y]\nc:\n{}", compact(40)),
    ] {
        assert_counted(&yaml);
    }
}

/// A document marker (`---`) at the start of a line ends a plain scalar
/// even at the root, where any line may go on with one.
#[test]
fn a_document_marker_ends_a_root_plain_scalar() {
    let yaml = format!("a\n---\n{}", compact(150));
    assert!(yaml_too_deep(&yaml, MAX_NESTING).is_some());
    let yaml = format!("a\n--- {}1{}", "[".repeat(150), "]".repeat(150));
    assert!(yaml_too_deep(&yaml, MAX_NESTING).is_some());
}

/// YAML spelled from pieces like the fuzz targets', small enough to reach
/// every shape in a few thousand cases.
mod never_under_counts {
    use super::*;
    use proptest::prelude::*;

    const PIECES: [&str; 56] = [
        "[", "]", "{", "}", "{a: ", "- ", "? ", ": ", ", ", "\n", "\n  ", "\n    ", " ", "\"", "'",
        "\\", "#", "|", ">", "a", "b c", "it's", "&x ", "!t ", "\"]\"", "'['", "[[", "- - ", "x: ",
        "y: ", "\n- ", "\n  - ", "\n---\n", "z:", "\n ", "\n   ", "|\n", ">-\n", "\t", ": [",
        "k: |\n", ",#", "\"a\"#", " #", "--- ", "\n...\n", "a:b", ":a", "?a", "-a", "|2\n",
        "\n      ", "\"k\":", "?", ":", "\n  # c",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 50000, ..ProptestConfig::default() })]

        /// Whatever the parser reads, the scan counts at least as deep.
        #[test]
        fn on_yaml_made_of_nesting_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let yaml: String = picks.iter().map(|&i| PIECES[i]).collect();
            if serde_yaml::from_str::<serde_yaml::Value>(&yaml).is_ok() {
                assert_counted(&yaml);
            }
        }
    }
}

/// Every YAML text of the bundled deck, the seed notes and the fixtures
/// (frontmatter and banks; the fuzz finds aside), with its file's path.
fn real_yaml() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.display().to_string();
            if path.is_dir() {
                if !name.ends_with("fuzz") {
                    walk(&path, out);
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "yaml" || ext == "yml" {
                out.push((name, text));
            } else if (ext == "md" || ext == "txt")
                && let Some(rest) = text.strip_prefix("---\n")
                && let Some(end) = rest.find("\n---")
            {
                out.push((name, rest[..end].to_owned()));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["notes", "questions", "tests/fixtures", "../shared/seeds"] {
        walk(&root.join(dir), &mut out);
    }
    out
}

/// The scan never refuses a real note or bank, and counts what the parser
/// nests in each, or one level more (a scalar's own line).
#[test]
fn real_notes_and_banks_are_counted_close_to_their_depth() {
    let texts = real_yaml();
    assert!(texts.len() > 50, "only {} YAML texts found", texts.len());
    for (name, yaml) in &texts {
        assert_eq!(yaml_too_deep(yaml, MAX_NESTING), None, "{name}");
        if serde_yaml::from_str::<serde_yaml::Value>(yaml).is_ok() {
            let (scan, parser) = (scan_depth(yaml), parser_depth(yaml));
            assert!(
                (parser..=parser + 1).contains(&scan),
                "{name}: the scan counts {scan} levels, the parser nests {parser}"
            );
        }
    }
}

/// Found by the property test below: in flow context the parser reads `?`
/// as a key indicator wherever a token may start, even with no space after
/// it (`[?[?a]]`): a single-pair mapping inside the sequence, a level.
#[test]
fn a_question_mark_inside_flow_opens_a_pair_even_without_a_space() {
    let yaml = format!("x: {}a{}\n", "[?".repeat(40), "]".repeat(40));
    assert_counted(&yaml);
}
