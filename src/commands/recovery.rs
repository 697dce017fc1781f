//! Telling the user that a progress file was moved aside: at once when
//! the opening found it unusable, or later, when the first write waited
//! for the whole-file check and it found damage (see
//! [`Store::open_checking_beside`]).
//!
//! Owns the words; moving the file is `store`'s.

use crate::i18n::Lang;
use crate::store::Store;

/// Waits for the store's whole-file check, telling the user when it moved
/// a damaged file aside.
pub fn tell_late_recovery(store: &mut Store, lang: Lang) {
    if matches!(store.finish_check(), Ok(true)) {
        tell_recovery(store, lang);
    }
}

/// Says on stderr that an unusable file was moved aside, if it was.
pub fn tell_recovery(store: &Store, lang: Lang) {
    let Some(r) = store.recovery() else { return };
    let path = store.path();
    let msg = match lang {
        Lang::Ko => format!(
            "munje: {}은(는) 쓸 수 없는 진도 파일이라({}) {}(으)로 옮기고 새로 만들었습니다.",
            path.display(),
            r.reason,
            r.moved_to.display()
        ),
        Lang::En => format!(
            "munje: {} was not a usable progress database ({}); it was moved to {} and a fresh one was started.",
            path.display(),
            r.reason,
            r.moved_to.display()
        ),
    };
    eprintln!("{msg}");
}
