//! Integration tests: cli_export.
