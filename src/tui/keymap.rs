//! The keymap: for each screen context, which keys mean which [`Action`],
//! with a description in Korean and English. It is built from rows of data
//! (the built-in table in `bindings`) by the same key parser that reads the
//! config file's `[keys]` overrides; the hint bar and the help screen are
//! generated from it.
//!
//! Owns lookup (including the 2-set jamo fallback outside text fields) and
//! parsing rows into chords; does not hold the default table, nor decide
//! what an action does.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyCode;

use super::action::Action;
pub use super::context::Context;
use super::keys::KeyChord;
use crate::i18n::Lang;

/// Whether the hint bar offers a binding; help lists every binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// In the hint bar (as room allows) and in help.
    Bar,
    /// In help only.
    HelpOnly,
}

/// One row of a binding table, one binding per row, read left to right:
/// the contexts it applies in, its name in `config.toml`'s `[keys]`, its
/// keys as `config.toml` writes them, the action, the Korean and the
/// English description, and whether the hint bar shows it.
pub type Row = (
    &'static [Context],
    &'static str,
    &'static [&'static str],
    Action,
    &'static str,
    &'static str,
    Hint,
);

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
    /// Whether the hint bar shows it.
    pub hint: Hint,
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

/// Parses the keys of the binding `name`, written as `config.toml` writes
/// them: the one parser of both the built-in table and the user's `[keys]`.
/// The error quotes the offending value.
fn parse_keys<S: AsRef<str>>(name: &str, keys: &[S]) -> Result<Vec<KeyChord>, KeyProblem> {
    let chords = keys
        .iter()
        .map(|key| {
            let key = key.as_ref();
            KeyChord::parse(key).ok_or_else(|| KeyProblem::UnknownKey {
                key: key.to_owned(),
                name: name.to_owned(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if chords.is_empty() {
        return Err(KeyProblem::NoKey(name.to_owned()));
    }
    Ok(chords)
}

/// What is wrong with a key binding, quoting the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// A key written in a way no key is.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The binding it was for.
        name: String,
    },
    /// A binding given no key at all.
    NoKey(String),
    /// A name no binding has.
    UnknownName(String),
    /// One key bound to two bindings of a screen.
    Conflict {
        /// The key.
        key: KeyChord,
        /// The binding that had it.
        first: &'static str,
        /// The binding it was given to as well.
        second: &'static str,
        /// The screen.
        context: Context,
    },
}

impl KeyProblem {
    /// The problem, for a person.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeyProblem::UnknownKey { key, name }, Lang::Ko) => {
                format!("\"{name}\"에 준 키 \"{key}\"는 알 수 없는 키입니다")
            }
            (KeyProblem::UnknownKey { key, name }, Lang::En) => {
                format!("unknown key \"{key}\" for \"{name}\"")
            }
            (KeyProblem::NoKey(name), Lang::Ko) => format!("\"{name}\"에 키가 없습니다"),
            (KeyProblem::NoKey(name), Lang::En) => format!("no key given for \"{name}\""),
            (KeyProblem::UnknownName(name), Lang::Ko) => {
                format!("\"{name}\"라는 키 설정 이름은 없습니다 (이름은 도움말 ?에 있습니다)")
            }
            (KeyProblem::UnknownName(name), Lang::En) => {
                format!("no key binding is named \"{name}\"")
            }
            (
                KeyProblem::Conflict {
                    key,
                    first,
                    second,
                    context,
                },
                _,
            ) => match lang {
                Lang::Ko => format!(
                    "키 \"{key}\"가 {} 화면에서 \"{first}\"과(와) \"{second}\"에 함께 쓰였습니다",
                    context.title(lang)
                ),
                Lang::En => format!(
                    "key \"{key}\" is bound to both \"{first}\" and \"{second}\" in {}",
                    context.title(lang)
                ),
            },
        }
    }
}

impl std::fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Every binding by context.
#[derive(Debug, Clone)]
pub struct Keymap {
    table: HashMap<Context, Vec<Binding>>,
}

impl Keymap {
    /// Builds a keymap from rows of data, in their order within each
    /// context. A row whose keys do not parse is left out and reported, so
    /// a bad table fails a test rather than the app.
    pub fn from_rows(rows: &[Row]) -> (Keymap, Vec<String>) {
        let mut table: HashMap<Context, Vec<Binding>> = HashMap::new();
        let mut problems = Vec::new();
        for &(contexts, name, keys, action, ko, en, hint) in rows {
            let keys = match parse_keys(name, keys) {
                Ok(keys) => keys,
                Err(problem) => {
                    problems.push(problem.to_string());
                    continue;
                }
            };
            for &ctx in contexts {
                table.entry(ctx).or_default().push(Binding {
                    name,
                    keys: keys.clone(),
                    action,
                    ko,
                    en,
                    hint,
                });
            }
        }
        (Keymap { table }, problems)
    }

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
    pub fn rebind(&mut self, name: &str, keys: &[String]) -> Result<(), KeyProblem> {
        let chords = parse_keys(name, keys)?;
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
            Err(KeyProblem::UnknownName(name.to_owned()))
        }
    }

    /// The first key bound twice within one context.
    pub fn conflict(&self) -> Option<KeyProblem> {
        for ctx in Context::ALL {
            let mut seen: HashMap<KeyChord, &str> = HashMap::new();
            for b in self.in_force(ctx) {
                for key in &b.keys {
                    if let Some(first) = seen.insert(*key, b.name) {
                        return Some(KeyProblem::Conflict {
                            key: *key,
                            first,
                            second: b.name,
                            context: ctx,
                        });
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

    fn key(c: char) -> KeyChord {
        KeyChord::ch(c)
    }

    fn plain(code: KeyCode) -> KeyChord {
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
        assert_eq!(map.action(Context::NoteList, key('ㅓ')), Some(Action::Down));
        assert_eq!(map.action(Context::NoteList, key('ㅂ')), Some(Action::Quit));
        assert_eq!(
            map.action(Context::Search, key('ㅅ')),
            Some(Action::Input('ㅅ'))
        );
        assert_eq!(
            map.action(Context::Search, key('q')),
            Some(Action::Input('q'))
        );
    }

    #[test]
    fn letters_and_numbers_pick_options_either_case() {
        let map = Keymap::default();
        assert_eq!(
            map.action(Context::Question, key('b')),
            Some(Action::Pick('B'))
        );
        assert_eq!(
            map.action(Context::Question, key('B')),
            Some(Action::Pick('B'))
        );
        assert_eq!(
            map.action(Context::Question, key('2')),
            Some(Action::Pick('B'))
        );
        assert_eq!(
            map.action(Context::Question, key('0')),
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
        assert_eq!(map.action(Context::NoteList, key('q')), Some(Action::Quit));
        assert_eq!(map.action(Context::Reader, key('q')), Some(Action::Back));
        assert_eq!(
            map.action(Context::Reader, plain(KeyCode::Esc)),
            Some(Action::Back)
        );
    }

    #[test]
    fn a_bad_key_in_a_table_is_reported_and_its_row_left_out() {
        #[rustfmt::skip]
        const ROWS: &[Row] = &[
            (&[Context::Pager], "top", &["ctrl-"], Action::Top, "맨 위", "top", Hint::HelpOnly),
            (&[Context::Pager], "bottom", &["G"], Action::Bottom, "맨 아래", "bottom", Hint::HelpOnly),
            (&[Context::Pager], "up", &[], Action::Up, "위로", "up", Hint::HelpOnly),
        ];
        let (map, problems) = Keymap::from_rows(ROWS);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("\"ctrl-\""), "{problems:?}");
        assert!(problems[1].contains("\"up\""), "{problems:?}");
        let names: Vec<_> = map
            .bindings(Context::Pager)
            .iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(names, ["bottom"]);
    }

    #[test]
    fn a_row_binds_in_each_of_its_contexts_in_table_order() {
        #[rustfmt::skip]
        const ROWS: &[Row] = &[
            (&[Context::Pager, Context::Stats], "top", &["g"], Action::Top, "맨 위", "top", Hint::Bar),
            (&[Context::Stats], "retry", &["r"], Action::Retry, "다시", "retry", Hint::Bar),
            (&[Context::Pager, Context::Stats], "bottom", &["G"], Action::Bottom, "맨 아래", "bottom", Hint::HelpOnly),
        ];
        let (map, problems) = Keymap::from_rows(ROWS);
        assert!(problems.is_empty(), "{problems:?}");
        let names = |ctx| map.bindings(ctx).iter().map(|b| b.name).collect::<Vec<_>>();
        assert_eq!(names(Context::Pager), ["top", "bottom"]);
        assert_eq!(names(Context::Stats), ["top", "retry", "bottom"]);
        assert_eq!(map.action(Context::Stats, key('G')), Some(Action::Bottom));
    }

    #[test]
    fn rebinding_reports_unknown_names_and_keys() {
        let mut map = Keymap::default();
        assert!(map.rebind("help", &["F2".into()]).is_ok());
        assert_eq!(
            map.action(Context::NoteList, plain(KeyCode::F(2))),
            Some(Action::Help)
        );
        let err = map.rebind("hlep", &["x".into()]).unwrap_err();
        assert!(err.to_string().contains("\"hlep\""), "{err}");
        assert!(err.text(Lang::Ko).contains("\"hlep\"라는"), "{err}");
        let err = map.rebind("help", &["ctrl-".into()]).unwrap_err();
        assert!(err.to_string().contains("\"ctrl-\""), "{err}");
        assert!(err.text(Lang::Ko).contains("알 수 없는 키"), "{err}");
    }
}
