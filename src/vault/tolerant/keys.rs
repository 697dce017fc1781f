//! Lines that give a key, and lines that look like one but must not be
//! read as one: answer lines (`정답 : B`, `답 : b`, `정답: 2번`, `Answer: C`,
//! `정답) 2. 텍스트`), answer labels with the key on the next line (`### 정답`),
//! corrections (`정답 : D? -> B 였음`, a `찐정답` line, the `정담` typo), and the
//! author's own pick (`선택 A`, `선택한 답: 4번`), which is never the key.

use super::inline::plain;
use super::labels::{Scheme, symbol};
use super::lines::Line;
pub(crate) use super::tokens::{Tokens, tokens};
use crate::vault::text::{drop_leading_symbols, is_alphanumeric, strip_label};

/// An answer line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnswerLine {
    /// A correction that overrides the other answer lines (`찐정답`,
    /// `최종 정답`).
    pub overrides: bool,
    /// What follows the label.
    pub keys: Keys,
}

/// What an answer line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Keys {
    /// Nothing: the key is on the next line (`### 정답`).
    Below,
    /// Option labels or positions.
    Tokens(Tokens),
    /// Text that names no label; it may be an option's text.
    Text(String),
}

/// Labels that start an answer line, longest first; `true` for those
/// that override the others.
const LABELS: [(&str, bool); 21] = [
    ("찐정답", true),
    ("찐 정답", true),
    ("진짜 정답", true),
    ("진짜정답", true),
    ("최종 정답", true),
    ("최종정답", true),
    ("실제 정답", true),
    ("실제정답", true),
    ("final answer", true),
    ("correct answers", false),
    ("correct answer", false),
    ("정답", false),
    // A typo seen in real notes.
    ("정담", false),
    ("answers", false),
    ("answer", false),
    ("ans", false),
    ("답", false),
    ("해답", false),
    ("right answer", false),
    ("key", false),
    ("sol", false),
];

/// The text after an answer label, if the line starts with one.
pub(crate) fn answer_label(content: &str) -> Option<(bool, &str)> {
    let s = drop_leading_symbols(content);
    // Every label starts with one of these: most lines fail here.
    if !s.starts_with([
        '찐', '진', '최', '실', '정', '답', '해', 'f', 'F', 'c', 'C', 'a', 'A', 'r', 'R', 'k', 'K',
        's', 'S',
    ]) {
        return None;
    }
    LABELS.iter().find_map(|&(label, overrides)| {
        let rest = strip_label(s, label)?;
        if ["key", "sol"].contains(&label) {
            // Only as `Key:` / `Sol:`.
            return rest
                .trim_start()
                .starts_with([':', '：'])
                .then_some((overrides, rest));
        }
        let next = rest.chars().next();
        let ok = match next {
            Some(c) if c.is_ascii_alphanumeric() => false,
            Some(c) if !matches!(c, '은' | '는') => !is_alphanumeric(c),
            _ => true,
        };
        ok.then_some((overrides, rest))
    })
}

/// Reads an answer line from a line's text (its list or quote markers
/// removed). `None` when the line does not start with an answer label,
/// or starts with a tag marking an option (`(정답) 재해 복구`).
pub(crate) fn answer_line(content: &str) -> Option<AnswerLine> {
    answer_text(&plain(&drop_struck(content)))
}

/// [`answer_line`] of a line, from its plain text.
pub(crate) fn answer_line_of(line: &Line<'_>) -> Option<AnswerLine> {
    if memchr::memmem::find(line.content.as_bytes(), b"~~").is_some() {
        return answer_line(line.content);
    }
    answer_text(&line.plain)
}

/// [`answer_line`] of text already plain.
fn answer_text(text: &str) -> Option<AnswerLine> {
    if text.starts_with(['(', '[']) && tagged_option(text) {
        return None;
    }
    let (overrides, rest) = answer_label(text)?;
    let rest = rest.strip_prefix(['은', '는']).unwrap_or(rest);
    // Separators, emoji (`정답 ✅ B`) and `is` (`Correct answer is B`).
    let rest = rest
        .trim_start_matches(|c: char| {
            !(is_alphanumeric(c) || matches!(c, '(' | '[' | '~') || symbol(c).is_some())
        })
        .trim_end();
    let rest = strip_label(rest, "is ").map_or(rest, str::trim_start);
    let keys = if rest.is_empty() || reveal_word(rest) {
        Keys::Below
    } else {
        match tokens(rest) {
            Some(t) => Keys::Tokens(t),
            None => Keys::Text(rest.to_owned()),
        }
    };
    Some(AnswerLine { overrides, keys })
}

/// `정답 보기`, `정답 확인`, `Answer (click)`: a label over a hidden key.
fn reveal_word(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .filter(|&c| is_alphanumeric(c))
        .flat_map(char::to_lowercase)
        .collect();
    [
        "보기",
        "확인",
        "공개",
        "펼치기",
        "펼쳐보기",
        "클릭",
        "보기클릭",
        "확인하기",
        "show",
        "reveal",
        "click",
        "숨김",
    ]
    .contains(&word.as_str())
}

/// The answer written after the author's pick on one line
/// (`내 답: A / 정답: B`, `선택 C → 정답 D`).
pub(crate) fn answer_after_pick(text: &str) -> Option<AnswerLine> {
    ["정답", "정담", "Answer", "answer", "ANSWER"]
        .iter()
        .find_map(|label| {
            let bytes = text.as_bytes();
            memchr::memmem::find_iter(bytes, label.as_bytes())
                .filter(|&i| i > 0)
                .find(|&i| {
                    text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_whitespace() || "/|,→>)([-".contains(c))
                })
                .and_then(|i| answer_text(&text[i..]))
        })
}

/// `~~…~~` spans removed: a struck-out answer is not the answer.
fn drop_struck(s: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memmem::find(s.as_bytes(), b"~~").is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    // Pieces between `~~` pairs are struck; an unpaired `~~` strikes nothing.
    let pieces: Vec<&str> = s.split("~~").collect();
    let last = pieces.len() - 1;
    let mut out = String::with_capacity(s.len());
    for (n, piece) in pieces.iter().enumerate() {
        let unpaired = n == last && n % 2 == 1;
        if unpaired {
            out.push_str("~~");
        }
        if n % 2 == 0 || unpaired {
            out.push_str(piece);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True for an option's text that starts with a tag (`(정답) 재해 복구`,
/// `(선택) EBS`, `[정답] S3`) and goes on with words, not a label.
fn tagged_option(text: &str) -> bool {
    let close = match text.chars().next() {
        Some('(') => ')',
        Some('[') => ']',
        _ => return false,
    };
    let Some(end) = text.find(close) else {
        return false;
    };
    let inner = &text[1..end];
    let rest = text[end + 1..].trim_start();
    let tag = ["정답", "선택", "선택/정답", "정답/선택"].contains(&inner.trim());
    let labelled_option = super::labels::option_label(rest)
        .is_some_and(|(l, text)| l.scheme != Scheme::Bare && !text.trim().is_empty());
    tag && !rest.is_empty() && (labelled_option || tokens(rest).is_none())
}

/// True for a line giving the author's own pick, which is not the key:
/// `선택 A`, `선택한 답: 4번`, `내 답: 3`, `My answer: B`.
#[cfg(test)]
pub(crate) fn pick_line(content: &str) -> bool {
    pick_text(&plain(content))
}

/// [`pick_line`] of text already plain.
pub(crate) fn pick_text(text: &str) -> bool {
    if text.starts_with(['(', '[']) && tagged_option(text) {
        return false;
    }
    let s = drop_leading_symbols(text);
    if !s.starts_with(['선', '내', '나', '제', '고', '찍', '오', 'm', 'M', 'i', 'I']) {
        return false;
    }
    // Labels that say "my answer": anything may follow.
    let answer_words = [
        "선택한 답",
        "선택했던 답",
        "선택한답",
        "내가 선택한 답",
        "내가 고른 답",
        "고른 답",
        "찍은 답",
        "내 답",
        "내답",
        "나의 답",
        "내가 쓴 답",
        "제출한 답",
        "my answer",
        "my pick",
        "i chose",
    ];
    let ends = |rest: &str| !rest.starts_with(|c: char| is_alphanumeric(c));
    if answer_words
        .iter()
        .any(|w| strip_label(s, w).is_some_and(ends))
    {
        return true;
    }
    // `선택 A`, `오답: C`, `내 선택 - 2번`: the pick is named right after.
    ["내 선택", "내가 고른", "내가 찍은", "선택", "오답", "찍음"]
        .iter()
        .any(|w| {
            strip_label(s, w).is_some_and(|rest| {
                ends(rest)
                    && (rest.trim().is_empty()
                        || tokens(rest.trim_start_matches(|c: char| {
                            c.is_whitespace() || matches!(c, ':' | '：' | '-' | '=' | ')')
                        }))
                        .is_some())
            })
        })
}

/// True for `> 정답` (or `정답!`, `✅ 정답`): the line under an option
/// marking it.
pub(crate) fn is_quote_mark(plain_text: &str) -> bool {
    let s = drop_leading_symbols(plain_text).trim_end_matches(|c: char| !is_alphanumeric(c));
    matches!(s, "정답" | "answer" | "Answer" | "정답임" | "이게 정답")
}

/// True for an explanation label (`해설`, `풀이:`, `Explanation`): what
/// follows it explains, it never asks.
pub(crate) fn explanation_label(plain_text: &str) -> bool {
    explanation_rest(plain_text).is_some()
}

/// The text after an explanation label (`해설: 이유는`), if the line
/// starts with one.
pub(crate) fn explanation_rest(plain_text: &str) -> Option<&str> {
    let s = drop_leading_symbols(plain_text);
    if !s.starts_with(['해', '풀', '설', '이', '오', 'e', 'E', 'r', 'R', 'w', 'W']) {
        return None;
    }
    [
        "해설",
        "풀이",
        "설명",
        "이유",
        "오답 이유",
        "오답노트",
        "오답 노트",
        "explanation",
        "reason",
        "why",
    ]
    .iter()
    .find_map(|label| {
        let rest = strip_label(s, label)?;
        let labelled = rest.is_empty() || rest.starts_with([':', '：', ' ', ')', ']', '-']);
        labelled.then(|| {
            rest.trim_start_matches([':', '：', ' ', ')', ']', '-', '*'])
                .trim()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Option<Vec<(Scheme, usize)>> {
        match answer_line(s)?.keys {
            Keys::Tokens(t) => Some(t.list.iter().map(|t| (t.scheme, t.index)).collect()),
            _ => None,
        }
    }

    #[test]
    fn answer_lines_in_every_form() {
        assert_eq!(keys("정답 : B"), Some(vec![(Scheme::Upper, 1)]));
        assert_eq!(keys("정답 B"), Some(vec![(Scheme::Upper, 1)]));
        assert_eq!(keys("정답) 2. 텍스트"), Some(vec![(Scheme::Number, 1)]));
        assert_eq!(keys("답 : b"), Some(vec![(Scheme::Lower, 1)]));
        assert_eq!(keys("정답: 2번"), Some(vec![(Scheme::Number, 1)]));
        assert_eq!(keys("**정답 : C**"), Some(vec![(Scheme::Upper, 2)]));
        assert_eq!(keys("정답 : (3)"), Some(vec![(Scheme::Number, 2)]));
        assert_eq!(keys("답 : 4번"), Some(vec![(Scheme::Number, 3)]));
        assert_eq!(keys("정답: ③"), Some(vec![(Scheme::Circled, 2)]));
        assert_eq!(keys("정답은 B"), Some(vec![(Scheme::Upper, 1)]));
        assert_eq!(
            keys("Answer: A, C"),
            Some(vec![(Scheme::Upper, 0), (Scheme::Upper, 2)])
        );
        assert_eq!(
            keys("✅ 정답: 2, 4번"),
            Some(vec![(Scheme::Number, 1), (Scheme::Number, 3)])
        );
        assert_eq!(keys("[정답] ㄷ"), Some(vec![(Scheme::Jamo, 2)]));
        assert_eq!(keys("정답: B) Use EMR"), Some(vec![(Scheme::Upper, 1)]));
        assert_eq!(
            keys("Answer: A and C"),
            Some(vec![(Scheme::Upper, 0), (Scheme::Upper, 2)])
        );
        assert_eq!(keys("Answer: a bucket policy"), None);
        assert_eq!(keys("정답) 3. 4"), Some(vec![(Scheme::Number, 2)]));
        assert_eq!(
            keys("Correct Answer: BD"),
            Some(vec![(Scheme::Upper, 1), (Scheme::Upper, 3)])
        );
        assert_eq!(keys("Correct answer is C"), Some(vec![(Scheme::Upper, 2)]));
        assert_eq!(keys("정답 ✅ B"), Some(vec![(Scheme::Upper, 1)]));
        assert_eq!(keys("정답 : ㉮"), Some(vec![(Scheme::Hangul, 0)]));
        assert_eq!(keys("답: ㉡"), Some(vec![(Scheme::Jamo, 1)]));
        assert_eq!(keys("정답: AWS"), None);
        assert_eq!(
            keys("정답: B), D)"),
            Some(vec![(Scheme::Upper, 1), (Scheme::Upper, 3)])
        );
    }

    #[test]
    fn corrections_keep_what_follows_the_arrow() {
        assert_eq!(keys("정답 : D? -> B 였음"), Some(vec![(Scheme::Upper, 1)]));
        assert_eq!(keys("정답: ~~C~~ A"), Some(vec![(Scheme::Upper, 0)]));
        let line = answer_line("찐정답: B").unwrap();
        assert!(line.overrides);
        assert_eq!(keys("정담 : C"), Some(vec![(Scheme::Upper, 2)]));
        let Keys::Tokens(t) = answer_line("정답 : D?").unwrap().keys else {
            panic!()
        };
        assert!(t.uncertain && !t.corrected);
    }

    #[test]
    fn below_and_text_answers() {
        assert_eq!(answer_line("정답").map(|a| a.keys), Some(Keys::Below));
        assert_eq!(answer_line("**정답:**").map(|a| a.keys), Some(Keys::Below));
        assert_eq!(
            answer_line("정답: S3 Glacier").map(|a| a.keys),
            Some(Keys::Text("S3 Glacier".into()))
        );
        assert_eq!(
            answer_line("정답: 2분").map(|a| a.keys),
            Some(Keys::Text("2분".into()))
        );
    }

    #[test]
    fn words_that_only_contain_an_answer_label_are_not_answer_lines() {
        for s in [
            "선택한 답: 4번",
            "답변: B",
            "정답률이 낮다",
            "오답: C",
            "대답은 B",
            "answered B",
            "Keys: 1",
        ] {
            assert_eq!(answer_line(s), None, "{s}");
        }
    }

    #[test]
    fn picks_are_not_keys() {
        assert!(pick_line("선택 A"));
        assert!(pick_line("선택한 답: 4번"));
        assert!(pick_line("**내 답: 3**"));
        assert!(!pick_line("선택지:"));
        assert!(!pick_line("# 오답노트: Route 53"));
        assert!(!pick_line("(선택) EBS"));
        assert!(!pick_line("(선택/정답) io2 Block Express"));
        assert!(!pick_line("선택 정렬"));
        assert!(pick_line("선택: ②"));
        assert!(answer_line("(정답) 재해 복구").is_none());
        assert!(answer_line("[정답] ㄷ").is_some());
        assert!(!pick_line("정답: B"));
        let after = |s: &str| match answer_after_pick(s).map(|a| a.keys) {
            Some(Keys::Tokens(t)) => t.list.iter().map(|t| t.index).collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        assert_eq!(after("내 답: A / 정답: B"), [1]);
        assert_eq!(after("선택 C → 정답 D"), [3]);
        assert_eq!(after("선택한 답: 4번"), Vec::<usize>::new());
        assert!(is_quote_mark("정답"));
        assert!(is_quote_mark("✅ 정답!"));
        assert!(!is_quote_mark("정답: B"));
    }
}
