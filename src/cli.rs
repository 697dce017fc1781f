//! The command line: every subcommand and flag, documented for `--help`,
//! shell completions and the man page. Parsing only; `commands` acts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::quiz::{Day, Selection, Shuffle};
use crate::vault::Tag;

/// Exam practice from Korean markdown study notes, in the terminal.
///
/// With no command, munje opens the full-screen app on the vault: the
/// bundled Korean deck on Spot/On-Demand and EMR sizing, or your own notes
/// with --notes.
#[derive(Debug, Parser)]
#[command(name = "munje", version, about, long_about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Where the notes are and where progress is kept.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// What to do; none opens the full-screen app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

const AFTER_HELP: &str = "\
Environment:
  MUNJE_NOTES     default vault folder(s) when --notes is not given,
                  separated like PATH (':' on Unix)
  MUNJE_DATA_DIR  where progress.db is kept (default: the XDG data folder)
  LANG            UI language: Korean when it starts with 'ko'
  NO_COLOR        turn colours off

munje never writes into a vault.";

/// Options every command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// A vault folder of markdown notes (repeat to merge several vaults).
    /// Default: `$MUNJE_NOTES`, else the bundled deck.
    #[arg(long = "notes", value_name = "DIR", global = true)]
    pub notes: Vec<PathBuf>,

    /// Keep progress in DIR/progress.db instead of the XDG data folder.
    #[arg(long, value_name = "DIR", env = "MUNJE_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Language of munje's own text (default: from LANG).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 한국어
    Ko,
    /// English
    En,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every note and question bank; print each problem with its
    /// file, line and column. Exit 0 with no errors, 1 with any, 2 when a
    /// vault cannot be read.
    Check(CheckArgs),
    /// Print the whole vault as JSON on stdout (diagnostics included).
    Export,
    /// Print the tag tree with note and question counts at each node.
    Tags,
    /// Search notes and questions; see QUERY for the query language.
    Search(SearchArgs),
    /// Take a quiz: the full-screen quiz on a terminal, a line-mode quiz
    /// with --plain or when input is not a terminal.
    Quiz(QuizArgs),
    /// Show progress: attempts, accuracy by tag, due counts, streak.
    Stats(StatsArgs),
    /// The wrong-answer notebook (오답노트): questions you missed.
    Wrong(WrongArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on stdout.
    Man,
}

/// Options of `munje check`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Output format of `munje check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-style messages with the source line and a caret.
    Text,
    /// One JSON document with every diagnostic and the counts.
    Json,
}

/// Options of `munje search`.
#[derive(Debug, Args, Clone)]
pub struct SearchArgs {
    /// The query. Words must all match (fuzzy on title, aliases, heading
    /// and tags; substring in the body and questions). Operators:
    /// `tag:service/emr` or `#service/emr` (hierarchical), `-tag:x`, `-#x`
    /// and `-word` exclude, `"exact phrase"`, `title:word`, `alias:word`,
    /// `has:question`, `is:wrong`, `is:due`. Korean initial consonants
    /// (`ㅅㅍ` finds 스팟) and words typed on the wrong keyboard layout
    /// (`tmvkt`) match too. Put `--` before the query when a word of it
    /// starts with `-` (`munje search -- spot -#service/emr`).
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,

    /// Show at most N hits.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// Print hits as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `munje quiz`.
#[derive(Debug, Args, Clone, Default)]
pub struct QuizArgs {
    /// Only questions with this tag or one under it (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Leave out questions with this tag or one under it (repeatable).
    #[arg(long = "not-tag", value_name = "TAG")]
    pub not_tags: Vec<String>,

    /// Only the questions of the note with this title (or file name, or alias).
    #[arg(long, value_name = "TITLE")]
    pub note: Option<String>,

    /// Only questions from the wrong-answer notebook (오답노트).
    #[arg(long)]
    pub wrong: bool,

    /// Only questions due for review.
    #[arg(long)]
    pub due: bool,

    /// Weakest tags first.
    #[arg(long)]
    pub weakest: bool,

    /// Ask at most N questions.
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,

    /// Seed for the shuffle, to repeat a session exactly.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,

    /// Keep questions and options in the order of the notes.
    #[arg(long)]
    pub no_shuffle: bool,

    /// Exam simulation: a time limit, no feedback until you submit.
    #[arg(long)]
    pub exam: bool,

    /// Exam time limit in minutes (default: 2 minutes a question).
    #[arg(long, value_name = "M", requires = "exam")]
    pub minutes: Option<u32>,

    /// Exam pass mark on the 100–1000 scale.
    #[arg(long, value_name = "P", default_value_t = 720, requires = "exam")]
    pub pass: u32,

    /// Plan reviews so every question is seen before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub exam_date: Option<String>,

    /// Line mode: no escape codes, one line of input per answer.
    #[arg(long)]
    pub plain: bool,
}

/// An exam without `--count` asks at most this many (the associate format).
pub const EXAM_DEFAULT_QUESTIONS: usize = 65;

impl QuizArgs {
    /// The questions these flags ask for, for the line-mode quiz and the
    /// TUI alike; `default_seed` shuffles when no `--seed` is given. Errors
    /// name the flag and quote the value.
    pub fn selection(&self, default_seed: u64) -> Result<Selection, String> {
        let tags = |list: &[String]| -> Result<Vec<Tag>, String> {
            list.iter()
                .map(|t| Tag::parse(t).ok_or_else(|| format!("\"{t}\" is not a tag")))
                .collect()
        };
        let exam_date = self
            .exam_date
            .as_deref()
            .map(Day::parse)
            .transpose()
            .map_err(|e| format!("--exam-date: {e}"))?;
        let seed = (!self.no_shuffle).then(|| self.seed.unwrap_or(default_seed));
        Ok(Selection {
            tags: tags(&self.tags)?,
            not_tags: tags(&self.not_tags)?,
            note: self.note.clone(),
            wrong_only: self.wrong,
            due_only: self.due,
            weakest_first: self.weakest,
            count: self.count.or(self.exam.then_some(EXAM_DEFAULT_QUESTIONS)),
            shuffle: seed.map_or(Shuffle::Off, Shuffle::Seeded),
            exam_date,
        })
    }
}

/// Options of `munje stats`.
#[derive(Debug, Args, Clone)]
pub struct StatsArgs {
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `munje wrong`.
#[derive(Debug, Args, Clone)]
pub struct WrongArgs {
    /// Print the notebook as JSON.
    #[arg(long)]
    pub json: bool,

    /// Write the notebook as a markdown note to FILE (outside the vault).
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn quiz_args(words: &[&str]) -> QuizArgs {
        let cli =
            Cli::try_parse_from(std::iter::once("munje").chain(words.iter().copied())).unwrap();
        match cli.command {
            Some(Command::Quiz(args)) => args,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn quiz_flags_become_a_selection() {
        let sel = quiz_args(&["quiz", "--exam", "--tag", "#Service/EMR", "--not-tag", "x"])
            .selection(7)
            .unwrap();
        assert_eq!(sel.count, Some(EXAM_DEFAULT_QUESTIONS));
        assert_eq!(sel.tags, [Tag::parse("service/emr").unwrap()]);
        assert_eq!(sel.shuffle, Shuffle::Seeded(7));
        let sel = quiz_args(&["quiz", "--seed", "3", "--count", "5"])
            .selection(7)
            .unwrap();
        assert_eq!((sel.shuffle, sel.count), (Shuffle::Seeded(3), Some(5)));
        let sel = quiz_args(&["quiz", "--no-shuffle"]).selection(7).unwrap();
        assert_eq!(sel.shuffle, Shuffle::Off);
    }

    #[test]
    fn bad_quiz_flags_name_the_flag_and_value() {
        let err = quiz_args(&["quiz", "--tag", "#"]).selection(0).unwrap_err();
        assert!(err.contains("\"#\" is not a tag"), "{err}");
        let err = quiz_args(&["quiz", "--exam-date", "2026-02-30"])
            .selection(0)
            .unwrap_err();
        assert!(err.starts_with("--exam-date"), "{err}");
    }

    #[test]
    fn notes_flag_repeats_and_works_after_the_subcommand() {
        let cli = Cli::try_parse_from(["munje", "check", "--notes", "a", "--notes", "b"]).unwrap();
        assert_eq!(cli.global.notes, [PathBuf::from("a"), PathBuf::from("b")]);
    }
}
