//! Stem recognisers: the lines that start a question. Each is named after
//! the form it reads: [`heading`] (`## 13.`, `### Q1)`, `## Question 4`,
//! a heading ending in `?`), [`label_line`] (`질문 1:`, `문제 1.`, `Q1.`,
//! `🟣 1)`), [`numbered`] (`1. …` as a list item), [`bold_line`]
//! (`**다음 중 …?**`). An unlabelled paragraph above the options is the
//! fallback, taken by the reader with [`question_like`] as its test.

use crate::vault::text::{drop_leading_symbols, is_alphanumeric, strip_label};

use super::form::StemForm;
use super::inline::wholly_bold;
use super::keys::{answer_label, explanation_label, pick_text};
use super::lines::{Item, Kind, Line};

/// A line that starts a stem, with the stem text on it (its label
/// removed; empty when the line is only a label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StemStart {
    /// The recogniser that read it.
    pub form: StemForm,
    /// The stem text on this line.
    pub text: String,
    /// Started by a label (`Q1.`, `13.`, `문제 2`), not only by asking.
    pub labelled: bool,
}

/// Any stem start on a line, trying each recogniser in turn.
pub(crate) fn stem_start(line: &Line<'_>) -> Option<StemStart> {
    let start = heading(line)
        .or_else(|| label_line(line))
        .or_else(|| bold_line(line))?;
    (!not_a_stem(&line.plain)).then_some(start)
}

/// Lines that are never stems: answers, picks and explanation labels.
fn not_a_stem(plain_text: &str) -> bool {
    answer_label(plain_text).is_some() || pick_text(plain_text) || explanation_label(plain_text)
}

/// A heading that is a question label (`## 13.`, `### Q1)`,
/// `## Question 4`, `### 문제 3. 본문`) or that ends in `?`.
pub(crate) fn heading(line: &Line<'_>) -> Option<StemStart> {
    let Kind::Heading(_) = line.kind else {
        return None;
    };
    let text = line.plain.to_string();
    if let Some(rest) = stem_label(&text, true) {
        return Some(StemStart {
            form: StemForm::Heading,
            text: rest.to_owned(),
            labelled: true,
        });
    }
    ends_with_question_mark(&text).then_some(StemStart {
        form: StemForm::Heading,
        text,
        labelled: false,
    })
}

/// A line starting with a question label: `질문 1:`, `문제 1.`, `Q1.`,
/// `Question 4:`, `[문제 3]`, `🟣 1)`, `3번.`.
pub(crate) fn label_line(line: &Line<'_>) -> Option<StemStart> {
    if !matches!(
        line.kind,
        Kind::Text | Kind::Item(Item::Bullet | Item::Task { .. })
    ) {
        return None;
    }
    let rest = stem_label(&line.plain, false)?;
    Some(StemStart {
        form: StemForm::Label,
        text: rest.to_owned(),
        labelled: true,
    })
}

/// A numbered list item (`1. …`, `1) …`): a stem when it is not one of a
/// run of options (the reader decides that).
pub(crate) fn numbered(line: &Line<'_>) -> Option<StemStart> {
    let Kind::Item(Item::Ordered { .. }) = line.kind else {
        return None;
    };
    if not_a_stem(&line.plain) {
        return None;
    }
    let content = line.content.trim();
    let text = line.plain.to_string();
    if text.is_empty() {
        return None;
    }
    let form = if wholly_bold(content) {
        StemForm::Bold
    } else {
        StemForm::Numbered
    };
    Some(StemStart {
        form,
        text,
        labelled: true,
    })
}

/// A line in bold that asks (`**다음 중 …?**`, `**1. …**`).
pub(crate) fn bold_line(line: &Line<'_>) -> Option<StemStart> {
    if !matches!(line.kind, Kind::Text | Kind::Item(Item::Bullet)) || !wholly_bold(line.content) {
        return None;
    }
    let text = line.plain.to_string();
    if let Some(rest) = stem_label(&text, true) {
        return Some(StemStart {
            form: StemForm::Bold,
            text: rest.to_owned(),
            labelled: true,
        });
    }
    question_like(&text).then_some(StemStart {
        form: StemForm::Bold,
        text,
        labelled: false,
    })
}

/// Words that label a question.
const WORDS: [&str; 9] = [
    "question", "problem", "quiz", "문제", "질문", "문항", "no.", "no", "q",
];

/// The text after a question label at the start of `text`. In a heading
/// or after an emoji, a bare number (`13.`, `13`, `13번`) is a label too.
pub(crate) fn stem_label(text: &str, heading: bool) -> Option<&str> {
    let s = drop_leading_symbols(text);
    // Every label starts with a digit or one of these letters.
    if !s.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, 'q' | 'Q' | 'n' | 'N' | 'p' | 'P' | '문' | '질')
    }) {
        return None;
    }
    let lead = &text[..text.len() - s.len()];
    for word in WORDS {
        let Some(after) = strip_label(s, word) else {
            continue;
        };
        // `QoS`, `문제점`, `Questions` are other words.
        if after.starts_with(|c: char| is_alphanumeric(c) && !c.is_ascii_digit()) {
            continue;
        }
        // `Question #12`, as question dumps number them.
        let trimmed = after.trim_start().trim_start_matches('#');
        let (digits, rest) = number_and_separator(trimmed);
        // `문제` alone names a section; `Q text` is no label.
        if digits > 0 || rest.len() < trimmed.len() {
            return Some(rest.trim());
        }
    }
    let bracketed = lead.contains(['(', '[', '（']);
    let (digits, rest) = number_and_separator(s);
    let with_beon = digits > 0 && s[digits..].starts_with('번');
    let emoji = !lead.trim().is_empty();
    if digits == 0 || bracketed || !(heading || emoji || with_beon) {
        return None;
    }
    let separated = rest.len() < s.len() - digits;
    (separated || (heading && rest.trim().is_empty())).then(|| rest.trim())
}

/// The digits at the start (their byte length) and the text after them
/// and one separator (`.`, `)`, `:`, `]`, `번`).
fn number_and_separator(s: &str) -> (usize, &str) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 3 {
        return (0, s);
    }
    let after = &s[digits..];
    let after = after.strip_prefix('번').unwrap_or(after);
    let after = after.trim_start();
    let sep = after
        .strip_prefix([':', '.', ')', ']', '：', '-', '】'])
        .unwrap_or(after);
    // `1.5배` is a number, not a label.
    if digits > 0 && after.starts_with('.') && sep.starts_with(|c: char| c.is_ascii_digit()) {
        return (0, s);
    }
    (digits, sep)
}

fn ends_with_question_mark(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '*' | '"' | '.'))
        .ends_with(['?', '？'])
}

/// Korean words that ask.
const KOREAN: [&str; 24] = [
    "것은",
    "것을 고르",
    "고르시오",
    "고르세요",
    "고른 것",
    "무엇",
    "어느",
    "어떤",
    "옳은",
    "옳지",
    "틀린",
    "알맞은",
    "적절한",
    "적합한",
    "올바른",
    "하는가",
    "인가",
    "는가",
    "을까",
    "선택하시오",
    "선택하세요",
    "구하시오",
    "해야 할",
    "맞는 것",
];

/// [`KOREAN`] as searchers, built once.
static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| KOREAN.iter().map(memchr::memmem::Finder::new).collect());

/// True when a text asks something: it ends in `?` or words it as a
/// question (`…것은`, `고르시오`, `어느`, `Which`).
pub(crate) fn question_like(text: &str) -> bool {
    if ends_with_question_mark(text) {
        return true;
    }

    if FINDERS.iter().any(|f| f.find(text.as_bytes()).is_some()) {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    ["which ", "what ", "how ", "select ", "choose "]
        .iter()
        .any(|w| lower.starts_with(w) || lower.contains(&format!(" {w}")[..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::tolerant::lines::split;

    fn start(line: &str) -> Option<(StemForm, String)> {
        let lines = split(line, 1);
        let l = &lines[0];
        stem_start(l)
            .or_else(|| numbered(l))
            .map(|s| (s.form, s.text))
    }

    #[test]
    fn stems_in_every_form() {
        let h = StemForm::Heading;
        assert_eq!(start("## 13."), Some((h, String::new())));
        assert_eq!(start("### Q1)"), Some((h, String::new())));
        assert_eq!(start("## Question 4"), Some((h, String::new())));
        assert_eq!(
            start("### 문제 3. 무엇이 맞나?"),
            Some((h, "무엇이 맞나?".into()))
        );
        assert_eq!(
            start("#### S3는 무엇인가?"),
            Some((h, "S3는 무엇인가?".into()))
        );
        let l = StemForm::Label;
        assert_eq!(start("질문 1: 무엇?"), Some((l, "무엇?".into())));
        assert_eq!(start("문제 1. 무엇?"), Some((l, "무엇?".into())));
        assert_eq!(start("Q1. 무엇?"), Some((l, "무엇?".into())));
        assert_eq!(start("🟣 1) 무엇?"), Some((l, "무엇?".into())));
        assert_eq!(start("[문제 2] 무엇?"), Some((l, "무엇?".into())));
        assert_eq!(start("## Question #12"), Some((h, String::new())));
        assert_eq!(
            start("1. 무엇?"),
            Some((StemForm::Numbered, "무엇?".into()))
        );
        assert_eq!(
            start("**다음 중 옳은 것은?**"),
            Some((StemForm::Bold, "다음 중 옳은 것은?".into()))
        );
    }

    #[test]
    fn section_names_and_prose_are_not_stems() {
        for s in [
            "## 문제",
            "## 관련 문제",
            "### 정답",
            "문제점: 비용",
            "QoS 설정",
            "**중요**",
            "## S3 스토리지",
            "1.5배 빠르다",
            "(1) 조건",
            "정답: B",
            "해설: 이유",
        ] {
            assert_eq!(stem_start(&split(s, 1)[0]), None, "{s}");
        }
    }
}
