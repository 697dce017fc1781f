//! Key chords: parsing `"ctrl-d"` style names, display, and the Hangul
//! 2-set (두벌식) layout, so a jamo typed with the Korean IME on acts as
//! the QWERTY key it sits on.
//!
//! Owns no bindings; `keymap` does.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as bindings name it. Shift is folded into the
/// character (`G`, not shift-g).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt only.
    pub mods: KeyModifiers,
}

impl KeyChord {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Self {
        KeyChord {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A plain character key.
    pub const fn ch(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    pub const fn ctrl(c: char) -> Self {
        KeyChord {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The chord of a terminal key event, shift folded away.
    pub fn from_event(ev: &KeyEvent) -> Self {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            // Some terminals send Shift-Tab as Tab with SHIFT.
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if matches!(code, KeyCode::BackTab) {
            mods = KeyModifiers::NONE;
        }
        KeyChord { code, mods }
    }

    /// The same chord with a Hangul jamo replaced by its QWERTY key.
    #[must_use]
    pub fn qwerty(self) -> Self {
        match self.code {
            KeyCode::Char(c) => match jamo_to_qwerty(c) {
                Some(q) => KeyChord {
                    code: KeyCode::Char(q),
                    ..self
                },
                None => self,
            },
            _ => self,
        }
    }

    /// Parses a key name: `a`, `G`, `?`, `ctrl-d`, `alt-x`, `enter`, `esc`,
    /// `tab`, `backtab`, `space`, `up`, `down`, `left`, `right`, `home`,
    /// `end`, `pageup`, `pagedown`, `backspace`, `f1`…`f12`.
    pub fn parse(name: &str) -> Option<Self> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = name.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-").or(lower.strip_prefix("c-")) {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-").or(lower.strip_prefix("m-")) {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if mods.is_empty() {
                c
            } else {
                c.to_ascii_lowercase()
            }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
                _ => return None,
            },
        };
        Some(KeyChord { code, mods })
    }
}

impl KeyChord {
    /// The chord as `config.toml` writes it (`ctrl-d`, `G`, `space`,
    /// `pagedown`), which [`KeyChord::parse`] reads back; `None` for a key
    /// the config cannot name.
    pub fn name(self) -> Option<String> {
        let key = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            KeyCode::Enter => "enter".to_owned(),
            KeyCode::Esc => "esc".to_owned(),
            KeyCode::Tab => "tab".to_owned(),
            KeyCode::BackTab => "backtab".to_owned(),
            KeyCode::Up => "up".to_owned(),
            KeyCode::Down => "down".to_owned(),
            KeyCode::Left => "left".to_owned(),
            KeyCode::Right => "right".to_owned(),
            KeyCode::Home => "home".to_owned(),
            KeyCode::End => "end".to_owned(),
            KeyCode::PageUp => "pageup".to_owned(),
            KeyCode::PageDown => "pagedown".to_owned(),
            KeyCode::Backspace => "backspace".to_owned(),
            KeyCode::Delete => "delete".to_owned(),
            _ => return None,
        };
        let ctrl = if self.mods.contains(KeyModifiers::CONTROL) {
            "ctrl-"
        } else {
            ""
        };
        let alt = if self.mods.contains(KeyModifiers::ALT) {
            "alt-"
        } else {
            ""
        };
        Some(format!("{ctrl}{alt}{key}"))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("C-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("M-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Backspace => f.write_str("Bksp"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The QWERTY key a Hangul compatibility jamo sits on in the 2-set layout;
/// shifted jamo (ㅃ, ㅒ, …) give the upper-case letter.
pub fn jamo_to_qwerty(c: char) -> Option<char> {
    const PAIRS: [(char, char); 33] = [
        ('ㅂ', 'q'),
        ('ㅈ', 'w'),
        ('ㄷ', 'e'),
        ('ㄱ', 'r'),
        ('ㅅ', 't'),
        ('ㅛ', 'y'),
        ('ㅕ', 'u'),
        ('ㅑ', 'i'),
        ('ㅐ', 'o'),
        ('ㅔ', 'p'),
        ('ㅁ', 'a'),
        ('ㄴ', 's'),
        ('ㅇ', 'd'),
        ('ㄹ', 'f'),
        ('ㅎ', 'g'),
        ('ㅗ', 'h'),
        ('ㅓ', 'j'),
        ('ㅏ', 'k'),
        ('ㅣ', 'l'),
        ('ㅋ', 'z'),
        ('ㅌ', 'x'),
        ('ㅊ', 'c'),
        ('ㅍ', 'v'),
        ('ㅠ', 'b'),
        ('ㅜ', 'n'),
        ('ㅡ', 'm'),
        ('ㅃ', 'Q'),
        ('ㅉ', 'W'),
        ('ㄸ', 'E'),
        ('ㄲ', 'R'),
        ('ㅆ', 'T'),
        ('ㅒ', 'O'),
        ('ㅖ', 'P'),
    ];
    PAIRS.iter().find(|(j, _)| *j == c).map(|&(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jamo_keys_act_as_the_qwerty_key_beneath() {
        assert_eq!(KeyChord::ch('ㅓ').qwerty(), KeyChord::ch('j'));
        assert_eq!(KeyChord::ch('ㅏ').qwerty(), KeyChord::ch('k'));
        assert_eq!(KeyChord::ch('ㅂ').qwerty(), KeyChord::ch('q'));
        assert_eq!(KeyChord::ch('ㅗ').qwerty(), KeyChord::ch('h'));
        assert_eq!(KeyChord::ch('ㅣ').qwerty(), KeyChord::ch('l'));
        assert_eq!(KeyChord::ch('x').qwerty(), KeyChord::ch('x'));
    }

    #[test]
    fn key_names_parse_with_modifiers() {
        assert_eq!(KeyChord::parse("ctrl-d"), Some(KeyChord::ctrl('d')));
        assert_eq!(KeyChord::parse("G"), Some(KeyChord::ch('G')));
        assert_eq!(
            KeyChord::parse("enter"),
            Some(KeyChord::plain(KeyCode::Enter))
        );
        assert_eq!(KeyChord::parse("ctrl-"), None);
        assert_eq!(KeyChord::parse("nonsense"), None);
    }

    #[test]
    fn key_names_read_back_as_the_same_chord() {
        let chords = [
            KeyChord::ch('j'),
            KeyChord::ch('G'),
            KeyChord::ch(' '),
            KeyChord::ch('-'),
            KeyChord::ch('ㅓ'),
            KeyChord::ctrl('d'),
            KeyChord::ctrl(' '),
            KeyChord {
                code: KeyCode::Char('x'),
                mods: KeyModifiers::CONTROL | KeyModifiers::ALT,
            },
            KeyChord::plain(KeyCode::BackTab),
            KeyChord::plain(KeyCode::PageDown),
            KeyChord::plain(KeyCode::F(12)),
        ];
        for chord in chords {
            let name = chord.name();
            assert_eq!(
                name.as_deref().and_then(KeyChord::parse),
                Some(chord),
                "{name:?}"
            );
        }
        assert_eq!(KeyChord::ctrl('d').name().as_deref(), Some("ctrl-d"));
        assert_eq!(KeyChord::plain(KeyCode::Insert).name(), None);
    }

    #[test]
    fn ctrl_letters_fold_case_and_shift_tab_is_backtab() {
        let ev = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
        assert_eq!(KeyChord::from_event(&ev), KeyChord::ctrl('d'));
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(&ev), KeyChord::ch('G'));
    }
}
