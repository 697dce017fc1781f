//! The study screen's note list: notes under their tags as a collapsible
//! tree with counts, or a flat list; filtered by a tag.
//!
//! Owns the list state and its rows; the reader beside it is
//! `screens::reader`. Drawing is `impl Widget for NoteListView`.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::wrap;
use crate::vault::{Catalog, Note, NoteIx, Tag, TagNode, Vault};

/// The name a note is shown by ([`Note::display_name`]).
pub fn display_title(note: &Note) -> &str {
    note.display_name()
}

/// How the list is arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListView {
    /// Under their tags, as a tree.
    #[default]
    Tree,
    /// Every note once, by title.
    Flat,
}

/// One row of the list. A note's row is small: the tree repeats a note
/// under each of its tags (300,000 rows at 100,000 notes), and a row as
/// large as a tag's took 32 MB there (BENCHMARKS.md, "One copy of the
/// text").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRow {
    /// A tag node with its counts.
    Tag(Box<TagRow>),
    /// A note.
    Note {
        /// Which note.
        note: NoteIx,
        /// Nesting depth (16 bits: a list of 100,000 notes has a row for
        /// each note under each of its tags).
        depth: u16,
    },
}

/// A tag node's row, with its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRow {
    /// Full path, such as `service/emr`.
    pub path: String,
    /// Last segment.
    pub name: String,
    /// Nesting depth.
    pub depth: usize,
    /// Notes under it.
    pub notes: usize,
    /// Questions under it.
    pub questions: usize,
    /// True when its children are shown.
    pub open: bool,
}

/// The note list's state.
#[derive(Debug, Clone, Default)]
pub struct StudyList {
    /// Tree or flat.
    pub view: ListView,
    /// Only notes with this tag (or one under it).
    pub filter: Option<Tag>,
    /// Tag paths whose children are hidden (all open at first).
    pub collapsed: HashSet<String>,
    /// The highlighted row.
    pub cursor: usize,
    /// First visible row.
    pub offset: usize,
    /// Visible rows, from the last frame.
    pub height: usize,
    /// The rows as last computed (drawing and clicks read these; every
    /// change of the list computes them again).
    pub shown: Vec<ListRow>,
}

impl StudyList {
    /// The rows as they are now. Unfiltered, they come from the vault's
    /// own catalog, sorted once when the vault was loaded; a tag filter
    /// catalogs just the notes under it.
    pub fn rows(&self, vault: &Vault) -> Vec<ListRow> {
        let filtered;
        let catalog = match &self.filter {
            None => vault.catalog(),
            Some(f) => {
                let notes: Vec<NoteIx> = (0..vault.notes.len())
                    .map(NoteIx)
                    .filter(|&ix| vault.note(ix).tags.iter().any(|t| t.matches(f)))
                    .collect();
                filtered = Catalog::of(vault, &notes);
                &filtered
            }
        };
        if self.view == ListView::Flat {
            return catalog
                .by_name
                .iter()
                .map(|&note| ListRow::Note { note, depth: 0 })
                .collect();
        }
        let mut rows = Vec::new();
        for node in &catalog.tree {
            self.tree_rows(node, 0, catalog, &mut rows);
        }
        rows.extend(
            catalog
                .untagged
                .iter()
                .map(|&note| ListRow::Note { note, depth: 0 }),
        );
        rows
    }

    fn tree_rows(&self, node: &TagNode, depth: usize, catalog: &Catalog, rows: &mut Vec<ListRow>) {
        if let (Some(f), Some(t)) = (&self.filter, Tag::parse(&node.path))
            && !t.matches(f)
            && !f.matches(&t)
        {
            return;
        }
        let open = !self.collapsed.contains(&node.path);
        rows.push(ListRow::Tag(Box::new(TagRow {
            path: node.path.clone(),
            name: node.name.clone(),
            depth,
            notes: node.notes,
            questions: node.questions,
            open,
        })));
        if !open {
            return;
        }
        for child in &node.children {
            self.tree_rows(child, depth + 1, catalog, rows);
        }
        if let Some(here) = catalog.by_tag.get(node.path.as_str()) {
            rows.extend(here.iter().map(|&note| ListRow::Note {
                note,
                depth: u16::try_from(depth + 1).unwrap_or(u16::MAX),
            }));
        }
    }

    /// The highlighted row (from the rows as last computed: computing them
    /// again is vault-sized work).
    pub fn selected_row(&self, vault: &Vault) -> Option<ListRow> {
        if self.shown.is_empty() {
            self.rows(vault).get(self.cursor).cloned()
        } else {
            self.shown.get(self.cursor).cloned()
        }
    }

    /// The note on the highlighted row, if it is a note.
    pub fn selected_note(&self, vault: &Vault) -> Option<NoteIx> {
        match self.selected_row(vault) {
            Some(ListRow::Note { note, .. }) => Some(note),
            _ => None,
        }
    }

    /// Puts the cursor on the first row showing a note.
    pub fn select_note(&mut self, vault: &Vault, note: NoteIx) {
        self.refresh(vault);
        if let Some(i) = self
            .shown
            .iter()
            .position(|r| matches!(r, ListRow::Note { note: n, .. } if *n == note))
        {
            self.cursor = i;
        }
    }

    /// Computes the rows again (after the vault or the list changed).
    pub fn refresh(&mut self, vault: &Vault) {
        self.shown = self.rows(vault);
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    /// Applies a list action. Returns the note to open on `Confirm`.
    pub fn apply(&mut self, vault: &Vault, action: Action) -> Option<NoteIx> {
        // The rows as last computed are read where they are: a copy of
        // them on every key was a copy of the whole list.
        if self.shown.is_empty() {
            self.shown = self.rows(vault);
        }
        let last = self.shown.len().saturating_sub(1);
        let current = self.shown.get(self.cursor).cloned();
        let half = (self.height / 2).max(1);
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::HalfPageDown | Action::PageDown => self.cursor = (self.cursor + half).min(last),
            Action::HalfPageUp | Action::PageUp => self.cursor = self.cursor.saturating_sub(half),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Confirm | Action::Right | Action::Toggle | Action::Left => match current {
                Some(ListRow::Note { note, .. }) if action != Action::Left => return Some(note),
                Some(ListRow::Tag(tag)) => {
                    let want_open = match action {
                        Action::Left => false,
                        Action::Toggle => !tag.open,
                        _ => true,
                    };
                    if want_open {
                        self.collapsed.remove(&tag.path);
                    } else {
                        self.collapsed.insert(tag.path);
                    }
                }
                _ => {}
            },
            Action::ToggleListView => {
                let note = match &current {
                    Some(ListRow::Note { note, .. }) => Some(*note),
                    _ => None,
                };
                self.view = match self.view {
                    ListView::Tree => ListView::Flat,
                    ListView::Flat => ListView::Tree,
                };
                self.cursor = 0;
                if let Some(n) = note {
                    self.select_note(vault, n);
                }
            }
            Action::FilterTag => {
                let tag = match &current {
                    Some(ListRow::Tag(tag)) => Tag::parse(&tag.path),
                    Some(ListRow::Note { note, .. }) => vault.note(*note).tags.first().cloned(),
                    None => None,
                };
                self.filter = if self.filter.is_some() && self.filter == tag {
                    None
                } else {
                    tag
                };
                self.cursor = 0;
            }
            Action::Back => {
                self.filter = None;
            }
            _ => {}
        }
        let changed = matches!(
            action,
            Action::Confirm
                | Action::Right
                | Action::Toggle
                | Action::Left
                | Action::ToggleListView
                | Action::FilterTag
                | Action::Back
        );
        if changed {
            self.refresh(vault);
        }
        None
    }

    /// The first row to show in a pane of `height` rows: the least
    /// scrolling that keeps the cursor in view.
    pub fn offset_for(&self, height: usize) -> usize {
        let height = height.max(1);
        // After growing back from a tiny window, show from the top again.
        if self.cursor < height {
            0
        } else if self.cursor < self.offset {
            self.cursor
        } else if self.cursor >= self.offset + height {
            self.cursor + 1 - height
        } else {
            self.offset
        }
    }
}

/// Draws the note list.
pub struct NoteListView<'a> {
    /// The list state.
    pub list: &'a StudyList,
    /// The vault.
    pub vault: &'a Vault,
    /// Styles.
    pub theme: &'a Theme,
    /// The note open in the reader, marked in the list.
    pub open: Option<NoteIx>,
    /// Whether the list has focus (the cursor row is highlighted).
    pub focused: bool,
    /// Language for counts.
    pub lang: Lang,
    /// True while the vault is still loading.
    pub loading: bool,
}

impl Widget for NoteListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let rows = &self.list.shown;
        if rows.is_empty() {
            let msg = if self.loading {
                self.lang.pick("노트를 불러오는 중…", "loading notes…")
            } else {
                self.lang.pick("노트가 없습니다", "no notes")
            };
            buf.set_stringn(area.x, area.y, msg, area.width as usize, t.dim);
            return;
        }
        let width = area.width as usize;
        let visible = rows
            .iter()
            .enumerate()
            .skip(self.list.offset_for(area.height as usize))
            .take(area.height as usize);
        for (y, (i, row)) in (area.y..).zip(visible) {
            let line = match row {
                ListRow::Tag(tag) => {
                    let TagRow {
                        name,
                        depth,
                        notes,
                        questions,
                        open,
                        ..
                    } = &**tag;
                    let marker = if *open { "▾ " } else { "▸ " };
                    let indent = "  ".repeat(*depth);
                    let counts = if *questions > 0 {
                        format!(" {notes}·{questions}")
                    } else {
                        format!(" {notes}")
                    };
                    let room =
                        width.saturating_sub(wrap::width(&indent) + 2 + wrap::width(&counts));
                    Line::from(vec![
                        Span::raw(indent),
                        Span::styled(marker, t.dim),
                        Span::styled(wrap::truncate(&format!("#{name}"), room), t.tag),
                        Span::styled(counts, t.dim),
                    ])
                }
                ListRow::Note { note, depth } => {
                    let n = self.vault.note(*note);
                    let indent = "  ".repeat(usize::from(*depth));
                    let mark = if self.open == Some(*note) {
                        "▶ "
                    } else {
                        "  "
                    };
                    let q = if n.questions.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", n.questions.len())
                    };
                    let room = width.saturating_sub(wrap::width(&indent) + 2 + wrap::width(&q));
                    let title = display_title(n);
                    Line::from(vec![
                        Span::raw(indent),
                        Span::styled(mark, t.link),
                        Span::styled(wrap::truncate(title, room), t.text),
                        Span::styled(q, t.dim),
                    ])
                }
            };
            buf.set_line(area.x, y, &line, area.width);
            if i == self.list.cursor {
                let style = if self.focused {
                    t.selected
                } else {
                    t.selected_unfocused
                };
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    /// A note's row is a note number and a depth: the list of a large
    /// vault keeps hundreds of thousands of them.
    #[test]
    fn a_list_row_takes_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<ListRow>(), 16);
    }

    fn names(rows: &[ListRow], vault: &Vault) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                ListRow::Tag(tag) => format!("#{} {}", tag.path, tag.notes),
                ListRow::Note { note, depth } => {
                    format!(
                        "{}{}",
                        "  ".repeat(usize::from(*depth)),
                        vault.note(*note).title
                    )
                }
            })
            .collect()
    }

    #[test]
    fn tree_lists_notes_under_their_tags_with_counts() {
        let vault = fixture::vault();
        let list = StudyList::default();
        let rows = names(&list.rows(&vault), &vault);
        assert_eq!(
            rows,
            [
                "#instance 1",
                "#instance/spot-instances 1",
                "    스팟 인스턴스 활용",
                "#service 2",
                "#service/emr 2",
                "    EMR 노드 구성",
                "    스팟 인스턴스 활용",
            ]
        );
    }

    #[test]
    fn collapsing_a_tag_hides_its_children_and_toggle_reopens() {
        let vault = fixture::vault();
        let mut list = StudyList::default();
        list.apply(&vault, Action::Left);
        assert_eq!(list.rows(&vault).len(), 5);
        list.apply(&vault, Action::Toggle);
        assert_eq!(list.rows(&vault).len(), 7);
    }

    #[test]
    fn filtering_by_a_tag_keeps_only_its_notes_and_again_clears() {
        let vault = fixture::vault();
        let mut list = StudyList::default();
        list.apply(&vault, Action::Down);
        list.apply(&vault, Action::FilterTag);
        let rows = names(&list.rows(&vault), &vault);
        assert_eq!(
            rows,
            [
                "#instance 1",
                "#instance/spot-instances 1",
                "    스팟 인스턴스 활용"
            ]
        );
        list.apply(&vault, Action::Down);
        list.apply(&vault, Action::FilterTag);
        assert_eq!(list.filter, None);
    }

    #[test]
    fn flat_view_lists_each_note_once_and_keeps_the_selection() {
        let vault = fixture::vault();
        let mut list = StudyList::default();
        list.apply(&vault, Action::Bottom);
        list.apply(&vault, Action::ToggleListView);
        assert_eq!(
            names(&list.rows(&vault), &vault),
            ["EMR 노드 구성", "스팟 인스턴스 활용"]
        );
        assert_eq!(list.selected_note(&vault), Some(NoteIx(0)));
    }

    #[test]
    fn confirm_on_a_note_opens_it() {
        let vault = fixture::vault();
        let mut list = StudyList {
            cursor: 2,
            ..StudyList::default()
        };
        assert_eq!(list.apply(&vault, Action::Confirm), Some(NoteIx(0)));
    }
}
