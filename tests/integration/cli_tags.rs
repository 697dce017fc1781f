//! Integration tests: cli_tags.
