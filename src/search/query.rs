//! The query language: parsing a typed query into terms, and preparing each
//! word's forms (folded, 초성, 2-set layout) once per query so matching a
//! field costs no allocation.
//!
//! Owns the syntax only; the index decides what a term matches.

use crate::text::nfc;
use crate::vault::Tag;

use super::hangul;
use crate::text::fold::{char_mask, fold};

/// A parsed query: every term must hold for a note to be a hit.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The terms in the order typed.
    pub terms: Vec<Term>,
    /// True when the last word may still be being typed: no space after it.
    pub typing: bool,
}

/// One term of a query.
#[derive(Debug, Clone)]
pub struct Term {
    /// True for `-word`, `-tag:x`, `-#x`, `-"phrase"`: the term excludes.
    pub negated: bool,
    /// What the term asks for.
    pub kind: TermKind,
}

/// What a term asks for.
#[derive(Debug, Clone)]
pub enum TermKind {
    /// A word: fuzzy on title, aliases, tags and heading; a substring of the
    /// body and the questions.
    Word(Pattern),
    /// `"an exact phrase"`: a substring of any field, case-insensitive.
    Phrase(Pattern),
    /// `tag:x` or `#x`: the note has tag `x` or one under it.
    Tag(Tag),
    /// `title:word`: the word, matched against the title only.
    Title(Pattern),
    /// `alias:word`: the word, matched against the aliases only.
    Alias(Pattern),
    /// `has:question`: the note has at least one question.
    HasQuestion,
    /// `is:wrong`: a question of the note is in the wrong-answer notebook.
    IsWrong,
    /// `is:due`: a question of the note is due for review.
    IsDue,
}

/// How a form of a word is compared with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The folded text, as typed.
    Plain,
    /// Against the 초성 form of a field (`ㅅㅍ` against 스팟).
    Choseong,
    /// Latin keys read as Hangul on the 2-set layout (`tmvkt` → 스팟).
    Layout,
    /// The 초성 form of a layout reading (`tv` → ㅅㅍ).
    LayoutChoseong,
}

impl Form {
    /// Score kept for a match in this form, in percent: an exact reading
    /// of what was typed ranks above a guess at what was meant.
    pub fn weight_percent(self) -> i64 {
        match self {
            Form::Plain => 100,
            Form::Choseong => 85,
            Form::Layout => 70,
            Form::LayoutChoseong => 60,
        }
    }
}

/// One prepared form of a word.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Which reading this is.
    pub form: Form,
    /// The text to look for: folded, and for 초성 forms every syllable
    /// replaced by its initial consonant.
    pub text: String,
    /// Character mask of `text`, for the cheap prefilter.
    pub mask: u64,
    /// Characters (index into `text`, character) that must match exactly,
    /// not just by initial consonant: the syllables of a mixed word such as
    /// 스ㅍ. Empty for pure forms.
    pub exact: Vec<(usize, char)>,
    /// Number of characters in `text`.
    pub chars: usize,
    /// A prepared substring search for `text`, reused on every field.
    pub finder: memchr::memmem::Finder<'static>,
}

/// A word or phrase with every form it is matched in.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The text as typed, NFC.
    pub raw: String,
    /// The folded text (lowercase, NFC).
    pub folded: String,
    /// Forms to try, the plain one first.
    pub variants: Vec<Variant>,
}

impl Pattern {
    /// Prepares a word. `in_progress` says the word is still being typed
    /// (the last word, no space after it), so its last syllable's final may
    /// really be the next syllable's initial (슾 on the way to 스팟).
    pub fn word(raw: &str, in_progress: bool) -> Pattern {
        let raw = nfc(raw);
        let folded = fold(&raw);
        let mut variants = vec![variant(Form::Plain, folded.clone(), &[])];
        korean_forms(&folded, in_progress, Form::Choseong, &mut variants);
        // One letter is too little to guess a layout from.
        let layout = (raw.len() >= 2)
            .then(|| hangul::from_dubeolsik(&raw))
            .flatten()
            .filter(|h| looks_typed_in_hangul(h));
        if let Some(hangul) = layout {
            if !hangul.chars().all(hangul::is_initial_jamo) {
                variants.push(variant(Form::Layout, hangul.clone(), &[]));
            }
            korean_forms(&hangul, in_progress, Form::LayoutChoseong, &mut variants);
        }
        Pattern {
            raw,
            folded,
            variants,
        }
    }

    /// Prepares an exact phrase: only its plain form.
    pub fn phrase(raw: &str) -> Pattern {
        let raw = nfc(raw);
        let folded = fold(&raw);
        Pattern {
            variants: vec![variant(Form::Plain, folded.clone(), &[])],
            raw,
            folded,
        }
    }

    /// True when nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }
}

fn variant(form: Form, text: String, exact: &[(usize, char)]) -> Variant {
    Variant {
        form,
        mask: char_mask(&text),
        chars: text.chars().count(),
        exact: exact.to_vec(),
        finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned(),
        text,
    }
}

/// Adds the 초성 forms of a Hangul word: the word itself when it holds an
/// initial jamo (ㅅㅍ, 스ㅍ), and the word with its trailing final split off
/// while it is being typed.
fn korean_forms(word: &str, in_progress: bool, form: Form, out: &mut Vec<Variant>) {
    let mut add = |w: &str| {
        if !w.chars().any(hangul::is_initial_jamo) {
            return;
        }
        let exact: Vec<(usize, char)> = w
            .chars()
            .enumerate()
            .filter(|&(_, c)| hangul::is_syllable(c))
            .collect();
        let cho = hangul::choseong_form(w);
        if !out
            .iter()
            .any(|v| v.form == form && v.text == cho && v.exact == exact)
        {
            out.push(variant(form, cho, &exact));
        }
    };
    add(word);
    if in_progress && let Some(split) = hangul::split_trailing_final(word) {
        add(&split);
    }
}

/// A layout reading is worth trying only when it reads as Korean: every
/// character a syllable or an initial consonant (a stray vowel means the
/// letters were English).
fn looks_typed_in_hangul(h: &str) -> bool {
    h.chars().count() >= 1
        && h.chars()
            .all(|c| hangul::is_syllable(c) || hangul::is_initial_jamo(c))
}

impl Query {
    /// The tags the query keeps (`tag:x`, `#x`, not the excluded ones).
    pub fn wanted_tags(&self) -> impl Iterator<Item = &crate::vault::Tag> {
        self.terms.iter().filter_map(|t| match &t.kind {
            TermKind::Tag(tag) if !t.negated => Some(tag),
            _ => None,
        })
    }

    /// Parses a query. Never fails: anything that is not an operator is a
    /// word, and an operator with nothing after it is ignored.
    pub fn parse(text: &str) -> Query {
        let text = nfc(text);
        let tokens = tokenize(&text);
        let typing = !text.ends_with(char::is_whitespace);
        let last = tokens.len().saturating_sub(1);
        let terms = tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| parse_term(t, typing && i == last))
            .collect();
        Query { terms, typing }
    }

    /// True when the query asks the progress store (`is:wrong`, `is:due`).
    pub fn asks_progress(&self) -> bool {
        self.terms
            .iter()
            .any(|t| matches!(t.kind, TermKind::IsWrong | TermKind::IsDue))
    }

    /// True when some word of the query is matched by initial consonants
    /// (ㅅㅍ, or 스ㅍ): only then are the fields' 초성 forms read.
    pub fn uses_choseong(&self) -> bool {
        self.terms.iter().any(|t| match &t.kind {
            TermKind::Word(p) | TermKind::Phrase(p) | TermKind::Title(p) | TermKind::Alias(p) => p
                .variants
                .iter()
                .any(|v| matches!(v.form, Form::Choseong | Form::LayoutChoseong)),
            _ => false,
        })
    }

    /// True when the query has no terms (an empty query lists every note).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Splits at whitespace, keeping a double-quoted run (spaces included) in
/// its token; an unclosed quote runs to the end.
fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            cur.push(c);
        } else if c.is_whitespace() && !quoted {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

fn parse_term(token: &str, in_progress: bool) -> Option<Term> {
    let (negated, body) = match token.strip_prefix('-') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, token),
    };
    let after = |prefix: &str| {
        body.get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .map(|_| &body[prefix.len()..])
    };
    let is = |word: &str| body.eq_ignore_ascii_case(word);
    let kind = if let Some(t) = after("tag:").or_else(|| body.strip_prefix('#')) {
        TermKind::Tag(Tag::parse(unquote(t))?)
    } else if let Some(t) = after("title:") {
        TermKind::Title(field_pattern(t, in_progress)?)
    } else if let Some(t) = after("alias:") {
        TermKind::Alias(field_pattern(t, in_progress)?)
    } else if is("has:question") || is("has:questions") {
        TermKind::HasQuestion
    } else if is("is:wrong") {
        TermKind::IsWrong
    } else if is("is:due") {
        TermKind::IsDue
    } else if body.starts_with('"') {
        let p = Pattern::phrase(unquote(body));
        if p.is_empty() {
            return None;
        }
        TermKind::Phrase(p)
    } else {
        TermKind::Word(Pattern::word(body, in_progress))
    };
    Some(Term { negated, kind })
}

fn field_pattern(t: &str, in_progress: bool) -> Option<Pattern> {
    let p = Pattern::word(unquote(t), in_progress);
    (!p.is_empty()).then_some(p)
}

fn unquote(s: &str) -> &str {
    let s = s.strip_prefix('"').unwrap_or(s);
    s.strip_suffix('"').unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<String> {
        Query::parse(q)
            .terms
            .iter()
            .map(|t| {
                let k = match &t.kind {
                    TermKind::Word(p) => format!("word:{}", p.folded),
                    TermKind::Phrase(p) => format!("phrase:{}", p.folded),
                    TermKind::Tag(t) => format!("tag:{t}"),
                    TermKind::Title(p) => format!("title:{}", p.folded),
                    TermKind::Alias(p) => format!("alias:{}", p.folded),
                    TermKind::HasQuestion => "has:question".into(),
                    TermKind::IsWrong => "is:wrong".into(),
                    TermKind::IsDue => "is:due".into(),
                };
                if t.negated { format!("-{k}") } else { k }
            })
            .collect()
    }

    #[test]
    fn every_operator_parses() {
        assert_eq!(
            kinds(
                r#"Spot -EMR "Exact Phrase" tag:Service/EMR #a/b -tag:x -#y title:스팟 alias:On-Demand HAS:question is:wrong is:due"#
            ),
            [
                "word:spot",
                "-word:emr",
                "phrase:exact phrase",
                "tag:service/emr",
                "tag:a/b",
                "-tag:x",
                "-tag:y",
                "title:스팟",
                "alias:on-demand",
                "has:question",
                "is:wrong",
                "is:due"
            ]
        );
    }

    #[test]
    fn empty_operators_are_dropped_and_lone_signs_are_words() {
        assert_eq!(
            kinds("tag: # title: \"\" - -\"a b\""),
            ["word:-", "-phrase:a b"]
        );
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn unclosed_quote_runs_to_the_end() {
        assert_eq!(kinds("\"spot inst"), ["phrase:spot inst"]);
    }

    #[test]
    fn korean_words_get_choseong_and_layout_forms() {
        let forms = |q: &str| -> Vec<(Form, String)> {
            match &Query::parse(q).terms[0].kind {
                TermKind::Word(p) => p
                    .variants
                    .iter()
                    .map(|v| (v.form, v.text.clone()))
                    .collect(),
                _ => Vec::new(),
            }
        };
        assert_eq!(
            forms("ㅅㅍ"),
            [
                (Form::Plain, "ㅅㅍ".into()),
                (Form::Choseong, "ㅅㅍ".into())
            ]
        );
        assert_eq!(
            forms("tmvkt "),
            [(Form::Plain, "tmvkt".into()), (Form::Layout, "스팟".into())]
        );
        // A finished word keeps its final; one being typed may lose it.
        assert_eq!(forms("슾 ").len(), 1);
        assert_eq!(forms("슾")[1], (Form::Choseong, "ㅅㅍ".into()));
        // English words do not read as Hangul: `spot` would give a stray vowel.
        assert_eq!(forms("spot").len(), 1);
    }
}
