//! Drawing the whole app from `&App`: header, the study screen or the layer
//! on top, and the footer (status message or key hints). No state changes.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::action::Action;
use super::app::{App, Focus, Layer};
use super::layout::{self, Areas, study_pane_rects};
use super::screens::exams::exams_lines;
use super::screens::links::LinksView;
use super::screens::pager::{PagerKind, PagerState, PagerView, diagnostic_lines, help_lines};
use super::screens::quiz::Phase;
use super::screens::quiz_start::StartView;
use super::screens::quiz_view::QuizView;
use super::screens::reader::ReaderView;
use super::screens::review::review_lines;
use super::screens::search::{PROMPT, SearchView};
use super::screens::stats::stats_lines;
use super::screens::study::{NoteListView, display_title};
use super::widgets::{self, HintBar, TooSmall};
use super::wrap;
use crate::i18n::Lang;

impl App {
    /// Draws a frame and places the terminal cursor (in a text field, so
    /// the input method's unfinished syllable shows in place).
    pub fn draw(&self, frame: &mut Frame<'_>) {
        frame.render_widget(self, frame.area());
        if let Some(pos) = self.cursor_position() {
            frame.set_cursor_position(pos);
        }
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

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
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
            self.study(areas.main, buf);
        }
        for (i, layer) in self.layers.iter().enumerate() {
            // Only the top layer draws, and a note under a links pop-up.
            let top = i + 1 == self.layers.len();
            let under_popup = matches!(self.layers.get(i + 1), Some(Layer::Links(_)));
            if top || under_popup {
                self.layer(layer, areas.main, buf);
            }
        }
        self.footer(areas.footer, buf);
    }
}

impl App {
    /// Draws help or the diagnostics panel.
    fn pager(&self, p: &PagerState, main: Rect, buf: &mut Buffer) {
        let areas = Areas {
            main,
            ..Areas::of(self.size)
        };
        let (title, lines) = match p.kind {
            PagerKind::Help => (
                self.lang.pick("도움말", "Help"),
                help_lines(
                    &self.keymap,
                    &self.theme,
                    self.lang,
                    layout::inner(areas.main).width as usize,
                ),
            ),
            PagerKind::Diagnostics => (
                self.lang.pick("진단", "Diagnostics"),
                diagnostic_lines(
                    &self.vault,
                    &self.config_problems,
                    &self.theme,
                    self.lang,
                    layout::inner(areas.main).width as usize,
                ),
            ),
        };
        let inner = widgets::pane(areas.main, title, true, &self.theme, buf);
        PagerView {
            lines: &lines,
            scroll: p.scroll,
        }
        .render(inner, buf);
    }

    /// Draws one layer over the main area.
    #[allow(clippy::too_many_lines)] // one arm a layer, read top to bottom
    fn layer(&self, layer: &Layer, main: Rect, buf: &mut Buffer) {
        let areas = Areas {
            main,
            ..Areas::of(self.size)
        };
        match layer {
            Layer::Pager(p) => self.pager(p, areas.main, buf),
            Layer::Note(r) => {
                let title = self.vault.notes.get(r.note.0).map_or("", display_title);
                let inner = widgets::pane(areas.main, title, true, &self.theme, buf);
                ReaderView {
                    state: r,
                    theme: &self.theme,
                }
                .render(inner, buf);
            }
            Layer::Quiz(q) => {
                let kind = if q.is_exam() {
                    self.lang.pick("모의고사", "Exam")
                } else {
                    self.lang.pick("퀴즈", "Quiz")
                };
                let title = format!("{kind} · {}", q.title);
                let inner = widgets::pane(areas.main, &title, true, &self.theme, buf);
                QuizView {
                    state: q,
                    theme: &self.theme,
                    lang: self.lang,
                    now: (self.clock)(),
                }
                .render(inner, buf);
            }
            Layer::Review(r) => {
                let title = format!("{} · {}", self.lang.pick("검토", "Review"), r.title);
                let inner = widgets::pane(areas.main, &title, true, &self.theme, buf);
                let lines = review_lines(r, &self.theme, self.lang, inner.width as usize);
                PagerView {
                    lines: &lines,
                    scroll: r.scroll,
                }
                .render(inner, buf);
            }
            Layer::Exams(e) => {
                let inner = widgets::pane(
                    areas.main,
                    self.lang.pick("모의고사 기록", "Exam history"),
                    true,
                    &self.theme,
                    buf,
                );
                let lines = exams_lines(e, &self.theme, self.lang, inner.width as usize);
                let scroll = (e.cursor + super::screens::exams::CHART_ROWS as usize + 4)
                    .saturating_sub(inner.height as usize);
                PagerView {
                    lines: &lines,
                    scroll,
                }
                .render(inner, buf);
            }
            Layer::Stats(s) => {
                let inner = widgets::pane(
                    areas.main,
                    self.lang.pick("통계", "Stats"),
                    true,
                    &self.theme,
                    buf,
                );
                let lines = stats_lines(s, &self.theme, self.lang, inner.width as usize);
                PagerView {
                    lines: &lines,
                    scroll: s.scroll,
                }
                .render(inner, buf);
            }
            Layer::QuizStart(d) => {
                let popup = widgets::centered(areas.main, 60, 11);
                let inner = widgets::popup(
                    popup,
                    self.lang.pick("퀴즈 시작", "Start a quiz"),
                    &self.theme,
                    buf,
                );
                StartView {
                    dialog: d,
                    vault: &self.vault,
                    theme: &self.theme,
                    lang: self.lang,
                }
                .render(inner, buf);
            }
            Layer::Search(s) => {
                let inner = widgets::pane(
                    areas.main,
                    self.lang.pick("검색", "Search"),
                    true,
                    &self.theme,
                    buf,
                );
                SearchView {
                    state: s,
                    theme: &self.theme,
                    lang: self.lang,
                }
                .render(inner, buf);
            }
            Layer::Links(l) => {
                let h = u16::try_from(l.items.len())
                    .unwrap_or(u16::MAX)
                    .saturating_add(2)
                    .max(3);
                let popup = widgets::centered(areas.main, 50, h);
                let inner = widgets::popup(
                    popup,
                    self.lang.pick("링크 · 백링크", "Links · backlinks"),
                    &self.theme,
                    buf,
                );
                LinksView {
                    state: l,
                    theme: &self.theme,
                    lang: self.lang,
                }
                .render(inner, buf);
            }
        }
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

    fn study(&self, main: Rect, buf: &mut Buffer) {
        let t = &self.theme;
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
