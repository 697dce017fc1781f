//! The blocks of a questions section as the question grammar sees them,
//! whether the walk built them from parser events or `vault::fast` read
//! them by lines.

use std::borrow::Cow;

/// A block of a questions section, as the grammar sees it. Text is
/// "marked": inline markup removed except bold, which shows as `**`
/// whether or not pulldown-cmark recognised it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unit<'b> {
    /// One line of a paragraph.
    Line(Span<'b>),
    /// A list; each item's text includes its nested content.
    List(Vec<Span<'b>>),
    /// A level-3 or deeper heading.
    Heading(Span<'b>),
    /// A code block, table or HTML block.
    Other(Span<'b>),
    /// A thematic break or the end of a questions section.
    Break,
}

/// Marked text with its place in the body: borrowed from the body when a
/// line is read as it is written (see `plain_units`), built from parser
/// events otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Span<'b> {
    pub text: Cow<'b, str>,
    /// Byte offset in the body.
    pub offset: usize,
    /// 1-based file line.
    pub line: usize,
}
