//! The tolerant reader on its fixtures: every form read with its key,
//! every trap read as nothing.
