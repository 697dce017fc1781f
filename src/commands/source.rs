//! Which vault a command works on: `--notes` (repeatable), else
//! `$MUNJE_NOTES` (split like `PATH`), else the bundled deck.

use std::path::{Path, PathBuf};

use crate::cli::GlobalArgs;
use crate::vault::{self, KeepAll, LoadOptions, QuestionStyle, Sink, Vault};

/// The vault roots the arguments name, or `None` for the bundled deck.
pub fn vault_roots(global: &GlobalArgs) -> Option<Vec<PathBuf>> {
    if !global.notes.is_empty() {
        return Some(global.notes.clone());
    }
    let var = std::env::var_os("MUNJE_NOTES").filter(|v| !v.is_empty())?;
    let roots: Vec<PathBuf> = std::env::split_paths(&var)
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    (!roots.is_empty()).then_some(roots)
}

/// Loads the vault the arguments name, reading questions as config.toml
/// says. An `Err` means a vault root itself could not be read (exit
/// status 2); problems inside files are diagnostics.
pub fn open_vault(global: &GlobalArgs) -> anyhow::Result<Vault> {
    open_vault_as(global, question_style())
}

/// [`open_vault`] reading questions in a given style.
pub fn open_vault_as(global: &GlobalArgs, style: QuestionStyle) -> anyhow::Result<Vault> {
    open_vault_with(global, style, KeepAll).map(|(vault, ())| vault)
}

/// [`open_vault_as`], showing every note to `sink` on the thread that
/// parsed it ([`vault::load_with`]); the sink's result comes back beside
/// the vault.
pub fn open_vault_with<S: Sink>(
    global: &GlobalArgs,
    style: QuestionStyle,
    sink: S,
) -> anyhow::Result<(Vault, S::Output)> {
    let options = LoadOptions {
        questions: style,
        ..LoadOptions::default()
    };
    match vault_roots(global) {
        Some(roots) => {
            vault::load_with(&roots, &options, &|_| {}, sink).map_err(|e| localized(&e, global))
        }
        None => Ok(vault::load_bundled_with(sink)),
    }
}

/// The question style config.toml asks for (`questions = "strict"`), the
/// tolerant reader by default. A bad value is reported on stderr.
pub fn question_style() -> QuestionStyle {
    let (config, problems) = super::config::read_config(crate::i18n::Lang::detect(None));
    for p in problems.iter().filter(|p| p.contains("questions")) {
        eprintln!("munje: {p}");
    }
    config.questions.unwrap_or_default()
}

/// Hands a loaded vault (or index) to the operating system instead of
/// freeing it: a one-shot command exits right after, and freeing a large
/// vault's hundreds of thousands of strings one by one is a tenth of some
/// commands. Measured on 10,000 notes (`munje check`, hyperfine, 15 runs
/// each, alternated, on a busy machine): 602 ms wall and 363 ms user kept,
/// 669 ms and 392 ms freed, +11% and +8%, so it stays. A streamed search's
/// vault of note names costs nothing measurable to free either way.
pub fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}

/// A file's path for messages: its root joined with its relative path, as
/// the user wrote the root; bundled files show their package path.
pub fn display_path(vault: &Vault, root: usize, rel: &str) -> String {
    match vault.roots.get(root) {
        Some(r) if r != vault::bundled::BUNDLED_ROOT => {
            Path::new(r).join(rel).display().to_string()
        }
        _ => rel.to_owned(),
    }
}

/// A vault that cannot be loaded, said in the user's language.
pub fn localized(err: &vault::LoadError, global: &GlobalArgs) -> anyhow::Error {
    anyhow::anyhow!(err.message(crate::i18n::Lang::detect(global.lang)))
}
