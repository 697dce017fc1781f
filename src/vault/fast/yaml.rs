//! A fast reader for the plain frontmatter nearly every note has:
//! `key: value` lines, `key: [a, "b"]` flow lists and `- item` block lists
//! of simple scalars. Anything it is not sure about (numbers, anchors,
//! escapes, nesting, comments after values, duplicate keys, …) returns
//! `None` and the caller uses serde_yaml, so results never differ; a
//! property test checks that. serde_yaml costs about 20 µs a note, more than
//! the markdown pass, and a 10,000-note vault pays it 10,000 times.

#[cfg(test)]
use serde_yaml::{Mapping, Value};

/// A value of plain frontmatter, borrowed from the YAML text: what
/// serde_yaml would read as null, a string, or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plain<'a> {
    Null,
    Text(&'a str),
    List(Vec<&'a str>),
}

/// The mapping serde_yaml would give for `yaml`, or `None` to ask it.
#[cfg(test)]
pub(crate) fn parse_simple(yaml: &str) -> Option<Mapping> {
    let entries = parse_plain(yaml)?;
    let mut map = Mapping::new();
    for (key, value) in entries {
        let value = match value {
            Plain::Null => Value::Null,
            Plain::Text(s) => Value::String(s.to_owned()),
            Plain::List(items) => Value::Sequence(
                items
                    .into_iter()
                    .map(|s| Value::String(s.to_owned()))
                    .collect(),
            ),
        };
        map.insert(Value::String(key.to_owned()), value);
    }
    Some(map)
}

/// The keys and values serde_yaml would give for `yaml`, in order, or
/// `None` to ask it. Nothing is copied.
pub(crate) fn parse_plain(yaml: &str) -> Option<Vec<(&str, Plain<'_>)>> {
    // Characters YAML refuses: serde_yaml says where.
    if has_unprintable_bytes(yaml) {
        return None;
    }
    let mut map: Vec<(&str, Plain<'_>)> = Vec::new();
    let mut list: Option<(&str, Vec<&str>, Option<usize>)> = None;
    for raw in crate::text::split_lines(yaml) {
        let line = raw.trim_end_matches(' ');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if let Some(item) = rest.strip_prefix("- ") {
            let (_, items, item_indent) = list.as_mut()?;
            if *item_indent.get_or_insert(indent) != indent {
                return None;
            }
            items.push(scalar(item.trim())?);
            continue;
        }
        if indent > 0 || rest.starts_with('\t') {
            return None;
        }
        close(&mut map, list.take())?;
        let (key, value) = line.split_once(':')?;
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            || key.starts_with('-')
            || !(value.is_empty() || value.starts_with(' '))
            || map.iter().any(|(k, _)| *k == key)
        {
            return None;
        }
        let value = value.trim();
        if value.is_empty() {
            list = Some((key, Vec::new(), None));
        } else if let Some(inner) = value.strip_prefix('[') {
            let items = flow_list(inner.strip_suffix(']')?)?;
            map.push((key, Plain::List(items)));
        } else {
            map.push((key, Plain::Text(scalar(value)?)));
        }
    }
    close(&mut map, list.take())?;
    // An empty or comment-only block is null for serde_yaml, not a map.
    (!map.is_empty()).then_some(map)
}

/// True when `yaml` holds a character YAML refuses: a C0 control but tab
/// and line breaks, DEL, a C1 control but NEL (`C2 80`–`C2 9F`), U+FFFE or
/// U+FFFF (`EF BF BE`, `EF BF BF`). Bytes only: this runs on every note.
fn has_unprintable_bytes(yaml: &str) -> bool {
    let bytes = yaml.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 | 0x7F => true,
        0xC2 => bytes
            .get(i + 1)
            .is_some_and(|&n| (0x80..0xA0).contains(&n) && n != 0x85),
        0xEF => matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])),
        _ => false,
    })
}

fn close<'a>(
    map: &mut Vec<(&'a str, Plain<'a>)>,
    list: Option<(&'a str, Vec<&'a str>, Option<usize>)>,
) -> Option<()> {
    if let Some((key, items, _)) = list {
        if map.iter().any(|(k, _)| *k == key) {
            return None;
        }
        let value = if items.is_empty() {
            Plain::Null
        } else {
            Plain::List(items)
        };
        map.push((key, value));
    }
    Some(())
}

fn flow_list(inner: &str) -> Option<Vec<&str>> {
    if inner.contains(['[', ']', '{', '}']) {
        return None;
    }
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner.split(',').map(|item| scalar(item.trim())).collect()
}

/// A scalar that is certainly a string: quoted without escapes, or plain
/// text that YAML cannot read as a number, boolean or null.
fn scalar(s: &str) -> Option<&str> {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q) {
            let inner = inner.strip_suffix(q)?;
            if inner.contains([q, '\\']) {
                return None;
            }
            return Some(inner);
        }
    }
    let bytes = s.as_bytes();
    let first = *bytes.first()?;
    let risky_start = b"-?:,[]{}#&*!|>'\"%@`~+.".contains(&first);
    let numberish = first.is_ascii_digit() && !is_date(s);
    // Keywords are short; `.inf` and `.nan` already start riskily.
    let keyword = s.len() <= 5
        && matches!(
            s.to_ascii_lowercase().as_str(),
            "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    let structural = bytes.last() == Some(&b':')
        || bytes.windows(2).any(|w| w == b": " || w == b" #")
        || bytes.contains(&b'\t');
    if risky_start || numberish || keyword || structural {
        return None;
    }
    Some(s)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn serde(yaml: &str) -> Option<Value> {
        serde_yaml::from_str(yaml).ok()
    }

    #[test]
    fn real_frontmatter_takes_the_fast_path_and_agrees() {
        let yaml = "\ntitle: batch-emr-spot\ncreated: 2025-08-21\nmodified: 2025-08-21\ntags:\n- service/aws-batch\n- instance/spot-instances\naliases: [\"batch-processing\", \"스팟 가격\"]\n\n";
        let fast = parse_simple(yaml).expect("fast path");
        assert_eq!(Some(Value::Mapping(fast)), serde(yaml));
    }

    #[test]
    fn anything_unsure_falls_back() {
        for yaml in [
            "title: 2024\n",
            "title: \"a\\tb\"\n",
            "tags: [a, [b]]\n",
            "title: x # comment\n",
            "a: 1\na: 2\n",
            "nested:\n  key: v\n",
            "title: &a x\n",
            "title: yes\n",
            "\ttitle: x\n",
        ] {
            assert_eq!(parse_simple(yaml), None, "{yaml:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn fast_path_agrees_with_serde_yaml(lines in proptest::collection::vec(prop_oneof![
            Just("title: 스팟 노트"), Just("title: 'quoted: yes'"), Just("title: \"큰따옴표\""),
            Just("created: 2025-08-21"), Just("created: 2025-8-1"), Just("title: 12"), Just("title: true"),
            Just("tags:"), Just("- service/emr"), Just("  - instance/spot"), Just("- '#태그'"), Just("- 3"),
            Just("tags: [a, b/c, \"d e\"]"), Just("tags: []"), Just("aliases: a, b"), Just("tags: [a, ]"),
            Just(""), Just("# 주석"), Just("cssclass: wide"), Just("x: a: b"), Just("key:value"),
            Just("- "), Just("title: C#"), Just("title: -dash"), Just("  indented: x"), Just("title: ~"),
            Just("tags: [\"a,b\"]"), Just("title: 'it''s'"), Just("title: a  "), Just("empty:"),
        ], 0..12)) {
            let yaml = lines.join("\n");
            if let Some(fast) = parse_simple(&yaml) {
                prop_assert_eq!(Some(Value::Mapping(fast)), serde(&yaml), "{:?}", yaml);
            }
        }
    }
}
