//! End to end: the real binary in a pseudo-terminal, read back through a
//! vt100 screen model (a raw byte stream never holds "스팟" whole, because
//! the cursor moves after each wide character).

use std::ops::{Deref, DerefMut};
use std::time::Duration;

use super::terminal_faults::Tui;

const SPOT: &str = "---
title: 스팟 인스턴스 활용
tags: [instance/spot]
aliases: [spot-pricing]
created: 2025-08-21
---

# 스팟 인스턴스 활용

## 🎯 핵심 포인트

**스팟 인스턴스**는 남는 용량을 싸게 쓰며 2분 전에 중단 알림을 받는다.

## 📝 설명

- 태스크 노드는 데이터를 저장하지 않는다
- 마스터 노드는 온디맨드로 둔다

## 📚 관련 문제

**문제 1.** 데이터 손실 없이 비용을 줄이려면 어느 노드를 스팟으로 두는가?

**보기:**
- A) 마스터 노드
- B) 코어 노드
- C) 태스크 노드

**정답: C**

**추가 설명:**
- **Option A** - 마스터가 멈추면 클러스터 전체가 멈춘다
- **Option C** - 태스크 노드는 상태가 없어 중단되어도 안전하다
";

const EMR: &str = "---
title: EMR 노드 구성
tags: [service/emr]
---

# EMR 노드 구성

## 핵심 포인트

EMR 클러스터는 마스터, 코어, 태스크 노드로 나뉜다. [[스팟 인스턴스 활용]]도 보라.
";

/// munje on a two-note fixture vault, driven through the shared PTY driver;
/// the folders live as long as the session.
struct Session {
    tui: Tui,
    dirs: (tempfile::TempDir, tempfile::TempDir),
}

impl Session {
    fn start(extra: &[&str]) -> Session {
        let vault = tempfile::tempdir().unwrap();
        std::fs::write(vault.path().join("spot.md"), SPOT).unwrap();
        std::fs::write(vault.path().join("emr.md"), EMR).unwrap();
        let data = tempfile::tempdir().unwrap();
        let tui = Tui::start_with(vault.path(), data.path(), extra, &[]);
        Session {
            tui,
            dirs: (vault, data),
        }
    }
}

impl Deref for Session {
    type Target = Tui;
    fn deref(&self) -> &Tui {
        &self.tui
    }
}

impl DerefMut for Session {
    fn deref_mut(&mut self) -> &mut Tui {
        &mut self.tui
    }
}

#[test]
fn opens_a_fixture_vault_and_reads_a_note() {
    let mut s = Session::start(&[]);
    s.wait_for("노트 2");
    // Flat list, first note (EMR), open it, jump to its key point.
    s.send("t");
    s.send("g");
    s.send("\r");
    let screen = s.wait_for("EMR 클러스터는 마스터");
    assert!(screen.contains("#service/emr"), "{screen}");
    // Follow the wikilink to the other note.
    s.send("f");
    s.wait_for("링크 · 백링크");
    s.send("\r");
    let screen = s.wait_for("남는 용량을 싸게");
    assert!(
        screen.contains("스팟 인스턴스"),
        "bold text lost its words:\n{screen}"
    );
    assert!(!screen.contains("**"), "bold markers shown:\n{screen}");
}

#[test]
fn quits_with_the_terminal_restored() {
    let mut s = Session::start(&[]);
    s.wait_for("노트 2");
    assert!(s.vt().screen().alternate_screen());
    // Esc never quits; q from the top level does.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    assert!(s.is_running(), "Esc quit the app");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let parser = s.vt();
    assert!(
        !parser.screen().alternate_screen(),
        "still on the alternate screen"
    );
    assert!(!parser.screen().hide_cursor(), "cursor left hidden");
}

#[test]
fn ctrl_c_quits_from_a_layer_with_status_zero() {
    let mut s = Session::start(&[]);
    s.wait_for("노트 2");
    s.send("?");
    // Help opens at the note list's keys.
    s.wait_for("노트 목록");
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(!s.vt().screen().alternate_screen());
}

#[test]
fn searches_by_initial_consonants_and_opens_the_hit() {
    let mut s = Session::start(&[]);
    s.wait_for("노트 2");
    // Put the EMR note in the reader first, so opening the hit visibly
    // changes the note.
    s.send("t");
    s.send("g");
    s.send("\r");
    s.wait_for("EMR 클러스터는");
    s.send("/");
    s.wait_for("/ 검색어");
    s.send("ㅅㅍ");
    let screen = s.wait_for("2건");
    assert!(screen.contains("스팟 인스턴스 활용"), "{screen}");
    {
        let parser = s.vt();
        let screen = parser.screen();
        assert!(
            !screen.hide_cursor(),
            "the search field must show the cursor"
        );
        // The cursor sits right after "/ ㅅㅍ" (2 + 4 cells, inside the border).
        assert_eq!(screen.cursor_position(), (2, 7));
    }
    s.send("\r");
    let screen = s.wait_for("남는 용량을 싸게");
    assert!(!screen.contains("/ ㅅㅍ"), "search still open:\n{screen}");
}

#[test]
fn answers_a_question_wrong_and_sees_its_explanation() {
    let mut s = Session::start(&[]);
    s.wait_for("노트 2");
    // The tree opens on the spot note; go to the reader and quiz on it.
    s.send("\t");
    s.send("p");
    // p opens the start dialog on this note; Enter starts, and a second
    // Enter answers nothing.
    s.wait_for("퀴즈 시작");
    s.send("\r");
    s.wait_for("문제 1/1");
    s.send("\r");
    let screen = s.wait_for("먼저 보기를 고르세요");
    // Options are shuffled: find the letter the wrong option got.
    let line = screen
        .lines()
        .find(|l| l.contains("마스터 노드"))
        .unwrap_or_else(|| panic!("no option line:\n{screen}"));
    let letter = line
        .split(')')
        .next()
        .and_then(|head| head.chars().rev().find(char::is_ascii_uppercase))
        .unwrap_or_else(|| panic!("no letter in {line:?}"));
    s.send(&letter.to_ascii_lowercase().to_string());
    let screen = s.wait_for("틀렸습니다");
    assert!(
        screen.contains("마스터가 멈추면 클러스터 전체가 멈춘다"),
        "{screen}"
    );
    assert!(screen.contains("정답"), "{screen}");
    // Enter goes on: the one-question quiz ends with its summary.
    s.send("\r");
    s.wait_for("맞음 0/1");
}

#[test]
fn a_note_changed_on_disk_is_reloaded_in_place() {
    let mut s = Session::start(&[]);
    s.wait_for("노트 2");
    s.send("t");
    s.send("g");
    s.send("\r");
    s.wait_for("EMR 클러스터는");
    let path = s.dirs.0.path().join("emr.md");
    let changed = EMR.replace("EMR 클러스터는", "고쳐 쓴 문장: EMR 클러스터는");
    std::fs::write(&path, changed).unwrap();
    let screen = s.wait_for("고쳐 쓴 문장");
    assert!(screen.contains("노트를 다시 읽었습니다"), "{screen}");
    // Still the same note open, and the app still answers keys.
    assert!(screen.contains("EMR 노드 구성"), "{screen}");
    s.send("q");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn keys_are_handled_while_another_program_holds_the_database() {
    let vault = tempfile::tempdir().unwrap();
    std::fs::write(vault.path().join("spot.md"), SPOT).unwrap();
    let data = tempfile::tempdir().unwrap();
    // A busy timeout far longer than the test waits for a screen: an app
    // that wrote on its own thread would show nothing until it ran out.
    let mut s = Tui::start_with(
        vault.path(),
        data.path(),
        &[],
        &[("MUNJE_BUSY_TIMEOUT_MS", "120000")],
    );
    s.wait_for("노트 1");
    s.send("\t");
    s.send("p");
    s.wait_for("퀴즈 시작");
    s.send("\r");
    s.wait_for("문제 1/1");
    let db = rusqlite::Connection::open(data.path().join("progress.db")).unwrap();
    db.execute_batch("BEGIN EXCLUSIVE").unwrap();
    s.send("a");
    s.wait_for("습니다"); // 맞았습니다 or 틀렸습니다
    // The answer waits on the writer's thread; keys still work.
    s.send("?");
    s.wait_for("┌ 도움말");
    s.send("\x1b");
    db.execute_batch("COMMIT").unwrap();
    drop(db);
    // The lock is gone: the answer is saved and the app quits cleanly.
    s.send("\x03");
    assert!(s.wait_exit().success());
    let store = rusqlite::Connection::open(data.path().join("progress.db")).unwrap();
    let n: i64 = store
        .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the answer given while the database was locked");
}

#[test]
fn takes_an_exam_submits_it_and_reviews_every_question() {
    let mut s = Session::start(&["quiz", "--exam", "--no-shuffle"]);
    let screen = s.wait_for("모의고사");
    assert!(screen.contains("문제 1/1"), "{screen}");
    // A (마스터 노드) is wrong; r opens the grid.
    s.send("m");
    s.send("a");
    s.wait_for("답함 1");
    s.send("r");
    let screen = s.wait_for("Esc 문제로");
    assert!(
        screen.contains("●⚑"),
        "answered and flagged both shown:\n{screen}"
    );
    s.send("S");
    let screen = s.wait_for("제출할까요?");
    assert!(
        screen.contains("안 푼 문제 0개, 표시한 문제 1개"),
        "{screen}"
    );
    s.send("\r");
    let screen = s.wait_for("합격선");
    assert!(screen.contains("r 문제별 검토"), "{screen}");
    s.send("r");
    let screen = s.wait_for("✗ 틀림");
    assert!(screen.contains("← 내 답"), "{screen}");
    assert!(
        screen.contains("마스터가 멈추면 클러스터 전체가 멈춘다"),
        "every option's explanation:\n{screen}"
    );
    // The filter moves to wrong answers; the one question stays.
    s.send("f");
    s.wait_for("[틀린 문제 1]");
    // Esc goes back one level: to the result.
    s.send("\x1b");
    s.wait_for("합격선");
}

#[test]
fn abandons_an_exam_and_finds_it_unscored_in_the_history() {
    let mut s = Session::start(&["quiz", "--exam", "--no-shuffle"]);
    s.wait_for("모의고사");
    s.send("a");
    s.wait_for("답함 1");
    // Esc on a question asks: submit, abandon or keep going.
    s.send("\x1b");
    s.wait_for("a 그만두기(채점 안 함)");
    s.send("a");
    s.wait_for("모의고사를 그만두었습니다 (채점하지 않음)");
    s.send("\x1b");
    s.send("s");
    s.wait_for("모의고사 점수");
    s.send("e");
    let screen = s.wait_for("그만둠(채점 안 함)");
    assert!(screen.contains("  1. "), "{screen}");
}

#[test]
fn e_opens_the_editor_at_the_line_and_munje_comes_back() {
    let tools = tempfile::tempdir().unwrap();
    let out = tools.path().join("args.txt");
    let script = tools.path().join("vi");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}'\nread line < /dev/tty\necho \"typed:$line\" >> '{0}'\n",
            out.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let vault = tempfile::tempdir().unwrap();
    std::fs::write(vault.path().join("spot.md"), SPOT).unwrap();
    let data = tempfile::tempdir().unwrap();
    let editor = script.display().to_string();
    let mut s = Tui::start_with(vault.path(), data.path(), &[], &[("VISUAL", &editor)]);
    s.wait_for("노트 1");
    s.send("\t");
    s.send("e");
    // The keys go to the editor, not to munje.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !out.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    s.send("qq\r");
    s.wait_for("노트 1");
    let written = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert!(lines[0].starts_with('+'), "{written}");
    assert!(lines[1].ends_with("spot.md"), "{written}");
    assert_eq!(lines.get(2), Some(&"typed:qq"), "{written}");
}
