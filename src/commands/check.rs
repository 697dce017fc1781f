//! `munje check`: every diagnostic, rustc-style (a `path:line:col:` line,
//! then the source line and a caret, drawn by annotate-snippets) or as
//! JSON, and a closing count. Exit 0 with no errors, 1 with any. The
//! question-quality lint comes just before the count ([`quality`]); the
//! warnings for answer-like lines no question was read from are found
//! while the vault loads ([`hints`]).

mod hints;
mod quality;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::source::{display_path, open_vault_with, question_style, vault_roots};
use crate::cli::{CheckArgs, CheckFormat, GlobalArgs};
use crate::i18n::Lang;
use crate::text::visible;
use crate::vault::quality::assess;
use crate::vault::{Diagnostic, Severity, Vault};

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let style = args.questions.map_or_else(question_style, Into::into);
    if let Some(target) = &args.explain {
        return super::explain::run(vault_roots(global).as_deref(), target, style, lang);
    }
    let (mut vault, unread) = open_vault_with(global, style, hints::Hints { style })?;
    add_diagnostics(&mut vault, unread);
    let orphans = super::progress::orphan_warnings(global, &vault);
    vault.diagnostics.extend(orphans);
    let out = match args.format {
        CheckFormat::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            render_text(&vault, color, lang)
        }
        CheckFormat::Json => render_json(&vault, lang)?,
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    let (errors, _) = vault.diagnostic_counts();
    super::source::keep_until_exit(vault);
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Adds diagnostics found after the load to the vault's, keeping them in
/// order of root, path, line and column (a stable sort: at one place, the
/// load's own come first).
fn add_diagnostics(vault: &mut Vault, found: Vec<Diagnostic>) {
    if found.is_empty() {
        return;
    }
    vault.diagnostics.extend(found);
    vault.diagnostics.sort_by(|a, b| {
        (a.root, &a.path, a.line, a.column).cmp(&(b.root, &b.path, b.line, b.column))
    });
}

/// The text report: each diagnostic with its snippet, the quality
/// section, then the summary.
pub fn render_text(vault: &Vault, color: bool, lang: Lang) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in &vault.diagnostics {
        let path = display_path(vault, d.root, &d.path);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}: {}",
            visible(&path),
            d.line,
            d.column,
            d.severity.label(lang),
            visible(&d.text(lang))
        );
        if let Some(snippet) = snippet(&renderer, d) {
            out.push_str(&snippet);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&super::explain::render_forms(vault, lang));
    out.push_str(&quality::text(vault, &assess(vault), lang));
    out.push_str(&summary(vault, lang));
    out.push('\n');
    out
}

fn snippet(renderer: &Renderer, d: &Diagnostic) -> Option<String> {
    let raw = d.source_line.as_deref()?;
    // The line as a terminal may show it, and the marked characters' byte
    // range in it (an escape is longer than the character it shows).
    let mut source = String::with_capacity(raw.len());
    let (mut start, mut end) = (None, None);
    for (i, c) in raw.chars().enumerate() {
        if i + 1 == d.column {
            start = Some(source.len());
        }
        if i + 1 == d.column + d.span {
            end = Some(source.len());
        }
        crate::text::push_visible(&mut source, c);
    }
    let start = start.unwrap_or(source.len());
    let end = end.unwrap_or(source.len());
    let source = source.as_str();
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let group = Group::with_level(level).element(
        Snippet::source(source)
            .line_start(d.line)
            .annotation(AnnotationKind::Primary.span(start..end.max(start))),
    );
    Some(renderer.render(&[group]))
}

/// `N notes, M questions, E errors, W warnings`, in the user's language.
pub fn summary(vault: &Vault, lang: crate::i18n::Lang) -> String {
    let (errors, warnings) = vault.diagnostic_counts();
    let (notes, questions) = (vault.notes.len(), vault.questions.len());
    match lang {
        crate::i18n::Lang::Ko => {
            format!("노트 {notes}개, 문제 {questions}개, 오류 {errors}개, 경고 {warnings}개")
        }
        crate::i18n::Lang::En => {
            format!("{notes} notes, {questions} questions, {errors} errors, {warnings} warnings")
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    quality: quality::Json<'a>,
    notes: usize,
    questions: usize,
    errors: usize,
    warnings: usize,
    /// Questions read in each form, per vault root.
    forms: Vec<super::explain::FormCounts>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    line: usize,
    column: usize,
    severity: Severity,
    message: &'a str,
}

fn render_json(vault: &Vault, lang: Lang) -> anyhow::Result<String> {
    let (errors, warnings) = vault.diagnostic_counts();
    let assessed = assess(vault);
    let report = JsonReport {
        diagnostics: vault
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                path: display_path(vault, d.root, &d.path),
                line: d.line,
                column: d.column,
                severity: d.severity,
                message: &d.message,
            })
            .collect(),
        quality: quality::json(vault, &assessed, lang),
        notes: vault.notes.len(),
        questions: vault.questions.len(),
        errors,
        warnings,
        forms: super::explain::form_counts(vault),
    };
    let mut s = super::json::to_string_pretty(&report)?;
    s.push('\n');
    Ok(s)
}
