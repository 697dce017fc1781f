//! The full-screen app: study, quiz, search, stats and help screens on
//! ratatui. Knows nothing of files: it is handed a loaded vault.
