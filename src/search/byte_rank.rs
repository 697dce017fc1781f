//! How common each byte is in the indexed text, to steer the substring
//! search: which bytes of a word it looks for first.
//!
//! Owns the table only; the search is `memchr`'s.

/// Byte frequencies of the indexed text, for the substring search's choice
/// of which needle bytes to look for first. memchr's built-in table is
/// tuned for English, where every byte of Hangul looks rare; measured on
/// the vault itself, 스 is found by its least common byte.
#[derive(Debug, Clone)]
pub(super) struct ByteRank(pub(super) [u8; 256]);

impl ByteRank {
    /// Counts bytes in a sample of the text (every eighth 4 KiB block).
    pub(super) fn of(text: &[u8]) -> ByteRank {
        let mut counts = [0u64; 256];
        for block in text.chunks(4096).step_by(8) {
            for &b in block {
                counts[usize::from(b)] += 1;
            }
        }
        let max = counts.iter().copied().max().unwrap_or(1).max(1);
        let mut rank = [0u8; 256];
        for (r, &c) in rank.iter_mut().zip(&counts) {
            // Square root spreads the rare end, where the choice matters.
            #[allow(
                clippy::cast_precision_loss,
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss
            )]
            let scaled = ((c as f64 / max as f64).sqrt() * 255.0).round() as u8;
            *r = scaled;
        }
        ByteRank(rank)
    }
}

impl memchr::arch::all::packedpair::HeuristicFrequencyRank for &ByteRank {
    fn rank(&self, byte: u8) -> u8 {
        self.0[usize::from(byte)]
    }
}
