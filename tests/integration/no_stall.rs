//! The app answers keys at every moment of a long load: help opens while
//! the files are read, the notes' names come first and can be browsed
//! while their bodies and questions are read, and the whole vault then
//! takes their place without moving the learner; a note written during
//! the load is read too. The load is slowed with
//! a hidden hook (every file takes 25 ms), so a small vault in a test
//! takes as long as 100,000 notes do.

use super::terminal_faults::Tui;

fn note(i: usize) -> String {
    format!(
        "---\ntitle: 느린 노트 {i:03}\ntags: [load/slow]\n---\n\n# 느린 노트 {i:03}\n\n\
         ## 핵심 포인트\n\n본문 {i:03}번은 다 읽은 뒤에 보인다.\n\n## 관련 문제\n\n\
         **문제 1.** {i}번 노트의 답은?\n\n- A) 하나\n- B) 둘\n\n**정답: A**\n"
    )
}

#[test]
fn keys_are_answered_at_every_moment_of_a_long_load() {
    let vault = tempfile::tempdir().unwrap();
    for i in 0..120 {
        std::fs::write(vault.path().join(format!("n{i:03}.md")), note(i)).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(
        vault.path(),
        data.path(),
        &[("MUNJE_TEST_SLOW_LOAD_MS", "25")],
    );

    // While the names are read: help opens and closes.
    tui.wait_for("불러오는 중");
    tui.send("?");
    let screen = tui.wait_for("┌ 도움말");
    assert!(
        screen.contains("불러오는 중"),
        "help opened only after the load:\n{screen}"
    );
    tui.send("\x1b");

    // The names first: the list is browsed while the rest is read.
    let screen = tui.wait_for("본문과 문제 읽는 중");
    assert!(screen.contains("느린 노트 000"), "{screen}");
    // A note written now, while the rest is read, is read too.
    std::fs::write(
        vault.path().join("late.md"),
        "---\ntitle: 늦게 쓴 노트\ntags: [load/slow]\n---\n\n# 늦게 쓴 노트\n",
    )
    .unwrap();
    tui.send("j");
    tui.send("\r");
    let screen = tui.wait_for("본문을 읽는 중");
    assert!(
        screen.contains("본문과 문제 읽는 중") && screen.contains("느린 노트 001"),
        "the list did not move during the load:\n{screen}"
    );
    tui.send("p");
    let screen = tui.wait_for("문제를 아직 읽는 중");
    assert!(!screen.contains("퀴즈 시작"), "{screen}");

    // The whole vault arrives in place: the same note, now with its body.
    tui.wait_for("본문 001번은");
    // And the note written during the load, by the reload after it.
    tui.wait_for("노트 121");
    tui.send("q");
    tui.send("q");
    assert!(tui.wait_exit().success());
}
