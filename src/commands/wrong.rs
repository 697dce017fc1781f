//! `munje wrong`: the 오답노트 as text, JSON, or a markdown note written to
//! a file outside every vault.
//!
//! Owns the export path check; the notebook itself is
//! [`crate::quiz::Notebook`].

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{GlobalArgs, WrongArgs};
use crate::i18n::Lang;
use crate::quiz::Notebook;

use super::write_out;

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
        write_out::check_target(file, &roots, args.force, lang)?;
    }
    let vault = super::open_vault(global)?;
    if let Some(file) = &args.export {
        write_out::refuse_vault_file(file, &vault, lang)?;
    }
    // An existing, writable store first lets history follow edited
    // questions, as a quiz does; otherwise (no store yet, a read-only
    // folder) the notebook is read without creating or changing anything.
    let path = crate::store::database_path(global.data_dir.as_deref())?;
    let writable = std::fs::metadata(&path).is_ok_and(|m| !m.permissions().readonly());
    let store = match writable.then(|| super::quiz::open_store(global, lang, now)) {
        Some(Ok(mut store)) => {
            super::progress::follow_edits(&mut store, &vault, lang, now);
            super::store_read::tell_unreadable(&store, lang);
            store
        }
        _ => super::store_read::open_for_reading(global, lang, now)?,
    };
    let notebook = Notebook::build(&vault, &store.history()?);
    let today = now.day(store.local_offset(now)).to_string();
    let markdown = notebook.to_markdown(lang, &today);
    let mut out = std::io::stdout().lock();
    if let Some(file) = &args.export {
        write_out::write_replacing(file, markdown.as_bytes()).with_context(|| match lang {
            Lang::Ko => format!("\"{}\"에 쓸 수 없습니다", file.display()),
            Lang::En => format!("cannot write \"{}\"", file.display()),
        })?;
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
