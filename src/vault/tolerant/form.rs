//! The names of what the tolerant reader recognises: one per recogniser,
//! for each part of a question (stem, options, key). `check` counts
//! questions by these names and `check --explain` prints them.

use std::fmt;

/// How a question was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    /// By the note format's grammar (`**Question:**`, `- A)`, `**정답: B**`).
    #[default]
    Strict,
    /// By the tolerant reader, with the recogniser of each part.
    Tolerant(TolerantForm),
}

/// The recognisers that read one tolerant question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TolerantForm {
    /// How the stem was found.
    pub stem: StemForm,
    /// How the options are labelled.
    pub options: OptionsForm,
    /// Where the key came from.
    pub key: KeyForm,
}

/// How a stem was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StemForm {
    /// A heading: `## 13. …`, `### Q1)` or `## Question 4` (the stem may
    /// follow a heading that is only a label), or a heading ending in `?`.
    Heading,
    /// A numbered paragraph or list item: `1. …`, `1) …`.
    Numbered,
    /// A label line: `질문 1:`, `문제 1.`, `Q1.`, `🟣 1)`.
    Label,
    /// A line in bold: `**다음 중 …?**`.
    Bold,
    /// An unlabelled paragraph right above the options.
    Paragraph,
}

/// How options are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OptionsForm {
    /// `A.`, `A)`, `(A)`, `A:`.
    Letters,
    /// `a.`, `a)`, `(a)`.
    LowerLetters,
    /// `1.`, `1)`, `(1)`.
    Numbers,
    /// `①`–`⑳` (also `❶`, `⑴`).
    Circled,
    /// `가.`, `나.` or `ㄱ.`, `ㄴ.`, `㉠`.
    Hangul,
    /// A bare `A` on its own line, the text on the lines below.
    BareLetters,
    /// Unlabelled bullets or task items (`- [ ]`).
    Bullets,
}

/// Where a key was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyForm {
    /// An answer line: `정답 : B`, `답 : b`, `정답: 2번`, `Answer: C`.
    AnswerLine,
    /// An answer label alone (`### 정답`, `<summary>정답</summary>`), the
    /// key on the next line.
    AnswerHeading,
    /// `⭐️` on the right option.
    Star,
    /// `<mark>…</mark>` or `==…==` around the right option.
    Highlight,
    /// `(정답)` or `(선택/정답)` on the right option.
    Tag,
    /// ` v` (or `✓`, `✅`) at the end of the right option.
    Check,
    /// The right option in bold, when no other is.
    Bold,
    /// `> 정답` on the line under the right option.
    Quote,
}

impl StemForm {
    /// Every stem form, in the order `check` lists them.
    pub const ALL: [StemForm; 5] = [
        StemForm::Heading,
        StemForm::Numbered,
        StemForm::Label,
        StemForm::Bold,
        StemForm::Paragraph,
    ];

    /// The recogniser's name.
    pub fn name(self) -> &'static str {
        match self {
            StemForm::Heading => "heading",
            StemForm::Numbered => "numbered",
            StemForm::Label => "label",
            StemForm::Bold => "bold",
            StemForm::Paragraph => "paragraph",
        }
    }
}

impl OptionsForm {
    /// Every options form, in the order `check` lists them.
    pub const ALL: [OptionsForm; 7] = [
        OptionsForm::Letters,
        OptionsForm::LowerLetters,
        OptionsForm::Numbers,
        OptionsForm::Circled,
        OptionsForm::Hangul,
        OptionsForm::BareLetters,
        OptionsForm::Bullets,
    ];

    /// The recogniser's name.
    pub fn name(self) -> &'static str {
        match self {
            OptionsForm::Letters => "letters",
            OptionsForm::LowerLetters => "lowercase letters",
            OptionsForm::Numbers => "numbers",
            OptionsForm::Circled => "circled numbers",
            OptionsForm::Hangul => "hangul",
            OptionsForm::BareLetters => "bare letters",
            OptionsForm::Bullets => "bullets",
        }
    }
}

impl KeyForm {
    /// Every key form, in the order `check` lists them.
    pub const ALL: [KeyForm; 8] = [
        KeyForm::AnswerLine,
        KeyForm::AnswerHeading,
        KeyForm::Star,
        KeyForm::Highlight,
        KeyForm::Tag,
        KeyForm::Check,
        KeyForm::Bold,
        KeyForm::Quote,
    ];

    /// The recogniser's name.
    pub fn name(self) -> &'static str {
        match self {
            KeyForm::AnswerLine => "answer line",
            KeyForm::AnswerHeading => "answer heading",
            KeyForm::Star => "star",
            KeyForm::Highlight => "highlight",
            KeyForm::Tag => "(정답) tag",
            KeyForm::Check => "check mark",
            KeyForm::Bold => "bold",
            KeyForm::Quote => "> 정답 quote",
        }
    }
}

impl fmt::Display for TolerantForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stem: {}, options: {}, key: {}",
            self.stem.name(),
            self.options.name(),
            self.key.name()
        )
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Form::Strict => f.write_str("strict grammar"),
            Form::Tolerant(t) => t.fmt(f),
        }
    }
}
