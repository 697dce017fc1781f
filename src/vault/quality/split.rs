//! The per-question lint on two threads. It runs after a vault has
//! loaded, when the loading threads are done and one core would otherwise
//! sit idle: each thread takes every other group of questions (a
//! question's warnings depend only on its group's questions), and the two
//! lists, each in vault order, are merged by question into the one list
//! a single pass gives. At 100,000 notes the lint is most of what `check`
//! does after loading.

use super::QualityWarning;
use super::per_question::{self, Groups};
use crate::vault::model::Vault;

/// Every per-question warning, in vault order: what
/// `per_question::warnings(vault, Groups::All)` gives.
pub(super) fn warnings(vault: &Vault) -> Vec<QualityWarning> {
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| per_question::warnings(vault, Groups::Half(1)));
        let first = per_question::warnings(vault, Groups::Half(0));
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    });
    merge(first, second)
}

/// Two lists of per-question warnings, each in vault order and with no
/// question in both, as one list in vault order.
fn merge(first: Vec<QualityWarning>, second: Vec<QualityWarning>) -> Vec<QualityWarning> {
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut second = second.into_iter().peekable();
    for w in first {
        while let Some(next) = second.next_if(|n| n.question() < w.question()) {
            out.push(next);
        }
        out.push(w);
    }
    out.extend(second);
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::vault::{LoadOptions, QuestionStyle, load, load_bundled};

    fn same_both_ways(vault: &Vault) -> usize {
        let whole = per_question::warnings(vault, Groups::All);
        let halves = [0, 1].map(|h| per_question::warnings(vault, Groups::Half(h)).len());
        assert_eq!(halves[0] + halves[1], whole.len());
        assert_eq!(format!("{:?}", warnings(vault)), format!("{whole:?}"));
        halves.into_iter().filter(|&n| n > 0).count()
    }

    #[test]
    fn two_threads_give_the_warnings_of_one_pass_in_the_same_order() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut halves_with_warnings = same_both_ways(&load_bundled());
        for rel in [
            "tests/fixtures/vaults/forms",
            "tests/fixtures/vaults/broken",
            "tests/fixtures/tolerant/corpus",
        ] {
            for questions in [QuestionStyle::Strict, QuestionStyle::default()] {
                let options = LoadOptions {
                    questions,
                    ..LoadOptions::default()
                };
                let vault = load(&[root.join(rel)], &options, &|_| {}).expect("loads");
                halves_with_warnings += same_both_ways(&vault);
            }
        }
        assert!(halves_with_warnings >= 6, "both threads find warnings");
    }

    #[test]
    fn a_merge_interleaves_by_question() {
        use crate::vault::QuestionIx;
        let short = |q: usize, words: usize| QualityWarning::ShortStem {
            question: QuestionIx(q),
            words,
        };
        let merged = merge(
            vec![short(0, 1), short(0, 2), short(3, 1)],
            vec![short(1, 1), short(2, 1), short(2, 2), short(5, 1)],
        );
        let order: Vec<_> = merged.iter().map(|w| format!("{w:?}")).collect();
        let want = [
            short(0, 1),
            short(0, 2),
            short(1, 1),
            short(2, 1),
            short(2, 2),
            short(3, 1),
            short(5, 1),
        ]
        .map(|w| format!("{w:?}"));
        assert_eq!(order, want);
    }
}
