//! The options an answer names: `B`, `b`, `2`, `2번`, `③`, `㉡`, `(2)`,
//! several (`A, C`, `B와 D`, `BD`), a correction (`D? -> B`, only what
//! follows the arrow), and an answer the author was unsure of (`D?`).

use crate::vault::text::{is_alphanumeric, strip_label};

use super::labels::{Scheme, number_at, symbol};

/// The labels an answer names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tokens {
    /// Each named option.
    pub list: Vec<Token>,
    /// Written as a correction (`D? -> B`): only what follows the arrow.
    pub corrected: bool,
    /// The answer ends in `?` (`정답: D?`): the author was not sure.
    pub uncertain: bool,
}

/// One option named by an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The family of the label (`Number` for `2`, `2번`).
    pub scheme: Scheme,
    /// Its position: `B`, `2`, `②` are 1.
    pub index: usize,
    /// As written, for messages.
    pub written: String,
}

const ARROWS: [&str; 7] = ["-->", "->", "→", "=>", "⇒", "➡", "➔"];

/// The labels named at the start of an answer's text (`B`, `2번`, `③`,
/// `(2)`, `A, C`, `D? -> B 였음`), or `None` when it starts with none.
pub(crate) fn tokens(rest: &str) -> Option<Tokens> {
    let mut text = rest;
    let mut corrected = false;
    let last_arrow = ARROWS
        .iter()
        .filter_map(|a| memchr::memmem::rfind(text.as_bytes(), a.as_bytes()).map(|i| i + a.len()))
        .max();
    if let Some(after) = last_arrow {
        text = &text[after..];
        corrected = true;
    }
    if let Some(run) = letter_run(text.trim_start()) {
        return Some(Tokens {
            list: run,
            corrected,
            uncertain: false,
        });
    }
    let mut out: Vec<Token> = Vec::new();
    let mut uncertain = false;
    let mut s = text.trim_start();
    while let Some((token, after, labelled)) = token_at(s) {
        if let Some(first) = out.first()
            && !same_family(first.scheme, token.scheme)
        {
            break;
        }
        out.push(token);
        let mut after = after;
        if let Some(a) = after.strip_prefix(['?', '？']) {
            uncertain = true;
            after = a;
        }
        // After `B)` or `3.` comes the option's text (`정답) 3. 4`): another
        // answer needs a separator of its own (`B), D)`).
        if labelled && !explicit_separator(after) {
            break;
        }
        let next = skip_separators(after);
        if next.len() == after.len() || out.len() >= 10 {
            break;
        }
        s = next;
    }
    if out.is_empty() {
        return None;
    }
    Some(Tokens {
        list: out,
        corrected,
        uncertain,
    })
}

/// `BD`, `ACE`: letters written together, as answer keys of dumps give
/// several answers (rising, each once, then the end or a space).
fn letter_run(s: &str) -> Option<Vec<Token>> {
    let run: Vec<char> = s.chars().take_while(char::is_ascii_uppercase).collect();
    let after = &s[run.len()..];
    let ends = after.is_empty()
        || after.starts_with(|c: char| c.is_whitespace() || matches!(c, '.' | ')' | ','));
    let rising = run.windows(2).all(|w| w[0] < w[1]);
    if run.len() < 2 || run.len() > 6 || !ends || !rising || run.iter().any(|c| *c > 'J') {
        return None;
    }
    Some(
        run.iter()
            .map(|&c| Token {
                scheme: Scheme::Upper,
                index: (c as u32 - 'A' as u32) as usize,
                written: c.to_string(),
            })
            .collect(),
    )
}

fn same_family(a: Scheme, b: Scheme) -> bool {
    let letter = |s| matches!(s, Scheme::Upper | Scheme::Lower);
    a == b || (letter(a) && letter(b))
}

/// A token at the start of `s`, the text after it (and after a `.` or
/// `)` closing it), and whether it was closed so, as a label is.
fn token_at(s: &str) -> Option<(Token, &str, bool)> {
    let first = s.chars().next()?;
    if let Some(close) = match first {
        '(' => Some(')'),
        '[' => Some(']'),
        _ => None,
    } {
        let (token, after) = symbol_at(&s[1..])?;
        let after = after.trim_start().strip_prefix(close)?;
        return Some((token, after, false));
    }
    let (token, after) = symbol_at(s)?;
    Some(match after.strip_prefix(['.', ')']) {
        Some(rest) if !rest.trim().is_empty() => (token, rest, true),
        Some(rest) => (token, rest, false),
        None => (token, after, false),
    })
}

/// True when `s` starts with a separator that joins two answers, not
/// just a space: `,`, `/`, `&`, `와`, `and`.
fn explicit_separator(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with([',', '/', '&', '+', '、', '，', '와', '과', '및'])
        || strip_label(t, "and ").is_some()
}

/// A token at the start of `s` and the text right after it.
fn symbol_at(s: &str) -> Option<(Token, &str)> {
    let first = s.chars().next()?;
    if let Some((index, digits)) = number_at(s) {
        let mut after = &s[digits..];
        if let Some(a) = after.strip_prefix('번') {
            after = a;
        } else if after.starts_with(|c: char| is_alphanumeric(c))
            || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let token = Token {
            scheme: Scheme::Number,
            index,
            written: s[..s.len() - after.len()].to_owned(),
        };
        return Some((token, after));
    }
    let (scheme, index) = symbol(first)?;
    let after = &s[first.len_utf8()..];
    let next = after.chars().next();
    let ok = match scheme {
        Scheme::Upper | Scheme::Lower => {
            !next.is_some_and(|c| c.is_ascii_alphanumeric()) && !english_article(first, after)
        }
        Scheme::Hangul | Scheme::Jamo => !next.is_some_and(is_alphanumeric),
        _ => true,
    };
    if !ok {
        return None;
    }
    let token = Token {
        scheme,
        index,
        written: first.to_string(),
    };
    Some((token, after))
}

/// `a bucket`, `A policy`: an English word, not an option letter.
fn english_article(letter: char, after: &str) -> bool {
    let Some(word) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = word.chars().take_while(char::is_ascii_alphabetic).collect();
    match letter {
        'a' => !word.is_empty(),
        'A' => {
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && !["and", "or"].contains(&word.as_str())
        }
        _ => false,
    }
}

/// Skips what may separate two answers: spaces, `,`, `/`, `&`, `+`,
/// `와`, `과`, `및`, `and`.
fn skip_separators(s: &str) -> &str {
    let mut s = s;
    loop {
        let t = s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '/' | '&' | '+' | '、' | '，' | '·')
        });
        let t = ["와", "과", "및"]
            .iter()
            .find_map(|w| t.strip_prefix(w))
            .or_else(|| strip_label(t, "and").filter(|r| r.is_empty() || r.starts_with(' ')))
            .unwrap_or(t);
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}
