//! Integration tests: cli_check.
