//! `munje wrong`: the 오답노트.

use std::process::ExitCode;

#[allow(clippy::wildcard_imports, unused_imports)]
use crate::cli::*;

/// Runs the command.
pub fn run(_global: &GlobalArgs, _args: &WrongArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
