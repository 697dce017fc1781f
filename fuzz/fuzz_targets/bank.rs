//! Fuzz target: one question bank's bytes through the YAML bank parser.
//! It must never panic, and every position it reports must lie inside the
//! file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let lines = 1 + bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    let Ok(bank) = munje::vault::bank::parse_bank("questions/fuzz.yaml", bytes.to_vec()) else {
        return;
    };
    for d in &bank.diagnostics {
        assert!(d.line >= 1 && d.line <= lines, "diagnostic line {} of {lines}: {d}", d.line);
        assert!(d.column >= 1, "{d}");
    }
    for q in &bank.questions {
        assert!(q.line >= 1 && q.line <= lines, "question line {} of {lines}", q.line);
        assert!(q.answer.windows(2).all(|w| w[0] < w[1]), "answer not sorted");
        if q.quizzable {
            assert!(q.options.len() >= 2, "quizzable with {} options", q.options.len());
            assert!(!q.answer.is_empty(), "quizzable without an answer");
            for letter in &q.answer {
                assert!(
                    q.options.iter().any(|o| o.letter == *letter),
                    "answer {letter:?} has no option"
                );
            }
        }
    }
});
