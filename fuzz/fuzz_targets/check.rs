//! What every fuzz target asserts about parsed questions and diagnostics:
//! positions inside the file, and quizzable questions that can be asked.

use munje::vault::{Diagnostic, Question};

/// Lines in the input, counting a lone CR as a line ending like the parser.
pub fn lines(bytes: &[u8]) -> usize {
    1 + bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count()
}

/// Panics on any diagnostic or question that breaks the parser's promises.
pub fn parsed(lines: usize, diagnostics: &[Diagnostic], questions: &[Question]) {
    for d in diagnostics {
        assert!(
            d.line >= 1 && d.line <= lines,
            "diagnostic line {} of {lines}: {d}",
            d.line
        );
        assert!(d.column >= 1, "{d}");
    }
    for q in questions {
        assert!(
            q.line >= 1 && q.line <= lines,
            "question line {} of {lines}",
            q.line
        );
        let answer = q.answer.to_vec();
        assert!(answer.windows(2).all(|w| w[0] < w[1]), "answer not sorted");
        if q.quizzable {
            assert!(
                q.options.len() >= 2,
                "quizzable with {} options",
                q.options.len()
            );
            assert!(!answer.is_empty(), "quizzable without an answer");
            for letter in answer {
                assert!(
                    q.options.find(letter).is_some(),
                    "answer {letter:?} has no option"
                );
            }
        }
    }
}
