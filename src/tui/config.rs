//! The app's settings file (`config.toml` in the XDG config folder): theme
//! and key overrides. Parsed from text here; the command reads the file.
//! Every bad entry becomes a message naming it; none stops the app.
//!
//! ```toml
//! theme = "light"          # or "dark"
//! questions = "strict"     # only the note format's grammar; default "tolerant"
//! [keys]
//! quit = "x"               # a key name, or a list of them
//! search = ["/", "ctrl-f"]
//! ```

use super::keymap::Keymap;
use super::theme::ThemeKind;

/// Settings read from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The preferred palette, if set.
    pub theme: Option<ThemeKind>,
    /// Key overrides: binding name and its keys.
    pub keys: Vec<(String, Vec<String>)>,
    /// Which questions notes are read for, if set.
    pub questions: Option<crate::vault::QuestionStyle>,
}

impl Config {
    /// Parses the file's text. Returns what could be read and a message for
    /// each entry that could not, quoting it.
    pub fn parse(text: &str) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                let msg = e.message().to_owned();
                return (
                    config,
                    vec![format!("config.toml is not valid TOML: {msg}")],
                );
            }
        };
        for (key, value) in &table {
            match (key.as_str(), value) {
                ("theme", toml::Value::String(s)) => match s.as_str() {
                    "dark" => config.theme = Some(ThemeKind::Dark),
                    "light" => config.theme = Some(ThemeKind::Light),
                    other => problems.push(format!(
                        "config.toml: theme \"{other}\" is not \"dark\" or \"light\""
                    )),
                },
                ("questions", toml::Value::String(s)) => match s.as_str() {
                    "strict" => config.questions = Some(crate::vault::QuestionStyle::Strict),
                    "tolerant" => config.questions = Some(crate::vault::QuestionStyle::Tolerant),
                    other => problems.push(format!(
                        "config.toml: questions \"{other}\" is not \"strict\" or \"tolerant\""
                    )),
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
                            None => problems.push(format!(
                                "config.toml: keys.{name} = {v} is not a key name or a list of them"
                            )),
                        }
                    }
                }
                (other, v) => problems.push(format!(
                    "config.toml: unknown setting \"{other}\" = {v} (known: theme, questions, [keys])"
                )),
            }
        }
        (config, problems)
    }

    /// Applies the key overrides to a keymap; a bad override or one that
    /// makes two bindings of a screen share a key is reported and undone.
    pub fn apply_keys(&self, keymap: &mut Keymap) -> Vec<String> {
        let mut problems = Vec::new();
        for (name, keys) in &self.keys {
            let before = keymap.clone();
            if let Err(e) = keymap.rebind(name, keys) {
                problems.push(format!("config.toml: {e}"));
            } else if let Some(conflict) = keymap.conflict() {
                problems.push(format!("config.toml: keys.{name}: {conflict}"));
                *keymap = before;
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::Context;
    use crate::tui::keys::KeyChord;

    #[test]
    fn theme_and_keys_are_read() {
        let (c, problems) =
            Config::parse("theme = \"light\"\n[keys]\nsearch = [\"/\", \"ctrl-f\"]\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.theme, Some(ThemeKind::Light));
        let mut map = Keymap::default();
        assert!(c.apply_keys(&mut map).is_empty());
        assert_eq!(
            map.action(Context::NoteList, KeyChord::ctrl('f')),
            Some(Action::Search)
        );
    }

    #[test]
    fn bad_entries_are_named_and_the_rest_still_applies() {
        let (c, problems) =
            Config::parse("theme = \"pink\"\ncolour = 1\n[keys]\nhelp = 3\nquit = \"x\"\n");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("\"colour\"") || problems.iter().any(|p| p.contains("\"pink\""))
        );
        assert!(problems.iter().any(|p| p.contains("keys.help")));
        assert_eq!(c.keys, [("quit".to_owned(), vec!["x".to_owned()])]);
    }

    #[test]
    fn an_override_that_collides_is_reported_and_undone() {
        let (c, _) = Config::parse("[keys]\nquit = \"j\"\n");
        let mut map = Keymap::default();
        let problems = c.apply_keys(&mut map);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("\"j\""), "{problems:?}");
        assert_eq!(
            map.action(Context::NoteList, KeyChord::ch('q')),
            Some(Action::Quit)
        );
    }

    #[test]
    fn questions_switch_is_read_and_checked() {
        let (c, problems) = Config::parse("questions = \"strict\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.questions, Some(crate::vault::QuestionStyle::Strict));
        let (c, problems) = Config::parse("questions = \"loose\"\n");
        assert_eq!(c.questions, None);
        assert!(problems[0].contains("\"loose\""), "{problems:?}");
    }

    #[test]
    fn broken_toml_is_one_message() {
        let (c, problems) = Config::parse("theme = ");
        assert_eq!(c, Config::default());
        assert_eq!(problems.len(), 1);
    }
}
