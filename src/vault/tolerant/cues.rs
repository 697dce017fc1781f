//! The byte prefilter: whether a body holds anything that could give a
//! key (`답`, `정담`, `Answer`, `⭐`, `★`, `✅`, `<mark`, `==`, a ` v` at a
//! line's end, an option in bold) outside the stretches the strict grammar
//! already read. Most notes have none, and then the tolerant reader never
//! runs: the load stays as fast as it was.
//!
//! Each cue is found with `memchr` on a byte that is rare in Korean and
//! English text, then checked around that byte.

use std::ops::Range;

use memchr::memmem::Finder;

/// True when `body` holds a cue outside every range of `covered`
/// (sorted, not overlapping).
pub(crate) fn worth_reading(body: &str, covered: &[Range<usize>]) -> bool {
    let bytes = body.as_bytes();
    let open = |at: usize| !covered.iter().any(|r| r.contains(&at));
    hangul_cue(bytes, &open)
        || symbol_cue(bytes, &open)
        || ascii_cue(bytes, &open)
        || bold_option_cue(bytes, &open)
}

/// `답` (EB 8B B5) and `정담` (EC A0 95 EB 8B B4).
fn hangul_cue(bytes: &[u8], open: &dyn Fn(usize) -> bool) -> bool {
    memchr::memchr2_iter(0xB5, 0xB4, bytes).any(|i| {
        i >= 2
            && bytes[i - 2] == 0xEB
            && bytes[i - 1] == 0x8B
            && (bytes[i] == 0xB5 || (i >= 5 && bytes[i - 5..i - 2] == [0xEC, 0xA0, 0x95]))
            && open(i)
    })
}

/// `⭐` (E2 AD 90), `★` (E2 98 85), `✅` (E2 9C 85), `✓` (E2 9C 93),
/// `✔` (E2 9C 94), `🌟` (F0 9F 8C 9F).
fn symbol_cue(bytes: &[u8], open: &dyn Fn(usize) -> bool) -> bool {
    memchr::memchr2_iter(0xE2, 0xF0, bytes).any(|i| {
        let next = &bytes[i + 1..bytes.len().min(i + 4)];
        let hit = match bytes[i] {
            0xE2 => matches!(
                next,
                [0xAD, 0x90, ..] | [0x98, 0x85, ..] | [0x9C, 0x85 | 0x93 | 0x94, ..]
            ),
            _ => next == [0x9F, 0x8C, 0x9F],
        };
        hit && open(i)
    })
}

/// `Answer`/`answer`, `<mark`, `==`, and ` v` or ` V` ending a line.
fn ascii_cue(bytes: &[u8], open: &dyn Fn(usize) -> bool) -> bool {
    static ANSWER: std::sync::LazyLock<[Finder<'static>; 3]> = std::sync::LazyLock::new(|| {
        [
            Finder::new(b"nswer"),
            Finder::new(b"NSWER"),
            Finder::new(b"<mark"),
        ]
    });
    if ANSWER.iter().any(|f| f.find_iter(bytes).any(open)) {
        return true;
    }
    let highlight = memchr::memchr_iter(b'=', bytes)
        .any(|i| bytes.get(i + 1) == Some(&b'=') && bytes.get(i + 2) != Some(&b'=') && open(i));
    highlight
        || memchr::memchr2_iter(b'v', b'V', bytes).any(|i| {
            i > 0
                && matches!(bytes[i - 1], b' ' | b'\t')
                && matches!(bytes.get(i + 1), None | Some(b'\n'))
                && open(i)
        })
}

/// A line that is an option in bold: only a list marker or a label
/// before a `**` that runs to the line's end (`- **B. 텍스트**`).
fn bold_option_cue(bytes: &[u8], open: &dyn Fn(usize) -> bool) -> bool {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'*', &bytes[from..]).map(|i| from + i) {
        from = i + 1;
        if bytes.get(i + 1) != Some(&b'*') {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |s| s + 1);
        let end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |e| i + e);
        from = end;
        let prefix = &bytes[start..i];
        let line_end = bytes[start..end].trim_ascii_end();
        // A marker and a label at most: `- `, `2) `, `> - [ ] `.
        let short_prefix = prefix.trim_ascii().len() <= 10;
        if short_prefix && line_end.len() > i - start + 4 && line_end.ends_with(b"**") && open(i) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_outside_covered_ranges() {
        for body in [
            "정답 : B",
            "정담: C",
            "- 옵션 ⭐️",
            "Answer: C",
            "<mark>옵션</mark>",
            "==옵션==",
            "- 옵션 v\n",
            "- **B. 옵션**",
            "2) **옵션 둘**",
        ] {
            assert!(worth_reading(body, &[]), "{body}");
        }
        assert!(!worth_reading("정답 : B", std::slice::from_ref(&(0..20))));
    }

    #[test]
    fn ordinary_notes_have_no_cue() {
        for body in [
            "## 설명\n\nSpot Instance는 비용을 절약할 수 있다 → 작업 분배\n",
            "- **EMR**: 분산 처리 플랫폼이다.\n",
            "**AWS Batch**는 배치 작업에 적합하다.\n",
            "level v2\nsavings\n",
            "a = b\n",
        ] {
            assert!(!worth_reading(body, &[]), "{body}");
        }
    }
}
