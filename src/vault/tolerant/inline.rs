//! Inline text of the tolerant reader: markup removed for display and for
//! ids (`plain`), and the marks an author puts on the right option (⭐️,
//! `<mark>`, `(정답)`, ` v`, bold) or on their own pick (`(선택)`), found
//! and taken out of the option's text.

use crate::text::fold_whitespace as fold;
use crate::vault::text::is_alphanumeric;

/// Text with inline markup removed (HTML tags, `**`, `__`, `~~`, `==`,
/// backticks, link targets) and whitespace folded.
pub(crate) fn plain(s: &str) -> String {
    let bytes = s.as_bytes();
    // Most lines hold no markup: folding is all there is to do.
    let Some(mut at) = bytes.iter().position(|&b| MARKUP[usize::from(b)]) else {
        return fold(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..at]);
    while at < bytes.len() {
        // Copy the run up to the next markup byte whole.
        let run = bytes[at..]
            .iter()
            .position(|&b| MARKUP[usize::from(b)])
            .map_or(bytes.len(), |i| at + i);
        out.push_str(&s[at..run]);
        at = run;
        let Some(&b) = bytes.get(at) else { break };
        let rest = &s[at..];
        let skip = match b {
            b'<' => html_tag_len(rest),
            b'*' | b'_' | b'~' | b'=' if bytes.get(at + 1) == Some(&b) => {
                bytes[at..].iter().take_while(|&&x| x == b).count()
            }
            // A backtick, or the `!` of an image (its alt text stays).
            b'`' => 1,
            b'!' if rest.starts_with("![") => 1,
            b'[' => {
                if let Some((text, len)) = link(rest) {
                    out.push_str(text);
                    at += len;
                    continue;
                }
                0
            }
            _ => 0,
        };
        if skip == 0 {
            out.push(char::from(b));
            at += 1;
            continue;
        }
        // A line break or block tag between two words keeps them apart.
        if b == b'<' && breaks_words(&rest[..skip]) {
            out.push(' ');
        }
        at += skip;
    }
    fold(&out)
}

fn breaks_words(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "br" | "p" | "div" | "li" | "ul" | "ol" | "td" | "th" | "tr" | "summary" | "details"
    )
}

/// [`plain`] without a copy when the text is already plain: no markup,
/// single spaces, no other whitespace (most lines of a note).
pub(crate) fn plain_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let simple = !s
        .bytes()
        .any(|b| MARKUP[usize::from(b)] || NOT_SIMPLE[usize::from(b)])
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && memchr::memmem::find(s.as_bytes(), b"  ").is_none();
    if simple {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(plain(s))
    }
}

/// Whitespace other than a space, and lead bytes of non-ASCII spaces.
static NOT_SIMPLE: [bool; 256] =
    byte_set(&[b'\t', b'\r', b'\n', 0x0b, 0x0c, 0xC2, 0xE1, 0xE2, 0xE3]);

/// Bytes that may start inline markup `plain` removes.
static MARKUP: [bool; 256] = byte_set(b"<*_~=`[!");

/// A lookup table holding `bytes`: one test a byte on hot paths.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// The length of an HTML tag at the start of `s` (`<mark>`, `</b>`,
/// `<span class="x">`, `<br/>`), or 0.
pub(crate) fn html_tag_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    match memchr::memchr(b'>', &bytes[i..]) {
        Some(end) if end < 200 && !bytes[i..i + end].contains(&b'<') => i + end + 1,
        _ => 0,
    }
}

/// `[text](url)` or `[[target|text]]` at the start of `s`: the text shown
/// and the length of the whole link.
fn link(s: &str) -> Option<(&str, usize)> {
    // A link is short: looking further would make a line of `[` quadratic.
    let window = &s[..floor_boundary(s, LINK_MAX)];
    if let Some(inner) = window.strip_prefix("[[") {
        let end = inner.find("]]")?;
        let target = &inner[..end];
        let shown = target.rsplit('|').next().unwrap_or(target);
        return Some((shown, end + 4));
    }
    let close = window.find("](")?;
    let text = &s[1..close];
    if text.contains(['[', ']', '\n']) {
        return None;
    }
    let end = window[close..].find(')')? + close;
    Some((text, end + 1))
}

/// The longest link or tag group the reader looks for, in bytes.
const LINK_MAX: usize = 1000;

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The marks found on one option line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    /// `⭐️`, `🌟` or `★`.
    pub star: bool,
    /// `<mark>…</mark>` or `==…==` over most of the text.
    pub highlight: bool,
    /// `(정답)`, `[정답]`, `(선택/정답)`, `← 정답`.
    pub tag: bool,
    /// ` v`, `✓`, `✔`, `✅` at the end.
    pub check: bool,
    /// The whole text in bold.
    pub bold: bool,
    /// The author's own pick: `(선택)`, `(내 답)`.
    pub pick: bool,
}

const STARS: [char; 3] = ['⭐', '🌟', '★'];

/// Reads the marks of an option's text (its label already removed) and
/// returns them with the text to show: marks taken out, markup removed.
pub(crate) fn option_marks(text: &str) -> (Marks, String) {
    let mut marks = Marks::default();
    // No byte any mark is made of: the text as it is, folded. Stars and
    // checks are multi-byte (0xE2, 0xF0); groups need a bracket or an
    // arrow; ` v` ends in `v`; highlights and bold need `<`, `=` or `*`.
    let last = text.trim_end().bytes().last();
    let plain_text = !text
        .bytes()
        .any(|b| matches!(b, 0xE2 | 0xF0 | b'(' | b'[' | 0xEF | b'<' | b'=' | b'*'))
        && !matches!(last, Some(b'v' | b'V' | b')'));
    if plain_text {
        return (marks, plain(text));
    }
    let mut t = text.to_owned();
    if t.contains(STARS) {
        marks.star = true;
        t = t.replace(STARS, "").replace('\u{fe0f}', "");
    }
    while let Some((kind, range)) = find_group(&t) {
        match kind {
            Group::Key => marks.tag = true,
            Group::Pick => marks.pick = true,
        }
        t.replace_range(range, " ");
    }
    if let Some(rest) = strip_check(&t) {
        marks.check = true;
        t.truncate(rest);
    }
    marks.highlight = mostly_highlighted(&t);
    marks.bold = wholly_bold(&t);
    (marks, plain(&t))
}

/// The length of the marks that may stand before an option's label:
/// inline tags (`<mark>`, `<b>`), `==`, `~~`, stars and checks, and tags
/// like `(정답)` or `(선택)` (`<mark>B. 텍스트</mark>`, `(정답) B. 텍스트`).
pub(crate) fn mark_prefix(content: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &content[at..];
        let trimmed = rest.trim_start();
        let mut step = rest.len() - trimmed.len();
        let more = if trimmed.starts_with('<') {
            let len = html_tag_len(trimmed);
            let inline = len > 0 && !breaks_words(&trimmed[..len]);
            if inline { len } else { 0 }
        } else if trimmed.starts_with("==") || trimmed.starts_with("~~") {
            2
        } else if let Some(c) = trimmed
            .chars()
            .next()
            .filter(|c| STARS.contains(c) || matches!(c, '✅' | '✔' | '✓' | '👉' | '\u{fe0f}'))
        {
            c.len_utf8()
        } else if trimmed.starts_with(['(', '[', '（'])
            && let Some((_, range)) = find_group(trimmed).filter(|(_, r)| r.start == 0)
        {
            range.end
        } else {
            0
        };
        if more == 0 {
            return at;
        }
        step += more;
        at += step;
    }
}

enum Group {
    Key,
    Pick,
}

/// A `( … )` or `[ … ]` group naming the key or the author's pick, or an
/// arrow pointing back with `정답` (`← 정답`, `<- 정답`).
fn find_group(t: &str) -> Option<(Group, std::ops::Range<usize>)> {
    if memchr::memchr3(b'(', b'[', 0xEF, t.as_bytes()).is_none()
        && memchr::memchr3(b'<', 0xE2, 0xF0, t.as_bytes()).is_none()
    {
        return None;
    }
    for (open, close) in [('(', ')'), ('[', ']'), ('（', '）')] {
        let mut from = 0;
        while let Some(i) = t[from..].find(open).map(|i| i + from) {
            let inner_start = i + open.len_utf8();
            // Tags are short: a longer group is text, and looking further
            // would make a line of brackets quadratic.
            let window = &t[inner_start..floor_boundary(t, inner_start + 40)];
            let Some(len) = window.find(close) else {
                from = inner_start;
                continue;
            };
            let inner = t[inner_start..inner_start + len].trim();
            let end = inner_start + len + close.len_utf8();
            if let Some(kind) = group_kind(inner) {
                return Some((kind, i..end));
            }
            from = inner_start;
        }
    }
    // Arrows need `<`, or a lead byte of `←` (0xE2) or `👈` (0xF0).
    memchr::memchr3(b'<', 0xE2, 0xF0, t.as_bytes())?;
    for arrow in ["<--", "<-", "←", "👈"] {
        if let Some(i) = memchr::memmem::find(t.as_bytes(), arrow.as_bytes()) {
            let after = t[i + arrow.len()..].trim_start();
            if let Some(rest) = after.strip_prefix("정답") {
                let end = t.len() - rest.len();
                return Some((Group::Key, i..end));
            }
        }
    }
    None
}

fn group_kind(inner: &str) -> Option<Group> {
    let words: String = inner
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '✅' | '!' | '\u{fe0f}'))
        .collect();
    let key = [
        "정답",
        "선택/정답",
        "정답/선택",
        "선택,정답",
        "정답,선택",
        "answer",
        "correct",
    ];
    let pick = [
        "선택",
        "내선택",
        "내답",
        "내가고른답",
        "찍음",
        "내가선택",
        "mypick",
    ];
    let lower = words.to_lowercase();
    if key.contains(&lower.as_str()) {
        Some(Group::Key)
    } else if pick.contains(&lower.as_str()) {
        Some(Group::Pick)
    } else {
        None
    }
}

/// The length of `t` without a check mark at its end (` v`, ` ✓`, …).
fn strip_check(t: &str) -> Option<usize> {
    let trimmed = t.trim_end().trim_end_matches('\u{fe0f}');
    for mark in [
        " v", " V", " (v)", " (V)", " ✓", " ✔", " ✅", " ☑", " 👈", " ⭕", "\tv", "\tV",
    ] {
        if let Some(rest) = trimmed.strip_suffix(mark) {
            let rest = rest.trim_end();
            return (!rest.is_empty()).then_some(rest.len());
        }
    }
    None
}

/// True when `<mark>`/`==` covers at least half of the text's characters.
fn mostly_highlighted(t: &str) -> bool {
    if memchr::memmem::find(t.as_bytes(), b"<mark").is_none()
        && memchr::memmem::find(t.as_bytes(), b"==").is_none()
    {
        return false;
    }
    let total = count_alnum(t);
    if total == 0 {
        return false;
    }
    let mut marked = 0;
    let mut rest = t;
    while let Some(i) = rest.find("<mark") {
        let after = &rest[i..];
        let open = html_tag_len(after);
        if open == 0 {
            rest = &after[1..];
            continue;
        }
        let inner = &after[open..];
        let end = inner.find("</mark>").unwrap_or(inner.len());
        marked += count_alnum(&inner[..end]);
        rest = &inner[end..];
    }
    let mut parts = t.split("==");
    parts.next();
    // Odd pieces between `==` pairs are highlighted.
    let pieces: Vec<&str> = parts.collect();
    if pieces.len() >= 2 {
        for (i, piece) in pieces.iter().enumerate() {
            if i % 2 == 0 && i + 1 < pieces.len() {
                marked += count_alnum(piece);
            }
        }
    }
    marked * 2 >= total
}

fn count_alnum(s: &str) -> usize {
    plain(s).chars().filter(|&c| is_alphanumeric(c)).count()
}

/// True when every word of the text is inside `**…**`.
pub(crate) fn wholly_bold(t: &str) -> bool {
    let t = t.trim();
    if crate::vault::text::DOUBLE_STAR.find(t.as_bytes()).is_none() {
        return false;
    }
    let mut bold_words = false;
    for (i, piece) in t.split("**").enumerate() {
        let has_words = piece.chars().any(is_alphanumeric);
        if i % 2 == 1 {
            bold_words |= has_words;
        } else if has_words {
            return false;
        }
    }
    bold_words
        && memchr::memmem::find_iter(t.as_bytes(), b"**")
            .count()
            .is_multiple_of(2)
}

/// True when the text carries a key mark of its own (for lines that are
/// not options: `check --explain` reports them).
pub(crate) fn has_key_mark(text: &str) -> bool {
    let (marks, _) = option_marks(text);
    marks.star || marks.tag || marks.highlight || marks.check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_for_display() {
        assert_eq!(
            plain("**S3** <mark>Glacier</mark>  `Deep`"),
            "S3 Glacier Deep"
        );
        assert_eq!(plain("[링크](http://x) 와 [[노트|별칭]]"), "링크 와 별칭");
        assert_eq!(plain("==강조== ~~취소~~ a <- b"), "강조 취소 a <- b");
    }

    #[test]
    fn marks_are_found_and_taken_out() {
        let (m, t) = option_marks("Use S3 Glacier ⭐️");
        assert!(m.star && !m.bold);
        assert_eq!(t, "Use S3 Glacier");
        let (m, t) = option_marks("<mark>EBS 볼륨</mark>");
        assert!(m.highlight);
        assert_eq!(t, "EBS 볼륨");
        let (m, t) = option_marks("(선택/정답) 온디맨드");
        assert!(m.tag && !m.pick);
        assert_eq!(t, "온디맨드");
        let (m, t) = option_marks("(선택) 스팟");
        assert!(m.pick && !m.tag);
        assert_eq!(t, "스팟");
        let (m, t) = option_marks("Amazon SQS v");
        assert!(m.check);
        assert_eq!(t, "Amazon SQS");
        let (m, _) = option_marks("**전용 호스트**");
        assert!(m.bold);
        assert_eq!(mark_prefix("<mark>B. 텍스트</mark>"), 6);
        assert_eq!(mark_prefix("(정답) B. 텍스트"), "(정답)".len());
        assert_eq!(mark_prefix("⭐️ B. 텍스트"), "⭐️".len());
        assert_eq!(mark_prefix("B. 텍스트"), 0);
        let (m, t) = option_marks("Kinesis <- 정답");
        assert!(m.tag);
        assert_eq!(t, "Kinesis");
    }

    #[test]
    fn partial_highlight_and_partial_bold_are_not_marks() {
        let (m, _) = option_marks("<mark>S3</mark>에 로그를 저장하고 Athena로 조회한다");
        assert!(!m.highlight);
        let (m, _) = option_marks("**EMR**: 분산 처리");
        assert!(!m.bold);
        let (m, _) = option_marks("(2개 선택 가능) 설명");
        assert!(!m.pick && !m.tag);
        let (m, _) = option_marks("Level v2");
        assert!(!m.check);
    }
}
