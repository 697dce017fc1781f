//! Drawing the screens over the study screen, one arm a layer, each
//! reporting back in a [`LayerFit`] what update needs from the frame
//! (page heights, text lengths, clamped scrolls, option rows).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{StatefulWidget, Widget};

use super::app::{App, Layer};
use super::frame::{LayerFit, PageFit, QuizFit};
use super::screens::exams::exams_lines;
use super::screens::links::LinksView;
use super::screens::pager::{PagerKind, PagerState, PagerView, diagnostic_lines, help_lines};
use super::screens::quiz_start::StartView;
use super::screens::quiz_view::QuizView;
use super::screens::reader::ReaderView;
use super::screens::review::review_lines;
use super::screens::search::{SearchView, hits_fit};
use super::screens::stats::stats_window;
use super::screens::study::display_title;
use super::widgets;

impl App {
    /// Draws help or the diagnostics panel, opening at its heading if it
    /// asks to.
    fn pager(&self, p: &PagerState, main: Rect, buf: &mut Buffer) -> PageFit {
        let width = super::layout::inner(main).width as usize;
        let (title, lines) = match p.kind {
            PagerKind::Help => (
                self.lang.pick("도움말", "Help"),
                help_lines(&self.keymap, &self.theme, self.lang, width),
            ),
            PagerKind::Diagnostics => (
                self.lang.pick("진단", "Diagnostics"),
                diagnostic_lines(
                    &self.vault,
                    &self.config_problems,
                    &self.theme,
                    self.lang,
                    width,
                ),
            ),
        };
        let inner = widgets::pane(main, title, true, &self.theme, buf);
        let scroll = match &p.start_at {
            Some(heading) => lines
                .iter()
                .position(|l| l.to_string() == *heading)
                .unwrap_or(0),
            None => p.scroll,
        };
        PagerView {
            lines: &lines,
            scroll,
        }
        .render(inner, buf);
        PageFit {
            height: inner.height as usize,
            total: lines.len(),
            scroll,
        }
    }

    /// Draws one layer over the main area and says how it was laid out.
    #[allow(clippy::too_many_lines)] // one arm a layer, read top to bottom
    pub(super) fn layer(&self, layer: &Layer, main: Rect, buf: &mut Buffer) -> Option<LayerFit> {
        match layer {
            Layer::Pager(p) => Some(LayerFit::Pager(self.pager(p, main, buf))),
            Layer::Note(r) => {
                let title = self.vault.notes.get(r.note.0).map_or("", display_title);
                let inner = widgets::pane(main, title, true, &self.theme, buf);
                ReaderView {
                    state: r,
                    theme: &self.theme,
                }
                .render(inner, buf);
                None
            }
            Layer::Quiz(q) => {
                let kind = if q.is_exam() {
                    self.lang.pick("모의고사", "Exam")
                } else {
                    self.lang.pick("퀴즈", "Quiz")
                };
                let title = format!("{kind} · {}", q.title);
                let inner = widgets::pane(main, &title, true, &self.theme, buf);
                let mut fit = QuizFit::default();
                QuizView {
                    state: q,
                    theme: &self.theme,
                    lang: self.lang,
                    now: (self.clock)(),
                }
                .render(inner, buf, &mut fit);
                Some(LayerFit::Quiz(fit))
            }
            Layer::Review(r) => {
                let title = format!("{} · {}", self.lang.pick("검토", "Review"), r.title);
                let inner = widgets::pane(main, &title, true, &self.theme, buf);
                let lines = review_lines(r, &self.theme, self.lang, inner.width as usize);
                let height = inner.height as usize;
                // A shorter question than the last one scrolls less.
                let scroll = r.scroll.min(lines.len().saturating_sub(height));
                PagerView {
                    lines: &lines,
                    scroll,
                }
                .render(inner, buf);
                Some(LayerFit::Review(PageFit {
                    height,
                    total: lines.len(),
                    scroll,
                }))
            }
            Layer::Exams(e) => {
                let inner = widgets::pane(
                    main,
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
                None
            }
            Layer::Stats(s) => {
                let inner = widgets::pane(
                    main,
                    self.lang.pick("통계", "Stats"),
                    true,
                    &self.theme,
                    buf,
                );
                let (lines, total) = stats_window(
                    s,
                    (&self.theme, self.lang, inner.width as usize),
                    s.scroll,
                    inner.height as usize,
                );
                PagerView {
                    lines: &lines,
                    scroll: 0,
                }
                .render(inner, buf);
                Some(LayerFit::Stats(PageFit {
                    height: inner.height as usize,
                    total,
                    scroll: s.scroll,
                }))
            }
            Layer::QuizStart(d) => {
                let popup = widgets::centered(main, 60, 11);
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
                None
            }
            Layer::Search(s) => {
                let inner = widgets::pane(
                    main,
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
                let fit = hits_fit(inner);
                Some(LayerFit::Search {
                    fit,
                    offset: s.offset_for(fit),
                })
            }
            Layer::Links(l) => {
                let h = u16::try_from(l.items.len())
                    .unwrap_or(u16::MAX)
                    .saturating_add(2)
                    .max(3);
                let popup = widgets::centered(main, 50, h);
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
                None
            }
        }
    }
}
