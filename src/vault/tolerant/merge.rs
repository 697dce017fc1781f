//! Fitting the tolerant reader's questions around the strict grammar's.
//!
//! Each strict question claims its lines: from its stem to the next
//! strict stem of its section, or the section's end. Where the strict
//! grammar applies (it read lettered options and a lettered answer, even
//! one naming no option), the tolerant reader keeps out: it could only
//! say the same. Where it does not (options it cannot label, an answer
//! it cannot place, no answer line), a tolerant question read there
//! replaces it and its strict diagnostics; if none is read, the strict
//! one stays as it was.

use std::ops::Range;

use crate::vault::diagnostic::{Diagnostic, MAX_PER_FILE, dropped_summary};
use crate::vault::model::{OptionDraft, Section, SectionKind};
use crate::vault::question::Draft;

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

/// The lines a strict question claims, and whether the grammar applies.
pub(crate) struct Claim {
    /// From its stem to the next strict stem or its section's end.
    pub lines: Range<usize>,
    /// The strict grammar applies there: the tolerant reader keeps out.
    holds: bool,
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
    if !worth_reading(body, &covered(sections, &drafts)) {
        return drafts.into_iter().map(Read::strict).collect();
    }
    let mut claims = claims(sections, &drafts);
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
/// the grammar applies to. A strict question it does not apply to, with
/// a tolerant one in its lines, is marked replaced.
pub(crate) fn settle(claims: &mut [Claim], found: &[Found]) -> Vec<bool> {
    found
        .iter()
        .map(|q| {
            let span = q.first..q.last + 1;
            let blocked = claims.iter().any(|c| c.holds && overlaps(&c.lines, &span));
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

/// The section holding each draft: the last level-2 heading at or
/// above it (strict questions are read only inside sections).
fn section_of(sections: &[Section], line: usize) -> Option<usize> {
    sections.iter().rposition(|s| s.line() <= line)
}

/// True when the strict grammar applies to a draft: it can be quizzed, or
/// its options are lettered and its answer names letters (a content
/// error, such as a letter with no option, the tolerant reader would
/// only report again).
fn holds(d: &Draft) -> bool {
    d.quizzable || (d.options.len() >= 2 && !d.answer.is_empty())
}

/// The byte ranges of the questions sections the strict grammar applies
/// to throughout: the prefilter skips them. Cheap: no line is counted.
pub(crate) fn covered(sections: &[Section], drafts: &[Draft]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut broken: Vec<usize> = Vec::new();
    for d in drafts {
        let Some(i) = section_of(sections, d.line) else {
            continue;
        };
        if !holds(d) {
            broken.push(i);
        } else if sections[i].kind == SectionKind::Questions
            && out.last() != Some(&sections[i].span())
        {
            out.push(sections[i].span());
        }
    }
    out.retain(|r| !broken.iter().any(|&i| sections[i].span() == *r));
    out
}

/// The lines each strict draft claims: from its stem to the next strict
/// stem of its section, or to the next section.
pub(crate) fn claims(sections: &[Section], drafts: &[Draft]) -> Vec<Claim> {
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let section = section_of(sections, d.line);
            let section_end = section
                .and_then(|s| sections.get(s + 1))
                .map_or(usize::MAX, Section::line);
            let end = drafts
                .get(i + 1)
                .map(|n| n.line)
                .filter(|&n| n < section_end && section_of(sections, n) == section)
                .map_or(section_end, |n| n.max(d.line + 1));
            Claim {
                lines: d.line..end,
                holds: holds(d),
                replaced: false,
            }
        })
        .collect()
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
        block_id: None,
        line: q.first,
        stem: crate::text::fold_whitespace(&q.stem).into_boxed_str(),
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
        explanations: q
            .explanations
            .iter()
            .map(|(p, text)| (letter(*p), crate::text::fold_whitespace(text)))
            .collect(),
        explanation: q
            .explanation
            .as_deref()
            .map(|e| crate::text::fold_whitespace(e).into_boxed_str()),
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
