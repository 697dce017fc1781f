//! Keeping history attached to edited questions when the store meets the
//! vault: the hook `quiz` and `wrong` call after opening the store, and
//! the words the app shows for the same work.
//!
//! Owns the words; the matching is `store::reconcile`'s.

use crate::i18n::Lang;
use crate::quiz::Timestamp;
use crate::store::Store;
use crate::vault::Vault;

/// Keeps history attached to edited questions (see `store::reconcile`).
/// Never stops the caller: a busy or read-only store is tried again at
/// the next opening. Says on stderr when history was moved or left alone.
pub fn follow_edits(store: &mut Store, vault: &Vault, lang: Lang, now: Timestamp) {
    if store.is_in_memory() {
        return;
    }
    let moved_before = store.recovery().is_some();
    let done = store.reconcile(vault, now);
    // Its write waited for the whole-file check, which may have moved a
    // damaged file aside.
    if !moved_before && store.recovery().is_some() {
        super::recovery::tell_recovery(store, lang);
    }
    let Ok(done) = done else {
        return;
    };
    if let Some(msg) = follow_message(done.linked.len(), done.ambiguous.len(), lang) {
        eprintln!("munje: {msg}");
    }
}

/// What to tell the user after a reconciliation, if anything.
pub fn follow_message(linked: usize, ambiguous: usize, lang: Lang) -> Option<String> {
    match (linked, ambiguous) {
        (0, 0) => None,
        (n, 0) => Some(match lang {
            Lang::Ko => format!(
                "고친 문제 {n}개의 기록을 새 문제에 이었습니다 (munje progress links로 확인, unlink로 되돌리기)."
            ),
            Lang::En => format!(
                "the history of {n} edited question(s) now follows them (see munje progress links; undo with unlink)."
            ),
        }),
        (n, m) => Some(match lang {
            Lang::Ko => format!(
                "고친 문제 {n}개의 기록을 이었고, {m}개는 맞는 문제가 여럿이라 그대로 두었습니다 (munje check로 확인)."
            ),
            Lang::En => format!(
                "the history of {n} edited question(s) now follows them; {m} matched more than one question and were left alone (see munje check)."
            ),
        }),
    }
}
