//! Notes and questions: the model, parsing, question banks, diagnostics,
//! tags, loading from disk, and the bundled deck.
//!
//! This is the only module that reads note files. It never writes anywhere.
//! It knows nothing of the terminal, quizzes or search.

pub mod bank;
pub mod bundled;
pub mod diagnostic;
pub(crate) mod fast;
pub mod frontmatter;
pub mod id;
mod labels;
pub mod load;
mod markdown;
pub mod message;
pub mod model;
pub mod nesting;
pub mod note;
pub mod quality;
mod question;
mod scan;
pub mod sink;
pub mod tags;
mod text;
mod tolerant;

pub use bundled::{load_bundled, load_bundled_with};
pub use diagnostic::{Diagnostic, Severity};
pub use id::question_id;
pub use load::{
    Edited, Job, Known, LoadError, LoadOptions, NotAlone, NoteEdit, Progress, Source, load,
    load_sources, load_sources_with, load_with, read_job, read_note,
};
pub use message::Message;
pub use model::{
    Answer, Bank, Body, Catalog, Date, Explanations, Letter, Note, NoteIx, Options, OptionsIter,
    Passage, Question, QuestionId, QuestionIx, QuestionOrigin, QuizOption, Section, SectionKind,
    Vault, display_name, looks_like_slug,
};
pub use note::{Depth, ParsedNote, parse_note};
pub use sink::{FirstLook, KeepAll, NoteSink, Sink, Verdict};
pub use tags::{Tag, TagNode, tag_tree};
pub use tolerant::explain::{
    ExplainedQuestion, Explanation, UnreadLine, explain_note, unread_hint,
};
pub use tolerant::{Form, KeyForm, OptionsForm, QuestionStyle, StemForm, TolerantForm};
