//! The YAML frontmatter of a note: title, dates, tags and aliases in every
//! accepted form. Other keys are ignored. Errors carry the line and column
//! in the note file, not in the YAML block.

use std::borrow::Cow;

use serde_yaml::Value;

use super::fast::yaml::Plain;

use super::diagnostic::Diagnostic;
use super::message::{Found, Message, YamlPlace};
use super::model::Date;
use super::tags::Tag;

/// The fields munje reads from a note's frontmatter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frontmatter {
    /// `title`, if given as a scalar.
    pub title: Option<String>,
    /// `created` as `YYYY-MM-DD`.
    pub created: Option<Date>,
    /// `modified` as `YYYY-MM-DD`.
    pub modified: Option<Date>,
    /// Tags in file order, deduplicated.
    pub tags: Vec<Tag>,
    /// Aliases in file order.
    pub aliases: Vec<String>,
}

/// Parses the YAML of a frontmatter block that starts on file line
/// `first_line`. Problems become diagnostics; whatever is readable is kept.
pub fn parse(path: &str, yaml: &str, first_line: usize) -> (Frontmatter, Vec<Diagnostic>) {
    parse_with(path, yaml, first_line, true)
}

/// [`parse`], with or without the fast path for plain frontmatter
/// (`vault::fast::yaml`; the two must agree).
pub(crate) fn parse_with(
    path: &str,
    yaml: &str,
    first_line: usize,
    fast: bool,
) -> (Frontmatter, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut fm = Frontmatter::default();
    if yaml.trim().is_empty() {
        return (fm, diags);
    }
    if let Some(entries) = fast.then(|| super::fast::yaml::parse_plain(yaml)).flatten() {
        let fields = entries.iter().map(|(k, v)| (*k, v));
        read_fields(path, yaml, first_line, fields, &mut fm, &mut diags);
        return (fm, diags);
    }
    if let Some((rel, column)) = super::nesting::yaml_too_deep(yaml, super::nesting::MAX_NESTING) {
        let line = first_line + rel - 1;
        diags.push(with_line(
            Diagnostic::error(path, line, column, too_deep(YamlPlace::Frontmatter)),
            yaml,
            rel,
        ));
        return (fm, diags);
    }
    let value: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(err) => {
            let (line, column) = error_position(yaml, &err)
                .map_or((first_line, 1), |(l, c)| (first_line + l - 1, c));
            diags.push(with_line(
                Diagnostic::error(
                    path,
                    line,
                    column,
                    Message::InvalidYaml {
                        place: YamlPlace::Frontmatter,
                        error: strip_location(&err.to_string()),
                    },
                ),
                yaml,
                line + 1 - first_line,
            ));
            return (fm, diags);
        }
    };
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => return (fm, diags),
        other => {
            diags.push(Diagnostic::error(
                path,
                first_line,
                1,
                Message::FrontmatterNotMapping {
                    found: kind_of(&other),
                },
            ));
            return (fm, diags);
        }
    };
    let fields = map.iter().filter_map(|(k, v)| Some((k.as_str()?, v)));
    read_fields(path, yaml, first_line, fields, &mut fm, &mut diags);
    (fm, diags)
}

/// The message for YAML nested past [`super::nesting::MAX_NESTING`] in
/// `place` (a frontmatter, a question bank).
pub(crate) fn too_deep(place: YamlPlace) -> Message {
    Message::YamlTooDeep {
        place,
        limit: super::nesting::MAX_NESTING,
    }
}

/// A frontmatter value as `read_fields` needs it, from serde_yaml or from
/// the fast path (which borrows its text instead of copying it).
trait Field {
    /// The value as text, if it is a scalar.
    fn text(&self) -> Option<Cow<'_, str>>;
    /// See [`list_or_split`].
    fn list(&self, split: bool) -> Result<Vec<Cow<'_, str>>, Found>;
    fn is_null(&self) -> bool;
    fn kind(&self) -> Found;
}

impl Field for Value {
    fn text(&self) -> Option<Cow<'_, str>> {
        scalar(self).map(Cow::Owned)
    }
    fn list(&self, split: bool) -> Result<Vec<Cow<'_, str>>, Found> {
        list_or_split(self, split).map(|l| l.into_iter().map(Cow::Owned).collect())
    }
    fn is_null(&self) -> bool {
        Value::is_null(self)
    }
    fn kind(&self) -> Found {
        kind_of(self)
    }
}

impl Field for Plain<'_> {
    fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Plain::Text(s) => Some(Cow::Borrowed(s)),
            Plain::Null | Plain::List(_) => None,
        }
    }
    fn list(&self, split: bool) -> Result<Vec<Cow<'_, str>>, Found> {
        Ok(match self {
            Plain::Null => Vec::new(),
            Plain::List(items) => items.iter().map(|s| Cow::Borrowed(*s)).collect(),
            Plain::Text(s) if split => split_tags(s).map(Cow::Borrowed).collect(),
            Plain::Text(s) => vec![Cow::Borrowed(*s)],
        })
    }
    fn is_null(&self) -> bool {
        *self == Plain::Null
    }
    fn kind(&self) -> Found {
        match self {
            Plain::Null => Found::Nothing,
            Plain::Text(_) => Found::Text,
            Plain::List(_) => Found::List,
        }
    }
}

/// Tags written as one string: `a, b` or `a b`.
fn split_tags(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
}

/// Reads the known keys of the frontmatter mapping into `fm`.
fn read_fields<'v, V: Field + 'v>(
    path: &str,
    yaml: &str,
    first_line: usize,
    fields: impl Iterator<Item = (&'v str, &'v V)>,
    fm: &mut Frontmatter,
    diags: &mut Vec<Diagnostic>,
) {
    let mut problem = |key: &str, message: Message| {
        let rel = key_line(yaml, key);
        let line = first_line + rel - 1;
        diags.push(with_line(
            Diagnostic::warning(path, line, 1, message),
            yaml,
            rel,
        ));
    };
    for (key, value) in fields {
        match key {
            "title" => match value.text() {
                Some(t) if !t.trim().is_empty() => {
                    fm.title = Some(crate::text::fold_whitespace(&t));
                }
                Some(_) => {}
                None => problem(
                    key,
                    Message::TitleNotText {
                        found: value.kind(),
                    },
                ),
            },
            "created" | "modified" => match value.text().and_then(|s| date(&s)) {
                Some(d) if key == "created" => fm.created = Some(d),
                Some(d) => fm.modified = Some(d),
                None if value.is_null() => {}
                None => {
                    let found = value
                        .text()
                        .map_or_else(|| value.kind(), |s| Found::Value(s.into_owned()));
                    problem(
                        key,
                        Message::DateInvalid {
                            key: key.to_owned(),
                            found,
                        },
                    );
                }
            },
            "tags" => match value.list(true) {
                Ok(raw) => {
                    super::text::extend_unique(
                        &mut fm.tags,
                        raw.iter().filter_map(|r| Tag::parse(r)),
                    );
                }
                Err(found) => problem(key, Message::TagsNotList { found }),
            },
            "aliases" => match value.list(false) {
                Ok(raw) => fm.aliases.extend(
                    raw.into_iter()
                        .map(|a| crate::text::fold_whitespace(&a))
                        .filter(|a| !a.is_empty()),
                ),
                Err(found) => {
                    problem(key, Message::AliasesNotList { found });
                }
            },
            _ => {}
        }
    }
}

/// A scalar as text (numbers and booleans too: `title: 2024` is a title).
pub(crate) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

/// A list of scalars, or one string: split on commas and spaces for tags
/// (`a, b` / `a b`), kept whole for aliases. `Err` names what was found.
pub(crate) fn list_or_split(value: &Value, split: bool) -> Result<Vec<String>, Found> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Sequence(items) => items
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| scalar(v).ok_or_else(|| Found::ListHolding(Box::new(kind_of(v)))))
            .collect(),
        Value::Tagged(t) => list_or_split(&t.value, split),
        Value::Mapping(_) => Err(kind_of(value)),
        _ => {
            let s = scalar(value).unwrap_or_default();
            Ok(if split {
                split_tags(&s).map(str::to_owned).collect()
            } else {
                vec![s]
            })
        }
    }
}

/// `YYYY-MM-DD`, also the date part of `YYYY-MM-DD HH:MM` or `…T…`.
fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    let d = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with([' ', 'T', 't'])) {
        return None;
    }
    Date::parse(d)
}

pub(crate) fn kind_of(value: &Value) -> Found {
    match value {
        Value::Null => Found::Nothing,
        Value::Bool(_) => Found::Boolean,
        Value::Number(_) => Found::Number,
        Value::String(_) => Found::Text,
        Value::Sequence(_) => Found::List,
        Value::Mapping(_) => Found::Mapping,
        Value::Tagged(_) => Found::Tagged,
    }
}

/// 1-based line (within `yaml`) of a top-level `key:`, else 1.
fn key_line(yaml: &str, key: &str) -> usize {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 1)
}

/// Attaches the text of line `rel` (1-based, within `yaml`) as the snippet.
pub(crate) fn with_line(d: Diagnostic, yaml: &str, rel: usize) -> Diagnostic {
    match yaml.lines().nth(rel.saturating_sub(1)) {
        Some(text) => {
            let span = text.chars().count().saturating_sub(d.column - 1);
            d.with_source(text, span)
        }
        None => d,
    }
}

/// Where a YAML error is, as a 1-based line and column in `text`: the
/// parser's own position, except where it points elsewhere. A control
/// character comes without a position (it is found here), and a duplicate
/// key is placed at its first occurrence (moved here to the second, the
/// one to remove).
pub(crate) fn error_position(text: &str, err: &serde_yaml::Error) -> Option<(usize, usize)> {
    let message = err.to_string();
    if message.contains("control characters are not allowed")
        && let Some(at) = first_unprintable(text)
    {
        return Some(at);
    }
    let at = err.location().map(|l| (l.line(), l.column()))?;
    let key = message
        .split_once("duplicate entry with key \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(key, _)| key);
    let Some(key) = key else { return Some(at) };
    let indent = at.1 - 1;
    let second = text.lines().enumerate().skip(at.0).find(|(_, line)| {
        let bytes = line.as_bytes();
        bytes.len() > indent
            && bytes[..indent].iter().all(|&b| b == b' ' || b == b'-')
            && line.get(indent..).is_some_and(|rest| {
                let rest = rest.trim_start_matches(['"', '\'']);
                rest.strip_prefix(key).is_some_and(|after| {
                    after
                        .trim_start_matches(['"', '\''])
                        .trim_start()
                        .starts_with(':')
                })
            })
    });
    Some(second.map_or(at, |(ix, _)| (ix + 1, at.1)))
}

/// The first character YAML does not allow in a file (C0 controls but
/// tab and line breaks, DEL, C1 controls but NEL, U+FFFE, U+FFFF), as a
/// 1-based line and column.
pub(crate) fn first_unprintable(text: &str) -> Option<(usize, usize)> {
    let bad = |c: char| {
        matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
            || matches!(c, '\u{80}'..='\u{9f}' if c != '\u{85}')
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    text.lines()
        .enumerate()
        .find_map(|(ix, line)| line.chars().position(bad).map(|col| (ix + 1, col + 1)))
}

/// Removes serde_yaml's ` at line N column M` and ` at position N` parts:
/// those count from the YAML block, and the diagnostic already carries the
/// file position.
pub(crate) fn strip_location(message: &str) -> String {
    let message = match message.split_once(" at position ") {
        Some((head, tail)) => {
            let tail = tail.trim_start_matches(|c: char| c.is_ascii_digit());
            std::borrow::Cow::Owned(format!("{head}{tail}"))
        }
        None => std::borrow::Cow::Borrowed(message),
    };
    let mut out = String::with_capacity(message.len());
    let mut rest = &*message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
        let after = after.strip_prefix(" column ").unwrap_or(after);
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(fm: &Frontmatter) -> Vec<&str> {
        fm.tags.iter().map(Tag::as_str).collect()
    }

    #[test]
    fn block_list_flow_list_and_string_tags_are_accepted() {
        let (a, d) = parse("n.md", "tags:\n- '#Service/EMR'\n- instance/spot\n", 2);
        assert!(d.is_empty());
        assert_eq!(tags(&a), ["service/emr", "instance/spot"]);
        let (b, _) = parse("n.md", "tags: [a, b/c]\n", 2);
        assert_eq!(tags(&b), ["a", "b/c"]);
        let (c, _) = parse("n.md", "tags: 스팟, 온디맨드 비용\n", 2);
        assert_eq!(tags(&c), ["스팟", "온디맨드", "비용"]);
    }

    #[test]
    fn aliases_string_is_one_alias() {
        let (a, _) = parse("n.md", "aliases: 스팟 인스턴스\n", 2);
        assert_eq!(a.aliases, ["스팟 인스턴스"]);
        let (b, _) = parse("n.md", "aliases: [\"x\", \"y\"]\n", 2);
        assert_eq!(b.aliases, ["x", "y"]);
    }

    #[test]
    fn dates_as_date_or_string_and_other_keys_ignored() {
        let (a, d) = parse(
            "n.md",
            "created: 2025-08-21\nmodified: '2025-09-01'\ncssclass: wide\n",
            2,
        );
        assert!(d.is_empty());
        assert_eq!(a.created.as_deref(), Some("2025-08-21"));
        assert_eq!(a.modified.as_deref(), Some("2025-09-01"));
    }

    #[test]
    fn bad_date_is_a_warning_on_its_line() {
        let (a, d) = parse("n.md", "title: t\ncreated: 어제\n", 2);
        assert_eq!(a.created, None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 3);
        assert!(d[0].message.contains("'어제'"), "{}", d[0].message);
    }

    #[test]
    fn yaml_error_is_reported_at_the_file_line() {
        let yaml = "\ntitle: t\ntags: [a, b\n";
        let (_, d) = parse("n.md", yaml, 2);
        assert_eq!(d.len(), 1);
        assert!(d[0].line >= 4, "{:?}", d[0]);
        assert!(!d[0].message.contains("at line"), "{}", d[0].message);
    }

    #[test]
    fn location_text_is_removed_from_yaml_messages() {
        assert_eq!(
            strip_location(
                "did not find expected key at line 3 column 5, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
    }
}
