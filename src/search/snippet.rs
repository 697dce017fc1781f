//! Snippets: a window of one line around a match, cut by display width
//! (Korean syllables take two columns), with the byte ranges of the matches
//! turned into character ranges of the snippet.
//!
//! Owns cutting and offset arithmetic only; what to highlight is decided by
//! the engine.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Display columns a snippet takes at most, ellipses included.
pub const SNIPPET_WIDTH: usize = 72;

/// Marks text cut from either end of a snippet.
const ELLIPSIS: char = '…';

/// Cuts a window of at most `width` columns from `line` around `focus`
/// (a byte range of `line`) and returns it with `ranges` (byte ranges of
/// `line`, any order) as sorted, merged character ranges of the window.
/// Leading and trailing whitespace is dropped.
pub fn cut(
    line: &str,
    focus: Range<usize>,
    ranges: &[Range<usize>],
    width: usize,
) -> (String, Vec<Range<usize>>) {
    let lead = line.len() - line.trim_start().len();
    let tail = line.trim_end().len().max(lead);
    // An Obsidian block id ending the line names it; it is never text.
    let tail =
        crate::vault::id::split_block_id(&line[..tail]).map_or(tail, |(b, _)| b.len().max(lead));
    let (mut start, mut end) = (lead, tail);
    if display_width(&line[start..end]) > width {
        (start, end) = window(
            line,
            lead..tail,
            focus.clone(),
            width.saturating_sub(2).max(1),
        );
        (start, end) = snap_to_words(line, start..end, lead..tail, focus);
    }
    let mut out = String::with_capacity(end - start + 6);
    let shift = usize::from(start > lead);
    if start > lead {
        out.push(ELLIPSIS);
    }
    out.push_str(&line[start..end]);
    if end < tail {
        out.push(ELLIPSIS);
    }
    let to_char = |b: usize| shift + line[start..b.clamp(start, end)].chars().count();
    let mut chars: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.end > start && r.start < end && r.start < r.end)
        .map(|r| to_char(r.start)..to_char(r.end))
        .filter(|r| !r.is_empty())
        .collect();
    chars.sort_by_key(|r| r.start);
    strip_markup(&out, &merge(chars))
}

/// Drops inline markdown markers (`**`, `__`, `~~`, backticks, `[[`/`]]`)
/// from a snippet, so it reads as the text a person sees, and moves the
/// character ranges with it. A lone `*` or `_` stays: it is as often a
/// bullet, a product or part of a name (`BEST_FIT`) as emphasis.
fn strip_markup(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        let marker = match c {
            '`' => true,
            '*' | '_' | '~' | '[' | ']' => run >= 2,
            _ => false,
        };
        if marker {
            keep[i..i + run].iter_mut().for_each(|k| *k = false);
        }
        i += run;
    }
    // removed[i] = markers dropped before char i.
    let mut removed = Vec::with_capacity(chars.len() + 1);
    let mut n = 0;
    for &k in &keep {
        removed.push(n);
        n += usize::from(!k);
    }
    removed.push(n);
    let out = chars
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c)
        .collect();
    let ranges = ranges
        .iter()
        .map(|r| (r.start - removed[r.start])..(r.end - removed[r.end]))
        .filter(|r| !r.is_empty())
        .collect();
    (out, merge(ranges))
}

/// The widest byte window inside `bounds` of at most `width` columns that
/// holds the start of `focus`, with about a third of the room before it.
fn window(line: &str, bounds: Range<usize>, focus: Range<usize>, width: usize) -> (usize, usize) {
    let at = focus.start.clamp(bounds.start, bounds.end);
    let mut start = at;
    let mut used = 0;
    for (i, c) in line[bounds.start..at].char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width / 3 {
            break;
        }
        used += w;
        start = bounds.start + i;
    }
    let mut end = at;
    for (i, c) in line[at..bounds.end].char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        end = at + i + c.len_utf8();
    }
    // Near the end of the line: spend what is left on the left side.
    for (i, c) in line[bounds.start..start].char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        start = bounds.start + i;
    }
    (start, end)
}

/// Moves cut ends that fall inside a word to the nearest space within a
/// few characters, never past the match: "…알림은 2분 전" rather than
/// "…림은 2분 전".
fn snap_to_words(
    line: &str,
    cut: Range<usize>,
    bounds: Range<usize>,
    focus: Range<usize>,
) -> (usize, usize) {
    const NEAR: usize = 8;
    let (mut start, mut end) = (cut.start, cut.end);
    let keep_from = focus.start.clamp(start, end);
    if start > bounds.start
        && let Some(sp) = line[start..keep_from].find(' ')
        && line[start..start + sp].chars().count() <= NEAR
    {
        start += sp + 1;
    }
    let keep_to = focus.end.clamp(keep_from, end);
    if end < bounds.end
        && let Some(sp) = line[keep_to..end].rfind(' ')
        && line[keep_to + sp..end].chars().count() <= NEAR
    {
        end = keep_to + sp;
    }
    (start, end)
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Merges sorted ranges that touch or overlap.
pub fn merge(sorted: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The line of `text` holding byte `at`, as a byte range of `text`.
pub fn line_around(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
    start..end
}

// Highlight ranges are the data under test, not iteration ranges.
#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn short_line_is_kept_whole_with_char_ranges() {
        let line = "  스팟 인스턴스 (Spot)  ";
        let spot = line.find("Spot").unwrap();
        let (s, r) = cut(line, spot..spot + 4, &[spot..spot + 4], 72);
        assert_eq!(s, "스팟 인스턴스 (Spot)");
        assert_eq!(r, [9..13]);
        let chars: String = s.chars().skip(9).take(4).collect();
        assert_eq!(chars, "Spot");
    }

    #[test]
    fn long_korean_line_is_cut_by_columns_around_the_match() {
        let line = format!("{}스팟{}", "가".repeat(60), "나".repeat(60));
        let at = line.find("스팟").unwrap();
        let (s, r) = cut(&line, at..at + 6, &[at..at + 6], 40);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        let width: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
        assert!(width <= 40, "{width}");
        assert_eq!(r.len(), 1);
        let hit: String = s.chars().skip(r[0].start).take(r[0].len()).collect();
        assert_eq!(hit, "스팟");
    }

    #[test]
    fn match_near_the_end_fills_the_window_from_the_left() {
        let line = format!("{}끝", "a".repeat(200));
        let at = line.find('끝').unwrap();
        let (s, r) = cut(&line, at..at + 3, &[at..at + 3], 30);
        assert!(s.starts_with('…') && s.ends_with('끝'), "{s}");
        assert_eq!(r, [s.chars().count() - 1..s.chars().count()]);
    }

    #[test]
    fn cut_ends_fall_between_words() {
        let line = format!(
            "{} 중단 알림은 2분 전에 옵니다 {}",
            "앞말".repeat(30),
            "뒷말".repeat(30)
        );
        let at = line.find("2분").unwrap();
        let (s, r) = cut(&line, at..at + 4, &[at..at + 4], 30);
        assert_eq!(s, "…알림은 2분 전에 옵니다…");
        assert_eq!(
            s.chars().skip(r[0].start).take(2).collect::<String>(),
            "2분"
        );
    }

    #[test]
    fn markdown_markers_are_dropped_and_ranges_follow() {
        let line = "**정답: B) `BEST_FIT` 기본값** [[spot-notice]]";
        let at = line.find("BEST").unwrap();
        let (snip, ranges) = cut(line, at..at + 8, &[at..at + 8], 72);
        assert_eq!(snip, "정답: B) BEST_FIT 기본값 spot-notice");
        let hl: String = snip
            .chars()
            .skip(ranges[0].start)
            .take(ranges[0].len())
            .collect();
        assert_eq!(hl, "BEST_FIT");
    }

    #[test]
    fn a_block_id_ending_the_line_is_not_shown() {
        let line = "**Question:** 알림은 언제 오나요? ^spot-notice";
        let at = line.find("알림").unwrap();
        let (text, ranges) = cut(line, at..at + 6, &[at..at + 6], SNIPPET_WIDTH);
        assert_eq!(text, "Question: 알림은 언제 오나요?");
        assert_eq!(ranges, [10..12]);
    }

    #[test]
    fn overlapping_ranges_merge() {
        assert_eq!(merge(vec![0..2, 1..4, 4..5, 7..8]), [0..5, 7..8]);
    }

    #[test]
    fn line_around_finds_the_enclosing_line() {
        let text = "one\ntwo 스팟\nthree";
        let at = text.find("스팟").unwrap();
        assert_eq!(&text[line_around(text, at)], "two 스팟");
    }
}
