//! The line-mode quiz loop over any `BufRead` and `Write`: for scripts,
//! screen readers and dumb terminals. One line of input per answer (`B`,
//! `AC`, `a c`; `B?` when guessing), `?` help, `s` skip, `q` stop, `u` take
//! the last answer back (practice), `f` flag (exam), numbers and `submit` at
//! the exam's review grid. End of input ends the quiz cleanly.
//!
//! Owns the dialogue only; every answer goes to an [`AnswerSink`] at once.
//! Reading a line blocks, so in an exam the time limit is enforced when the
//! next line arrives: an answer given after the deadline is refused and the
//! exam is submitted as it stood at the deadline.

use std::io::{BufRead, Write};

use crate::i18n::Lang;
use crate::quiz::{
    AnswerError, Attempt, ExamReview, Mode, QuizSession, ReviewFilter, Step, Timestamp,
    next_review_text,
};

use super::render;

/// Where answers go as they are given.
pub trait AnswerSink {
    /// Commits one answer (called before the next question is shown);
    /// returns when the question comes back, once known.
    fn answered(
        &mut self,
        session: &QuizSession,
        attempt: &Attempt,
    ) -> anyhow::Result<Option<Timestamp>>;
    /// Takes the last practice answer back; `None` when there is none.
    fn undo(&mut self) -> anyhow::Result<Option<Attempt>>;
    /// Called once when the session has ended.
    fn finished(&mut self, session: &QuizSession, now: Timestamp) -> anyhow::Result<()>;
}

/// One read from the input.
enum Input {
    Eof,
    Line(String),
    /// A line that is not UTF-8 (typed in another encoding).
    Unreadable,
}

/// Where the dialogue is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Asking the question on screen, in order.
    Asking,
    /// Asking a question reached from the review grid (returns there).
    Revisiting,
    /// At the exam's review grid.
    Grid,
}

/// The running dialogue.
struct Dialogue<'a, R, W> {
    session: &'a mut QuizSession,
    recorder: &'a mut dyn AnswerSink,
    input: R,
    out: &'a mut W,
    clock: &'a mut dyn FnMut() -> Timestamp,
    lang: Lang,
    prompt: &'static str,
    exam: bool,
    review: ReviewFilter,
}

/// How the dialogue looks.
#[derive(Debug, Clone, Copy)]
pub struct LineOptions {
    /// The UI language.
    pub lang: Lang,
    /// Print `> ` before reading (for a person at a terminal; scripts
    /// reading the output get clean lines without it).
    pub prompt: bool,
    /// Which questions the review after an exam shows.
    pub review: ReviewFilter,
}

/// Runs the session to its end, printing to `out`.
pub fn run<R: BufRead, W: Write>(
    session: &mut QuizSession,
    recorder: &mut dyn AnswerSink,
    input: R,
    out: &mut W,
    clock: &mut dyn FnMut() -> Timestamp,
    options: LineOptions,
) -> anyhow::Result<()> {
    let exam = matches!(session.mode(), Mode::Exam(_));
    let mut d = Dialogue {
        session,
        recorder,
        input,
        out,
        clock,
        lang: options.lang,
        prompt: if options.prompt { "> " } else { "" },
        exam,
        review: options.review,
    };
    let mut place = Place::Asking;
    while !d.session.is_finished() {
        place = match place {
            Place::Grid => d.grid()?,
            _ => d.ask(place)?,
        };
    }
    d.finish()
}

impl<R: BufRead, W: Write> Dialogue<'_, R, W> {
    /// Shows the review grid and takes one command.
    fn grid(&mut self) -> anyhow::Result<Place> {
        let grid = render::grid(&self.session.review_grid(), self.lang);
        write!(self.out, "{grid}{}", self.prompt)?;
        self.out.flush()?;
        let Input::Line(line) = self.read_line()? else {
            self.session.stop((self.clock)());
            return Ok(Place::Grid);
        };
        let cmd = line.trim();
        let now = (self.clock)();
        if cmd.is_empty() || cmd.eq_ignore_ascii_case("submit") {
            self.session.submit(now);
        } else if matches!(cmd, "q" | "Q" | "ㅂ") {
            self.session.stop(now);
        } else if matches!(cmd, "abandon" | "그만") {
            self.session.abandon(now);
        } else if let Some(n) = cmd.parse::<usize>().ok().filter(|&n| n >= 1)
            && self.session.jump(n - 1, now)
        {
            return Ok(Place::Revisiting);
        } else if !self.session.is_finished() {
            let msg = no_such_question(cmd, self.session.len(), self.lang);
            writeln!(self.out, "{}", render::plain(&msg))?;
        }
        Ok(Place::Grid)
    }

    /// Shows the question on screen and reads lines until it is answered,
    /// skipped, or the session ends.
    fn ask(&mut self, place: Place) -> anyhow::Result<Place> {
        let Some(item) = self.session.current() else {
            return Ok(place);
        };
        let left = self.session.time_left((self.clock)());
        let text = render::question(
            item,
            self.session.position(),
            self.session.len(),
            self.lang,
            left,
        );
        write!(self.out, "{}{}", render::plain(&text), self.prompt)?;
        self.out.flush()?;
        loop {
            let Input::Line(line) = self.read_line()? else {
                if !self.prompt.is_empty() {
                    writeln!(self.out)?;
                }
                self.session.stop((self.clock)());
                return Ok(place);
            };
            if let Some(step) = self.command(line.trim())? {
                let back_to_grid = self.exam && (place == Place::Revisiting || step == Step::AtEnd);
                return Ok(if back_to_grid {
                    Place::Grid
                } else {
                    Place::Asking
                });
            }
            if self.session.tick((self.clock)()) {
                return Ok(place);
            }
            write!(self.out, "{}", self.prompt)?;
            self.out.flush()?;
        }
    }

    /// The next line that can be read: a line that is not UTF-8 is
    /// refused with a message and the prompt again.
    fn read_line(&mut self) -> anyhow::Result<Input> {
        loop {
            match read(&mut self.input)? {
                Input::Unreadable => {
                    let msg = self.lang.pick(
                        "읽을 수 없는 줄입니다 (UTF-8이 아닌 인코딩). 다시 입력하세요.",
                        "That line is not readable text (not UTF-8); type it again.",
                    );
                    write!(self.out, "{msg}\n{}", self.prompt)?;
                    self.out.flush()?;
                }
                input => return Ok(input),
            }
        }
    }

    /// Acts on one line at a question; `None` when the question stays.
    fn command(&mut self, cmd: &str) -> anyhow::Result<Option<Step>> {
        let now = (self.clock)();
        let lang = self.lang;
        Ok(match cmd {
            "" => None,
            "?" => {
                if let Some(item) = self.session.current() {
                    writeln!(self.out, "{}", render::help(item, self.exam, lang))?;
                }
                None
            }
            "q" | "Q" | "ㅂ" => {
                self.session.stop(now);
                Some(Step::Finished)
            }
            "abandon" | "그만" if self.exam => {
                self.session.abandon(now);
                Some(Step::Finished)
            }
            "s" | "S" | "ㄴ" => Some(self.session.skip(now)),
            "u" | "U" | "ㅕ" => self.undo(now)?,
            "f" if self.exam => {
                let msg = match (self.session.flag(), lang) {
                    (true, Lang::Ko) => "검토 표시를 했습니다.",
                    (false, Lang::Ko) => "검토 표시를 지웠습니다.",
                    (true, Lang::En) => "Flagged for review.",
                    (false, Lang::En) => "Flag removed.",
                };
                writeln!(self.out, "{msg}")?;
                None
            }
            text => match self.session.answer_text(text, now) {
                Ok(attempt) => {
                    let next_review = self.recorder.answered(self.session, &attempt)?;
                    if !self.exam
                        && let Some(fb) = self.session.feedback(self.session.position())
                    {
                        write!(self.out, "{}", render::plain(&render::feedback(&fb, lang)))?;
                        if let Some(due) = next_review {
                            writeln!(self.out, "{}", next_review_text(due, now, lang))?;
                        }
                    }
                    Some(self.session.next((self.clock)()))
                }
                Err(AnswerError::TimeUp | AnswerError::Finished) => Some(Step::Finished),
                Err(e) => {
                    writeln!(self.out, "{}", render::plain(&refusal(&e, lang)))?;
                    None
                }
            },
        })
    }

    /// `u`: takes the last practice answer back and asks it again.
    fn undo(&mut self, now: Timestamp) -> anyhow::Result<Option<Step>> {
        let lang = self.lang;
        if self.exam {
            let msg = lang.pick(
                "모의고사에서는 답을 되돌리지 않습니다. 그 문제로 돌아가 다시 답하면 바뀝니다.",
                "An exam answer is not taken back; go back to the question and answer again to change it.",
            );
            writeln!(self.out, "{msg}")?;
            return Ok(None);
        }
        let Some(taken) = self.recorder.undo()? else {
            writeln!(
                self.out,
                "{}",
                lang.pick("되돌릴 답이 없습니다.", "There is no answer to take back.")
            )?;
            return Ok(None);
        };
        let index = self
            .session
            .items()
            .iter()
            .position(|i| i.question.id == taken.question);
        if let Some(i) = index {
            self.session.take_back(i, now);
        }
        writeln!(
            self.out,
            "{}",
            lang.pick(
                "마지막 답을 취소했습니다. 다시 답하세요.",
                "The last answer was taken back; answer it again."
            )
        )?;
        Ok(Some(Step::Moved))
    }

    /// Ends the session, records its end, and prints the review and score.
    fn finish(self) -> anyhow::Result<()> {
        let now = (self.clock)();
        self.session.tick(now);
        self.session.stop(now);
        self.recorder.finished(self.session, now)?;
        if let Some(r) = self.session.exam_result().cloned() {
            let summary = render::exam_result(&r, self.lang);
            write!(self.out, "\n{}", render::plain(&summary))?;
        } else if self.session.ending() == Some(crate::quiz::Ending::Abandoned) {
            let text = self.lang.pick(
                "모의고사를 그만두었습니다 (채점하지 않음).",
                "Exam abandoned (not scored).",
            );
            writeln!(self.out, "\n{text}")?;
        }
        if self.exam {
            let review = ExamReview::from_session(self.session);
            let text = render::review(&review, self.review, self.lang);
            write!(self.out, "{}", render::plain(&text))?;
        }
        writeln!(self.out, "{}", render::score(self.session, self.lang))?;
        self.out.flush()?;
        Ok(())
    }
}

fn read<R: BufRead>(input: &mut R) -> std::io::Result<Input> {
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(Input::Eof);
    }
    Ok(String::from_utf8(bytes).map_or(Input::Unreadable, Input::Line))
}

fn refusal(e: &AnswerError, lang: Lang) -> String {
    match (e, lang) {
        (AnswerError::WrongCount { need, .. }, Lang::Ko) => format!("{need}개를 고르세요."),
        (AnswerError::WrongCount { need, .. }, Lang::En) => {
            format!("Pick {need} letter{}.", if *need == 1 { "" } else { "s" })
        }
        (AnswerError::Letters(crate::quiz::LetterError::Unknown(c)), Lang::Ko) => {
            format!("\"{c}\"는 보기에 없습니다. 도움말은 ?")
        }
        (AnswerError::Letters(_), Lang::Ko) => "보기의 글자를 입력하세요. 도움말은 ?".to_owned(),
        (e, Lang::Ko) => e.to_string(),
        (e, Lang::En) => format!("{e}; ? for help."),
    }
}

fn no_such_question(text: &str, len: usize, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("\"{text}\": 1부터 {len}까지의 번호를 입력하세요."),
        Lang::En => format!("\"{text}\": type a number from 1 to {len}."),
    }
}

#[cfg(test)]
#[path = "line_tests.rs"]
mod tests;
