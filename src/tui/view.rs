//! Drawing the whole app from `&App`: header, the study screen or the layer
//! on top (`view_layers`), and the footer (status message or key hints).
//! No state changes: what update needs from the frame goes into a
//! [`FrameReport`] that the main loop hands back with `App::after_frame`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use super::action::Action;
use super::app::{App, Layer};
use super::frame::FrameReport;
use super::layout::{self, Areas, Focus, study_pane_rects};
use super::screens::quiz::Phase;
use super::screens::reader::ReaderView;
use super::screens::search::PROMPT;
use super::screens::study::{NoteListView, display_title};
use super::widgets::{self, HintBar, TooSmall};
use super::wrap;
use crate::i18n::Lang;

impl App {
    /// Draws a frame and places the terminal cursor (in a text field, so
    /// the input method's unfinished syllable shows in place). Returns what
    /// the frame laid out, for [`App::after_frame`].
    pub fn draw(&self, frame: &mut Frame<'_>) -> FrameReport {
        let mut report = FrameReport::default();
        frame.render_stateful_widget(self, frame.area(), &mut report);
        if let Some(pos) = self.cursor_position() {
            frame.set_cursor_position(pos);
        }
        report
    }

    /// Where the terminal cursor belongs, if anywhere.
    pub fn cursor_position(&self) -> Option<Position> {
        if Areas::too_small(self.size) {
            return None;
        }
        match self.layers.last() {
            Some(Layer::Search(s)) => {
                let inner = layout::inner(Areas::of(self.size).main);
                let x = inner.x as usize + wrap::width(PROMPT) + wrap::width(&s.query);
                let x = u16::try_from(x)
                    .unwrap_or(u16::MAX)
                    .min(inner.right().saturating_sub(1));
                Some(Position::new(x, inner.y))
            }
            _ => None,
        }
    }
}

impl StatefulWidget for &App {
    type State = FrameReport;

    /// Draws the app once and fills the report as it goes.
    fn render(self, area: Rect, buf: &mut Buffer, report: &mut FrameReport) {
        super::frame::count_frame();
        if Areas::too_small(area) {
            TooSmall {
                theme: &self.theme,
                lang: self.lang,
            }
            .render(area, buf);
            return;
        }
        let areas = Areas::of(area);
        self.header(areas.header, buf);
        // Pop-ups over the study screen leave it visible underneath.
        if self
            .layers
            .iter()
            .all(|l| matches!(l, Layer::Links(_) | Layer::QuizStart(_)))
        {
            report.list = self.study(areas.main, buf);
        }
        for (i, layer) in self.layers.iter().enumerate() {
            // Only the top layer draws, and a note under a links pop-up.
            let top = i + 1 == self.layers.len();
            let under_popup = matches!(self.layers.get(i + 1), Some(Layer::Links(_)));
            if (top || under_popup)
                && let Some(fit) = self.layer(layer, areas.main, buf)
            {
                report.layers.push((i, fit));
            }
        }
        self.footer(areas.footer, buf);
    }
}

impl App {
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let mut spans = vec![Span::styled(" munje ", t.title)];
        if let Some((done, total)) = self.loading {
            if self.cards_only {
                spans.push(Span::styled(
                    format!(
                        "· {} {} · ",
                        self.lang.pick("노트", "notes"),
                        self.vault.notes.len()
                    ),
                    t.dim,
                ));
            }
            spans.push(Span::styled(
                format!(
                    "{} {done}/{total} ",
                    if self.cards_only {
                        self.lang
                            .pick("본문과 문제 읽는 중", "reading notes and questions")
                    } else {
                        self.lang.pick("불러오는 중", "loading")
                    }
                ),
                t.warning,
            ));
            let bar_w = 20usize;
            let filled = (done * bar_w).checked_div(total).unwrap_or(0).min(bar_w);
            spans.push(Span::styled("█".repeat(filled), t.bar));
            spans.push(Span::styled("░".repeat(bar_w - filled), t.dim));
            spans.push(Span::raw(" "));
        } else {
            let quizzable = self.vault.quizzable().count();
            spans.push(Span::styled(
                format!(
                    "· {} {} · {} {} ",
                    self.lang.pick("노트", "notes"),
                    self.vault.notes.len(),
                    self.lang.pick("문제", "questions"),
                    quizzable
                ),
                t.dim,
            ));
            let due = self.due.1;
            spans.push(Span::styled(
                match self.lang {
                    Lang::Ko => format!(
                        "· 오늘 복습 {} · 새 문제 {} ",
                        due.today, due.never_answered
                    ),
                    Lang::En => format!("· due today {} · new {} ", due.today, due.never_answered),
                },
                if due.today > 0 { t.warning } else { t.dim },
            ));
            let (errors, warnings) = self.vault.diagnostic_counts();
            if errors + warnings > 0 {
                spans.push(Span::styled(
                    format!(
                        "· {} {} ",
                        self.lang.pick("진단", "diagnostics"),
                        errors + warnings
                    ),
                    if errors > 0 { t.error } else { t.warning },
                ));
            }
        }
        if self.indexing {
            spans.push(Span::styled(
                self.lang.pick("· 검색 색인 중 ", "· indexing for search "),
                t.warning,
            ));
        }
        if self.pending_writes > 0 {
            spans.push(Span::styled(
                match self.lang {
                    Lang::Ko => format!("· 저장 대기 {} ", self.pending_writes),
                    Lang::En => format!("· {} waiting to be saved ", self.pending_writes),
                },
                t.warning,
            ));
        }
        if let Some(n) = &self.notice {
            spans.push(Span::styled(format!("· {n}"), t.warning));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }

    fn footer(&self, area: Rect, buf: &mut Buffer) {
        match &self.status {
            Some(s) => {
                let style = if s.error {
                    self.theme.error
                } else {
                    self.theme.warning
                };
                let text = wrap::truncate(&s.text, area.width as usize);
                buf.set_stringn(area.x, area.y, text, area.width as usize, style);
            }
            None => HintBar {
                keymap: &self.keymap,
                context: self.context(),
                theme: &self.theme,
                lang: self.lang,
                hidden: self.hidden_hints(),
                extra: self.wide_reader().then(|| {
                    (
                        "←→/h l",
                        self.lang
                            .pick("표 옆으로 보기", "scroll the table sideways"),
                    )
                }),
            }
            .render(area, buf),
        }
    }

    /// True when the reader with the keys holds rows wider than its pane.
    fn wide_reader(&self) -> bool {
        let reader = match (self.layers.last(), self.focus) {
            (Some(Layer::Note(r)), _) => Some(r),
            (None, Focus::Reader) => self.reader.as_ref(),
            _ => None,
        };
        reader.is_some_and(|r| r.rendered.max_width() > r.rendered.width)
    }

    /// Keys of the current screen that do nothing right now.
    fn hidden_hints(&self) -> &'static [Action] {
        match self.layers.last() {
            Some(Layer::Quiz(q)) if q.phase == Phase::Asking && !q.is_exam() => {
                let multi = q
                    .session
                    .current()
                    .is_some_and(|i| i.question.pick_count() > 1);
                if multi { &[] } else { &[Action::Toggle] }
            }
            Some(Layer::Quiz(q)) if q.phase == Phase::Done && q.is_exam() => {
                &[Action::Toggle, Action::Retry]
            }
            _ => &[],
        }
    }

    /// Draws the note list and the reader; returns the list's visible
    /// rows and first row, when it is shown.
    fn study(&self, main: Rect, buf: &mut Buffer) -> Option<(usize, usize)> {
        let t = &self.theme;
        let mut list_fit = None;
        let (list_rect, reader_rect) = study_pane_rects(main, self.focus, self.reader.is_some());
        let focus_list = self.focus == Focus::List && self.layers.is_empty();
        if let Some(rect) = list_rect {
            let title = match &self.list.filter {
                Some(f) => format!("{} #{f}", self.lang.pick("노트", "Notes")),
                // The tree's counts are explained in the title.
                None if self.list.view == super::screens::study::ListView::Tree => {
                    match self.lang {
                        Lang::Ko => format!("노트 {} (노트·문제 수)", self.vault.notes.len()),
                        Lang::En => format!("Notes {} (notes·questions)", self.vault.notes.len()),
                    }
                }
                None => format!(
                    "{} {}",
                    self.lang.pick("노트", "Notes"),
                    self.vault.notes.len()
                ),
            };
            let inner = widgets::pane(rect, &title, focus_list, t, buf);
            NoteListView {
                list: &self.list,
                vault: &self.vault,
                theme: t,
                open: self.reader.as_ref().map(|r| r.note),
                focused: focus_list,
                lang: self.lang,
                loading: self.loading.is_some(),
            }
            .render(inner, buf);
            let height = inner.height as usize;
            list_fit = Some((height, self.list.offset_for(height)));
        }
        if let (Some(rect), Some(r)) = (reader_rect, &self.reader) {
            let note = self.vault.notes.get(r.note.0);
            let mut title = note.map_or(String::new(), |n| display_title(n).to_owned());
            if let Some(sec) = r.section_here() {
                title = format!("{title} › {sec}");
            }
            let focused = self.focus == Focus::Reader && self.layers.is_empty();
            let _ = widgets::pane(rect, &title, focused, t, buf);
            let (_, text_area) = layout::study_panes(main, self.focus, true);
            if let Some(text_area) = text_area {
                ReaderView { state: r, theme: t }.render(text_area, buf);
                if self.cards_only {
                    // Below the note's name and tags, all a card holds.
                    let shown = r.rendered.rows.len().saturating_sub(r.scroll);
                    let y = text_area
                        .y
                        .saturating_add(u16::try_from(shown).unwrap_or(u16::MAX));
                    if y < text_area.bottom() {
                        buf.set_stringn(
                            text_area.x,
                            y,
                            self.lang.pick("본문을 읽는 중…", "reading the note…"),
                            text_area.width as usize,
                            t.dim,
                        );
                    }
                }
                scroll_marker(
                    rect,
                    r.scroll,
                    r.rendered.rows.len(),
                    text_area.height as usize,
                    t,
                    buf,
                );
            }
        }
        list_fit
    }
}

/// A percentage in the bottom border of a scrolled pane.
fn scroll_marker(
    rect: Rect,
    scroll: usize,
    total: usize,
    height: usize,
    t: &super::theme::Theme,
    buf: &mut Buffer,
) {
    if total <= height || rect.height < 2 || rect.width < 10 {
        return;
    }
    let pct = (scroll + height).min(total) * 100 / total;
    let text = format!(" {pct}% ");
    let x = rect
        .right()
        .saturating_sub(2 + u16::try_from(text.len()).unwrap_or(0));
    buf.set_string(x, rect.bottom() - 1, text, t.dim);
}
