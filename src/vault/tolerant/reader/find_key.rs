//! Finding the key of a run of options: the answer lines after it
//! (corrections and overrides included) and the marks on it, with every
//! conflict between them reported, never resolved by a guess.

use crate::vault::text::is_alphanumeric;
use crate::vault::tolerant::Problem;
use crate::vault::tolerant::form::{KeyForm, StemForm};
use crate::vault::tolerant::inline;
use crate::vault::tolerant::keys::{Keys, Tokens, explanation_label, tokens};
use crate::vault::tolerant::labels::Scheme;
use crate::vault::tolerant::lines::{Kind, Line};
use crate::vault::tolerant::options::{Opt, Run};
use crate::vault::tolerant::stems::question_like;

use super::{Key, Miss, Reader, Stem};
use crate::vault::message::Message;

impl Reader<'_, '_> {
    /// The key of run `r`: answer lines after it and marks on it. Gives
    /// the answer positions, the key's form, the lines giving it and the
    /// question's last line; problems found on the way are kept.
    pub(super) fn key_for(&mut self, r: usize, stem: &Stem) -> Result<Key, Miss> {
        let block = self.answer_block(r);
        let mut problems = Vec::new();
        let key = self.key_from(r, stem, &block, &mut problems);
        self.out.problems.extend(problems);
        key
    }

    pub(super) fn key_from(
        &self,
        run_ix: usize,
        stem: &Stem,
        block: &[(usize, Option<usize>)],
        problems: &mut Vec<Problem>,
    ) -> Result<Key, Miss> {
        let run = &self.runs[run_ix];
        let said = self.answer_lines(run_ix, block, problems)?;
        let strong = self.strong_marks(run_ix, stem);
        if let Some(said) = said {
            if let Some((kind, marked)) = strong.iter().find(|(_, m)| *m != said.answer) {
                let line = self.lines[run.options[marked[0]].line].no;
                let message = Message::AnswerVsMark {
                    said: self.names(run_ix, &said.answer),
                    marked: self.names(run_ix, marked),
                    line,
                    mark: *kind,
                };
                problems.push(self.problem(said.at, None, message));
                return Err(Miss::Conflict);
            }
            return Ok(said.key);
        }
        let option_lines = |positions: &[usize]| -> Vec<usize> {
            positions
                .iter()
                .map(|&p| self.lines[run.options[p].line].no)
                .collect()
        };
        if let Some((form, positions)) = strong.first() {
            if let Some((other, marked)) = strong.iter().find(|(_, m)| m != positions) {
                let message = Message::MarksDisagree {
                    first: self.names(run_ix, positions),
                    first_mark: *form,
                    second: self.names(run_ix, marked),
                    second_mark: *other,
                };
                problems.push(self.problem(run.options[marked[0]].line, None, message));
                return Err(Miss::Conflict);
            }
            if positions.len() > 1 && !asks_for(&stem.text, positions.len()) {
                let message = Message::MarksUnasked {
                    options: self.names(run_ix, positions),
                    mark: *form,
                    count: positions.len(),
                };
                problems.push(self.problem(run.options[positions[1]].line, None, message));
                return Err(Miss::Conflict);
            }
            return Ok(Key {
                answer: positions.clone(),
                form: *form,
                lines: option_lines(positions),
                last: run.end,
            });
        }
        // Bold is also plain emphasis: it is read as the key only on
        // labelled options under a labelled stem.
        let bold = marked(run, |o| o.marks.bold);
        if bold.len() == 1 && run.scheme != Scheme::Bullet && stem.labelled {
            return Ok(Key {
                lines: option_lines(&bold),
                answer: bold,
                form: KeyForm::Bold,
                last: run.end,
            });
        }
        Err(Miss::NoKey)
    }

    /// The key the answer lines after a run give, if they give one: each
    /// line resolved against the options, a correction (`찐정답`) winning,
    /// two lines that disagree reported.
    fn answer_lines(
        &self,
        run_ix: usize,
        block: &[(usize, Option<usize>)],
        problems: &mut Vec<Problem>,
    ) -> Result<Option<Said>, Miss> {
        let run = &self.runs[run_ix];
        let mut last = run.end;
        let mut said: Option<(Vec<usize>, usize, KeyForm)> = None;
        let mut override_seen = false;
        let mut key_lines = Vec::new();
        for &(line, key_at) in block {
            let Some(answer) = &self.info[line].answer else {
                continue;
            };
            let (keys, form, at) = match (&answer.keys, key_at) {
                (Keys::Below, Some(below)) => {
                    let text = inline::plain(self.lines[below].content);
                    let keys = tokens(&text).map_or(Keys::Text(text), Keys::Tokens);
                    (keys, KeyForm::AnswerHeading, below)
                }
                (Keys::Below, None) => continue,
                (keys, _) => (keys.clone(), KeyForm::AnswerLine, line),
            };
            last = last.max(at);
            let positions = match &keys {
                Keys::Tokens(named) => match self.positions(run_ix, named, at, problems)? {
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
            if answer.overrides {
                override_seen = true;
                said = Some((positions, at, form));
                continue;
            }
            if override_seen {
                continue;
            }
            match &said {
                None => said = Some((positions, at, form)),
                Some((first, _, _)) if *first == positions => {}
                Some((first, first_at, _)) => {
                    let message = Message::AnswersDisagree {
                        line: self.lines[*first_at].no,
                        first: self.names(run_ix, first),
                        second: self.names(run_ix, &positions),
                    };
                    problems.push(self.problem(at, None, message));
                    return Err(Miss::Conflict);
                }
            }
        }
        Ok(said.map(|(answer, at, form)| Said {
            key: Key {
                answer: answer.clone(),
                form,
                lines: key_lines,
                last,
            },
            answer,
            at,
        }))
    }

    /// The strong marks on a run's options, each kind with the options it
    /// marks: stars, `(정답)` tags, highlights, check marks, `> 정답`.
    fn strong_marks(&self, run_ix: usize, stem: &Stem) -> Vec<(KeyForm, Vec<usize>)> {
        let run = &self.runs[run_ix];
        // Highlighting is also plain emphasis: on bullets it is read as the
        // key only under a labelled stem.
        let highlight = if run.scheme == Scheme::Bullet && !stem.labelled {
            Vec::new()
        } else {
            marked(run, |o| o.marks.highlight)
        };
        [
            (KeyForm::Star, marked(run, |o| o.marks.star)),
            (KeyForm::Tag, marked(run, |o| o.marks.tag)),
            (KeyForm::Highlight, highlight),
            (KeyForm::Check, marked(run, |o| o.marks.check)),
            (KeyForm::Quote, marked(run, |o| o.quote_mark)),
        ]
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .collect()
    }

    /// Positions named by answer tokens; `Err` after reporting a token
    /// that names no option, `Ok(None)` for an answer the author was
    /// unsure of.
    pub(super) fn positions(
        &self,
        r: usize,
        t: &Tokens,
        at: usize,
        problems: &mut Vec<Problem>,
    ) -> Result<Option<Vec<usize>>, Miss> {
        let n = self.runs[r].options.len();
        if let Some(bad) = t.list.iter().find(|t| t.index >= n) {
            let message = Message::AnswerNamesNoOption {
                answer: bad.written.clone(),
                range: self.range_names(r),
            };
            problems.push(self.problem(at, Some(&bad.written), message));
            return Err(Miss::Conflict);
        }
        if t.uncertain && !t.corrected {
            let written = &t.list[0].written;
            let message = Message::AnswerUnsure {
                answer: written.clone(),
            };
            problems.push(self.problem(at, Some(written), message));
            return Ok(None);
        }
        let mut p: Vec<usize> = t.list.iter().map(|t| t.index).collect();
        p.sort_unstable();
        p.dedup();
        Ok(Some(p))
    }

    /// The answer lines after run `r`: each line and, for a label alone
    /// (`### 정답`), the line holding the key.
    pub(super) fn answer_block(&self, r: usize) -> Vec<(usize, Option<usize>)> {
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
    pub(super) fn starts_question(&self, j: usize) -> bool {
        self.info[j]
            .stem
            .as_ref()
            .is_some_and(|s| s.form != StemForm::Numbered || question_like(&s.text))
    }
}

/// What the answer lines say: the key, its positions and the line
/// saying it (for a conflict with a mark).
struct Said {
    key: Key,
    answer: Vec<usize>,
    at: usize,
}

/// The options of a run a mark is on; the same mark on every option is
/// decoration, and marks none.
fn marked(run: &Run, has: impl Fn(&Opt) -> bool) -> Vec<usize> {
    let hits: Vec<usize> = (0..run.options.len())
        .filter(|&i| has(&run.options[i]))
        .collect();
    if hits.len() == run.options.len() {
        Vec::new()
    } else {
        hits
    }
}

/// True when only blank lines and explanation labels lie between the
/// last answer line and line `j`.
fn adjacent_to_answer(lines: &[Line<'_>], out: &[(usize, Option<usize>)], j: usize) -> bool {
    let Some(&(a, k)) = out.last() else {
        return false;
    };
    let from = k.unwrap_or(a) + 1;
    (from..j).all(|i| lines[i].is_blank() || explanation_label(&lines[i].plain))
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
        .filter(|&c| is_alphanumeric(c))
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
    pub(super) fn stems_asking_for_several_answers() {
        assert!(asks_for("다음 중 옳은 것을 두 개 고르시오.", 2));
        assert!(asks_for(
            "Which options meet the requirements? (Choose two.)",
            2
        ));
        assert!(asks_for("해당하는 것을 모두 고르시오", 3));
        assert!(!asks_for("다음 중 옳은 것은?", 2));
    }
}
