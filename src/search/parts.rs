//! A keystroke's work over a large index, split between the machine's
//! cores: the body scan and the per-document matching each take the
//! documents (or the remembered occurrences) in contiguous parts, one
//! thread a part, and join the parts' results in order, so the result is
//! the one thread's result.
//!
//! At 100,000 notes nearly every word of a query is in nearly every note,
//! and a keystroke has to look at each of them; on one core that is several
//! times the 16 ms a keystroke may take (BENCHMARKS.md, "Keystrokes at
//! 100,000 notes"). A small index stays on one thread: starting a thread costs more
//! than it saves there.
//!
//! Owns the splitting only; what is done with each part is `scan`'s and
//! `engine`'s.

use std::ops::Range;

/// The fewest items (documents, occurrences) worth a second thread: a
/// keystroke spends from a third of a microsecond to a few on each, so
/// 2,000 take a millisecond or so, against some 50 µs to start and join a
/// thread.
pub(super) const SPLIT_FROM: usize = 2_000;

/// The most parts a keystroke's work is split into.
const MOST_PARTS: usize = 4;

/// How many parts an index of `docs` documents splits its work into: one
/// below [`SPLIT_FROM`], else one a core (at most [`MOST_PARTS`]).
pub(super) fn parts_for(docs: usize) -> usize {
    if docs < SPLIT_FROM {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(MOST_PARTS)
}

/// `0..n` cut into `parts` contiguous ranges of nearly equal length, in
/// order, none empty (fewer when `n` is smaller than `parts`).
pub(super) fn ranges(n: usize, parts: usize) -> Vec<Range<usize>> {
    let parts = parts.clamp(1, n.max(1));
    (0..parts)
        .map(|k| n * k / parts..n * (k + 1) / parts)
        .filter(|r| !r.is_empty())
        .collect()
}

/// `work` over `0..n`, on `parts` threads when `n` is at least
/// `split_from` (this thread takes the first part), the parts' results
/// joined in order: the same as `work(0..n)` for any `work` that handles
/// each item on its own.
pub(super) fn in_parts<T: Send>(
    n: usize,
    parts: usize,
    split_from: usize,
    work: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    if parts <= 1 || n < split_from.max(2) {
        return work(0..n);
    }
    let ranges = ranges(n, parts);
    let work = &work;
    std::thread::scope(|scope| {
        let others: Vec<_> = ranges[1..]
            .iter()
            .map(|r| {
                let r = r.clone();
                scope.spawn(move || work(r))
            })
            .collect();
        let mut out = work(ranges[0].clone());
        for other in others {
            match other.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// Where a text is cut into `parts` parts of nearly equal length, between
/// characters: the start of each part, then the text's end.
pub(super) fn char_cuts(text: &str, parts: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = ranges(text.len(), parts)
        .iter()
        .map(|r| r.start)
        .map(|at| {
            (at..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(at)
        })
        .collect();
    cuts.push(text.len());
    cuts.dedup();
    if cuts.len() == 1 {
        cuts.insert(0, 0);
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_every_item_once_in_order() {
        for n in [0, 1, 2, 3, 7, 100, 20_001] {
            for parts in 1..=5 {
                let r = ranges(n, parts);
                let flat: Vec<usize> = r.iter().cloned().flatten().collect();
                assert_eq!(flat, (0..n).collect::<Vec<_>>(), "{n} in {parts}");
                assert!(r.len() <= parts.max(1));
            }
        }
    }

    #[test]
    fn work_in_parts_is_the_work_on_one_thread() {
        let square = |r: Range<usize>| r.map(|i| i * i).collect::<Vec<_>>();
        for parts in 1..=4 {
            assert_eq!(in_parts(1000, parts, 10, square), square(0..1000));
        }
        // Below the threshold the work is one call.
        let calls = std::sync::atomic::AtomicUsize::new(0);
        in_parts(9, 4, 10, |r| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            r.collect::<Vec<_>>()
        });
        assert_eq!(calls.into_inner(), 1);
    }

    #[test]
    fn a_small_index_stays_on_one_thread() {
        assert_eq!(parts_for(SPLIT_FROM - 1), 1);
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        assert_eq!(parts_for(SPLIT_FROM), cores.min(MOST_PARTS));
    }
}
