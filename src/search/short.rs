//! The short fields of an index (titles, aliases, tags, headings) in
//! compact form: every text in one buffer, each field a few numbers.
//!
//! At 100,000 notes an index holds 700,000 short fields. Kept as three
//! `String`s each (as written, folded, 초성) they took about 125 MB, the
//! largest part of the index after the notes' text (BENCHMARKS.md, "Short
//! fields in one buffer"). Here a field is 24 bytes of offsets into one
//! buffer, its folded form is stored only when folding changes it, its
//! 초성 form only when it has Hangul syllables, and a tag text (300,000 of
//! those fields are 30 distinct tags) is stored once for all the fields
//! that have it. A field reads back as the same three texts
//! (`short_tests`).
//!
//! Owns storing and reading the fields; which fields a document has, and
//! their character masks, are `index`'s; matching is `short_match`'s.

use std::collections::HashMap;

use crate::text::{is_nfc, nfc};

use super::Field;
use super::hangul;
use crate::text::fold::{char_mask, fold_into};

/// The offset of a field with no 초성 form.
const NO_CHOSEONG: u32 = u32::MAX;

/// One field: offsets of its texts in [`Shorts::arena`]. All three have
/// one length: folding moves no byte, and a syllable and its initial
/// consonant are both three bytes in UTF-8 (as the index's 초성 search
/// in its text relies on too, `choseong_find`).
#[derive(Debug, Clone, Copy)]
struct Rec {
    text: u32,
    folded: u32,
    choseong: u32,
    len: u32,
    line: u32,
    field: Field,
}

/// One short field as the engine reads it, borrowed from its store.
#[derive(Debug, Clone, Copy)]
pub(super) struct ShortField<'a> {
    pub field: Field,
    /// As written, NFC: the snippet source.
    pub text: &'a str,
    pub folded: &'a str,
    pub mask: u64,
    /// 초성 form of `folded`, when it holds Hangul syllables.
    pub choseong: Option<&'a str>,
    pub cho_mask: u64,
    pub line: usize,
}

/// Short fields, numbered in the order pushed.
#[derive(Debug)]
pub(super) struct Shorts {
    arena: String,
    recs: Vec<Rec>,
    /// Tags already stored, as written, with whether their 초성 form was
    /// asked for: their record and masks, for the next field with the tag.
    tags: HashMap<Box<str>, (bool, Rec, [u64; 2])>,
    /// A field's folded text, made here before it is stored: the buffer is
    /// kept from field to field (a search streamed as the vault loads
    /// makes some 700,000 fields at 100,000 notes).
    scratch: String,
    /// Whether tags are stored once: not in an index of one note, which
    /// clears its fields for each note (see `NoteSieve`), nor in the
    /// tests' simple layout.
    share_tags: bool,
}

impl Default for Shorts {
    fn default() -> Shorts {
        Shorts {
            arena: String::new(),
            recs: Vec::new(),
            tags: HashMap::new(),
            scratch: String::new(),
            share_tags: true,
        }
    }
}

/// An offset or length in the buffer. The buffer of short texts stays far
/// below 4 GiB (a 100,000-note vault's is about 30 MB).
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Shorts {
    /// A store that keeps every field's texts apart, tags too: for an
    /// index of one note at a time, and the simple layout the tests
    /// compare the shared one with.
    pub(super) fn apart() -> Shorts {
        Shorts {
            share_tags: false,
            ..Shorts::default()
        }
    }

    /// Number of fields held.
    pub(super) fn len(&self) -> usize {
        self.recs.len()
    }

    /// Room for `n` more fields.
    pub(super) fn reserve_exact(&mut self, n: usize) {
        self.recs.reserve_exact(n);
    }

    /// Gives back what the buffers hold beyond their contents, once a
    /// build is done.
    pub(super) fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.recs.shrink_to_fit();
        self.tags = HashMap::new();
        self.scratch = String::new();
    }

    /// Forgets every field.
    pub(super) fn clear(&mut self) {
        self.arena.clear();
        self.recs.clear();
        self.tags.clear();
    }

    /// Adds a field written `raw` at file line `line`, with its 초성 form
    /// when `choseong` asks for it and it holds Hangul syllables; returns
    /// its plain and 초성 character masks.
    pub(super) fn push(
        &mut self,
        field: Field,
        raw: &str,
        line: usize,
        choseong: bool,
    ) -> [u64; 2] {
        let line = offset(line);
        if field == Field::Tag
            && self.share_tags
            && let Some(&(asked, rec, masks)) = self.tags.get(raw)
            && asked == choseong
        {
            self.recs.push(Rec { line, ..rec });
            return masks;
        }
        // As written (NFC), then folded where it differs.
        let start = offset(self.arena.len());
        if is_nfc(raw) {
            self.arena.push_str(raw);
        } else {
            self.arena.push_str(&nfc(raw));
        }
        let text = &self.arena[start as usize..];
        let len = text.len();
        fold_into(text, &mut self.scratch);
        let folded = &self.scratch;
        let folded_at = if *folded == self.arena[start as usize..] {
            start
        } else {
            let at = offset(self.arena.len());
            self.arena.push_str(folded);
            at
        };
        let cho = (choseong && folded.chars().any(hangul::is_syllable))
            .then(|| hangul::choseong_form(folded));
        let (cho_at, cho_mask) = match &cho {
            Some(c) if c.len() == folded.len() => {
                let at = offset(self.arena.len());
                self.arena.push_str(c);
                (at, char_mask(c))
            }
            _ => (NO_CHOSEONG, 0),
        };
        let rec = Rec {
            text: start,
            folded: folded_at,
            choseong: cho_at,
            len: offset(len),
            line,
            field,
        };
        let masks = [char_mask(&self.scratch), cho_mask];
        self.recs.push(rec);
        if field == Field::Tag && self.share_tags {
            self.tags.insert(raw.into(), (choseong, rec, masks));
        }
        masks
    }

    /// Field `i`, with the masks the index keeps for it.
    pub(super) fn get(&self, i: usize, [mask, cho_mask]: [u64; 2]) -> ShortField<'_> {
        let r = self.recs[i];
        let at = |from: u32, len: u32| {
            let from = from as usize;
            self.arena.get(from..from + len as usize).unwrap_or("")
        };
        ShortField {
            field: r.field,
            text: at(r.text, r.len),
            folded: at(r.folded, r.len),
            mask,
            choseong: (r.choseong != NO_CHOSEONG).then(|| at(r.choseong, r.len)),
            cho_mask,
            line: r.line as usize,
        }
    }

    /// The kind of field `i`, without its texts.
    pub(super) fn field(&self, i: usize) -> Field {
        self.recs[i].field
    }

    /// The kind and folded text of field `i`: what tells which fields
    /// share a text (see `shared`).
    pub(super) fn kind_and_folded(&self, i: usize) -> (Field, &str) {
        let r = self.recs[i];
        let from = r.folded as usize;
        (
            r.field,
            self.arena.get(from..from + r.len as usize).unwrap_or(""),
        )
    }

    /// Adds `other`'s fields after these, numbered on from [`Shorts::len`].
    pub(super) fn append(&mut self, other: &Shorts) {
        let base = offset(self.arena.len());
        self.arena.push_str(&other.arena);
        let moved = |at: u32| if at == NO_CHOSEONG { at } else { at + base };
        self.recs.extend(other.recs.iter().map(|r| Rec {
            text: r.text + base,
            folded: r.folded + base,
            choseong: moved(r.choseong),
            ..*r
        }));
    }
}

#[cfg(test)]
#[path = "short_tests.rs"]
mod tests;
