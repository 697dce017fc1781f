//! The command line: every subcommand and flag, documented for `--help`,
//! shell completions and the man page. Parsing only; `commands` acts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::quiz::{
    BUNDLED_NAME, Blueprint, Day, EXAM_DEFAULT_QUESTIONS, ExamRequest, QuizRequest, ReviewFilter,
    Selection, Shuffle,
};
use crate::vault::Tag;

mod order;
pub use order::query_words_last;

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

impl Cli {
    /// Parses the process's arguments, as [`Parser::parse`] does, except
    /// that after `munje search` a word starting with `-` that is not one
    /// of its options (`-tag:x`, `-#x`, `-word`) is a query word, wherever
    /// it stands: see [`query_words_last`].
    pub fn parse_args() -> Cli {
        Cli::parse_with_help(query_words_last(std::env::args_os()))
    }

    /// Parses `args` with `munje search --help` ending in the query
    /// language (operators, Korean matching, ranking) in the user's
    /// language, and a usage line that stays `munje search [OPTIONS]
    /// <QUERY>...` when `MUNJE_DATA_DIR` fills in `--data-dir`.
    pub fn parse_with_help(args: Vec<std::ffi::OsString>) -> Cli {
        use clap::{CommandFactory, FromArgMatches};
        let lang_arg = args
            .iter()
            .position(|a| a == "--lang")
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.to_str())
            .and_then(|v| Lang::from_str(v, true).ok());
        let lang = Lang::detect(lang_arg);
        let cmd = Cli::command().mut_subcommand("search", |c| {
            c.override_usage("munje search [OPTIONS] <QUERY>...")
                .after_long_help(crate::search::query_help(lang))
        });
        let matches = cmd.get_matches_from(args);
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
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
    pub lang: Option<Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every note and question bank; print each problem with its
    /// file, line and column. Exit 0 with no errors, 1 with any, 2 when a
    /// vault cannot be read.
    /// Question-quality warnings and a summary follow; they never set the exit code.
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
    /// Progress history itself: links between old and new question ids,
    /// moving it between machines, fitting the schedule to it.
    #[command(subcommand)]
    Progress(ProgressCommand),
    /// The exam history, newest first; --review reopens one exam's review.
    Exams(ExamsArgs),
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

    /// Show what munje read from one note: each question with the lines
    /// of its stem, options and key and the form recognised, and why each
    /// answer-like line around no question was not read. With `:LINE`,
    /// only what is at that line.
    #[arg(long, value_name = "PATH[:LINE]")]
    pub explain: Option<String>,

    /// Which questions to read: `strict` reads only the note format's
    /// grammar (as `questions = "strict"` in config.toml does),
    /// `tolerant` also the questions people write in their own style.
    #[arg(long, value_enum, value_name = "STYLE")]
    pub questions: Option<QuestionsArg>,
}

/// Which questions a command reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuestionsArg {
    /// Only the note format's grammar.
    Strict,
    /// The note format's grammar and the tolerant reader beside it.
    Tolerant,
}

impl From<QuestionsArg> for crate::vault::QuestionStyle {
    fn from(arg: QuestionsArg) -> Self {
        match arg {
            QuestionsArg::Strict => crate::vault::QuestionStyle::Strict,
            QuestionsArg::Tolerant => crate::vault::QuestionStyle::Tolerant,
        }
    }
}

/// Output format of `munje check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-style messages with the source line and a caret.
    Text,
    /// One JSON document with every diagnostic and the counts, and the
    /// quality lint's figures and warnings under `quality`.
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
    /// (`tmvkt`) match too. A word starting with `-` is a query word
    /// unless it is one of the options below, wherever it stands
    /// (`munje search spot -#service/emr --limit 5`), and every word
    /// after `--` is a query word. The full query language is at the end
    /// of `--help`.
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

    /// Exam shaped like a blueprint (YAML; `deck` for the bundled deck's):
    /// questions per domain in proportion to its weights. --count
    /// overrides its number of questions.
    #[arg(long, value_name = "FILE", requires = "exam")]
    pub blueprint: Option<PathBuf>,

    /// Line mode: which questions the review after an exam shows
    /// (all, wrong, flagged, unanswered).
    #[arg(long, value_name = "FILTER", default_value = "all", value_parser = parse_review_filter)]
    pub review: ReviewFilter,
}

/// Reads a blueprint file (or the bundled one, for `deck`).
fn read_blueprint(path: &std::path::Path, lang: Lang) -> Result<Blueprint, String> {
    if path.as_os_str() == BUNDLED_NAME {
        return Blueprint::bundled().map_err(|e| e.message(lang));
    }
    let text = std::fs::read_to_string(path).map_err(|e| match lang {
        Lang::Ko => format!(
            "--blueprint: \"{}\"을(를) 읽을 수 없습니다: {e}",
            path.display()
        ),
        Lang::En => format!("--blueprint: cannot read \"{}\": {e}", path.display()),
    })?;
    Blueprint::parse(&text, &path.display().to_string()).map_err(|e| e.message(lang))
}

/// Parses a review filter name for clap.
pub fn parse_review_filter(text: &str) -> Result<ReviewFilter, String> {
    ReviewFilter::parse(text)
        .ok_or_else(|| format!("\"{text}\": expected all, wrong, flagged or unanswered"))
}

impl QuizArgs {
    /// The quiz these flags ask for, for the line-mode quiz and the TUI
    /// alike; `default_seed` shuffles when no `--seed` is given. Errors
    /// name the flag and quote the value, in the UI language.
    pub fn request(&self, default_seed: u64, lang: Lang) -> Result<QuizRequest, String> {
        let tags = |list: &[String]| -> Result<Vec<Tag>, String> {
            list.iter()
                .map(|t| {
                    Tag::parse(t).ok_or_else(|| match lang {
                        Lang::Ko => format!("--tag: \"{t}\"은(는) 태그가 아닙니다"),
                        Lang::En => format!("--tag: \"{t}\" is not a tag"),
                    })
                })
                .collect()
        };
        let exam_date = self
            .exam_date
            .as_deref()
            .map(Day::parse)
            .transpose()
            .map_err(|e| match lang {
                Lang::Ko => format!(
                    "--exam-date: \"{}\"은(는) YYYY-MM-DD 형식의 날짜가 아닙니다",
                    e.0
                ),
                Lang::En => format!("--exam-date: {e}"),
            })?;
        let seed = (!self.no_shuffle).then(|| self.seed.unwrap_or(default_seed));
        let selection = Selection {
            tags: tags(&self.tags)?,
            not_tags: tags(&self.not_tags)?,
            note: self.note.clone(),
            wrong_only: self.wrong,
            due_only: self.due,
            weakest_first: self.weakest,
            // A blueprint sets its own length; --count overrides it.
            count: self
                .count
                .or((self.exam && self.blueprint.is_none()).then_some(EXAM_DEFAULT_QUESTIONS)),
            shuffle: seed.map_or(Shuffle::Off, Shuffle::Seeded),
            exam_date,
            questions: Vec::new(),
        };
        let title = self
            .note
            .clone()
            .or_else(|| {
                (!selection.tags.is_empty()).then(|| {
                    let names: Vec<&str> = selection.tags.iter().map(Tag::as_str).collect();
                    format!("#{}", names.join(" #"))
                })
            })
            .or_else(|| {
                self.wrong
                    .then(|| lang.pick("오답노트", "wrong answers").to_owned())
            })
            .or_else(|| {
                self.due
                    .then(|| lang.pick("오늘의 복습", "today's reviews").to_owned())
            });
        let blueprint = self
            .blueprint
            .as_deref()
            .map(|path| read_blueprint(path, lang))
            .transpose()?;
        let title = title.or_else(|| blueprint.as_ref().map(|b| b.name.clone()));
        Ok(QuizRequest {
            blueprint,
            selection,
            exam: self.exam.then_some(ExamRequest {
                minutes: self.minutes,
                pass: self.pass,
            }),
            title,
        })
    }
}

/// Options of `munje stats`.
#[derive(Debug, Args, Clone)]
pub struct StatsArgs {
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,

    /// Forecast readiness for an exam on this day (YYYY-MM-DD) instead of
    /// the start of the next learning day, with the reviews a day it takes.
    #[arg(long, value_name = "DATE")]
    pub exam_date: Option<String>,
}

/// Options of `munje exams`.
#[derive(Debug, Args, Clone)]
pub struct ExamsArgs {
    /// Print the history as JSON.
    #[arg(long)]
    pub json: bool,

    /// Print the question-by-question review of one exam: its number in
    /// the list (1 is the newest), `latest`, or its id.
    #[arg(long, value_name = "EXAM")]
    pub review: Option<String>,

    /// Which questions the review shows (all, wrong, flagged, unanswered).
    #[arg(long, value_name = "FILTER", default_value = "all", value_parser = parse_review_filter, requires = "review")]
    pub filter: ReviewFilter,
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

    /// With --export: replace FILE if it exists (never a vault note).
    #[arg(long, requires = "export")]
    pub force: bool,
}

/// `munje progress …`.
#[derive(Debug, Subcommand, Clone)]
pub enum ProgressCommand {
    /// List every link from an old question id to a new one (automatic
    /// and by hand; undone ones marked).
    Links,
    /// Attach the history recorded under OLD_ID to the question NEW_ID
    /// (as `munje check` suggests for history whose question is gone).
    Relink {
        /// The id the history was recorded under.
        old_id: String,
        /// The id of a question in the vault.
        new_id: String,
    },
    /// Undo the link of OLD_ID: its history is its own again (the link
    /// stays listed, marked undone).
    Unlink {
        /// The old id of the link to undo.
        old_id: String,
    },
    /// Write every attempt, session, card state and link as JSON Lines
    /// to FILE (stdout without one).
    Export {
        /// Where to write (outside the vault); an existing file is
        /// refused without --force.
        file: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Merge a file written by `progress export` into this database, in
    /// one transaction: importing it twice changes nothing, and a
    /// malformed line is reported by number while the others are kept.
    Import {
        /// The JSON Lines file.
        file: PathBuf,
    },
    /// Fit FSRS parameters to your own answers (once there are enough
    /// reviews: the fsrs crate's minimum) and schedule with them from now
    /// on. `munje stats` says whether they are in use.
    Optimize,
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
