//! Line-level labels of the question grammar: stem labels (`Question 2:`,
//! `문제.`), the options label, option items (`A)`, `(B)`), answer lines
//! (`정답: B, D`, `Answer: A와 C`) and explanation labels and items.
//! Every function takes plain text with bold markers already removed,
//! except `explanation_item`, which reads a leading `**…**` as a label.

use super::model::Letter;
use super::text::{compact_lower, drop_leading_symbols, strip_bold, strip_label};

/// The stem text after a `Question`/`Q`/`문제` label, optionally numbered,
/// then `:` or `.` (`)` too).
pub(crate) fn stem_label(plain: &str) -> Option<&str> {
    let s = drop_leading_symbols(plain);
    ["question", "문제", "q"].iter().find_map(|label| {
        let rest = strip_label(s, label)?.trim_start();
        let rest = rest
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        let rest = rest.strip_prefix([':', '.', ')', '：'])?;
        Some(rest.trim())
    })
}

/// True for `Options:`, `보기:`, `선택지:` (bold already removed).
pub(crate) fn options_label(plain: &str) -> bool {
    let s = compact_lower(drop_leading_symbols(plain));
    let s = s.trim_end_matches([':', '：']);
    matches!(s, "options" | "option" | "choices" | "보기" | "선택지")
}

fn is_letter(c: char) -> bool {
    ('A'..='J').contains(&c)
}

/// An option item: `A) text`, `A. text`, `A: text` or `(A) text`.
pub(crate) fn option_item(plain: &str) -> Option<(Letter, &str)> {
    let s = plain.trim_start();
    let mut chars = s.chars();
    let first = chars.next()?;
    if first == '(' {
        let letter = chars.next().filter(|&c| is_letter(c))?;
        let rest = chars.as_str().strip_prefix(')')?;
        return Some((letter, rest.trim()));
    }
    if !is_letter(first) {
        return None;
    }
    let rest = chars.as_str().strip_prefix([')', '.', ':'])?;
    Some((first, rest.trim()))
}

/// What follows the label of an answer line (`정답:`, `Answer:`,
/// `Correct answer:`, `답:`), after leading emoji and punctuation.
pub(crate) fn answer_rest(plain: &str) -> Option<&str> {
    let s = drop_leading_symbols(plain);
    [
        "correct answers",
        "correct answer",
        "answers",
        "answer",
        "정답",
        "답",
    ]
    .iter()
    .find_map(|label| {
        let rest = strip_label(s, label)?.trim_start();
        rest.strip_prefix([':', '：'])
    })
}

/// Skips separators between answer letters: spaces, `,`, `/`, `&`,
/// `and`, `와`, `과`, `및`.
fn skip_separators(s: &str) -> &str {
    let mut s = s;
    loop {
        let t = s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '/' | '&' | '、' | '，')
        });
        let t = ["와", "과", "및"]
            .iter()
            .find_map(|w| t.strip_prefix(w))
            .or_else(|| {
                strip_label(t, "and").filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
            })
            .unwrap_or(t);
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}

/// A letter at the start of `s` (`B` or `(B)`, not the `A` of `AWS`),
/// with the text after it.
fn letter_at(s: &str) -> Option<(Letter, &str, bool)> {
    let mut chars = s.chars();
    match chars.next()? {
        '(' => {
            let l = chars.next().filter(|&c| is_letter(c))?;
            let rest = chars.as_str().strip_prefix(')')?;
            Some((l, rest, true))
        }
        l if is_letter(l) => {
            let rest = chars.as_str();
            if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return None;
            }
            match rest.strip_prefix([')', '.', ':']) {
                Some(after) => Some((l, after, true)),
                None => Some((l, rest, false)),
            }
        }
        _ => None,
    }
}

/// The letters of an answer line's text, each with its byte offset.
/// After `B)` comes a free-text label (real notes paraphrase the option);
/// another letter counts only after a separator and with its own `)`.
pub(crate) fn answer_letters(rest: &str) -> Vec<(Letter, usize)> {
    let mut out = Vec::new();
    let mut s = skip_separators(rest);
    while let Some((letter, after, labelled)) = letter_at(s) {
        out.push((letter, rest.len() - s.len()));
        if out.len() > 10 {
            break;
        }
        if labelled {
            // Look for `, C)` / ` and C)` / `와 C)` inside the free text.
            let Some(next) = next_labelled_letter(after) else {
                break;
            };
            s = next;
        } else {
            s = skip_separators(after);
        }
    }
    out
}

fn next_labelled_letter(text: &str) -> Option<&str> {
    let mut i = 0;
    while i < text.len() {
        let here = &text[i..];
        let c = here.chars().next()?;
        let is_sep = matches!(c, ',' | '/' | '&' | '와' | '과' | '및')
            || (c == ' ' && strip_label(&here[1..], "and ").is_some());
        if is_sep {
            let after = skip_separators(here);
            if let Some((_, _, true)) = letter_at(after) {
                return Some(after);
            }
            // Resume after the whole run of separators: rescanning it from
            // each of its characters would be quadratic on hostile lines.
            i = text.len() - after.len();
            if after.len() < here.len() {
                continue;
            }
        }
        i += c.len_utf8();
    }
    None
}

/// The text after an explanation label (`💡 추가 설명:`, `해설`,
/// `Explanation:`), empty when the label stands alone.
pub(crate) fn explanation_label(plain: &str) -> Option<&str> {
    let s = drop_leading_symbols(plain);
    [
        "추가 설명",
        "추가설명",
        "해설",
        "설명",
        "explanations",
        "explanation",
    ]
    .iter()
    .find_map(|label| {
        let rest = strip_label(s, label)?.trim();
        if rest.is_empty() {
            return Some(rest);
        }
        rest.strip_prefix([':', '：']).map(str::trim)
    })
}

/// An option named at the start of an explanation item: `Option A`, `A`,
/// `A)`, `A.`, `A:`, `(A)`; the rest of the text after it.
fn option_ref(s: &str) -> Option<(Letter, &str)> {
    let s = s.trim_start();
    let (s, prefixed) = ["option", "옵션", "보기", "선택지", "choice"]
        .iter()
        .find_map(|p| strip_label(s, p).map(str::trim_start))
        .map_or((s, false), |r| (r, true));
    let (letter, rest, labelled) = letter_at(s)?;
    let bare_ok =
        prefixed || rest.trim().is_empty() || rest.trim_start().starts_with(['-', '—', '–', ':']);
    (labelled || bare_ok).then_some((letter, rest))
}

/// Removes one leading separator (` - `, ` — `, `:`) and spaces.
fn strip_separator(s: &str) -> &str {
    let s = s.trim_start();
    s.strip_prefix(['-', '—', '–', ':', '：'])
        .unwrap_or(s)
        .trim()
}

/// An explanation list item naming one option, with its text:
/// `**Option A** - …`, `**A) 라벨** - …`, `**A**: …`, `A) …`, `(A) …`.
pub(crate) fn explanation_item(marked: &str) -> Option<(Letter, String)> {
    let t = marked.trim_start();
    if let Some(after) = t.strip_prefix("**")
        && let Some(end) = super::text::DOUBLE_STAR.find(after.as_bytes())
        && let Some((letter, label_rest)) = option_ref(&after[..end])
    {
        let mut text = strip_separator(&after[end + 2..]);
        if text.is_empty() {
            text = strip_separator(label_rest);
        }
        return Some((letter, super::text::fold_unbold(text)));
    }
    let plain = strip_bold(t);
    let (letter, rest) = option_ref(&plain)?;
    Some((letter, crate::text::fold_whitespace(strip_separator(rest))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(s: &str) -> Vec<Letter> {
        answer_letters(answer_rest(s).unwrap())
            .into_iter()
            .map(|(l, _)| l)
            .collect()
    }

    #[test]
    fn stem_labels_in_every_form() {
        assert_eq!(stem_label("Question: 무엇?"), Some("무엇?"));
        assert_eq!(stem_label("Question 2. 무엇?"), Some("무엇?"));
        assert_eq!(stem_label("Q2: 무엇?"), Some("무엇?"));
        assert_eq!(stem_label("문제 1. 스팟?"), Some("스팟?"));
        assert_eq!(stem_label("문제: 스팟?"), Some("스팟?"));
        assert_eq!(stem_label("❓ q. x"), Some("x"));
        assert_eq!(stem_label("문제점: 비용"), None);
        assert_eq!(stem_label("Questions: x"), None);
        assert_eq!(stem_label("Quiz: x"), None);
    }

    #[test]
    fn options_labels() {
        assert!(options_label("Options:"));
        assert!(options_label("보기:"));
        assert!(options_label("선택지"));
        assert!(!options_label("Options are many"));
    }

    #[test]
    fn option_items_in_every_form() {
        assert_eq!(option_item("A) 스팟"), Some(('A', "스팟")));
        assert_eq!(option_item("B. 온디맨드"), Some(('B', "온디맨드")));
        assert_eq!(option_item("C: 예약"), Some(('C', "예약")));
        assert_eq!(option_item("(D) 전용"), Some(('D', "전용")));
        assert_eq!(option_item("AWS Batch"), None);
        assert_eq!(option_item("K) 범위 밖"), None);
    }

    #[test]
    fn answer_lines_in_every_form() {
        assert_eq!(
            letters("정답: B) Use EMR with Master and Core nodes, Task as Spot"),
            ['B']
        );
        assert_eq!(letters("정답: C"), ['C']);
        assert_eq!(letters("Answer: B, D"), ['B', 'D']);
        assert_eq!(letters("정답: A와 C"), ['A', 'C']);
        assert_eq!(letters("Correct answer: A / E"), ['A', 'E']);
        assert_eq!(letters("답: B and D"), ['B', 'D']);
        assert_eq!(letters("✅ 정답: B) 첫째, D) 둘째"), ['B', 'D']);
        assert_eq!(letters("정답: C m5.large 구성"), ['C']);
        assert_eq!(letters("정답: AWS Batch"), Vec::<Letter>::new());
        assert_eq!(answer_rest("정답은 B"), None);
        assert_eq!(answer_rest("답변: B"), None);
    }

    #[test]
    fn explanation_labels() {
        assert_eq!(explanation_label("💡 추가 설명:"), Some(""));
        assert_eq!(explanation_label("해설"), Some(""));
        assert_eq!(explanation_label("Explanation: 이유는"), Some("이유는"));
        assert_eq!(explanation_label("설명하면 길다"), None);
    }

    #[test]
    fn explanation_items_in_every_form() {
        let e = explanation_item;
        assert_eq!(
            e("**Option A** - 데이터 손실"),
            Some(('A', "데이터 손실".into()))
        );
        assert_eq!(
            e("**A) r5.8xlarge 구성** - 과도한 비용"),
            Some(('A', "과도한 비용".into()))
        );
        assert_eq!(e("**A**: 느림"), Some(('A', "느림".into())));
        assert_eq!(e("**B:** 빠름"), Some(('B', "빠름".into())));
        assert_eq!(e("A) 비쌈"), Some(('A', "비쌈".into())));
        assert_eq!(e("(C) 중단"), Some(('C', "중단".into())));
        assert_eq!(e("Option D — 장애"), Some(('D', "장애".into())));
        assert_eq!(e("**AWS Batch**: 배치"), None);
        assert_eq!(e("비용이 중요하다"), None);
    }
}
