//! Where things go on screen, computed from the terminal size alone so that
//! drawing and mouse handling agree.

use ratatui::layout::Rect;

/// Which study pane has the keys (and, on a narrow screen, the room).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The note list.
    #[default]
    List,
    /// The reader.
    Reader,
}

/// Below this the app shows only a "too small" notice.
pub const MIN_WIDTH: u16 = 20;
/// Below this the app shows only a "too small" notice.
pub const MIN_HEIGHT: u16 = 6;
/// From this width the list and the reader sit side by side.
pub const SPLIT_WIDTH: u16 = 70;

/// The three bands of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Title, vault counts, loading progress.
    pub header: Rect,
    /// The screen itself.
    pub main: Rect,
    /// Status message or key hints.
    pub footer: Rect,
}

impl Areas {
    /// The bands of a terminal of this size.
    pub fn of(size: Rect) -> Areas {
        let h = size.height;
        let header = Rect::new(size.x, size.y, size.width, h.min(1));
        let footer = Rect::new(
            size.x,
            size.bottom().saturating_sub(1),
            size.width,
            h.saturating_sub(1).min(1),
        );
        let main = Rect::new(size.x, size.y + 1, size.width, h.saturating_sub(2));
        Areas {
            header,
            main,
            footer,
        }
    }

    /// True when the terminal is too small to use.
    pub fn too_small(size: Rect) -> bool {
        size.width < MIN_WIDTH || size.height < MIN_HEIGHT
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The study screen's panes (outer rectangles): side by side when wide,
/// else only the focused one.
pub fn study_pane_rects(
    main: Rect,
    focus: Focus,
    has_reader: bool,
) -> (Option<Rect>, Option<Rect>) {
    if !has_reader {
        return (Some(main), None);
    }
    if main.width >= SPLIT_WIDTH {
        let list_w = (main.width / 3).clamp(24, 40);
        let list = Rect::new(main.x, main.y, list_w, main.height);
        let reader = Rect::new(main.x + list_w, main.y, main.width - list_w, main.height);
        return (Some(list), Some(reader));
    }
    match focus {
        Focus::List => (Some(main), None),
        Focus::Reader => (None, Some(main)),
    }
}

/// The insides of the study panes, where rows are drawn (the reader keeps
/// one column of margin on the right).
pub fn study_panes(main: Rect, focus: Focus, has_reader: bool) -> (Option<Rect>, Option<Rect>) {
    let (list, reader) = study_pane_rects(main, focus, has_reader);
    let reader = reader.map(|r| {
        let i = inner(r);
        Rect::new(i.x + 1, i.y, i.width.saturating_sub(2), i.height)
    });
    (list.map(inner), reader)
}

/// The size of a rectangle as (columns, rows).
pub fn cells(area: Rect) -> (usize, usize) {
    (area.width as usize, area.height as usize)
}
