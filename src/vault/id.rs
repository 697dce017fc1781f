//! Stable question ids: a 64-bit FNV-1a hash of the note title and the
//! whitespace-folded stem, so progress history survives reordering notes
//! and questions. std's `DefaultHasher` is not used: its output may change
//! between Rust releases, which would orphan every stored attempt.
//!
//! Also the explicit form: an Obsidian block id (`^spot-notice`) at the end
//! of a stem's first paragraph names the question instead ([`split_block_id`]).
//! What happens to history when a derived id changes is `store::identity`'s
//! business, not this module's.

use super::model::QuestionId;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes: tiny, fast and fixed forever.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash = FNV_OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator byte that cannot occur in UTF-8 text keeps
            // ("ab", "c") and ("a", "bc") apart.
            hash ^= 0xff;
            hash = hash.wrapping_mul(FNV_PRIME);
        }
        for &b in *part {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

/// The id of a question: `q-` and 16 hex digits of the hash of `title`
/// and `stem` (whitespace folded first, so re-wrapping a stem keeps it).
pub fn question_id(title: &str, stem: &str) -> QuestionId {
    let stem = crate::text::fold_whitespace(stem);
    let title = crate::text::fold_whitespace(title);
    let mut id = format!("q-{:016x}", fnv1a(&[title.as_bytes(), stem.as_bytes()]));
    // Kept for the whole session, once per question: no spare capacity.
    id.shrink_to_fit();
    QuestionId(id.into())
}

/// Splits an Obsidian block id off the end of a line: `text ^spot-notice`
/// gives `("text", "spot-notice")`. The id is letters, digits and `-`, as
/// Obsidian allows (ASCII), after a space; trailing spaces are ignored. `None` when
/// the line does not end with one.
pub fn split_block_id(line: &str) -> Option<(&str, &str)> {
    let trimmed = line.trim_end();
    let caret = trimmed.rfind('^')?;
    let id = &trimmed[caret + 1..];
    let before = &trimmed[..caret];
    let valid = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (valid && before.ends_with(char::is_whitespace)).then(|| (before.trim_end(), id))
}

/// True for an id munje derived itself (`q-` and 16 hex digits), false for
/// one the user wrote (a block id or a bank's `id:`).
pub fn is_derived(id: &QuestionId) -> bool {
    id.0.strip_prefix("q-")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_id_is_split_off_the_end_of_a_line() {
        assert_eq!(
            split_block_id("How long is the notice? ^spot-notice  "),
            Some(("How long is the notice?", "spot-notice"))
        );
        assert_eq!(
            split_block_id("알림은? ^notice-2"),
            Some(("알림은?", "notice-2"))
        );
        // Obsidian's ids are ASCII: anything else stays text.
        assert_eq!(split_block_id("알림은? ^알림"), None);
        assert_eq!(split_block_id("2^10 is 1024"), None);
        assert_eq!(split_block_id("x^y"), None);
        assert_eq!(split_block_id("power ^ 2"), None);
        assert_eq!(split_block_id("bad ^id_with_underscore"), None);
        assert_eq!(split_block_id("^alone"), None);
    }

    #[test]
    fn derived_ids_are_told_from_written_ones() {
        assert!(is_derived(&question_id("노트", "질문")));
        assert!(!is_derived(&QuestionId("spot-notice".into())));
        assert!(!is_derived(&QuestionId("q-short".into())));
    }

    #[test]
    fn id_is_fixed_for_known_input() {
        // Pinned: changing the hash would orphan every user's history.
        assert_eq!(fnv1a(&[b""]), FNV_OFFSET);
        assert_eq!(fnv1a(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
        let id = question_id("스팟", "질문");
        assert_eq!(id.0.len(), 18);
        assert!(id.0.starts_with("q-"));
        assert_eq!(id, question_id("스팟", "질문"));
    }

    #[test]
    fn rewrapping_the_stem_keeps_the_id() {
        assert_eq!(
            question_id("노트", "어느 구성이\n  가장 좋은가?"),
            question_id("노트", "어느 구성이 가장 좋은가?")
        );
    }

    #[test]
    fn title_and_stem_both_count() {
        assert_ne!(question_id("a", "bc"), question_id("ab", "c"));
        assert_ne!(question_id("노트1", "질문"), question_id("노트2", "질문"));
    }
}
