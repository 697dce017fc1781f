//! Fuzz target: a question bank whose entries hold nested values (see
//! `nesting.rs`). The bank parser must not panic, must report positions
//! inside the file, and the nesting limit must catch everything the YAML
//! parser would find too deep.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;
#[path = "nesting.rs"]
mod nesting;

fuzz_target!(|bytes: &[u8]| {
    let half = bytes.len() / 2;
    let text = format!(
        "- question: q\n  options: {}\n  answer: A\n- question: r\n  explanation:\n    {}\n",
        nesting::yaml(&bytes[..half]),
        nesting::yaml(&bytes[half..])
    );
    let lines = check::lines(text.as_bytes());
    let Ok(bank) = munje::vault::bank::parse_bank("questions/fuzz.yaml", text.into_bytes()) else {
        return;
    };
    check::parsed(lines, &bank.diagnostics, &bank.questions);
    nesting::assert_scan_caught_depth(bytes, &bank.diagnostics);
});
