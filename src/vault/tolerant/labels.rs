//! Option labels as people write them (`A.`, `b)`, `(1)`, `②`, `가.`,
//! `ㄱ.`, a bare `A`), each mapped to a position for grading while the
//! written form is kept for display; and the same symbols as they appear
//! in answers (`정답: ③`, `답 : b`, `2번`).

use std::borrow::Cow;

use super::form::OptionsForm;

/// A family of labels; the options of one question use one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Scheme {
    /// `A.`, `A)`, `(A)`, `A:`.
    Upper,
    /// `a.`, `a)`, `(a)`.
    Lower,
    /// `1.`, `1)` (also a list item's own number).
    Number,
    /// `(1)`, `[1]`: often a list of conditions inside a stem.
    ParenNumber,
    /// `①`, `❶`, `⑴`, `➀`.
    Circled,
    /// `가.`, `(가)`.
    Hangul,
    /// `ㄱ.`, `(ㄱ)`, `㉠`.
    Jamo,
    /// A letter alone on its line, the text on the lines below.
    Bare,
    /// No label: a bullet or task item.
    Bullet,
}

impl Scheme {
    /// The options form this scheme is reported as.
    pub(crate) fn form(self) -> OptionsForm {
        match self {
            Scheme::Upper => OptionsForm::Letters,
            Scheme::Lower => OptionsForm::LowerLetters,
            Scheme::Number | Scheme::ParenNumber => OptionsForm::Numbers,
            Scheme::Circled => OptionsForm::Circled,
            Scheme::Hangul | Scheme::Jamo => OptionsForm::Hangul,
            Scheme::Bare => OptionsForm::BareLetters,
            Scheme::Bullet => OptionsForm::Bullets,
        }
    }
}

/// A label at the start of a line's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label {
    /// Its family.
    pub scheme: Scheme,
    /// Its position: `A`, `1`, `①`, `가` are 0.
    pub index: usize,
    /// Where the label as written starts in the text (after a `**`).
    pub start: usize,
    /// Its length in bytes as written (`A.`, `(3)`, `②`).
    pub len: usize,
}

impl Label {
    /// The label as written.
    pub(crate) fn written(self, text: &str) -> &str {
        &text[self.start..self.start + self.len]
    }
}

/// A label without its punctuation, for messages: `(A)` and `A.` are `A`.
pub(crate) fn short(label: &str) -> &str {
    label.trim_matches(|c: char| "().:[]（）．-–— ".contains(c))
}

const HANGUL: [char; 14] = [
    '가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하',
];
const JAMO: [char; 14] = [
    'ㄱ', 'ㄴ', 'ㄷ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅅ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// The scheme and position of one label character.
pub(crate) fn symbol(c: char) -> Option<(Scheme, usize)> {
    let code = c as u32;
    let at = |first: u32| (code - first) as usize;
    Some(match c {
        'A'..='J' => (Scheme::Upper, at('A' as u32)),
        'a'..='j' => (Scheme::Lower, at('a' as u32)),
        '①'..='⑳' => (Scheme::Circled, at('①' as u32)),
        '⑴'..='⒇' => (Scheme::Circled, at('⑴' as u32)),
        '❶'..='❿' => (Scheme::Circled, at('❶' as u32)),
        '➀'..='➉' => (Scheme::Circled, at('➀' as u32)),
        '㉠'..='㉭' => (Scheme::Jamo, at('㉠' as u32)),
        '㉮'..='㉻' => (Scheme::Hangul, at('㉮' as u32)),
        _ => {
            if let Some(i) = HANGUL.iter().position(|&h| h == c) {
                (Scheme::Hangul, i)
            } else if let Some(i) = JAMO.iter().position(|&h| h == c) {
                (Scheme::Jamo, i)
            } else {
                return None;
            }
        }
    })
}

/// A number of one or two digits at the start of `s`, as a position.
pub(crate) fn number_at(s: &str) -> Option<(usize, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let n: usize = s[..digits].parse().ok()?;
    n.checked_sub(1).map(|i| (i, digits))
}

/// The option label at the start of a line's text, if it has one, and
/// the option's text after it. A label in bold (`**A.** 텍스트`) counts; a
/// bold option (`**A. 텍스트**`) keeps its text's markers (`**텍스트**`).
pub(crate) fn option_label(text: &str) -> Option<(Label, Cow<'_, str>)> {
    let bold = text.starts_with("**");
    let start = if bold { 2 } else { 0 };
    let (scheme, index, len) = label_at(&text[start..])?;
    let label = Label {
        scheme,
        index,
        start,
        len,
    };
    let after = text[start + len..].trim_start();
    if !bold {
        return Some((label, Cow::Borrowed(after)));
    }
    Some(match after.strip_prefix("**") {
        Some(rest) => (label, Cow::Borrowed(rest.trim_start())),
        None => (label, Cow::Owned(format!("**{after}"))),
    })
}

/// Scheme, position and byte length of a label at the very start of `s`.
fn label_at(s: &str) -> Option<(Scheme, usize, usize)> {
    let mut chars = s.chars();
    let first = chars.next()?;
    // `(A)`, `[1]`, `（가）`.
    if let Some(close) = match first {
        '(' => Some(')'),
        '[' => Some(']'),
        '（' => Some('）'),
        _ => None,
    } {
        let inner = &s[first.len_utf8()..];
        let (scheme, index, len) = if let Some((n, digits)) = number_at(inner) {
            (Scheme::ParenNumber, n, digits)
        } else {
            let c = inner.chars().next()?;
            let (scheme, index) = symbol(c)?;
            if scheme == Scheme::Circled {
                return None;
            }
            (scheme, index, c.len_utf8())
        };
        let rest = inner[len..].strip_prefix(close)?;
        let total = s.len() - rest.len();
        return ends_label(rest).then_some((scheme, index, total));
    }
    if let Some((n, digits)) = number_at(s) {
        let rest = &s[digits..];
        // A keycap (`1️⃣`) reads as a circled number.
        let keycap = rest
            .strip_prefix('\u{fe0f}')
            .unwrap_or(rest)
            .strip_prefix('\u{20e3}');
        if let Some(after) = keycap {
            return Some((Scheme::Circled, n, s.len() - after.len()));
        }
        let after = rest.strip_prefix(['.', ')'])?;
        return ends_label(after).then_some((Scheme::Number, n, digits + 1));
    }
    let (scheme, index) = symbol(first)?;
    let rest = chars.as_str();
    match scheme {
        Scheme::Circled => {
            let after = rest.strip_prefix(['.', ')']).unwrap_or(rest);
            Some((scheme, index, s.len() - after.len()))
        }
        Scheme::Jamo | Scheme::Hangul if ('㉠'..='㉻').contains(&first) => {
            let after = rest.strip_prefix(['.', ')']).unwrap_or(rest);
            Some((scheme, index, s.len() - after.len()))
        }
        Scheme::Upper | Scheme::Lower => {
            if rest.trim().is_empty() || rest.trim() == "**" {
                // A letter alone on its line: the text follows below.
                return (scheme == Scheme::Upper).then_some((
                    Scheme::Bare,
                    index,
                    first.len_utf8(),
                ));
            }
            // `A.`, `A)`, `A:`, or `A - ` with spaces around the dash.
            let after = rest.strip_prefix(['.', ')', ':', '．']).or_else(|| {
                let dashed = rest.strip_prefix(' ')?.strip_prefix(['-', '–', '—'])?;
                dashed.starts_with(' ').then_some(dashed)
            })?;
            if rest.starts_with(':') && !after.starts_with([' ', '\t']) {
                return None;
            }
            if after.trim().is_empty() || after.trim() == "**" {
                return (scheme == Scheme::Upper).then_some((
                    Scheme::Bare,
                    index,
                    s.len() - after.len(),
                ));
            }
            ends_label(after).then_some((scheme, index, s.len() - after.len()))
        }
        Scheme::Hangul | Scheme::Jamo => {
            let after = rest.strip_prefix(['.', ')'])?;
            ends_label(after).then_some((scheme, index, s.len() - after.len()))
        }
        _ => None,
    }
}

/// What may follow a label: the end, a space, markup, or text that is
/// not ASCII (`A.사용`, `(가)나`), never `1.5` or `A.B`.
fn ends_label(after: &str) -> bool {
    match after.chars().next() {
        None => true,
        Some(c) => c.is_whitespace() || c == '*' || c == '<' || !c.is_ascii(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read<'s> = Option<(Scheme, usize, &'s str, String)>;

    fn read(s: &str) -> Read<'_> {
        option_label(s).map(|(l, t)| (l.scheme, l.index, l.written(s), t.into_owned()))
    }

    #[test]
    fn labels_in_every_family() {
        assert_eq!(
            read("A. 하나"),
            Some((Scheme::Upper, 0, "A.", "하나".into()))
        );
        assert_eq!(read("(C) 셋"), Some((Scheme::Upper, 2, "(C)", "셋".into())));
        assert_eq!(read("b) 둘"), Some((Scheme::Lower, 1, "b)", "둘".into())));
        assert_eq!(read("2) 둘"), Some((Scheme::Number, 1, "2)", "둘".into())));
        assert_eq!(
            read("(3) 조건"),
            Some((Scheme::ParenNumber, 2, "(3)", "조건".into()))
        );
        assert_eq!(read("② 둘"), Some((Scheme::Circled, 1, "②", "둘".into())));
        assert_eq!(
            read("③텍스트"),
            Some((Scheme::Circled, 2, "③", "텍스트".into()))
        );
        assert_eq!(
            read("다. 셋"),
            Some((Scheme::Hangul, 2, "다.", "셋".into()))
        );
        assert_eq!(read("ㄴ. 둘"), Some((Scheme::Jamo, 1, "ㄴ.", "둘".into())));
        assert_eq!(read("㉡ 둘"), Some((Scheme::Jamo, 1, "㉡", "둘".into())));
        assert_eq!(read("B"), Some((Scheme::Bare, 1, "B", String::new())));
        assert_eq!(
            read("A.사용"),
            Some((Scheme::Upper, 0, "A.", "사용".into()))
        );
        assert_eq!(
            read("C - RSA"),
            Some((Scheme::Upper, 2, "C -", "RSA".into()))
        );
        assert_eq!(read("㉯ 둘"), Some((Scheme::Hangul, 1, "㉯", "둘".into())));
        assert_eq!(
            read("2\u{fe0f}\u{20e3} 둘"),
            Some((Scheme::Circled, 1, "2\u{fe0f}\u{20e3}", "둘".into()))
        );
    }

    #[test]
    fn bold_labels_and_bold_options() {
        assert_eq!(
            read("**B.** 둘"),
            Some((Scheme::Upper, 1, "B.", "둘".into()))
        );
        assert_eq!(
            read("**B. 둘**"),
            Some((Scheme::Upper, 1, "B.", "**둘**".into()))
        );
    }

    #[test]
    fn words_and_numbers_are_not_labels() {
        for s in [
            "AWS Batch",
            "A가 맞다",
            "1.5배",
            "가장 좋은 것",
            "다음 중",
            "A:B 비율",
            "(선택)",
            "ㄱ자 모양",
            "Q1. 문제",
        ] {
            assert_eq!(option_label(s), None, "{s}");
        }
    }
}
