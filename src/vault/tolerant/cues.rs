//! The byte prefilter: whether a body holds anything that could give a
//! key (`답`, `정담`, `Answer`, `⭐`, `★`, `✅`, `<mark`, `==`, a ` v` at a
//! line's end, an option in bold) outside the stretches the strict grammar
//! already read. Most notes have none, and then the tolerant reader never
//! runs: the load stays as fast as it was.
//!
//! Each cue is one SIMD search (`memchr`), over the bytes outside the
//! covered ranges only; a hit is checked around it.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// Needles found as they are: `답` covers `정답`, `(정답)`, `> 정답`; the
/// last three end a line (a ` v` mark, an option in bold).
static NEEDLES: LazyLock<[Finder<'static>; 6]> = LazyLock::new(|| {
    [
        Finder::new("답"),
        Finder::new("정담"),
        Finder::new(b"nswer"),
        Finder::new(b" v\n"),
        Finder::new(b" V\n"),
        Finder::new(b"**\n"),
    ]
});

/// True when `body` holds a cue outside every range of `covered` (in
/// order, not overlapping, each starting and ending on a line break).
pub(crate) fn worth_reading(body: &str, covered: &[Range<usize>]) -> bool {
    let bytes = body.as_bytes();
    let mut from = 0;
    for r in covered {
        if r.start > from && has_cue(&bytes[from..r.start.min(bytes.len())]) {
            return true;
        }
        from = from.max(r.end);
    }
    from < bytes.len() && has_cue(&bytes[from..])
}

/// True when a stretch of whole lines holds a cue: eight SIMD searches
/// for bytes rare in notes, each hit checked around it.
fn has_cue(bytes: &[u8]) -> bool {
    let [answer, typo, english, v, big_v, bold] = &*NEEDLES;
    answer.find(bytes).is_some()
        || typo.find(bytes).is_some()
        || english.find(bytes).is_some()
        || memchr::memchr_iter(b'W', bytes)
            .any(|i| bytes[i.saturating_sub(2)..].starts_with(b"ANSWER"))
        || symbol_cue(bytes)
        || memchr::memchr2_iter(b'<', b'=', bytes).any(|i| markup_cue(bytes, i))
        || v.find(bytes).is_some()
        || big_v.find(bytes).is_some()
        || bytes.ends_with(b" v")
        || bytes.ends_with(b" V")
        || bold.find_iter(bytes).any(|i| bold_option(&bytes[..i + 2]))
        || bold_option(bytes)
}

/// `⭐` (E2 AD 90), `★` (E2 98 85), `✅` (E2 9C 85), `✓` (E2 9C 93),
/// `✔` (E2 9C 94), `🌟` (F0 9F 8C 9F).
fn symbol_cue(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xE2, 0xF0, bytes).any(|i| {
        let next = &bytes[i + 1..bytes.len().min(i + 4)];
        match bytes[i] {
            0xE2 => matches!(
                next,
                [0xAD, 0x90, ..] | [0x98, 0x85, ..] | [0x9C, 0x85 | 0x93 | 0x94, ..]
            ),
            _ => next == [0x9F, 0x8C, 0x9F],
        }
    })
}

/// At a `<`: `<mark`. At a `=`: `==` (an Obsidian highlight), not `===`.
fn markup_cue(bytes: &[u8], i: usize) -> bool {
    if bytes[i] == b'<' {
        return bytes[i..].starts_with(b"<mark");
    }
    bytes.get(i + 1) == Some(&b'=') && bytes.get(i + 2) != Some(&b'=')
}

/// True when the last line of `before` is an option in bold: at most a
/// list marker and a label before a `**` that runs to the line's end
/// (`- **B. 텍스트**`).
fn bold_option(before: &[u8]) -> bool {
    if !before.ends_with(b"**") {
        return false;
    }
    let start = memchr::memrchr(b'\n', before).map_or(0, |s| s + 1);
    let line = &before[start..];
    let Some(open) = memchr::memmem::find(line, b"**") else {
        return false;
    };
    // A marker and a label at most: `- `, `2) `, `> - [ ] `.
    open + 2 < line.len() - 2 && line[..open].trim_ascii().len() <= 10
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
            "- 옵션 v",
            "- **B. 옵션**",
            "2) **옵션 둘**\n다음",
        ] {
            assert!(worth_reading(body, &[]), "{body}");
        }
        let body = "본문\n정답 : B\n끝\n";
        assert!(!worth_reading(body, std::slice::from_ref(&(3..body.len()))));
        assert!(worth_reading(body, std::slice::from_ref(&(0..3))));
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
