//! What one term of a query matched in one document, and where a term
//! may match: shared by the matching (`engine`), the highlighting (`hits`)
//! and the words remembered between keystrokes (`word_memo`).
//!
//! Owns these types only.

use super::Field;

/// Where a positive term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// A word: fuzzy in short fields, substring in text.
    Word,
    /// An exact phrase: substring anywhere.
    Phrase,
    /// Only in one kind of short field.
    Only(Field),
}

/// Where a term matched, enough to redo it for highlighting.
#[derive(Debug, Clone, Copy)]
pub(super) enum Loc {
    /// A short field, by number.
    Short(usize),
    /// The document's text, this many bytes from its start.
    Text(usize),
}

/// A term's best match in one document: in which field, scoring what.
#[derive(Debug, Clone, Copy)]
pub(super) struct TermMatch {
    pub field: Field,
    pub score: i64,
    pub loc: Loc,
}
