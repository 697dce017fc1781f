//! What `check` says about the tolerant reader: `check --explain
//! PATH[:LINE]` (what was read from one note, and why each answer-like
//! line was not) and the count of questions read in each form. The
//! warning for a note with answer-like lines and no question read is
//! `check`'s own (`check/hints.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::i18n::Lang;
use crate::vault::message::{key_form, options_form, stem_form};
use crate::vault::{
    Diagnostic, ExplainedQuestion, Explanation, Form, KeyForm, OptionsForm, QuestionStyle,
    StemForm, Vault,
};

/// `check --explain PATH[:LINE]`: prints what was read from the note.
pub fn run(
    roots: Option<&[PathBuf]>,
    target: &str,
    style: QuestionStyle,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let (path, line) = split_target(target);
    let file = find_file(&path, roots).ok_or_else(|| {
        let path = path.display();
        anyhow::anyhow!(match lang {
            Lang::Ko => format!("노트 '{path}'를 읽을 수 없습니다: 그런 파일이 없습니다"),
            Lang::En => format!("cannot read note '{path}': no such file"),
        })
    })?;
    let bytes = std::fs::read(&file).map_err(|e| {
        let path = file.display();
        anyhow::anyhow!(match lang {
            Lang::Ko => format!("노트 '{path}'를 읽을 수 없습니다: {e}"),
            Lang::En => format!("cannot read note '{path}': {e}"),
        })
    })?;
    let shown = file.display().to_string();
    let out = match crate::vault::explain_note(&shown, &bytes, style) {
        Ok(explanation) => render(&shown, &explanation, line, style, lang),
        Err(d) => format!(
            "{}:{}:{}: {}: {}\n",
            d.path,
            d.line,
            d.column,
            d.severity.label(lang),
            d.text(lang)
        ),
    };
    std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `notes/a.md:12` as the path and line; a path may itself hold `:`.
fn split_target(target: &str) -> (PathBuf, Option<usize>) {
    if let Some((path, line)) = target.rsplit_once(':')
        && let Ok(line) = line.parse::<usize>()
        && !Path::new(target).exists()
    {
        return (PathBuf::from(path), Some(line));
    }
    (PathBuf::from(target), None)
}

/// The file as given, else under one of the vault roots.
fn find_file(path: &Path, roots: Option<&[PathBuf]>) -> Option<PathBuf> {
    if path.is_file() {
        return Some(path.to_owned());
    }
    roots?.iter().map(|r| r.join(path)).find(|p| p.is_file())
}

/// The explanation as text; with a line, only what is at that line.
pub fn render(
    path: &str,
    e: &Explanation,
    line: Option<usize>,
    style: QuestionStyle,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let at = |a: usize, b: usize| line.is_none_or(|l| a <= l && l <= b);
    let questions: Vec<&ExplainedQuestion> = e
        .questions
        .iter()
        .filter(|q| {
            let (a, b) = q.lines();
            at(a, b)
        })
        .collect();
    let unread: Vec<_> = e.unread.iter().filter(|u| at(u.line, u.line)).collect();
    let at_line = line.map(|l| format!(":{l}")).unwrap_or_default();
    let strict = style == QuestionStyle::Strict;
    let (read, unread_n) = (questions.len(), unread.len());
    let _ = match lang {
        Lang::Ko => writeln!(
            out,
            "{path}{at_line}: 문제 {read}개 읽음, 정답처럼 보이는 줄 {unread_n}개 읽지 않음{}",
            if strict {
                " (questions = \"strict\": 너그러운 읽기 꺼짐)"
            } else {
                ""
            }
        ),
        Lang::En => writeln!(
            out,
            "{path}{at_line}: {} read, {unread_n} answer-like {} not read{}",
            plural(read, "question", "questions"),
            if unread_n == 1 { "line" } else { "lines" },
            if strict {
                " (questions = \"strict\": the tolerant reader is off)"
            } else {
                ""
            }
        ),
    };
    for q in &questions {
        out.push('\n');
        question(&mut out, q, lang);
    }
    for u in &unread {
        let _ = writeln!(
            out,
            "\n  {} {}: {}",
            lang.pick("읽지 않은 줄", "not read, line"),
            u.line,
            u.text
        );
        let _ = writeln!(out, "    {}", u.why.text(lang));
    }
    let diags: Vec<&Diagnostic> = e
        .diagnostics
        .iter()
        .filter(|d| at(d.line, d.line))
        .collect();
    if !diags.is_empty() {
        out.push('\n');
        for d in diags {
            let _ = writeln!(
                out,
                "  {}:{}: {}: {}",
                d.line,
                d.column,
                d.severity.label(lang),
                d.text(lang)
            );
        }
    }
    if line.is_some() && questions.is_empty() && unread.is_empty() {
        let _ = writeln!(
            out,
            "\n  {}",
            lang.pick(
                "이 줄에는 문제나 정답처럼 보이는 것이 없습니다",
                "nothing that looks like a question or a key is at this line"
            )
        );
    }
    out
}

fn question(out: &mut String, q: &ExplainedQuestion, lang: Lang) {
    let (a, b) = q.lines();
    let form_name = match q.form {
        Form::Strict => lang.pick("노트 형식 문법", "strict grammar"),
        Form::Tolerant(_) => lang.pick("너그러운 읽기", "tolerant reader"),
    };
    let _ = match lang {
        Lang::Ko => writeln!(
            out,
            "  {}줄의 문제 ({form_name}){}",
            span(a, b),
            if q.quizzable {
                ""
            } else {
                ", 퀴즈에 못 씀"
            }
        ),
        Lang::En => writeln!(
            out,
            "  question at {} ({form_name}){}",
            span(a, b),
            if q.quizzable { "" } else { ", not quizzable" }
        ),
    };
    let form = match q.form {
        Form::Tolerant(t) => Some(t),
        Form::Strict => None,
    };
    let named = |name: &str| form.map(|_| format!(" [{name}]")).unwrap_or_default();
    let _ = writeln!(
        out,
        "    {} {:<9} {}{}",
        lang.pick("문제   ", "stem   "),
        span(q.stem.0, q.stem.1),
        clip(&q.stem_text, 60),
        named(form.map_or("", |f| stem_form(f.stem, lang)))
    );
    let options: Vec<String> = q
        .option_texts
        .iter()
        .map(|(l, t)| format!("{l} {}", clip(t, 24)))
        .collect();
    let _ = writeln!(
        out,
        "    {} {:<9} {}{}",
        lang.pick("보기   ", "options"),
        q.options
            .map_or_else(|| "-".to_owned(), |(a, b)| span(a, b)),
        options.join(" | "),
        named(form.map_or("", |f| options_form(f.options, lang)))
    );
    let keys: Vec<String> = q.key.iter().map(usize::to_string).collect();
    let _ = writeln!(
        out,
        "    {} {:<9} {}{}",
        lang.pick("정답   ", "key    "),
        if keys.is_empty() {
            "-".to_owned()
        } else {
            keys.join(", ")
        },
        if q.answer.is_empty() {
            "-".to_owned()
        } else {
            q.answer.join(", ")
        },
        named(form.map_or("", |f| key_form(f.key, lang)))
    );
}

fn span(a: usize, b: usize) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}

/// Questions read in each form, for one vault root.
#[derive(Debug, Default, Serialize)]
pub struct FormCounts {
    /// The root as given.
    pub root: String,
    /// Read by the note format's grammar.
    pub strict: usize,
    /// Read by the tolerant reader.
    pub tolerant: usize,
    /// Tolerant questions by stem recogniser.
    pub stem: Vec<(&'static str, usize)>,
    /// Tolerant questions by options recogniser.
    pub options: Vec<(&'static str, usize)>,
    /// Tolerant questions by key recogniser.
    pub key: Vec<(&'static str, usize)>,
}

/// Questions read in each form, for each root that has notes.
pub fn form_counts(vault: &Vault) -> Vec<FormCounts> {
    let mut out: Vec<FormCounts> = vault
        .roots
        .iter()
        .map(|r| FormCounts {
            root: r.clone(),
            ..FormCounts::default()
        })
        .collect();
    let mut stems = vec![[0usize; StemForm::ALL.len()]; out.len()];
    let mut options = vec![[0usize; OptionsForm::ALL.len()]; out.len()];
    let mut keys = vec![[0usize; KeyForm::ALL.len()]; out.len()];
    for note in &vault.notes {
        for &ix in &note.questions {
            let Some(c) = out.get_mut(note.root) else {
                continue;
            };
            match vault.question(ix).form {
                Form::Strict => c.strict += 1,
                Form::Tolerant(t) => {
                    c.tolerant += 1;
                    stems[note.root][place(&StemForm::ALL, t.stem)] += 1;
                    options[note.root][place(&OptionsForm::ALL, t.options)] += 1;
                    keys[note.root][place(&KeyForm::ALL, t.key)] += 1;
                }
            }
        }
    }
    for (i, c) in out.iter_mut().enumerate() {
        c.stem = named(StemForm::ALL.map(StemForm::name), stems[i]);
        c.options = named(OptionsForm::ALL.map(OptionsForm::name), options[i]);
        c.key = named(KeyForm::ALL.map(KeyForm::name), keys[i]);
    }
    out
}

fn place<T: PartialEq + Copy>(all: &[T], x: T) -> usize {
    all.iter().position(|&y| y == x).unwrap_or(0)
}

/// The names with a count above zero.
fn named<const N: usize>(
    names: [&'static str; N],
    counts: [usize; N],
) -> Vec<(&'static str, usize)> {
    names
        .into_iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The form counts as text, when any question was read tolerantly.
pub fn render_forms(vault: &Vault, lang: Lang) -> String {
    let counts = form_counts(vault);
    let mut out = String::new();
    if counts.iter().all(|c| c.tolerant == 0) {
        return out;
    }
    // The counts by English name (as JSON has them), named in `lang`.
    let list = |items: &[(&str, usize)]| {
        items
            .iter()
            .map(|(name, n)| format!("{} {n}", form_in(name, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for c in &counts {
        if c.strict + c.tolerant == 0 {
            continue;
        }
        let _ = match lang {
            Lang::Ko => writeln!(
                out,
                "{}: 노트 형식 문법으로 문제 {}개, 너그러운 읽기로 {}개를 읽었습니다",
                c.root, c.strict, c.tolerant
            ),
            Lang::En => writeln!(
                out,
                "{}: {} read by the note format's grammar, {} by the tolerant reader",
                c.root,
                plural(c.strict, "question", "questions"),
                c.tolerant
            ),
        };
        if c.tolerant > 0 {
            let _ = writeln!(out, "  {}: {}", lang.pick("문제", "stems"), list(&c.stem));
            let _ = writeln!(
                out,
                "  {}: {}",
                lang.pick("보기", "options"),
                list(&c.options)
            );
            let _ = writeln!(out, "  {}: {}", lang.pick("정답", "keys"), list(&c.key));
        }
    }
    out
}

/// A form named in English (as [`form_counts`] has it) in `lang`.
fn form_in(name: &str, lang: Lang) -> &str {
    let stem = StemForm::ALL.into_iter().find(|f| f.name() == name);
    let options = OptionsForm::ALL.into_iter().find(|f| f.name() == name);
    let key = KeyForm::ALL.into_iter().find(|f| f.name() == name);
    match (stem, options, key) {
        (Some(s), _, _) => stem_form(s, lang),
        (_, Some(o), _) => options_form(o, lang),
        (_, _, Some(k)) => key_form(k, lang),
        _ => name,
    }
}
