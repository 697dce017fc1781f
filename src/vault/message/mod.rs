//! What a diagnostic says, as data: one [`Message`] variant per kind of
//! problem, carrying the values it quotes. The words live in one place per
//! language ([`en`], [`ko`]), each an exhaustive `match`, so a message
//! without its Korean or English text does not compile.
//!
//! Owns the texts of diagnostics and of the tolerant reader's reasons;
//! where a diagnostic sits (path, line, severity) is
//! [`super::diagnostic`]'s.

mod en;
mod ko;
#[cfg(test)]
mod tests;

use crate::i18n::Lang;
use crate::vault::tolerant::{KeyForm, OptionsForm, StemForm};

/// What was found where something else was expected (`found a list`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// An empty value.
    Nothing,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// Text.
    Text,
    /// A list.
    List,
    /// A mapping of keys.
    Mapping,
    /// A YAML-tagged value (`!tag x`).
    Tagged,
    /// A list whose items are not all text.
    ListHolding(Box<Found>),
    /// The value itself, quoted.
    Value(String),
}

/// Which YAML a YAML problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlPlace {
    /// A note's frontmatter.
    Frontmatter,
    /// A question bank file.
    Bank,
}

/// What a file that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialFile {
    /// A FIFO.
    Pipe,
    /// A Unix socket.
    Socket,
    /// A block or character device.
    Device,
    /// Anything else.
    Other,
}

/// One kind of problem, with the values its text quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    // Files and the walk.
    /// More problems than a file may report.
    Dropped { dropped: usize, limit: usize },
    /// A NUL byte.
    BinaryFile,
    /// Bytes that are not UTF-8.
    InvalidUtf8 { byte: u8, offset: usize },
    /// An I/O error reading a file.
    CannotReadFile { error: String },
    /// A file over the size limit.
    FileTooLarge { size: u64, max: u64, bank: bool },
    /// The walk visited more entries than any vault holds.
    WalkBudget { budget: usize },
    /// The walker reported an error.
    WalkSkipped { error: String },
    /// A pipe, socket or device named like a note.
    NotRegularFile { what: SpecialFile },
    /// A symbolic link that cannot be resolved.
    LinkUnfollowable { error: String },
    /// A symbolic link out of the vault.
    LinkOutside { target: String },
    /// A symbolic link to a folder above it.
    LinkLoop { target: String },
    /// A symbolic link to a pipe, socket or device.
    LinkToSpecial { what: SpecialFile },

    // YAML and frontmatter.
    /// YAML nested past the limit.
    YamlTooDeep { place: YamlPlace, limit: usize },
    /// YAML that does not parse.
    InvalidYaml { place: YamlPlace, error: String },
    /// Frontmatter that is not a mapping.
    FrontmatterNotMapping { found: Found },
    /// `---` never closed.
    FrontmatterUnclosed,
    /// `title:` not text.
    TitleNotText { found: Found },
    /// `created:`/`modified:` not a date.
    DateInvalid { key: String, found: Found },
    /// `tags:` neither a list nor text.
    TagsNotList { found: Found },
    /// `aliases:` neither a list nor text.
    AliasesNotList { found: Found },
    /// Markdown quotes or lists nested past the limit.
    MarkdownTooDeep { limit: usize, lines: usize },

    // The question grammar (notes and banks).
    /// An option item without a letter.
    OptionWithoutLetter { text: String },
    /// An explanation for a letter with no option.
    ExplanationWithoutOption { letter: char, bank: bool },
    /// A question label with no stem.
    NoStemText,
    /// Fewer than two options.
    TooFewOptions { found: usize },
    /// No `정답:` line.
    NoAnswerLine,
    /// An answer that names no letter.
    AnswerNamesNoLetter { answer: String },
    /// An answer letter without an option.
    AnswerLetterWithoutOption { letter: char },
    /// An option letter used twice.
    OptionLetterRepeats { letter: char },
    /// Option letters out of order (a note).
    OptionLettersSkip { from: char, to: char },
    /// Option letters out of order (a bank).
    OptionLettersSkipTo { to: char, expected: char },

    // Question banks.
    /// The bank is not a list.
    BankNotList { found: Found },
    /// An entry is not a mapping.
    BankEntryNotMapping { found: Found },
    /// An entry without `question:`.
    BankEntryNoQuestion,
    /// An entry without `answer:`.
    BankEntryNoAnswer,
    /// An option key that is not a letter.
    OptionKeyNotLetter { key: String },
    /// More than ten options.
    TooManyOptions,
    /// `options:` neither a mapping nor a list.
    OptionsNotMappingOrList { found: Found },
    /// `note:` names no note of the vault.
    BankNoteMissing { name: String },

    // The vault as a whole.
    /// Two questions share an id.
    DuplicateId {
        id: String,
        other: String,
        line: usize,
        derived: bool,
    },
    /// Progress history of a question no longer in the vault.
    Orphan {
        id: String,
        answers: u64,
        stem: Option<String>,
    },
    /// A note with an answer-like line and no question read.
    UnreadHint {
        why: Box<Message>,
        path: String,
        line: usize,
    },

    // The tolerant reader's conflicts.
    /// The answer line and a mark disagree.
    AnswerVsMark {
        said: String,
        marked: String,
        line: usize,
        mark: KeyForm,
    },
    /// Two kinds of mark disagree.
    MarksDisagree {
        first: String,
        first_mark: KeyForm,
        second: String,
        second_mark: KeyForm,
    },
    /// Several options marked, the stem asking for one.
    MarksUnasked {
        options: String,
        mark: KeyForm,
        count: usize,
    },
    /// Two answer lines disagree.
    AnswersDisagree {
        line: usize,
        first: String,
        second: String,
    },
    /// An answer naming no option.
    AnswerNamesNoOption { answer: String, range: String },
    /// An answer marked unsure (`B?`).
    AnswerUnsure { answer: String },
    /// An option label used twice.
    LabelRepeats { label: String },
    /// Option labels out of order.
    LabelsSkip { from: String, to: String },
    /// Options starting past the first label.
    LabelsStartLate { label: String },

    // Why an answer-like line was not read (`check --explain`).
    /// Options without a stem.
    WhyNoStem { from: usize, to: usize },
    /// Options without a key.
    WhyNoKey { from: usize, to: usize },
    /// A list of questions, not options.
    WhyQuestions { from: usize, to: usize },
    /// A conflicting key.
    WhyConflict { from: usize, to: usize },
    /// `(선택)` on an option, and the run's own reason.
    WhyOwnPickIn { why: Box<Message> },
    /// The same mark on every option.
    WhyEveryOptionMarked {
        from: usize,
        to: usize,
        mark: KeyForm,
    },
    /// An answer spelling out no option of the run.
    WhyAnswerNamesNone {
        from: usize,
        to: usize,
        answer: String,
    },
    /// The author's own pick.
    WhyOwnPick,
    /// An answer naming no label or option text.
    WhyNamesNoLabel { answer: String },
    /// An answer line too far from its options.
    WhyTooFar,
    /// An answer line with no options above.
    WhyNoOptionsAbove,
    /// A key mark outside any option.
    WhyStrayMark,
    /// The tolerant reader is off.
    WhyStrictOff { first: usize, last: usize },
}

/// A key recogniser's name in `lang` (`check` lists the forms read).
pub fn key_form(k: KeyForm, lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => ko::mark(k),
        Lang::En => en::mark(k),
    }
}

/// A stem recogniser's name in `lang`.
pub fn stem_form(s: StemForm, lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => ko::stem(s),
        Lang::En => s.name(),
    }
}

/// An options recogniser's name in `lang`.
pub fn options_form(o: OptionsForm, lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => ko::options(o),
        Lang::En => o.name(),
    }
}

impl Message {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Ko => ko::text(self),
            Lang::En => en::text(self),
        }
    }
}

/// The English text, as JSON output and logs keep it.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&en::text(self))
    }
}
