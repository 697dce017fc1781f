//! The UI language: Korean or English, from `--lang` or the locale.
//!
//! Each module keeps its own strings next to the code that shows them
//! (`match lang { Lang::Ko => …, Lang::En => … }`); this module only decides
//! which language is in force. The command line's `--lang` takes its
//! values from [`Lang`] itself, so adding a language is one change here.

/// The language munje speaks in its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// 한국어
    Ko,
    /// English
    #[default]
    En,
}

impl Lang {
    /// `--lang` when given, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn detect(arg: Option<Lang>) -> Lang {
        arg.unwrap_or_else(|| {
            let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
            Lang::from_locale(var.as_deref())
        })
    }

    /// Korean when the locale starts with `ko`, English otherwise.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ko") => Lang::Ko,
            _ => Lang::En,
        }
    }

    /// Picks the Korean or the English text.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_locale_means_korean() {
        assert_eq!(Lang::from_locale(Some("ko_KR.UTF-8")), Lang::Ko);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn flag_beats_locale() {
        assert_eq!(Lang::detect(Some(Lang::Ko)), Lang::Ko);
        assert_eq!(Lang::detect(Some(Lang::En)), Lang::En);
    }
}
