//! Writing a file the user asked for (`munje wrong --export FILE`) without
//! ever writing over something: never inside a vault or over one of its
//! notes (known by device and inode, so a hard or symbolic link to a note
//! is caught too), never over an existing file unless `--force`, never to
//! a pipe, device or folder. The contents go to a temporary file beside
//! the target and are renamed into place, so the old file (and every other
//! link to it) is never truncated and a failed write leaves nothing behind.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::vault::Vault;

/// Refuses a target before any work: inside a vault root, not a regular
/// file, or an existing file without `force`.
pub fn check_target(file: &Path, roots: &[PathBuf], force: bool, lang: Lang) -> anyhow::Result<()> {
    refuse_inside_vault(file, roots, lang)?;
    let Ok(meta) = std::fs::metadata(file) else {
        // Nothing there (or a dangling link, which the rename replaces).
        return Ok(());
    };
    if !meta.is_file() {
        anyhow::bail!(
            "{}",
            match lang {
                Lang::Ko => format!(
                    "\"{}\"에 쓰지 않습니다: 일반 파일이 아닙니다 (폴더, 파이프, 장치)",
                    file.display()
                ),
                Lang::En => format!(
                    "refusing to write \"{}\": it is not a regular file (a folder, pipe or device)",
                    file.display()
                ),
            }
        );
    }
    if !force {
        anyhow::bail!(
            "{}",
            match lang {
                Lang::Ko => format!(
                    "\"{}\"이(가) 이미 있습니다. 바꿔 쓰려면 --force를 붙이세요",
                    file.display()
                ),
                Lang::En => format!(
                    "\"{}\" already exists; add --force to replace it",
                    file.display()
                ),
            }
        );
    }
    Ok(())
}

/// munje never writes into a vault: a path inside any vault root (after
/// resolving symlinks and `..`) is refused.
pub fn refuse_inside_vault(file: &Path, roots: &[PathBuf], lang: Lang) -> anyhow::Result<()> {
    let target = resolve(file);
    for root in roots {
        let Ok(root_abs) = root.canonicalize() else {
            continue;
        };
        if target.starts_with(&root_abs) {
            anyhow::bail!(
                "{}",
                match lang {
                    Lang::Ko => format!(
                        "\"{}\"에 쓰지 않습니다: 노트 폴더 \"{}\" 안이고, munje는 노트 폴더에 쓰지 않습니다",
                        file.display(),
                        root.display()
                    ),
                    Lang::En => format!(
                        "refusing to write \"{}\": it is inside the vault \"{}\", and munje never writes into a vault",
                        file.display(),
                        root.display()
                    ),
                }
            );
        }
    }
    Ok(())
}

/// Refuses a target that is one of the vault's notes or banks under
/// another name (a hard link, or a link from outside the vault).
pub fn refuse_vault_file(file: &Path, vault: &Vault, lang: Lang) -> anyhow::Result<()> {
    let Some(target) = std::fs::metadata(file).ok().as_ref().and_then(file_key) else {
        return Ok(());
    };
    let files = vault
        .notes
        .iter()
        .map(|n| (n.root, &*n.path))
        .chain(vault.banks.iter().map(|b| (b.root, b.path.as_str())));
    for (root, rel) in files {
        let Some(dir) = vault.roots.get(root) else {
            continue;
        };
        let path = Path::new(dir).join(rel);
        if std::fs::metadata(&path).ok().as_ref().and_then(file_key) == Some(target) {
            anyhow::bail!(
                "{}",
                match lang {
                    Lang::Ko => format!(
                        "\"{}\"에 쓰지 않습니다: 노트 \"{}\"와 같은 파일이고, munje는 노트 폴더에 쓰지 않습니다",
                        file.display(),
                        path.display()
                    ),
                    Lang::En => format!(
                        "refusing to write \"{}\": it is the vault note \"{}\" under another name, and munje never writes into a vault",
                        file.display(),
                        path.display()
                    ),
                }
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // `None` elsewhere.
fn file_key(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_key(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Writes `contents` to a new temporary file beside `file`, then renames
/// it over `file`.
pub fn write_replacing(file: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy());
    let temp = dir.join(format!(".{name}.munje-{}.tmp", std::process::id()));
    let written = (|| {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        out.write_all(contents)?;
        out.sync_all()?;
        std::fs::rename(&temp, file)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
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
        let refuse = |p: &Path| refuse_inside_vault(p, &roots, Lang::En);
        let err = refuse(&vault.join("오답노트.md")).unwrap_err();
        assert!(err.to_string().contains("오답노트.md"), "{err}");
        let sneaky = dir
            .path()
            .join("elsewhere")
            .join("..")
            .join("vault")
            .join("sub")
            .join("x.md");
        assert!(refuse(&sneaky).is_err());
        let new_folder = vault.join("new").join("x.md");
        assert!(refuse(&new_folder).is_err());
        assert!(refuse(&dir.path().join("out.md")).is_ok());
        assert!(refuse(&dir.path().join("vault2.md")).is_ok());
    }

    #[test]
    fn replacing_writes_a_new_file_and_leaves_other_links_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.md");
        std::fs::write(&target, "old").unwrap();
        let other = dir.path().join("other.md");
        std::fs::hard_link(&target, &other).unwrap();
        write_replacing(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&other).unwrap(), "old");
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        left.sort();
        assert_eq!(left, ["other.md", "out.md"]);
    }
}
