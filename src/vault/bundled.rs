//! The bundled deck: the package's `notes/` and `questions/`, compiled into
//! the binary by `build.rs`, loaded like a vault whose root shows as
//! `(bundled)`.

use super::load::{Job, LoadOptions, Source, load_sources_with};
use super::model::Vault;
use super::sink::{KeepAll, Sink};

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Display name of the bundled deck's root.
pub const BUNDLED_ROOT: &str = "(bundled)";

/// The paths and bytes of the bundled files (`notes/…`, `questions/…`).
pub fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// Loads the bundled deck. It never fails: its files were read at build time.
pub fn load_bundled() -> Vault {
    load_bundled_with(KeepAll).0
}

/// [`load_bundled`], showing every note to `sink` as
/// [`load_with`](super::load_with) does.
pub fn load_bundled_with<S: Sink>(sink: S) -> (Vault, S::Output) {
    let jobs = bundled_files()
        .iter()
        .map(|(rel, bytes)| Job {
            root: 0,
            rel: (*rel).into(),
            source: Source::Static(bytes),
        })
        .collect();
    load_sources_with(
        vec![BUNDLED_ROOT.to_owned()],
        jobs,
        &LoadOptions::default(),
        &|_| {},
        sink,
    )
}
