//! `munje tags`: the tag tree with counts.

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
