//! The links picker: the open note's wikilinks and its backlinks, to
//! follow one. Owns the picker state; the app follows the choice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::study::display_title;
use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::wrap;
use crate::vault::{NoteIx, Vault};

/// One entry of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkItem {
    /// What is shown.
    pub label: String,
    /// The note it leads to; `None` when no note has that name.
    pub target: Option<NoteIx>,
    /// True for a backlink (a note linking here).
    pub backlink: bool,
}

/// The picker.
#[derive(Debug, Clone)]
pub struct LinksState {
    /// Links first, then backlinks.
    pub items: Vec<LinkItem>,
    /// The highlighted entry.
    pub cursor: usize,
}

impl LinksState {
    /// The links and backlinks of a note.
    pub fn new(vault: &Vault, note: NoteIx) -> Self {
        let n = vault.note(note);
        let mut items: Vec<LinkItem> = n
            .links
            .iter()
            .map(|l| {
                let target = vault.find_note(l);
                LinkItem {
                    // Named like backlinks and the note list; a link to no
                    // note keeps the name it was written with.
                    label: target
                        .map_or_else(|| l.clone(), |t| display_title(vault.note(t)).to_owned()),
                    target,
                    backlink: false,
                }
            })
            .collect();
        items.extend(vault.backlinks(note).into_iter().map(|ix| LinkItem {
            label: display_title(vault.note(ix)).to_owned(),
            target: Some(ix),
            backlink: true,
        }));
        LinksState { items, cursor: 0 }
    }

    /// The chosen note, or the name that leads nowhere.
    pub fn chosen(&self) -> Result<NoteIx, String> {
        match self.items.get(self.cursor) {
            Some(LinkItem {
                target: Some(ix), ..
            }) => Ok(*ix),
            Some(item) => Err(item.label.clone()),
            None => Err(String::new()),
        }
    }

    /// Moves the highlight.
    pub fn apply(&mut self, action: Action) {
        let last = self.items.len().saturating_sub(1);
        self.cursor = match action {
            Action::Down => (self.cursor + 1).min(last),
            Action::Up => self.cursor.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.cursor,
        };
    }
}

/// Draws the picker's entries.
pub struct LinksView<'a> {
    /// The picker.
    pub state: &'a LinksState,
    /// Styles.
    pub theme: &'a Theme,
    /// Language.
    pub lang: Lang,
}

impl Widget for LinksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if self.state.items.is_empty() {
            let msg = self
                .lang
                .pick("링크도 백링크도 없습니다", "No links or backlinks");
            buf.set_stringn(area.x, area.y, msg, area.width as usize, t.dim);
            return;
        }
        let skip = self
            .state
            .cursor
            .saturating_sub(area.height.saturating_sub(1) as usize);
        for (y, (i, item)) in
            (area.y..area.bottom()).zip(self.state.items.iter().enumerate().skip(skip))
        {
            let kind = if item.backlink { "← " } else { "→ " };
            let missing = if item.target.is_none() {
                self.lang.pick(" (없음)", " (missing)")
            } else {
                ""
            };
            let room = (area.width as usize).saturating_sub(2 + wrap::width(missing));
            let line = Line::from(vec![
                Span::styled(kind, t.dim),
                Span::styled(
                    wrap::truncate(&item.label, room),
                    if item.target.is_some() { t.link } else { t.dim },
                ),
                Span::styled(missing, t.error),
            ]);
            buf.set_line(area.x, y, &line, area.width);
            if i == self.state.cursor {
                buf.set_style(Rect::new(area.x, y, area.width, 1), t.selected);
            }
        }
    }
}
