//! Question banks: `questions/*.yaml` (or `.yml`) files holding a list of
//! entries that belong to no single note. Errors carry the YAML file's
//! line and column. Linking an entry to its note happens in `load`, once
//! every note is known.

use serde_yaml::{Mapping, Value};

use super::diagnostic::{Diagnostic, MAX_PER_FILE, dropped_summary};
use super::frontmatter::{
    error_position, kind_of, list_or_split, scalar, strip_location, too_deep, with_line,
};
use super::labels::answer_letters;
use super::message::{Message, YamlPlace};
use super::model::{Explanations, Letter, OptionDraft, Question, QuestionId, QuestionOrigin};
use super::tags::Tag;

/// A parsed bank file, not yet in a vault.
#[derive(Debug, Clone, Default)]
pub struct ParsedBank {
    /// Path relative to its root.
    pub path: String,
    /// Its questions in file order; `note_title` holds the `note:` name as
    /// written until the vault resolves it.
    pub questions: Vec<Question>,
    /// For each question, the file line of its `note:` key (for a
    /// "note not found" diagnostic).
    pub note_lines: Vec<usize>,
    /// Everything wrong with the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// True when a relative path is a bank: a `.yaml`/`.yml` under `questions/`.
pub fn is_bank_path(rel: &str) -> bool {
    let mut segments = rel.split('/');
    let file = segments.next_back().unwrap_or_default();
    // As `Path::extension`: a leading dot starts a name, not an extension.
    let ext = file
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, e)| e);
    ext.is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        && segments.any(|s| s.eq_ignore_ascii_case("questions"))
}

/// Parses a bank file. `Err` is a file that is not UTF-8 text.
pub fn parse_bank(path: &str, bytes: impl AsRef<[u8]>) -> Result<ParsedBank, Diagnostic> {
    let text = super::scan::decode(path, bytes.as_ref())?;
    Ok(parse_bank_text(path, &text))
}

/// Moves a position past the last line (where the YAML parser reports the
/// end of input) to just after the last line's text.
fn inside_text(text: &str, line: usize, column: usize) -> (usize, usize) {
    match text.lines().enumerate().last() {
        Some((ix, last)) if line > ix + 1 => (ix + 1, last.chars().count() + 1),
        _ => (line, column),
    }
}

fn parse_bank_text(path: &str, text: &str) -> ParsedBank {
    let mut bank = ParsedBank {
        path: path.to_owned(),
        ..ParsedBank::default()
    };
    if let Some((line, column)) = super::nesting::yaml_too_deep(text, super::nesting::MAX_NESTING) {
        let message = too_deep(YamlPlace::Bank);
        bank.diagnostics.push(with_line(
            Diagnostic::error(path, line, column, message),
            text,
            line,
        ));
        return bank;
    }
    let value: Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(err) => {
            let (line, column) = error_position(text, &err).unwrap_or((1, 1));
            let (line, column) = inside_text(text, line, column);
            let message = Message::InvalidYaml {
                place: YamlPlace::Bank,
                error: strip_location(&err.to_string()),
            };
            bank.diagnostics.push(with_line(
                Diagnostic::error(path, line, column, message),
                text,
                line,
            ));
            return bank;
        }
    };
    let entries = match value {
        Value::Sequence(entries) => entries,
        Value::Null => return bank,
        other => {
            let message = Message::BankNotList {
                found: kind_of(&other),
            };
            bank.diagnostics
                .push(with_line(Diagnostic::error(path, 1, 1, message), text, 1));
            return bank;
        }
    };
    // Lines once: every lookup below stays inside one entry's lines.
    let lines: Vec<&str> = text.lines().collect();
    let starts = entry_lines(&lines);
    let mut dropped = 0;
    for (i, entry) in entries.iter().enumerate() {
        let start = starts.get(i).copied().unwrap_or(1);
        let end = starts.get(i + 1).copied().unwrap_or(lines.len() + 1);
        let mut e = Entry {
            path,
            lines: &lines,
            start,
            end,
            diags: &mut bank.diagnostics,
            dropped: &mut dropped,
        };
        let Value::Mapping(map) = entry else {
            let message = Message::BankEntryNotMapping {
                found: kind_of(entry),
            };
            e.error("", message);
            continue;
        };
        if let Some((q, note_line)) = e.question(map) {
            bank.questions.push(q);
            bank.note_lines.push(note_line);
        }
    }
    if dropped > 0 {
        let last = lines.len().max(1);
        bank.diagnostics.push(dropped_summary(path, last, dropped));
    }
    bank
}

/// 1-based lines where top-level list entries (`- …` at column 0) start.
fn entry_lines(lines: &[&str]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || **l == "-")
        .map(|(i, _)| i + 1)
        .collect()
}

struct Entry<'a> {
    path: &'a str,
    lines: &'a [&'a str],
    start: usize,
    end: usize,
    diags: &'a mut Vec<Diagnostic>,
    dropped: &'a mut usize,
}

impl Entry<'_> {
    /// The line of `key:` inside this entry, else the entry's first line.
    fn key_line(&self, key: &str) -> usize {
        if key.is_empty() {
            return self.start;
        }
        let from = (self.start - 1).min(self.lines.len());
        let to = (self.end - 1).clamp(from, self.lines.len());
        self.lines[from..to]
            .iter()
            .enumerate()
            .map(|(i, l)| (i + from, l))
            .find(|(_, l)| {
                let l = l.trim_start().trim_start_matches("- ").trim_start();
                l.strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map_or(self.start, |(i, _)| i + 1)
    }

    fn report(&mut self, key: &str, message: Message, error: bool) {
        if self.diags.len() >= MAX_PER_FILE {
            *self.dropped += 1;
            return;
        }
        let line = self.key_line(key);
        let text = self.lines.get(line - 1).copied().unwrap_or_default();
        let column = 1 + text.chars().take_while(|c| *c == ' ' || *c == '-').count();
        let d = if error {
            Diagnostic::error(self.path, line, column, message)
        } else {
            Diagnostic::warning(self.path, line, column, message)
        };
        let span = text.chars().count().saturating_sub(column - 1);
        self.diags.push(d.with_source(text, span));
    }

    fn error(&mut self, key: &str, message: Message) {
        self.report(key, message, true);
    }

    /// An error at option key `key` of this entry's `options:` map (on
    /// the `options:` line of a flow map, or on a line of its own below),
    /// else at `options:` itself.
    fn option_error(&mut self, key: &str, message: Message) {
        let options = self.key_line("options");
        let Some((line, column)) = self.option_key_position(options, key) else {
            self.error("options", message);
            return;
        };
        if self.diags.len() >= MAX_PER_FILE {
            *self.dropped += 1;
            return;
        }
        let text = self.lines.get(line - 1).copied().unwrap_or_default();
        let span = key.chars().count().max(1);
        let d = Diagnostic::error(self.path, line, column, message).with_source(text, span);
        self.diags.push(d);
    }

    /// Where `key:` is inside the options map that starts on `line`.
    fn option_key_position(&self, line: usize, key: &str) -> Option<(usize, usize)> {
        let is_key_at = |text: &str, at: usize| {
            let rest = text[at..].trim_start_matches(['"', '\'']);
            rest.strip_prefix(key).is_some_and(|after| {
                after
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
            })
        };
        let first = *self.lines.get(line - 1)?;
        // A flow map on the `options:` line: `{A: x, Q: y}`.
        if let Some(open) = first.find('{') {
            let found = first[open..]
                .char_indices()
                .filter(|&(_, c)| c == '{' || c == ',')
                .map(|(i, c)| open + i + c.len_utf8())
                .map(|i| i + first[i..].len() - first[i..].trim_start().len())
                .find(|&i| is_key_at(first, i));
            return found.map(|i| (line, first[..i].chars().count() + 1));
        }
        let indent = |t: &str| t.len() - t.trim_start().len();
        let base = indent(first);
        self.lines
            .iter()
            .enumerate()
            .take(self.end.saturating_sub(1))
            .skip(line)
            .take_while(|(_, t)| t.trim().is_empty() || indent(t) > base)
            .find(|(_, t)| is_key_at(t, indent(t)))
            .map(|(ix, t)| (ix + 1, t[..indent(t)].chars().count() + 1))
    }

    fn question(&mut self, map: &Mapping) -> Option<(Question, usize)> {
        let get = |k: &str| map.get(k).filter(|v| !v.is_null());
        let Some(stem) = get("question")
            .and_then(scalar)
            .map(|s| plain(&s))
            .filter(|s| !s.is_empty())
        else {
            self.error("", Message::BankEntryNoQuestion);
            return None;
        };
        let mut errors = 0;
        let options = self.options(get("options"), &mut errors);
        let answer = self.answer(get("answer"), &options, &mut errors);
        let explanations = self.explanations(get("explanations"), &options);
        let explanation = get("explanation")
            .and_then(scalar)
            .map(|s| plain(&s))
            .filter(|s| !s.is_empty());
        let mut tags: Vec<Tag> = Vec::new();
        if let Some(v) = get("tags") {
            match list_or_split(v, true) {
                Ok(raw) => {
                    super::text::extend_unique(&mut tags, raw.iter().filter_map(|r| Tag::parse(r)));
                }
                Err(found) => self.report("tags", Message::TagsNotList { found }, false),
            }
        }
        let note = get("note")
            .and_then(scalar)
            .map(|s| crate::text::fold_whitespace(&s));
        let id = match get("id").and_then(scalar) {
            Some(id) if !id.trim().is_empty() => QuestionId(id.trim().into()),
            _ => super::id::question_id(note.as_deref().unwrap_or(""), &stem),
        };
        let question = Question {
            id,
            origin: QuestionOrigin::Bank(0),
            line: self.start,
            stem: stem.into(),
            options: options.into_iter().collect(),
            answer: answer.into_iter().collect(),
            explanations,
            explanation: explanation.map(Into::into),
            tags: tags.into(),
            note_title: note.map(Into::into),
            note: None,
            quizzable: errors == 0,
            form: crate::vault::Form::Strict,
        };
        Some((question, self.key_line("note")))
    }

    fn answer(
        &mut self,
        value: Option<&Value>,
        options: &[OptionDraft],
        errors: &mut usize,
    ) -> Vec<Letter> {
        let mut answer: Vec<Letter> = Vec::new();
        match value {
            None => {
                *errors += 1;
                self.error("", Message::BankEntryNoAnswer);
            }
            Some(v) => {
                let raw: Vec<String> = match v {
                    Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
                    other => scalar(other).into_iter().collect(),
                };
                for r in &raw {
                    let found = answer_letters(r.trim());
                    if found.is_empty() {
                        *errors += 1;
                        self.error("answer", Message::AnswerNamesNoLetter { answer: r.clone() });
                    }
                    answer.extend(found.into_iter().map(|(l, _)| l));
                }
            }
        }
        answer.sort_unstable();
        answer.dedup();
        for &l in &answer {
            if !options.iter().any(|o| o.letter == l) {
                *errors += 1;
                self.error("answer", Message::AnswerLetterWithoutOption { letter: l });
            }
        }
        answer
    }

    fn explanations(&mut self, value: Option<&Value>, options: &[OptionDraft]) -> Explanations {
        let mut explanations = Vec::new();
        if let Some(Value::Mapping(m)) = value {
            for (k, v) in m {
                let Some(letter) = scalar(k).and_then(|k| single_letter(&k)) else {
                    continue;
                };
                if !options.iter().any(|o| o.letter == letter) {
                    self.report(
                        "explanations",
                        Message::ExplanationWithoutOption { letter, bank: true },
                        false,
                    );
                    continue;
                }
                if let Some(t) = scalar(v) {
                    explanations.push((letter, plain(&t)));
                }
            }
        }
        // Collecting sorts by letter, a repeated letter's last text winning.
        explanations.into_iter().collect()
    }

    fn options(&mut self, value: Option<&Value>, errors: &mut usize) -> Vec<OptionDraft> {
        let mut options = Vec::new();
        match value {
            Some(Value::Mapping(m)) => {
                for (k, v) in m {
                    let key = scalar(k).unwrap_or_default();
                    let Some(letter) = single_letter(&key) else {
                        *errors += 1;
                        let message = Message::OptionKeyNotLetter { key: key.clone() };
                        self.option_error(&key, message);
                        continue;
                    };
                    options.push(OptionDraft {
                        letter,
                        text: plain(&scalar(v).unwrap_or_default()),
                    });
                }
            }
            Some(Value::Sequence(items)) => {
                for (i, v) in items.iter().enumerate() {
                    let Some(letter) = u8::try_from(i)
                        .ok()
                        .filter(|&i| i < 10)
                        .map(|i| char::from(b'A' + i))
                    else {
                        *errors += 1;
                        self.error("options", Message::TooManyOptions);
                        break;
                    };
                    let text = scalar(v).unwrap_or_default();
                    // A list may still carry its letters: `- A) 30초`.
                    let text = super::labels::option_item(&text)
                        .filter(|(l, _)| *l == letter)
                        .map_or(text.as_str(), |(_, t)| t)
                        .to_owned();
                    options.push(OptionDraft {
                        letter,
                        text: plain(&text),
                    });
                }
            }
            Some(other) => {
                *errors += 1;
                self.error(
                    "options",
                    Message::OptionsNotMappingOrList {
                        found: kind_of(other),
                    },
                );
            }
            None => {}
        }
        let mut expected = 'A';
        let mut seen = Vec::new();
        for o in &options {
            if seen.contains(&o.letter) {
                *errors += 1;
                let message = Message::OptionLetterRepeats { letter: o.letter };
                self.option_error(&o.letter.to_string(), message);
            } else if o.letter != expected {
                *errors += 1;
                let message = Message::OptionLettersSkipTo {
                    to: o.letter,
                    expected,
                };
                self.option_error(&o.letter.to_string(), message);
            }
            seen.push(o.letter);
            expected = char::from_u32(o.letter as u32 + 1).unwrap_or('K');
        }
        if options.len() < 2 {
            *errors += 1;
            self.error(
                "",
                Message::TooFewOptions {
                    found: options.len(),
                },
            );
        }
        options
    }
}

fn single_letter(s: &str) -> Option<Letter> {
    let mut chars = s.trim().chars();
    let c = chars.next()?.to_ascii_uppercase();
    (chars.next().is_none() && ('A'..='J').contains(&c)).then_some(c)
}

fn plain(s: &str) -> String {
    super::text::fold_unbold(&crate::text::nfc(s))
}

#[cfg(test)]
#[path = "bank_tests.rs"]
mod tests;
