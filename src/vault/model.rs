//! The loaded vault as plain data: notes, questions, banks and diagnostics.
//!
//! This module owns the shapes every other part of munje reads. It does no
//! I/O and no parsing; `parse` and `load` fill these structures, and quiz,
//! search, store and the TUI only read them.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::diagnostic::Diagnostic;
use super::tags::Tag;
use super::tolerant::Form;

mod answer;
mod body;
mod catalog;
mod date;
mod explanations;
mod lettered;
mod links;
mod names;
mod options;
mod passage;
pub use answer::Answer;
pub(crate) use body::offset_of_line;
pub use body::{Body, SEPARATOR, bank_text};
pub(crate) use catalog::Listing;
pub use catalog::{Catalog, VaultCatalog};
pub use date::Date;
pub use explanations::Explanations;
pub use links::LinkSources;
pub use names::NoteNames;
pub(crate) use names::keys as name_keys;
pub(crate) use options::OptionDraft;
pub use options::{Options, OptionsIter, QuizOption};
pub use passage::Passage;
pub(crate) use passage::Quotes;

/// A whole vault: every note and bank question of one or more roots.
#[derive(Debug, Clone, Default)]
pub struct Vault {
    /// Display names of the roots, in the order given (a path, or `(bundled)`).
    pub roots: Vec<String>,
    /// Notes in a stable order: by root, then by path.
    pub notes: Vec<Note>,
    /// Question-bank files, in a stable order.
    pub banks: Vec<Bank>,
    /// Every question of the vault; notes and banks refer to these by index.
    pub questions: Vec<Question>,
    /// Every problem found while loading, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Note names for [`Vault::find_note`], built on first use. Leave it at
    /// its default: a vault changes only as a whole load or through
    /// [`Vault::apply_edit`], which keeps it up to date.
    pub names: NoteNames,
    /// The notes sorted and grouped for browsing ([`Vault::catalog`]),
    /// made on first use; leave it at its default, as `names`.
    pub catalog: VaultCatalog,
    /// Who links to whom, for [`Vault::backlinks`], made on first use;
    /// leave it at its default, as `names`.
    pub link_sources: LinkSources,
    /// Every note body and bank question text, one after another, each
    /// followed by [`SEPARATOR`], folded: the vault's one copy of that text
    /// (see [`Body::Shared`] and [`Bank::texts`]), which the search index
    /// scans where it lies. Empty for a vault built by hand.
    pub texts: Arc<crate::text::fold::FoldedText>,
}

/// Index of a note in [`Vault::notes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct NoteIx(pub usize);

/// Index of a question in [`Vault::questions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct QuestionIx(pub usize);

/// One markdown note.
#[derive(Debug, Clone, Default)]
pub struct Note {
    /// Index of its root in [`Vault::roots`].
    pub root: usize,
    /// Path relative to its root, with `/` separators.
    pub path: Arc<str>,
    /// Frontmatter `title`, else the first `# ` heading, else the file stem.
    /// Shared with the note's questions.
    pub title: Arc<str>,
    /// Text of the first level-1 heading, if any.
    pub heading: Option<Arc<str>>,
    /// `created` date as `YYYY-MM-DD`.
    pub created: Option<Date>,
    /// `modified` date as `YYYY-MM-DD`.
    pub modified: Option<Date>,
    /// Tags in file order, lowercased, without a leading `#`, deduplicated.
    /// Shared with the note's questions.
    pub tags: Arc<[Tag]>,
    /// Aliases in file order.
    pub aliases: Arc<[String]>,
    /// Plain text of the key-point section, whitespace folded (see
    /// [`Vault::key_point`]).
    pub key_point: Option<Passage>,
    /// The markdown after the frontmatter, NFC-normalised, `\n` line
    /// endings: its own, or its place in [`Vault::texts`] (see
    /// [`Vault::body`]).
    pub body: Body,
    /// 1-based line in the file where `body` starts.
    pub body_line: usize,
    /// Level-2 sections in order.
    pub sections: Box<[Section]>,
    /// Targets of `[[wikilinks]]` in the body, as written (before `|` or `#`).
    pub links: Box<[String]>,
    /// The note's questions, in file order.
    pub questions: Vec<QuestionIx>,
}

impl Note {
    /// The name a note is shown by, everywhere munje names it to a person
    /// (the note list, search hits, links and backlinks, quiz feedback,
    /// the 오답노트, `munje search`): the first `# ` heading when the title
    /// looks like a slug (`batch-emr-spot-ondemand`), else the title. Tools
    /// reading `--json` get both.
    pub fn display_name(&self) -> &str {
        display_name(&self.title, self.heading.as_deref())
    }

    /// The first section of a kind, if the note has one.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }
}

/// What a level-2 section is for, recognised from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 핵심 포인트: the note's one-paragraph summary.
    KeyPoint,
    /// 설명: the explanation.
    Explanation,
    /// 주요개념: key concepts.
    Concepts,
    /// 관련 문제: the questions.
    Questions,
    /// Any other heading, kept and shown as written.
    Other,
}

/// A level-2 section of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Which section this is.
    pub kind: SectionKind,
    /// The heading text as written (emoji included), NFC. Shared by every
    /// section of the vault with the same heading: a vault has thousands
    /// of sections and a handful of headings.
    pub heading: Arc<str>,
    /// 1-based file line of the heading.
    pub line: u32,
    /// Byte range in [`Note::body`], from the heading to the next level-2
    /// heading. Numbers of 32 bits, as a note's body is at most
    /// [`crate::vault::load::MAX_FILE_BYTES`]: a vault keeps hundreds of
    /// thousands of sections.
    pub range: Range<u32>,
}

impl Section {
    /// A section whose heading is at file line `line`, spanning `range`
    /// of its note's body.
    pub fn new(kind: SectionKind, heading: Arc<str>, line: usize, range: Range<usize>) -> Section {
        Section {
            kind,
            heading,
            line: small(line),
            range: small(range.start)..small(range.end),
        }
    }

    /// [`Section::range`] as offsets into the body.
    pub fn span(&self) -> Range<usize> {
        self.range.start as usize..self.range.end as usize
    }

    /// [`Section::line`] as a line number.
    pub fn line(&self) -> usize {
        self.line as usize
    }
}

/// A number within a note, kept in 32 bits (see [`Section::range`]).
pub(crate) fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A question bank file under `questions/`.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    /// Index of its root in [`Vault::roots`].
    pub root: usize,
    /// Path relative to its root, with `/` separators.
    pub path: String,
    /// Its questions, in file order.
    pub questions: Vec<QuestionIx>,
    /// Where each question's text ([`bank_text`]) is in [`Vault::texts`],
    /// when the load put it there: one range per question, or none.
    pub texts: Vec<std::ops::Range<usize>>,
}

/// A stable identity for a question, kept across runs for progress history.
///
/// Shared, not copied: the search index keeps every question's id as the
/// vault numbered them when it was built (issue #15's memory figure: a
/// copy of each was 20 MB at 100,000 notes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId(pub Arc<str>);

impl Serialize for QuestionId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An option letter, `A` to `J`.
pub type Letter = char;

/// Where a question came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionOrigin {
    /// From a note's questions section.
    Note(NoteIx),
    /// From a bank file; the index is into [`Vault::banks`].
    Bank(usize),
}

/// A multiple-choice question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Stable id for progress history.
    pub id: QuestionId,
    /// Where it was written.
    pub origin: QuestionOrigin,
    /// 1-based file line of its stem (or of the bank entry).
    pub line: usize,
    // Text that never changes after loading is boxed at its exact size:
    // a large vault holds tens of thousands of these (issue #2's memory target).
    /// Plain text of the stem.
    pub stem: Passage,
    /// The options in source order.
    pub options: Options,
    /// The right letters, sorted; more than one means "choose N".
    pub answer: Answer,
    /// Explanation of each option, by letter.
    pub explanations: Explanations,
    /// General explanation, if any.
    pub explanation: Option<Passage>,
    /// Tags: its note's (shared with the note, not copied), or a bank
    /// entry's own plus those of the note it names.
    pub tags: Arc<[Tag]>,
    /// Title of the note it studies, if any (shared with the note).
    pub note_title: Option<Arc<str>>,
    /// The note it studies, if that note is in the vault.
    pub note: Option<NoteIx>,
    /// False when an error makes the question unfit for quizzes.
    pub quizzable: bool,
    /// How it was read: by the note format's grammar, or by which of the
    /// tolerant reader's recognisers.
    pub form: Form,
}

impl Question {
    /// True when more than one letter must be chosen.
    pub fn is_multi_answer(&self) -> bool {
        self.answer.len() > 1
    }

    /// The option with a letter, if any.
    pub fn option(&self, letter: Letter) -> Option<QuizOption<'_>> {
        self.options.find(letter)
    }

    /// Makes each of its texts written word for word in its note's body
    /// a place in the vault's text (see [`Passage`]), looked for in the
    /// order they are written from where `quotes` starts.
    pub(crate) fn keep_texts_in(&mut self, quotes: &mut Quotes<'_>) {
        self.stem.keep_in(quotes);
        self.options.keep_in(quotes);
        self.explanations.keep_in(quotes);
        if let Some(e) = &mut self.explanation {
            e.keep_in(quotes);
        }
    }

    /// Points its texts' places at the vault's text, once it is made.
    pub(crate) fn attach_texts(&mut self, text: &Arc<crate::text::fold::FoldedText>) {
        self.stem.attach(text);
        self.options.attach(text);
        self.explanations.attach(text);
        if let Some(e) = &mut self.explanation {
            e.attach(text);
        }
    }
}

/// The display-name rule of [`Note::display_name`], for a title and
/// heading held elsewhere (search hits).
pub fn display_name<'a>(title: &'a str, heading: Option<&'a str>) -> &'a str {
    match heading.map(str::trim) {
        Some(h) if !h.is_empty() && looks_like_slug(title) => h,
        _ => title,
    }
}

/// True for a file-name-like title: lowercase ASCII letters, digits, `-`,
/// `_` and `.` only.
pub fn looks_like_slug(title: &str) -> bool {
    !title.is_empty()
        && title
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

impl Vault {
    /// The note with an index.
    pub fn note(&self, ix: NoteIx) -> &Note {
        &self.notes[ix.0]
    }

    /// The question with an index.
    pub fn question(&self, ix: QuestionIx) -> &Question {
        &self.questions[ix.0]
    }

    /// The questions that can be quizzed.
    pub fn quizzable(&self) -> impl Iterator<Item = QuestionIx> + '_ {
        self.questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.quizzable)
            .map(|(i, _)| QuestionIx(i))
    }

    /// Finds a note by title, file stem or alias, case-insensitively, in
    /// that order of preference, the first note winning (how `[[wikilinks]]`
    /// and bank `note:` fields resolve). Lookups by hash after the first call.
    pub fn find_note(&self, name: &str) -> Option<NoteIx> {
        let key = name.trim().to_lowercase();
        self.names.find(&self.notes, &key)
    }

    /// Counts of errors and warnings among the diagnostics.
    pub fn diagnostic_counts(&self) -> (usize, usize) {
        use super::diagnostic::Severity;
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(path: &str, title: &str, aliases: &[&str], links: &[&str]) -> Note {
        Note {
            path: path.into(),
            title: title.into(),
            aliases: aliases.iter().map(|&a| a.into()).collect(),
            links: links.iter().map(|&l| l.into()).collect(),
            ..Note::default()
        }
    }

    fn vault() -> Vault {
        Vault {
            notes: vec![
                note("a/spot.md", "스팟 인스턴스", &["Spot"], &["emr"]),
                note(
                    "b/emr.md",
                    "EMR 노드",
                    &["스팟 인스턴스"],
                    &["SPOT", "없는 노트"],
                ),
                note("c/spot.md", "Spot", &[], &["스팟 인스턴스"]),
            ],
            ..Vault::default()
        }
    }

    #[test]
    fn a_slug_title_is_shown_by_its_heading_any_other_title_as_written() {
        let named = |title: &str, heading: Option<&str>| Note {
            title: title.into(),
            heading: heading.map(Into::into),
            ..Note::default()
        };
        let n = named("batch-emr-spot-ondemand", Some("Batch·EMR 스팟 전략"));
        assert_eq!(n.display_name(), "Batch·EMR 스팟 전략");
        assert_eq!(named("spot", Some("스팟")).display_name(), "스팟");
        // A title a person wrote stays, even when the heading differs.
        assert_eq!(
            named("스팟 인스턴스", Some("Spot")).display_name(),
            "스팟 인스턴스"
        );
        assert_eq!(
            named("EMR Nodes", Some("EMR 노드")).display_name(),
            "EMR Nodes"
        );
        // No heading (or an empty one): the slug is all there is.
        assert_eq!(named("emr-nodes", None).display_name(), "emr-nodes");
        assert_eq!(named("emr-nodes", Some("  ")).display_name(), "emr-nodes");
    }

    #[test]
    fn find_note_prefers_title_then_file_stem_then_alias_ignoring_case() {
        let v = vault();
        // "스팟 인스턴스" is note 0's title and note 1's alias: the title wins.
        assert_eq!(v.find_note(" 스팟 인스턴스 "), Some(NoteIx(0)));
        // "spot" is note 2's title, note 0's file stem and alias: the title wins.
        assert_eq!(v.find_note("SPOT"), Some(NoteIx(2)));
        assert_eq!(v.find_note("emr"), Some(NoteIx(1)));
        assert_eq!(v.find_note("없는 노트"), None);
    }

    #[test]
    fn backlinks_list_every_other_note_linking_here() {
        let v = vault();
        assert_eq!(v.backlinks(NoteIx(0)), [NoteIx(2)]);
        assert_eq!(v.backlinks(NoteIx(1)), [NoteIx(0)]);
        assert_eq!(v.backlinks(NoteIx(2)), [NoteIx(1)]);
    }
}
