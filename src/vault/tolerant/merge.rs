//! Fitting the tolerant reader's questions around the strict grammar's.
//!
//! Each strict question claims its lines: from its stem to the next
//! strict stem of its section, or the section's end. Where it read a
//! question that can be quizzed, the tolerant reader keeps out. Where it
//! read one it could not (a label it does not know, an answer it cannot
//! place), a tolerant question read there replaces it and its strict
//! diagnostics; if none is read, the strict one stays as it was.

use std::ops::Range;

use super::super::diagnostic::{Diagnostic, MAX_PER_FILE, dropped_summary};
use super::super::model::{OptionDraft, Section, SectionKind};
use super::super::question::Draft;
use super::super::text::count_newlines;
use super::{Form, Found, worth_reading};

/// A question of a note and how it was read.
#[derive(Debug, Clone)]
pub(crate) struct Read {
    /// The question.
    pub draft: Draft,
    /// How it was read.
    pub form: Form,
    /// Its option labels as written, when they are not the letters.
    pub labels: Option<Vec<String>>,
}

impl Read {
    /// A question of the strict grammar.
    pub(crate) fn strict(draft: Draft) -> Read {
        Read {
            draft,
            form: Form::Strict,
            labels: None,
        }
    }
}

/// The lines a strict question claims, and whether it can be quizzed.
pub(crate) struct Claim {
    /// From its stem to the next strict stem or its section's end.
    pub lines: Range<usize>,
    quizzable: bool,
    /// A tolerant question read in its lines replaces it.
    pub replaced: bool,
}

/// The strict drafts of a body and the tolerant questions around them,
/// in line order. `strict_diagnostics` is where the strict grammar's
/// diagnostics start in `diagnostics`; tolerant problems are added there
/// as warnings.
pub(crate) fn merge(
    body: &str,
    body_line: usize,
    sections: &[Section],
    drafts: Vec<Draft>,
    strict_diagnostics: usize,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Read> {
    let (mut claims, covered) = claims(body, sections, &drafts);
    if !worth_reading(body, &covered) {
        return drafts.into_iter().map(Read::strict).collect();
    }
    let reading = super::read(body, body_line, false);
    let kept = settle(&mut claims, &reading.questions);
    drop_replaced(&claims, diagnostics, strict_diagnostics);
    let mut dropped = 0;
    let mut last_line = 1;
    for p in reading.problems {
        if claims.iter().any(|c| c.lines.contains(&p.line)) {
            continue;
        }
        if diagnostics.len() >= MAX_PER_FILE {
            dropped += 1;
            last_line = p.line;
            continue;
        }
        let d = Diagnostic::warning(path, p.line, p.column, p.message);
        diagnostics.push(d.with_source(&p.source, p.width));
    }
    if dropped > 0 {
        diagnostics.push(dropped_summary(path, last_line, dropped));
    }
    let mut out: Vec<Read> = drafts
        .into_iter()
        .zip(&claims)
        .filter(|(_, c)| !c.replaced)
        .map(|(d, _)| Read::strict(d))
        .collect();
    out.extend(
        reading
            .questions
            .into_iter()
            .zip(kept)
            .filter(|(_, k)| *k)
            .map(|(q, _)| tolerant(q)),
    );
    out.sort_by_key(|r| r.draft.line);
    out
}

/// Removes the strict diagnostics (those from `from` on) of replaced
/// strict questions: they go with their questions.
pub(crate) fn drop_replaced(claims: &[Claim], diagnostics: &mut Vec<Diagnostic>, from: usize) {
    let replaced: Vec<&Range<usize>> = claims
        .iter()
        .filter(|c| c.replaced)
        .map(|c| &c.lines)
        .collect();
    if replaced.is_empty() {
        return;
    }
    let mut index = 0;
    diagnostics.retain(|d| {
        index += 1;
        index <= from || !replaced.iter().any(|r| r.contains(&d.line))
    });
}

/// Which tolerant questions stay: those outside every strict question
/// that can be quizzed. A strict question that cannot be, with a
/// tolerant one in its lines, is marked replaced.
pub(crate) fn settle(claims: &mut [Claim], found: &[Found]) -> Vec<bool> {
    found
        .iter()
        .map(|q| {
            let span = q.first..q.last + 1;
            let blocked = claims
                .iter()
                .any(|c| c.quizzable && overlaps(&c.lines, &span));
            if !blocked {
                for c in claims.iter_mut().filter(|c| overlaps(&c.lines, &span)) {
                    c.replaced = true;
                }
            }
            !blocked
        })
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The lines each strict draft claims, and the byte ranges of sections
/// whose every strict question can be quizzed (the prefilter skips those).
pub(crate) fn claims(
    body: &str,
    sections: &[Section],
    drafts: &[Draft],
) -> (Vec<Claim>, Vec<Range<usize>>) {
    let mut out: Vec<Claim> = Vec::with_capacity(drafts.len());
    let mut covered = Vec::new();
    if drafts.is_empty() {
        return (out, covered);
    }
    let ends: Vec<usize> = sections
        .iter()
        .map(|s| {
            let range = s.range.start..s.range.end.max(s.range.start + 1) - 1;
            s.line
                + count_newlines(
                    &body.as_bytes()[range.start.min(body.len())..range.end.min(body.len())],
                )
        })
        .collect();
    for (i, d) in drafts.iter().enumerate() {
        let section = sections
            .iter()
            .zip(&ends)
            .filter(|(s, _)| s.kind == SectionKind::Questions)
            .find(|(s, end)| s.line <= d.line && d.line <= **end);
        let section_end = section.map_or(d.line, |(_, &end)| end);
        let next = drafts
            .get(i + 1)
            .map(|n| n.line)
            .filter(|&n| n <= section_end);
        let end = next.map_or(section_end + 1, |n| n.max(d.line + 1));
        out.push(Claim {
            lines: d.line..end,
            quizzable: d.quizzable,
            replaced: false,
        });
    }
    for (s, &end) in sections.iter().zip(&ends) {
        let held: Vec<&Claim> = out
            .iter()
            .filter(|c| s.line <= c.lines.start && c.lines.start <= end)
            .collect();
        if !held.is_empty() && held.iter().all(|c| c.quizzable) {
            covered.push(s.range.clone());
        }
    }
    (out, covered)
}

/// A tolerant question as a draft: options lettered by position.
fn tolerant(q: Found) -> Read {
    let letter = |i: usize| char::from(b'A' + u8::try_from(i).unwrap_or(25).min(25));
    let as_letters = q.options.iter().enumerate().all(|(i, o)| {
        let bare = o
            .label
            .trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':' | '[' | ']'));
        bare.is_empty() || bare.chars().eq(std::iter::once(letter(i)))
    });
    let labels = (!as_letters).then(|| q.options.iter().map(|o| o.label.clone()).collect());
    let option_lines = q
        .options
        .first()
        .zip(q.options.last())
        .map(|(a, b)| (a.line, b.line));
    let draft = Draft {
        line: q.first,
        stem: super::super::text::fold(&q.stem).into_boxed_str(),
        options: q
            .options
            .into_iter()
            .enumerate()
            .map(|(i, o)| OptionDraft {
                letter: letter(i),
                text: o.text,
            })
            .collect(),
        answer: q.answer.iter().map(|&p| letter(p)).collect(),
        explanations: super::super::model::Explanations::default(),
        explanation: None,
        quizzable: true,
        option_lines,
        answer_line: None,
    };
    Read {
        draft,
        form: Form::Tolerant(q.form),
        labels,
    }
}
