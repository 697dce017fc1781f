//! `munje wrong`: the 오답노트 as text, JSON, or a markdown note written to
//! a file outside every vault.
//!
//! Owns the export path check; the notebook itself is
//! [`crate::quiz::Notebook`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{GlobalArgs, WrongArgs};
use crate::i18n::Lang;
use crate::quiz::Notebook;

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &WrongArgs) -> anyhow::Result<ExitCode> {
    super::quiz::ignore_broken_pipe(print(global, args))
}

fn print(global: &GlobalArgs, args: &WrongArgs) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let now = super::quiz::now();
    // Refuse a bad export path before doing any work.
    let roots = super::source::vault_roots(global).unwrap_or_default();
    if let Some(file) = &args.export {
        refuse_inside_vault(file, &roots)?;
    }
    let vault = super::open_vault(global)?;
    let store = super::quiz::open_store(global, lang, now)?;
    let notebook = Notebook::build(&vault, &store.history()?);
    let today = now.day(store.local_offset(now)).to_string();
    let markdown = notebook.to_markdown(lang, &today);
    let mut out = std::io::stdout().lock();
    if let Some(file) = &args.export {
        std::fs::write(file, &markdown)
            .with_context(|| format!("cannot write \"{}\"", file.display()))?;
        let msg = match lang {
            Lang::Ko => format!(
                "오답노트 {}문제를 {}에 썼습니다.",
                notebook.questions.len(),
                file.display()
            ),
            Lang::En => format!(
                "Wrote {} missed questions to {}.",
                notebook.questions.len(),
                file.display()
            ),
        };
        writeln!(out, "{msg}")?;
    } else if args.json {
        super::json::to_writer(&mut out, &notebook, true)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(crate::text::visible_lines(&markdown).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// munje never writes into a vault: an export path inside any vault root
/// (after resolving symlinks and `..`) is refused.
fn refuse_inside_vault(file: &Path, roots: &[PathBuf]) -> anyhow::Result<()> {
    let target = resolve(file);
    for root in roots {
        let Ok(root_abs) = root.canonicalize() else {
            continue;
        };
        if target.starts_with(&root_abs) {
            anyhow::bail!(
                "refusing to write \"{}\": it is inside the vault \"{}\", and munje never writes into a vault",
                file.display(),
                root.display()
            );
        }
    }
    Ok(())
}

/// The absolute, symlink-free form of a path that may not exist yet: its
/// nearest existing ancestor canonicalised, the rest appended.
fn resolve(file: &Path) -> PathBuf {
    let abs = if file.is_absolute() {
        file.to_owned()
    } else {
        std::env::current_dir().map_or_else(|_| file.to_owned(), |d| d.join(file))
    };
    // `..` is folded first, so a path through a folder that does not exist
    // yet cannot hide where it lands.
    let mut lexical = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_owned());
    for name in rest.iter().rev() {
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_inside_a_vault_is_refused_even_through_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("vault");
        std::fs::create_dir_all(vault.join("sub")).unwrap();
        let roots = [vault.clone()];
        let err = refuse_inside_vault(&vault.join("오답노트.md"), &roots).unwrap_err();
        assert!(err.to_string().contains("오답노트.md"), "{err}");
        let sneaky = dir
            .path()
            .join("elsewhere")
            .join("..")
            .join("vault")
            .join("sub")
            .join("x.md");
        assert!(refuse_inside_vault(&sneaky, &roots).is_err());
        let new_folder = vault.join("new").join("x.md");
        assert!(refuse_inside_vault(&new_folder, &roots).is_err());
        assert!(refuse_inside_vault(&dir.path().join("out.md"), &roots).is_ok());
        assert!(refuse_inside_vault(&dir.path().join("vault2.md"), &roots).is_ok());
    }
}
