//! Embeds the bundled deck: every `notes/**/*.md` and `questions/**/*.y(a)ml`
//! of the package becomes `include_bytes!` in `$OUT_DIR/bundled.rs`, so the
//! binary works with no files around it. Works when the folders are empty
//! or missing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut files = Vec::new();
    for (dir, exts) in [("notes", &["md"][..]), ("questions", &["yaml", "yml"][..])] {
        let path = manifest.join(dir);
        if path.is_dir() {
            println!("cargo::rerun-if-changed={dir}");
            collect(&manifest, &path, exts, &mut files);
        } else {
            // Watching the package root catches the folder being created
            // without rerunning on every build.
            println!("cargo::rerun-if-changed=.");
        }
    }
    files.sort();
    let mut code = String::from("/// Bundled files: path relative to the package, contents.\n");
    code.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    code.push_str("];\n");
    if let Err(err) = std::fs::write(out.join("bundled.rs"), code) {
        println!("cargo::error=cannot write bundled.rs: {err}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}

fn collect(root: &Path, dir: &Path, exts: &[&str], files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, exts, files);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
        {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((rel.join("/"), path.clone()));
        }
    }
}
