//! The question grammar of a note's questions section: stems, options,
//! answers and explanations, read from the units `markdown` produces.
//!
//! Everything works on text with `**` markers removed (or on the markers
//! themselves, for "bold label then text" items), never on emphasis events:
//! CommonMark leaves `**강조(Bold)**을` unbolded. Line-level label parsing
//! lives in `labels`.

use std::collections::BTreeMap;

use super::diagnostic::{Diagnostic, MAX_PER_FILE, dropped_summary};
use super::markdown::{Span, Unit};
use super::message::Message;
use super::model::{Answer, Explanations, Letter, OptionDraft, Options};
use super::text::{column_and_line, strip_bold};

use super::labels::{
    answer_letters, answer_rest, explanation_item, explanation_label, option_item, options_label,
    stem_label,
};

/// A question as read from a note, before the note gives it an id and tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Draft {
    pub line: usize,
    /// The Obsidian block id ending the stem's first paragraph, if any.
    pub block_id: Option<Box<str>>,
    pub stem: Box<str>,
    pub options: Options,
    pub answer: Answer,
    pub explanations: Explanations,
    pub explanation: Option<Box<str>>,
    pub quizzable: bool,
    /// File lines of the first and last option, for `check --explain`.
    pub option_lines: Option<(usize, usize)>,
    /// File line of the answer, for `check --explain`.
    pub answer_line: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum State {
    Stem,
    OptionsLabel,
    Options,
    Answered,
    Explaining,
}

/// The letters of an answer line, its place, and its text after the label.
/// Spans are kept only for their place, for diagnostics: those read as
/// written borrow the body, so keeping them copies nothing.
type AnswerLine<'u> = (Vec<(Letter, usize)>, Span<'u>, String);

struct Building<'u> {
    state: State,
    stem_span: Span<'u>,
    stem: Vec<String>,
    /// The stem's first paragraph, while it lasts: its last line so far.
    first_paragraph: Option<usize>,
    /// A block id ending the first paragraph's last line so far: the id,
    /// and that line's stem text as written (restored if the paragraph
    /// goes on, since a `^id` before the paragraph's end is plain text).
    block_id: Option<(String, usize, String)>,
    options: Vec<(OptionDraft, Span<'u>)>,
    answer: Option<AnswerLine<'u>>,
    explanations: BTreeMap<Letter, String>,
    general: Vec<String>,
    errors: usize,
}

/// Reads every question of the units, reporting problems into `diags`.
pub(crate) fn parse(
    units: &[Unit<'_>],
    body: &str,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Draft> {
    let mut p = Parser {
        body,
        path,
        diags,
        out: Vec::new(),
        cur: None,
        dropped: 0,
        last_line: 1,
    };
    for unit in units {
        p.unit(unit);
    }
    p.finish();
    if p.dropped > 0 {
        let d = dropped_summary(path, p.last_line, p.dropped);
        p.diags.push(d);
    }
    p.out
}

struct Parser<'a, 'u> {
    body: &'a str,
    path: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    out: Vec<Draft>,
    cur: Option<Building<'u>>,
    /// Diagnostics not kept because of [`MAX_PER_FILE`].
    dropped: usize,
    last_line: usize,
}

impl<'u> Parser<'_, 'u> {
    fn unit(&mut self, unit: &Unit<'u>) {
        match unit {
            Unit::Line(span) => self.line(span),
            Unit::List(items) => self.list(items),
            Unit::Heading(span) => {
                let plain = strip_bold(&span.text);
                match (&mut self.cur, explanation_label(&plain)) {
                    (Some(b), Some(_)) if b.state >= State::Answered => b.state = State::Explaining,
                    _ => self.finish(),
                }
            }
            Unit::Other(span) => {
                if let Some(b) = &mut self.cur {
                    match b.state {
                        State::Stem => {
                            b.first_paragraph = None;
                            b.stem.push(span.text.to_string());
                        }
                        State::Answered | State::Explaining => {
                            b.general.push(span.text.to_string());
                        }
                        State::OptionsLabel | State::Options => {}
                    }
                }
            }
            Unit::Break => self.finish(),
        }
    }

    fn line(&mut self, span: &Span<'u>) {
        let plain = strip_bold(&span.text);
        if let Some(rest) = stem_label(&plain) {
            self.finish();
            let mut b = Building {
                state: State::Stem,
                stem_span: span.clone(),
                stem: Vec::new(),
                first_paragraph: Some(span.line),
                block_id: None,
                options: Vec::new(),
                answer: None,
                explanations: BTreeMap::new(),
                general: Vec::new(),
                errors: 0,
            };
            b.push_stem_line(rest.to_owned(), span.line);
            self.cur = Some(b);
            return;
        }
        let Some(b) = &mut self.cur else { return };
        if b.answer.is_none()
            && let Some(rest) = answer_rest(&plain)
        {
            b.answer = Some((answer_letters(rest), span.clone(), rest.trim().to_owned()));
            b.state = State::Answered;
            return;
        }
        match b.state {
            State::Stem if options_label(&plain) => b.state = State::OptionsLabel,
            State::Stem => b.push_stem_line(plain.into_owned(), span.line),
            State::OptionsLabel | State::Options => {
                if let Some((letter, text)) = option_item(&plain) {
                    b.options.push((option(letter, text), span.clone()));
                    b.state = State::Options;
                } else if explanation_label(&plain).is_some() {
                    b.state = State::Explaining;
                }
            }
            State::Answered | State::Explaining => match explanation_label(&plain) {
                Some(rest) => {
                    b.state = State::Explaining;
                    if !rest.is_empty() {
                        b.general.push(rest.to_owned());
                    }
                }
                None => b.general.push(plain.into_owned()),
            },
        }
    }

    fn list(&mut self, items: &[Span<'u>]) {
        let Some(b) = &mut self.cur else { return };
        match b.state {
            State::Stem
                if items
                    .first()
                    .is_none_or(|i| option_item(&strip_bold(&i.text)).is_none()) =>
            {
                b.first_paragraph = None;
                b.stem
                    .extend(items.iter().map(|i| strip_bold(&i.text).into_owned()));
            }
            State::Stem | State::OptionsLabel | State::Options => {
                b.state = State::Options;
                for item in items {
                    let plain = strip_bold(&item.text);
                    if let Some((letter, text)) = option_item(&plain) {
                        b.options.push((option(letter, text), item.clone()));
                    } else {
                        b.errors += 1;
                        let message = Message::OptionWithoutLetter {
                            text: clip(&crate::text::fold_whitespace(&plain)),
                        };
                        if self.diags.len() < MAX_PER_FILE {
                            let d = diag_at(self.body, self.path, item, None, true, message);
                            self.diags.push(d);
                        } else {
                            self.dropped += 1;
                            self.last_line = item.line;
                        }
                    }
                }
            }
            State::Answered | State::Explaining => {
                for item in items {
                    match explanation_item(&item.text) {
                        Some((letter, text))
                            if b.options.iter().any(|(o, _)| o.letter == letter) =>
                        {
                            let entry = b.explanations.entry(letter).or_default();
                            if !entry.is_empty() {
                                entry.push(' ');
                            }
                            entry.push_str(&text);
                        }
                        Some((letter, _)) => {
                            if self.diags.len() >= MAX_PER_FILE {
                                self.dropped += 1;
                                self.last_line = item.line;
                                continue;
                            }
                            let message = Message::ExplanationWithoutOption {
                                letter,
                                bank: false,
                            };
                            let d =
                                diag_at(self.body, self.path, item, Some(letter), false, message);
                            self.diags.push(d);
                        }
                        None => b.general.push(strip_bold(&item.text).into_owned()),
                    }
                }
            }
        }
    }

    fn finish(&mut self) {
        let Some(b) = self.cur.take() else { return };
        let Building {
            stem_span,
            stem,
            block_id,
            options,
            answer,
            explanations,
            general,
            mut errors,
            ..
        } = b;
        let mut err = |span: &Span, letter: Option<Letter>, message: Message| {
            errors += 1;
            if self.diags.len() < MAX_PER_FILE {
                let d = diag_at(self.body, self.path, span, letter, true, message);
                self.diags.push(d);
            } else {
                self.dropped += 1;
                self.last_line = span.line;
            }
        };
        let stem = crate::text::fold_whitespace(&stem.join(" "));
        if stem.is_empty() {
            err(&stem_span, None, Message::NoStemText);
        }
        for (span, letter, message) in letter_problems(&options) {
            err(span, Some(letter), message);
        }
        if options.len() < 2 {
            err(
                &stem_span,
                None,
                Message::TooFewOptions {
                    found: options.len(),
                },
            );
        }
        let mut letters = Vec::new();
        match &answer {
            None => err(&stem_span, None, Message::NoAnswerLine),
            Some((found, span, text)) if found.is_empty() => {
                err(
                    span,
                    None,
                    Message::AnswerNamesNoLetter { answer: clip(text) },
                );
            }
            Some((found, span, _)) => {
                for &(letter, _) in found {
                    if !options.iter().any(|(o, _)| o.letter == letter) {
                        err(
                            span,
                            Some(letter),
                            Message::AnswerLetterWithoutOption { letter },
                        );
                    }
                    letters.push(letter);
                }
            }
        }
        letters.sort_unstable();
        letters.dedup();
        let explanation = crate::text::fold_whitespace(&general.join(" "));
        let option_lines = options
            .first()
            .zip(options.last())
            .map(|((_, a), (_, b))| (a.line, b.line));
        let answer_line = answer.as_ref().map(|(_, span, _)| span.line);
        self.out.push(Draft {
            line: stem_span.line,
            block_id: block_id.map(|(id, _, _)| id.into_boxed_str()),
            stem: stem.into_boxed_str(),
            options: options.into_iter().map(|(o, _)| o).collect(),
            answer: letters.into_iter().collect(),
            explanations: explanations.into_iter().collect(),
            explanation: (!explanation.is_empty()).then(|| explanation.into_boxed_str()),
            quizzable: errors == 0,
            option_lines,
            answer_line,
        });
    }
}

impl Building<'_> {
    /// Adds a line of stem text read at file line `line`, splitting off a
    /// block id when the line may end the stem's first paragraph.
    fn push_stem_line(&mut self, text: String, line: usize) {
        let in_first = self.first_paragraph.is_some_and(|last| line <= last + 1);
        if !in_first {
            self.first_paragraph = None;
            self.stem.push(text);
            return;
        }
        // The paragraph goes on: an id on its previous line was text.
        if let Some((_, at, written)) = self.block_id.take() {
            self.stem[at] = written;
        }
        self.first_paragraph = Some(line);
        match super::id::split_block_id(&text) {
            Some((before, id)) => {
                self.block_id = Some((id.to_owned(), self.stem.len(), text.clone()));
                self.stem.push(before.to_owned());
            }
            None => self.stem.push(text),
        }
    }
}

fn option(letter: Letter, text: &str) -> OptionDraft {
    OptionDraft {
        letter,
        text: crate::text::fold_whitespace(text),
    }
}

/// Gaps and repeats in the option letters, which must run A, B, C, …
fn letter_problems<'o, 'u>(
    options: &'o [(OptionDraft, Span<'u>)],
) -> Vec<(&'o Span<'u>, Letter, Message)> {
    let mut out = Vec::new();
    let mut expected = 'A';
    let mut seen = Vec::new();
    for (opt, span) in options {
        if seen.contains(&opt.letter) {
            out.push((
                span,
                opt.letter,
                Message::OptionLetterRepeats { letter: opt.letter },
            ));
        } else if opt.letter != expected {
            let message = Message::OptionLettersSkip {
                from: prev(expected),
                to: opt.letter,
            };
            out.push((span, opt.letter, message));
        }
        seen.push(opt.letter);
        expected = next(opt.letter);
    }
    out
}

/// Collects into a vector of exactly the needed capacity (collecting a
/// mapped `into_iter` in place would keep the larger source buffer).
fn next(c: char) -> char {
    char::from_u32(c as u32 + 1).unwrap_or(c)
}

fn prev(c: char) -> char {
    char::from_u32((c as u32).saturating_sub(1)).unwrap_or(c)
}

/// Shortens a quoted value for a message.
pub(crate) fn clip(s: &str) -> String {
    if s.chars().count() > 40 {
        let mut t: String = s.chars().take(40).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}

/// A diagnostic at a span, pointing at `letter` in its line when given.
fn diag_at(
    body: &str,
    path: &str,
    span: &Span,
    letter: Option<Letter>,
    error: bool,
    message: Message,
) -> Diagnostic {
    let (mut column, line_text) = column_and_line(body, span.offset);
    let mut width = line_text.chars().count().saturating_sub(column - 1).max(1);
    if let Some(letter) = letter {
        let from: usize = line_text
            .char_indices()
            .nth(column - 1)
            .map_or(0, |(i, _)| i);
        let hay = &line_text[from..];
        let pos = hay
            .char_indices()
            .find(|&(i, c)| {
                c == letter
                    && !hay[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_alphanumeric())
                    && !hay[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
            })
            .map(|(i, _)| i);
        if let Some(pos) = pos {
            column += hay[..pos].chars().count();
            width = 1;
        }
    }
    let d = if error {
        Diagnostic::error(path, span.line, column, message)
    } else {
        Diagnostic::warning(path, span.line, column, message)
    };
    d.with_source(line_text, width)
}
