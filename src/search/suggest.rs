//! "Did you mean": a tag filter (`--tag`, `tag:`, `#`) naming no tag of
//! the vault is reported with the nearest existing tags, instead of a
//! silent "no questions".
//!
//! Owns the choice of suggestions and their message; the callers decide
//! where the message goes (stderr, the search screen).

use std::collections::BTreeSet;

use crate::i18n::Lang;
use crate::vault::{Tag, Vault};

/// Suggestions offered at most.
const MAX_SUGGESTIONS: usize = 3;

/// A tag filter that matches no tag of the vault, with the tags it was
/// probably meant to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag {
    /// The filter as given.
    pub tag: String,
    /// The nearest existing tags, best first (possibly none).
    pub suggestions: Vec<String>,
}

impl UnknownTag {
    /// The message for a person: "did you mean …?".
    pub fn message(&self, lang: Lang) -> String {
        let tag = &self.tag;
        if self.suggestions.is_empty() {
            return match lang {
                Lang::Ko => format!("태그 \"{tag}\"는 이 볼트에 없습니다 (munje tags로 목록 보기)"),
                Lang::En => format!("no tag \"{tag}\" in this vault (munje tags lists them)"),
            };
        }
        let list = self.suggestions.join(", ");
        match lang {
            Lang::Ko => format!("태그 \"{tag}\"는 이 볼트에 없습니다. 혹시 {list}?"),
            Lang::En => format!("no tag \"{tag}\" in this vault; did you mean {list}?"),
        }
    }
}

/// Every filter among `filters` that matches no tag of a note or question
/// of the vault, with suggestions.
pub fn unknown_tags<'a>(
    vault: &Vault,
    filters: impl IntoIterator<Item = &'a Tag>,
) -> Vec<UnknownTag> {
    let mut known: BTreeSet<&str> = BTreeSet::new();
    let all = vault
        .notes
        .iter()
        .flat_map(|n| n.tags.iter())
        .chain(vault.questions.iter().flat_map(|q| q.tags.iter()));
    for t in all {
        known.extend(t.prefixes());
    }
    filters
        .into_iter()
        .filter(|f| !known.contains(f.as_str()))
        .map(|f| UnknownTag {
            tag: f.as_str().to_owned(),
            suggestions: nearest(f.as_str(), &known),
        })
        .collect()
}

/// The known tags closest to `wanted`: tags whose last part is `wanted`
/// (`emr` → `service/emr`), else those at the least edit distance on the
/// whole path or its last part, within a third of the length.
fn nearest(wanted: &str, known: &BTreeSet<&str>) -> Vec<String> {
    let last = |t: &str| t.rsplit('/').next().unwrap_or(t).to_owned();
    let wanted_last = last(wanted);
    let room = (wanted.chars().count() / 3).max(2);
    let last_room = (wanted_last.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .filter_map(|&t| {
            if last(t) == wanted_last || t.ends_with(&format!("/{wanted}")) {
                return Some((0, t));
            }
            let whole = distance(wanted, t);
            let part = distance(&wanted_last, &last(t));
            if whole <= room {
                Some((whole, t))
            } else {
                (part <= last_room).then_some((part + 1, t))
            }
        })
        .collect();
    scored.sort_unstable();
    // Only the nearest: a near miss is not worth a list of far ones.
    let best = scored.first().map_or(0, |&(d, _)| d);
    scored
        .into_iter()
        .take_while(|&(d, _)| d == best)
        .take(MAX_SUGGESTIONS)
        .map(|(_, t)| t.to_owned())
        .collect()
}

/// Levenshtein distance by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Note;

    fn vault() -> Vault {
        let tags = |list: &[&str]| list.iter().filter_map(|t| Tag::parse(t)).collect();
        Vault {
            notes: vec![
                Note {
                    tags: tags(&["service/emr", "instance/spot-instances"]),
                    ..Note::default()
                },
                Note {
                    tags: tags(&["service/aws-batch"]),
                    ..Note::default()
                },
            ],
            ..Vault::default()
        }
    }

    fn unknown(filter: &str) -> Vec<UnknownTag> {
        let tag = Tag::parse(filter).unwrap();
        unknown_tags(&vault(), [&tag])
    }

    #[test]
    fn a_known_tag_or_ancestor_is_not_reported() {
        assert!(unknown("service/emr").is_empty());
        assert!(unknown("service").is_empty());
    }

    #[test]
    fn a_misspelt_tag_suggests_the_nearest() {
        let u = unknown("servce/emr");
        assert_eq!(u[0].suggestions, ["service/emr"]);
        assert_eq!(
            u[0].message(Lang::Ko),
            "태그 \"servce/emr\"는 이 볼트에 없습니다. 혹시 service/emr?"
        );
        assert_eq!(
            u[0].message(Lang::En),
            "no tag \"servce/emr\" in this vault; did you mean service/emr?"
        );
    }

    #[test]
    fn a_last_part_alone_suggests_the_full_path() {
        assert_eq!(unknown("emr")[0].suggestions, ["service/emr"]);
        assert_eq!(
            unknown("spot-instance")[0].suggestions,
            ["instance/spot-instances"]
        );
    }

    #[test]
    fn nothing_near_says_how_to_list_tags() {
        let u = unknown("kubernetes/pods");
        assert!(u[0].suggestions.is_empty());
        assert!(u[0].message(Lang::Ko).contains("munje tags"));
    }
}
