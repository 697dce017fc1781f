//! Putting the recognisers together: for each run of options, the stem
//! above it and the key after it or on it. A question is read only from
//! strong evidence (a stem, two or more options, one source of the key);
//! evidence that conflicts is a problem with a line and column, never a
//! guess; everything else that looks like a key and is not read gets a
//! reason, for `check --explain`.

use super::form::{KeyForm, StemForm, TolerantForm};
use super::keys::{AnswerLine, Keys, answer_after_pick, answer_line_of, pick_text};
use super::lines::{Kind, Line};
use super::options::{Candidate, Run, candidate, runs};
use super::stems::{StemStart, numbered, stem_start};
use super::{Found, FoundOption, Reading};
use crate::vault::message::Message;

/// What each line is to the reader.
#[derive(Debug, Default)]
struct Info {
    answer: Option<AnswerLine>,
    pick: bool,
    stem: Option<StemStart>,
    run: Option<usize>,
    owner: Option<usize>,
}

struct Reader<'a, 'b> {
    body: &'b str,
    /// Record why lines were not read (for `check --explain`).
    explain: bool,
    /// Lines given a reason already.
    explained: Vec<bool>,
    lines: &'a [Line<'b>],
    info: Vec<Info>,
    runs: Vec<Run>,
    out: Reading,
}

/// A stem found above a run.
struct Stem {
    form: StemForm,
    text: String,
    first: usize,
    last: usize,
    /// Started by a label, not only by asking.
    labelled: bool,
}

/// A key read for a run.
struct Key {
    answer: Vec<usize>,
    form: KeyForm,
    /// File lines giving the key.
    lines: Vec<usize>,
    /// Index of the question's last line.
    last: usize,
}

/// Why a run is not a question.
enum Miss {
    NoStem,
    NoKey,
    Questions,
    Conflict,
}

/// Reads every tolerant question of a body's lines.
pub(crate) fn read(body: &str, lines: &[Line<'_>], explain: bool) -> Reading {
    // What each line says of itself, read once.
    let mut info = Vec::with_capacity(lines.len());
    let mut cands: Vec<Option<Candidate<'_>>> = Vec::with_capacity(lines.len());
    for l in lines {
        let text_line = !l.is_blank() && l.kind != Kind::Break;
        let pick = text_line && pick_text(&l.plain);
        let answer = if !text_line {
            None
        } else if pick {
            // `내 답: A / 정답: B`: the pick is no key, the answer after it is.
            answer_after_pick(&l.plain)
        } else {
            answer_line_of(l)
        };
        // An answer or a pick is never an option.
        cands.push(if answer.is_some() || pick {
            None
        } else {
            candidate(l)
        });
        info.push(Info {
            answer: answer.filter(|a| {
                // A heading is an answer only when it gives the key or
                // stands alone over it (`### 정답`, `###### 답 : 3번`).
                !matches!(l.kind, Kind::Heading(_)) || !matches!(a.keys, Keys::Text(_))
            }),
            pick,
            ..Info::default()
        });
    }
    let runs = runs(lines, &cands);
    drop(cands);
    for (r, run) in runs.iter().enumerate() {
        for inf in &mut info[run.start..=run.end] {
            inf.run = Some(r);
        }
    }
    // Stems start outside the runs: a labelled line, or else a numbered
    // item that is no option.
    for (l, inf) in lines.iter().zip(&mut info) {
        if inf.run.is_some() || l.is_blank() || l.kind == Kind::Break {
            continue;
        }
        inf.stem = stem_start(l).or_else(|| {
            if inf.answer.is_none() {
                numbered(l)
            } else {
                None
            }
        });
    }
    let mut reader = Reader {
        body,
        explain,
        explained: vec![false; lines.len()],
        lines,
        info,
        runs,
        out: Reading::default(),
    };
    for r in 0..reader.runs.len() {
        reader.run(r);
    }
    if explain {
        reader.explain_leftovers();
    }
    reader.out
}

impl Reader<'_, '_> {
    fn run(&mut self, r: usize) {
        if self.info[self.runs[r].start].owner.is_some() {
            return;
        }
        let Some(stem) = self.stem_for(r) else {
            return self.miss(r, &Miss::NoStem);
        };
        if self.are_questions(r) {
            return self.miss(r, &Miss::Questions);
        }
        match self.key_for(r, &stem) {
            Ok(_) if self.runs[r].flaw.is_some() => {
                self.flawed(r);
                self.miss(r, &Miss::Conflict);
            }
            Ok(key) => self.accept(r, stem, key),
            Err(miss) => self.miss(r, &miss),
        }
    }

    /// Reports a label that skips or repeats in a run with a stem and a key.
    fn flawed(&mut self, r: usize) {
        let run = &self.runs[r];
        let Some(at) = run.flaw else { return };
        let opt = &run.options[at];
        let label = super::labels::short(&opt.label).to_owned();
        let message = match at.checked_sub(1).map(|p| &run.options[p]) {
            Some(prev) if prev.index >= opt.index => Message::LabelRepeats { label },
            Some(prev) => Message::LabelsSkip {
                from: super::labels::short(&prev.label).to_owned(),
                to: label,
            },
            None => Message::LabelsStartLate { label },
        };
        let problem = self.problem(opt.line, Some(&opt.label), message);
        self.out.problems.push(problem);
    }

    /// True when most items of the run ask something: a list of
    /// questions, not options.
    fn are_questions(&self, r: usize) -> bool {
        let run = &self.runs[r];
        let asking = run
            .options
            .iter()
            .filter(|o| o.text.trim_end().ends_with(['?', '？']))
            .count();
        asking * 2 > run.options.len()
    }

    fn accept(&mut self, r: usize, stem: Stem, key: Key) {
        let after = self.explanations_after(r, key.last);
        let run = &self.runs[r];
        let q = self.out.questions.len();
        for i in stem.first..=after.last {
            self.info[i].owner = Some(q);
        }
        let options = run
            .options
            .iter()
            .map(|o| FoundOption {
                label: o.label.clone(),
                text: o.text.clone(),
                line: self.lines[o.line].no,
            })
            .collect();
        self.out.questions.push(Found {
            form: TolerantForm {
                stem: stem.form,
                options: run.scheme.form(),
                key: key.form,
            },
            stem: stem.text,
            first: self.lines[stem.first].no,
            stem_end: self.lines[stem.last].no,
            options,
            answer: key.answer,
            key_lines: key.lines,
            last: self.lines[after.last].no,
            explanations: after.per_option,
            explanation: after.general,
        });
    }
}

fn push_text(text: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}

mod explanations;
mod find_key;
mod find_stem;
mod reasons;
