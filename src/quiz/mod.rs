//! Quiz sessions: selection, seeded shuffle, grading, practice and exam
//! flow, and the spaced-repetition schedule. Pure: clock and seed come in as
//! arguments; no I/O, no terminal.
