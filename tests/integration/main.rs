//! munje's integration tests: one test binary, one module per area.

// Every file of this binary is test code, helpers included (clippy's
// allow-unwrap-in-tests covers only `#[test]` functions): a failed setup
// step should stop the test with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bounded;
mod cli_check;
mod cli_export;
mod cli_help;
mod cli_korean;
mod cli_search;
mod cli_tags;
mod cli_tolerant;
mod deck;
mod exams;
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
mod names;
mod no_stall;
mod progress_fit;
mod progress_io;
mod pty;
mod quiz_paths;
mod quiz_plain;
mod store;
mod store_faults;
mod structure;
mod suggest;
mod terminal_faults;
mod vault_readonly;
