//! Fuzz target: one note file's bytes through the whole note parser
//! (decoding, frontmatter, markdown walk, question grammar). It must never
//! panic, and every position it reports must lie inside the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let lines = 1 + bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    let Ok(parsed) = munje::vault::parse_note("fuzz.md", bytes.to_vec()) else {
        return;
    };
    for d in &parsed.diagnostics {
        assert!(d.line >= 1 && d.line <= lines, "diagnostic line {} of {lines}: {d}", d.line);
        assert!(d.column >= 1, "{d}");
    }
    for q in &parsed.questions {
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
