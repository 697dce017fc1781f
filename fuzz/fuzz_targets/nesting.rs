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

/// Panics when a diagnostic shows the YAML parser's own recursion limit:
/// the nesting scan (limit 100) must refuse anything that deep (128)
/// first.
pub fn assert_scan_caught_depth(diagnostics: &[munje::vault::Diagnostic]) {
    for d in diagnostics {
        assert!(
            !d.message.contains("recursion limit exceeded"),
            "the nesting scan let through YAML the parser found too deep: {d}"
        );
    }
}
