//! munje's integration tests: one test binary, one module per area.

mod bounded;
mod cli_check;
mod cli_export;
mod cli_help;
mod cli_search;
mod cli_tags;
mod deck;
mod hangup;
mod hostile;
mod hostile_all;
mod names;
mod pty;
mod quiz_plain;
mod store;
mod store_faults;
mod suggest;
mod terminal_faults;
mod vault_readonly;
