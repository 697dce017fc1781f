//! Integration tests: quiz_plain.
