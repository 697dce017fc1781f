//! munje's integration tests: one test binary, one module per area.

mod bounded;
mod cli_check;
mod cli_export;
mod cli_search;
mod cli_tags;
mod deck;
mod hangup;
mod hostile;
mod hostile_all;
mod hostile_deep;
mod hostile_env;
mod hostile_export;
mod hostile_output;
mod hostile_positions;
mod hostile_store;
mod hostile_walk;
mod identity;
mod progress_fit;
mod progress_io;
mod pty;
mod quiz_paths;
mod quiz_plain;
mod store;
mod store_faults;
mod terminal_faults;
mod vault_readonly;
