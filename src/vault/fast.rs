//! The loader's fast paths: readers that skip a general parser when the
//! input is plain enough for the answer to be certain, and give up (the
//! caller then takes the reference path) on anything else. Each must give
//! exactly what its reference gives:
//!
//! | fast path | reference |
//! |---|---|
//! | [`scan`], [`scan_outline`] (`parts`): pulldown-cmark only over the heading lines and the sections whose text is kept | `markdown::scan_whole`, the walk over the whole body |
//! | `outline`: the top-level headings by a line scan | the same walk's headings |
//! | `plain_units`: plain questions and key-point sections by lines | the walk over that section |
//! | `yaml`: plain frontmatter straight into its fields | serde_yaml (`frontmatter`'s other path) |
//! | `card`: a card from the head of its file (frontmatter and heading line) | the card of the whole decoded file |
//! | `crate::text::next_other`: ASCII and Hangul skipped eight bytes at a time (shared with search's folding, so it lives in `crate::text`) | a character-by-character scan |
//!
//! Search keeps one of its own, the capitals of `text::fold` (snippets
//! given back as written from where the capitals were instead of a list
//! of changes or a copy), checked against the text as written by a
//! property test there and kept for its measured figures (comment there);
//! `text::capitals` keeps them by their distances, checked against a bit
//! per byte.
//!
//! `agree` holds the one differential check, `agree::agrees`, run on every
//! bundled note, fixture and seed and on generated notes.
//!
//! Owns no note format of its own: what a note means is `markdown`'s,
//! `frontmatter`'s and `question`'s.

pub(crate) mod card;
pub(crate) mod outline;
mod parts;
pub(crate) mod plain_units;
pub(crate) mod yaml;

pub(crate) use parts::{certain_heading, scan, scan_heading, scan_outline};

#[cfg(test)]
mod agree;
