//! The default key bindings: one table, read top to bottom, each entry
//! with its config name, keys, action and a Korean and English
//! description. `keymap` owns lookup; this file owns only the data.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyCode;

use super::action::Action;
use super::bindings_quiz::quiz_contexts;
use super::keymap::{Binding, Context, Keymap};
use super::keys::KeyChord;
use crate::vault::SectionKind;

pub(super) fn b(
    name: &'static str,
    keys: &[KeyChord],
    action: Action,
    ko: &'static str,
    en: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        name,
        keys: keys.to_vec(),
        action,
        ko,
        en,
        hint,
    }
}

pub(super) const fn k(c: char) -> KeyChord {
    KeyChord::ch(c)
}

pub(super) const fn p(code: KeyCode) -> KeyChord {
    KeyChord::plain(code)
}

pub(super) fn movement() -> Vec<Binding> {
    vec![
        b(
            "down",
            &[k('j'), p(KeyCode::Down)],
            Action::Down,
            "아래로",
            "down",
            false,
        ),
        b(
            "up",
            &[k('k'), p(KeyCode::Up)],
            Action::Up,
            "위로",
            "up",
            false,
        ),
        b(
            "top",
            &[k('g'), p(KeyCode::Home)],
            Action::Top,
            "맨 위",
            "top",
            false,
        ),
        b(
            "bottom",
            &[k('G'), p(KeyCode::End)],
            Action::Bottom,
            "맨 아래",
            "bottom",
            false,
        ),
        b(
            "half_page_down",
            &[KeyChord::ctrl('d'), p(KeyCode::PageDown)],
            Action::HalfPageDown,
            "반 쪽 아래",
            "half page down",
            false,
        ),
        b(
            "half_page_up",
            &[KeyChord::ctrl('u'), p(KeyCode::PageUp)],
            Action::HalfPageUp,
            "반 쪽 위",
            "half page up",
            false,
        ),
    ]
}

pub(super) fn letter_picks(with_numbers: bool) -> Vec<Binding> {
    const NAMES: [&str; 10] = [
        "pick_a", "pick_b", "pick_c", "pick_d", "pick_e", "pick_f", "pick_g", "pick_h", "pick_i",
        "pick_j",
    ];
    ('A'..='J')
        .zip(NAMES)
        .enumerate()
        .map(|(i, (letter, name))| {
            let mut keys = vec![k(letter.to_ascii_lowercase()), k(letter)];
            if with_numbers {
                let digit = char::from_digit(u32::try_from((i + 1) % 10).unwrap_or(0), 10);
                keys.extend(digit.map(k));
            }
            b(
                name,
                &keys,
                Action::Pick(letter),
                "보기 선택",
                "choose this option",
                false,
            )
        })
        .collect()
}

impl Default for Keymap {
    #[allow(clippy::too_many_lines)] // one table, read top to bottom
    fn default() -> Self {
        use Action as A;
        use Context as C;
        let mut table = HashMap::new();
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
        table.insert(
            C::Global,
            vec![
                b(
                    "force_quit",
                    &[KeyChord::ctrl('c')],
                    A::ForceQuit,
                    "어디서나 종료",
                    "quit from anywhere",
                    false,
                ),
                b(
                    "help",
                    &[k('?'), p(KeyCode::F(1))],
                    A::Help,
                    "도움말",
                    "help",
                    true,
                ),
                b("search", &[k('/')], A::Search, "검색", "search", true),
                b(
                    "stats",
                    &[k('s')],
                    A::Stats,
                    "통계·오답노트",
                    "stats and wrong answers",
                    true,
                ),
                b(
                    "toggle_theme",
                    &[k('T')],
                    A::ToggleTheme,
                    "밝은/어두운 테마",
                    "light/dark theme",
                    false,
                ),
            ],
        );
        let mut list = vec![
            b("quit", &[k('q')], A::Quit, "종료", "quit", true),
            b(
                "deselect",
                &[p(KeyCode::Esc)],
                A::Back,
                "필터 해제",
                "clear the filter",
                false,
            ),
            b(
                "open",
                &[p(KeyCode::Enter), k('l'), p(KeyCode::Right)],
                A::Confirm,
                "열기",
                "open",
                true,
            ),
            b(
                "quiz",
                &[k('p')],
                A::StartQuiz,
                "퀴즈 시작",
                "start a quiz",
                true,
            ),
            b(
                "review_due",
                &[k('r')],
                A::ReviewDue,
                "오늘의 복습",
                "today's reviews",
                true,
            ),
            b(
                "collapse",
                &[k('h'), p(KeyCode::Left)],
                A::Left,
                "접기",
                "collapse",
                false,
            ),
            b(
                "toggle",
                &[k(' ')],
                A::Toggle,
                "펼치기/접기",
                "expand/collapse",
                false,
            ),
            b(
                "list_view",
                &[k('t')],
                A::ToggleListView,
                "태그 트리/목록",
                "tag tree/flat list",
                true,
            ),
            b(
                "filter_tag",
                &[k('f')],
                A::FilterTag,
                "이 태그로 거르기",
                "filter by this tag",
                true,
            ),
            b(
                "next_pane",
                &[p(KeyCode::Tab)],
                A::NextPane,
                "다음 창",
                "next pane",
                false,
            ),
            b(
                "diagnostics",
                &[k('d')],
                A::Diagnostics,
                "진단",
                "diagnostics",
                false,
            ),
        ];
        list.extend(movement());
        table.insert(C::NoteList, list);
        let mut reader = vec![
            back(true),
            b(
                "scroll_left",
                &[k('h'), p(KeyCode::Left)],
                A::Left,
                "왼쪽으로",
                "scroll left",
                false,
            ),
            b(
                "scroll_right",
                &[k('l'), p(KeyCode::Right)],
                A::Right,
                "오른쪽으로",
                "scroll right",
                false,
            ),
            b(
                "page_down",
                &[k(' ')],
                A::PageDown,
                "한 쪽 아래",
                "page down",
                false,
            ),
            b(
                "key_point",
                &[k('1')],
                A::JumpSection(SectionKind::KeyPoint),
                "핵심 포인트로",
                "to the key point",
                false,
            ),
            b(
                "explanation",
                &[k('2')],
                A::JumpSection(SectionKind::Explanation),
                "설명으로",
                "to the explanation",
                false,
            ),
            b(
                "concepts",
                &[k('3')],
                A::JumpSection(SectionKind::Concepts),
                "주요개념으로",
                "to the key concepts",
                false,
            ),
            b(
                "questions",
                &[k('4')],
                A::JumpSection(SectionKind::Questions),
                "관련 문제로",
                "to the questions",
                true,
            ),
            b(
                "next_section",
                &[k(']'), k('n')],
                A::NextSection,
                "다음 절",
                "next section",
                true,
            ),
            b(
                "prev_section",
                &[k('['), k('N')],
                A::PrevSection,
                "이전 절",
                "previous section",
                false,
            ),
            b(
                "links",
                &[k('f'), p(KeyCode::Enter)],
                A::Links,
                "링크·백링크",
                "links and backlinks",
                true,
            ),
            b(
                "quiz",
                &[k('p')],
                A::StartQuiz,
                "이 노트로 퀴즈",
                "quiz on this note",
                true,
            ),
            b(
                "review_due",
                &[k('r')],
                A::ReviewDue,
                "오늘의 복습",
                "today's reviews",
                false,
            ),
            b(
                "next_pane",
                &[p(KeyCode::Tab)],
                A::NextPane,
                "다음 창",
                "next pane",
                false,
            ),
        ];
        reader.push(b(
            "answers",
            &[k('a')],
            A::ToggleSpoilers,
            "정답·해설 숨기기/보기",
            "hide/show answers",
            false,
        ));
        reader.push(b(
            "edit",
            &[k('e')],
            A::Edit,
            "편집기로 열기 ($VISUAL/$EDITOR)",
            "open in $VISUAL/$EDITOR",
            false,
        ));
        reader.extend(movement());
        table.insert(C::Reader, reader);
        let mut picker = vec![
            back(true),
            b(
                "confirm",
                &[p(KeyCode::Enter)],
                A::Confirm,
                "선택",
                "choose",
                true,
            ),
            b("toggle", &[k(' ')], A::Toggle, "바꾸기", "change", true),
            b(
                "left",
                &[k('h'), p(KeyCode::Left)],
                A::Left,
                "줄이기/이전",
                "less/previous",
                false,
            ),
            b(
                "right",
                &[k('l'), p(KeyCode::Right)],
                A::Right,
                "늘리기/다음",
                "more/next",
                false,
            ),
            b(
                "next_pane",
                &[p(KeyCode::Tab)],
                A::Down,
                "다음 칸",
                "next field",
                false,
            ),
            b(
                "prev_pane",
                &[p(KeyCode::BackTab)],
                A::Up,
                "이전 칸",
                "previous field",
                false,
            ),
        ];
        picker.extend(movement());
        table.insert(C::Picker, picker);
        table.insert(
            C::Search,
            vec![
                b(
                    "force_quit",
                    &[KeyChord::ctrl('c')],
                    A::ForceQuit,
                    "어디서나 종료",
                    "quit from anywhere",
                    false,
                ),
                b(
                    "back",
                    &[p(KeyCode::Esc)],
                    A::Back,
                    "돌아가기",
                    "back",
                    true,
                ),
                b(
                    "open",
                    &[p(KeyCode::Enter)],
                    A::Confirm,
                    "결과 열기",
                    "open the hit",
                    true,
                ),
                b(
                    "down",
                    &[p(KeyCode::Down), KeyChord::ctrl('n')],
                    A::Down,
                    "다음 결과",
                    "next hit",
                    true,
                ),
                b(
                    "up",
                    &[p(KeyCode::Up), KeyChord::ctrl('p')],
                    A::Up,
                    "이전 결과",
                    "previous hit",
                    false,
                ),
                b(
                    "delete",
                    &[p(KeyCode::Backspace)],
                    A::DeleteBack,
                    "지우기",
                    "delete",
                    false,
                ),
                b(
                    "clear",
                    &[KeyChord::ctrl('u')],
                    A::ClearInput,
                    "모두 지우기",
                    "clear",
                    false,
                ),
            ],
        );
        quiz_contexts(&mut table);
        Keymap { table }
    }
}
