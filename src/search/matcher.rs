//! The fuzzy scorer behind a small trait, so the engine can be swapped
//! without touching the index or the ranking, and the substring finder used
//! for long text.
//!
//! Owns scoring of one pattern against one string; knows nothing of notes.

use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A fuzzy scorer: how well a pattern matches a short text, and which
/// characters it matched. Both texts arrive already folded (lowercase, NFC),
/// so an implementation may compare characters exactly.
pub trait FuzzyScorer: Send + Sync {
    /// The score of the best alignment, higher is better; `None` when the
    /// pattern's characters do not all occur in order.
    fn score(&self, text: &str, pattern: &str) -> Option<i64>;

    /// The score and the character indices (into `text`) of the best
    /// alignment, ascending.
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)>;
}

/// The default scorer: skim's V2 algorithm from the `fuzzy-matcher` crate
/// (the fzf-like Smith–Waterman variant that rewards runs and word starts).
pub struct SkimScorer {
    matcher: SkimMatcherV2,
}

impl SkimScorer {
    /// A case-respecting skim matcher (the index folds case itself).
    pub fn new() -> Self {
        Self {
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }
}

impl Default for SkimScorer {
    fn default() -> Self {
        Self::new()
    }
}

impl FuzzyScorer for SkimScorer {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        self.matcher.fuzzy_match(text, pattern)
    }

    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.matcher.fuzzy_indices(text, pattern)
    }
}

impl std::fmt::Debug for SkimScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SkimScorer")
    }
}

/// Turns ascending character indices into byte ranges of `text`, merging
/// neighbours into runs (for highlighting).
pub fn char_indices_to_byte_ranges(text: &str, indices: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut wanted = indices.iter().peekable();
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        let Some(&&next) = wanted.peek() else {
            break;
        };
        if next != ci {
            continue;
        }
        wanted.next();
        let end = bi + c.len_utf8();
        match ranges.last_mut() {
            Some(last) if last.end == bi => last.end = end,
            _ => ranges.push(bi..end),
        }
    }
    ranges
}

// Highlight ranges are the data under test, not iteration ranges.
#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn skim_prefers_a_run_to_scattered_letters() {
        let s = SkimScorer::new();
        let run = s.score("spot instance", "spot").unwrap();
        let scattered = s.score("sharp-optics-tool", "spot").unwrap();
        assert!(run > scattered, "{run} vs {scattered}");
        assert_eq!(s.score("spot", "tops"), None);
    }

    #[test]
    fn indices_are_characters_not_bytes() {
        let s = SkimScorer::new();
        let (_, ix) = s.indices("온디맨드 스팟", "스팟").unwrap();
        assert_eq!(ix, [5, 6]);
        assert_eq!(char_indices_to_byte_ranges("온디맨드 스팟", &ix), [13..19]);
    }
}
