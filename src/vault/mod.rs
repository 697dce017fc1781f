//! Notes and questions: the model, parsing, question banks, diagnostics,
//! tags, loading from disk, and the bundled deck.
//!
//! This is the only module that reads note files. It never writes anywhere.
//! It knows nothing of the terminal, quizzes or search.

pub mod diagnostic;
pub mod model;
pub mod tags;

pub use diagnostic::{Diagnostic, Severity};
pub use model::{
    Bank, Letter, Note, NoteIx, Question, QuestionId, QuestionIx, QuestionOrigin, QuizOption,
    Section, SectionKind, Vault,
};
pub use tags::{Tag, TagNode, tag_tree};
