//! The search index: every searchable text of a vault, folded and 초성
//! forms precomputed, laid out so a query scans contiguous memory and never
//! touches a file.
//!
//! Owns building the index from a [`Vault`]; each document is added by
//! `documents`, querying is in `engine`.

use std::ops::Range;
use std::sync::Arc;

use crate::text::fold::FoldedText;
use crate::vault::{NoteIx, QuestionId, QuestionIx, QuestionOrigin, Tag, Vault};

use super::byte_rank::ByteRank;
use super::choseong_find::{ChoseongFinder, WordFinder};
use super::matcher::{FuzzyScorer, SkimScorer};
use super::short::Shorts;

/// Separates documents in the text buffer: no query contains it, so no
/// match runs from one note into the next. The vault's own (see
/// `Vault::texts`), so the index can scan that text where it lies.
pub(super) const SEPARATOR: char = crate::vault::model::SEPARATOR;

/// Which documents of a vault an index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Docs {
    NotesAndBanks,
    BanksOnly,
}

/// A question part of a document's text: its bytes from the start of the
/// text (a document's text fits in 32 bits, see `vault::load`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Region {
    pub start: u32,
    pub end: u32,
}

/// One searchable unit: a note (with its questions), or a bank question.
#[derive(Debug)]
pub(super) struct Doc {
    pub note: Option<NoteIx>,
    /// The bank question this document is, if it is one.
    pub bank_question: Option<QuestionIx>,
    pub path: Arc<str>,
    /// Its title and heading, NFC, and its folded title: the note's own
    /// strings, shared, where normalising or folding changes nothing.
    pub title: Arc<str>,
    /// The note's first `# ` heading, if any.
    pub heading: Option<Arc<str>>,
    /// Folded title, for ties.
    pub sort_key: Arc<str>,
    pub tags: Arc<[Tag]>,
    /// Questions that belong to it, for `has:`, `is:` and hit attribution:
    /// their numbers in [`SearchIndex::doc_questions`].
    pub questions: Range<u32>,
    /// Its short fields in [`SearchIndex::shorts`], best field first.
    pub shorts: Range<usize>,
    /// Its text in [`SearchIndex::text`].
    pub text: Range<usize>,
    /// Its question parts: their numbers in [`SearchIndex::regions`].
    pub regions: Range<u32>,
    /// 1-based file line where `text` starts.
    pub text_line: usize,
    /// How many renumberings of the vault's questions had been made when
    /// `questions` and `bank_question` were recorded (see `overlay`).
    pub epoch: u32,
    /// Ids and lines of its questions, for a document replaced after the
    /// build (the build's tables follow the build's numbering).
    pub own_questions: Option<Box<[(QuestionId, usize)]>>,
}

/// Everything a query needs, built once per vault load. Cheap to query from
/// any thread; rebuild it after a reload.
pub struct SearchIndex {
    pub(super) docs: Vec<Doc>,
    /// Short fields (see `short`), numbered from 0.
    pub(super) shorts: Shorts,
    /// Every document's text, NFC and folded, separated by
    /// [`SEPARATOR`], with what folding changed; see
    /// [`SearchIndex::original`] for the text as written. The vault's
    /// own text when the vault has it whole (see `doc_text`), else
    /// this index's.
    pub(super) text: Arc<FoldedText>,
    /// Start of each document's text, ascending, for offset → document.
    pub(super) starts: Vec<usize>,
    /// The parts of documents' texts that are questions, each document's
    /// together and in order (see [`Doc::regions`]), from the start of
    /// the document's text: one list for all, read in order by a scan,
    /// rather than a list of each document's own.
    pub(super) regions: Vec<Region>,
    /// Each document's questions, together and in order (see
    /// [`Doc::questions`]): one list for all rather than one each.
    pub(super) doc_questions: Vec<QuestionIx>,
    pub(super) question_ids: Vec<QuestionId>,
    pub(super) question_lines: Vec<usize>,
    pub(super) scorer: Box<dyn FuzzyScorer>,
    /// How common each byte is in `folded`, to steer the substring search.
    pub(super) rank: ByteRank,
    /// Recent body-scan results, for the next keystroke.
    pub(super) cache: super::scan_cache::SharedCache,
    /// Documents replaced since the build (see [`SearchIndex::replace_note`]).
    pub(super) overlay: super::overlay::Overlay,
    /// Replaced documents' short fields, numbered after `shorts`.
    pub(super) replaced_shorts: Shorts,
    /// Each document's place by sort key (see [`super::rank::title_order`]).
    pub(super) title_order: Vec<u32>,
    /// Each short field's character masks (plain, 초성), by number, and
    /// each document's short-field numbers: what a keystroke reads of every
    /// document, kept apart from the fields so it stays in few cache lines.
    pub(super) short_masks: Vec<[u64; 2]>,
    pub(super) doc_short_numbers: Vec<(u32, u32)>,
    /// Each document's short-field masks, all fields together: a word
    /// needing a character none of them has skips the document's fields.
    pub(super) doc_masks: Vec<[u64; 2]>,
    /// The characters and pairs of characters of the text (replaced
    /// documents' too); `None` in an index of one note.
    pub(super) grams: Option<super::presence::CharPairs>,
    /// The same of the build's text in its 초성 form, once made: on the
    /// first 초성 query, or on a thread of its own when the index was
    /// asked to (`choseong_later`, see [`SearchIndex::prepare_choseong`];
    /// `choseong_started` once the thread is).
    pub(super) choseong_grams: Arc<std::sync::OnceLock<super::presence::CharPairs>>,
    pub(super) choseong_later: bool,
    pub(super) choseong_started: std::sync::atomic::AtomicBool,
    /// How many threads a keystroke's work is split over, and from how
    /// many items on (see `parts`).
    pub(super) parts: usize,
    pub(super) split_from: usize,
    /// Each short field's shared-text number (see `shared`), by number, and
    /// how many shared texts there are.
    pub(super) short_shared: Vec<u32>,
    pub(super) shared_texts: usize,
    /// Finished words' short-field matches, for the next keystroke.
    pub(super) word_memo: super::word_memo::SharedWordMemo,
    /// Whether short fields get their 초성 form: always, but in an index
    /// of one note for a query that reads none (see `NoteSieve`).
    pub(super) choseong_fields: bool,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .field("shorts", &self.shorts.len())
            .field("text_bytes", &self.text.folded.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Indexes a vault with the default fuzzy scorer (skim).
    pub fn build(vault: &Vault) -> SearchIndex {
        SearchIndex::build_with(vault, Box::new(SkimScorer::new()))
    }

    /// Indexes a vault with another fuzzy scorer.
    pub fn build_with(vault: &Vault, scorer: Box<dyn FuzzyScorer>) -> SearchIndex {
        SearchIndex::build_of(vault, scorer, Docs::NotesAndBanks)
    }

    /// Indexes a vault's bank questions only: a streamed search, which
    /// searched the notes as they loaded (see [`super::StreamedSearch`]),
    /// searches the bank questions after the load.
    pub(super) fn build_banks(vault: &Vault) -> SearchIndex {
        SearchIndex::build_of(vault, Box::new(SkimScorer::new()), Docs::BanksOnly)
    }

    fn build_of(vault: &Vault, scorer: Box<dyn FuzzyScorer>, docs: Docs) -> SearchIndex {
        let mut ix = SearchIndex::empty(scorer);
        ix.docs.reserve_exact(vault.notes.len());
        let shorts = short_count(vault, docs);
        ix.shorts.reserve_exact(shorts);
        // Room for the fields of notes replaced later (`replace`).
        ix.short_masks.reserve_exact(shorts + 256);
        ix.starts.reserve_exact(vault.notes.len());
        ix.question_ids = vault.questions.iter().map(|q| q.id.clone()).collect();
        ix.question_lines = vault.questions.iter().map(|q| q.line).collect();
        ix.add_documents(vault, docs);
        ix.rank = ByteRank::of(ix.text.folded.as_bytes());
        ix.overlay = super::overlay::Overlay::new(ix.docs.len(), vault);
        ix.title_order = super::rank::title_order(ix.docs.iter().map(|d| &*d.sort_key));
        ix.shorts.shrink_to_fit();
        // Room for the question parts and questions of notes replaced
        // later.
        ix.regions.shrink_to(ix.regions.len() + 256);
        ix.doc_questions.shrink_to(ix.doc_questions.len() + 256);
        ix.doc_short_numbers = ix.docs.iter().map(|d| short_numbers(&d.shorts)).collect();
        ix.doc_masks = ix
            .docs
            .iter()
            .map(|d| masks_of(&ix.short_masks[d.shorts.clone()]))
            .collect();
        ix.parts = super::parts::parts_for(ix.docs.len());
        ix.grams = Some(super::presence::CharPairs::of_in_parts(
            &ix.text.folded,
            ix.parts,
        ));
        (ix.short_shared, ix.shared_texts) =
            super::shared::shared_numbers(ix.shorts.len(), |i| ix.shorts.kind_and_folded(i));
        ix
    }

    /// The numbers of a document's short fields (see [`SearchIndex::short`]).
    pub(super) fn short_numbers(&self, d: usize) -> Range<usize> {
        match self.doc_short_numbers.get(d) {
            Some(&(from, to)) => from as usize..to as usize,
            None => self.docs[d].shorts.clone(),
        }
    }

    /// Number of documents (notes and bank questions) indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when the vault had nothing to index.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// An index holding nothing: filled by a build, or one note at a time
    /// by a [`super::NoteSieve`] (its byte ranks are then counted on the
    /// first note it holds).
    pub(super) fn empty(scorer: Box<dyn FuzzyScorer>) -> SearchIndex {
        SearchIndex {
            docs: Vec::new(),
            shorts: Shorts::default(),
            text: Arc::default(),
            starts: Vec::new(),
            regions: Vec::new(),
            doc_questions: Vec::new(),
            question_ids: Vec::new(),
            question_lines: Vec::new(),
            scorer,
            rank: ByteRank([0; 256]),
            cache: super::scan_cache::SharedCache::default(),
            overlay: super::overlay::Overlay::default(),
            replaced_shorts: Shorts::default(),
            title_order: Vec::new(),
            short_masks: Vec::new(),
            doc_short_numbers: Vec::new(),
            doc_masks: Vec::new(),
            grams: None,
            choseong_grams: Arc::default(),
            choseong_later: false,
            choseong_started: std::sync::atomic::AtomicBool::new(false),
            parts: 1,
            split_from: super::parts::SPLIT_FROM,
            short_shared: Vec::new(),
            shared_texts: 0,
            word_memo: super::word_memo::SharedWordMemo::default(),
            choseong_fields: true,
        }
    }

    /// A substring finder for the folded text, steered by its byte ranks.
    pub(super) fn finder<'n>(&self, needle: &'n str) -> memchr::memmem::Finder<'n> {
        memchr::memmem::FinderBuilder::new()
            .build_forward_with_ranker(&self.rank, needle.as_bytes())
    }

    /// A finder of a word in the folded text: as written, or (`choseong`)
    /// in its 초성 form (see `choseong_find`).
    pub(super) fn word_finder<'n>(&self, needle: &'n str, choseong: bool) -> WordFinder<'n> {
        if choseong {
            WordFinder::Choseong(ChoseongFinder::new(needle))
        } else {
            WordFinder::Plain(self.finder(needle))
        }
    }

    /// The document whose text holds a byte offset of the buffer.
    pub(super) fn doc_at(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// A document's question parts, in order: their bytes in the buffer.
    pub(super) fn question_parts(&self, doc: &Doc) -> impl Iterator<Item = Range<usize>> + '_ {
        let start = doc.text.start;
        numbered(&self.regions, &doc.regions)
            .iter()
            .map(move |r| start + r.start as usize..start + r.end as usize)
    }

    /// A document's questions, as it recorded them (see
    /// `SearchIndex::question_now`).
    pub(super) fn questions_of(&self, doc: &Doc) -> &[QuestionIx] {
        numbered(&self.doc_questions, &doc.questions)
    }

    /// 1-based file line of a byte offset inside a document's text.
    pub(super) fn line_at(&self, doc: usize, offset: usize) -> usize {
        let d = &self.docs[doc];
        if d.bank_question.is_some() {
            return d.text_line;
        }
        let from = d.text.start;
        d.text_line + memchr::memchr_iter(b'\n', self.folded_at(from..offset).as_bytes()).count()
    }
}

/// Adds a document's items to one of the lists the index keeps for all
/// documents together ([`SearchIndex::regions`],
/// [`SearchIndex::doc_questions`]); returns their numbers there.
pub(super) fn append<T>(list: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> Range<u32> {
    let n = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let first = list.len();
    list.extend(items);
    n(first)..n(list.len())
}

/// A document's items in such a list, by the numbers [`append`] gave.
pub(super) fn numbered<'a, T>(list: &'a [T], numbers: &Range<u32>) -> &'a [T] {
    list.get(numbers.start as usize..numbers.end as usize)
        .unwrap_or_default()
}

/// A range of short-field numbers in the compact form the index keeps.
pub(super) fn short_numbers(r: &Range<usize>) -> (u32, u32) {
    let n = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    (n(r.start), n(r.end))
}

/// The plain and 초성 masks of some short fields together.
pub(super) fn masks_of(masks: &[[u64; 2]]) -> [u64; 2] {
    masks.iter().fold([0, 0], |[m, c], s| [m | s[0], c | s[1]])
}

/// How many short fields a build of `vault` holds: one per title,
/// alias, tag and heading of each note, one per tag of each bank question.
fn short_count(vault: &Vault, docs: Docs) -> usize {
    let notes = match docs {
        Docs::NotesAndBanks => vault
            .notes
            .iter()
            .map(|n| 1 + n.aliases.len() + n.tags.len() + usize::from(n.heading.is_some()))
            .sum(),
        Docs::BanksOnly => 0,
    };
    let banks: usize = vault
        .questions
        .iter()
        .filter(|q| matches!(q.origin, QuestionOrigin::Bank(_)))
        .map(|q| q.tags.len())
        .sum();
    notes + banks
}
