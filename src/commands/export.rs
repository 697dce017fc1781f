//! `munje export`: the whole vault as JSON.

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
