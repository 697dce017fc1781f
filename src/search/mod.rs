//! Search: the query language, the index built once per vault load, and
//! the matchers (fuzzy, substring, 초성, 2-set keyboard layout).
//!
//! Owns finding and ranking notes and questions for a typed query. It does
//! no I/O and knows nothing of the progress store or the terminal: the
//! wrong-answer and due sets come in through [`SearchContext`], and a caller
//! rebuilds the [`SearchIndex`] whenever it reloads the vault.
//!
//! ```
//! use std::collections::HashSet;
//! use munje::search::{Query, SearchContext, SearchIndex};
//! use munje::vault::{Note, Vault};
//!
//! let vault = Vault {
//!     notes: vec![Note { title: "스팟 인스턴스".into(), ..Note::default() }],
//!     ..Vault::default()
//! };
//! let index = SearchIndex::build(&vault);
//! let none = HashSet::new();
//! let ctx = SearchContext { wrong: &none, due: &none };
//! let hits = index.search(&Query::parse("ㅅㅍ"), &ctx, 10);
//! assert_eq!(hits[0].snippet, "스팟 인스턴스");
//! assert_eq!(hits[0].ranges, [0..2]);
//! ```

mod bounded;
mod byte_rank;
mod choseong_find;
mod doc_text;
mod documents;
mod engine;
pub mod hangul;
mod help;
mod hits;
mod index;
mod keystroke;
pub mod matcher;
mod overlay;
mod parts;
mod presence;
mod quality;
pub mod query;
mod rank;
mod replace;
mod scan;
mod scan_cache;
mod shared;
mod short;
mod short_match;
mod sieve;
mod snippet;
mod streamed;
mod suggest;
mod term;
mod word_memo;

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::vault::{NoteIx, QuestionId, QuestionIx};

pub use help::query_help;
pub use index::SearchIndex;
pub use matcher::{FuzzyScorer, SkimScorer};
pub use query::{Query, Term, TermKind};
pub use replace::Replaced;
pub use sieve::NoteSieve;
pub use snippet::SNIPPET_WIDTH;
pub use streamed::{Streamed, StreamedSearch, ThreadHits};
pub use suggest::{UnknownTag, unknown_tags};

/// Which part of a note a hit matched in, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The note's title.
    Title,
    /// One of its aliases.
    Alias,
    /// One of its tags.
    Tag,
    /// Its level-1 heading.
    Heading,
    /// A question's stem, options or explanations.
    Question,
    /// The rest of the body.
    Body,
}

impl Field {
    /// The field's name as shown and printed in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Alias => "alias",
            Field::Tag => "tag",
            Field::Heading => "heading",
            Field::Question => "question",
            Field::Body => "body",
        }
    }

    /// The part of a hit's score that ranks fields above match quality.
    pub(crate) const fn weight(self) -> i64 {
        match self {
            Field::Title => 6000,
            Field::Alias => 5000,
            Field::Tag => 4000,
            Field::Heading => 3000,
            Field::Question => 2000,
            Field::Body => 1000,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a search knows beyond the vault: the progress store's sets, for
/// `is:wrong` and `is:due` (empty sets when there is no store).
#[derive(Debug, Clone, Copy)]
pub struct SearchContext<'a> {
    /// Questions in the wrong-answer notebook.
    pub wrong: &'a HashSet<QuestionId>,
    /// Questions due for review now.
    pub due: &'a HashSet<QuestionId>,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The note to show: the matching note, or the note a bank question
    /// studies; `None` for a bank question about no note in the vault.
    pub note: Option<NoteIx>,
    /// The question that matched, when the match was in a question (or the
    /// bank question the hit is).
    pub question: Option<QuestionIx>,
    /// Path of the file, relative to its vault root.
    pub path: String,
    /// Title: the note's, or a bank question's note title or stem.
    pub title: String,
    /// The note's first `# ` heading, if any.
    pub heading: Option<String>,
    /// Where the best match is.
    pub field: Field,
    /// 1-based line of the match in the file.
    pub line: usize,
    /// Higher is better: field weight plus match quality, summed over the
    /// query's words.
    pub score: i64,
    /// A single line of text around the match.
    pub snippet: String,
    /// Character ranges of `snippet` to highlight, sorted, not overlapping.
    pub ranges: Vec<Range<usize>>,
}

impl Hit {
    /// The name to show a person ([`crate::vault::Note::display_name`]).
    pub fn name(&self) -> &str {
        crate::vault::display_name(&self.title, self.heading.as_deref())
    }
}

// Highlight ranges are the data under test, not iteration ranges.
#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests;
