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
