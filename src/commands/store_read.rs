//! The progress store for commands that only read it (`stats`, `wrong`,
//! `search`): opened read-only, so a read-only data folder works and
//! nothing is created; a file that must be migrated or moved aside first
//! is opened as the quiz opens it. Rows the store had to skip are told on
//! stderr.

use crate::cli::GlobalArgs;
use crate::i18n::Lang;
use crate::quiz::Timestamp;
use crate::store::{Store, database_path};

/// Opens the store for reading.
pub fn open_for_reading(global: &GlobalArgs, lang: Lang, now: Timestamp) -> anyhow::Result<Store> {
    let path = database_path(global.data_dir.as_deref())?;
    let store = match Store::open_read_only(&path)? {
        Some(store) => store,
        None => super::quiz::open_store(global, lang, now)?,
    };
    tell_unreadable(&store, lang);
    Ok(store)
}

/// Says on stderr how many rows of the history could not be read.
pub fn tell_unreadable(store: &Store, lang: Lang) {
    let n = store.unreadable_rows();
    if n == 0 {
        return;
    }
    let path = store.path().display();
    eprintln!(
        "{}",
        match lang {
            Lang::Ko => format!(
                "munje: 진도 파일 {path}에서 읽을 수 없는 기록 {n}개는 건너뛰고 나머지를 씁니다."
            ),
            Lang::En => format!(
                "munje: skipped {n} unreadable rows of the progress database {path}; the rest is used."
            ),
        }
    );
}
