//! One note file, from bytes to a [`Note`] and its questions: decoding,
//! frontmatter, the body walk and the question grammar, put together.
//! Indexes into the vault are filled in later by `load`.

use std::sync::Arc;

use super::diagnostic::Diagnostic;
use super::message::Message;
use super::model::{Note, NoteIx, Passage, Question, QuestionId, QuestionOrigin};
use super::tags::Tag;
use super::tolerant::{self, QuestionStyle, Read};
use super::{fast, frontmatter, id, markdown, question, scan};

/// How much of a note the parser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Depth {
    /// Everything: sections, key point, links and questions.
    #[default]
    Full,
    /// The frontmatter, the heading, the level-2 sections and the body;
    /// no key point, links or questions. From the heading lines alone when
    /// the outline of the body is certain, so much cheaper than `Full`.
    Outline,
    /// What a list of notes shows: the frontmatter and the heading only;
    /// no body, sections, links or questions (and the loader reads no bank
    /// file). For the app's first look at a large vault.
    Card,
}

/// A parsed note with its questions and problems, not yet in a vault.
#[derive(Debug, Clone)]
pub struct ParsedNote {
    /// The note; its `questions` list is filled when it joins a vault.
    pub note: Note,
    /// Its questions in file order; `origin` and `note` are set later.
    pub questions: Vec<Question>,
    /// Everything wrong with the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a note file. `Err` is a file that cannot be read as text
/// (binary or invalid UTF-8): it is skipped, with that diagnostic.
pub fn parse_note(path: &str, bytes: impl AsRef<[u8]>) -> Result<ParsedNote, Diagnostic> {
    parse_note_to(path, bytes, Depth::Full)
}

/// [`parse_note`] reading only as deep as `depth`.
pub fn parse_note_to(
    path: &str,
    bytes: impl AsRef<[u8]>,
    depth: Depth,
) -> Result<ParsedNote, Diagnostic> {
    parse_note_as(path, bytes, depth, QuestionStyle::default())
}

/// [`parse_note_to`] reading questions in a `style`.
pub fn parse_note_as(
    path: &str,
    bytes: impl AsRef<[u8]>,
    depth: Depth,
    style: QuestionStyle,
) -> Result<ParsedNote, Diagnostic> {
    let bytes = bytes.as_ref();
    if depth == Depth::Card {
        let checked = scan::check(path, bytes)?;
        if let Some(head) = fast::card::head(checked) {
            return Ok(card_of_head(path, head));
        }
    }
    let text = scan::decode(path, bytes)?;
    Ok(parse_text_to(path, text, depth, style))
}

/// [`parse_note_as`] at [`Depth::Card`] by the whole decode, never by the
/// head alone: the reference of `fast::card`.
#[cfg(test)]
pub(crate) fn parse_card_whole(path: &str, bytes: &[u8]) -> Result<ParsedNote, Diagnostic> {
    let text = scan::decode(path, bytes)?;
    Ok(parse_text_to(
        path,
        text,
        Depth::Card,
        QuestionStyle::default(),
    ))
}

/// A card from the head of its file alone (`fast::card`).
fn card_of_head(path: &str, head: fast::card::Head<'_>) -> ParsedNote {
    let mut diagnostics = Vec::new();
    let fm = read_frontmatter(path, head.text, &head.split, &mut diagnostics);
    card(
        path,
        fm,
        Some(head.heading),
        head.split.body_line,
        diagnostics,
    )
}

/// The frontmatter of `text` (found by `split`) and its problems.
fn read_frontmatter(
    path: &str,
    text: &str,
    split: &scan::Split,
    diagnostics: &mut Vec<Diagnostic>,
) -> frontmatter::Frontmatter {
    if split.unterminated {
        diagnostics.push(
            Diagnostic::error(path, 1, 1, Message::FrontmatterUnclosed).with_source("---", 3),
        );
        return frontmatter::Frontmatter::default();
    }
    let Some(range) = split.yaml.clone() else {
        return frontmatter::Frontmatter::default();
    };
    let (parsed, diags) = frontmatter::parse(path, &text[range], split.yaml_line);
    // An error at the end of the YAML points at the closing `---`.
    diagnostics.extend(diags.into_iter().map(|d| {
        if d.source_line.is_some() {
            return d;
        }
        let line = text.lines().nth(d.line - 1).unwrap_or_default().to_owned();
        let width = line.chars().count().max(1);
        d.with_source(&line, width)
    }));
    parsed
}

/// Reads quotes and lists nested past the limit as text, with a warning at
/// the first place cut.
fn cut_deep_markdown(
    path: &str,
    body: &mut String,
    body_line: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(((line, column), lines)) =
        super::nesting::cut_deep_markdown(body, super::nesting::MAX_NESTING)
    {
        diagnostics.push(Diagnostic::warning(
            path,
            body_line + line - 1,
            column,
            Message::MarkdownTooDeep {
                limit: super::nesting::MAX_NESTING,
                lines,
            },
        ));
    }
}

/// Parses decoded note text (NFC, `\n` line endings, no BOM).
fn parse_text_to(path: &str, mut text: String, depth: Depth, style: QuestionStyle) -> ParsedNote {
    let mut diagnostics = Vec::new();
    let split = scan::split_frontmatter(&text);
    let mut fm = read_frontmatter(path, &text, &split, &mut diagnostics);
    // Draining keeps the file's buffer: no second copy of the body.
    text.drain(..split.body_start);
    let mut body = text;
    if depth == Depth::Card {
        // A certain outline needs no markdown parse, and so no cut.
        let heading = fast::certain_heading(&body, split.body_line).unwrap_or_else(|_| {
            cut_deep_markdown(path, &mut body, split.body_line, &mut diagnostics);
            fast::scan_heading(&body, split.body_line)
        });
        return card(path, fm, heading, split.body_line, diagnostics);
    }
    cut_deep_markdown(path, &mut body, split.body_line, &mut diagnostics);
    // The units borrow the body; everything else the walk found is owned.
    let markdown::BodyScan {
        heading,
        sections,
        key_point,
        links,
        units,
    } = match depth {
        Depth::Full => fast::scan(&body, split.body_line),
        // A card returned above; reading it as an outline would also do.
        Depth::Outline | Depth::Card => fast::scan_outline(&body, split.body_line),
    };
    let title: Arc<str> = fm
        .title
        .take()
        .or_else(|| heading.clone())
        .unwrap_or_else(|| file_stem(path).to_owned())
        .into();
    // One allocation shared by the note and every question it holds.
    let tags: Arc<[Tag]> = std::mem::take(&mut fm.tags).into();
    let place = Place {
        path,
        body_line: split.body_line,
        sections: &sections,
        title: &title,
        tags: &tags,
    };
    let tolerant = depth == Depth::Full && style == QuestionStyle::Tolerant;
    let questions = read_questions(&units, &body, &place, tolerant, &mut diagnostics);
    drop(units);
    // A vault keeps every note for the whole session: trim the spare
    // capacity parsing leaves behind (the drained frontmatter, doubling
    // growth). Shrinking reallocates in place, without copying.
    body.shrink_to_fit();
    let note = Note {
        root: 0,
        path: path.into(),
        title,
        heading: heading.map(Arc::from),
        created: fm.created,
        modified: fm.modified,
        tags,
        aliases: aliases_of(fm.aliases),
        key_point: key_point.map(Passage::from),
        body: body.into(),
        body_line: split.body_line,
        sections: sections.into_boxed_slice(),
        links: exact_list(links),
        questions: Vec::new(),
    };
    ParsedNote {
        note,
        questions,
        diagnostics,
    }
}

/// A note as [`Depth::Card`] reads it: named and tagged, with no body.
fn card(
    path: &str,
    mut fm: frontmatter::Frontmatter,
    heading: Option<String>,
    body_line: usize,
    diagnostics: Vec<Diagnostic>,
) -> ParsedNote {
    let title: Arc<str> = fm
        .title
        .take()
        .or_else(|| heading.clone())
        .unwrap_or_else(|| file_stem(path).to_owned())
        .into();
    let note = Note {
        root: 0,
        path: path.into(),
        title,
        heading: heading.map(Arc::from),
        created: fm.created,
        modified: fm.modified,
        tags: std::mem::take(&mut fm.tags).into(),
        aliases: aliases_of(fm.aliases),
        key_point: None,
        body: super::Body::default(),
        body_line,
        sections: Box::default(),
        links: Box::default(),
        questions: Vec::new(),
    };
    ParsedNote {
        note,
        questions: Vec::new(),
        diagnostics,
    }
}

/// Where a note's questions are, and what they share with it.
struct Place<'a> {
    path: &'a str,
    body_line: usize,
    sections: &'a [super::model::Section],
    title: &'a Arc<str>,
    tags: &'a Arc<[Tag]>,
}

/// The questions of a body's units by the strict grammar and, when
/// `tolerant`, the tolerant reader's around them.
fn read_questions(
    units: &[markdown::Unit<'_>],
    body: &str,
    place: &Place<'_>,
    tolerant: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Question> {
    let strict_diagnostics = diagnostics.len();
    let drafts = question::parse(units, body, place.path, diagnostics);
    let read = if tolerant {
        tolerant::merge(
            body,
            place.body_line,
            place.sections,
            drafts,
            strict_diagnostics,
            place.path,
            diagnostics,
        )
    } else {
        drafts.into_iter().map(Read::strict).collect()
    };
    read.into_iter().map(|r| question_of(r, place)).collect()
}

/// A question of the note at `place`, as the vault keeps it.
fn question_of(read: Read, place: &Place<'_>) -> Question {
    let Read {
        draft: d,
        form,
        labels,
    } = read;
    Question {
        id: d.block_id.map_or_else(
            || id::question_id(place.title, &d.stem),
            |b| QuestionId(b.into()),
        ),
        origin: QuestionOrigin::Note(NoteIx(0)),
        line: d.line,
        stem: d.stem.into(),
        options: match labels {
            Some(labels) => d.options.with_labels(labels),
            None => d.options,
        },
        answer: d.answer,
        explanations: d.explanations,
        explanation: d.explanation.map(Passage::from),
        tags: Arc::clone(place.tags),
        note_title: Some(Arc::clone(place.title)),
        note: None,
        quizzable: d.quizzable,
        form,
    }
}

/// A note's aliases: shared with an earlier read of the note when equal
/// (see `load::Known`), and one list for every note with none.
fn aliases_of(list: Vec<String>) -> Arc<[String]> {
    static NONE: std::sync::OnceLock<Arc<[String]>> = std::sync::OnceLock::new();
    if list.is_empty() {
        return Arc::clone(NONE.get_or_init(|| Arc::from([])));
    }
    exact_list(list)
}

fn exact_list<C: FromIterator<String>>(list: Vec<String>) -> C {
    list.into_iter()
        .map(|mut s| {
            s.shrink_to_fit();
            s
        })
        .collect()
}

/// The file name without its directory and `.md`.
pub(crate) fn file_stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

#[cfg(test)]
#[path = "note_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "block_id_tests.rs"]
mod block_id_tests;
