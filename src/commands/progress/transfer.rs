//! `munje progress export` and `import`: the files around the store's
//! JSON Lines ([`crate::store::Record`]).
//!
//! An export is written to a temporary file beside its target, flushed to
//! disk, then moved into place, so a killed export never leaves half a
//! file under the name asked for; an existing file is replaced only with
//! `--force`, and never inside the vault.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::GlobalArgs;
use crate::commands::quiz::{ignore_broken_pipe, open_store};
use crate::commands::source::vault_roots;
use crate::commands::write_out::refuse_inside_vault;
use crate::i18n::Lang;
use crate::quiz::Timestamp;

/// Runs `munje progress export [FILE] [--force]`.
pub fn export(
    global: &GlobalArgs,
    file: Option<&Path>,
    force: bool,
    lang: Lang,
    now: Timestamp,
) -> anyhow::Result<ExitCode> {
    let Some(file) = file else {
        let mut store = open_store(global, lang, now)?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return ignore_broken_pipe((|| {
            store.export_lines(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        })());
    };
    let roots = vault_roots(global).unwrap_or_default();
    refuse_inside_vault(file, &roots, lang)?;
    if file.exists() && !force {
        eprintln!(
            "munje: {}",
            match lang {
                Lang::Ko => format!(
                    "{}이(가) 이미 있습니다. 덮어쓰려면 --force를 주세요.",
                    file.display()
                ),
                Lang::En => format!(
                    "{} already exists; pass --force to replace it",
                    file.display()
                ),
            }
        );
        return Ok(ExitCode::from(2));
    }
    let mut store = open_store(global, lang, now)?;
    let name = file
        .file_name()
        .map_or_else(|| "progress".into(), |n| n.to_string_lossy().into_owned());
    let tmp = file.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = (|| -> anyhow::Result<()> {
        let f = std::fs::File::create(&tmp)?;
        let mut out = std::io::BufWriter::new(f);
        store.export_lines(&mut out)?;
        let f = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        if force {
            std::fs::rename(&tmp, file)?;
        } else {
            // A hard link fails if the name was taken meanwhile: never
            // clobber a file that appeared after the check above.
            std::fs::hard_link(&tmp, file)?;
            std::fs::remove_file(&tmp)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write \"{}\"", file.display()));
    }
    eprintln!(
        "munje: {}",
        match lang {
            Lang::Ko => format!("진도를 {}에 내보냈습니다.", file.display()),
            Lang::En => format!("progress exported to {}", file.display()),
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `munje progress import FILE`. Exit 1 when a line was rejected
/// (the others are imported all the same).
pub fn import(
    global: &GlobalArgs,
    file: &Path,
    lang: Lang,
    now: Timestamp,
) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read \"{}\"", file.display()))?;
    let mut store = open_store(global, lang, now)?;
    let done = store.import_lines(&text)?;
    for (line, why) in &done.rejected {
        let why = super::plain(why);
        eprintln!(
            "munje: {}:{line}: {}",
            file.display(),
            match lang {
                Lang::Ko => format!("읽을 수 없는 줄이라 건너뜀: {why}"),
                Lang::En => format!("skipped a line that cannot be read: {why}"),
            }
        );
    }
    println!(
        "{}",
        match lang {
            Lang::Ko => format!(
                "가져옴: 새 기록 {} · 갱신 {} · 이미 있음 {} · 건너뜀 {}",
                done.added,
                done.updated,
                done.unchanged,
                done.rejected.len()
            ),
            Lang::En => format!(
                "imported: {} new · {} updated · {} already here · {} skipped",
                done.added,
                done.updated,
                done.unchanged,
                done.rejected.len()
            ),
        }
    );
    Ok(if done.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
