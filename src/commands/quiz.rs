//! `munje quiz`: the TUI quiz on a terminal, line mode otherwise.
//!
//! Owns turning `QuizArgs` into a selection and a session ([`prepare`],
//! shared with the TUI), the store-backed [`StoreRecorder`], and the choice
//! between the full-screen quiz and the line mode.

mod line;
pub(super) mod render;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::SystemTime;

use crate::cli::{GlobalArgs, QuizArgs};
use crate::i18n::Lang;
use crate::quiz::{
    Attempt, History, Mode, ModeKind, QuizPlan, QuizRequest, QuizSession, Scheduler, StudyDay,
    Timestamp, UndoPoint,
};
use crate::store::{Recorder, Store, database_path};
use crate::vault::Vault;

pub use line::AnswerSink;

/// Everything a quiz needs, ready to run in line mode.
#[derive(Debug)]
pub struct Prepared {
    /// The vault the questions come from.
    pub vault: Vault,
    /// The open progress store (the session is already recorded in it).
    pub store: Store,
    /// The history the selection was made from, kept current as answers
    /// are recorded.
    pub history: History,
    /// The plan: the session, its scheduler, the exam date.
    pub plan: QuizPlan,
    /// The UI language.
    pub lang: Lang,
}

/// The current time as munje counts it.
pub fn now() -> Timestamp {
    Timestamp::from_system_time(SystemTime::now())
}

/// The learner's calendar: the local offset the store sees at `now` and
/// the configured start of a learning day.
pub fn study_day(store: &Store, now: Timestamp) -> StudyDay {
    StudyDay::new(
        store.local_offset(now),
        // Only the setting is wanted here; the app reports bad entries.
        super::config::read_config(Lang::En).0.day_starts_at,
    )
}

/// Opens the store at `--data-dir`/`MUNJE_DATA_DIR` or the XDG default,
/// telling the user on stderr if an unusable file was moved aside.
pub fn open_store(global: &GlobalArgs, lang: Lang, now: Timestamp) -> anyhow::Result<Store> {
    let path = database_path(global.data_dir.as_deref())?;
    let store = Store::open(&path, now)?;
    super::recovery::tell_recovery(&store, lang);
    Ok(store)
}

/// [`open_store`] with the whole-file check beside the first reads
/// ([`Store::open_checking_beside`]): for `quiz`, whose first question
/// must not wait for it. Damage it finds is told when
/// the first write moves the file aside
/// ([`super::recovery::tell_late_recovery`]).
pub fn open_store_checking_beside(
    global: &GlobalArgs,
    lang: Lang,
    now: Timestamp,
) -> anyhow::Result<Store> {
    let path = database_path(global.data_dir.as_deref())?;
    let store = Store::open_checking_beside(&path, now)?;
    super::recovery::tell_recovery(&store, lang);
    Ok(store)
}

/// [`open_store`] with the whole-file check left to the first write
/// ([`Store::open_checking_at_first_write`]): for `wrong`.
pub fn open_store_checking_at_first_write(
    global: &GlobalArgs,
    lang: Lang,
    now: Timestamp,
) -> anyhow::Result<Store> {
    let path = database_path(global.data_dir.as_deref())?;
    let store = Store::open_checking_at_first_write(&path, now)?;
    super::recovery::tell_recovery(&store, lang);
    Ok(store)
}

/// Loads the vault, opens the store and plans the session: the same
/// [`QuizPlan`] the app makes from the same request.
pub fn prepare(
    global: &GlobalArgs,
    request: &QuizRequest,
    now: Timestamp,
) -> anyhow::Result<Prepared> {
    let lang = Lang::detect(global.lang);
    let vault = super::open_vault(global)?;
    let mut store = match open_store_checking_beside(global, lang, now) {
        Ok(store) => store,
        Err(e) => {
            // A read-only or unusable data folder must not stop the quiz.
            eprintln!(
                "{}",
                match lang {
                    Lang::Ko => format!(
                        "munje: 진도를 기록할 수 없습니다 ({e}). 퀴즈는 하지만 이번 답은 저장되지 않습니다."
                    ),
                    Lang::En => format!(
                        "munje: cannot record progress ({e}); the quiz goes on, but this session's answers are not kept."
                    ),
                }
            );
            Store::in_memory()?
        }
    };
    super::follow::follow_edits(&mut store, &vault, lang, now);
    for unknown in crate::search::unknown_tags(&vault, &request.selection.tags) {
        eprintln!("munje: {}", unknown.message(lang));
    }
    let day = study_day(&store, now);
    let history = store.history()?;
    let scheduler = Scheduler::with_parameters(&store.fsrs_parameters())?;
    let plan = QuizPlan::new(request, &vault, &history, scheduler, now, day)
        .map_err(|e| anyhow::Error::msg(e.message(lang)))?;
    Ok(Prepared {
        vault,
        store,
        history,
        plan,
        lang,
    })
}

/// The line mode's side of the shared [`Recorder`]: the store it writes
/// to, the history it keeps current, and messages on stderr when the store
/// refuses.
#[derive(Debug)]
pub struct StoreRecorder<'a> {
    /// The store.
    pub store: &'a mut Store,
    /// The history, kept current.
    pub history: &'a mut History,
    /// The shared recorder.
    pub recorder: Recorder,
    /// Language of the messages.
    pub lang: Lang,
    /// The last practice answer's undo point.
    pub last: Option<UndoPoint>,
    /// When the session started, until its start is recorded: with the
    /// first answer (or the end), so the first question does not wait for
    /// the store's whole-file check.
    pub unrecorded_start: Option<Timestamp>,
}

impl StoreRecorder<'_> {
    /// Records the session's start before its first write.
    fn record_start(&mut self, session: &QuizSession) {
        let Some(at) = self.unrecorded_start.take() else {
            return;
        };
        super::recovery::tell_late_recovery(self.store, self.lang);
        if let Err(e) = self.recorder.start(self.store, session, at) {
            // Locked by another process: the quiz goes on, answers are
            // kept and retried, and the session is recorded again at the end.
            eprintln!(
                "{}",
                match self.lang {
                    Lang::Ko => format!(
                        "munje: 세션 시작을 아직 저장하지 못했습니다 ({e}). 끝날 때 다시 저장합니다."
                    ),
                    Lang::En => format!(
                        "munje: could not record the session start yet ({e}); it is retried at the end."
                    ),
                }
            );
        }
    }
}

impl AnswerSink for StoreRecorder<'_> {
    fn answered(
        &mut self,
        session: &QuizSession,
        attempt: &Attempt,
    ) -> anyhow::Result<Option<Timestamp>> {
        self.record_start(session);
        if attempt.mode == ModeKind::Practice {
            self.last = Some(self.history.answer(attempt));
        }
        let saved = self.recorder.answered(self.store, attempt);
        self.history.set_dues(&saved.cards);
        if let Some(e) = &saved.error {
            let n = saved.pending;
            eprintln!(
                "{}",
                match self.lang {
                    Lang::Ko => format!(
                        "munje: 답을 아직 저장하지 못했습니다 ({e}). 기억해 두었다가 다음 답과 함께 다시 저장합니다 (대기 {n}개)."
                    ),
                    Lang::En => format!(
                        "munje: could not save this answer yet ({e}); it is kept and retried with the next one ({n} waiting)."
                    ),
                }
            );
        }
        Ok(saved.next_review(&attempt.question))
    }

    fn undo(&mut self) -> anyhow::Result<Option<Attempt>> {
        let taken = self.recorder.undo(self.store)?;
        if taken.is_some()
            && let Some(point) = self.last.take()
        {
            self.history.undo(point);
        }
        Ok(taken)
    }

    fn finished(&mut self, session: &QuizSession, now: Timestamp) -> anyhow::Result<()> {
        self.record_start(session);
        match self.recorder.finished(self.store, session, now) {
            Ok(exam) => {
                for (a, card) in &exam {
                    self.history.record(a, Some(card.due));
                }
            }
            Err(e) => {
                let n = self.recorder.pending();
                eprintln!(
                    "{}",
                    match self.lang {
                        Lang::Ko => format!(
                            "munje: 진도를 끝까지 저장하지 못했습니다 ({e}); 저장되지 않은 답 {n}개."
                        ),
                        Lang::En => format!(
                            "munje: could not finish saving progress ({e}); {n} answers not saved."
                        ),
                    }
                );
            }
        }
        Ok(())
    }
}

/// Treats a closed stdout (`munje wrong | head`) as a normal end: every
/// answer is already committed, and there is no one left to tell.
pub fn ignore_broken_pipe(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(e)
            if e.chain().any(|c| {
                let kind = c
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    // `--json` output fails inside serde_json.
                    .or_else(|| c.downcast_ref::<serde_json::Error>()?.io_error_kind());
                kind == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

/// Runs the command.
pub fn run(global: &GlobalArgs, args: &QuizArgs) -> anyhow::Result<ExitCode> {
    if !args.plain && std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return super::app::run(global, Some(args));
    }
    ignore_broken_pipe(run_line_mode(global, args))
}

fn run_line_mode(global: &GlobalArgs, args: &QuizArgs) -> anyhow::Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let now0 = now();
    let request = args
        .request(crate::quiz::session_seed(now0.0.unsigned_abs()), lang)
        .map_err(anyhow::Error::msg)?;
    let p = prepare(global, &request, now0)?;
    let Prepared {
        vault,
        mut store,
        mut history,
        plan,
        lang,
    } = p;
    let mut notices = plan.notices(lang);
    let cards = store.cards().unwrap_or_default();
    let day = study_day(&store, now0);
    notices.extend(plan.readiness_line(&vault, &history, &cards, now0, day, lang));
    let QuizPlan {
        mut session,
        scheduler,
        seed,
        ..
    } = plan;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if session.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("고를 문제가 없습니다.", "No questions match.")
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let (errors, _) = vault.diagnostic_counts();
    if errors > 0 {
        eprintln!(
            "{}",
            match lang {
                Lang::Ko => format!(
                    "munje: 노트에 오류 {errors}개가 있어 일부 문제가 빠졌습니다 (munje check로 확인)."
                ),
                Lang::En => format!(
                    "munje: the notes have {errors} errors, so some questions are left out (see munje check)."
                ),
            }
        );
    }
    writeln!(out, "{}", header(&session, seed, lang))?;
    for line in notices {
        writeln!(out, "{line}")?;
    }
    let mut sink = StoreRecorder {
        store: &mut store,
        history: &mut history,
        recorder: Recorder::new(scheduler, seed),
        lang,
        last: None,
        unrecorded_start: Some(now0),
    };
    let stdin = std::io::stdin();
    let options = line::LineOptions {
        lang,
        prompt: stdin.is_terminal(),
        review: args.review,
    };
    line::run(
        &mut session,
        &mut sink,
        stdin.lock(),
        &mut out,
        &mut now,
        options,
    )?;
    Ok(ExitCode::SUCCESS)
}

fn header(session: &QuizSession, seed: Option<u64>, lang: Lang) -> String {
    let n = session.len();
    let seed = seed.map(|s| format!(", seed {s}")).unwrap_or_default();
    match (session.mode(), lang) {
        (Mode::Practice, Lang::Ko) => {
            format!("munje 연습: {n}문제{seed}. 답의 글자를 입력하세요 (B, AC). 도움말은 ?")
        }
        (Mode::Practice, Lang::En) => format!(
            "munje practice: {n} questions{seed}. Type the letter(s) of your answer (B, AC); ? for help."
        ),
        (Mode::Exam(c), Lang::Ko) => format!(
            "munje 모의고사: {n}문제, {}분, 합격선 {}{seed}. 제출할 때까지 채점하지 않습니다. f 표시, s 건너뛰기, ? 도움말",
            c.time_limit_secs / 60,
            c.pass_mark
        ),
        (Mode::Exam(c), Lang::En) => format!(
            "munje exam: {n} questions in {} minutes, pass mark {}{seed}. No feedback until you submit; f flags, s skips, ? for help.",
            c.time_limit_secs / 60,
            c.pass_mark
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_stdout_is_a_normal_end_but_other_errors_are_not() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        let wrapped = anyhow::Error::new(pipe).context("writing the notebook");
        assert_eq!(ignore_broken_pipe(Err(wrapped)).unwrap(), ExitCode::SUCCESS);
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(ignore_broken_pipe(Err(denied.into())).is_err());
    }

    #[test]
    fn json_written_into_a_closed_pipe_is_a_normal_end() {
        struct Closed;
        impl std::io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let err = serde_json::to_writer(Closed, &["스팟"]).unwrap_err();
        assert_eq!(
            ignore_broken_pipe(Err(err.into())).unwrap(),
            ExitCode::SUCCESS
        );
    }
}
