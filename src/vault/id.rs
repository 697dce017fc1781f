//! Stable question ids: a 64-bit FNV-1a hash of the note title and the
//! whitespace-folded stem, so progress history survives reordering notes
//! and questions. std's `DefaultHasher` is not used: its output may change
//! between Rust releases, which would orphan every stored attempt.

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
    QuestionId(id)
}

#[cfg(test)]
mod tests {
    use super::*;

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
