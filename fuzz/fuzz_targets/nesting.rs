//! What the nesting fuzz targets share: fuzz bytes spelled as YAML made
//! mostly of nesting (flow and block collections, quotes, comments, block
//! scalars), and the oracle that the nesting scan in front of the parser
//! never lets through what the parser itself finds too deep.

/// The YAML pieces a byte picks from: nesting, what hides nesting from a
/// naive count (quotes, comments, block scalars, plain text), and layout.
const PIECES: [&str; 32] = [
    "[", "]", "{", "}", "[", "{a: ", "- ", "? ", ": ", ", ", "\n", "\n  ", "\n    ", " ", "\"",
    "'", "\\", "#", "|", ">", "a", "b c", "it's", "&x ", "*x", "!t ", "\"]\"", "'['", "{", "[[",
    "- - ", "x: ",
];

/// The YAML text a fuzz input spells, piece by piece.
pub fn yaml(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| PIECES[usize::from(b) % PIECES.len()])
        .collect()
}

/// True when the YAML a fuzz input spells holds an alias (`*x`): an alias
/// of the anchor it sits in (`&x [*x]`) also ends in the parser's
/// recursion limit, with no nesting in the text for the scan to count.
pub fn has_alias(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|&b| PIECES[usize::from(b) % PIECES.len()].contains('*'))
}

/// Panics when a diagnostic shows the YAML parser's own recursion limit:
/// the nesting scan (limit 100) must refuse anything that deep (128)
/// first. Inputs with aliases are left out (see [`has_alias`]).
pub fn assert_scan_caught_depth(bytes: &[u8], diagnostics: &[munje::vault::Diagnostic]) {
    if has_alias(bytes) {
        return;
    }
    for d in diagnostics {
        assert!(
            !d.message.contains("recursion limit exceeded"),
            "the nesting scan let through YAML the parser found too deep: {d}"
        );
    }
}
