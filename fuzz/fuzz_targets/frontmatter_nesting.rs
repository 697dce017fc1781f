//! Fuzz target: note frontmatter made of nesting (see `nesting.rs`). The
//! note parser must not panic, must report positions inside the file, and
//! the nesting limit in front of the YAML parser must catch everything the
//! parser would find too deep.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;
#[path = "nesting.rs"]
mod nesting;

fuzz_target!(|bytes: &[u8]| {
    let text = format!(
        "---\ntitle: t\nx: {}\n---\n# 본문\n\n{}\n",
        nesting::yaml(bytes),
        nesting::yaml(bytes).replace(['[', '{'], ">")
    );
    let lines = check::lines(text.as_bytes());
    let Ok(parsed) = munje::vault::parse_note("fuzz.md", text.into_bytes()) else {
        return;
    };
    check::parsed(lines, &parsed.diagnostics, &parsed.questions);
    nesting::assert_scan_caught_depth(bytes, &parsed.diagnostics);
});
