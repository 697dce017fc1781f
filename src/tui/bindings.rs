//! The built-in key bindings: one table, one line per binding, read top to
//! bottom. `keymap` owns the row type and lookup; this file owns only the
//! data, and names it the default keymap.
//!
//! Why a Rust table and not an embedded TOML file (television's shape):
//! in munje users rebind a binding by its name, never an action by its
//! name, so actions need no string form. Written in Rust, the contexts and
//! actions are checked by the compiler, and actions that carry data
//! (`Pick('A')`, `JumpSection(SectionKind::KeyPoint)`) are plain values.
//! The one part users also write, the keys, is written exactly as
//! `config.toml` writes it and goes through the parser of the user's
//! `[keys]` (`Keymap::from_rows`); a key it cannot read fails
//! `the_built_in_table_parses_without_a_problem`, never the app.
//!
//! A row applies in every context of its first column, in table order, so
//! the bindings several screens share (going back, moving, picking an
//! option) are one line each: `BACK_Q` rows come first in their screens,
//! `MOVING` and `ASKING` rows last, as help and the hint bar list them.
//! The table keeps `rustfmt` off so each binding stays one line.

use super::action::Action;
use super::keymap::{Context, Hint, Keymap, Row};
use crate::vault::SectionKind;

/// The screens below the top where Esc and `q` go back.
const BACK_Q: &[Context] = &[
    Context::Reader,
    Context::Picker,
    Context::Question,
    Context::Feedback,
    Context::ExamReview,
    Context::ExamResult,
    Context::ExamAnswers,
    Context::Stats,
    Context::Pager,
];

/// The screens that move a selection or scroll with the vim keys and
/// arrows.
const MOVING: &[Context] = &[
    Context::NoteList,
    Context::Reader,
    Context::Picker,
    Context::Feedback,
    Context::ExamReview,
    Context::ExamResult,
    Context::ExamAnswers,
    Context::Stats,
    Context::Summary,
    Context::Revisit,
    Context::Pager,
];

/// The screens that ask a question: a letter or a number picks an option.
const ASKING: &[Context] = &[Context::Question, Context::Exam];

/// Every built-in binding: where, config name, keys, action, Korean and
/// English description, hint bar.
#[rustfmt::skip]
pub const DEFAULT_BINDINGS: &[Row] = {
    use Action as A;
    use Context as C;
    use Hint::{Bar, HelpOnly};
    &[
        // Everywhere but a text field.
        (&[C::Global], "force_quit", &["ctrl-c"], A::ForceQuit, "어디서나 종료", "quit from anywhere", HelpOnly),
        (&[C::Global], "help", &["?", "f1"], A::Help, "도움말", "help", Bar),
        (&[C::Global], "search", &["/"], A::Search, "검색", "search", Bar),
        (&[C::Global], "stats", &["s"], A::Stats, "통계·오답노트", "stats and wrong answers", Bar),
        (&[C::Global], "toggle_theme", &["T"], A::ToggleTheme, "밝은/어두운 테마", "light/dark theme", HelpOnly),
        // First wherever Esc and q go back.
        (BACK_Q, "back", &["esc", "q"], A::Back, "뒤로", "back", Bar),
        // The note list.
        (&[C::NoteList], "quit", &["q"], A::Quit, "종료", "quit", Bar),
        (&[C::NoteList], "deselect", &["esc"], A::Back, "필터 해제", "clear the filter", HelpOnly),
        (&[C::NoteList], "open", &["enter", "l", "right"], A::Confirm, "열기", "open", Bar),
        (&[C::NoteList], "quiz", &["p"], A::StartQuiz, "퀴즈 시작", "start a quiz", Bar),
        (&[C::NoteList], "review_due", &["r"], A::ReviewDue, "오늘의 복습", "today's reviews", Bar),
        (&[C::NoteList], "collapse", &["h", "left"], A::Left, "접기", "collapse", HelpOnly),
        (&[C::NoteList], "toggle", &["space"], A::Toggle, "펼치기/접기", "expand/collapse", HelpOnly),
        (&[C::NoteList], "list_view", &["t"], A::ToggleListView, "태그 트리/목록", "tag tree/flat list", Bar),
        (&[C::NoteList], "filter_tag", &["f"], A::FilterTag, "이 태그로 거르기", "filter by this tag", Bar),
        (&[C::NoteList], "next_pane", &["tab"], A::NextPane, "다음 창", "next pane", HelpOnly),
        (&[C::NoteList], "diagnostics", &["d"], A::Diagnostics, "진단", "diagnostics", HelpOnly),
        // The note reader.
        (&[C::Reader], "scroll_left", &["h", "left"], A::Left, "왼쪽으로", "scroll left", HelpOnly),
        (&[C::Reader], "scroll_right", &["l", "right"], A::Right, "오른쪽으로", "scroll right", HelpOnly),
        (&[C::Reader], "page_down", &["space"], A::PageDown, "한 쪽 아래", "page down", HelpOnly),
        (&[C::Reader], "key_point", &["1"], A::JumpSection(SectionKind::KeyPoint), "핵심 포인트로", "to the key point", HelpOnly),
        (&[C::Reader], "explanation", &["2"], A::JumpSection(SectionKind::Explanation), "설명으로", "to the explanation", HelpOnly),
        (&[C::Reader], "concepts", &["3"], A::JumpSection(SectionKind::Concepts), "주요개념으로", "to the key concepts", HelpOnly),
        (&[C::Reader], "questions", &["4"], A::JumpSection(SectionKind::Questions), "관련 문제로", "to the questions", Bar),
        (&[C::Reader], "next_section", &["]", "n"], A::NextSection, "다음 절", "next section", Bar),
        (&[C::Reader], "prev_section", &["[", "N"], A::PrevSection, "이전 절", "previous section", HelpOnly),
        (&[C::Reader], "links", &["f", "enter"], A::Links, "링크·백링크", "links and backlinks", Bar),
        (&[C::Reader], "quiz", &["p"], A::StartQuiz, "이 노트로 퀴즈", "quiz on this note", Bar),
        (&[C::Reader], "review_due", &["r"], A::ReviewDue, "오늘의 복습", "today's reviews", HelpOnly),
        (&[C::Reader], "next_pane", &["tab"], A::NextPane, "다음 창", "next pane", HelpOnly),
        (&[C::Reader], "answers", &["a"], A::ToggleSpoilers, "정답·해설 숨기기/보기", "hide/show answers", HelpOnly),
        (&[C::Reader], "edit", &["e"], A::Edit, "편집기로 열기 ($VISUAL/$EDITOR)", "open in $VISUAL/$EDITOR", HelpOnly),
        // Pop-up lists: links, the start dialog's fields.
        (&[C::Picker], "confirm", &["enter"], A::Confirm, "선택", "choose", Bar),
        (&[C::Picker], "toggle", &["space"], A::Toggle, "바꾸기", "change", Bar),
        (&[C::Picker], "left", &["h", "left"], A::Left, "줄이기/이전", "less/previous", HelpOnly),
        (&[C::Picker], "right", &["l", "right"], A::Right, "늘리기/다음", "more/next", HelpOnly),
        (&[C::Picker], "next_pane", &["tab"], A::Down, "다음 칸", "next field", HelpOnly),
        (&[C::Picker], "prev_pane", &["backtab"], A::Up, "이전 칸", "previous field", HelpOnly),
        // The search field: a text field, so no global bindings.
        (&[C::Search], "force_quit", &["ctrl-c"], A::ForceQuit, "어디서나 종료", "quit from anywhere", HelpOnly),
        (&[C::Search], "back", &["esc"], A::Back, "돌아가기", "back", Bar),
        (&[C::Search], "open", &["enter"], A::Confirm, "결과 열기", "open the hit", Bar),
        (&[C::Search], "down", &["down", "ctrl-n"], A::Down, "다음 결과", "next hit", Bar),
        (&[C::Search], "up", &["up", "ctrl-p"], A::Up, "이전 결과", "previous hit", HelpOnly),
        (&[C::Search], "delete", &["backspace"], A::DeleteBack, "지우기", "delete", HelpOnly),
        (&[C::Search], "clear", &["ctrl-u"], A::ClearInput, "모두 지우기", "clear", HelpOnly),
        // A practice question; j moves down, so option J is J or 0.
        (&[C::Question], "confirm", &["enter"], A::Confirm, "답하기", "answer", Bar),
        (&[C::Question], "toggle", &["space"], A::Toggle, "보기 선택/해제", "toggle option", Bar),
        (&[C::Question], "down", &["down", "j"], A::Down, "아래 보기", "next option", HelpOnly),
        (&[C::Question], "up", &["up", "k"], A::Up, "위 보기", "previous option", HelpOnly),
        (&[C::Question], "open_note", &["o"], A::OpenNote, "노트 보기", "open the note", Bar),
        // The feedback after a practice answer.
        (&[C::Feedback], "next", &["enter", "space"], A::Confirm, "다음 문제", "next question", Bar),
        (&[C::Feedback], "open_note", &["o"], A::OpenNote, "노트 보기", "open the note", Bar),
        (&[C::Feedback], "guessed", &["m"], A::Guessed, "찍었음", "I guessed", Bar),
        (&[C::Feedback], "undo", &["u"], A::Undo, "되돌리기", "undo", Bar),
        (&[C::Feedback], "edit", &["e"], A::Edit, "편집기로 열기 ($VISUAL/$EDITOR)", "open in $VISUAL/$EDITOR", HelpOnly),
        // An exam question.
        (&[C::Exam], "back", &["esc"], A::Back, "나가기", "leave", Bar),
        (&[C::Exam], "confirm", &["enter"], A::Confirm, "답 고르기", "choose", HelpOnly),
        (&[C::Exam], "toggle", &["space"], A::Toggle, "보기 선택/해제", "toggle option", HelpOnly),
        (&[C::Exam], "down", &["down", "j"], A::Down, "아래 보기", "next option", HelpOnly),
        (&[C::Exam], "up", &["up", "k"], A::Up, "위 보기", "previous option", HelpOnly),
        (&[C::Exam], "submit", &["S"], A::Submit, "제출", "submit", Bar),
        (&[C::Exam], "prev_question", &["left", "<"], A::PrevQuestion, "이전 문제", "previous question", Bar),
        (&[C::Exam], "next_question", &["right", ">"], A::NextQuestion, "다음 문제", "next question", Bar),
        (&[C::Exam], "flag", &["m"], A::Flag, "표시", "flag", Bar),
        (&[C::Exam], "review", &["r"], A::Review, "검토", "review", Bar),
        // The exam review grid.
        (&[C::ExamReview], "confirm", &["enter"], A::Confirm, "이 문제로", "go to question", Bar),
        (&[C::ExamReview], "left", &["h", "left"], A::Left, "왼쪽", "left", HelpOnly),
        (&[C::ExamReview], "right", &["l", "right"], A::Right, "오른쪽", "right", HelpOnly),
        (&[C::ExamReview], "submit", &["S"], A::Submit, "제출", "submit", Bar),
        // The exam's "submit or leave?" dialog.
        (&[C::ExamSubmit], "confirm", &["enter", "S"], A::Submit, "제출", "submit", Bar),
        (&[C::ExamSubmit], "abandon", &["a"], A::Abandon, "그만두기(채점 안 함)", "abandon (not scored)", Bar),
        (&[C::ExamSubmit], "back", &["esc"], A::Back, "계속 풀기", "keep going", Bar),
        // The exam result, and its question-by-question review.
        (&[C::ExamResult], "review", &["r"], A::Review, "문제별 검토", "review questions", Bar),
        (&[C::ExamAnswers], "prev_question", &["left", "h"], A::PrevQuestion, "이전 문제", "previous question", Bar),
        (&[C::ExamAnswers], "next_question", &["right", "l"], A::NextQuestion, "다음 문제", "next question", Bar),
        (&[C::ExamAnswers], "filter", &["f"], A::NextFilter, "필터 바꾸기", "next filter", Bar),
        (&[C::ExamAnswers], "open_note", &["o"], A::OpenNote, "노트 보기", "open the note", Bar),
        (&[C::ExamAnswers], "edit", &["e"], A::Edit, "편집기로 열기", "open in the editor", HelpOnly),
        // The statistics screen.
        (&[C::Stats], "retry", &["r"], A::Retry, "오답 다시 풀기", "retry wrong answers", Bar),
        (&[C::Stats], "exam_history", &["e"], A::ExamHistory, "모의고사 기록", "exam history", Bar),
        (&[C::Stats], "optimize", &["O"], A::Optimize, "FSRS를 내 기록에 맞추기", "fit FSRS to my reviews", HelpOnly),
        // The practice summary, and a question of it shown again.
        (&[C::Summary], "back", &["esc", "q", "enter"], A::Back, "돌아가기", "go back", Bar),
        (&[C::Summary], "explain", &["space", "l", "right"], A::Toggle, "풀이 보기", "show with explanations", Bar),
        (&[C::Summary], "retry", &["r"], A::Retry, "틀린 문제 다시", "retry the wrong ones", Bar),
        (&[C::Revisit], "back", &["esc", "q", "enter", "h", "left"], A::Back, "결과로", "back to the summary", Bar),
        (&[C::Revisit], "open_note", &["o"], A::OpenNote, "노트 보기", "open the note", Bar),
        // Last wherever the vim keys and arrows move.
        (MOVING, "down", &["j", "down"], A::Down, "아래로", "down", HelpOnly),
        (MOVING, "up", &["k", "up"], A::Up, "위로", "up", HelpOnly),
        (MOVING, "top", &["g", "home"], A::Top, "맨 위", "top", HelpOnly),
        (MOVING, "bottom", &["G", "end"], A::Bottom, "맨 아래", "bottom", HelpOnly),
        (MOVING, "half_page_down", &["ctrl-d", "pagedown"], A::HalfPageDown, "반 쪽 아래", "half page down", HelpOnly),
        (MOVING, "half_page_up", &["ctrl-u", "pageup"], A::HalfPageUp, "반 쪽 위", "half page up", HelpOnly),
        // Last in a question: a letter either case or a number picks.
        (ASKING, "pick_a", &["a", "A", "1"], A::Pick('A'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_b", &["b", "B", "2"], A::Pick('B'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_c", &["c", "C", "3"], A::Pick('C'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_d", &["d", "D", "4"], A::Pick('D'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_e", &["e", "E", "5"], A::Pick('E'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_f", &["f", "F", "6"], A::Pick('F'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_g", &["g", "G", "7"], A::Pick('G'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_h", &["h", "H", "8"], A::Pick('H'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_i", &["i", "I", "9"], A::Pick('I'), "보기 선택", "choose this option", HelpOnly),
        (ASKING, "pick_j", &["J", "0"], A::Pick('J'), "보기 선택", "choose this option", HelpOnly),
    ]
};

impl Default for Keymap {
    /// The built-in bindings. The table is checked by a test, so nothing is
    /// left out here in practice.
    fn default() -> Self {
        Keymap::from_rows(DEFAULT_BINDINGS).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::KeyChord;

    #[test]
    fn the_built_in_table_parses_without_a_problem() {
        let (map, problems) = Keymap::from_rows(DEFAULT_BINDINGS);
        assert!(problems.is_empty(), "{problems:?}");
        let bindings: usize = Context::ALL.iter().map(|&c| map.bindings(c).len()).sum();
        let rows: usize = DEFAULT_BINDINGS.iter().map(|row| row.0.len()).sum();
        assert_eq!(bindings, rows);
    }

    #[test]
    fn every_key_is_written_as_the_config_writes_it() {
        for &(_, name, keys, ..) in DEFAULT_BINDINGS {
            for &key in keys {
                let chord = KeyChord::parse(key);
                let written = chord.and_then(KeyChord::name);
                assert_eq!(written.as_deref(), Some(key), "{name}: {key:?}");
            }
        }
    }

    #[test]
    fn every_binding_s_keys_as_the_config_writes_them_parse_back() {
        let map = Keymap::default();
        for ctx in Context::ALL {
            for binding in map.bindings(ctx) {
                for &chord in &binding.keys {
                    let written = chord.name();
                    let read = written.as_deref().and_then(KeyChord::parse);
                    assert_eq!(read, Some(chord), "{ctx:?} {}: {written:?}", binding.name);
                }
            }
        }
    }
}
