//! Every diagnostic's words in English. `munje check --format json` keeps
//! these as its stable `message`, whatever the UI language.

use super::{Found, Message, SpecialFile, YamlPlace};
use crate::vault::tolerant::KeyForm;

fn found(f: &Found) -> String {
    match f {
        Found::Nothing => "nothing".into(),
        Found::Boolean => "a boolean".into(),
        Found::Number => "a number".into(),
        Found::Text => "text".into(),
        Found::List => "a list".into(),
        Found::Mapping => "a mapping".into(),
        Found::Tagged => "a tagged value".into(),
        Found::ListHolding(inner) => format!("a list holding {}", found(inner)),
        Found::Value(v) => format!("'{v}'"),
    }
}

fn place(p: YamlPlace) -> &'static str {
    match p {
        YamlPlace::Frontmatter => "frontmatter",
        YamlPlace::Bank => "question bank",
    }
}

fn special(s: SpecialFile) -> &'static str {
    match s {
        SpecialFile::Pipe => "a named pipe (FIFO)",
        SpecialFile::Socket => "a socket",
        SpecialFile::Device => "a device",
        SpecialFile::Other => "a special file",
    }
}

/// A key form's name, as `check` lists the forms.
pub(crate) fn mark(k: KeyForm) -> &'static str {
    k.name()
}

/// The text of `m`.
#[allow(clippy::too_many_lines)] // one table, read top to bottom
pub(super) fn text(m: &Message) -> String {
    use Message as M;
    match m {
        M::Dropped { dropped, limit } => {
            format!("{dropped} more problems in this file are not shown (limit {limit} a file)")
        }
        M::BinaryFile => "binary file (NUL byte): skipped, notes must be UTF-8 text".into(),
        M::InvalidUtf8 { byte, offset } => {
            format!("invalid UTF-8 (byte 0x{byte:02x} at offset {offset}): file skipped")
        }
        M::CannotReadFile { error } => format!("cannot read file: {error}"),
        M::FileTooLarge { size, max, bank } => format!(
            "file is {size} bytes, over the {max}-byte limit for a {}; skipped",
            if *bank { "question bank" } else { "note" }
        ),
        M::WalkBudget { budget } => format!(
            "the walk stopped after visiting {budget} files and folders, more than any \
             vault holds; the rest of the folder is not read"
        ),
        M::WalkSkipped { error } => format!("skipped while walking the vault: {error}"),
        M::NotRegularFile { what } => format!("not read: {}, not a regular file", special(*what)),
        M::LinkUnfollowable { error } => {
            format!("skipped while walking the vault: the link cannot be followed: {error}")
        }
        M::LinkOutside { target } => {
            format!("not followed: the link leads outside the vault, to '{target}'")
        }
        M::LinkLoop { target } => format!(
            "File system loop found: the link leads to '{target}', a folder above it; not followed"
        ),
        M::LinkToSpecial { what } => {
            format!(
                "not read: the link leads to {}, not a regular file",
                special(*what)
            )
        }
        M::YamlTooDeep { place: p, limit } => format!(
            "{} nests lists or maps deeper than {limit} levels; it is not read",
            place(*p)
        ),
        M::InvalidYaml { place: p, error } => format!("invalid YAML in {}: {error}", place(*p)),
        M::FrontmatterNotMapping { found: f } => format!(
            "frontmatter must be a mapping of keys (title:, tags:, …), found {}",
            found(f)
        ),
        M::FrontmatterUnclosed => {
            "frontmatter opened with '---' is never closed; the whole file is read as body".into()
        }
        M::TitleNotText { found: f } => format!("title must be text, found {}", found(f)),
        M::DateInvalid { key, found: f } => {
            format!("{key} must be a date YYYY-MM-DD, found {}", found(f))
        }
        M::TagsNotList { found: f } => format!("tags must be a list or text, found {}", found(f)),
        M::AliasesNotList { found: f } => {
            format!("aliases must be a list or text, found {}", found(f))
        }
        M::MarkdownTooDeep { limit, lines } => format!(
            "quotes or lists nested deeper than {limit} levels on {lines} line(s); \
             the deeper levels are read as text"
        ),
        M::OptionWithoutLetter { text } => {
            format!("option '{text}' does not start with a letter such as 'A)'")
        }
        M::ExplanationWithoutOption { letter, bank } => format!(
            "explanation for option '{letter}', but the {} has no option {letter}",
            if *bank { "entry" } else { "question" }
        ),
        M::NoStemText => "question has no text after its label".into(),
        M::TooFewOptions { found } => {
            format!("a question needs at least 2 options, found {found}")
        }
        M::NoAnswerLine => "question has no answer line such as '정답: B'".into(),
        M::AnswerNamesNoLetter { answer } => {
            format!("answer '{answer}' names no option letter (A–J)")
        }
        M::AnswerLetterWithoutOption { letter } => {
            format!("answer letter '{letter}' has no option")
        }
        M::OptionLetterRepeats { letter } => format!("option letter '{letter}' repeats"),
        M::OptionLettersSkip { from, to } => {
            format!("option letters skip from '{from}' to '{to}'")
        }
        M::OptionLettersSkipTo { to, expected } => {
            format!("option letters skip to '{to}' (expected '{expected}')")
        }
        M::BankNotList { found: f } => format!(
            "a question bank must be a list of entries ('- question: …'), found {}",
            found(f)
        ),
        M::BankEntryNotMapping { found: f } => format!(
            "a bank entry must be a mapping with 'question:', found {}",
            found(f)
        ),
        M::BankEntryNoQuestion => "bank entry has no 'question:' text; entry skipped".into(),
        M::BankEntryNoAnswer => "bank entry has no 'answer:'; it is left out of quizzes".into(),
        M::OptionKeyNotLetter { key } => format!("option key '{key}' is not a letter A–J"),
        M::TooManyOptions => "more than 10 options (A–J)".into(),
        M::OptionsNotMappingOrList { found: f } => {
            format!("options must be a mapping or a list, found {}", found(f))
        }
        M::BankNoteMissing { name } => {
            format!("note '{name}' is not in the vault; the entry keeps only its own tags")
        }
        M::DuplicateId {
            id,
            other,
            line,
            derived,
        } => format!(
            "question id '{id}' is also used at {other}:{line}; their progress would be shared{}",
            if *derived {
                " (give one its own id: '^name' at the end of its stem, 'id:' in a bank)"
            } else {
                " (ids must be unique across the vault: rename one)"
            }
        ),
        M::Orphan { id, answers, stem } => match stem {
            Some(stem) => format!(
                "history of a question no longer in the vault: {id} ({answers} answers, last seen \
                 as \"{stem}\"); attach it with munje progress relink {id} NEW_ID"
            ),
            None => format!(
                "history of a question no longer in the vault: {id} ({answers} answers); attach \
                 it with munje progress relink {id} NEW_ID"
            ),
        },
        M::UnreadHint { why, path, line } => format!(
            "this note has an answer-like line but no question was read: {} (see `munje check \
             --explain {path}:{line}`)",
            text(why)
        ),
        M::AnswerVsMark {
            said,
            marked,
            line,
            mark: k,
        } => format!(
            "the answer line says {said}, but option {marked} (line {line}) is marked by {}; the \
             question is not read",
            mark(*k)
        ),
        M::MarksDisagree {
            first,
            first_mark,
            second,
            second_mark,
        } => format!(
            "option {first} is marked by {} and option {second} by {}; the question is not read",
            mark(*first_mark),
            mark(*second_mark)
        ),
        M::MarksUnasked {
            options,
            mark: k,
            count,
        } => format!(
            "options {options} are all marked by {}, but the stem does not ask for {count}; the \
             question is not read",
            mark(*k)
        ),
        M::AnswersDisagree {
            line,
            first,
            second,
        } => format!(
            "two answer lines disagree: line {line} says {first}, this one says {second}; the \
             question is not read"
        ),
        M::AnswerNamesNoOption { answer, range } => format!(
            "answer '{answer}' names no option: the options are {range}; the question is not read"
        ),
        M::AnswerUnsure { answer } => {
            format!("answer '{answer}?' is marked as unsure; it is not read as the key")
        }
        M::LabelRepeats { label } => {
            format!("option label '{label}' repeats; the question is not read")
        }
        M::LabelsSkip { from, to } => {
            format!("option labels skip from '{from}' to '{to}'; the question is not read")
        }
        M::LabelsStartLate { label } => {
            format!("options start at '{label}', not at the first label; the question is not read")
        }
        M::WhyNoStem { from, to } => {
            format!("options found at {from}–{to}, but no stem above them")
        }
        M::WhyNoKey { from, to } => format!(
            "options found at {from}–{to} under a stem, but no answer line or key mark for them"
        ),
        M::WhyQuestions { from, to } => {
            format!("the list at {from}–{to} asks questions; it is not a list of options")
        }
        M::WhyConflict { from, to } => {
            format!("options found at {from}–{to}, but their key conflicts (see the warning)")
        }
        M::WhyOwnPickIn { why } => format!(
            "'(선택)' marks the author's own pick, which is never the key; {}",
            text(why)
        ),
        M::WhyEveryOptionMarked { from, to, mark: k } => format!(
            "every option at {from}–{to} carries {}, so it marks none of them",
            match k {
                KeyForm::Star => "⭐",
                KeyForm::Check => "a check mark",
                _ => "(정답)",
            }
        ),
        M::WhyAnswerNamesNone { from, to, answer } => {
            format!("options found at {from}–{to}, but '{answer}' names none of them")
        }
        M::WhyOwnPick => "the author's own pick is never read as the key".into(),
        M::WhyNamesNoLabel { answer } => {
            format!("'{answer}' names no option label or option text")
        }
        M::WhyTooFar => "this answer line is too far from the options above it, or another \
                         question starts between them"
            .into(),
        M::WhyNoOptionsAbove => "no options found above this answer line".into(),
        M::WhyStrayMark => "a key mark on a line that is not one of a question's options".into(),
        M::WhyStrictOff { first, last } => format!(
            "the tolerant reader is off (questions = \"strict\"); it would read the question at \
             {first}–{last}"
        ),
    }
}
