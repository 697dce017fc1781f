//! Question quality: the figures that show whether a deck can be gamed
//! (the key is the longest option, one letter is keyed too often, the same
//! "choose two" pair keeps coming back) and the per-question slips authors
//! make (a right option left unexplained, an option copied between
//! questions of one note, a stem too short to be a question).
//!
//! Pure: it reads a loaded [`Vault`] and returns a [`Quality`] report with
//! figures and warnings. It prints nothing, and it knows nothing of
//! `check`'s output formats; the messages are in [`message`].
//!
//! Only quizzable questions are assessed: a question an error keeps out of
//! quizzes is already reported by the loader.

mod figures;
mod framing;
pub mod message;
mod per_question;
mod split;
#[cfg(test)]
mod tests;

use super::model::{Letter, QuestionIx, QuestionOrigin, Vault};

pub use figures::{Figures, LetterFigure, PairFigure};
pub use framing::is_exam_framed;

/// A deck-wide figure is judged only when at least this many questions
/// stand behind it: below that, one question moves a share by five points
/// or more, and a warning would be noise.
pub const MIN_SAMPLE: usize = 20;

/// How far above (or, for letters, below) the share expected by chance a
/// deck-wide figure may be before it is a warning, in share points
/// (0.10 = ten percentage points). With four options the key is the
/// longest by chance in 25% of questions, so the warning starts above 35%;
/// each letter is expected in 25%, so it warns outside 15–35%.
pub const SKEW_POINTS: f64 = 0.10;

/// A key gives itself away when its display width (each key's, in "choose
/// two") is at least this many times the widest wrong option's...
pub const GIVEAWAY_RATIO: f64 = 1.5;

/// ...and at least this many columns wider, so short options ("2분" against
/// "30초") never count.
pub const GIVEAWAY_COLUMNS: usize = 12;

/// A stem with fewer words than this is shorter than a sentence: a topic
/// ("Spot 중단 알림?") rather than a question.
pub const MIN_STEM_WORDS: usize = 4;

/// Options are compared across the questions of one note only from this
/// many words on: a bare value ("2분", "None") may fairly recur.
pub const MIN_REPEATED_OPTION_WORDS: usize = 3;

/// What the lint found in a vault.
#[derive(Debug, Clone)]
pub struct Quality {
    /// The counts and shares, for the summary and for tests.
    pub figures: Figures,
    /// Everything worth an author's attention, deck-wide ones first, then
    /// per question in vault order.
    pub warnings: Vec<QualityWarning>,
}

/// One thing that makes a deck or a question weaker practice.
#[derive(Debug, Clone, PartialEq)]
pub enum QualityWarning {
    /// The key is the strictly longest option too often.
    LongestKey {
        /// Single-answer questions whose key is the strictly longest.
        keyed: usize,
        /// Single-answer questions assessed.
        of: usize,
        /// The share expected by chance.
        chance: f64,
    },
    /// A letter is keyed too often or too rarely.
    LetterSkew {
        /// The letter.
        letter: Letter,
        /// Single-answer questions keyed on it.
        keyed: usize,
        /// Single-answer questions that offer it.
        of: usize,
        /// The share expected by chance.
        chance: f64,
    },
    /// One "choose two" pair is keyed too often.
    RepeatedPair {
        /// The two letters, in order.
        pair: [Letter; 2],
        /// "Choose two" questions keyed on it.
        keyed: usize,
        /// "Choose two" questions assessed.
        of: usize,
        /// The share expected by chance.
        chance: f64,
    },
    /// The right options are each much longer than every other option.
    GiveawayKey {
        /// The question.
        question: QuestionIx,
        /// Its right letters.
        letters: Vec<Letter>,
        /// The narrowest right option's display width.
        width: usize,
        /// The widest other option's display width.
        widest_other: usize,
    },
    /// A right option has no explanation and the question no general one.
    UnexplainedKey {
        /// The question.
        question: QuestionIx,
        /// The right letters left unexplained.
        letters: Vec<Letter>,
    },
    /// An option repeats, word for word, one of an earlier question of the
    /// same note.
    RepeatedOption {
        /// The later question.
        question: QuestionIx,
        /// Its option.
        letter: Letter,
        /// The earlier question.
        earlier: QuestionIx,
        /// The option it repeats.
        earlier_letter: Letter,
    },
    /// The stem is shorter than a sentence.
    ShortStem {
        /// The question.
        question: QuestionIx,
        /// Its words.
        words: usize,
    },
}

impl QualityWarning {
    /// A short stable name for tools (`check --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            QualityWarning::LongestKey { .. } => "longest-key",
            QualityWarning::LetterSkew { .. } => "letter-skew",
            QualityWarning::RepeatedPair { .. } => "repeated-pair",
            QualityWarning::GiveawayKey { .. } => "giveaway-key",
            QualityWarning::UnexplainedKey { .. } => "unexplained-key",
            QualityWarning::RepeatedOption { .. } => "repeated-option",
            QualityWarning::ShortStem { .. } => "short-stem",
        }
    }

    /// The question a warning is about, or `None` for a deck-wide one.
    pub fn question(&self) -> Option<QuestionIx> {
        match self {
            QualityWarning::LongestKey { .. }
            | QualityWarning::LetterSkew { .. }
            | QualityWarning::RepeatedPair { .. } => None,
            QualityWarning::GiveawayKey { question, .. }
            | QualityWarning::UnexplainedKey { question, .. }
            | QualityWarning::RepeatedOption { question, .. }
            | QualityWarning::ShortStem { question, .. } => Some(*question),
        }
    }
}

/// Where a question is written: its root index, its path in that root, and
/// the line of its stem (or bank entry).
pub fn place(vault: &Vault, ix: QuestionIx) -> Option<(usize, &str, usize)> {
    let q = vault.questions.get(ix.0)?;
    match q.origin {
        QuestionOrigin::Note(n) => {
            let note = vault.notes.get(n.0)?;
            Some((note.root, &*note.path, q.line))
        }
        QuestionOrigin::Bank(b) => {
            let bank = vault.banks.get(b)?;
            Some((bank.root, bank.path.as_str(), q.line))
        }
    }
}

/// Assesses every quizzable question of a vault.
pub fn assess(vault: &Vault) -> Quality {
    let per_question = split::warnings(vault);
    let figures = Figures::of(vault, &per_question);
    let mut warnings = figures::deck_warnings(&figures);
    warnings.extend(per_question);
    Quality { figures, warnings }
}
