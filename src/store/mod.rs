//! The progress store: SQLite (WAL) with a versioned schema, every attempt
//! recorded as it is given, and the statistics read back from it.
