//! The full-screen app (no subcommand, or `munje quiz` on a terminal).

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs, _quiz: Option<&QuizArgs>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
