//! munje's integration tests: one test binary, one module per area.

mod bounded;
mod cli_check;
mod cli_export;
mod cli_search;
mod cli_tags;
mod cli_tolerant;
mod deck;
mod hangup;
mod hostile;
mod hostile_all;
mod pty;
mod quiz_plain;
mod store;
mod store_faults;
mod terminal_faults;
mod vault_readonly;
