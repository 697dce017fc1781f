//! `munje stats`: progress figures.

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs, _args: &StatsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
