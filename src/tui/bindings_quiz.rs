//! The default key bindings of the quiz screens: a practice question,
//! its feedback, an exam question, the exam review grid, statistics and
//! the pagers. Data only, like `bindings`.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyCode;

use super::action::Action;
use super::bindings::{b, k, letter_picks, movement, p};
use super::keymap::{Binding, Context};

/// Arrows and `j`/`k` (and the jamo keys on them, ㅓ/ㅏ) move between the
/// options of a question, practice or exam; option J is then picked with
/// `J` or `0`.
fn option_down() -> Binding {
    b(
        "down",
        &[p(KeyCode::Down), k('j')],
        Action::Down,
        "아래 보기",
        "next option",
        false,
    )
}

fn option_up() -> Binding {
    b(
        "up",
        &[p(KeyCode::Up), k('k')],
        Action::Up,
        "위 보기",
        "previous option",
        false,
    )
}

/// The letter picks of a question, without lowercase `j`: it moves down.
fn question_picks() -> Vec<Binding> {
    let mut picks = letter_picks(true);
    for pick in &mut picks {
        pick.keys.retain(|key| *key != k('j'));
    }
    picks
}

/// From a question or its feedback, to the note it studies.
fn open_note() -> Binding {
    b(
        "open_note",
        &[k('o')],
        Action::OpenNote,
        "노트 보기",
        "open the note",
        true,
    )
}

/// Adds the quiz, stats and pager contexts to the table.
#[allow(clippy::too_many_lines)] // one table, read top to bottom
pub(super) fn quiz_contexts(table: &mut HashMap<Context, Vec<Binding>>) {
    use Action as A;
    use Context as C;
    let back = |hint| {
        b(
            "back",
            &[p(KeyCode::Esc), k('q')],
            A::Back,
            "뒤로",
            "back",
            hint,
        )
    };
    let mut question = vec![
        back(true),
        b(
            "confirm",
            &[p(KeyCode::Enter)],
            A::Confirm,
            "답하기",
            "answer",
            true,
        ),
        b(
            "toggle",
            &[k(' ')],
            A::Toggle,
            "보기 선택/해제",
            "toggle option",
            true,
        ),
        option_down(),
        option_up(),
        open_note(),
    ];
    question.extend(question_picks());
    table.insert(C::Question, question);
    let mut feedback = vec![
        back(true),
        b(
            "next",
            &[p(KeyCode::Enter), k(' ')],
            A::Confirm,
            "다음 문제",
            "next question",
            true,
        ),
        open_note(),
        b(
            "guessed",
            &[k('m')],
            A::Guessed,
            "찍었음",
            "I guessed",
            true,
        ),
        b("undo", &[k('u')], A::Undo, "되돌리기", "undo", true),
        b(
            "edit",
            &[k('e')],
            A::Edit,
            "편집기로 열기 ($VISUAL/$EDITOR)",
            "open in $VISUAL/$EDITOR",
            false,
        ),
    ];
    feedback.extend(movement());
    table.insert(C::Feedback, feedback);
    let mut exam = vec![
        b("back", &[p(KeyCode::Esc)], A::Back, "나가기", "leave", true),
        b(
            "confirm",
            &[p(KeyCode::Enter)],
            A::Confirm,
            "답 고르기",
            "choose",
            false,
        ),
        b(
            "toggle",
            &[k(' ')],
            A::Toggle,
            "보기 선택/해제",
            "toggle option",
            false,
        ),
        option_down(),
        option_up(),
        b("submit", &[k('S')], A::Submit, "제출", "submit", true),
        b(
            "prev_question",
            &[p(KeyCode::Left), k('<')],
            A::PrevQuestion,
            "이전 문제",
            "previous question",
            true,
        ),
        b(
            "next_question",
            &[p(KeyCode::Right), k('>')],
            A::NextQuestion,
            "다음 문제",
            "next question",
            true,
        ),
        b("flag", &[k('m')], A::Flag, "표시", "flag", true),
        b("review", &[k('r')], A::Review, "검토", "review", true),
    ];
    exam.extend(question_picks());
    table.insert(C::Exam, exam);
    let mut review = vec![
        back(true),
        b(
            "confirm",
            &[p(KeyCode::Enter)],
            A::Confirm,
            "이 문제로",
            "go to question",
            true,
        ),
        b(
            "left",
            &[k('h'), p(KeyCode::Left)],
            A::Left,
            "왼쪽",
            "left",
            false,
        ),
        b(
            "right",
            &[k('l'), p(KeyCode::Right)],
            A::Right,
            "오른쪽",
            "right",
            false,
        ),
        b("submit", &[k('S')], A::Submit, "제출", "submit", true),
    ];
    review.extend(movement());
    table.insert(C::ExamReview, review);
    table.insert(
        C::ExamSubmit,
        vec![
            b(
                "confirm",
                &[p(KeyCode::Enter), k('S')],
                A::Submit,
                "제출",
                "submit",
                true,
            ),
            b(
                "abandon",
                &[k('a')],
                A::Abandon,
                "그만두기(채점 안 함)",
                "abandon (not scored)",
                true,
            ),
            b(
                "back",
                &[p(KeyCode::Esc)],
                A::Back,
                "계속 풀기",
                "keep going",
                true,
            ),
        ],
    );
    let mut result = vec![
        back(true),
        b(
            "review",
            &[k('r')],
            A::Review,
            "문제별 검토",
            "review questions",
            true,
        ),
    ];
    result.extend(movement());
    table.insert(C::ExamResult, result);
    let mut answers = vec![
        back(true),
        b(
            "prev_question",
            &[p(KeyCode::Left), k('h')],
            A::PrevQuestion,
            "이전 문제",
            "previous question",
            true,
        ),
        b(
            "next_question",
            &[p(KeyCode::Right), k('l')],
            A::NextQuestion,
            "다음 문제",
            "next question",
            true,
        ),
        b(
            "filter",
            &[k('f')],
            A::NextFilter,
            "필터 바꾸기",
            "next filter",
            true,
        ),
        open_note(),
        b(
            "edit",
            &[k('e')],
            A::Edit,
            "편집기로 열기",
            "open in the editor",
            false,
        ),
    ];
    answers.extend(movement());
    table.insert(C::ExamAnswers, answers);
    let mut stats = vec![
        back(true),
        b(
            "retry",
            &[k('r')],
            A::Retry,
            "오답 다시 풀기",
            "retry wrong answers",
            true,
        ),
        b(
            "exam_history",
            &[k('e')],
            A::ExamHistory,
            "모의고사 기록",
            "exam history",
            true,
        ),
        b(
            "optimize",
            &[k('O')],
            A::Optimize,
            "FSRS를 내 기록에 맞추기",
            "fit FSRS to my reviews",
            false,
        ),
    ];
    stats.extend(movement());
    table.insert(C::Stats, stats);
    let mut summary = vec![
        b(
            "back",
            &[p(KeyCode::Esc), k('q'), p(KeyCode::Enter)],
            A::Back,
            "돌아가기",
            "go back",
            true,
        ),
        b(
            "explain",
            &[k(' '), k('l'), p(KeyCode::Right)],
            A::Toggle,
            "풀이 보기",
            "show with explanations",
            true,
        ),
        b(
            "retry",
            &[k('r')],
            A::Retry,
            "틀린 문제 다시",
            "retry the wrong ones",
            true,
        ),
    ];
    summary.extend(movement());
    table.insert(C::Summary, summary);
    let mut revisit = vec![
        b(
            "back",
            &[
                p(KeyCode::Esc),
                k('q'),
                p(KeyCode::Enter),
                k('h'),
                p(KeyCode::Left),
            ],
            A::Back,
            "결과로",
            "back to the summary",
            true,
        ),
        open_note(),
    ];
    revisit.extend(movement());
    table.insert(C::Revisit, revisit);
    let mut pager = vec![back(true)];
    pager.extend(movement());
    table.insert(C::Pager, pager);
}
