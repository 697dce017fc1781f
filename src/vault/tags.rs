//! Hierarchical tags (`service/emr`) and the tag tree with counts.
//!
//! Owns tag normalisation and matching; knows nothing of files.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

/// A tag: lowercased, NFC, no leading `#`, segments separated by `/`.
///
/// Cheap to clone: a vault shares one copy of each distinct tag among all
/// the notes carrying it (see [`TagInterner`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(Arc<str>);

impl Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// One shared copy of each distinct tag: a large vault repeats a few
/// hundred tags over thousands of notes.
#[derive(Debug, Default)]
pub(crate) struct TagInterner(HashSet<Tag>);

impl TagInterner {
    /// The same list, each tag replaced by the shared copy of its text.
    pub(crate) fn intern(&mut self, tags: &[Tag]) -> Arc<[Tag]> {
        tags.iter()
            .map(|t| {
                if let Some(shared) = self.0.get(t) {
                    return shared.clone();
                }
                self.0.insert(t.clone());
                t.clone()
            })
            .collect()
    }
}

impl Tag {
    /// Normalises a raw tag as written; `None` when nothing is left.
    pub fn parse(raw: &str) -> Option<Tag> {
        use std::borrow::Cow;
        let raw = raw.trim();
        // Copies only when something changes: tags are nearly always NFC
        // and lowercase already, and a vault reads tens of thousands.
        let nfc: Cow<'_, str> = if crate::text::is_nfc(raw) {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(crate::text::nfc(raw))
        };
        let t = nfc.trim_start_matches('#').trim().trim_matches('/');
        if t.is_empty() {
            return None;
        }
        if t.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(Tag(t.into()));
        }
        Some(Tag(t.to_lowercase().into()))
    }

    /// The tag's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when this tag is `filter` or lies under it: `service/emr`
    /// matches the filters `service` and `service/emr`, not `service/em`.
    pub fn matches(&self, filter: &Tag) -> bool {
        self.0 == filter.0
            || (self.0.starts_with(&*filter.0) && self.0.as_bytes()[filter.0.len()] == b'/')
    }

    /// The tag and each of its ancestors, most general first:
    /// `a/b/c` gives `a`, `a/b`, `a/b/c`.
    pub fn prefixes(&self) -> impl Iterator<Item = &str> {
        self.0
            .match_indices('/')
            .map(|(i, _)| &self.0[..i])
            .chain(std::iter::once(&*self.0))
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One node of the tag tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TagNode {
    /// Full path of this node, such as `service/emr`.
    pub path: String,
    /// Last segment, such as `emr`.
    pub name: String,
    /// Notes carrying this tag or one under it.
    pub notes: usize,
    /// Quizzable-or-not questions carrying this tag or one under it.
    pub questions: usize,
    /// Child nodes, sorted by name.
    pub children: Vec<TagNode>,
}

/// Builds the tag tree from each item's tags. `note_tags` and
/// `question_tags` give one tag list per note and per question; an item
/// counts once at every node it falls under.
pub fn tag_tree<'a>(
    note_tags: impl IntoIterator<Item = &'a [Tag]>,
    question_tags: impl IntoIterator<Item = &'a [Tag]>,
) -> Vec<TagNode> {
    #[derive(Default)]
    struct Counts {
        notes: usize,
        questions: usize,
    }
    fn build(prefix: &str, counts: &BTreeMap<String, Counts>) -> Vec<TagNode> {
        // Only this prefix's descendants, a contiguous range of the sorted
        // keys: scanning every tag for every node was quadratic.
        let start = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        };
        counts
            .range(start.clone()..)
            .take_while(|(path, _)| path.starts_with(&start))
            .filter(|(path, _)| !path[start.len()..].contains('/'))
            .map(|(path, c)| TagNode {
                path: path.clone(),
                name: path.rsplit('/').next().unwrap_or(path).to_owned(),
                notes: c.notes,
                questions: c.questions,
                children: build(path, counts),
            })
            .collect()
    }
    // Counted by the tags' own text first (a hash lookup per tag, not a
    // walk down a tree of strings), then copied once each into the sorted
    // map the tree is read from.
    let mut by_text: std::collections::HashMap<&'a str, Counts> = std::collections::HashMap::new();
    let mut add = |tags: &'a [Tag], is_note: bool| {
        for p in counted_prefixes(tags) {
            let c = by_text.entry(p).or_default();
            if is_note {
                c.notes += 1;
            } else {
                c.questions += 1;
            }
        }
    };
    for t in note_tags {
        add(t, true);
    }
    for t in question_tags {
        add(t, false);
    }
    let counts: BTreeMap<String, Counts> = by_text
        .into_iter()
        .map(|(p, c)| (p.to_owned(), c))
        .collect();
    build("", &counts)
}

/// Every node an item with `tags` counts at, once each, parents first.
fn counted_prefixes(tags: &[Tag]) -> Vec<&str> {
    let mut seen: Vec<&str> = tags.iter().flat_map(Tag::prefixes).collect();
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// Adds an item with `tags` to a tree [`tag_tree`] built (`add`), or takes
/// one away, leaving the tree that `tag_tree` builds from the items as they
/// are now: nodes made where they are missing, in their sorted place, and
/// nodes that count nothing any more removed.
pub(crate) fn adjust_tag_tree(tree: &mut Vec<TagNode>, tags: &[Tag], is_note: bool, add: bool) {
    if tags.is_empty() {
        return;
    }
    for p in counted_prefixes(tags) {
        let node = node_at(tree, p);
        let count = if is_note {
            &mut node.notes
        } else {
            &mut node.questions
        };
        *count = if add {
            *count + 1
        } else {
            count.saturating_sub(1)
        };
    }
    prune(tree);
}

/// The node at `path`, made (with no counts) where it is missing. Siblings
/// sort by path, as [`tag_tree`] orders them.
fn node_at<'a>(mut level: &'a mut Vec<TagNode>, path: &str) -> &'a mut TagNode {
    let mut from = 0;
    loop {
        let end = path[from..].find('/').map_or(path.len(), |i| from + i);
        let here = &path[..end];
        let i = match level.binary_search_by(|n| n.path.as_str().cmp(here)) {
            Ok(i) => i,
            Err(i) => {
                level.insert(
                    i,
                    TagNode {
                        path: here.to_owned(),
                        name: here[from..].to_owned(),
                        notes: 0,
                        questions: 0,
                        children: Vec::new(),
                    },
                );
                i
            }
        };
        let node = &mut level[i];
        if end == path.len() {
            return node;
        }
        level = &mut node.children;
        from = end + 1;
    }
}

fn prune(tree: &mut Vec<TagNode>) {
    tree.retain(|n| n.notes > 0 || n.questions > 0);
    for n in tree {
        prune(&mut n.children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Tag {
        Tag::parse(s).unwrap()
    }

    #[test]
    fn leading_hash_is_dropped_and_case_folded() {
        assert_eq!(tag("#Service/EMR").as_str(), "service/emr");
        assert_eq!(Tag::parse(" # "), None);
        assert_eq!(tag(" service/emr/ ").as_str(), "service/emr");
        assert_eq!(tag("#주제/Spot").as_str(), "주제/spot");
        assert_eq!(tag("#ÉTÉ").as_str(), "été");
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("스팟").collect();
        assert_eq!(tag(&nfd).as_str(), "스팟");
    }

    #[test]
    fn filter_matches_children_but_not_siblings_sharing_a_prefix() {
        assert!(tag("service/emr").matches(&tag("service")));
        assert!(tag("service/emr").matches(&tag("service/emr")));
        assert!(!tag("service/emr-serverless").matches(&tag("service/emr")));
        assert!(!tag("service").matches(&tag("service/emr")));
    }

    #[test]
    fn tree_counts_each_item_once_per_node() {
        let a = vec![tag("service/emr"), tag("service/aws-batch")];
        let b = vec![tag("service/emr")];
        let tree = tag_tree([a.as_slice(), b.as_slice()], std::iter::empty());
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].path, "service");
        assert_eq!(tree[0].notes, 2);
        let names: Vec<_> = tree[0]
            .children
            .iter()
            .map(|c| (c.name.as_str(), c.notes))
            .collect();
        assert_eq!(names, [("aws-batch", 1), ("emr", 2)]);
    }
}
