//! Question identity across edits: history recorded for a question must
//! follow it through each thing people do to their notes and banks, one
//! edit at a time, and never jump to a question it does not belong to.

use std::path::Path;

use munje::quiz::{Attempt, ModeKind, Rating, Scheduler, SessionId, Timestamp};
use munje::store::Store;
use munje::vault::{LoadOptions, QuestionId, Vault, load};

const NOTE: &str = "## 관련 문제\n\n\
**Question:** 스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?\n\n\
- A) 30초\n- B) 2분\n- C) 10분\n\n**정답: B**\n\n\
**Question:** EMR 클러스터의 마스터 노드에 알맞은 인스턴스 유형은 무엇인가?\n\n\
- A) m5.xlarge\n- B) t3.micro\n\n**정답: A**\n";

const BANK: &str = "- note: 스팟\n  question: 스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?\n  options:\n    A: 30초\n    B: 2분\n    C: 10분\n  answer: B\n\
- note: 스팟\n  question: EMR 클러스터의 마스터 노드에 알맞은 인스턴스 유형은 무엇인가?\n  options:\n    A: m5.xlarge\n    B: t3.micro\n  answer: A\n";

const OTHER: &str = "## 문제\n\n**Q:** S3 Glacier에서 데이터를 꺼내는 데 걸리는 시간은?\n\n- A) 몇 분에서 몇 시간\n- B) 즉시\n\n**정답: A**\n";

/// A word of the first question's stem that every edit keeps.
const FIRST: &str = "알림";
const SECOND: &str = "마스터";

fn vault_of(dir: &Path) -> Vault {
    load(&[dir.to_owned()], &LoadOptions::default(), &|_| {}).unwrap()
}

fn id_of(vault: &Vault, word: &str) -> QuestionId {
    let found: Vec<_> = vault
        .questions
        .iter()
        .filter(|q| q.stem.text().contains(word))
        .collect();
    assert_eq!(found.len(), 1, "one question with '{word}'");
    found[0].id.clone()
}

fn answer(store: &mut Store, id: &QuestionId, correct: bool, at: i64) {
    let attempt = Attempt {
        session: SessionId(format!("s{at}")),
        mode: ModeKind::Practice,
        question: id.clone(),
        tags: Vec::new(),
        chosen: vec![if correct { 'B' } else { 'A' }],
        correct_letters: vec!['B'],
        correct,
        seconds: 4.0,
        at: Timestamp::from_secs(at),
        rating: if correct { Rating::Good } else { Rating::Again },
    };
    let scheduler = Scheduler::new().unwrap();
    store.record(&attempt, Some(&scheduler)).unwrap();
}

fn answers(store: &Store, id: &QuestionId) -> u32 {
    store
        .history()
        .unwrap()
        .questions
        .get(id)
        .map_or(0, |h| h.attempts)
}

/// Writes `file` with `text`, answers the first question twice and the
/// second once, applies `edit`, reloads, and checks that each question's
/// history is still its own.
fn survives(file: &str, text: &str, edit: impl FnOnce(&Path)) {
    let notes = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = notes.path().join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    // The rest of the vault, untouched: an edit changes a part of a vault
    // munje has met before.
    std::fs::write(notes.path().join("다른.md"), OTHER).unwrap();
    let mut store = Store::open(&data.path().join("progress.db"), Timestamp(0)).unwrap();
    let before = vault_of(notes.path());
    store.reconcile(&before, Timestamp::from_secs(10)).unwrap();
    let first = id_of(&before, FIRST);
    answer(&mut store, &first, false, 100);
    answer(&mut store, &first, true, 200);
    answer(&mut store, &id_of(&before, SECOND), true, 300);
    drop(before);

    edit(notes.path());
    let after = vault_of(notes.path());
    assert_eq!(after.diagnostic_counts().0, 0, "{:?}", after.diagnostics);
    let done = store.reconcile(&after, Timestamp::from_secs(400)).unwrap();
    assert_eq!(done.ambiguous, [], "nothing left unsure");
    assert_eq!(answers(&store, &id_of(&after, FIRST)), 2, "{done:?}");
    assert_eq!(answers(&store, &id_of(&after, SECOND)), 1, "{done:?}");
    assert_eq!(store.orphans(&after).unwrap(), [], "no history left behind");
    let card = store.card(&id_of(&after, FIRST)).unwrap();
    assert_eq!(card.map(|c| c.reps), Some(2), "the schedule follows too");
}

fn rewrite(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn rename(dir: &Path, from: &str, to: &str) {
    let to = dir.join(to);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::rename(dir.join(from), to).unwrap();
}

const NOTE_FILE: &str = "스팟.md";
const BANK_FILE: &str = "questions/bank.yaml";

// In a note: the title is the file stem ("스팟"), so renaming the file
// changes the title and every derived id of the note.

#[test]
fn note_stem_typo_fix() {
    survives(NOTE_FILE, NOTE, |d| {
        rewrite(d, NOTE_FILE, "보내는가?", "보내나요?");
    });
}

#[test]
fn note_stem_reworded() {
    survives(NOTE_FILE, NOTE, |d| {
        rewrite(
            d,
            NOTE_FILE,
            "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?",
            "EC2는 스팟 인스턴스를 중단하기 몇 분 전에 알림을 보내나요?",
        );
    });
}

#[test]
fn note_options_reworded() {
    survives(NOTE_FILE, NOTE, |d| {
        rewrite(
            d,
            NOTE_FILE,
            "- A) 30초\n- B) 2분\n- C) 10분",
            "- A) 30 seconds\n- B) 2 minutes\n- C) 10 minutes",
        );
    });
}

#[test]
fn note_options_reordered() {
    survives(NOTE_FILE, NOTE, |d| {
        rewrite(
            d,
            NOTE_FILE,
            "- A) 30초\n- B) 2분\n- C) 10분\n\n**정답: B**",
            "- A) 2분\n- B) 10분\n- C) 30초\n\n**정답: A**",
        );
    });
}

#[test]
fn note_questions_reordered() {
    let swapped = {
        let (head, rest) = NOTE.split_at(NOTE.find("**Question:**").unwrap());
        let second = rest.rfind("**Question:**").unwrap();
        format!("{head}{}\n\n{}", rest[second..].trim_end(), &rest[..second])
    };
    survives(NOTE_FILE, NOTE, |d| {
        std::fs::write(d.join(NOTE_FILE), &swapped).unwrap();
    });
}

#[test]
fn note_title_changed() {
    survives(NOTE_FILE, NOTE, |d| {
        let text = std::fs::read_to_string(d.join(NOTE_FILE)).unwrap();
        std::fs::write(
            d.join(NOTE_FILE),
            format!("---\ntitle: 스팟 중단 알림\n---\n{text}"),
        )
        .unwrap();
    });
}

#[test]
fn note_file_renamed() {
    survives(NOTE_FILE, NOTE, |d| rename(d, NOTE_FILE, "spot-notice.md"));
}

#[test]
fn note_file_moved_to_another_folder() {
    survives(NOTE_FILE, NOTE, |d| rename(d, NOTE_FILE, "aws/ec2/스팟.md"));
}

#[test]
fn bank_stem_typo_fix() {
    survives(BANK_FILE, BANK, |d| {
        rewrite(d, BANK_FILE, "보내는가?", "보내나요?");
    });
}

#[test]
fn bank_stem_reworded() {
    survives(BANK_FILE, BANK, |d| {
        rewrite(
            d,
            BANK_FILE,
            "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?",
            "EC2는 스팟 인스턴스를 중단하기 몇 분 전에 알림을 보내나요?",
        );
    });
}

#[test]
fn bank_options_reworded() {
    survives(BANK_FILE, BANK, |d| {
        rewrite(
            d,
            BANK_FILE,
            "A: 30초\n    B: 2분\n    C: 10분",
            "A: 30 seconds\n    B: 2 minutes\n    C: 10 minutes",
        );
    });
}

#[test]
fn bank_options_reordered() {
    survives(BANK_FILE, BANK, |d| {
        rewrite(
            d,
            BANK_FILE,
            "A: 30초\n    B: 2분\n    C: 10분\n  answer: B",
            "A: 10분\n    B: 30초\n    C: 2분\n  answer: C",
        );
    });
}

#[test]
fn bank_questions_reordered() {
    let second = BANK.rfind("- note:").unwrap();
    let swapped = format!("{}{}", &BANK[second..], &BANK[..second]);
    survives(BANK_FILE, BANK, |d| {
        std::fs::write(d.join(BANK_FILE), &swapped).unwrap();
    });
}

#[test]
fn bank_note_title_changed() {
    let renamed = BANK.replace("note: 스팟", "note: 스팟 중단 알림");
    survives(BANK_FILE, BANK, |d| {
        std::fs::write(d.join(BANK_FILE), &renamed).unwrap();
    });
}

#[test]
fn bank_file_renamed() {
    survives(BANK_FILE, BANK, |d| {
        rename(d, BANK_FILE, "questions/spot.yaml");
    });
}

#[test]
fn bank_file_moved_to_another_folder() {
    survives(BANK_FILE, BANK, |d| {
        rename(d, BANK_FILE, "aws/questions/bank.yaml");
    });
}

#[test]
fn a_block_id_keeps_history_through_a_complete_rewrite() {
    let with_id = NOTE.replacen("보내는가?", "보내는가? ^spot-notice", 1);
    survives(NOTE_FILE, &with_id, |d| {
        rewrite(
            d,
            NOTE_FILE,
            "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?",
            "중단 알림이 오는 시점은?",
        );
        rewrite(
            d,
            NOTE_FILE,
            "- A) 30초\n- B) 2분\n- C) 10분",
            "- A) 즉시\n- B) 2분 전\n- C) 1시간 전",
        );
    });
}

#[test]
fn unsure_history_stays_an_orphan_until_relinked_by_hand_and_unlinking_undoes_it() {
    let notes = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(notes.path().join(NOTE_FILE), NOTE).unwrap();
    let mut store = Store::open(&data.path().join("progress.db"), Timestamp(0)).unwrap();
    let before = vault_of(notes.path());
    store.reconcile(&before, Timestamp::from_secs(10)).unwrap();
    let old = id_of(&before, FIRST);
    answer(&mut store, &old, false, 100);
    // Two near copies of the edited question: munje must not pick one.
    let text = NOTE.replacen("보내는가?", "보내나요?", 1);
    let copy = text.replacen("보내나요?", "보내나요? (복습)", 1);
    std::fs::write(notes.path().join(NOTE_FILE), &text).unwrap();
    std::fs::write(notes.path().join("복사본.md"), &copy).unwrap();
    let after = vault_of(notes.path());
    let done = store.reconcile(&after, Timestamp::from_secs(400)).unwrap();
    assert_eq!(done.linked, []);
    assert_eq!(done.ambiguous.len(), 1);
    let orphans = store.orphans(&after).unwrap();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].id, old);
    assert_eq!(orphans[0].answers, 1);
    assert!(
        orphans[0]
            .last_stem
            .as_deref()
            .unwrap()
            .ends_with("보내는가?")
    );

    let new = after
        .questions
        .iter()
        .find(|q| q.stem.text().ends_with("보내나요?"))
        .unwrap()
        .id
        .clone();
    let link = store
        .relink(&old, &new, Timestamp::from_secs(500))
        .unwrap()
        .unwrap();
    assert_eq!(link.kind, munje::store::LinkKind::Manual);
    assert_eq!(answers(&store, &new), 1);
    assert_eq!(store.orphans(&after).unwrap(), []);
    assert_eq!(store.all_links().unwrap().len(), 1);

    store
        .unlink(&old, Timestamp::from_secs(600))
        .unwrap()
        .unwrap();
    assert_eq!(answers(&store, &new), 0);
    assert_eq!(answers(&store, &old), 1, "the history is still there");
    let links = store.all_links().unwrap();
    assert_eq!(links.len(), 1, "an undone link stays listed");
    assert_eq!(links[0].undone_at, Some(Timestamp::from_secs(600)));
    // Opening again does not guess it back.
    let again = store.reconcile(&after, Timestamp::from_secs(700)).unwrap();
    assert_eq!(again.linked, []);
    assert_eq!(store.orphans(&after).unwrap().len(), 1);
}

#[test]
fn a_new_unrelated_question_does_not_take_deleted_history() {
    let notes = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(notes.path().join(NOTE_FILE), NOTE).unwrap();
    let mut store = Store::open(&data.path().join("progress.db"), Timestamp(0)).unwrap();
    let before = vault_of(notes.path());
    store.reconcile(&before, Timestamp::from_secs(10)).unwrap();
    let old = id_of(&before, FIRST);
    answer(&mut store, &old, true, 100);
    let replaced = NOTE.replacen(
        "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?",
        "S3 Glacier에서 데이터를 꺼내는 데 걸리는 시간은?",
        1,
    );
    let replaced = replaced.replacen(
        "- A) 30초\n- B) 2분\n- C) 10분",
        "- A) 몇 분\n- B) 몇 시간\n- C) 며칠",
        1,
    );
    std::fs::write(notes.path().join(NOTE_FILE), replaced).unwrap();
    let after = vault_of(notes.path());
    let done = store.reconcile(&after, Timestamp::from_secs(400)).unwrap();
    assert_eq!(done.linked, []);
    assert_eq!(answers(&store, &id_of(&after, "Glacier")), 0);
    assert_eq!(store.orphans(&after).unwrap().len(), 1);
}

fn cli(notes: &Path, data: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in [
        "MUNJE_NOTES",
        "MUNJE_DATA_DIR",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        cmd.env_remove(var);
    }
    cmd.arg("--data-dir")
        .arg(data)
        .arg("--notes")
        .arg(notes)
        .arg("--lang")
        .arg("en");
    cmd.args(args).output().unwrap()
}

#[test]
fn check_reports_orphaned_history_read_only_and_relink_attaches_it() {
    let notes = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(notes.path().join(NOTE_FILE), NOTE).unwrap();
    // No database yet: check works and creates none.
    let out = cli(notes.path(), data.path(), &["check"]);
    assert!(out.status.success(), "{out:?}");
    assert!(!data.path().join("progress.db").exists());

    let db = data.path().join("progress.db");
    let mut store = Store::open(&db, Timestamp(0)).unwrap();
    let before = vault_of(notes.path());
    store.reconcile(&before, Timestamp::from_secs(10)).unwrap();
    let old = id_of(&before, FIRST);
    answer(&mut store, &old, false, 100);
    answer(&mut store, &old, true, 200);
    drop(store);
    // Rewritten beyond recognition: no automatic link.
    let text = NOTE.replacen(
        "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?",
        "중단 알림이 오는 시점은?",
        1,
    );
    std::fs::write(
        notes.path().join(NOTE_FILE),
        text.replacen("- C) 10분", "- C) 1시간", 1),
    )
    .unwrap();
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    let out = cli(notes.path(), data.path(), &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "a warning, not an error: {stdout}");
    assert!(
        stdout.contains(&format!(
            "history of a question no longer in the vault: {old} (2 answers"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("보내는가?"), "the last stem seen: {stdout}");
    assert_eq!(
        std::fs::metadata(&db).unwrap().modified().unwrap(),
        modified,
        "check changed nothing"
    );

    let new = id_of(&vault_of(notes.path()), FIRST);
    let out = cli(
        notes.path(),
        data.path(),
        &["progress", "relink", &old.0, &new.0],
    );
    assert!(out.status.success(), "{out:?}");
    let out = cli(notes.path(), data.path(), &["check"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no longer in the vault"));
    let out = cli(notes.path(), data.path(), &["progress", "links"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains(&format!("manual  {old} → {new}")),
        "{listed}"
    );
    let out = cli(notes.path(), data.path(), &["progress", "unlink", &old.0]);
    assert!(out.status.success(), "{out:?}");
    let out = cli(notes.path(), data.path(), &["progress", "links"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("[undone"));
    let out = cli(
        notes.path(),
        data.path(),
        &["progress", "relink", "q-nothing", &new.0],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no answers are recorded under q-nothing")
    );
}

#[test]
fn giving_a_question_a_block_id_keeps_its_history() {
    survives(NOTE_FILE, NOTE, |d| {
        rewrite(d, NOTE_FILE, "보내는가?", "보내는가? ^spot-notice");
    });
}

#[test]
fn a_store_locked_by_another_process_is_not_waited_for() {
    let notes = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(notes.path().join(NOTE_FILE), NOTE).unwrap();
    let db = data.path().join("progress.db");
    let mut store = Store::open(&db, Timestamp(0)).unwrap();
    let vault = vault_of(notes.path());
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    assert!(store.reconcile(&vault, Timestamp::from_secs(10)).is_err());
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    other.execute_batch("COMMIT").unwrap();
    // Tried again at the next opening; unchanged vaults only read.
    store.reconcile(&vault, Timestamp::from_secs(20)).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert_eq!(
        store.reconcile(&vault, Timestamp::from_secs(30)).unwrap(),
        munje::store::Reconciled::default()
    );
    other.execute_batch("COMMIT").unwrap();
}

#[test]
fn the_notebook_follows_a_fixed_typo_and_says_so() {
    let notes = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(notes.path().join(NOTE_FILE), NOTE).unwrap();
    // munje meets the vault once before the answer (a quiz, here ended at
    // once; `wrong` on a data folder with no store creates nothing).
    let out = cli(notes.path(), data.path(), &["quiz", "--plain"]);
    assert!(out.status.success(), "{out:?}");
    let mut store = Store::open(&data.path().join("progress.db"), Timestamp(0)).unwrap();
    answer(
        &mut store,
        &id_of(&vault_of(notes.path()), FIRST),
        false,
        100,
    );
    drop(store);
    rewrite(notes.path(), NOTE_FILE, "보내는가?", "보내나요?");
    let out = cli(notes.path(), data.path(), &["wrong", "--json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("보내나요?"), "{stdout}");
    assert!(!stdout.contains("보내는가?"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the history of 1 edited question(s) now follows them"),
        "{stderr}"
    );
    let listed = cli(notes.path(), data.path(), &["progress", "links"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("auto") && listed.contains("(same options and answer, stem 93% alike)"),
        "{listed}"
    );
}

#[test]
fn a_vault_opened_for_the_first_time_takes_no_other_vault_s_history() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(first.path().join(NOTE_FILE), NOTE).unwrap();
    // The same question, typo fixed, alone in a vault munje never met.
    let first_only = &NOTE[..NOTE.rfind("**Question:**").unwrap()];
    std::fs::write(
        second.path().join(NOTE_FILE),
        first_only.replacen("보내는가?", "보내나요?", 1),
    )
    .unwrap();
    let mut store = Store::open(&data.path().join("progress.db"), Timestamp(0)).unwrap();
    let a = vault_of(first.path());
    store.reconcile(&a, Timestamp::from_secs(10)).unwrap();
    answer(&mut store, &id_of(&a, FIRST), true, 100);
    let b = vault_of(second.path());
    let done = store.reconcile(&b, Timestamp::from_secs(200)).unwrap();
    assert_eq!(done.linked, []);
    assert_eq!(answers(&store, &id_of(&b, FIRST)), 0);
    // Back in the first vault, its history is where it was.
    store.reconcile(&a, Timestamp::from_secs(300)).unwrap();
    assert_eq!(answers(&store, &id_of(&a, FIRST)), 1);
}
