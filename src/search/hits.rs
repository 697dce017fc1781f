//! Turning ranked candidates into hits: which field to show, the snippet
//! around the match and the character ranges to highlight. Runs only for
//! the hits returned, so its cost does not grow with the vault.
//!
//! Owns presentation of a match; finding matches is in `engine`.

use std::ops::Range;

use crate::vault::{QuestionIx, Tag};

use super::engine::{Candidate, Plan};
use super::index::{Doc, SearchIndex};
use super::matcher::char_indices_to_byte_ranges;
use super::quality::haystack;
use super::query::{Form, Pattern};
use super::short::ShortField;
use super::short_match::Shape;
use super::snippet::{SNIPPET_WIDTH, cut, line_around};
use super::term::{Loc, Scope, TermMatch};
use super::{Field, Hit, SearchContext};

impl SearchIndex {
    /// Byte ranges of a word's best form in a short field, for
    /// highlighting. The folded and 초성 forms keep the field's byte
    /// offsets, so the ranges hold for the text as written.
    pub(super) fn short_ranges(&self, s: &ShortField, p: &Pattern) -> Vec<Range<usize>> {
        let Some((_, vi)) = self.score_short(s, p) else {
            return Vec::new();
        };
        let v = &p.variants[vi];
        match self.score_variant(s, v) {
            Some((_, Shape::Contiguous(at))) => std::iter::once(at..at + v.text.len()).collect(),
            Some((_, Shape::Fuzzy(ix))) => haystack(s, v)
                .map_or_else(Vec::new, |(hay, _)| char_indices_to_byte_ranges(hay, &ix)),
            None => Vec::new(),
        }
    }

    pub(super) fn hit(
        &self,
        c: &Candidate,
        best: Option<TermMatch>,
        plan: &Plan<'_>,
        ctx: &SearchContext<'_>,
    ) -> Hit {
        let d = c.doc as usize;
        let doc = &self.docs[d];
        let mut hit = match best {
            Some(m) => self.match_hit(doc, d, m, plan),
            None => self.filter_hit(doc, plan),
        };
        hit.score = c.score;
        if hit.question.is_none() {
            let wanted = |set: &std::collections::HashSet<_>, on: Option<bool>| {
                on == Some(true) && self.question_ids_of(doc).any(|id| set.contains(id))
            };
            if wanted(ctx.wrong, plan.wrong) || wanted(ctx.due, plan.due) {
                hit.question = (0..doc.questions.len())
                    .find(|&k| {
                        let id = self.question_id(doc, k);
                        ctx.wrong.contains(id) || ctx.due.contains(id)
                    })
                    .map(|k| self.question_now(doc, self.questions_of(doc)[k]));
            }
        }
        hit
    }

    fn match_hit(&self, doc: &Doc, d: usize, m: TermMatch, plan: &Plan<'_>) -> Hit {
        match m.loc {
            Loc::Short(si) => {
                let s = self.short(si);
                let mut ranges = Vec::new();
                for &(scope, p) in &plan.positives {
                    let found = self.short_ranges(&s, p);
                    if found.is_empty()
                        && scope == Scope::Phrase
                        && let Some(at) = s.folded.find(&p.folded)
                    {
                        ranges.push(at..at + p.folded.len());
                    }
                    ranges.extend(found);
                }
                ranges.sort_by_key(|r| r.start);
                let focus = ranges.first().cloned().unwrap_or(0..0);
                let (snippet, ranges) = cut(s.text, focus, &ranges, SNIPPET_WIDTH);
                make_hit(self, doc, m.field, s.line, snippet, ranges, None)
            }
            Loc::Text(from_start) => {
                let base = doc.text.start;
                let at = base + from_start;
                let line = line_around(self.folded_at(doc.text.clone()), from_start);
                let (lo, hi) = (base + line.start, base + line.end);
                let folded_line = self.folded_at(lo..hi);
                let mut ranges = Vec::new();
                // The line's 초성 form has the same byte offsets.
                let choseong_line = std::cell::OnceCell::new();
                for &(scope, p) in &plan.positives {
                    if matches!(scope, Scope::Only(_)) {
                        continue;
                    }
                    for v in &p.variants {
                        let hay = match v.form {
                            Form::Plain | Form::Layout => folded_line,
                            Form::Choseong if v.exact.is_empty() && v.chars >= 2 => choseong_line
                                .get_or_init(|| super::hangul::choseong_form(folded_line))
                                .as_str(),
                            _ => continue,
                        };
                        ranges.extend(
                            hay.match_indices(v.text.as_str())
                                .map(|(i, t)| i..i + t.len()),
                        );
                    }
                }
                let focus = at - lo..at - lo;
                let (snippet, ranges) = cut(&self.original(lo..hi), focus, &ranges, SNIPPET_WIDTH);
                let line_no = self.line_at(d, at);
                let question = (m.field == Field::Question)
                    .then(|| {
                        self.bank_question(doc)
                            .or_else(|| self.question_on(doc, line_no))
                    })
                    .flatten();
                make_hit(self, doc, m.field, line_no, snippet, ranges, question)
            }
        }
    }

    /// A hit for a document matched by filters alone: its matching tag, or
    /// its title.
    fn filter_hit(&self, doc: &Doc, plan: &Plan<'_>) -> Hit {
        let tag = self.doc_shorts(doc).find(|s| {
            s.field == Field::Tag
                && plan
                    .tags
                    .iter()
                    .any(|&(want, t)| want && Tag::parse(s.text).is_some_and(|st| st.matches(t)))
        });
        let s = tag.or_else(|| self.doc_shorts(doc).find(|s| s.field == Field::Title));
        match s {
            Some(s) => {
                let ranges = if tag.is_some() {
                    std::iter::once(0..s.text.chars().count()).collect()
                } else {
                    Vec::new()
                };
                make_hit(self, doc, s.field, s.line, s.text.to_owned(), ranges, None)
            }
            None => make_hit(
                self,
                doc,
                Field::Title,
                doc.text_line,
                doc.title.to_string(),
                Vec::new(),
                None,
            ),
        }
    }

    /// The bank question a document is, numbered as the vault is now.
    fn bank_question(&self, doc: &Doc) -> Option<QuestionIx> {
        doc.bank_question.map(|q| self.question_now(doc, q))
    }

    /// The question of a note whose text holds a file line: the last one
    /// starting at or before it.
    fn question_on(&self, doc: &Doc, line: usize) -> Option<QuestionIx> {
        let n = doc.questions.len();
        let k = (0..n)
            .rev()
            .find(|&k| self.question_line(doc, k) <= line)
            .or((n > 0).then_some(0))?;
        Some(self.question_now(doc, self.questions_of(doc)[k]))
    }
}

fn make_hit(
    index: &SearchIndex,
    doc: &Doc,
    field: Field,
    line: usize,
    snippet: String,
    ranges: Vec<Range<usize>>,
    question: Option<QuestionIx>,
) -> Hit {
    Hit {
        note: doc.note,
        question: question.or(index.bank_question(doc)),
        path: doc.path.to_string(),
        title: doc.title.to_string(),
        heading: doc.heading.as_deref().map(str::to_owned),
        field,
        line,
        score: 0,
        snippet,
        ranges,
    }
}
