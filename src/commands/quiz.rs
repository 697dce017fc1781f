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
    Attempt, Day, Ending, ExamConfig, Mode, QuizSession, Scheduler, SessionConfig, SessionId,
    Shuffle, Timestamp, select,
};
use crate::store::{Store, database_path};
use crate::vault::Vault;

pub use line::Recorder;

/// Everything a quiz needs, ready to run (line mode or TUI).
#[derive(Debug)]
pub struct Prepared {
    /// The vault the questions come from.
    pub vault: Vault,
    /// The open progress store (the session is already recorded in it).
    pub store: Store,
    /// The session, at its first question.
    pub session: QuizSession,
    /// FSRS, capped by `--exam-date` when given.
    pub scheduler: Scheduler,
    /// The UI language.
    pub lang: Lang,
    /// The seed used (`None` with `--no-shuffle`).
    pub seed: Option<u64>,
    /// With `--exam-date`: the exam day and the days left before it.
    pub exam_plan: Option<(Day, i64)>,
}

/// The current time as munje counts it.
pub fn now() -> Timestamp {
    Timestamp::from_system_time(SystemTime::now())
}

/// Opens the store at `--data-dir`/`MUNJE_DATA_DIR` or the XDG default,
/// telling the user on stderr if an unusable file was moved aside.
pub fn open_store(global: &GlobalArgs, lang: Lang, now: Timestamp) -> anyhow::Result<Store> {
    let path = database_path(global.data_dir.as_deref())?;
    let store = Store::open(&path, now)?;
    if let Some(r) = store.recovery() {
        let msg = match lang {
            Lang::Ko => format!(
                "munje: {}은(는) 쓸 수 없는 진도 파일이라({}) {}(으)로 옮기고 새로 만들었습니다.",
                path.display(),
                r.reason,
                r.moved_to.display()
            ),
            Lang::En => format!(
                "munje: {} was not a usable progress database ({}); it was moved to {} and a fresh one was started.",
                path.display(),
                r.reason,
                r.moved_to.display()
            ),
        };
        eprintln!("{msg}");
    }
    Ok(store)
}

/// Loads the vault, opens the store, selects and starts the session.
pub fn prepare(global: &GlobalArgs, args: &QuizArgs, now: Timestamp) -> anyhow::Result<Prepared> {
    let lang = Lang::detect(global.lang);
    let vault = super::open_vault(global)?;
    let mut store = match open_store(global, lang, now) {
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
    let offset = store.local_offset(now);
    let selection = args
        .selection(now.0.unsigned_abs())
        .map_err(anyhow::Error::msg)?;
    let (exam_date, shuffle) = (selection.exam_date, selection.shuffle);
    let seed = match shuffle {
        Shuffle::Seeded(s) => Some(s),
        Shuffle::Off => None,
    };
    let history = store.history()?;
    let chosen = select(&vault, &selection, &history, now, offset)?;
    let mode = if args.exam {
        Mode::Exam(ExamConfig::new(chosen.len(), args.minutes, args.pass))
    } else {
        Mode::Practice
    };
    let mut scheduler = Scheduler::new()?;
    if let Some(day) = exam_date {
        scheduler = scheduler.with_exam_date(day, offset);
    }
    let id = SessionId::new(now, std::process::id(), seed.unwrap_or(0));
    let session = QuizSession::new(&vault, &chosen, SessionConfig { mode, shuffle, id }, now);
    if !session.is_empty()
        && let Err(e) = store.start_session(session.id(), mode.kind(), seed, session.len(), now)
    {
        // Locked by another process: the quiz goes on, answers are kept
        // and retried, and the session is recorded again at the end.
        eprintln!(
            "{}",
            match lang {
                Lang::Ko => format!(
                    "munje: 세션 시작을 아직 저장하지 못했습니다 ({e}). 끝날 때 다시 저장합니다."
                ),
                Lang::En => format!(
                    "munje: could not record the session start yet ({e}); it is retried at the end."
                ),
            }
        );
    }
    Ok(Prepared {
        vault,
        store,
        session,
        scheduler,
        lang,
        seed,
        exam_plan: exam_date.map(|d| (d, (d.0 - now.day(offset).0).max(0))),
    })
}

/// Commits answers to the store as they are given: practice answers move
/// the schedule at once; exam answers are kept (replaced when changed) and
/// scheduled when the exam ends. An answer the store refuses (locked by
/// another process past the busy timeout, a read-only file) is kept in
/// memory, the user is told, and it is saved with the next answer or at
/// the end: the quiz never stops over it.
#[derive(Debug)]
pub struct StoreRecorder<'a> {
    /// The store.
    pub store: &'a mut Store,
    /// The schedule.
    pub scheduler: &'a Scheduler,
    /// Answers not saved yet, oldest first.
    pub unsaved: Vec<Attempt>,
    /// Language of the messages.
    pub lang: Lang,
    /// The session's seed, to record its start again if need be.
    pub seed: Option<u64>,
}

impl StoreRecorder<'_> {
    /// Saves the unsaved answers in order, stopping at the first refusal.
    fn save_unsaved(&mut self, practice: bool) -> Result<(), crate::store::StoreError> {
        while let Some(attempt) = self.unsaved.first() {
            self.store
                .record(attempt, practice.then_some(self.scheduler))?;
            self.unsaved.remove(0);
        }
        Ok(())
    }

    fn finish_session(&mut self, session: &QuizSession, now: Timestamp) -> anyhow::Result<()> {
        // Again, in case the start could not be saved (it is idempotent).
        let kind = session.mode().kind();
        self.store
            .start_session(session.id(), kind, self.seed, session.len(), now)?;
        if matches!(session.mode(), Mode::Exam(_)) {
            self.store.schedule(&session.attempts(), self.scheduler)?;
        }
        let ending = match session.ending() {
            Some(Ending::Completed) => "completed",
            Some(Ending::Submitted) => "submitted",
            Some(Ending::TimeUp) => "time_up",
            Some(Ending::Stopped) | None => "stopped",
        };
        self.store.finish_session(
            session.id(),
            ending,
            session.score().correct,
            session.exam_result(),
            now,
        )?;
        Ok(())
    }
}

impl Recorder for StoreRecorder<'_> {
    fn answered(&mut self, session: &QuizSession, attempt: &Attempt) -> anyhow::Result<()> {
        self.unsaved.push(attempt.clone());
        if let Err(e) = self.save_unsaved(session.mode() == Mode::Practice) {
            let n = self.unsaved.len();
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
        Ok(())
    }

    fn finished(&mut self, session: &QuizSession, now: Timestamp) -> anyhow::Result<()> {
        if session.is_empty() {
            return Ok(());
        }
        // Last chances for answers still unsaved; each try waits out the
        // busy timeout.
        let practice = session.mode() == Mode::Practice;
        let mut last = self.save_unsaved(practice).err();
        for _ in 0..2 {
            if last.is_none() {
                break;
            }
            last = self.save_unsaved(practice).err();
        }
        let result = match last {
            Some(e) => Err(anyhow::Error::new(e)),
            None => self.finish_session(session, now),
        };
        if let Err(e) = result {
            let n = self.unsaved.len();
            eprintln!(
                "{}",
                match self.lang {
                    Lang::Ko => format!(
                        "munje: 진도를 끝까지 저장하지 못했습니다 ({e:#}); 저장되지 않은 답 {n}개."
                    ),
                    Lang::En => format!(
                        "munje: could not finish saving progress ({e:#}); {n} answers not saved."
                    ),
                }
            );
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
    let mut p = prepare(global, args, now())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if p.session.is_empty() {
        writeln!(
            out,
            "{}",
            p.lang.pick("고를 문제가 없습니다.", "No questions match.")
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let (errors, _) = p.vault.diagnostic_counts();
    if errors > 0 {
        eprintln!(
            "{}",
            match p.lang {
                Lang::Ko => format!(
                    "munje: 노트에 오류 {errors}개가 있어 일부 문제가 빠졌습니다 (munje check로 확인)."
                ),
                Lang::En => format!(
                    "munje: the notes have {errors} errors, so some questions are left out (see munje check)."
                ),
            }
        );
    }
    writeln!(out, "{}", header(&p.session, p.seed, p.lang))?;
    if let Some((day, left)) = p.exam_plan {
        let n = p.session.len();
        let msg = match p.lang {
            Lang::Ko => format!(
                "{day} 시험까지 {left}일: 오늘은 복습할 문제와 아직 안 푼 문제의 하루 몫, 약한 태그부터 {n}문제."
            ),
            Lang::En => format!(
                "Exam on {day}, {left} days left: today's {n} questions are the reviews due and a day's share of unseen ones, weakest tags first."
            ),
        };
        writeln!(out, "{msg}")?;
    }
    let mut recorder = StoreRecorder {
        store: &mut p.store,
        scheduler: &p.scheduler,
        unsaved: Vec::new(),
        lang: p.lang,
        seed: p.seed,
    };
    let stdin = std::io::stdin();
    let options = line::LineOptions {
        lang: p.lang,
        prompt: stdin.is_terminal(),
    };
    line::run(
        &mut p.session,
        &mut recorder,
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
            "munje 모의시험: {n}문제, {}분, 합격선 {}{seed}. 제출할 때까지 채점하지 않습니다. f 표시, s 건너뛰기, ? 도움말",
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
