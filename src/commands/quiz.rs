//! `munje quiz`: the TUI quiz on a terminal, line mode otherwise.

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs, _args: &QuizArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
