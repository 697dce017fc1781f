//! `munje export`: the whole vault as JSON on stdout, in the shape other
//! tools read (see issue #2): notes with their questions, banks, and the
//! diagnostics. Exit 0 even when there are diagnostics.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::source::open_vault;
use crate::cli::GlobalArgs;
use crate::vault::{Form, Passage, Question, QuestionIx, Severity, Tag, Vault};

/// Runs the command.
pub fn run(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    super::quiz::ignore_broken_pipe(print(global))
}

fn print(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let vault = open_vault(global)?;
    let mut out = std::io::stdout().lock();
    super::json::to_writer(&mut out, &export(&vault), true)?;
    out.write_all(b"\n")?;
    super::source::keep_until_exit(vault);
    Ok(ExitCode::SUCCESS)
}

/// The export document.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    notes: Vec<NoteJson<'a>>,
    banks: Vec<BankJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Debug, Serialize)]
struct NoteJson<'a> {
    path: &'a str,
    title: &'a str,
    heading: Option<&'a str>,
    created: Option<&'a str>,
    modified: Option<&'a str>,
    tags: Vec<&'a str>,
    aliases: &'a [String],
    key_point: Option<std::borrow::Cow<'a, str>>,
    questions: Vec<QuestionJson<'a>>,
}

#[derive(Debug, Serialize)]
struct BankJson<'a> {
    path: &'a str,
    questions: Vec<QuestionJson<'a>>,
}

#[derive(Debug, Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    line: usize,
    stem: Cow<'a, str>,
    options: Vec<OptionJson<'a>>,
    answer: Vec<String>,
    explanations: BTreeMap<String, Cow<'a, str>>,
    explanation: Option<Cow<'a, str>>,
    tags: Vec<&'a str>,
    note: Option<&'a str>,
    quizzable: bool,
    /// How the tolerant reader read it; absent for the strict grammar.
    #[serde(skip_serializing_if = "Option::is_none")]
    form: Option<FormJson>,
}

#[derive(Debug, Serialize)]
struct FormJson {
    stem: &'static str,
    options: &'static str,
    key: &'static str,
}

#[derive(Debug, Serialize)]
struct OptionJson<'a> {
    letter: String,
    text: Cow<'a, str>,
    /// The label as the note writes it (`②`, `b.`), when not the letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct DiagnosticJson<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    severity: Severity,
    message: &'a str,
}

/// Builds the export document of a vault.
pub fn export(vault: &Vault) -> Export<'_> {
    let questions =
        |ixs: &[QuestionIx]| ixs.iter().map(|&ix| question(vault.question(ix))).collect();
    Export {
        notes: vault
            .notes
            .iter()
            .map(|n| NoteJson {
                path: &n.path,
                title: &n.title,
                heading: n.heading.as_deref(),
                created: n.created.as_deref(),
                modified: n.modified.as_deref(),
                tags: n.tags.iter().map(Tag::as_str).collect(),
                aliases: &n.aliases,
                key_point: vault.key_point(n),
                questions: questions(&n.questions),
            })
            .collect(),
        banks: vault
            .banks
            .iter()
            .map(|b| BankJson {
                path: &b.path,
                questions: questions(&b.questions),
            })
            .collect(),
        diagnostics: vault
            .diagnostics
            .iter()
            .map(|d| DiagnosticJson {
                path: &d.path,
                line: d.line,
                column: d.column,
                severity: d.severity,
                message: &d.message,
            })
            .collect(),
    }
}

fn question(q: &Question) -> QuestionJson<'_> {
    QuestionJson {
        id: &q.id.0,
        line: q.line,
        stem: q.stem.text(),
        options: q
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionJson {
                letter: o.letter.to_string(),
                text: o.text,
                label: q.options.label(i),
            })
            .collect(),
        answer: q.answer.iter().map(String::from).collect(),
        explanations: q
            .explanations
            .iter()
            .map(|(l, t)| (l.to_string(), t))
            .collect(),
        explanation: q.explanation.as_ref().map(Passage::text),
        tags: q.tags.iter().map(Tag::as_str).collect(),
        note: q.note_title.as_deref(),
        quizzable: q.quizzable,
        form: match q.form {
            Form::Strict => None,
            Form::Tolerant(t) => Some(FormJson {
                stem: t.stem.name(),
                options: t.options.name(),
                key: t.key.name(),
            }),
        },
    }
}
