//! Running a query against the index: filters first, then each word's best
//! match per document (short fields in rank order, then the body scan),
//! then ranking; snippets are made only for the hits returned.
//!
//! Owns combining the words' matches and ranking; a word against short
//! fields is `short_match`'s, the index layout `index`'s, the window
//! arithmetic `snippet`'s.

use std::cmp::Ordering;
use std::sync::Arc;

use memchr::memmem::Finder;

use crate::vault::Tag;

use super::index::{Doc, SearchIndex};
use super::quality::MAX_QUALITY;
use super::query::{Form, Pattern, Query, TermKind};
use super::rank::{Rank, UNPLACED};
use super::scan::TextMatches;
use super::shared::SharedScores;
use super::term::{Scope, TermMatch};
use super::word_memo::Finished;
use super::{Field, Hit, SearchContext};

/// The most a word found only in the text can score: a question match of
/// the best quality, below any short field's weight.
const TEXT_CEILING: i64 = Field::Question.weight() + MAX_QUALITY;

/// The query split into what filters and what matches.
pub(super) struct Plan<'q> {
    pub positives: Vec<(Scope, &'q Pattern)>,
    pub negatives: Vec<(Scope, &'q Pattern)>,
    pub tags: Vec<(bool, &'q Tag)>,
    pub has_question: Option<bool>,
    pub wrong: Option<bool>,
    pub due: Option<bool>,
    /// The last positive term may still be being typed.
    pub typing: bool,
}

impl<'q> Plan<'q> {
    /// True when some documents may be turned away before their words
    /// are matched: a tag, `has:`, `is:` or negative term.
    fn filters(&self) -> bool {
        !self.negatives.is_empty()
            || !self.tags.is_empty()
            || self.has_question.is_some()
            || self.wrong.is_some()
            || self.due.is_some()
    }

    pub(super) fn new(query: &'q Query) -> Self {
        let mut plan = Plan {
            positives: Vec::new(),
            negatives: Vec::new(),
            tags: Vec::new(),
            has_question: None,
            wrong: None,
            due: None,
            typing: query.typing,
        };
        for term in &query.terms {
            let want = !term.negated;
            let matcher = match &term.kind {
                TermKind::Word(p) => Some((Scope::Word, p)),
                TermKind::Phrase(p) => Some((Scope::Phrase, p)),
                TermKind::Title(p) => Some((Scope::Only(Field::Title), p)),
                TermKind::Alias(p) => Some((Scope::Only(Field::Alias), p)),
                TermKind::Tag(t) => {
                    plan.tags.push((want, t));
                    None
                }
                TermKind::HasQuestion => {
                    plan.has_question = Some(want);
                    None
                }
                TermKind::IsWrong => {
                    plan.wrong = Some(want);
                    None
                }
                TermKind::IsDue => {
                    plan.due = Some(want);
                    None
                }
            };
            match matcher {
                Some(m) if want => plan.positives.push(m),
                Some(m) => plan.negatives.push(m),
                None => {}
            }
        }
        plan
    }
}

/// A matching document as the ranking needs it: 16 bytes, as a keystroke
/// at 100,000 notes ranks nearly as many. Its best match is worked out
/// again for the few that become hits ([`SearchIndex::doc_match`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub score: i64,
    pub doc: u32,
    /// Its place by sort key, or [`UNPLACED`].
    pub place: u32,
}

/// What matching a query's terms in any document needs, made once per
/// query: each word's text matches, the finished words' short-field
/// matches, the negative terms' finders.
pub(super) struct Matching<'p, 'q> {
    pub plan: &'p Plan<'q>,
    ctx: &'p SearchContext<'p>,
    /// Each positive term's text matches by document, for a word or
    /// phrase not finished.
    pub tables: Vec<Option<Arc<TextMatches>>>,
    neg_finders: Vec<Finder<'q>>,
    /// Each positive term's remembered matches, once finished (see
    /// `word_memo`).
    pub finished: Vec<Option<Finished>>,
    /// Whether the query has filters (see [`Plan::filters`]).
    pub filters: bool,
}

impl SearchIndex {
    /// Runs a query and returns at most `limit` hits, best first. An empty
    /// query lists every note by title.
    pub fn search(&self, query: &Query, ctx: &SearchContext<'_>, limit: usize) -> Vec<Hit> {
        self.search_counted(query, ctx, limit).0
    }

    /// Like [`SearchIndex::search`], and how many documents match in all
    /// (more than the hits returned when `limit` cut them).
    pub fn search_counted(
        &self,
        query: &Query,
        ctx: &SearchContext<'_>,
        limit: usize,
    ) -> (Vec<Hit>, usize) {
        if limit == 0 {
            return (Vec::new(), 0);
        }
        let plan = Plan::new(query);
        let matching = self.matching(&plan, ctx);
        // A large index scores the word being typed in full, and
        // attributes text matches, only where a document could reach the
        // hits (see `bounded`).
        let open = Self::open_terms(&matching);
        let (mut cands, total) = if open.len() <= 1 && self.docs.len() >= self.split_from {
            self.bounded_candidates(&matching, open.first().copied(), limit)
        } else {
            let cands = self.candidates(&matching);
            let total = cands.len();
            (cands, total)
        };
        let rank = |c: &Candidate| {
            let d = c.doc as usize;
            Rank::new(c.score, &self.docs[d].sort_key, d)
        };
        // The score is the rank's first key, then the sort key and the
        // document's place, which the title order holds as one number for
        // every document not replaced since the build.
        let cmp = |a: &Candidate, b: &Candidate| -> Ordering {
            b.score.cmp(&a.score).then_with(|| {
                if a.place == UNPLACED || b.place == UNPLACED {
                    rank(a).cmp(&rank(b))
                } else {
                    a.place.cmp(&b.place)
                }
            })
        };
        if cands.len() > limit {
            cands.select_nth_unstable_by(limit - 1, cmp);
            cands.truncate(limit);
        }
        cands.sort_unstable_by(cmp);
        let hits = self.hits_of(&cands, &matching);
        (hits, total)
    }

    /// The document's hit when it matches and `worth` accepts its score
    /// and sort key: for an index of one document (see `NoteSieve`),
    /// where most matches are not worth the snippet.
    pub(super) fn only_hit(
        &self,
        query: &Query,
        ctx: &SearchContext<'_>,
        worth: impl FnOnce(i64, &str) -> bool,
    ) -> Option<Hit> {
        let plan = Plan::new(query);
        let matching = self.matching(&plan, ctx);
        let c = self.candidates(&matching).into_iter().next()?;
        worth(c.score, &self.docs[c.doc as usize].sort_key)
            .then(|| self.hits_of(&[c], &matching).pop())
            .flatten()
    }

    /// The highest score the index's one document could reach, known from
    /// its short fields alone: a word they match scores what they give
    /// (the text is not looked at then), any other word at most
    /// [`TEXT_CEILING`]. `None` when the document cannot be a hit at all
    /// (a tag filter, or a `title:`/`alias:` term its fields do not match).
    pub(super) fn ceiling(&self, query: &Query) -> Option<i64> {
        let plan = Plan::new(query);
        let doc = self.docs.first()?;
        let tagged = |t: &Tag| doc.tags.iter().any(|dt| dt.matches(t));
        if !plan.tags.iter().all(|&(want, t)| tagged(t) == want) {
            return None;
        }
        let mut total = 0;
        for &(scope, p) in &plan.positives {
            total += match (self.best_match(0, scope, p, None, None), scope) {
                (Some(m), _) => m.score,
                (None, Scope::Only(_)) => return None,
                (None, _) => TEXT_CEILING,
            };
        }
        Some(total)
    }

    /// The lowest [`SearchIndex::ceiling`] any document can have for a
    /// query: every word left to the text.
    pub(super) fn least_ceiling(query: &Query) -> i64 {
        let plan = Plan::new(query);
        let words = plan
            .positives
            .iter()
            .filter(|(scope, _)| !matches!(scope, Scope::Only(_)))
            .count();
        TEXT_CEILING * i64::try_from(words).unwrap_or(i64::MAX / TEXT_CEILING)
    }

    /// The hits of some candidates, in their order: each one's best
    /// match found again, and its snippet made.
    fn hits_of(&self, cands: &[Candidate], m: &Matching<'_, '_>) -> Vec<Hit> {
        let mut shared = SharedScores::new(m.plan.positives.len(), self.shared_texts);
        cands
            .iter()
            .map(|c| {
                let best = self
                    .doc_match(m, c.doc as usize, &mut shared)
                    .and_then(|(_, best)| best);
                self.hit(c, best, m.plan, m.ctx)
            })
            .collect()
    }

    /// What matching `plan`'s terms in any document needs.
    pub(super) fn matching<'p, 'q>(
        &self,
        plan: &'p Plan<'q>,
        ctx: &'p SearchContext<'p>,
    ) -> Matching<'p, 'q> {
        let neg_finders = plan
            .negatives
            .iter()
            .map(|&(_, p)| self.finder(&p.folded))
            .collect();
        // The words before the last, and the last once a space follows
        // it, are finished: their field matches are remembered for the
        // next keystroke (see `word_memo`), in an index large enough to
        // split its work.
        let last = if plan.typing {
            plan.positives.len().saturating_sub(1)
        } else {
            plan.positives.len()
        };
        let (finished, tables) = plan
            .positives
            .iter()
            .enumerate()
            .map(|(t, &(scope, p))| {
                if t < last && self.docs.len() >= self.split_from {
                    (Some(self.finished_word(scope, p)), None)
                } else {
                    let text = matches!(scope, Scope::Word | Scope::Phrase)
                        .then(|| Arc::new(self.scan(p)));
                    (None, text)
                }
            })
            .unzip();
        Matching {
            plan,
            ctx,
            tables,
            neg_finders,
            finished,
            filters: plan.filters(),
        }
    }

    /// Every document that passes the filters and matches every positive
    /// term, with its score; the documents in parts (see `parts`).
    fn candidates(&self, m: &Matching<'_, '_>) -> Vec<Candidate> {
        self.in_parts(self.docs.len(), |docs| {
            let mut shared = SharedScores::new(m.plan.positives.len(), self.shared_texts);
            docs.filter_map(|d| {
                let (score, _) = self.doc_match(m, d, &mut shared)?;
                Some(Candidate {
                    score,
                    doc: u32::try_from(d).unwrap_or(u32::MAX),
                    place: self.title_order.get(d).copied().unwrap_or(UNPLACED),
                })
            })
            .collect()
        })
    }

    /// Document `d`'s score and best match, when it passes the filters and
    /// matches every positive term. `shared` remembers the terms' quality
    /// in fields many documents share.
    fn doc_match(
        &self,
        m: &Matching<'_, '_>,
        d: usize,
        shared: &mut SharedScores,
    ) -> Option<(i64, Option<TermMatch>)> {
        // A query without filters reads the document itself (a cache
        // miss a document at 100,000 notes) only to attribute a text
        // match (see `scan::TextMatches`): its masks, fields and text
        // matches are kept apart.
        if m.filters && !self.passes(m, d) {
            return None;
        }
        self.doc_score(m, d, shared)
    }

    /// [`SearchIndex::doc_match`] of a document known to pass the filters.
    pub(super) fn doc_score(
        &self,
        m: &Matching<'_, '_>,
        d: usize,
        shared: &mut SharedScores,
    ) -> Option<(i64, Option<TermMatch>)> {
        let mut score = 0;
        let mut best: Option<TermMatch> = None;
        for (t, &(scope, p)) in m.plan.positives.iter().enumerate() {
            let table = m.tables[t].as_deref();
            let found = match &m.finished[t] {
                Some(word) => self.finished_match(word, d),
                None => self.best_match(d, scope, p, table, Some((&mut *shared, t))),
            }?;
            score += found.score;
            if best.is_none_or(|b| (found.field, -found.score) < (b.field, -b.score)) {
                best = Some(found);
            }
        }
        Some((score, best))
    }

    /// True when document `d` passes the query's filters and no negative
    /// term excludes it.
    pub(super) fn passes(&self, m: &Matching<'_, '_>, d: usize) -> bool {
        let doc = &self.docs[d];
        self.passes_filters(doc, m.plan, m.ctx) && !self.excluded(doc, m.plan, &m.neg_finders)
    }

    fn passes_filters(&self, doc: &Doc, plan: &Plan<'_>, ctx: &SearchContext<'_>) -> bool {
        let tagged = |t: &Tag| doc.tags.iter().any(|dt| dt.matches(t));
        if !plan.tags.iter().all(|&(want, t)| tagged(t) == want) {
            return false;
        }
        if plan
            .has_question
            .is_some_and(|want| doc.questions.is_empty() == want)
        {
            return false;
        }
        let any_in = |set: &std::collections::HashSet<_>| {
            self.question_ids_of(doc).any(|id| set.contains(id))
        };
        !(plan.wrong.is_some_and(|want| any_in(ctx.wrong) != want)
            || plan.due.is_some_and(|want| any_in(ctx.due) != want))
    }

    /// True when a `-word`, `-"phrase"`, `-title:` or `-alias:` term
    /// matches: words and phrases as plain substrings anywhere (or by
    /// 초성 in short fields), field terms as they would match positively.
    fn excluded(&self, doc: &Doc, plan: &Plan<'_>, finders: &[Finder<'_>]) -> bool {
        plan.negatives
            .iter()
            .zip(finders)
            .any(|(&(scope, p), finder)| {
                if let Scope::Only(field) = scope {
                    return self
                        .doc_shorts(doc)
                        .any(|s| s.field == field && self.score_short(&s, p).is_some());
                }
                let in_short = self.doc_shorts(doc).any(|s| {
                    p.variants.iter().any(|v| match v.form {
                        Form::Plain => s.folded.contains(&v.text),
                        Form::Choseong if v.exact.is_empty() => {
                            s.choseong.is_some_and(|c| c.contains(&v.text))
                        }
                        _ => false,
                    })
                });
                in_short
                    || finder
                        .find(self.folded_at(doc.text.clone()).as_bytes())
                        .is_some()
            })
    }

    /// The best match of one positive term in one document: the best short
    /// field of the best-ranked kind that matches, else the text match.
    /// `shared` remembers the term's quality in fields many documents share
    /// (the term's number among the query's positive terms beside it).
    fn best_match(
        &self,
        d: usize,
        scope: Scope,
        p: &Pattern,
        table: Option<&TextMatches>,
        shared: Option<(&mut SharedScores, usize)>,
    ) -> Option<TermMatch> {
        self.best_short(d, scope, p, shared)
            .or_else(|| self.text_match(table, d))
    }

    /// A term's match in document `d`'s text, from the term's scan table,
    /// attributed to a question or the body (see `scan::TextMatches`).
    pub(super) fn text_match(&self, table: Option<&TextMatches>, d: usize) -> Option<TermMatch> {
        self.text_found(table?, d)
    }
}
