//! Key bindings as data: for each screen context, which keys mean which
//! [`Action`], with a description in Korean and English. The hint bar and
//! the help screen are generated from this table; the config file may
//! rebind an action by its name.
//!
//! Owns lookup (including the 2-set jamo fallback outside text fields);
//! does not decide what an action does.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyCode;

use super::action::Action;
use super::keys::KeyChord;
use crate::i18n::Lang;
use crate::vault::SectionKind;

/// Where keys are being read: each has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Bindings every non-text context shares.
    Global,
    /// The note list of the study screen.
    NoteList,
    /// The note reader.
    Reader,
    /// A pop-up list (links, start dialog fields).
    Picker,
    /// The search field (a text field).
    Search,
    /// A practice question waiting for an answer.
    Question,
    /// The feedback after an answer.
    Feedback,
    /// An exam question.
    Exam,
    /// The exam review grid and the result screen.
    ExamReview,
    /// The statistics screen.
    Stats,
    /// Help and diagnostics: scrolled text.
    Pager,
}

impl Context {
    /// Every context, for help and tests.
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::NoteList,
        Context::Reader,
        Context::Picker,
        Context::Search,
        Context::Question,
        Context::Feedback,
        Context::Exam,
        Context::ExamReview,
        Context::Stats,
        Context::Pager,
    ];

    /// True in a text field: printable keys type, jamo stay jamo, and the
    /// global bindings are off.
    pub fn is_text_field(self) -> bool {
        self == Context::Search
    }

    /// The section title of this context in help.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("어디서나", "Everywhere"),
            Context::NoteList => lang.pick("노트 목록", "Note list"),
            Context::Reader => lang.pick("노트 보기", "Reader"),
            Context::Picker => lang.pick("선택 창", "Pickers"),
            Context::Search => lang.pick("검색", "Search"),
            Context::Question => lang.pick("문제", "Question"),
            Context::Feedback => lang.pick("채점 결과", "Feedback"),
            Context::Exam => lang.pick("모의고사", "Exam"),
            Context::ExamReview => lang.pick("모의고사 검토", "Exam review"),
            Context::Stats => lang.pick("통계", "Stats"),
            Context::Pager => lang.pick("도움말·진단", "Help and diagnostics"),
        }
    }
}

/// One binding: keys, the action, a config name and a description.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Name used in the config file's `[keys]` table.
    pub name: &'static str,
    /// The keys, first one shown in hints.
    pub keys: Vec<KeyChord>,
    /// What the keys do.
    pub action: Action,
    /// Korean description.
    pub ko: &'static str,
    /// English description.
    pub en: &'static str,
    /// Shown in the hint bar.
    pub hint: bool,
}

impl Binding {
    /// The description in a language.
    pub fn desc(&self, lang: Lang) -> &'static str {
        lang.pick(self.ko, self.en)
    }

    /// The keys as shown to people, such as `j/↓`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// Every binding by context.
#[derive(Debug, Clone)]
pub struct Keymap {
    table: HashMap<Context, Vec<Binding>>,
}

fn b(
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

const fn k(c: char) -> KeyChord {
    KeyChord::ch(c)
}

const fn p(code: KeyCode) -> KeyChord {
    KeyChord::plain(code)
}

fn movement() -> Vec<Binding> {
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

fn letter_picks(with_numbers: bool) -> Vec<Binding> {
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
                "next_pane",
                &[p(KeyCode::Tab)],
                A::NextPane,
                "다음 창",
                "next pane",
                false,
            ),
        ];
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
            b(
                "down",
                &[p(KeyCode::Down)],
                A::Down,
                "아래 보기",
                "next option",
                false,
            ),
            b(
                "up",
                &[p(KeyCode::Up)],
                A::Up,
                "위 보기",
                "previous option",
                false,
            ),
            b(
                "open_note",
                &[k('o')],
                A::OpenNote,
                "노트 보기",
                "open the note",
                true,
            ),
        ];
        question.extend(letter_picks(true));
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
            b(
                "open_note",
                &[k('o')],
                A::OpenNote,
                "노트 보기",
                "open the note",
                true,
            ),
        ];
        feedback.extend(movement());
        table.insert(C::Feedback, feedback);
        let mut exam = vec![
            b(
                "back",
                &[p(KeyCode::Esc)],
                A::Back,
                "그만두기",
                "leave",
                true,
            ),
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
            b(
                "down",
                &[p(KeyCode::Down)],
                A::Down,
                "아래 보기",
                "next option",
                false,
            ),
            b(
                "up",
                &[p(KeyCode::Up)],
                A::Up,
                "위 보기",
                "previous option",
                false,
            ),
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
            b("submit", &[k('S')], A::Submit, "제출", "submit", true),
        ];
        exam.extend(letter_picks(true));
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
        ];
        stats.extend(movement());
        table.insert(C::Stats, stats);
        let mut pager = vec![back(true)];
        pager.extend(movement());
        table.insert(C::Pager, pager);
        Keymap { table }
    }
}

impl Keymap {
    /// The bindings of one context (global ones not included).
    pub fn bindings(&self, ctx: Context) -> &[Binding] {
        self.table.get(&ctx).map_or(&[], Vec::as_slice)
    }

    /// The bindings in force in a context: its own, then the global ones
    /// unless it is a text field.
    pub fn in_force(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        let global = if ctx.is_text_field() || ctx == Context::Global {
            &[][..]
        } else {
            self.bindings(Context::Global)
        };
        self.bindings(ctx).iter().chain(global)
    }

    /// The action of a key in a context. Outside a text field a Hangul jamo
    /// acts as its QWERTY key; inside one, unbound printable keys type.
    pub fn action(&self, ctx: Context, key: KeyChord) -> Option<Action> {
        let find = |key: KeyChord| {
            self.in_force(ctx)
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        };
        if ctx.is_text_field() {
            return find(key).or(match key.code {
                KeyCode::Char(c) if key.mods.is_empty() => Some(Action::Input(c)),
                _ => None,
            });
        }
        find(key).or_else(|| find(key.qwerty()))
    }

    /// Rebinds every binding named `name` to `keys`. Errors name the
    /// offending value.
    pub fn rebind(&mut self, name: &str, keys: &[String]) -> Result<(), String> {
        let chords = keys
            .iter()
            .map(|k| {
                KeyChord::parse(k).ok_or_else(|| format!("unknown key \"{k}\" for \"{name}\""))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if chords.is_empty() {
            return Err(format!("no key given for \"{name}\""));
        }
        let mut found = false;
        for list in self.table.values_mut() {
            for b in list.iter_mut().filter(|b| b.name == name) {
                b.keys.clone_from(&chords);
                found = true;
            }
        }
        if found {
            Ok(())
        } else {
            Err(format!("no action named \"{name}\""))
        }
    }

    /// The first key bound twice within one context, as a message.
    pub fn conflict(&self) -> Option<String> {
        for ctx in Context::ALL {
            let mut seen: HashMap<KeyChord, &str> = HashMap::new();
            for b in self.in_force(ctx) {
                for key in &b.keys {
                    if let Some(other) = seen.insert(*key, b.name) {
                        return Some(format!(
                            "key \"{key}\" is bound to both \"{other}\" and \"{}\" in {:?}",
                            b.name, ctx
                        ));
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_bindings_of_a_screen_share_a_key() {
        assert_eq!(Keymap::default().conflict(), None);
    }

    #[test]
    fn every_binding_has_keys_and_both_descriptions() {
        let map = Keymap::default();
        for ctx in Context::ALL {
            for b in map.bindings(ctx) {
                assert!(!b.keys.is_empty(), "{}", b.name);
                assert!(!b.ko.is_empty() && !b.en.is_empty(), "{}", b.name);
            }
        }
    }

    #[test]
    fn jamo_moves_in_lists_but_types_in_search() {
        let map = Keymap::default();
        assert_eq!(map.action(Context::NoteList, k('ㅓ')), Some(Action::Down));
        assert_eq!(map.action(Context::NoteList, k('ㅂ')), Some(Action::Quit));
        assert_eq!(
            map.action(Context::Search, k('ㅅ')),
            Some(Action::Input('ㅅ'))
        );
        assert_eq!(
            map.action(Context::Search, k('q')),
            Some(Action::Input('q'))
        );
    }

    #[test]
    fn letters_and_numbers_pick_options_either_case() {
        let map = Keymap::default();
        assert_eq!(
            map.action(Context::Question, k('b')),
            Some(Action::Pick('B'))
        );
        assert_eq!(
            map.action(Context::Question, k('B')),
            Some(Action::Pick('B'))
        );
        assert_eq!(
            map.action(Context::Question, k('2')),
            Some(Action::Pick('B'))
        );
        assert_eq!(
            map.action(Context::Question, k('0')),
            Some(Action::Pick('J'))
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_q_is_back_below_the_top() {
        let map = Keymap::default();
        for ctx in Context::ALL {
            assert_eq!(
                map.action(ctx, KeyChord::ctrl('c')),
                Some(Action::ForceQuit),
                "{ctx:?}"
            );
        }
        assert_eq!(map.action(Context::NoteList, k('q')), Some(Action::Quit));
        assert_eq!(map.action(Context::Reader, k('q')), Some(Action::Back));
        assert_eq!(
            map.action(Context::Reader, p(KeyCode::Esc)),
            Some(Action::Back)
        );
    }

    #[test]
    fn rebinding_reports_unknown_names_and_keys() {
        let mut map = Keymap::default();
        assert!(map.rebind("help", &["F2".into()]).is_ok());
        assert_eq!(
            map.action(Context::NoteList, p(KeyCode::F(2))),
            Some(Action::Help)
        );
        let err = map.rebind("hlep", &["x".into()]).unwrap_err();
        assert!(err.contains("\"hlep\""), "{err}");
        let err = map.rebind("help", &["ctrl-".into()]).unwrap_err();
        assert!(err.contains("\"ctrl-\""), "{err}");
    }
}
