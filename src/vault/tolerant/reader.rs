//! Putting the recognisers together: for each run of options, the stem
//! above it and the key after it or on it. A question is read only from
//! strong evidence (a stem, two or more options, one source of the key);
//! evidence that conflicts is a problem with a line and column, never a
//! guess; everything else that looks like a key and is not read gets a
//! reason, for `check --explain`.

use super::super::question::clip;
use super::form::{KeyForm, StemForm, TolerantForm};
use super::keys::{AnswerLine, Keys, Tokens, answer_line, explanation_label, pick_line, tokens};
use super::labels::Scheme;
use super::lines::{Item, Kind, Line};
use super::options::{Candidate, Run, candidate, runs};
use super::stems::{StemStart, numbered, question_like, stem_start};
use super::{Found, FoundOption, Problem, Reading, Unread};

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
    NoKey(Vec<usize>),
    Questions,
    Conflict,
}

/// Reads every tolerant question of a body's lines.
pub(crate) fn read(body: &str, lines: &[Line<'_>], explain: bool) -> Reading {
    let cands: Vec<Option<Candidate<'_>>> = lines.iter().map(candidate).collect();
    let runs = runs(lines, &cands);
    drop(cands);
    let mut info: Vec<Info> = lines
        .iter()
        .map(|l| {
            let text_line = !l.is_blank() && l.kind != Kind::Break;
            Info {
                answer: text_line
                    .then(|| answer_line(l.content))
                    .flatten()
                    .filter(|a| {
                        // A heading is an answer only when it gives the key or
                        // stands alone over it (`### 정답`, `###### 답 : 3번`).
                        !matches!(l.kind, Kind::Heading(_)) || !matches!(a.keys, Keys::Text(_))
                    }),
                pick: text_line && pick_line(l.content),
                stem: if text_line { stem_start(l) } else { None },
                ..Info::default()
            }
        })
        .collect();
    for (r, run) in runs.iter().enumerate() {
        for i in run.start..=run.end {
            info[i].run = Some(r);
            info[i].stem = None;
        }
    }
    // A numbered item outside every run may start a stem.
    for (i, l) in lines.iter().enumerate() {
        if info[i].run.is_none()
            && info[i].stem.is_none()
            && info[i].answer.is_none()
            && let Some(s) = numbered(l)
        {
            info[i].stem = Some(s);
        }
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
            Some(prev) if prev.index >= opt.index => {
                format!("option label '{label}' repeats; the question is not read")
            }
            Some(prev) => format!(
                "option labels skip from '{}' to '{label}'; the question is not read",
                super::labels::short(&prev.label)
            ),
            None => format!(
                "options start at '{label}', not at the first label; the question is not read"
            ),
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

    /// The stem above run `r`: up to the nearest stem start, or else the
    /// paragraph right above the options.
    fn stem_for(&self, r: usize) -> Option<Stem> {
        let run = &self.runs[r];
        let mut collected = Vec::new();
        let mut found = None;
        let mut i = run.start;
        while i > 0 && collected.len() < 60 {
            i -= 1;
            let (l, inf) = (&self.lines[i], &self.info[i]);
            if l.is_blank() {
                continue;
            }
            if inf.owner.is_some() || inf.answer.is_some() || l.kind == Kind::Break {
                break;
            }
            if let Some(other) = inf.run {
                if same_family(self.runs[other].scheme, run.scheme) {
                    break;
                }
                collected.push(i);
                continue;
            }
            if inf.stem.is_some() {
                found = Some(i);
                break;
            }
            if matches!(l.kind, Kind::Heading(_)) || inf.pick {
                break;
            }
            collected.push(i);
        }
        collected.reverse();
        let stem = match found {
            Some(i) => {
                let start = self.info[i].stem.as_ref()?;
                let topic = start.form == StemForm::Heading
                    && !start.text.is_empty()
                    && !question_like(&start.text)
                    && !collected.is_empty();
                if topic {
                    // A heading naming a topic over a paragraph that asks.
                    self.paragraph(&collected)
                } else {
                    let mut text = start.text.clone();
                    for &j in &collected {
                        push_text(&mut text, &self.line_text(j));
                    }
                    Some(Stem {
                        form: start.form,
                        text,
                        first: i,
                        last: collected.last().copied().unwrap_or(i),
                        labelled: start.labelled,
                    })
                }
            }
            None => {
                // The block right above the options, up to a blank line.
                let mut block = Vec::new();
                let mut j = run.start;
                let mut seen_text = false;
                while j > 0 {
                    j -= 1;
                    let l = &self.lines[j];
                    if l.is_blank() {
                        if seen_text || run.start - j > 2 {
                            break;
                        }
                        continue;
                    }
                    if !collected.contains(&j) {
                        break;
                    }
                    seen_text = true;
                    block.push(j);
                }
                block.reverse();
                self.paragraph(&block)
            }
        }?;
        let words = stem.text.chars().filter(|c| c.is_alphanumeric()).count();
        // Bullets are everywhere in notes: over them, a stem must ask.
        let asks = stem.labelled || run.scheme != Scheme::Bullet || question_like(&stem.text);
        (words >= 2 && asks && !explanation_label(&stem.text)).then_some(stem)
    }

    fn paragraph(&self, block: &[usize]) -> Option<Stem> {
        let (&first, &last) = (block.first()?, block.last()?);
        let mut text = String::new();
        for &j in block {
            push_text(&mut text, &self.line_text(j));
        }
        Some(Stem {
            form: StemForm::Paragraph,
            text,
            first,
            last,
            labelled: false,
        })
    }

    /// A line's text for a stem: list markers kept (`1.`, `(1)`),
    /// markup removed.
    fn line_text(&self, i: usize) -> String {
        let l = &self.lines[i];
        let text = super::inline::plain(l.content);
        match l.kind {
            Kind::Item(Item::Ordered { .. }) => format!("{} {text}", l.marker),
            _ => text,
        }
    }

    /// The key of run `r`: answer lines after it and marks on it. Gives
    /// the answer positions, the key's form, the lines giving it and the
    /// question's last line; problems found on the way are kept.
    fn key_for(&mut self, r: usize, stem: &Stem) -> Result<Key, Miss> {
        let block = self.answer_block(r);
        let mut problems = Vec::new();
        let key = self.key_from(r, stem, &block, &mut problems);
        self.out.problems.extend(problems);
        key
    }

    fn key_from(
        &self,
        r: usize,
        stem: &Stem,
        block: &[(usize, Option<usize>)],
        problems: &mut Vec<Problem>,
    ) -> Result<Key, Miss> {
        let run = &self.runs[r];
        let n = run.options.len();
        let mut last = run.end;
        // Answer lines, each resolved against the options.
        let mut from_lines: Option<(Vec<usize>, usize, KeyForm)> = None;
        let mut override_seen = false;
        let mut key_lines = Vec::new();
        for &(i, key_at) in block {
            let Some(a) = &self.info[i].answer else {
                continue;
            };
            let (keys, form, at) = match (&a.keys, key_at) {
                (Keys::Below, Some(k)) => {
                    let text = super::inline::plain(self.lines[k].content);
                    let keys = match tokens(&text) {
                        Some(t) => Keys::Tokens(t),
                        None => Keys::Text(text),
                    };
                    (keys, KeyForm::AnswerHeading, k)
                }
                (Keys::Below, None) => continue,
                (keys, _) => (keys.clone(), KeyForm::AnswerLine, i),
            };
            last = last.max(at);
            let positions = match &keys {
                Keys::Tokens(t) => match self.positions(r, t, at, problems)? {
                    Some(p) => p,
                    None => continue,
                },
                Keys::Text(text) => match text_match(run, text) {
                    Some(p) => vec![p],
                    None => continue,
                },
                Keys::Below => continue,
            };
            key_lines.push(self.lines[at].no);
            if a.overrides {
                override_seen = true;
                from_lines = Some((positions, at, form));
                continue;
            }
            if override_seen {
                continue;
            }
            match &from_lines {
                None => from_lines = Some((positions, at, form)),
                Some((p, _, _)) if *p == positions => {}
                Some((p, first_at, _)) => {
                    let message = format!(
                        "two answer lines disagree: line {} says {}, this one says {}; the question is not read",
                        self.lines[*first_at].no,
                        self.names(r, p),
                        self.names(r, &positions)
                    );
                    problems.push(self.problem(at, None, message));
                    return Err(Miss::Conflict);
                }
            }
        }
        // Marks on the options.
        let marked = |f: &dyn Fn(&super::options::Opt) -> bool| -> Vec<usize> {
            let hits: Vec<usize> = (0..n).filter(|&i| f(&run.options[i])).collect();
            // The same mark on every option is decoration.
            if hits.len() == n { Vec::new() } else { hits }
        };
        // Highlighting is also plain emphasis: on bullets it is read as the
        // key only under a labelled stem.
        let highlight = if run.scheme == Scheme::Bullet && !stem.labelled {
            Vec::new()
        } else {
            marked(&|o| o.marks.highlight)
        };
        let strong: Vec<(KeyForm, Vec<usize>)> = [
            (KeyForm::Star, marked(&|o| o.marks.star)),
            (KeyForm::Tag, marked(&|o| o.marks.tag)),
            (KeyForm::Highlight, highlight),
            (KeyForm::Check, marked(&|o| o.marks.check)),
            (KeyForm::Quote, marked(&|o| o.quote_mark)),
        ]
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .collect();
        if let Some((answer, at, form)) = from_lines {
            if let Some((kind, p)) = strong.iter().find(|(_, p)| *p != answer) {
                let line = self.lines[run.options[p[0]].line].no;
                let message = format!(
                    "the answer line says {}, but option {} (line {line}) is marked by {}; the question is not read",
                    self.names(r, &answer),
                    self.names(r, p),
                    kind.name()
                );
                problems.push(self.problem(at, None, message));
                return Err(Miss::Conflict);
            }
            return Ok(Key {
                answer,
                form,
                lines: key_lines,
                last,
            });
        }
        if let Some((form, positions)) = strong.first() {
            if let Some((other, p)) = strong.iter().find(|(_, p)| p != positions) {
                let message = format!(
                    "option {} is marked by {} and option {} by {}; the question is not read",
                    self.names(r, positions),
                    form.name(),
                    self.names(r, p),
                    other.name()
                );
                problems.push(self.problem(run.options[p[0]].line, None, message));
                return Err(Miss::Conflict);
            }
            if positions.len() > 1 && !asks_for(&stem.text, positions.len()) {
                let message = format!(
                    "options {} are all marked by {}, but the stem does not ask for {}; the question is not read",
                    self.names(r, positions),
                    form.name(),
                    positions.len()
                );
                problems.push(self.problem(run.options[positions[1]].line, None, message));
                return Err(Miss::Conflict);
            }
            let lines = positions
                .iter()
                .map(|&p| self.lines[run.options[p].line].no)
                .collect();
            return Ok(Key {
                answer: positions.clone(),
                form: *form,
                lines,
                last,
            });
        }
        // Bold is also plain emphasis: it is read as the key only on
        // labelled options under a labelled stem.
        let bold = marked(&|o| o.marks.bold);
        if bold.len() == 1 && run.scheme != Scheme::Bullet && stem.labelled {
            let line = self.lines[run.options[bold[0]].line].no;
            return Ok(Key {
                answer: bold,
                form: KeyForm::Bold,
                lines: vec![line],
                last,
            });
        }
        Err(Miss::NoKey(block.iter().map(|&(i, _)| i).collect()))
    }

    /// Positions named by answer tokens; `Err` after reporting a token
    /// that names no option, `Ok(None)` for an answer the author was
    /// unsure of.
    fn positions(
        &self,
        r: usize,
        t: &Tokens,
        at: usize,
        problems: &mut Vec<Problem>,
    ) -> Result<Option<Vec<usize>>, Miss> {
        let n = self.runs[r].options.len();
        if let Some(bad) = t.tokens.iter().find(|t| t.index >= n) {
            let message = format!(
                "answer '{}' names no option: the options are {}; the question is not read",
                bad.written,
                self.range_names(r)
            );
            problems.push(self.problem(at, Some(&bad.written), message));
            return Err(Miss::Conflict);
        }
        if t.uncertain && !t.corrected {
            let written = &t.tokens[0].written;
            let message =
                format!("answer '{written}?' is marked as unsure; it is not read as the key");
            problems.push(self.problem(at, Some(written), message));
            return Ok(None);
        }
        let mut p: Vec<usize> = t.tokens.iter().map(|t| t.index).collect();
        p.sort_unstable();
        p.dedup();
        Ok(Some(p))
    }

    /// The answer lines after run `r`: each line and, for a label alone
    /// (`### 정답`), the line holding the key.
    fn answer_block(&self, r: usize) -> Vec<(usize, Option<usize>)> {
        let run = &self.runs[r];
        let mut out = Vec::new();
        let mut j = run.end + 1;
        let mut texts = 0;
        // After the first answer, only lines right after it, or
        // corrections (`찐정답`), still count.
        let mut adjacent = true;
        let mut passed_run = false;
        while j < self.lines.len() && j <= run.end + 60 {
            let (l, inf) = (&self.lines[j], &self.info[j]);
            if l.is_blank() {
                j += 1;
                continue;
            }
            if l.kind == Kind::Break {
                break;
            }
            if let Some(a) = &inf.answer {
                if !out.is_empty() && !adjacent && !a.overrides {
                    break;
                }
                if matches!(a.keys, Keys::Below) {
                    let k =
                        (j + 1..self.lines.len().min(j + 4)).find(|&k| !self.lines[k].is_blank());
                    out.push((j, k));
                    j = k.map_or(j + 1, |k| k + 1);
                } else {
                    out.push((j, None));
                    j += 1;
                }
                continue;
            }
            if inf.pick {
                j += 1;
                continue;
            }
            let heading = matches!(l.kind, Kind::Heading(_));
            let boundary = heading || self.starts_question(j);
            if out.is_empty() {
                if boundary || inf.run.is_some() {
                    break;
                }
                texts += 1;
                if texts > 6 {
                    break;
                }
            } else {
                if boundary {
                    break;
                }
                if let Some(other) = inf.run {
                    // One explanation list right after the answer.
                    if passed_run || !adjacent_to_answer(self.lines, &out, j) {
                        break;
                    }
                    passed_run = true;
                    j = self.runs[other].end + 1;
                    adjacent = false;
                    continue;
                }
                adjacent = false;
                texts += 1;
                if texts > 20 {
                    break;
                }
            }
            j += 1;
        }
        out
    }

    /// True when line `j` starts a question of its own.
    fn starts_question(&self, j: usize) -> bool {
        self.info[j]
            .stem
            .as_ref()
            .is_some_and(|s| s.form != StemForm::Numbered || question_like(&s.text))
    }

    fn accept(&mut self, r: usize, stem: Stem, key: Key) {
        let run = &self.runs[r];
        let q = self.out.questions.len();
        for i in stem.first..=key.last {
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
            last: self.lines[key.last].no,
            code: self.lines[run.start].code,
        });
    }

    fn miss(&mut self, r: usize, miss: &Miss) {
        if !self.explain {
            return;
        }
        let run = &self.runs[r];
        let (a, b) = (self.lines[run.start].no, self.lines[run.end].no);
        let why = match miss {
            Miss::NoStem => format!("options found at {a}–{b}, but no stem above them"),
            Miss::NoKey(_) => format!(
                "options found at {a}–{b} under a stem, but no answer line or key mark for them"
            ),
            Miss::Questions => {
                format!("the list at {a}–{b} asks questions; it is not a list of options")
            }
            Miss::Conflict => {
                format!("options found at {a}–{b}, but their key conflicts (see the warning)")
            }
        };
        let every = |f: fn(&super::options::Opt) -> bool| run.options.iter().all(f);
        let decoration = if every(|o| o.marks.star) {
            Some("⭐")
        } else if every(|o| o.marks.check) {
            Some("a check mark")
        } else if every(|o| o.marks.tag) {
            Some("(정답)")
        } else {
            None
        };
        let mut marked: Vec<(usize, String)> = Vec::new();
        for o in &run.options {
            let why = if o.marks.pick {
                format!("'(선택)' marks the author's own pick, which is never the key; {why}")
            } else if o.marks.star
                || o.marks.tag
                || o.marks.highlight
                || o.marks.check
                || o.quote_mark
            {
                match decoration {
                    Some(mark) => {
                        format!("every option at {a}–{b} carries {mark}, so it marks none of them")
                    }
                    None => why.clone(),
                }
            } else {
                continue;
            };
            marked.push((o.line, why));
        }
        // An answer that spells out no option says so.
        for (i, _) in self.answer_block(r) {
            if let Some(AnswerLine {
                keys: Keys::Text(t),
                ..
            }) = &self.info[i].answer
            {
                let why = format!(
                    "options found at {a}–{b}, but '{}' names none of them",
                    clip(t)
                );
                self.unread(i, why);
            }
        }
        // Other answer lines after the run share its reason.
        let mut lines: Vec<usize> = self.answer_block(r).into_iter().map(|(i, _)| i).collect();
        if let Miss::NoKey(more) = miss {
            lines.extend(more);
        }
        for (i, why) in marked {
            self.unread(i, why);
        }
        for i in lines {
            self.unread(i, why.clone());
        }
    }

    fn unread(&mut self, i: usize, why: String) {
        if self.explained[i] {
            return;
        }
        self.explained[i] = true;
        self.out.unread.push(Unread {
            line: self.lines[i].no,
            why,
        });
    }

    /// Reasons for answer-like lines and marks no question explains.
    fn explain_leftovers(&mut self) {
        // Lines of a question read later are not left over.
        let first = self.lines.first().map_or(1, |l| l.no);
        let info = &self.info;
        self.out
            .unread
            .retain(|u| info[u.line - first].owner.is_none());
        // The last run ending before each line.
        let mut previous = vec![None; self.lines.len()];
        let mut last = None;
        let mut next_run = 0;
        for (i, slot) in previous.iter_mut().enumerate() {
            while next_run < self.runs.len() && self.runs[next_run].end < i {
                last = Some(self.runs[next_run].end);
                next_run += 1;
            }
            *slot = last.filter(|&end| i - end <= 60);
        }
        for i in 0..self.lines.len() {
            let inf = &self.info[i];
            if inf.owner.is_some() || self.explained[i] {
                continue;
            }
            let near = previous[i].is_some();
            let why = if inf.pick {
                "the author's own pick is never read as the key".to_owned()
            } else if let Some(a) = &inf.answer {
                match &a.keys {
                    Keys::Text(t) if near => {
                        format!("'{}' names no option label or option text", clip(t))
                    }
                    _ if near => "this answer line is too far from the options above it, or another question starts between them".to_owned(),
                    _ => "no options found above this answer line".to_owned(),
                }
            } else if inf.run.is_none()
                && !self.lines[i].is_blank()
                && super::inline::has_key_mark(self.lines[i].content)
            {
                "a key mark on a line that is not one of a question's options".to_owned()
            } else {
                continue;
            };
            self.unread(i, why);
        }
        self.out.unread.sort_by_key(|u| u.line);
    }

    /// Option names for messages: their labels, or positions for bullets.
    fn names(&self, r: usize, positions: &[usize]) -> String {
        let run = &self.runs[r];
        let names: Vec<String> = positions
            .iter()
            .map(|&p| match run.options.get(p) {
                Some(o) if !o.label.is_empty() => super::labels::short(&o.label).to_owned(),
                _ => format!("#{}", p + 1),
            })
            .collect();
        names.join(", ")
    }

    fn range_names(&self, r: usize) -> String {
        let n = self.runs[r].options.len();
        format!("{}–{}", self.names(r, &[0]), self.names(r, &[n - 1]))
    }

    /// A problem at line `i`, pointing at `needle` in it when given.
    fn problem(&self, i: usize, needle: Option<&str>, message: String) -> Problem {
        let l = &self.lines[i];
        let end = self.body[l.offset..]
            .find('\n')
            .map_or(self.body.len(), |e| l.offset + e);
        let source = &self.body[l.offset..end];
        let content_start = l.content_at.saturating_sub(l.offset).min(source.len());
        let (start, width) = match needle.and_then(|n| {
            source[content_start..]
                .find(n)
                .map(|p| (p + content_start, n))
        }) {
            Some((p, n)) => (p, n.chars().count()),
            None => (content_start, source[content_start..].chars().count()),
        };
        let column = source[..start].chars().count() + 1;
        Problem {
            line: l.no,
            column,
            width: width.max(1),
            source: source.to_owned(),
            message,
        }
    }
}

fn same_family(a: super::labels::Scheme, b: super::labels::Scheme) -> bool {
    use super::labels::Scheme;
    let family = |s| match s {
        Scheme::Upper | Scheme::Lower | Scheme::Bare => 0,
        Scheme::Number => 1,
        Scheme::ParenNumber => 2,
        Scheme::Circled => 3,
        Scheme::Hangul | Scheme::Jamo => 4,
        Scheme::Bullet => 5,
    };
    family(a) == family(b)
}

/// True when only blank lines and explanation labels lie between the
/// last answer line and line `j`.
fn adjacent_to_answer(lines: &[Line<'_>], out: &[(usize, Option<usize>)], j: usize) -> bool {
    let Some(&(a, k)) = out.last() else {
        return false;
    };
    let from = k.unwrap_or(a) + 1;
    (from..j).all(|i| lines[i].is_blank() || explanation_label(lines[i].content))
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

/// The option whose text an answer spells out, if exactly one does.
fn text_match(run: &Run, text: &str) -> Option<usize> {
    let key = normalise(text);
    if key.is_empty() {
        return None;
    }
    let hits: Vec<usize> = (0..run.options.len())
        .filter(|&i| normalise(&run.options[i].text) == key)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when a stem asks for `n` answers (`두 개`, `2가지`, `Choose two`)
/// or for all that apply (`모두 고르시오`).
pub(crate) fn asks_for(stem: &str, n: usize) -> bool {
    let lower = stem.to_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if ["모두고르", "모두선택", "allthatapply", "모두찾", "있는대로"]
        .iter()
        .any(|w| compact.contains(w))
    {
        return true;
    }
    let words: &[&str] = match n {
        2 => &[
            "두개",
            "2개",
            "두가지",
            "2가지",
            "choosetwo",
            "selecttwo",
            "choose2",
            "select2",
            "2つ",
        ],
        3 => &[
            "세개",
            "3개",
            "세가지",
            "3가지",
            "choosethree",
            "selectthree",
            "choose3",
            "select3",
        ],
        4 => &["네개", "4개", "네가지", "4가지", "choosefour", "selectfour"],
        _ => &[],
    };
    words.iter().any(|w| compact.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_asking_for_several_answers() {
        assert!(asks_for("다음 중 옳은 것을 두 개 고르시오.", 2));
        assert!(asks_for(
            "Which options meet the requirements? (Choose two.)",
            2
        ));
        assert!(asks_for("해당하는 것을 모두 고르시오", 3));
        assert!(!asks_for("다음 중 옳은 것은?", 2));
    }
}
