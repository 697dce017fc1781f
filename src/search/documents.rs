//! How a note or a bank question becomes a document of the index: its
//! short fields (title, aliases, tags, heading), its record, which shares
//! the vault's strings where normalising changes nothing, and its text in
//! the index's own buffer when the index keeps one (a one-note index, the
//! simple path of `doc_text`).
//!
//! Owns adding documents; the index's layout is `index`'s, which text a
//! document is scanned in is `doc_text`'s.

use std::ops::Range;
use std::sync::Arc;

use crate::text::fold::fold;
use crate::text::nfc;
use crate::vault::{Note, NoteIx, QuestionIx, SectionKind, Vault};

use super::Field;
use super::byte_rank::ByteRank;
use super::index::{Doc, Region, SEPARATOR, SearchIndex, append};

impl SearchIndex {
    /// Makes this index hold only `note`'s short fields (title, aliases,
    /// tags, heading), with no text yet: enough to tell how high the note
    /// could score (see `ceiling`). [`SearchIndex::hold_text`] adds the rest.
    /// `note` holds its own body, as a note being loaded does.
    pub(super) fn hold_outline(&mut self, note: &Note) {
        self.docs.clear();
        self.shorts.clear();
        self.short_masks.clear();
        Arc::make_mut(&mut self.text).folded.clear();
        self.starts.clear();
        self.regions.clear();
        self.doc_questions.clear();
        self.forget_recent_scans();
        let body = note.body.own().unwrap_or_default();
        self.add_note_fields(note, NoteIx(0), heading_line(note, body), 0);
    }

    /// The sort key of the first document (the one a one-note index
    /// holds): its folded title.
    pub(super) fn sort_key(&self) -> &str {
        self.docs.first().map_or("", |d| &*d.sort_key)
    }

    /// Adds the text of the note [`SearchIndex::hold_outline`] holds, so
    /// the index holds that note whole. The byte ranks are counted on the
    /// first note and kept: they steer the speed of a substring search,
    /// never its result.
    pub(super) fn hold_text(&mut self, note: &Note) {
        self.add_note_text(note, note.body.own().unwrap_or_default());
        let text = Arc::make_mut(&mut self.text);
        // A copy of one note is cheaper than recording what folding
        // changes, and its buffer serves the next note.
        let copy = match std::mem::take(&mut text.originals) {
            crate::text::fold::Originals::Copy(buffer) => buffer,
            crate::text::fold::Originals::Changes { .. } => String::new(),
        };
        text.originals = crate::text::fold::fold_keeping_copy(&mut text.folded, copy);
        if self.rank.0 == [0; 256] {
            self.rank = ByteRank::of(self.text.folded.as_bytes());
        }
    }

    /// Adds a note whose body is `body`, copying the body into this
    /// index's own text (folded later, by the caller).
    pub(super) fn add_note(&mut self, note: &Note, body: &str, nix: NoteIx) {
        let start = self.text.folded.len();
        self.add_note_fields(note, nix, heading_line(note, body), start);
        self.add_note_text(note, body);
    }

    /// A document for the note, with its short fields, its text still
    /// empty, starting at byte `start` of the text.
    pub(super) fn add_note_fields(
        &mut self,
        note: &Note,
        nix: NoteIx,
        heading_line: usize,
        start: usize,
    ) {
        let title_line = if note.heading.as_deref() == Some(&*note.title) {
            heading_line
        } else {
            1
        };
        let first = self.shorts.len();
        self.push_short(Field::Title, &note.title, title_line);
        for a in note.aliases.iter() {
            self.push_short(Field::Alias, a, 1);
        }
        for t in note.tags.iter() {
            self.push_short(Field::Tag, t.as_str(), 1);
        }
        if let Some(h) = &note.heading {
            self.push_short(Field::Heading, h, heading_line);
        }
        let title = nfc_shared(&note.title);
        self.starts.push(start);
        let questions = append(&mut self.doc_questions, note.questions.iter().copied());
        self.docs.push(Doc {
            note: Some(nix),
            bank_question: None,
            path: Arc::clone(&note.path),
            sort_key: folded_shared(&title),
            title,
            heading: note.heading.as_ref().map(nfc_shared),
            tags: note.tags.clone(),
            questions,
            shorts: first..self.shorts.len(),
            text: start..start,
            regions: 0..0,
            text_line: note.body_line,
            epoch: 0,
            own_questions: None,
        });
    }

    /// The note's body as the text of the last document, copied to the
    /// end of this index's own text.
    fn add_note_text(&mut self, note: &Note, body: &str) {
        let folded = &mut Arc::make_mut(&mut self.text).folded;
        let start = folded.len();
        // The loader already NFC-normalised the body (see `Note::body`);
        // copying it as is keeps section offsets valid and saves a pass.
        folded.push_str(body);
        folded.push(SEPARATOR);
        self.set_note_text(note, start..start + body.len());
    }

    /// Makes bytes `text` of the text the last document's, with the
    /// note's question sections as its question parts.
    pub(super) fn set_note_text(&mut self, note: &Note, text: Range<usize>) {
        let len = text.len();
        let at = |i: usize| u32::try_from(i.min(len)).unwrap_or(u32::MAX);
        let regions = append(
            &mut self.regions,
            note.sections
                .iter()
                .filter(|s| s.kind == SectionKind::Questions)
                .map(|s| Region {
                    start: at(s.span().start),
                    end: at(s.span().end),
                }),
        );
        if let Some(doc) = self.docs.last_mut() {
            doc.text = text;
            doc.regions = regions;
        }
    }

    /// Adds a bank question, copying its text to the end of this index's
    /// own text.
    pub(super) fn add_bank_question(&mut self, vault: &Vault, qix: QuestionIx, bank: usize) {
        let folded = &mut Arc::make_mut(&mut self.text).folded;
        let start = folded.len();
        folded.push_str(&crate::vault::model::bank_text(vault.question(qix)));
        let text = start..folded.len();
        folded.push(SEPARATOR);
        self.add_bank_fields(vault, qix, bank, text);
    }

    /// A document for a bank question whose text is bytes `text`.
    pub(super) fn add_bank_fields(
        &mut self,
        vault: &Vault,
        qix: QuestionIx,
        bank: usize,
        text: Range<usize>,
    ) {
        let q = vault.question(qix);
        let first = self.shorts.len();
        for t in q.tags.iter() {
            self.push_short(Field::Tag, t.as_str(), q.line);
        }
        let stem = q.stem.text();
        let title = match &q.note_title {
            Some(t) => nfc_shared(t),
            None => nfc(&stem).into(),
        };
        let heading = q
            .note
            .and_then(|n| vault.note(n).heading.as_ref())
            .map(nfc_shared);
        self.starts.push(text.start);
        let regions = append(
            &mut self.regions,
            [Region {
                start: 0,
                end: u32::try_from(text.len()).unwrap_or(u32::MAX),
            }],
        );
        let questions = append(&mut self.doc_questions, [qix]);
        self.docs.push(Doc {
            note: q.note,
            bank_question: Some(qix),
            path: vault
                .banks
                .get(bank)
                .map(|b| Arc::from(b.path.as_str()))
                .unwrap_or_default(),
            sort_key: folded_shared(&title),
            title,
            heading,
            tags: q.tags.clone(),
            questions,
            shorts: first..self.shorts.len(),
            regions,
            text,
            text_line: q.line,
            epoch: 0,
            own_questions: None,
        });
    }

    fn push_short(&mut self, field: Field, raw: &str, line: usize) {
        let masks = self.shorts.push(field, raw, line, self.choseong_fields);
        self.short_masks.push(masks);
    }
}

/// The file line of a note's heading: where its text first occurs in the
/// body (`body`), else the body's first line.
pub(super) fn heading_line(note: &Note, body: &str) -> usize {
    let lines = |at: usize| memchr::memchr_iter(b'\n', &body.as_bytes()[..at]).count();
    note.heading
        .as_deref()
        .and_then(|h| find_near_start(body, h))
        .map_or(note.body_line, |at| note.body_line + lines(at))
}

/// Candidates [`find_near_start`] tries before it builds a searcher.
const NEAR_START_TRIES: usize = 8;

/// Where `needle` first occurs in `hay`, as `str::find` says, without
/// building a substring searcher when it occurs at one of the first places
/// its first byte does: a note's heading is found on the body's first
/// heading line, and the one-shot search looks for one in every note it
/// reads (building the searcher was 1.9% of `munje search`'s time).
fn find_near_start(hay: &str, needle: &str) -> Option<usize> {
    let (bytes, wanted) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = wanted.first() else {
        return Some(0);
    };
    let mut from = 0;
    for _ in 0..NEAR_START_TRIES {
        let at = from + memchr::memchr(first, bytes.get(from..)?)?;
        if bytes[at..].starts_with(wanted) {
            return Some(at);
        }
        from = at + 1;
    }
    // A needle starts with a character's first byte, so `from` (one past
    // such a byte) may fall inside a character: search from the next
    // character's start.
    let from = (from..=hay.len()).find(|&i| hay.is_char_boundary(i))?;
    hay[from..].find(needle).map(|i| from + i)
}

/// A text NFC-normalised: the same string, shared, when it already is.
fn nfc_shared(s: &Arc<str>) -> Arc<str> {
    if crate::text::is_nfc(s) {
        Arc::clone(s)
    } else {
        nfc(s).into()
    }
}

/// A text folded: the same string, shared, when folding changes nothing
/// (a slug title, as most are).
fn folded_shared(s: &Arc<str>) -> Arc<str> {
    if s.chars().all(|c| crate::text::fold::fold_char(c) == c) {
        Arc::clone(s)
    } else {
        fold(s).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_is_found_where_str_find_finds_it() {
        let body = "# 스팟 인스턴스\n\n스팟 인스턴스는 중단된다. # 스팟";
        assert_eq!(
            find_near_start(body, "스팟 인스턴스"),
            body.find("스팟 인스턴스")
        );
        assert_eq!(find_near_start(body, ""), Some(0));
        assert_eq!(find_near_start(body, "없음"), None);
        // Past the tries: the searcher takes over.
        let far = format!("{}target", "t".repeat(40));
        assert_eq!(find_near_start(&far, "target"), Some(40));
    }

    proptest::proptest! {
        #[test]
        fn find_near_start_is_str_find(
            hay in "[ab스팟 ]{0,60}",
            needle in "[ab스팟 ]{0,4}",
        ) {
            proptest::prop_assert_eq!(find_near_start(&hay, &needle), hay.find(needle.as_str()));
        }
    }
}
