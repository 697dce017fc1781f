//! The seeded random numbers behind every shuffle.
//!
//! SplitMix64, written out here rather than taken from a crate, so that a
//! seed gives the same session on every machine and every munje version
//! (`--seed S` repeats a session exactly). Not for anything secret.

/// Whether and how questions and options are shuffled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shuffle {
    /// Keep the order and letters of the notes.
    Off,
    /// Shuffle with this seed.
    Seeded(u64),
}

impl Default for Shuffle {
    /// Shuffled, with seed 0.
    fn default() -> Shuffle {
        Shuffle::Seeded(0)
    }
}

impl Shuffle {
    /// The generator for this setting, `None` when shuffling is off.
    pub fn rng(self) -> Option<SeededRng> {
        match self {
            Shuffle::Off => None,
            Shuffle::Seeded(seed) => Some(SeededRng::new(seed)),
        }
    }
}

/// A seed for a session started at `now_ms` (milliseconds) without
/// `--seed`: the clock mixed with this process's id, a count of seeds
/// made so far and the standard library's per-process random keys, so two
/// quizzes started in the same millisecond (two terminals, a script) get
/// different shuffles. The seed is still shown and stored, so any session
/// can be repeated with `--seed`.
pub fn session_seed(now_ms: u64) -> u64 {
    use std::hash::BuildHasher as _;
    static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let keys = std::collections::hash_map::RandomState::new().hash_one((std::process::id(), count));
    let mut rng = SeededRng::new(now_ms ^ keys);
    // Kept positive as an SQLite integer reads it back.
    rng.next_u64() >> 1
}

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct SeededRng(u64);

impl SeededRng {
    /// A generator starting from a seed.
    pub fn new(seed: u64) -> SeededRng {
        SeededRng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), without modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        // Reject the top slice of the range that would favour small values.
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next_u64();
            if x < zone {
                return usize::try_from(x % n).unwrap_or(0);
            }
        }
    }

    /// Shuffles a slice in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_order_different_seed_different_order() {
        let shuffled = |seed| {
            let mut v: Vec<u32> = (0..20).collect();
            SeededRng::new(seed).shuffle(&mut v);
            v
        };
        assert_eq!(shuffled(7), shuffled(7));
        assert_ne!(shuffled(7), shuffled(8));
        let mut sorted = shuffled(7);
        sorted.sort_unstable();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn sessions_started_in_the_same_millisecond_get_different_seeds() {
        let seeds: std::collections::HashSet<u64> = (0..100)
            .map(|_| super::session_seed(1_800_000_000_000))
            .collect();
        assert_eq!(seeds.len(), 100);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SeededRng::new(1);
        assert!((0..1000).all(|_| rng.below(3) < 3));
        assert_eq!(rng.below(1), 0);
    }

    #[test]
    fn shuffle_off_gives_no_generator() {
        assert!(Shuffle::Off.rng().is_none());
        assert!(Shuffle::Seeded(3).rng().is_some());
    }
}
