//! What a drawn frame tells `update`: the rows each screen had, where the
//! quiz's options landed, how far a page scrolled once clamped. Drawing
//! fills a [`FrameReport`] from `&App`; the main loop hands it back with
//! [`App::after_frame`] once the frame is on screen, so `update` works
//! from what the learner sees and never builds a screen's text itself.
//!
//! Until its first frame a screen keeps the defaults it was created with,
//! and keys pressed between two frames use the last one's figures. Either
//! is harmless: the list, search, quiz and review clamp their scroll again
//! as they are drawn, and help, diagnostics and stats scroll only within
//! the length a frame reported (none before the first).
//!
//! The reader's wrapped note is not here: it is a cache keyed by width,
//! note, theme and language, kept by `App::wrap_readers`, so keys move
//! through a note opened a moment ago.

use super::app::{App, Layer};
use crate::vault::Letter;

/// How a scrolled page was laid out in the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageFit {
    /// Rows shown at once.
    pub height: usize,
    /// Rows of text in all.
    pub total: usize,
    /// The first row shown, once clamped.
    pub scroll: usize,
}

/// How the quiz screen was laid out in the last frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizFit {
    /// Columns of the exam review grid.
    pub grid_cols: usize,
    /// Rows scrolled, once the highlight was brought into view.
    pub scroll: usize,
    /// Option letters by screen row (mouse clicks).
    pub option_rows: Vec<(u16, Letter)>,
    /// On the result or summary: rows shown at once and the furthest
    /// scroll.
    pub result: Option<(usize, usize)>,
}

/// What one layer's view reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerFit {
    /// Help or diagnostics.
    Pager(PageFit),
    /// Statistics.
    Stats(PageFit),
    /// An exam's review, question by question.
    Review(PageFit),
    /// The search hits: how many fit, and the first one shown.
    Search {
        /// Hits that fit.
        fit: usize,
        /// The first hit shown.
        offset: usize,
    },
    /// The quiz screen.
    Quiz(QuizFit),
}

/// Everything a frame reports back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use = "hand the report to App::after_frame"]
pub struct FrameReport {
    /// The note list's visible rows and first row, when it was drawn.
    pub list: Option<(usize, usize)>,
    /// Layers drawn, by index in `App::layers`.
    pub layers: Vec<(usize, LayerFit)>,
}

impl App {
    /// Takes in what the last frame laid out: from now on keys move by
    /// the pages the learner saw and clicks land on the rows drawn.
    pub fn after_frame(&mut self, report: FrameReport) {
        if let Some((height, offset)) = report.list {
            self.list.height = height.max(1);
            self.list.offset = offset;
        }
        for (i, fit) in report.layers {
            match (self.layers.get_mut(i), fit) {
                (Some(Layer::Pager(p)), LayerFit::Pager(f)) => {
                    (p.height, p.total, p.scroll) = (f.height, f.total, f.scroll);
                    p.start_at = None;
                }
                (Some(Layer::Stats(s)), LayerFit::Stats(f)) => {
                    (s.height, s.total) = (f.height, f.total);
                }
                (Some(Layer::Review(r)), LayerFit::Review(f)) => {
                    (r.height, r.total, r.scroll) = (f.height, f.total, f.scroll);
                }
                (Some(Layer::Search(s)), LayerFit::Search { fit, offset }) => {
                    (s.fit, s.offset) = (fit, offset);
                }
                (Some(Layer::Quiz(q)), LayerFit::Quiz(f)) => {
                    q.grid_cols = f.grid_cols;
                    q.scroll = f.scroll;
                    q.option_rows = f.option_rows;
                    if let Some((page, max_scroll)) = f.result {
                        (q.page, q.max_scroll) = (page, max_scroll);
                    }
                }
                // The layers changed since the frame: the next one reports.
                _ => {}
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    static FRAMES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static BUILDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static WRAPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one build of a screen's text (tests check that only drawing
/// builds it, once a frame). Does nothing outside tests.
pub(crate) fn count_build() {
    #[cfg(test)]
    BUILDS.with(|c| c.set(c.get() + 1));
}

/// Counts one wrapping of a note for the reader. Does nothing outside
/// tests.
pub(crate) fn count_wrap() {
    #[cfg(test)]
    WRAPS.with(|c| c.set(c.get() + 1));
}

/// Counts one drawing of the whole app (tests check it is one a frame).
/// Does nothing outside tests.
pub(crate) fn count_frame() {
    #[cfg(test)]
    FRAMES.with(|c| c.set(c.get() + 1));
}

/// Frames drawn on this thread so far.
#[cfg(test)]
pub(crate) fn frames() -> usize {
    FRAMES.with(std::cell::Cell::get)
}

/// Screen texts built on this thread so far.
#[cfg(test)]
pub(crate) fn builds() -> usize {
    BUILDS.with(std::cell::Cell::get)
}

/// Notes wrapped on this thread so far.
#[cfg(test)]
pub(crate) fn wraps() -> usize {
    WRAPS.with(std::cell::Cell::get)
}
