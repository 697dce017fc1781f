//! `munje wrong`: the 오답노트 as text, JSON, or a markdown note written to
//! a file outside every vault.
//!
//! Owns the notebook's markdown form and the export path check; the
//! notebook itself is [`crate::quiz::Notebook`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::{GlobalArgs, WrongArgs};
use crate::i18n::Lang;
use crate::quiz::{MissedQuestion, Notebook};

use super::write_out;

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &WrongArgs) -> anyhow::Result<ExitCode> {
    super::quiz::ignore_broken_pipe(print(global, args))
}

fn print(global: &GlobalArgs, args: &WrongArgs) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let now = super::quiz::now();
    // Refuse a bad export path before doing any work.
    let roots = super::source::vault_roots(global).unwrap_or_default();
    if let Some(file) = &args.export {
        write_out::check_target(file, &roots, args.force, lang)?;
    }
    let vault = super::open_vault(global)?;
    if let Some(file) = &args.export {
        write_out::refuse_vault_file(file, &vault, lang)?;
    }
    // An existing, writable store first lets history follow edited
    // questions, as a quiz does; otherwise (no store yet, a read-only
    // folder) the notebook is read without creating or changing anything.
    let path = crate::store::database_path(global.data_dir.as_deref())?;
    let writable = std::fs::metadata(&path).is_ok_and(|m| !m.permissions().readonly());
    let store = match writable
        .then(|| super::quiz::open_store_checking_at_first_write(global, lang, now))
    {
        Some(Ok(mut store)) => {
            super::follow::follow_edits(&mut store, &vault, lang, now);
            super::store_read::tell_unreadable(&store, lang);
            store
        }
        _ => super::store_read::open_for_reading(global, lang, now)?,
    };
    let notebook = Notebook::build(&vault, &store.history()?);
    let today = now.day(store.local_offset(now)).to_string();
    let markdown = notebook_markdown(&notebook, lang, &today);
    let mut out = std::io::stdout().lock();
    if let Some(file) = &args.export {
        write_out::write_replacing(file, markdown.as_bytes()).with_context(|| match lang {
            Lang::Ko => format!("\"{}\"에 쓸 수 없습니다", file.display()),
            Lang::En => format!("cannot write \"{}\"", file.display()),
        })?;
        let msg = match lang {
            Lang::Ko => format!(
                "오답노트 {}문제를 {}에 썼습니다.",
                notebook.questions.len(),
                file.display()
            ),
            Lang::En => format!(
                "Wrote {} missed questions to {}.",
                notebook.questions.len(),
                file.display()
            ),
        };
        writeln!(out, "{msg}")?;
    } else if args.json {
        super::json::to_writer(&mut out, &notebook, true)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(crate::text::visible_lines(&markdown).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The notebook as a markdown note: plain CommonMark (no wikilinks, no
/// frontmatter) so it reads well in any viewer.
fn notebook_markdown(notebook: &Notebook, lang: Lang, date: &str) -> String {
    let mut out = String::new();
    let title = lang.pick("오답노트", "Wrong-answer notebook (오답노트)");
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(
        out,
        "{}\n",
        match lang {
            Lang::Ko => format!(
                "틀린 문제 {}개 · {date} munje에서 내보냄 · 보기 글자는 노트에 적힌 그대로",
                notebook.questions.len()
            ),
            Lang::En => format!(
                "{} missed questions · exported by munje on {date} · option letters as the notes have them",
                notebook.questions.len()
            ),
        }
    );
    let mut groups: BTreeMap<(bool, Option<&str>), Vec<&MissedQuestion>> = BTreeMap::new();
    for q in &notebook.questions {
        groups
            .entry((q.tag.is_none(), q.tag.as_deref()))
            .or_default()
            .push(q);
    }
    for ((_, tag), list) in groups {
        let heading = tag.map_or_else(
            || lang.pick("태그 없음", "No tag").to_owned(),
            |t| format!("#{t}"),
        );
        let _ = writeln!(out, "## {heading}\n");
        for (n, q) in list.iter().enumerate() {
            write_question(&mut out, lang, n + 1, q);
        }
    }
    out
}

fn write_question(out: &mut String, lang: Lang, n: usize, q: &MissedQuestion) {
    let stem = q.stem.clone().unwrap_or_else(|| {
        format!(
            "{} `{}`",
            lang.pick("노트에서 사라진 문제", "Question no longer in the notes:"),
            q.id
        )
    });
    let _ = writeln!(out, "### {n}. {stem}\n");
    let missed = match lang {
        Lang::Ko => format!("**{}번 틀림** ({}번 중)", q.misses, q.attempts),
        Lang::En => format!("**Missed {} of {} times**", q.misses, q.attempts),
    };
    let _ = writeln!(out, "{missed}\n");
    for o in &q.options {
        let times = q
            .wrong_picks
            .iter()
            .find(|p| p.letter == o.letter)
            .map(|p| p.times);
        let mark = match (o.right, times, lang) {
            (true, _, Lang::Ko) => " — ✅ 정답".to_owned(),
            (true, _, Lang::En) => " — ✅ right answer".to_owned(),
            (false, Some(t), Lang::Ko) => format!(" — ❌ {t}번 고름"),
            (false, Some(t), Lang::En) => {
                format!(" — ❌ chosen {t} {}", if t == 1 { "time" } else { "times" })
            }
            (false, None, _) => String::new(),
        };
        let _ = writeln!(out, "- **{})** {}{mark}", o.letter, o.text);
        if let Some(e) = &o.explanation {
            let _ = writeln!(out, "  - {e}");
        }
    }
    if q.options.is_empty() {
        for p in &q.wrong_picks {
            let line = match lang {
                Lang::Ko => format!("- **{})** ❌ {}번 고름", p.letter, p.times),
                Lang::En => format!("- **{})** ❌ chosen {} times", p.letter, p.times),
            };
            let _ = writeln!(out, "{line}");
        }
    }
    out.push('\n');
    if let Some(e) = &q.explanation {
        let _ = writeln!(out, "> {}\n", e.replace('\n', "\n> "));
    }
    if let Some(title) = &q.note_title {
        let place = q
            .location
            .as_deref()
            .map(|l| format!(" (`{l}`)"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}: {title}{place}\n", lang.pick("노트", "Note"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::{missed_history, sample_vault};

    #[test]
    fn markdown_groups_by_tag_and_says_how_often_each_option_was_chosen() {
        let md = notebook_markdown(
            &Notebook::build(&sample_vault(), &missed_history()),
            Lang::En,
            "2026-11-21",
        );
        assert!(md.starts_with("# Wrong-answer notebook"));
        let spot = md.find("## #instance/spot").unwrap();
        let emr = md.find("## #service/emr").unwrap();
        let none = md.find("## No tag").unwrap();
        assert!(spot < emr && emr < none);
        assert!(
            md.contains("- **C)** 태스크 노드 — ❌ chosen 2 times"),
            "{md}"
        );
        assert!(md.contains("- **A)** 프라이머리 노드 — ✅ right answer"));
        assert!(md.contains("**Missed 3 of 3 times**"));
        assert!(md.contains("Note: EMR 클러스터 크기 (`vault/emr/sizing.md:12`)"));
        let ko = notebook_markdown(
            &Notebook::build(&sample_vault(), &missed_history()),
            Lang::Ko,
            "2026-11-21",
        );
        assert!(ko.contains("❌ 2번 고름"));
        assert!(!ko.contains("[["), "no wikilinks");
    }
}
