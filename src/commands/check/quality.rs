//! The question-quality section of `munje check`: the lint's warnings and
//! its one-line summary as text, or its figures and warnings as JSON. The
//! lint itself is [`crate::vault::quality`]; this only words and places it.

use std::fmt::Write as _;

use serde::Serialize;

use crate::commands::quiz::render::plain;
use crate::commands::source::display_path;
use crate::i18n::Lang;
use crate::vault::Vault;
use crate::vault::quality::{Figures, Quality, QualityWarning, message, place};

/// `path:line:col` of a question's warning, as `check` prints places.
fn located(vault: &Vault, w: &QualityWarning) -> Option<(String, usize)> {
    let (root, path, line) = place(vault, w.question()?)?;
    Some((display_path(vault, root, path), line))
}

/// The warnings about single questions (`path:line:1: quality warning: …`),
/// then the deck-wide ones, then the summary line; empty for a vault with
/// no question to assess. Vault text is made safe for a terminal.
pub fn text(vault: &Vault, quality: &Quality, lang: Lang) -> String {
    let label = message::label(lang);
    let mut out = String::new();
    let (located_first, deck): (Vec<_>, Vec<_>) = quality
        .warnings
        .iter()
        .partition(|w| w.question().is_some());
    for w in located_first {
        if let Some((path, line)) = located(vault, w) {
            let msg = message::warning(vault, w, lang);
            let _ = writeln!(
                out,
                "{}",
                plain(&format!("{path}:{line}:1: {label}: {msg}"))
            );
        }
    }
    for w in deck {
        let _ = writeln!(out, "{label}: {}", message::warning(vault, w, lang));
    }
    let summary = message::summary(&quality.figures, quality.warnings.len(), lang);
    if !summary.is_empty() {
        out.push_str(&summary);
        out.push('\n');
    }
    out
}

/// The quality part of `check --format json`.
#[derive(Serialize)]
pub struct Json<'a> {
    figures: &'a Figures,
    warnings: Vec<JsonWarning>,
    summary: String,
}

#[derive(Serialize)]
struct JsonWarning {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    message: String,
}

/// The figures, each warning with its kind, place and message, and the
/// summary line.
pub fn json<'a>(vault: &Vault, quality: &'a Quality, lang: Lang) -> Json<'a> {
    Json {
        figures: &quality.figures,
        warnings: quality
            .warnings
            .iter()
            .map(|w| {
                let at = located(vault, w);
                JsonWarning {
                    kind: w.code(),
                    line: at.as_ref().map(|a| a.1),
                    path: at.map(|a| a.0),
                    message: message::warning(vault, w, lang),
                }
            })
            .collect(),
        summary: message::summary(&quality.figures, quality.warnings.len(), lang),
    }
}
