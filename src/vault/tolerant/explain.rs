//! What munje read from one note, for `check --explain`: each question
//! with the lines of its stem, options and key and the form each was
//! recognised in; and for every line that looks like an answer or a key
//! mark with no question read around it, why not. Also the one-line hint
//! `check` gives for a note with answer-like lines and no question.

use crate::vault::diagnostic::Diagnostic;
use crate::vault::model::Note;
use crate::vault::question::Draft;
use crate::vault::{fast, frontmatter, question, scan};

use super::merge::{claims, drop_replaced, settle};
use super::{Form, Found, QuestionStyle};
use crate::vault::message::Message;

/// What munje read from a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    /// Every question read, in line order.
    pub questions: Vec<ExplainedQuestion>,
    /// Answer-like lines and key marks read as no key, with the reason.
    pub unread: Vec<UnreadLine>,
    /// The note's problems, as `check` reports them.
    pub diagnostics: Vec<Diagnostic>,
}

/// One question read, with where each of its parts is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainedQuestion {
    /// How it was read.
    pub form: Form,
    /// First and last file line of the stem.
    pub stem: (usize, usize),
    /// The stem text.
    pub stem_text: String,
    /// First and last file line of the options.
    pub options: Option<(usize, usize)>,
    /// Each option: its label as shown and its text.
    pub option_texts: Vec<(String, String)>,
    /// File lines giving the key.
    pub key: Vec<usize>,
    /// Labels of the right options.
    pub answer: Vec<String>,
    /// False when a problem keeps it out of quizzes.
    pub quizzable: bool,
}

/// A line that looks like a key, not read as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadLine {
    /// File line.
    pub line: usize,
    /// Its text.
    pub text: String,
    /// Why no question was read around it.
    pub why: Message,
}

impl ExplainedQuestion {
    /// The file lines this question spans.
    pub fn lines(&self) -> (usize, usize) {
        let last = self
            .key
            .iter()
            .copied()
            .chain(self.options.map(|o| o.1))
            .max()
            .unwrap_or(self.stem.1);
        (self.stem.0, last.max(self.stem.1))
    }
}

/// Reads one note file and says what was read and why the rest was not.
/// `Err` is a file that cannot be read as text.
pub fn explain_note(
    path: &str,
    bytes: &[u8],
    style: QuestionStyle,
) -> Result<Explanation, Diagnostic> {
    let mut text = scan::decode(path, bytes)?;
    let mut diagnostics = Vec::new();
    let split = scan::split_frontmatter(&text);
    if let Some(range) = split.yaml.clone().filter(|_| !split.unterminated) {
        diagnostics.extend(frontmatter::parse(path, &text[range], split.yaml_line).1);
    }
    text.drain(..split.body_start);
    let body = text;
    let scanned = fast::scan(&body, split.body_line);
    let strict_from = diagnostics.len();
    let drafts = question::parse(&scanned.units, &body, path, &mut diagnostics);
    let mut claims = claims(&scanned.sections, &drafts);
    let reading = super::read(&body, split.body_line, true);
    let line_text = |no: usize| {
        body.lines()
            .nth(no - split.body_line)
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let mut out = Explanation::default();
    let kept = match style {
        QuestionStyle::Tolerant => settle(&mut claims, &reading.questions),
        QuestionStyle::Strict => vec![false; reading.questions.len()],
    };
    out.questions.extend(
        drafts
            .iter()
            .zip(&claims)
            .filter(|(_, c)| !c.replaced)
            .map(|(d, _)| strict_question(d)),
    );
    drop_replaced(&claims, &mut diagnostics, strict_from);
    for (q, keep) in reading.questions.iter().zip(&kept) {
        let in_strict = claims
            .iter()
            .any(|c| c.lines.contains(&q.first) && !c.replaced);
        if *keep {
            out.questions.push(tolerant_question(q));
        } else if style == QuestionStyle::Strict && !in_strict {
            for line in q.key_lines.iter().copied().chain([q.first]) {
                out.unread.push(UnreadLine {
                    line,
                    text: line_text(line),
                    why: Message::WhyStrictOff {
                        first: q.first,
                        last: q.last,
                    },
                });
            }
        }
    }
    let claimed = |line: usize| {
        claims
            .iter()
            .any(|c| c.lines.contains(&line) && !c.replaced)
    };
    for u in reading.unread {
        if claimed(u.line) || out.unread.iter().any(|o| o.line == u.line) {
            continue;
        }
        out.unread.push(UnreadLine {
            line: u.line,
            text: line_text(u.line),
            why: u.why,
        });
    }
    if style == QuestionStyle::Tolerant {
        for p in reading.problems {
            if claimed(p.line) {
                continue;
            }
            let d = Diagnostic::warning(path, p.line, p.column, p.message);
            diagnostics.push(d.with_source(&p.source, p.width));
        }
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    out.diagnostics = diagnostics;
    out.questions.sort_by_key(|q| q.stem.0);
    out.unread.sort_by_key(|u| u.line);
    Ok(out)
}

fn strict_question(d: &Draft) -> ExplainedQuestion {
    ExplainedQuestion {
        form: Form::Strict,
        stem: (d.line, d.line),
        stem_text: d.stem.to_string(),
        options: d.option_lines,
        option_texts: d
            .options
            .iter()
            .map(|o| (o.letter.to_string(), o.text.into_owned()))
            .collect(),
        key: d.answer_line.into_iter().collect(),
        answer: d.answer.iter().map(String::from).collect(),
        quizzable: d.quizzable,
    }
}

fn tolerant_question(q: &Found) -> ExplainedQuestion {
    ExplainedQuestion {
        form: Form::Tolerant(q.form),
        stem: (q.first, q.stem_end),
        stem_text: q.stem.clone(),
        options: q
            .options
            .first()
            .zip(q.options.last())
            .map(|(a, b)| (a.line, b.line)),
        option_texts: q
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| (shown_label(i, &o.label), o.text.clone()))
            .collect(),
        key: q.key_lines.clone(),
        answer: q
            .answer
            .iter()
            .map(|&p| shown_label(p, &q.options[p].label))
            .collect(),
        quizzable: true,
    }
}

/// A label for messages: as written without punctuation, or `#2` for
/// the second of a run of bullets.
fn shown_label(i: usize, written: &str) -> String {
    if written.is_empty() {
        format!("#{}", i + 1)
    } else {
        super::labels::short(written).to_owned()
    }
}

/// For a note with no question read (`body` is its body): its first
/// answer-like line and why it was not read, if it has one.
pub fn unread_hint(note: &Note, body: &str, style: QuestionStyle) -> Option<(usize, Message)> {
    if !note.questions.is_empty() || !super::worth_reading(body, &[]) {
        return None;
    }
    let reading = super::read(body, note.body_line, true);
    if let (QuestionStyle::Strict, Some(q)) = (style, reading.questions.first()) {
        let why = Message::WhyStrictOff {
            first: q.first,
            last: q.last,
        };
        return Some((q.key_lines.first().copied().unwrap_or(q.first), why));
    }
    // Answer lines only: a highlight or a star in prose is no sign of a
    // question (`check --explain` still says why each was not read).
    reading
        .unread
        .into_iter()
        .find(|u| u.answer)
        .map(|u| (u.line, u.why))
}
