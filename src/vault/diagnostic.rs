//! Diagnostics: what is wrong with a file, and exactly where.
//!
//! Owns the diagnostic record and its plain `path:line:col` form. Rendering
//! with source snippets (annotate-snippets) lives in the `check` command.

use std::fmt;

use serde::Serialize;

use super::message::Message;
use crate::i18n::Lang;

/// At most this many diagnostics are kept per file; the rest are counted
/// in one closing warning. A hostile note of a million bad options must
/// not turn into a million messages.
pub const MAX_PER_FILE: usize = 100;

/// The closing warning for `dropped` diagnostics over [`MAX_PER_FILE`].
pub fn dropped_summary(path: &str, line: usize, dropped: usize) -> Diagnostic {
    Diagnostic::warning(
        path,
        line,
        1,
        Message::Dropped {
            dropped,
            limit: MAX_PER_FILE,
        },
    )
}

/// How bad a problem is: errors make `check` fail, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something is lost: a question left out, a file skipped, a field ignored.
    Error,
    /// Worth fixing, but nothing is lost.
    Warning,
}

impl Severity {
    /// `error` or `warning` in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("오류", "error"),
            Severity::Warning => lang.pick("경고", "warning"),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Index of the file's root in `Vault::roots`.
    #[serde(skip)]
    pub root: usize,
    /// Path relative to its root, with `/` separators.
    pub path: String,
    /// 1-based line (CRLF counts as one line break).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in English, quoting the offending value: the stable
    /// text of JSON output and of [`fmt::Display`].
    pub message: String,
    /// What is wrong, as data: [`Diagnostic::text`] words it in a language.
    /// Boxed: a diagnostic is the error of many a `Result`, kept small.
    #[serde(skip)]
    pub kind: Box<Message>,
    /// The text of the offending line, for snippets (no line break).
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many characters from `column` the problem spans (at least 1).
    #[serde(skip)]
    pub span: usize,
}

impl Diagnostic {
    /// An error at a line and column.
    pub fn error(path: &str, line: usize, column: usize, message: Message) -> Self {
        Self::new(Severity::Error, path, line, column, message)
    }

    /// A warning at a line and column.
    pub fn warning(path: &str, line: usize, column: usize, message: Message) -> Self {
        Self::new(Severity::Warning, path, line, column, message)
    }

    fn new(severity: Severity, path: &str, line: usize, column: usize, kind: Message) -> Self {
        Diagnostic {
            root: 0,
            path: path.to_owned(),
            line: line.max(1),
            column: column.max(1),
            severity,
            message: kind.text(Lang::En),
            kind: Box::new(kind),
            source_line: None,
            span: 1,
        }
    }

    /// What is wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.kind.text(lang)
    }

    /// Attaches the offending line's text and the width of the problem.
    #[must_use]
    pub fn with_source(mut self, line_text: &str, span: usize) -> Self {
        self.source_line = Some(line_text.trim_end_matches(['\r', '\n']).to_owned());
        self.span = span.max(1);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path, self.line, self.column, self.severity, self.message
        )
    }
}
