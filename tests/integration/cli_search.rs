//! Integration tests: cli_search.
