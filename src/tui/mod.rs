//! The full-screen app: study, quiz, search, stats and help screens on
//! ratatui. Knows nothing of files: it is handed a loaded vault (or one
//! arriving on the event channel) and draws from its state.

pub mod action;
pub mod app;
mod app_event;
mod app_identity;
mod app_layers;
mod app_quiz;
mod app_reload;
mod app_search;
mod app_stats;
mod app_study;
mod app_writes;
mod bindings;
pub mod config;
mod context;
pub mod editor;
pub mod event;
pub mod frame;
pub mod hyperlink;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod markdown;
mod markdown_blocks;
mod markdown_inline;
pub mod run;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod view;
mod view_layers;
pub mod widgets;
pub mod wrap;

#[cfg(test)]
mod exam_tests;
#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod frame_tests;
#[cfg(test)]
mod quiz_tests;
#[cfg(test)]
mod snapshots;
#[cfg(test)]
mod study_loop_tests;

pub use app::{App, AppEvent, Reread};
pub(crate) use app_writes::moved_aside_message;
pub use event::ending_signal;
pub use run::run;
