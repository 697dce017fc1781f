//! Fuzz target: one note file's bytes through the whole note parser
//! (decoding, frontmatter, markdown walk, question grammar). It must never
//! panic, and every position it reports must lie inside the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|bytes: &[u8]| {
    let lines = check::lines(bytes);
    let Ok(parsed) = munje::vault::parse_note("fuzz.md", bytes.to_vec()) else {
        return;
    };
    check::parsed(lines, &parsed.diagnostics, &parsed.questions);
});
