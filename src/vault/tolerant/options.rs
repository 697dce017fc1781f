//! Option recognisers: runs of lines that read as a question's options.
//! A run is two or more lines of one label family whose labels count up
//! from the first (`A.` `B.` `C.`, `1)` `2)`, `①` `②`, `가.` `나.`, a bare
//! `A` with its text below), or two to eight unlabelled bullets or task
//! items. Options may be list items, plain lines, blockquote lines or
//! lines inside a code block; one run never mixes those places.
//!
//! A label that skips (`A`, `B`, `D`) is kept in the run and reported by
//! the reader; a label that goes back (`A` again) starts a new run, as
//! does anything else between two options (an answer line ends a run).

use std::borrow::Cow;

use super::inline::{Marks, mark_prefix, option_marks};
use super::keys::{answer_line_of, explanation_label, is_quote_mark};
use super::labels::{Scheme, option_label};
use super::lines::{Item, Kind, Line};

/// A line read as an option, before it joins a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate<'b> {
    /// The label's family.
    pub scheme: Scheme,
    /// The label's position (for bullets, 0).
    pub index: usize,
    /// The label as written (`A.`, `②`, `3)`), empty for a bullet.
    pub label: Cow<'b, str>,
    /// The text after the label, markup and marks still in it.
    pub text: Cow<'b, str>,
}

/// Reads a line as an option, if it can be one.
pub(crate) fn candidate<'b>(line: &Line<'b>) -> Option<Candidate<'b>> {
    let content = line.content;
    if !matches!(line.kind, Kind::Text | Kind::Item(_)) {
        return None;
    }
    // Marks may come before the label (`<mark>B. 텍스트</mark>`): the label
    // is read after them and they stay with the text.
    let (marks, rest) = content.split_at(mark_prefix(content));
    let rest = rest.trim_start();
    let labelled = option_label(rest).filter(|(l, _)| {
        // A bare letter is an option only on a line of its own.
        l.scheme != Scheme::Bare || (line.kind == Kind::Text && marks.is_empty())
    });
    // A paragraph line is an option only with a label; most have none.
    if labelled.is_none() && line.kind == Kind::Text {
        return None;
    }
    // Answer lines and picks are left out by the caller, which reads
    // them anyway.
    if explanation_label(&line.plain) || (line.quote > 0 && is_quote_mark(&line.plain)) {
        return None;
    }
    if let Some((label, text)) = labelled {
        let text = if marks.is_empty() {
            text
        } else {
            Cow::Owned(format!("{marks}{text}"))
        };
        return Some(Candidate {
            scheme: label.scheme,
            index: label.index,
            label: Cow::Borrowed(label.written(rest)),
            text,
        });
    }
    match line.kind {
        Kind::Item(Item::Ordered { number }) => Some(Candidate {
            scheme: Scheme::Number,
            index: (number as usize).checked_sub(1)?,
            label: Cow::Borrowed(line.marker),
            text: Cow::Borrowed(content),
        }),
        Kind::Item(Item::Bullet | Item::Task { .. }) if !content.is_empty() => Some(Candidate {
            scheme: Scheme::Bullet,
            index: 0,
            label: Cow::Borrowed(""),
            text: Cow::Borrowed(content),
        }),
        _ => None,
    }
}

/// One option of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Opt {
    /// Index of its line.
    pub line: usize,
    /// Index of its last line (text below a bare label, `> 정답` under it).
    pub last: usize,
    /// Its label as written, empty for a bullet.
    pub label: String,
    /// The label's position, for finding gaps.
    pub index: usize,
    /// Its text: markup and marks removed, whitespace folded.
    pub text: String,
    /// The marks on it.
    pub marks: Marks,
    /// `> 정답` on the line under it.
    pub quote_mark: bool,
    /// A checked task item (`- [x]`): reported, never read as the key.
    pub checked: bool,
}

/// A run of options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// The label family.
    pub scheme: Scheme,
    /// The options in order.
    pub options: Vec<Opt>,
    /// Index of the first option's line.
    pub start: usize,
    /// Index of the run's last line.
    pub end: usize,
    /// The position in `options` where a label skips ahead or repeats,
    /// if one does.
    pub flaw: Option<usize>,
}

/// Most options a run of unlabelled bullets may have: longer bullet
/// lists are prose.
const MAX_BULLETS: usize = 8;
/// Most options a labelled run may have (`A`–`J`, `①`–`⑩`).
const MAX_LABELLED: usize = 10;

/// Every run of options among the lines, in order, and for each line the
/// run holding it.
pub(crate) fn runs(lines: &[Line<'_>], cands: &[Option<Candidate<'_>>]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(c) = &cands[i] else {
            i += 1;
            continue;
        };
        let starts = c.scheme == Scheme::Bullet || c.index == 0 || starts_late(lines, cands, i);
        if !starts {
            i += 1;
            continue;
        }
        match build(lines, cands, i) {
            Ok(run) => {
                i = run.end + 1;
                out.push(run);
            }
            Err(next) => i = next.max(i + 1),
        }
    }
    out
}

/// A run may start at `B` or `C` when the next option follows on (its
/// missing first label is reported as a gap).
fn starts_late(lines: &[Line<'_>], cands: &[Option<Candidate<'_>>], i: usize) -> bool {
    let Some(c) = &cands[i] else { return false };
    if c.index > 2 || c.scheme == Scheme::Number {
        return false;
    }
    let next = (i + 1..lines.len()).find(|&j| !lines[j].is_blank());
    next.and_then(|j| cands[j].as_ref())
        .is_some_and(|n| n.scheme == c.scheme && n.index == c.index + 1)
}

/// The run starting at line `start`, if two or more options follow on;
/// else the line to look on from (past a bullet list too long to be
/// options, so that a long list costs one pass).
fn build(lines: &[Line<'_>], cands: &[Option<Candidate<'_>>], start: usize) -> Result<Run, usize> {
    let Some(first) = cands[start].as_ref() else {
        return Err(start + 1);
    };
    let scheme = first.scheme;
    let mut run = Run {
        scheme,
        options: Vec::new(),
        start,
        end: start,
        flaw: (first.index > 0).then_some(0),
    };
    let mut expected = first.index;
    let mut at = Some(start);
    let limit = if scheme == Scheme::Bullet {
        MAX_BULLETS + 1
    } else {
        MAX_LABELLED
    };
    while let Some(line) = at {
        let Some(cand) = cands[line].as_ref() else {
            break;
        };
        let opt = match option_at(lines, cands, line, cand) {
            // An item holding lists is a question of its own.
            Some(opt) if opt.last != usize::MAX => opt,
            _ => break,
        };
        if cand.index != expected && scheme != Scheme::Bullet {
            // One label that skips ahead (`A B D`) or repeats (`A B B`) is
            // kept, for the reader to report.
            if run.flaw.is_some() || cand.index + 1 < expected || cand.index > expected + 3 {
                break;
            }
            run.flaw = Some(run.options.len());
        }
        expected = cand.index + 1;
        run.end = opt.last;
        run.options.push(opt);
        if run.options.len() >= limit {
            break;
        }
        at = next_option(lines, cands, &run);
    }
    if scheme == Scheme::Bullet && run.options.len() > MAX_BULLETS {
        // Skip the rest of the list: no later item starts a run either.
        while let Some(next) = next_option(lines, cands, &run) {
            run.end = next;
        }
        return Err(run.end + 1);
    }
    if run.options.len() >= 2 {
        Ok(run)
    } else {
        Err(start + 1)
    }
}

/// The line of the run's next option: after at most two blank lines, in
/// the same place (code, quote, list indentation) and of the same family.
fn next_option(lines: &[Line<'_>], cands: &[Option<Candidate<'_>>], run: &Run) -> Option<usize> {
    let mut next = run.end + 1;
    let mut blanks = 0;
    while next < lines.len() && lines[next].kind == Kind::Blank && blanks < 2 {
        next += 1;
        blanks += 1;
    }
    let cand = cands.get(next)?.as_ref()?;
    let (first, here) = (&lines[run.start], &lines[next]);
    let item = |l: &Line<'_>| matches!(l.kind, Kind::Item(_));
    let same_place = first.code == here.code
        && first.quote == here.quote
        && item(first) == item(here)
        && (first.indent.abs_diff(here.indent) <= 1
            || (!item(first) && first.indent.max(here.indent) <= 3));
    let restarts = run.scheme != Scheme::Bullet && cand.index == 0;
    (same_place && cand.scheme == run.scheme && !restarts).then_some(next)
}

/// The option on line `at`, with the lines that belong to it. `last` is
/// `usize::MAX` when the item holds nested lists or labels: then it is
/// a question of its own, not an option.
fn option_at(
    lines: &[Line<'_>],
    cands: &[Option<Candidate<'_>>],
    at: usize,
    c: &Candidate<'_>,
) -> Option<Opt> {
    let line = &lines[at];
    let mut text = c.text.to_string();
    let mut last = at;
    if c.scheme == Scheme::Bare {
        // The text is on the lines below the letter.
        let mut j = at + 1;
        if lines.get(j).is_some_and(|l| l.kind == Kind::Blank) {
            j += 1;
        }
        while let Some(l) = lines.get(j) {
            if l.kind != Kind::Text || cands[j].is_some() || answer_line_of(l).is_some() {
                break;
            }
            text.push(' ');
            text.push_str(l.content);
            last = j;
            j += 1;
        }
        if last == at {
            return None;
        }
    } else if let Kind::Item(_) = line.kind {
        // Lines indented under the item continue its text; a list under it
        // is a comment on the option, unless the item asks and the list
        // answers (then the item is a question of its own).
        let mut j = at + 1;
        let mut nested_list = false;
        while let Some(l) = lines.get(j) {
            if l.kind == Kind::Blank || l.indent <= line.indent || l.quote != line.quote {
                break;
            }
            let labelled = cands[j]
                .as_ref()
                .is_some_and(|n| n.scheme != Scheme::Bullet);
            let in_list = matches!(l.kind, Kind::Item(_)) || cands[j].is_some();
            if labelled || answer_line_of(l).is_some() || !(in_list || l.kind == Kind::Text) {
                return Some(question_not_option(at, c));
            }
            nested_list |= in_list;
            if !nested_list {
                text.push(' ');
                text.push_str(l.content);
            }
            last = j;
            j += 1;
        }
        if nested_list && super::stems::question_like(&text) {
            return Some(question_not_option(at, c));
        }
    }
    let (marks, shown) = option_marks(&text);
    if shown.is_empty() {
        return None;
    }
    let mut quote_mark = false;
    if let Some(l) = lines.get(last + 1)
        && l.quote > line.quote
        && is_quote_mark(&l.plain)
    {
        quote_mark = true;
        last += 1;
    }
    Some(Opt {
        line: at,
        last,
        label: c.label.to_string(),
        index: c.index,
        text: shown,
        marks,
        quote_mark,
        checked: matches!(line.kind, Kind::Item(Item::Task { checked: true })),
    })
}

/// An item that holds a question's options: marked so the run stops.
fn question_not_option(at: usize, c: &Candidate<'_>) -> Opt {
    Opt {
        line: at,
        last: usize::MAX,
        label: c.label.to_string(),
        index: c.index,
        text: String::new(),
        marks: Marks::default(),
        quote_mark: false,
        checked: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::tolerant::lines::split;

    type Runs = Vec<(Scheme, Vec<(String, String)>, Option<usize>)>;

    fn read(body: &str) -> Runs {
        let lines = split(body, 1);
        // As the reader does: answer lines and picks are no options.
        let cands: Vec<_> = lines
            .iter()
            .map(|l| {
                let out = answer_line_of(l).is_some()
                    || crate::vault::tolerant::keys::pick_text(&l.plain);
                if out { None } else { candidate(l) }
            })
            .collect();
        runs(&lines, &cands)
            .into_iter()
            .map(|r| {
                let opts = r
                    .options
                    .iter()
                    .map(|o| (o.label.clone(), o.text.clone()))
                    .collect();
                (r.scheme, opts, r.flaw)
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).into(), (*b).into()))
            .collect()
    }

    #[test]
    fn labelled_runs_in_every_place() {
        let body = "- A. 하나\n- B. 둘\n\n① 가\n② 나\n③ 다\n\n> a) 첫\n> b) 둘\n";
        let r = read(body);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].1, pairs(&[("A.", "하나"), ("B.", "둘")]));
        assert_eq!(r[1].0, Scheme::Circled);
        assert_eq!(r[2].0, Scheme::Lower);
    }

    #[test]
    fn ordered_items_bare_letters_and_bullets() {
        let r = read("1. 가\n2. 나\n3. 다\n");
        assert_eq!(r[0].1, pairs(&[("1.", "가"), ("2.", "나"), ("3.", "다")]));
        let r = read("A\nS3 Standard\nB\nS3 Glacier\n");
        assert_eq!(r[0].0, Scheme::Bare);
        assert_eq!(r[0].1, pairs(&[("A", "S3 Standard"), ("B", "S3 Glacier")]));
        let r = read("- [ ] 하나\n- [x] 둘\n- 셋 ⭐️\n");
        assert_eq!(r[0].0, Scheme::Bullet);
        assert_eq!(r[0].1.len(), 3);
    }

    #[test]
    fn gaps_restarts_and_answer_lines() {
        let r = read("A. 하나\nB. 둘\nD. 넷\n");
        assert_eq!(r[0].2, Some(2));
        let r = read("A) 하나\nB) 둘\nB) 또 둘\n");
        assert_eq!((r[0].1.len(), r[0].2), (3, Some(2)));
        let r = read("A) 하나\nB) 둘\nA) 다시\nB) 또\n");
        assert_eq!(r.len(), 2);
        let r = read("- 하나\n- 둘\n- 정답 : (2)\n");
        assert_eq!(r[0].1.len(), 2);
        let r = read("(1) 조건\n(2) 조건\n① 가\n② 나\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].0, Scheme::ParenNumber);
    }

    #[test]
    fn marks_before_a_label_stay_with_the_text() {
        let r = read("- A. 하나\n- <mark>B. 둘</mark>\n- (정답) C. 셋\n- ⭐️ D. 넷\n");
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].1,
            pairs(&[("A.", "하나"), ("B.", "둘"), ("C.", "셋"), ("D.", "넷")])
        );
    }

    #[test]
    fn items_holding_lists_are_not_options() {
        let r = read("1. 문제?\n   - A. 하나\n   - B. 둘\n2. 문제?\n   - A. 셋\n   - B. 넷\n");
        assert_eq!(r.len(), 2);
        assert!(
            r.iter()
                .all(|(s, o, _)| *s == Scheme::Upper && o.len() == 2)
        );
    }
}
