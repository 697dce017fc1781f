//! Which vault a command works on: `--notes`, `$MUNJE_NOTES`, or the
//! bundled deck.

use crate::cli::GlobalArgs;
use crate::vault::Vault;

/// Loads the vault the arguments name. An `Err` means a vault root itself
/// could not be read (exit status 2); problems inside files are diagnostics.
pub fn open_vault(_global: &GlobalArgs) -> anyhow::Result<Vault> {
    anyhow::bail!("not built yet")
}
