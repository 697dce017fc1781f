//! Where a load's notes go: a sink per loading thread, in the shape of
//! ripgrep's `Sink`. Each thread makes its own [`NoteSink`], shows it every
//! note it parses (the sink says whether the vault keeps the note whole),
//! calls [`NoteSink::finish`] once after its last note, and the load ends
//! with [`Sink::combine`] over what every thread finished with, beside the
//! assembled vault.
//!
//! Owns the contract only. The loader knows no consumer: a plain load keeps
//! every note ([`KeepAll`]); other parts of munje (a one-shot search, a
//! list that fills as notes load) bring sinks of their own.

use super::model::Vault;
use super::note::ParsedNote;

/// What becomes of a note a sink was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The vault keeps the note whole.
    Keep,
    /// The vault keeps only the note's name: its path, title, aliases,
    /// tags, heading and diagnostics, so bank entries still link to it and
    /// its place in the vault's order stays. Its body, sections, links, key
    /// point and questions are freed on the loading thread.
    Drop,
    /// The vault keeps the note's name and its questions (so they join the
    /// vault's questions and the note's list of them, as for
    /// [`Verdict::Keep`]); its body, sections, links and key point are
    /// freed on the loading thread. For a consumer that has read what it
    /// needs of the text and works on the questions afterwards.
    KeepQuestions,
}

/// What a sink wants of a note after a first look at its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstLook {
    /// Read the note as deep as the load reads, and show it to
    /// [`NoteSink::note`].
    Whole,
    /// Read no further: the vault keeps the card as the note's name, as
    /// for [`Verdict::Drop`] (its diagnostics are the frontmatter's: the
    /// rest of the file is not looked at), and the note is not shown to
    /// [`NoteSink::note`].
    Name,
}

/// One loading thread's sink: shown every note that thread parses, in the
/// order it parses them, then finished once.
pub trait NoteSink: Send {
    /// What the thread hands back when it is done.
    type Finished: Send;

    /// A first look at a note before it is read past its name: its card
    /// ([`crate::vault::Depth::Card`]: frontmatter and heading, no body).
    /// Asked only of the sinks of a [`Sink`] that
    /// [looks at cards](Sink::looks_at_cards), on loads that read deeper
    /// than cards.
    fn card(&mut self, _card: &ParsedNote) -> FirstLook {
        FirstLook::Whole
    }

    /// A note just parsed on this thread: keep it whole or drop it.
    fn note(&mut self, note: &ParsedNote) -> Verdict;

    /// Called once, after this thread's last note.
    fn finish(self) -> Self::Finished;
}

/// Makes one [`NoteSink`] per loading thread, and combines what they
/// finished with once the vault is assembled.
pub trait Sink: Sync {
    /// The sink each loading thread owns.
    type Thread: NoteSink;
    /// What the load hands back beside the vault.
    type Output;

    /// A sink for one more loading thread.
    fn thread(&self) -> Self::Thread;

    /// Whether each note's card is shown to [`NoteSink::card`] first, so
    /// that a note the sink can judge by its name is never read further
    /// (a card costs the file's head, not its whole text).
    fn looks_at_cards(&self) -> bool {
        false
    }

    /// Puts the threads' results together, in no particular order of
    /// threads, with the vault their notes were loaded into.
    fn combine(
        self,
        finished: Vec<<Self::Thread as NoteSink>::Finished>,
        vault: &Vault,
    ) -> Self::Output;
}

/// Keeps every note whole: the sink of a plain load.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeepAll;

impl NoteSink for KeepAll {
    type Finished = ();

    fn note(&mut self, _: &ParsedNote) -> Verdict {
        Verdict::Keep
    }

    fn finish(self) {}
}

impl Sink for KeepAll {
    type Thread = KeepAll;
    type Output = ();

    fn thread(&self) -> KeepAll {
        KeepAll
    }

    fn combine(self, _: Vec<()>, _: &Vault) {}
}

/// Frees what a verdict leaves out of a note.
pub(super) fn apply(verdict: Verdict, n: &mut ParsedNote) {
    match verdict {
        Verdict::Keep => {}
        Verdict::KeepQuestions => drop_text(n),
        Verdict::Drop => {
            drop_text(n);
            n.questions = Vec::new();
        }
    }
}

/// Frees a note's text: what [`Verdict::KeepQuestions`] leaves out.
fn drop_text(n: &mut ParsedNote) {
    let note = &mut n.note;
    note.body = crate::vault::Body::default();
    note.sections = Box::default();
    note.links = Box::default();
    note.key_point = None;
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::vault::{LoadOptions, load, load_with};

    /// Drops the notes whose path holds `drop`, keeps only the questions
    /// of those whose path holds `questions`, counting what it saw.
    struct DropPaths {
        drop: &'static str,
        questions: &'static str,
        seen: usize,
    }

    impl NoteSink for DropPaths {
        type Finished = usize;

        fn note(&mut self, n: &ParsedNote) -> Verdict {
            self.seen += 1;
            if n.note.path.contains(self.drop) {
                Verdict::Drop
            } else if n.note.path.contains(self.questions) {
                Verdict::KeepQuestions
            } else {
                Verdict::Keep
            }
        }

        fn finish(self) -> usize {
            self.seen
        }
    }

    impl Sink for DropPaths {
        type Thread = DropPaths;
        type Output = (Vec<usize>, usize);

        fn thread(&self) -> DropPaths {
            DropPaths {
                drop: self.drop,
                questions: self.questions,
                seen: 0,
            }
        }

        fn combine(self, finished: Vec<usize>, vault: &Vault) -> (Vec<usize>, usize) {
            (finished, vault.notes.len())
        }
    }

    #[test]
    fn every_thread_finishes_once_and_dropped_notes_keep_their_names_or_questions() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vaults/forms");
        let options = LoadOptions {
            threads: 2,
            ..LoadOptions::default()
        };
        let whole = load(std::slice::from_ref(&root), &options, &|_| {}).expect("loads");
        let sink = DropPaths {
            drop: "spot",
            questions: "numbered",
            seen: 0,
        };
        let (vault, (finished, notes)) =
            load_with(&[root], &options, &|_| {}, sink).expect("loads");
        assert_eq!(finished.len(), 2, "one finish per loading thread");
        assert_eq!(finished.iter().sum::<usize>(), whole.notes.len());
        assert_eq!(notes, whole.notes.len(), "combined with the whole vault");
        for (got, want) in vault.notes.iter().zip(&whole.notes) {
            assert_eq!(
                (&got.path, &got.title, &got.tags),
                (&want.path, &want.title, &want.tags)
            );
            if got.path.contains("spot") {
                assert!(got.body.is_empty() && got.sections.is_empty());
                assert!(got.questions.is_empty() && !want.questions.is_empty());
            } else if got.path.contains("numbered") {
                assert!(got.body.is_empty() && got.sections.is_empty());
                assert!(!want.body.is_empty() && !want.sections.is_empty());
                let ids = |v: &Vault, n: &crate::vault::Note| {
                    let q = n.questions.iter().map(|&q| v.question(q).id.clone());
                    q.collect::<Vec<_>>()
                };
                assert!(!want.questions.is_empty());
                assert_eq!(ids(&vault, got), ids(&whole, want));
            } else {
                assert_eq!(vault.body(got), whole.body(want));
                assert_eq!(got.questions.len(), want.questions.len());
            }
        }
        // A bank entry still finds a dropped note by its name.
        let linked = |v: &Vault| v.questions.iter().filter(|q| q.note.is_some()).count();
        let bank_linked = |v: &Vault| {
            v.banks[0]
                .questions
                .iter()
                .filter(|&&q| v.question(q).note.is_some())
                .count()
        };
        assert!(linked(&vault) > 0);
        assert_eq!(bank_linked(&vault), bank_linked(&whole));
        assert_eq!(vault.diagnostics, whole.diagnostics);
    }
}
