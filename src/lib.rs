//! munje (문제): exam practice from Korean markdown study notes.
//!
//! The library holds everything; `main.rs` only parses the command line and
//! calls [`run`]. `vault`, `quiz`, `search` and `store` know nothing of the
//! terminal; `tui` knows nothing of files.

pub mod cli;
pub mod commands;
pub mod i18n;
pub mod quiz;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
pub mod vault;

use std::process::ExitCode;

/// Runs munje with parsed arguments and returns the process exit status.
/// An `Err` is a failure to start at all (exit status 2).
pub fn run(cli: cli::Cli) -> anyhow::Result<ExitCode> {
    commands::dispatch(cli)
}

/// The line `main` prints for an error that stopped munje: `munje: 오류:`
/// or `munje: error:` and the message, in the user's language where munje
/// wrote it (a vault that cannot be read), each cause said once.
pub fn error_line(err: &anyhow::Error, lang: i18n::Lang) -> String {
    let message = match err.downcast_ref::<vault::LoadError>() {
        Some(e) => e.message(lang),
        None => format!("{err:#}"),
    };
    format!("munje: {} {message}", lang.pick("오류:", "error:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_vault_is_said_once_in_the_users_language() {
        let missing = std::path::PathBuf::from("/nonexistent/munje-vault");
        let err = vault::load(&[missing], &vault::LoadOptions::default(), &|_| {})
            .map_err(anyhow::Error::from)
            .unwrap_err();
        let ko = error_line(&err, i18n::Lang::Ko);
        assert_eq!(
            ko,
            "munje: 오류: 볼트 '/nonexistent/munje-vault'를 읽을 수 없습니다: 그런 폴더가 없습니다"
        );
        let en = error_line(&err, i18n::Lang::En);
        assert_eq!(en.matches("os error 2").count(), 1, "{en}");
        assert!(en.starts_with("munje: error: cannot read vault"), "{en}");
    }
}
