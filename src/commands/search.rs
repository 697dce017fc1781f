//! `munje search`: ranked hits for a query.

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs, _args: &SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
