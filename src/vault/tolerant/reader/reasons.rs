//! Why a run or a line was not read, for `check --explain`, and the
//! problems reported with a line and column.

use crate::vault::question::clip;
use crate::vault::tolerant::keys::{AnswerLine, Keys};
use crate::vault::tolerant::options::Opt;
use crate::vault::tolerant::{Problem, Unread, inline, labels};

use super::{Miss, Reader};
use crate::vault::message::Message;
use crate::vault::tolerant::KeyForm;

impl Reader<'_, '_> {
    pub(super) fn miss(&mut self, r: usize, miss: &Miss) {
        if !self.explain {
            return;
        }
        let run = &self.runs[r];
        let (a, b) = (self.lines[run.start].no, self.lines[run.end].no);
        let why = match miss {
            Miss::NoStem => Message::WhyNoStem { from: a, to: b },
            Miss::NoKey => Message::WhyNoKey { from: a, to: b },
            Miss::Questions => Message::WhyQuestions { from: a, to: b },
            Miss::Conflict => Message::WhyConflict { from: a, to: b },
        };
        let every = |f: fn(&Opt) -> bool| run.options.iter().all(f);
        let decoration = if every(|o| o.marks.star) {
            Some(KeyForm::Star)
        } else if every(|o| o.marks.check) {
            Some(KeyForm::Check)
        } else if every(|o| o.marks.tag) {
            Some(KeyForm::Tag)
        } else {
            None
        };
        let mut marked: Vec<(usize, Message)> = Vec::new();
        for o in &run.options {
            let why = if o.marks.pick {
                Message::WhyOwnPickIn {
                    why: Box::new(why.clone()),
                }
            } else if o.marks.star
                || o.marks.tag
                || o.marks.highlight
                || o.marks.check
                || o.quote_mark
            {
                match decoration {
                    Some(mark) => Message::WhyEveryOptionMarked {
                        from: a,
                        to: b,
                        mark,
                    },
                    None => why.clone(),
                }
            } else {
                continue;
            };
            marked.push((o.line, why));
        }
        for (i, _) in self.answer_block(r) {
            // An answer that spells out no option says so; the others
            // share the run's reason.
            let why = match &self.info[i].answer {
                Some(AnswerLine {
                    keys: Keys::Text(t),
                    ..
                }) => Message::WhyAnswerNamesNone {
                    from: a,
                    to: b,
                    answer: clip(t),
                },
                _ => why.clone(),
            };
            marked.push((i, why));
        }
        for (i, why) in marked {
            self.unread(i, why);
        }
    }

    pub(super) fn unread(&mut self, i: usize, why: Message) {
        if self.explained[i] {
            return;
        }
        self.explained[i] = true;
        self.out.unread.push(Unread {
            line: self.lines[i].no,
            why,
            answer: self.info[i].answer.is_some(),
        });
    }

    /// Reasons for answer-like lines and marks no question explains.
    pub(super) fn explain_leftovers(&mut self) {
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
        for (i, near) in previous.iter().map(Option::is_some).enumerate() {
            let inf = &self.info[i];
            if inf.owner.is_some() || self.explained[i] {
                continue;
            }
            let why = if inf.pick {
                Message::WhyOwnPick
            } else if let Some(a) = &inf.answer {
                match &a.keys {
                    Keys::Text(t) if near => Message::WhyNamesNoLabel { answer: clip(t) },
                    _ if near => Message::WhyTooFar,
                    _ => Message::WhyNoOptionsAbove,
                }
            } else if inf.run.is_none()
                && !self.lines[i].is_blank()
                && inline::has_key_mark(self.lines[i].content)
            {
                Message::WhyStrayMark
            } else {
                continue;
            };
            self.unread(i, why);
        }
        self.out.unread.sort_by_key(|u| u.line);
    }

    /// Option names for messages: their labels, or positions for bullets.
    pub(super) fn names(&self, r: usize, positions: &[usize]) -> String {
        let run = &self.runs[r];
        let names: Vec<String> = positions
            .iter()
            .map(|&p| match run.options.get(p) {
                Some(o) if !o.label.is_empty() => labels::short(&o.label).to_owned(),
                _ => format!("#{}", p + 1),
            })
            .collect();
        names.join(", ")
    }

    pub(super) fn range_names(&self, r: usize) -> String {
        let n = self.runs[r].options.len();
        format!("{}–{}", self.names(r, &[0]), self.names(r, &[n - 1]))
    }

    /// A problem at line `i`, pointing at `needle` in it when given.
    pub(super) fn problem(&self, i: usize, needle: Option<&str>, message: Message) -> Problem {
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
