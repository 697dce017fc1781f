//! Fuzz target: one question bank's bytes through the YAML bank parser.
//! It must never panic, and every position it reports must lie inside the
//! file.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|bytes: &[u8]| {
    let lines = check::lines(bytes);
    let Ok(bank) = munje::vault::bank::parse_bank("questions/fuzz.yaml", bytes.to_vec()) else {
        return;
    };
    check::parsed(lines, &bank.diagnostics, &bank.questions);
});
