//! [`Capitals`]: where a text's ASCII capitals are, for giving a folded
//! text back as written. Kept as the distances between them, a byte each
//! for most, in blocks that can be read from any block's start: at 5% of
//! the text's bytes (the generated 100,000-note vault: 15 million
//! capitals in 311 MB of notes), a bit per byte took 39 MB and this takes
//! about 19 (issue #15's memory figure; BENCHMARKS.md, "Question texts kept
//! once, capitals by their distances, 초성 in place").
//!
//! The simple path is a bit per byte (`bitmap`, kept for the tests): the
//! property test below gives both every text and every range.
//!
//! Owns this form only; folding is `fold`'s.

use std::ops::Range;

/// Bytes of text a block covers: finding the capitals in a range reads at
/// most one block's distances before the range (about 50 at 5%). With
/// blocks of 4096 bytes, giving back every question's texts (the store's
/// fingerprints, after each load and edit) took long enough that an edit
/// reached the screen in 0.6–1.9 s instead of 0.35–0.38 s at 100,000
/// notes; the block starts cost 2.4 MB.
const BLOCK: usize = 1024;

/// Where a text's ASCII capitals are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capitals {
    /// Each capital's distance from the one before it in its block (the
    /// first's from the block's start), as LEB128.
    gaps: Vec<u8>,
    /// Where each block's distances start in `gaps`.
    blocks: Vec<usize>,
}

impl Capitals {
    /// The capitals of a text.
    pub fn of(bytes: &[u8]) -> Capitals {
        // Counted first, so the distances are written without the buffer
        // growing: most take a byte, and a text of one note (the one-shot
        // search makes one per note) then costs two allocations.
        let count: usize = bytes
            .chunks(64)
            .map(|chunk| capital_bits(chunk).count_ones() as usize)
            .sum();
        let mut c = Capitals {
            gaps: Vec::with_capacity(count + count / 8),
            blocks: Vec::with_capacity(bytes.len().div_ceil(BLOCK)),
        };
        for (b, block) in bytes.chunks(BLOCK).enumerate() {
            c.blocks.push(c.gaps.len());
            let mut last = b * BLOCK;
            for (w, chunk) in block.chunks(64).enumerate() {
                let mut bits = capital_bits(chunk);
                while bits != 0 {
                    let at = b * BLOCK + w * 64 + bits.trailing_zeros() as usize;
                    push_leb128(&mut c.gaps, at - last);
                    last = at;
                    bits &= bits - 1;
                }
            }
        }
        c
    }

    /// The offsets of the capitals in `range`, in order.
    pub fn within(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let first = range.start / BLOCK;
        let from = self.blocks.get(first).copied().unwrap_or(self.gaps.len());
        let mut at = first * BLOCK;
        let mut block = first;
        let mut i = from;
        std::iter::from_fn(move || {
            loop {
                // Past the block's distances: the next block's start.
                while self.blocks.get(block + 1).is_some_and(|&end| i >= end) {
                    block += 1;
                    at = block * BLOCK;
                }
                if i >= self.gaps.len() || at >= range.end {
                    return None;
                }
                let (gap, next) = read_leb128(&self.gaps, i);
                i = next;
                at += gap;
                if at >= range.end {
                    return None;
                }
                if at >= range.start {
                    return Some(at);
                }
            }
        })
    }

    /// True when a capital lies in `range`.
    pub fn any_in(&self, range: Range<usize>) -> bool {
        self.within(range).next().is_some()
    }

    /// Bytes kept (their buffers' lengths).
    pub fn size(&self) -> usize {
        self.gaps.len() + self.blocks.len() * std::mem::size_of::<usize>()
    }
}

fn push_leb128(out: &mut Vec<u8>, mut v: usize) {
    // Each byte holds seven bits of `v`, the low ones first; the high bit
    // says another byte follows. The masks make every cast exact.
    #[allow(clippy::cast_possible_truncation)]
    let low7 = |v: usize| (v & 0x7f) as u8;
    while v >= 0x80 {
        out.push(low7(v) | 0x80);
        v >>= 7;
    }
    out.push(low7(v));
}

/// The number at `i` and where the next starts.
fn read_leb128(bytes: &[u8], mut i: usize) -> (usize, usize) {
    let mut v = 0;
    let mut shift = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        v |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    (v, i)
}

/// Bit `j` set when `chunk[j]` (up to 64 bytes) is an ASCII capital.
/// Eight bytes at a time: per byte, `b + (0x80 - b'A')` reaches the high
/// bit from `A` on and `b + (0x80 - b'Z' - 1)` from past `Z` on; bytes
/// with the high bit set are not ASCII. Whole groups of eight are read as
/// one word, only the last short group is padded: padding every group
/// (a copy of a run-time length each) made `SearchIndex::build` of the
/// 10,000-note vault 550.2 M instructions instead of 445.7 M.
pub(super) fn capital_bits(chunk: &[u8]) -> u64 {
    let mut groups = chunk.chunks_exact(8);
    let mut bits = 0;
    for (k, group) in groups.by_ref().enumerate() {
        let mut b = [0u8; 8];
        b.copy_from_slice(group);
        bits |= group_capitals(u64::from_le_bytes(b)) << (8 * k);
    }
    let rest = groups.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        bits |= group_capitals(u64::from_le_bytes(b)) << (8 * (chunk.len() / 8));
    }
    bits
}

/// [`capital_bits`] of eight bytes read as one little-endian word.
fn group_capitals(w: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let low = w & LOW7;
    let from_a = low + 0x3F3F_3F3F_3F3F_3F3F;
    let past_z = low + 0x2525_2525_2525_2525;
    let flags = from_a & !past_z & !w & 0x8080_8080_8080_8080;
    // Gather the eight flag bits (bit 7 of each byte) into one byte.
    ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The simple path: a bit per byte.
    fn bitmap(bytes: &[u8]) -> Vec<u64> {
        bytes.chunks(64).map(capital_bits).collect()
    }

    fn set_in(bits: &[u64], range: Range<usize>) -> Vec<usize> {
        range
            .filter(|&i| bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1))
            .collect()
    }

    #[test]
    fn capital_bits_mark_exactly_the_ascii_capitals() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all
            .chunks(64)
            .chain([&b"AZaz@[`{"[..], b"Q", b"ABCDEFGHIJkLZ"])
        {
            let expected = chunk
                .iter()
                .enumerate()
                .fold(0, |w, (j, b)| w | (u64::from(b.is_ascii_uppercase()) << j));
            assert_eq!(capital_bits(chunk), expected, "{chunk:?}");
        }
    }

    #[test]
    fn long_gaps_and_block_edges_are_kept() {
        let mut text = vec![b'a'; 3 * BLOCK + 10];
        for at in [0, 63, 64, BLOCK - 1, BLOCK, 2 * BLOCK + 500, 3 * BLOCK + 9] {
            text[at] = b'Q';
        }
        let c = Capitals::of(&text);
        let all = 0..text.len();
        assert_eq!(
            c.within(all.clone()).collect::<Vec<_>>(),
            set_in(&bitmap(&text), all)
        );
        assert_eq!(c.within(BLOCK..BLOCK + 1).collect::<Vec<_>>(), [BLOCK]);
        assert!(!c.any_in(BLOCK + 1..2 * BLOCK + 500));
        assert!(c.any_in(BLOCK + 1..2 * BLOCK + 501));
    }

    /// Near the generated vaults' density (capitals are 5% of their
    /// bytes; 3% here), the distances take under half a bit per byte.
    #[test]
    fn korean_notes_with_some_capitals_keep_under_half_the_bitmap() {
        let text =
            "스팟 인스턴스는 남는 용량을 싸게 쓰고 EMR 클러스터의 작업 노드로 돈다. ".repeat(5_000);
        let bitmap_bytes = text.len().div_ceil(64) * 8;
        let c = Capitals::of(text.as_bytes());
        assert!(
            c.size() * 2 < bitmap_bytes,
            "{} of {bitmap_bytes}",
            c.size()
        );
    }

    proptest::proptest! {
        /// The capitals in any range of any text are the bits the bitmap
        /// sets there.
        #[test]
        fn within_is_the_bitmap(
            parts in proptest::collection::vec(("[a-zA-Z 스 ]{0,40}", 0usize..300), 0..40),
            a in 0usize..20_000,
            b in 0usize..20_000,
        ) {
            let mut text = Vec::new();
            for (s, pad) in &parts {
                text.extend_from_slice(s.as_bytes());
                text.resize(text.len() + pad, b'x');
            }
            let (lo, hi) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let c = Capitals::of(&text);
            let want = set_in(&bitmap(&text), lo..hi);
            proptest::prop_assert_eq!(c.within(lo..hi).collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(c.any_in(lo..hi), !want.is_empty());
        }
    }
}
