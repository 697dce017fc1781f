//! The user's settings file, `config.toml` in the XDG config folder: read
//! for the app, and for the start of a learning day in every command that
//! counts days. Parsing it is `tui::config`'s.

use std::path::Path;

use etcetera::BaseStrategy;

use crate::i18n::Lang;
use crate::tui::config::Config;

/// The largest `config.toml` read: a settings file is a few hundred bytes.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// `config.toml` in the XDG config folder; a missing file is no problem.
/// Only a regular file under [`MAX_CONFIG_BYTES`] is read: a pipe there
/// would block the app before its first frame, a link to `/dev/zero`
/// would read until memory runs out.
pub fn read_config(lang: Lang) -> (Config, Vec<String>) {
    let Ok(strategy) = etcetera::choose_base_strategy() else {
        return (Config::default(), Vec::new());
    };
    let path = strategy.config_dir().join("munje").join("config.toml");
    match read_small_file(&path, MAX_CONFIG_BYTES, lang) {
        Ok(Some(text)) => {
            let (config, problems) = Config::parse(&text, lang);
            let problems = problems
                .into_iter()
                .map(|p| p.replacen("config.toml", &path.display().to_string(), 1))
                .collect();
            (config, problems)
        }
        Ok(None) => (Config::default(), Vec::new()),
        Err(problem) => (Config::default(), vec![problem]),
    }
}

/// A regular file of at most `max` bytes as text; `None` when missing;
/// `Err` says, in `lang`, why it is not read.
fn read_small_file(path: &Path, max: u64, lang: Lang) -> Result<Option<String>, String> {
    use std::io::Read as _;
    let shown = path.display();
    let cannot = |e: std::io::Error| match lang {
        Lang::Ko => format!("{shown}을(를) 읽을 수 없습니다: {e}"),
        Lang::En => format!("cannot read {shown}: {e}"),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    if !meta.is_file() {
        return Err(match lang {
            Lang::Ko => format!("{shown}은(는) 일반 파일이 아니라서 읽지 않았습니다"),
            Lang::En => format!("{shown} is not a regular file; not read"),
        });
    }
    let too_big = |size: u64| match lang {
        Lang::Ko => format!("{shown}이(가) {size}바이트로 {max}바이트 한도를 넘어 읽지 않았습니다"),
        Lang::En => format!("{shown} is {size} bytes, over the {max}-byte limit; not read"),
    };
    if meta.len() > max {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| cannot(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn config_is_read_only_from_a_small_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(read_small_file(&path, 100, Lang::En), Ok(None));
        std::fs::write(&path, "theme = \"light\"\n").unwrap();
        assert_eq!(
            read_small_file(&path, 100, Lang::En),
            Ok(Some("theme = \"light\"\n".to_owned()))
        );
        std::fs::write(&path, "#".repeat(101)).unwrap();
        let err = read_small_file(&path, 100, Lang::En).unwrap_err();
        assert!(err.contains("over the 100-byte limit"), "{err}");
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let err = read_small_file(&path, 100, Lang::En).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success());
        let err = read_small_file(&path, 100, Lang::Ko).unwrap_err();
        assert!(err.contains("일반 파일이 아니라서"), "{err}");
    }
}
