//! The warning `check` gives a note that has an answer-like line but no
//! question read (at that line, saying why it was not read), found while
//! the vault loads: a [`Sink`] reads each note's hint on the thread that
//! parsed it and then frees the note's text, which nothing else `check`
//! reports reads. The vault keeps every note's name and questions, so
//! the rest of the report is made from it as before, without holding
//! every note's body (331 MB at 100,000 notes) until the end.
//!
//! Owns finding and wording the hints; the reading itself is
//! [`crate::vault::unread_hint`].

use crate::commands::source::display_path;
use crate::vault::{
    Diagnostic, Message, NoteSink, ParsedNote, QuestionStyle, Sink, Vault, Verdict, unread_hint,
};

/// Finds every note's unread hint as the vault loads, keeping only the
/// notes' names and questions.
#[derive(Debug, Clone, Copy)]
pub struct Hints {
    /// How questions are read: a hint says why a line was not read.
    pub style: QuestionStyle,
}

/// One loading thread's hints, in the order it parsed their notes.
pub struct ThreadHints {
    style: QuestionStyle,
    found: Vec<Found>,
}

/// A hint before its vault is assembled (its path is shown from the
/// vault's roots).
pub struct Found {
    root: usize,
    path: String,
    line: usize,
    why: Message,
    source: Option<String>,
}

impl Sink for Hints {
    type Thread = ThreadHints;
    type Output = Vec<Diagnostic>;

    fn thread(&self) -> ThreadHints {
        ThreadHints {
            style: self.style,
            found: Vec::new(),
        }
    }

    /// The hints as warnings, in the vault's order of notes.
    fn combine(self, finished: Vec<Vec<Found>>, vault: &Vault) -> Vec<Diagnostic> {
        let mut found: Vec<Found> = finished.into_iter().flatten().collect();
        found.sort_by(|a, b| (a.root, &a.path).cmp(&(b.root, &b.path)));
        found
            .into_iter()
            .map(|f| {
                let mut d = Diagnostic::warning(
                    &f.path,
                    f.line,
                    1,
                    Message::UnreadHint {
                        why: Box::new(f.why),
                        path: display_path(vault, f.root, &f.path),
                        line: f.line,
                    },
                );
                d.root = f.root;
                match f.source {
                    Some(text) => d.with_source(&text, text.chars().count()),
                    None => d,
                }
            })
            .collect()
    }
}

impl NoteSink for ThreadHints {
    type Finished = Vec<Found>;

    fn note(&mut self, n: &ParsedNote) -> Verdict {
        // A parsed note's own list of questions is filled only when it
        // joins the vault: until then its questions are `n.questions`.
        if !n.questions.is_empty() {
            return Verdict::KeepQuestions;
        }
        let note = &n.note;
        // A note being loaded holds its own body (see `Body::own`).
        let body = note.body.own().unwrap_or_default();
        if let Some((line, why)) = unread_hint(note, body, self.style) {
            let source = body.lines().nth(line.saturating_sub(note.body_line));
            self.found.push(Found {
                root: note.root,
                path: note.path.to_string(),
                line,
                why,
                source: source.map(str::to_owned),
            });
        }
        Verdict::KeepQuestions
    }

    fn finish(self) -> Vec<Found> {
        self.found
    }
}

/// The hints of a vault loaded whole: what [`Hints`] finds as it loads,
/// read afterwards from every note's body. The simple path, kept to check
/// the streamed one against.
#[cfg(test)]
pub fn of_whole(vault: &Vault, style: QuestionStyle) -> Vec<Diagnostic> {
    let mut hints = Vec::new();
    for note in &vault.notes {
        let body = vault.body(note);
        let Some((line, why)) = unread_hint(note, &body, style) else {
            continue;
        };
        let path = display_path(vault, note.root, &note.path);
        let mut d = Diagnostic::warning(
            &note.path,
            line,
            1,
            Message::UnreadHint {
                why: Box::new(why),
                path,
                line,
            },
        );
        d.root = note.root;
        if let Some(text) = body.lines().nth(line.saturating_sub(note.body_line)) {
            d = d.with_source(text, text.chars().count());
        }
        hints.push(d);
    }
    hints
}
