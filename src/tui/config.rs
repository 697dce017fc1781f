//! The app's settings file (`config.toml` in the XDG config folder): theme
//! and key overrides. Parsed from text here; the command reads the file.
//! Every bad entry becomes a message naming it; none stops the app.
//!
//! ```toml
//! theme = "light"          # or "dark"
//! day_starts_at = "04:00"  # when a learning day begins (or an hour: 4)
//! questions = "strict"     # only the note format's grammar; default "tolerant"
//! hyperlinks = false       # URLs as plain text; true forces links; default "auto"
//! [keys]
//! quit = "x"               # a key name, or a list of them
//! search = ["/", "ctrl-f"]
//! ```

use super::keymap::Keymap;
use super::theme::ThemeKind;
use crate::i18n::Lang;
use crate::quiz::DayStart;

/// Settings read from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The preferred palette, if set.
    pub theme: Option<ThemeKind>,
    /// Key overrides: binding name and its keys.
    pub keys: Vec<(String, Vec<String>)>,
    /// When a learning day begins (Anki's "next day starts at").
    pub day_starts_at: DayStart,
    /// Which questions notes are read for, if set.
    pub questions: Option<crate::vault::QuestionStyle>,
    /// Whether URLs are terminal hyperlinks (`true`, `false`, `"auto"`).
    pub hyperlinks: super::hyperlink::HyperlinkMode,
}

impl Config {
    /// Parses the file's text. Returns what could be read and a message for
    /// each entry that could not, quoting it.
    pub fn parse(text: &str, lang: Lang) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                let msg = e.message().to_owned();
                let msg = msg.trim_end();
                let text = match lang {
                    Lang::Ko => {
                        format!("config.toml이 올바른 TOML이 아닙니다 (해석기 메시지: \"{msg}\")")
                    }
                    Lang::En => format!("config.toml is not valid TOML: {msg}"),
                };
                return (config, vec![text]);
            }
        };
        for (key, value) in &table {
            match (key.as_str(), value) {
                ("theme", toml::Value::String(s)) => match s.as_str() {
                    "dark" => config.theme = Some(ThemeKind::Dark),
                    "light" => config.theme = Some(ThemeKind::Light),
                    other => problems.push(match lang {
                        Lang::Ko => format!(
                            "config.toml: theme \"{other}\"은(는) \"dark\"나 \"light\"가 아닙니다"
                        ),
                        Lang::En => format!(
                            "config.toml: theme \"{other}\" is not \"dark\" or \"light\""
                        ),
                    }),
                },
                ("day_starts_at", v) => {
                    let start = match v {
                        toml::Value::Integer(h) => u16::try_from(*h)
                            .ok()
                            .and_then(|h| DayStart::at(h, 0)),
                        toml::Value::String(s) => DayStart::parse(s),
                        _ => None,
                    };
                    match start {
                        Some(s) => config.day_starts_at = s,
                        None => problems.push(match lang {
                            Lang::Ko => format!(
                                "config.toml: day_starts_at = {v}은(는) 시(0-23)나 15분 단위의 \"HH:MM\"이 아닙니다"
                            ),
                            Lang::En => format!(
                                "config.toml: day_starts_at = {v} is not an hour (0-23) or \"HH:MM\" on a quarter hour"
                            ),
                        }),
                    }
                }
                ("questions", toml::Value::String(s)) => match s.as_str() {
                    "strict" => config.questions = Some(crate::vault::QuestionStyle::Strict),
                    "tolerant" => config.questions = Some(crate::vault::QuestionStyle::Tolerant),
                    other => problems.push(match lang {
                        Lang::Ko => format!(
                            "config.toml: questions \"{other}\"은(는) \"strict\"나 \"tolerant\"가 아닙니다"
                        ),
                        Lang::En => format!(
                            "config.toml: questions \"{other}\" is not \"strict\" or \"tolerant\""
                        ),
                    }),
                },
                ("hyperlinks", v) => match hyperlinks(v, lang) {
                    Ok(mode) => config.hyperlinks = mode,
                    Err(problem) => problems.push(problem),
                },
                ("keys", toml::Value::Table(keys)) => {
                    for (name, v) in keys {
                        let list = match v {
                            toml::Value::String(s) => Some(vec![s.clone()]),
                            toml::Value::Array(a) => a
                                .iter()
                                .map(|x| x.as_str().map(str::to_owned))
                                .collect::<Option<Vec<_>>>(),
                            _ => None,
                        };
                        match list {
                            Some(l) => config.keys.push((name.clone(), l)),
                            None => problems.push(match lang {
                                Lang::Ko => format!(
                                    "config.toml: keys.{name} = {v}은(는) 키 이름이나 그 목록이 아닙니다"
                                ),
                                Lang::En => format!(
                                    "config.toml: keys.{name} = {v} is not a key name or a list of them"
                                ),
                            }),
                        }
                    }
                }
                (other, v) => problems.push(match lang {
                    Lang::Ko => format!(
                        "config.toml: 모르는 설정 \"{other}\" = {v} (아는 설정: theme, day_starts_at, questions, hyperlinks, [keys])"
                    ),
                    Lang::En => format!(
                        "config.toml: unknown setting \"{other}\" = {v} (known: theme, day_starts_at, questions, hyperlinks, [keys])"
                    ),
                }),
            }
        }
        (config, problems)
    }

    /// Applies the key overrides to a keymap; a bad override or one that
    /// makes two bindings of a screen share a key is reported and undone.
    pub fn apply_keys(&self, keymap: &mut Keymap, lang: Lang) -> Vec<String> {
        let mut problems = Vec::new();
        let not_applied = lang.pick("적용하지 않음", "not applied");
        for (name, keys) in &self.keys {
            let before = keymap.clone();
            if let Err(e) = keymap.rebind(name, keys) {
                problems.push(format!("config.toml: {} ({not_applied})", e.text(lang)));
            } else if let Some(conflict) = keymap.conflict() {
                problems.push(format!(
                    "config.toml: keys.{name}: {} ({not_applied})",
                    conflict.text(lang)
                ));
                *keymap = before;
            }
        }
        problems
    }
}

/// `hyperlinks = true | false | "auto"`.
fn hyperlinks(v: &toml::Value, lang: Lang) -> Result<super::hyperlink::HyperlinkMode, String> {
    use super::hyperlink::HyperlinkMode;
    match v {
        toml::Value::Boolean(true) => Ok(HyperlinkMode::On),
        toml::Value::Boolean(false) => Ok(HyperlinkMode::Off),
        toml::Value::String(s) if s == "auto" => Ok(HyperlinkMode::Auto),
        _ => Err(match lang {
            Lang::Ko => {
                format!(
                    "config.toml: hyperlinks = {v}은(는) true, false, \"auto\" 중 하나가 아닙니다"
                )
            }
            Lang::En => format!("config.toml: hyperlinks = {v} is not true, false or \"auto\""),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::Context;
    use crate::tui::keys::KeyChord;

    #[test]
    fn hyperlinks_are_on_off_or_auto_and_anything_else_is_named() {
        use crate::tui::hyperlink::HyperlinkMode;
        let (c, p) = Config::parse("hyperlinks = false\n", Lang::En);
        assert_eq!((c.hyperlinks, p.len()), (HyperlinkMode::Off, 0));
        let (c, _) = Config::parse("hyperlinks = true\n", Lang::En);
        assert_eq!(c.hyperlinks, HyperlinkMode::On);
        let (c, p) = Config::parse("hyperlinks = \"sometimes\"\n", Lang::Ko);
        assert_eq!(c.hyperlinks, HyperlinkMode::Auto);
        assert!(p[0].contains("hyperlinks = \"sometimes\""), "{p:?}");
    }

    #[test]
    fn theme_and_keys_are_read() {
        let (c, problems) = Config::parse(
            "theme = \"light\"\n[keys]\nsearch = [\"/\", \"ctrl-f\"]\n",
            Lang::En,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.theme, Some(ThemeKind::Light));
        let mut map = Keymap::default();
        assert!(c.apply_keys(&mut map, Lang::En).is_empty());
        assert_eq!(
            map.action(Context::NoteList, KeyChord::ctrl('f')),
            Some(Action::Search)
        );
    }

    #[test]
    fn bad_entries_are_named_and_the_rest_still_applies() {
        let (c, problems) = Config::parse(
            "theme = \"pink\"\ncolour = 1\n[keys]\nhelp = 3\nquit = \"x\"\n",
            Lang::En,
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("\"colour\"") || problems.iter().any(|p| p.contains("\"pink\""))
        );
        assert!(problems.iter().any(|p| p.contains("keys.help")));
        assert_eq!(c.keys, [("quit".to_owned(), vec!["x".to_owned()])]);
    }

    #[test]
    fn an_override_that_collides_is_reported_and_undone() {
        let (c, _) = Config::parse("[keys]\nquit = \"j\"\n", Lang::En);
        let mut map = Keymap::default();
        let problems = c.apply_keys(&mut map, Lang::En);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("\"j\""), "{problems:?}");
        assert_eq!(
            map.action(Context::NoteList, KeyChord::ch('q')),
            Some(Action::Quit)
        );
    }

    #[test]
    fn the_learning_day_start_is_an_hour_or_a_time() {
        assert_eq!(
            Config::parse("", Lang::En).0.day_starts_at,
            DayStart::DEFAULT
        );
        let (c, p) = Config::parse("day_starts_at = 6\n", Lang::En);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.day_starts_at, DayStart::at(6, 0).unwrap());
        let (c, p) = Config::parse("day_starts_at = \"00:30\"\n", Lang::En);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.day_starts_at.minutes(), 30);
        let (c, p) = Config::parse("day_starts_at = 25\n", Lang::En);
        assert_eq!(c.day_starts_at, DayStart::DEFAULT);
        assert!(p[0].contains("day_starts_at = 25"), "{p:?}");
    }

    #[test]
    fn every_bad_entry_is_reported_in_korean_under_a_korean_ui() {
        let (_, problems) = Config::parse(
            "theme = \"pink\"\nday_starts_at = 99\ncolour = 1\n[keys]\nhelp = 3\n",
            Lang::Ko,
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
        for p in &problems {
            assert!(p.contains("아닙니다") || p.contains("모르는 설정"), "{p}");
        }
    }

    #[test]
    fn key_problems_are_reported_in_korean_under_a_korean_ui() {
        let (c, _) = Config::parse(
            "[keys]\nhlep = \"x\"\nhelp = \"ctrl-\"\nquit = \"j\"\n",
            Lang::Ko,
        );
        let mut keymap = Keymap::default();
        let problems = c.apply_keys(&mut keymap, Lang::Ko);
        assert_eq!(problems.len(), 3, "{problems:?}");
        for p in &problems {
            assert!(p.contains("적용하지 않음"), "{p}");
            let english = p
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| ["unknown", "bound", "both", "named", "given"].contains(w))
                .count();
            assert_eq!(english, 0, "an English sentence: {p}");
        }
    }

    #[test]
    fn questions_switch_is_read_and_checked() {
        let (c, problems) = Config::parse("questions = \"strict\"\n", Lang::En);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.questions, Some(crate::vault::QuestionStyle::Strict));
        let (c, problems) = Config::parse("questions = \"loose\"\n", Lang::En);
        assert_eq!(c.questions, None);
        assert!(problems[0].contains("\"loose\""), "{problems:?}");
    }

    #[test]
    fn the_readme_config_example_applies_without_a_problem() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("```toml\ntheme")
            .expect("README shows a config.toml");
        let block = &readme[start + "```toml\n".len()..];
        let block = &block[..block.find("```").expect("the block ends")];
        let (c, problems) = Config::parse(block, Lang::En);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!c.keys.is_empty());
        let mut map = Keymap::default();
        assert_eq!(c.apply_keys(&mut map, Lang::En), Vec::<String>::new());
    }

    #[test]
    fn broken_toml_is_one_message() {
        let (c, problems) = Config::parse("theme = ", Lang::En);
        assert_eq!(c, Config::default());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn in_korean_the_toml_parsers_own_words_are_quoted() {
        let (_, problems) = Config::parse("theme = ", Lang::Ko);
        let (head, quoted) = problems[0].split_once('"').unwrap();
        assert!(head.contains("올바른 TOML이 아닙니다"), "{head}");
        assert!(quoted.ends_with("\")"), "{quoted}");
    }
}
