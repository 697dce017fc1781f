//! Searching one note at a time, by indexing it alone: what a search
//! streamed as a vault loads runs on each note.
//!
//! Owns the one-note search; keeping the best hits is `streamed`'s.

use std::collections::HashSet;
use std::sync::Arc;

use crate::vault::Note;

use super::index::SearchIndex;
use super::matcher::SkimScorer;
use super::query::{Query, TermKind};
use super::{Hit, SearchContext};

/// Searches notes one at a time, by indexing each alone: the same matching
/// and the same hit as the whole index gives (a document's matches, score
/// and snippet depend on that document only).
pub struct NoteSieve {
    index: SearchIndex,
    query: Arc<Query>,
    /// The least any note could score from its short fields and text.
    least_ceiling: i64,
}

impl NoteSieve {
    /// A sieve for `query`, or `None` when the query needs what a single
    /// note does not know: the progress store (`is:`) or the note's
    /// questions (`has:`).
    pub fn new(query: Arc<Query>) -> Option<NoteSieve> {
        NoteSieve::applies(&query).then(|| {
            let mut index = SearchIndex::empty(Box::new(SkimScorer::new()));
            // A query matched by no initial consonants reads no field's
            // 초성 form: each note's are not made.
            index.choseong_fields = query.uses_choseong();
            // Its fields are cleared for each note: a tag's text is
            // never stored once for many.
            index.shorts = super::short::Shorts::apart();
            NoteSieve {
                index,
                least_ceiling: SearchIndex::least_ceiling(&query),
                query,
            }
        })
    }

    /// True when `query` can be searched note by note: it asks nothing of
    /// the progress store (`is:`) or of the notes' questions (`has:`).
    pub fn applies(query: &Query) -> bool {
        !query.terms.iter().any(|t| {
            matches!(
                t.kind,
                TermKind::HasQuestion | TermKind::IsWrong | TermKind::IsDue
            )
        })
    }

    /// The note's hit for the query, if it is one and `worth` accepts its
    /// score and sort key (so a hit that would not be shown costs no
    /// snippet). Its `note` is not yet known (see [`super::StreamedSearch`]).
    ///
    /// Once `worth` turns down what a note could score from its text
    /// alone, a note is first judged by its short fields: one whose fields
    /// cannot lift it high enough is turned down without its text being
    /// folded or scanned, which is most notes of a common word.
    pub fn hit(&mut self, note: &Note, worth: impl Fn(i64, &str) -> bool) -> Option<Hit> {
        if !self.may_rank(note, &worth) {
            return None;
        }
        self.index.hold_text(note);
        let nothing = HashSet::new();
        let ctx = SearchContext {
            wrong: &nothing,
            due: &nothing,
        };
        let mut hit = self.index.only_hit(&self.query, &ctx, worth)?;
        hit.note = None;
        Some(hit)
    }

    /// False when the note's short fields (title, aliases, tags, heading)
    /// cannot lift it to a score `worth` accepts, whatever its text holds:
    /// then [`NoteSieve::hit`] is `None`. Asks nothing of the note's body,
    /// so a note's card (`Depth::Card`) is judged as the note itself is.
    pub fn may_rank(&mut self, note: &Note, worth: impl Fn(i64, &str) -> bool) -> bool {
        self.index.hold_outline(note);
        let key = self.index.sort_key();
        worth(self.least_ceiling, key)
            || self
                .index
                .ceiling(&self.query)
                .is_some_and(|most| worth(most, key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Vault;

    fn note(title: &str, body: &str) -> Note {
        Note {
            title: title.into(),
            body: body.into(),
            body_line: 5,
            ..Note::default()
        }
    }

    #[test]
    fn admits_exactly_the_notes_the_whole_index_finds() {
        let notes = vec![
            note("스팟 인스턴스", "## 설명\n\n중단 2분 전 알림\n"),
            note("온디맨드", "## 설명\n\nEMR 코어 노드에는 온디맨드\n"),
            note("EMR 노드", "## 설명\n\n태스크 노드는 스팟으로\n"),
            note("Savings Plans", "## 설명\n\n약정 할인\n"),
        ];
        let vault = Vault {
            notes: notes.clone(),
            ..Vault::default()
        };
        let whole = SearchIndex::build(&vault);
        let none = HashSet::new();
        let ctx = SearchContext {
            wrong: &none,
            due: &none,
        };
        for q in [
            "ㅅㅍ",
            "스팟",
            "tmvkt",
            "emr -스팟",
            "노드 -title:emr",
            "\"2분 전\"",
            "온디맨드 emr",
            "",
            "-약정",
            "없는말",
        ] {
            let query = Arc::new(Query::parse(q));
            let mut sieve = NoteSieve::new(Arc::clone(&query)).expect("a plain query");
            let admitted: Vec<&str> = notes
                .iter()
                .filter(|n| sieve.hit(n, |_, _| true).is_some())
                .map(|n| &*n.title)
                .collect();
            let mut found: Vec<&str> = whole
                .search(&query, &ctx, 50)
                .into_iter()
                .map(|h| &*notes[h.note.expect("a note").0].title)
                .collect();
            found.sort_by_key(|t| notes.iter().position(|n| &*n.title == *t));
            assert_eq!(admitted, found, "{q}");
        }
    }

    /// The sieve's index holds one note at a time: its lists of question
    /// parts and questions do not grow with the notes sifted.
    #[test]
    fn the_sieve_holds_the_question_parts_of_one_note_at_a_time() {
        let (_dir, vault) = crate::search::replace::tests::generated_vault(5);
        let mut sieve = NoteSieve::new(Arc::new(Query::parse("스팟"))).expect("a plain query");
        let mut most = 0;
        for n in &vault.notes {
            let _ = sieve.hit(n, |_, _| true);
            let questions = n
                .sections
                .iter()
                .filter(|s| s.kind == crate::vault::SectionKind::Questions);
            assert!(
                sieve.index.regions.len() <= questions.count(),
                "{}",
                n.title
            );
            assert!(
                sieve.index.doc_questions.len() <= n.questions.len(),
                "{}",
                n.title
            );
            most = most.max(sieve.index.regions.len());
        }
        assert!(most > 0, "notes with question parts were sifted");
    }

    #[test]
    fn queries_about_questions_or_progress_cannot_be_sifted() {
        for q in ["has:question", "스팟 is:wrong", "-is:due"] {
            assert!(NoteSieve::new(Arc::new(Query::parse(q))).is_none(), "{q}");
        }
    }
}
