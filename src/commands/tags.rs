//! `munje tags`: the tag tree, each node with how many notes and questions
//! carry that tag or one under it.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use super::source::open_vault;
use crate::cli::GlobalArgs;
use crate::i18n::Lang;
use crate::vault::{TagNode, Vault, tag_tree};

/// Runs the command.
pub fn run(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let vault = open_vault(global)?;
    let text = render(&vault, Lang::detect(global.lang));
    std::io::stdout().lock().write_all(text.as_bytes())?;
    super::source::keep_until_exit(vault);
    Ok(ExitCode::SUCCESS)
}

/// The tree as text: one node a line, children indented under a `├─`/`└─`.
pub fn render(vault: &Vault, lang: Lang) -> String {
    let tree = tag_tree(
        vault.notes.iter().map(|n| &*n.tags),
        vault.questions.iter().map(|q| &*q.tags),
    );
    let mut lines = Vec::new();
    walk(&tree, "", true, &mut lines);
    let width = lines
        .iter()
        .map(|(l, _)| unicode_width::UnicodeWidthStr::width(l.as_str()))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (label, node) in &lines {
        let pad = width - unicode_width::UnicodeWidthStr::width(label.as_str());
        let counts = match lang {
            Lang::Ko => format!("노트 {:>4}  문제 {:>4}", node.notes, node.questions),
            Lang::En => format!(
                "{:>4} {:<5}  {:>4} {}",
                node.notes,
                if node.notes == 1 { "note" } else { "notes" },
                node.questions,
                if node.questions == 1 {
                    "question"
                } else {
                    "questions"
                }
            ),
        };
        let _ = writeln!(out, "{label}{}  {counts}", " ".repeat(pad));
    }
    if lines.is_empty() {
        out.push_str(lang.pick("태그가 없습니다.\n", "No tags.\n"));
    }
    out
}

fn walk<'a>(nodes: &'a [TagNode], prefix: &str, top: bool, out: &mut Vec<(String, &'a TagNode)>) {
    for (i, node) in nodes.iter().enumerate() {
        let last = i + 1 == nodes.len();
        let (branch, more) = match (top, last) {
            (true, _) => ("", ""),
            (false, false) => ("├─ ", "│  "),
            (false, true) => ("└─ ", "   "),
        };
        let name = crate::text::visible(&node.name);
        out.push((format!("{prefix}{branch}{name}"), node));
        walk(&node.children, &format!("{prefix}{more}"), false, out);
    }
}
