//! Loading vaults from disk: the `ignore` walk (hidden folders, `.gitignore`
//! and `.ignore` skipped, symlink loops reported, not followed forever),
//! files read and parsed in parallel on every core, each note shown to the
//! caller's [`Sink`] on the thread that parsed it, progress reported, and
//! the results assembled into a [`Vault`](super::Vault) in a fixed order.
//!
//! The only file I/O of notes in munje. Never writes. Knows nothing of
//! what a sink does with the notes it is shown.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::bank::ParsedBank;
use super::diagnostic::Diagnostic;
use super::note::{Depth, ParsedNote};
use super::sink::{KeepAll, NoteSink, Sink};
use read::parse_job;
#[cfg(test)]
use read::read_capped;

mod assemble;
mod edit;
mod known;
mod read;
mod walk;

pub use edit::{Edited, NotAlone, NoteEdit, read_job, read_note};
pub use known::Known;

pub use walk::MAX_WALK_ENTRIES;

/// Files larger than this are skipped with a diagnostic: a study note is a
/// few kilobytes, and a cap bounds memory and time on hostile input.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Parsed files a loading worker hands over at once.
const BATCH: usize = 64;

/// Jobs a loading worker takes from the queue at once.
const TAKE: usize = 8;

/// Batches each worker may have sent that the assembling thread has not
/// taken yet.
const IN_FLIGHT: usize = 4;

/// How to load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Largest file read, in bytes; larger files are diagnostics. At most
    /// 4 GiB less two bytes, whatever is asked.
    pub max_file_bytes: u64,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// How much of each note to read.
    pub depth: Depth,
    /// Files, folders and links a walk visits before it gives up with a
    /// diagnostic ([`MAX_WALK_ENTRIES`]).
    pub walk_budget: usize,
    /// Whether the tolerant reader reads questions beside the strict grammar.
    pub questions: super::QuestionStyle,
    /// Names from a read of the same vault a moment before, to share
    /// rather than copy (see [`Known`]).
    pub known: Option<std::sync::Arc<Known>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: MAX_FILE_BYTES,
            depth: Depth::Full,
            threads: 0,
            walk_budget: MAX_WALK_ENTRIES,
            questions: super::QuestionStyle::default(),
            known: None,
        }
    }
}

/// Loading progress: files parsed so far out of all found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files done.
    pub done: usize,
    /// Files found by the walk.
    pub total: usize,
}

/// A vault root that cannot be loaded at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The root does not exist or cannot be listed.
    #[error("cannot read vault '{path}': {reason}")]
    Unreadable {
        /// The root as given.
        path: PathBuf,
        /// Why: said once in the message, so not also a `source` that an
        /// error chain would print again.
        reason: std::io::Error,
    },
    /// The root is a file, not a folder.
    #[error("vault '{path}' is not a folder")]
    NotAFolder {
        /// The root as given.
        path: PathBuf,
    },
    /// The root is a folder munje will not walk.
    #[error("not reading '{path}' as a vault: {}", reason.text(crate::i18n::Lang::En))]
    Refused {
        /// The root as given.
        path: PathBuf,
        /// Why.
        reason: Refusal,
    },
}

/// Why a folder is not walked as a vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `/`: the whole disk, and the kernel's files under it.
    FileSystemRoot,
    /// A file system the kernel makes up (`proc`, `sysfs`, …), by type.
    PseudoFileSystem(String),
}

impl Refusal {
    /// The reason, for a person.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (Refusal::FileSystemRoot, Lang::Ko) => {
                "파일 시스템 맨 위(/)는 노트 폴더로 읽지 않습니다. 노트가 든 폴더를 --notes로 \
                 지정하세요"
                    .to_owned()
            }
            (Refusal::FileSystemRoot, Lang::En) => {
                "the file system root is the whole disk, not a folder of notes; give --notes \
                 the folder that holds your notes"
                    .to_owned()
            }
            (Refusal::PseudoFileSystem(fs), Lang::Ko) => {
                format!("커널이 만드는 가상 파일 시스템({fs})이라 노트 폴더로 읽지 않습니다")
            }
            (Refusal::PseudoFileSystem(fs), Lang::En) => {
                format!(
                    "it is on '{fs}', a pseudo-filesystem the kernel makes up, not a folder of notes"
                )
            }
        }
    }
}

impl LoadError {
    /// The message in a language (the OS's reason in Korean for the common
    /// cases, else as the OS says it).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (LoadError::Unreadable { path, reason }, Lang::Ko) => {
                let why = match reason.kind() {
                    std::io::ErrorKind::NotFound => "그런 폴더가 없습니다".to_owned(),
                    std::io::ErrorKind::PermissionDenied => "읽을 권한이 없습니다".to_owned(),
                    _ => reason.to_string(),
                };
                format!("볼트 '{}'를 읽을 수 없습니다: {why}", path.display())
            }
            (LoadError::NotAFolder { path }, Lang::Ko) => {
                format!("볼트 '{}'는 폴더가 아닙니다", path.display())
            }
            (LoadError::Refused { path, reason }, Lang::Ko) => format!(
                "'{}'을(를) 노트 폴더로 읽지 않습니다: {}",
                path.display(),
                reason.text(lang)
            ),
        }
    }
}

/// Where a file's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Bytes compiled into the binary (the bundled deck).
    Static(&'static [u8]),
}

/// One file to parse.
#[derive(Debug, Clone)]
pub struct Job {
    /// Index of its root.
    pub root: usize,
    /// Path relative to the root, `/` separators.
    pub rel: std::sync::Arc<str>,
    /// Where to read it.
    pub source: Source,
}

// Not boxed: the assembling thread would free each box, memory the
// reading thread allocated, and wait on that thread's heap lock to do it.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Parsed {
    Note(ParsedNote),
    Bank(ParsedBank),
    Skipped(Diagnostic),
    /// A file this depth does not read (a bank, for [`Depth::Card`]).
    Nothing,
}

/// Loads and merges vault roots. Problems inside files are diagnostics;
/// an `Err` means a root itself cannot be read.
pub fn load(
    roots: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<super::Vault, LoadError> {
    load_with(roots, options, progress, KeepAll).map(|(vault, ())| vault)
}

/// [`load`], showing every note to `sink` on the thread that parsed it:
/// the vault keeps whole only the notes the sink keeps, and the sink's
/// combined result comes back beside it.
pub fn load_with<S: Sink>(
    roots: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: S,
) -> Result<(super::Vault, S::Output), LoadError> {
    let mut jobs = Vec::new();
    let mut walk_diags = Vec::new();
    for (ix, root) in roots.iter().enumerate() {
        walk::walk(
            ix,
            root,
            options.threads,
            options.walk_budget,
            &mut jobs,
            &mut walk_diags,
        )?;
    }
    let names = roots.iter().map(|r| r.display().to_string()).collect();
    let (mut vault, finished) = parse_all(names, jobs, options, progress, &sink);
    vault.diagnostics.extend(walk_diags);
    assemble::sort_diagnostics(&mut vault);
    let output = sink.combine(finished, &vault);
    Ok((vault, output))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(text) = rel.to_str()
    {
        return text.to_owned();
    }
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::Loop { child, .. } => Some(child),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// Parses files in parallel and assembles a vault whose roots display as
/// `roots`. Used for disk vaults and for the bundled deck.
pub fn load_sources(
    roots: Vec<String>,
    jobs: Vec<Job>,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> super::Vault {
    load_sources_with(roots, jobs, options, progress, KeepAll).0
}

/// [`load_sources`], showing every note to `sink` as [`load_with`] does.
pub fn load_sources_with<S: Sink>(
    roots: Vec<String>,
    jobs: Vec<Job>,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: S,
) -> (super::Vault, S::Output) {
    let (vault, finished) = parse_all(roots, jobs, options, progress, &sink);
    let output = sink.combine(finished, &vault);
    (vault, output)
}

/// Parses files on the loading threads, each with its own sink, and
/// assembles the vault in (root, path) order as they arrive.
fn parse_all<S: Sink>(
    roots: Vec<String>,
    mut jobs: Vec<Job>,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: &S,
) -> (super::Vault, Vec<<S::Thread as NoteSink>::Finished>) {
    jobs.sort_by(|a, b| (a.root, &a.rel).cmp(&(b.root, &b.rel)));
    let total = jobs.len();
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
    .clamp(1, total.max(1));
    let done = AtomicUsize::new(0);
    let first_look = read::first_look(sink, options);
    let mut assembler = assemble::Assembler::new(roots, total);
    // Workers take jobs in order and own them: a job's paths are freed, or
    // become its note's, as soon as it is parsed, and the list shrinks as
    // it empties.
    jobs.reverse();
    let queue = Mutex::new(jobs);
    let (queue, done) = (&queue, &done);
    let finished = std::thread::scope(|scope| {
        // A few batches a worker in flight, no more: a worker ahead of the
        // assembling thread waits. Unbounded, the parsed notes waiting for
        // it piled up in the workers' heaps, whose freed space no later
        // thread reuses: 90 MB more at the app's peak at 100,000 notes
        // (BENCHMARKS.md, "One copy of the text").
        let (sender, receiver) =
            std::sync::mpsc::sync_channel::<Vec<(usize, usize, Parsed)>>(IN_FLIGHT * threads);
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let sender = sender.clone();
            workers.push(scope.spawn(move || {
                let mut mine = sink.thread();
                let mut reader = read::Reader::default();
                read::warm_heap(total / threads);
                // Files go over in small batches: a message per file would
                // wake the assembling thread ten thousand times.
                let mut batch = Vec::with_capacity(BATCH);
                // Jobs are taken a few at a time: a lock per file made the
                // readers queue for it.
                let mut taken = Vec::with_capacity(TAKE);
                loop {
                    if taken.is_empty() {
                        let mut left = queue
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        for _ in 0..TAKE {
                            let Some(job) = left.pop() else { break };
                            taken.push((total - 1 - left.len(), job));
                        }
                        if left.len() < left.capacity() / 2 {
                            left.shrink_to_fit();
                        }
                        // Taken last first: the earliest job is read first.
                        taken.reverse();
                    }
                    let Some((i, job)) = taken.pop() else { break };
                    let root = job.root;
                    let parsed = reader.read(job, options, &mut mine, first_look);
                    let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(Progress { done: d, total });
                    batch.push((i, root, parsed));
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        if sender.send(full).is_err() {
                            break;
                        }
                    }
                }
                // The receiver outlives every worker: this cannot fail.
                let _ = sender.send(batch);
                mine.finish()
            }));
        }
        drop(sender);
        // Assembling while the workers parse frees each file's temporary
        // structures at once, instead of holding every parsed file until
        // the last one is done (issue #2's memory target). Jobs are taken
        // in order, so the few that finish early wait in a small buffer.
        let mut early = BTreeMap::new();
        let mut expected = 0;
        for batch in receiver {
            for (i, root, parsed) in batch {
                early.insert(i, (root, parsed));
            }
            while let Some((root, parsed)) = early.remove(&expected) {
                assembler.add(root, parsed);
                expected += 1;
            }
        }
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    (assembler.finish(), finished)
}

#[cfg(test)]
pub(crate) mod tests;
