//! Editing where you read: the command line that opens `$VISUAL` or
//! `$EDITOR` at a file and line, and what the app asks for. munje itself
//! never writes a vault; the editor does, and live reload brings the change
//! back.
//!
//! Owns the editor's command line; suspending the terminal around it is
//! `run`'s, finding the place is the app's.

use std::ffi::OsString;
use std::path::PathBuf;

/// A file and line to open in the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    /// The file, its vault root joined with its path.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
}

/// The editor the user set: `$VISUAL`, else `$EDITOR` (empty counts as
/// unset).
pub fn from_env() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
}

/// The program and arguments that open `request` in `editor` (which may
/// carry its own flags, as `code --wait`): `+LINE file` for the vi family,
/// nano, emacs, micro and kakoune; `-g file:line` for VS Code and its
/// forks; `file:line` for helix; the file alone for anything else.
pub fn command(editor: &str, request: &EditRequest) -> Option<(OsString, Vec<OsString>)> {
    let mut words = editor.split_whitespace();
    let program = words.next()?;
    let mut args: Vec<OsString> = words.map(OsString::from).collect();
    let name = std::path::Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let line = request.line.max(1);
    let file = request.path.as_os_str().to_owned();
    let mut at_line = file.clone();
    at_line.push(format!(":{line}"));
    match name {
        "vi" | "vim" | "nvim" | "gvim" | "view" | "nano" | "emacs" | "emacsclient" | "micro"
        | "kak" | "mg" | "joe" | "ne" => {
            args.push(format!("+{line}").into());
            args.push(file);
        }
        "code" | "code-insiders" | "codium" | "cursor" => {
            args.push("-g".into());
            args.push(at_line);
        }
        "hx" | "helix" => args.push(at_line),
        _ => args.push(file),
    }
    Some((program.into(), args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> EditRequest {
        EditRequest {
            path: PathBuf::from("/v/spot.md"),
            line: 12,
        }
    }

    fn line(editor: &str) -> Vec<String> {
        let (p, a) = command(editor, &req()).unwrap();
        std::iter::once(p)
            .chain(a)
            .map(|s| s.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn vi_family_and_nano_get_plus_line_then_the_file() {
        assert_eq!(line("vim"), ["vim", "+12", "/v/spot.md"]);
        assert_eq!(
            line("/usr/bin/nvim"),
            ["/usr/bin/nvim", "+12", "/v/spot.md"]
        );
        assert_eq!(line("nano"), ["nano", "+12", "/v/spot.md"]);
    }

    #[test]
    fn vs_code_gets_goto_and_keeps_its_own_flags() {
        assert_eq!(
            line("code --wait"),
            ["code", "--wait", "-g", "/v/spot.md:12"]
        );
    }

    #[test]
    fn an_unknown_editor_gets_the_file_alone() {
        assert_eq!(line("ed"), ["ed", "/v/spot.md"]);
        assert!(command("  ", &req()).is_none());
    }
}
