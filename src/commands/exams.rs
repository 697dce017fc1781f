//! `munje exams`: the exam history, newest first, as text or JSON, and the
//! question-by-question review of one past exam against the vault as it
//! is now.
//!
//! Owns the text layout; the history is [`crate::store::ExamRecord`], the
//! review [`crate::quiz::ExamReview`].

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use crate::cli::{ExamsArgs, GlobalArgs};
use crate::i18n::Lang;
use crate::quiz::{ExamReview, UtcOffset};
use crate::store::ExamRecord;

use super::quiz::render;

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &ExamsArgs) -> anyhow::Result<ExitCode> {
    super::quiz::ignore_broken_pipe(print(global, args))
}

fn print(global: &GlobalArgs, args: &ExamsArgs) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let now = super::quiz::now();
    let store = super::quiz::open_store(global, lang, now)?;
    let mut out = std::io::stdout().lock();
    if let Some(key) = &args.review {
        let Some(exam) = store.find_exam(key)? else {
            let msg = match lang {
                Lang::Ko => format!(
                    "\"{key}\"(이)라는 모의고사가 기록에 없습니다. munje exams로 번호를 확인하세요."
                ),
                Lang::En => {
                    format!("no exam \"{key}\" in the history; munje exams lists their numbers")
                }
            };
            anyhow::bail!(render::plain(&msg));
        };
        let vault = super::open_vault(global)?;
        let review = ExamReview::from_asked(&exam.asked, &vault);
        let offset = store.local_offset(now);
        let head = exam.line(offset, lang);
        let text = render::review(&review, args.filter, lang);
        write!(out, "{}", render::plain(&format!("{head}\n{text}")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let exams = store.exams()?;
    if args.json {
        let list: Vec<_> = exams.iter().map(ExamRecord::json).collect();
        serde_json::to_writer_pretty(&mut out, &list)?;
        out.write_all(b"\n")?;
    } else {
        let offset = store.local_offset(now);
        out.write_all(render::plain(&list(&exams, offset, lang)).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The history as numbered lines, newest first.
pub fn list(exams: &[ExamRecord], offset: UtcOffset, lang: Lang) -> String {
    let mut t = String::new();
    if exams.is_empty() {
        let _ = writeln!(
            t,
            "{}",
            lang.pick(
                "아직 본 모의고사가 없습니다. munje quiz --exam으로 시작하세요.",
                "No exams yet; start one with munje quiz --exam."
            )
        );
        return t;
    }
    for (i, e) in exams.iter().enumerate() {
        let _ = writeln!(t, "{:>3}. {}", i + 1, e.line(offset, lang));
    }
    let _ = writeln!(
        t,
        "\n{}",
        lang.pick(
            "다시 검토하려면: munje exams --review 번호 [--filter wrong|flagged|unanswered]",
            "To review one again: munje exams --review N [--filter wrong|flagged|unanswered]"
        )
    );
    t
}
