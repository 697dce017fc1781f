//! `munje progress`: links between old and new question ids (list, relink
//! by hand, undo), export and import of the whole history, and fitting
//! FSRS parameters to it. Also `check`'s report of history whose question
//! is gone ([`orphan_warnings`]).
//!
//! Owns the words; the work is in `store`.

mod transfer;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{GlobalArgs, ProgressCommand};
use crate::i18n::Lang;
use crate::quiz::Timestamp;
use crate::store::{Fit, LinkKind, LinkRefusal, Retention, Store};
use crate::vault::{Diagnostic, Message, QuestionId, Vault};

/// Runs the command.
pub fn run(global: &GlobalArgs, cmd: &ProgressCommand) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let now = super::quiz::now();
    match cmd {
        ProgressCommand::Links => {
            let store = super::quiz::open_store(global, lang, now)?;
            super::quiz::ignore_broken_pipe(print_links(&store, lang))
        }
        ProgressCommand::Relink { old_id, new_id } => {
            let vault = super::open_vault(global)?;
            let new = QuestionId(new_id.as_str().into());
            if !vault.questions.iter().any(|q| q.id == new) {
                eprintln!(
                    "munje: {}",
                    match lang {
                        Lang::Ko => format!("볼트에 id가 '{}'인 문제가 없습니다.", plain(new_id)),
                        Lang::En =>
                            format!("no question in the vault has the id '{}'", plain(new_id)),
                    }
                );
                return Ok(ExitCode::from(2));
            }
            let mut store = super::quiz::open_store(global, lang, now)?;
            let done = store.relink(&QuestionId(old_id.as_str().into()), &new, now)?;
            Ok(report_link(done, lang, true))
        }
        ProgressCommand::Unlink { old_id } => {
            let mut store = super::quiz::open_store(global, lang, now)?;
            let done = store.unlink(&QuestionId(old_id.as_str().into()), now)?;
            Ok(report_link(done, lang, false))
        }
        ProgressCommand::Export { file, force } => {
            transfer::export(global, file.as_deref(), *force, lang, now)
        }
        ProgressCommand::Import { file } => transfer::import(global, file, lang, now),
        ProgressCommand::Optimize => optimize(global, lang, now),
    }
}

/// Drops control characters from vault or user text before it reaches
/// the terminal.
pub(super) fn plain(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// Shortens a stem for a one-line message.
fn clip(s: &str) -> String {
    if s.chars().count() > 60 {
        let mut t: String = s.chars().take(60).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}

fn report_link(done: Result<crate::store::Link, LinkRefusal>, lang: Lang, made: bool) -> ExitCode {
    match done {
        Ok(link) => {
            let (old, new) = (plain(&link.old_id.0), plain(&link.new_id.0));
            println!(
                "{}",
                match (lang, made) {
                    (Lang::Ko, true) => format!("{old}의 기록을 {new}에 붙였습니다."),
                    (Lang::En, true) => format!("the history of {old} now belongs to {new}"),
                    (Lang::Ko, false) => {
                        format!("{old} → {new} 연결을 되돌렸습니다. 기록은 다시 {old}의 것입니다.")
                    }
                    (Lang::En, false) =>
                        format!("undid the link {old} → {new}; the history is {old}'s own again"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(refusal) => {
            let msg = match (refusal, lang) {
                (LinkRefusal::NoHistory(id), Lang::Ko) => {
                    format!("{}에는 기록된 답이 없습니다.", plain(&id.0))
                }
                (LinkRefusal::NoHistory(id), Lang::En) => {
                    format!("no answers are recorded under {}", plain(&id.0))
                }
                (LinkRefusal::Cycle(old, new), Lang::Ko) => format!(
                    "{}의 기록은 이미 {}에서 이어지므로 되돌려 붙일 수 없습니다.",
                    plain(&new.0),
                    plain(&old.0)
                ),
                (LinkRefusal::Cycle(old, new), Lang::En) => format!(
                    "cannot link {} to {}: that would lead back to itself",
                    plain(&old.0),
                    plain(&new.0)
                ),
                (LinkRefusal::NotLinked(id), Lang::Ko) => {
                    format!("{}에는 되돌릴 연결이 없습니다.", plain(&id.0))
                }
                (LinkRefusal::NotLinked(id), Lang::En) => {
                    format!("{} has no link to undo", plain(&id.0))
                }
            };
            eprintln!("munje: {msg}");
            ExitCode::from(1)
        }
    }
}

fn print_links(store: &Store, lang: Lang) -> anyhow::Result<ExitCode> {
    let links = store.all_links()?;
    let offset = store.local_offset(super::quiz::now());
    let mut out = std::io::stdout().lock();
    if links.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("아직 연결된 기록이 없습니다.", "No links yet.")
        )?;
    }
    for l in &links {
        let kind = match (l.kind, lang) {
            (LinkKind::Auto, Lang::Ko) => "자동",
            (LinkKind::Auto, Lang::En) => "auto",
            (LinkKind::Manual, Lang::Ko) => "수동",
            (LinkKind::Manual, Lang::En) => "manual",
        };
        let undone = match l.undone_at {
            Some(t) => format!(" [{} {}]", lang.pick("되돌림", "undone"), t.day(offset)),
            None => String::new(),
        };
        writeln!(
            out,
            "{}  {kind:6}  {} → {}  ({}){undone}",
            l.made_at.day(offset),
            plain(&l.old_id.0),
            plain(&l.new_id.0),
            plain(&l.evidence)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Warnings for history whose question is no longer in the vault, read
/// from the database without changing it (none when there is none).
pub fn orphan_warnings(global: &GlobalArgs, vault: &Vault) -> Vec<Diagnostic> {
    let Ok(path) = crate::store::database_path(global.data_dir.as_deref()) else {
        return Vec::new();
    };
    let Ok(Some(orphans)) = crate::store::orphans_read_only(&path, vault) else {
        return Vec::new();
    };
    let shown = path.display().to_string();
    orphans
        .into_iter()
        .map(|o| {
            let id = plain(&o.id.0);
            let stem = o.last_stem.as_deref().map(|s| plain(&clip(s)));
            let message = Message::Orphan {
                id,
                answers: o.answers,
                stem,
            };
            let place = o.last_path.unwrap_or_else(|| shown.clone());
            Diagnostic::warning(&place, 1, 1, message)
        })
        .collect()
}

/// The retention line of `munje stats`.
pub fn retention_text(r: &Retention, lang: Lang) -> String {
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let measured = r.measured_retention.map_or_else(
        || lang.pick("아직 없음", "none yet").to_owned(),
        |m| match lang {
            Lang::Ko => format!("{} (복습 {}번)", pct(m), r.reviews),
            Lang::En => format!("{} ({} reviews)", pct(m), r.reviews),
        },
    );
    let params = match (r.fitted_parameters, lang) {
        (true, Lang::Ko) => "내 기록에 맞춘 값",
        (true, Lang::En) => "fitted to your history",
        (false, Lang::Ko) => "기본값 (munje progress optimize로 맞추기)",
        (false, Lang::En) => "defaults (fit them with munje progress optimize)",
    };
    match lang {
        Lang::Ko => format!(
            "\n기억률: 목표 {} · 실제 {measured}\nFSRS 매개변수: {params}\n",
            pct(r.desired_retention)
        ),
        Lang::En => format!(
            "\nRetention: desired {} · measured {measured}\nFSRS parameters: {params}\n",
            pct(r.desired_retention)
        ),
    }
}

fn optimize(global: &GlobalArgs, lang: Lang, now: Timestamp) -> anyhow::Result<ExitCode> {
    let mut store = super::quiz::open_store(global, lang, now)?;
    match store.optimize(now)? {
        Fit::Fitted { reviews, .. } => {
            println!(
                "{}",
                match lang {
                    Lang::Ko => format!(
                        "복습 {reviews}번으로 FSRS 매개변수를 맞췄습니다. 이제부터 일정에 씁니다."
                    ),
                    Lang::En => format!(
                        "fitted FSRS parameters to {reviews} reviews; scheduling uses them from now on"
                    ),
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Fit::NotEnough { reviews, needed } => {
            eprintln!(
                "munje: {}",
                match lang {
                    Lang::Ko => format!(
                        "기록이 아직 부족합니다: 하루 이상 지나 다시 푼 복습이 {reviews}번이고, 적어도 {needed}번은 있어야 합니다. 기본값을 계속 씁니다."
                    ),
                    Lang::En => format!(
                        "not enough history yet: {reviews} reviews a day or more after the previous answer, at least {needed} needed; the defaults stay in use"
                    ),
                }
            );
            Ok(ExitCode::from(1))
        }
    }
}
