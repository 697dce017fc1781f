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
    /// The exam's "submit or leave?" dialog.
    ExamSubmit,
    /// The exam result.
    ExamResult,
    /// Reviewing an exam question by question.
    ExamAnswers,
    /// The statistics screen.
    Stats,
    /// Help and diagnostics: scrolled text.
    Pager,
    /// The end of a quiz: the summary or the exam result.
    Summary,
    /// A question of the practice summary shown again with its
    /// explanations.
    Revisit,
}

impl Context {
    /// Every context, for help and tests.
    pub const ALL: [Context; 16] = [
        Context::Global,
        Context::NoteList,
        Context::Reader,
        Context::Picker,
        Context::Search,
        Context::Question,
        Context::Feedback,
        Context::Exam,
        Context::ExamReview,
        Context::ExamSubmit,
        Context::ExamResult,
        Context::ExamAnswers,
        Context::Stats,
        Context::Pager,
        Context::Summary,
        Context::Revisit,
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
            Context::ExamSubmit => lang.pick("모의고사 제출", "Exam submission"),
            Context::ExamResult => lang.pick("모의고사 결과", "Exam result"),
            Context::ExamAnswers => lang.pick("문제별 검토", "Question review"),
            Context::Stats => lang.pick("통계", "Stats"),
            Context::Pager => lang.pick("도움말·진단", "Help and diagnostics"),
            Context::Summary => lang.pick("퀴즈 결과", "Quiz summary"),
            Context::Revisit => lang.pick("결과에서 다시 보는 문제", "A question from the summary"),
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
    pub(super) table: HashMap<Context, Vec<Binding>>,
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

    fn k(c: char) -> KeyChord {
        KeyChord::ch(c)
    }

    fn p(code: KeyCode) -> KeyChord {
        KeyChord::plain(code)
    }

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
