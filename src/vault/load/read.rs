//! One file read and parsed on a loading thread, and shown to that
//! thread's sink: the note read as deep as the load asks, or, for a sink
//! that looks at each note's card first ([`Sink::looks_at_cards`]), only
//! as far as its card when the sink wants no more of it.
//!
//! Owns reading a file's bytes (capped) and what a sink is shown of it;
//! parsing is `note`'s and `bank`'s.

use std::collections::HashSet;
use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use super::{Job, LoadOptions, Parsed, Source};
use crate::vault::bank::{is_bank_path, parse_bank};
use crate::vault::diagnostic::Diagnostic;
use crate::vault::note::{Depth, ParsedNote, parse_note_as};
use crate::vault::sink::{FirstLook, NoteSink, Sink, apply};
use crate::vault::tags::Tag;

/// Tag lists a reading thread keeps for sharing at most.
const MAX_TAG_LISTS: usize = 4096;

/// A loading thread's reader: its file buffer, reused from file to file,
/// and one copy of each tag list it has read.
#[derive(Default)]
pub(super) struct Reader {
    buffer: Vec<u8>,
    tag_lists: HashSet<Arc<[Tag]>>,
}

impl Reader {
    /// Reads one file and shows its note to `sink` ([`read_for`]).
    pub(super) fn read<T: NoteSink>(
        &mut self,
        job: Job,
        options: &LoadOptions,
        sink: &mut T,
        first_look: bool,
    ) -> Parsed {
        let mut parsed = read_for(job, options, &mut self.buffer, sink, first_look);
        if let Parsed::Note(n) = &mut parsed {
            self.share_tags(n);
            // Here, not where notes are put together: the copies given up
            // are this thread's to free (see `Parsed`).
            if let Some(known) = &options.known {
                known.share(&mut n.note);
            }
        }
        parsed
    }

    /// Gives the note this thread's copy of its tag list when the thread
    /// has read the same list before. The assembling thread replaces each
    /// note's list with the vault's shared copy and drops the note's; a
    /// list this thread still holds is then not freed there: memory freed
    /// on another thread than the one that allocated it waits on that
    /// thread's heap lock, which the reading threads hold nearly always.
    fn share_tags(&mut self, n: &mut ParsedNote) {
        let mine = &n.note.tags;
        if mine.is_empty() {
            return;
        }
        let Some(shared) = self.tag_lists.get(mine) else {
            // A vault of many different lists keeps a few thousand, not
            // every one until the load ends.
            if self.tag_lists.len() >= MAX_TAG_LISTS {
                self.tag_lists.clear();
            }
            self.tag_lists.insert(Arc::clone(mine));
            return;
        };
        let shared = Arc::clone(shared);
        for q in &mut n.questions {
            if Arc::ptr_eq(&q.tags, mine) {
                q.tags = Arc::clone(&shared);
            }
        }
        n.note.tags = shared;
    }
}

/// Whether a load's threads show each note's card to their sink before
/// reading it further: when the sink asks, and the load reads past cards.
pub(super) fn first_look<S: Sink>(sink: &S, options: &LoadOptions) -> bool {
    options.depth != Depth::Card && sink.looks_at_cards()
}

/// Reads and parses one file into `buffer` (the thread's, reused from
/// file to file) and shows its note to `sink`: first its card when
/// `first_look`, then, unless the sink wants only the card, the note read
/// to the load's depth, whose [`crate::vault::Verdict`] is applied. The
/// file is read from disk once either way.
pub(super) fn read_for<T: NoteSink>(
    job: Job,
    options: &LoadOptions,
    buffer: &mut Vec<u8>,
    sink: &mut T,
    first_look: bool,
) -> Parsed {
    let bytes = file_bytes(&job, options, buffer);
    if first_look
        && let Ok(bytes) = bytes
        && let Some(card) = card_only(&job, bytes, options, sink)
    {
        return finish(job, Parsed::Note(card));
    }
    let parsed = parse_bytes(&job.rel, bytes, options);
    // The sink is shown the note in its place (root and path).
    let mut parsed = finish(job, parsed);
    if let Parsed::Note(n) = &mut parsed {
        apply(sink.note(n), n);
    }
    parsed
}

/// The note's card when the sink, shown it, wants nothing more of the
/// note; `None` when the note is to be read whole (or is a bank, or
/// cannot be read as a card: the whole read then says why).
fn card_only<T: NoteSink>(
    job: &Job,
    bytes: &[u8],
    options: &LoadOptions,
    sink: &mut T,
) -> Option<ParsedNote> {
    if is_bank_path(&job.rel) {
        return None;
    }
    let mut card = parse_note_as(&job.rel, bytes, Depth::Card, options.questions).ok()?;
    // Where the note lies, as the sink is told of every note it is shown.
    card.note.root = job.root;
    match sink.card(&card) {
        FirstLook::Name => Some(card),
        FirstLook::Whole => None,
    }
}

/// The file's bytes: the bundled ones, or the file read into `buffer`.
fn file_bytes<'b>(
    job: &'b Job,
    options: &LoadOptions,
    buffer: &'b mut Vec<u8>,
) -> Result<&'b [u8], Diagnostic> {
    match &job.source {
        Source::Static(bytes) => Ok(bytes),
        Source::File(path) => {
            read_capped(path, &job.rel, options.max_file_bytes, buffer).map(|n| &buffer[..n])
        }
    }
}

/// Parses one file, read into `buffer` (the thread's, reused from file
/// to file).
pub(super) fn parse_job(job: Job, options: &LoadOptions, buffer: &mut Vec<u8>) -> Parsed {
    let bytes = file_bytes(&job, options, buffer);
    let parsed = parse_bytes(&job.rel, bytes, options);
    finish(job, parsed)
}

/// Parses a file's bytes (or says why they could not be read) as the
/// load's depth reads it.
fn parse_bytes(rel: &str, bytes: Result<&[u8], Diagnostic>, options: &LoadOptions) -> Parsed {
    let (depth, questions) = (options.depth, options.questions);
    match bytes {
        Err(d) => Parsed::Skipped(d),
        Ok(_) if depth == Depth::Card && is_bank_path(rel) => Parsed::Nothing,
        Ok(bytes) if is_bank_path(rel) => match parse_bank(rel, bytes) {
            Ok(b) => Parsed::Bank(b),
            Err(d) => Parsed::Skipped(d),
        },
        Ok(bytes) => match parse_note_as(rel, bytes, depth, questions) {
            Ok(n) => Parsed::Note(n),
            Err(d) => Parsed::Skipped(d),
        },
    }
}

/// Gives the parsed file its place: the job's root, and the job's path
/// string (the same text: the parse's copy is freed).
fn finish(job: Job, mut parsed: Parsed) -> Parsed {
    if let Parsed::Note(n) = &mut parsed {
        n.note.path = job.rel;
        n.note.root = job.root;
    }
    let diags = match &mut parsed {
        Parsed::Note(n) => n.diagnostics.iter_mut().collect::<Vec<_>>(),
        Parsed::Bank(b) => b.diagnostics.iter_mut().collect(),
        Parsed::Skipped(d) => vec![d],
        Parsed::Nothing => Vec::new(),
    };
    for d in diags {
        d.root = job.root;
    }
    parsed
}

/// Grows this thread's heap once to about what `files` notes keep, then
/// gives it back. glibc grows a thread's heap a page at a time, with a
/// system call each time; a heap that has been this large before grows
/// back without one (and the untouched pages cost no memory meanwhile).
/// Kept for what it saves: loading 10,000 notes makes 11,823–12,083
/// `mprotect` calls without it and 1,959–4,634 with it (three runs each,
/// `strace -f -c`, `MUNJE_BENCH_ONCE=load`; wall time on the busy machine
/// could not tell the two apart);
/// a streamed search, which keeps no text, pays about 130 calls more.
pub(super) fn warm_heap(files: usize) {
    const CHUNK: usize = 64 * 1024;
    const MAX: usize = 48 * 1024 * 1024;
    let bytes = files.saturating_mul(5 * 1024).min(MAX);
    let chunks: Vec<Vec<u8>> = (0..bytes / CHUNK)
        .map(|_| Vec::with_capacity(CHUNK))
        .collect();
    // Kept opaque so the compiler cannot drop the unused allocations.
    drop(std::hint::black_box(chunks));
}

/// Reads a file into `buffer` and returns its length, refusing more than
/// `max` bytes. The buffer is kept from file to file and only grows, so a
/// file costs no allocation and no size query: a read that fills the
/// buffer grows it, up to one byte past `max`, which makes the file too big
/// (so a file that grows while it is read cannot slip past either).
pub(super) fn read_capped(
    path: &Path,
    rel: &str,
    max: u64,
    buffer: &mut Vec<u8>,
) -> Result<usize, Diagnostic> {
    let cannot = |e: std::io::Error| {
        let error = e.to_string();
        Diagnostic::error(
            rel,
            1,
            1,
            crate::vault::message::Message::CannotReadFile { error },
        )
    };
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    // Places inside one note are kept in 32 bits (the search's scan
    // memory), so no cap reaches 4 GiB.
    let max = max.min(u64::from(u32::MAX) - 1);
    let cap = usize::try_from(max).unwrap_or(usize::MAX).saturating_add(1);
    let mut filled = 0;
    loop {
        if filled == buffer.len() {
            if filled >= cap {
                break;
            }
            let grown = buffer.len().saturating_mul(2).max(64 * 1024).min(cap);
            buffer.resize(grown, 0);
        }
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    if filled as u64 > max {
        let size = file.metadata().map_or(filled as u64, |m| m.len());
        return Err(Diagnostic::error(
            rel,
            1,
            1,
            crate::vault::message::Message::FileTooLarge {
                size,
                max,
                bank: is_bank_path(rel),
            },
        ));
    }
    Ok(filled)
}
