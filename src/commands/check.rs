//! `munje check`: every diagnostic, rustc-style (a `path:line:col:` line,
//! then the source line and a caret, drawn by annotate-snippets) or as
//! JSON, and a closing count. Exit 0 with no errors, 1 with any.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::source::{display_path, open_vault_as, question_style, vault_roots};
use crate::cli::{CheckArgs, CheckFormat, GlobalArgs};
use crate::vault::{Diagnostic, Severity, Vault};

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let style = args.questions.map_or_else(question_style, Into::into);
    if let Some(target) = &args.explain {
        return super::explain::run(vault_roots(global).as_deref(), target, style);
    }
    let mut vault = open_vault_as(global, style)?;
    super::explain::add_hints(&mut vault, style);
    let out = match args.format {
        CheckFormat::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            render_text(&vault, color)
        }
        CheckFormat::Json => render_json(&vault)?,
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

/// The text report: each diagnostic with its snippet, then the summary.
pub fn render_text(vault: &Vault, color: bool) -> String {
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
            "{path}:{}:{}: {}: {}",
            d.line, d.column, d.severity, d.message
        );
        if let Some(snippet) = snippet(&renderer, d) {
            out.push_str(&snippet);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&super::explain::render_forms(vault));
    out.push_str(&summary(vault));
    out.push('\n');
    out
}

fn snippet(renderer: &Renderer, d: &Diagnostic) -> Option<String> {
    let source = d.source_line.as_deref()?;
    let start = source
        .char_indices()
        .nth(d.column - 1)
        .map_or(source.len(), |(i, _)| i);
    let end = source[start..]
        .char_indices()
        .nth(d.span)
        .map_or(source.len(), |(i, _)| start + i);
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

/// `N notes, M questions, E errors, W warnings`.
pub fn summary(vault: &Vault) -> String {
    let (errors, warnings) = vault.diagnostic_counts();
    format!(
        "{} notes, {} questions, {errors} errors, {warnings} warnings",
        vault.notes.len(),
        vault.questions.len()
    )
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
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

fn render_json(vault: &Vault) -> anyhow::Result<String> {
    let (errors, warnings) = vault.diagnostic_counts();
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
        notes: vault.notes.len(),
        questions: vault.questions.len(),
        errors,
        warnings,
        forms: super::explain::form_counts(vault),
    };
    let mut s = serde_json::to_string_pretty(&report)?;
    s.push('\n');
    Ok(s)
}
