//! The search screen: a query field that holds the terminal cursor (so the
//! input method's unfinished syllable shows in place), results redrawn on
//! every key with their matches highlighted.
//!
//! Owns the query text and the hit list; the engine is `crate::search`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::Lang;
use crate::search::{Field, Hit, Query, SearchContext, SearchIndex};
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::wrap;

/// Hits kept per query.
pub const MAX_HITS: usize = 200;

/// The search screen's state.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// What was typed.
    pub query: String,
    /// Ranked hits for the query, the best [`MAX_HITS`].
    pub hits: Vec<Hit>,
    /// How many notes and bank questions match in all.
    pub total: usize,
    /// Tags of the query that name no tag of the vault, with suggestions
    /// (set by the app, which knows the vault).
    pub unknown_tags: Vec<crate::search::UnknownTag>,
    /// The highlighted hit.
    pub cursor: usize,
    /// First visible hit.
    pub offset: usize,
    /// Hits that fit, from the last frame.
    pub fit: usize,
    /// The search thread's request this screen waits for, if any: the
    /// hits shown are then the last query's.
    pub searching: Option<u64>,
}

/// A query's hits, from the search thread (see `app_search`).
#[derive(Debug)]
pub struct Searched {
    /// Which request of the app's these answer.
    pub generation: u64,
    pub hits: Vec<Hit>,
    pub total: usize,
    pub unknown_tags: Vec<crate::search::UnknownTag>,
}

impl SearchState {
    /// Applies an editing or movement action; true when the query changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let last = self.hits.len().saturating_sub(1);
        match action {
            Action::Input(c) => {
                self.query.push(c);
                return true;
            }
            Action::DeleteBack => return self.query.pop().is_some(),
            Action::ClearInput => {
                let had = !self.query.is_empty();
                self.query.clear();
                return had;
            }
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            _ => {}
        }
        self.scroll_into_view();
        false
    }

    /// Shows a query's hits, the cursor on the best.
    pub fn show(&mut self, done: Searched) {
        self.hits = done.hits;
        self.total = done.total;
        self.unknown_tags = done.unknown_tags;
        self.searching = None;
        self.cursor = 0;
        self.offset = 0;
    }

    /// The highlighted hit.
    pub fn selected(&self) -> Option<&Hit> {
        self.hits.get(self.cursor)
    }

    /// Keeps the cursor among the visible hits.
    pub fn scroll_into_view(&mut self) {
        self.offset = self.offset_for(self.fit);
    }

    /// The first hit to show when `fit` hits fit: the least scrolling
    /// that keeps the cursor in view.
    pub fn offset_for(&self, fit: usize) -> usize {
        let fit = fit.max(1);
        if self.cursor < self.offset {
            self.cursor
        } else if self.cursor >= self.offset + fit {
            self.cursor + 1 - fit
        } else {
            self.offset
        }
    }
}

/// The best [`MAX_HITS`] hits of a query and how many match in all; none
/// for an empty query.
pub fn hits_of(query: &Query, index: &SearchIndex, ctx: &SearchContext<'_>) -> (Vec<Hit>, usize) {
    if query.is_empty() {
        (Vec::new(), 0)
    } else {
        index.search_counted(query, ctx, MAX_HITS)
    }
}

/// Rows each hit takes.
pub const HIT_ROWS: u16 = 2;

/// How many hits fit in the search screen's area (below the query and
/// the count line), at least one.
pub fn hits_fit(area: Rect) -> usize {
    (area.height.saturating_sub(2) / HIT_ROWS).max(1) as usize
}

/// Draws the query field and the hits.
pub struct SearchView<'a> {
    /// The state.
    pub state: &'a SearchState,
    /// Styles.
    pub theme: &'a Theme,
    /// Language.
    pub lang: Lang,
}

/// The prompt before the query.
pub const PROMPT: &str = "/ ";

impl Widget for SearchView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let s = self.state;
        if area.height == 0 {
            return;
        }
        let w = area.width as usize;
        let mut input = vec![
            Span::styled(PROMPT, t.hint_key),
            Span::styled(s.query.clone(), t.text),
        ];
        if s.query.is_empty() {
            input.push(Span::styled(
                self.lang.pick(
                    "검색어 (ㅅㅍ → 스팟, tag:emr, \"구문\")",
                    "query (ㅅㅍ → 스팟, tag:emr, \"phrase\")",
                ),
                t.dim,
            ));
        }
        buf.set_line(area.x, area.y, &Line::from(input), area.width);
        if area.height < 2 {
            return;
        }
        let count = if s.query.is_empty() {
            String::new()
        } else if s.searching.is_some() {
            self.lang.pick("검색 중…", "Searching…").to_owned()
        } else if let Some(u) = s.unknown_tags.first() {
            format!(
                "{} · {}",
                self.lang.pick("결과 없음", "no results"),
                u.message(self.lang)
            )
        } else if s.hits.is_empty() {
            self.lang.pick("결과 없음", "no results").to_owned()
        } else if s.total > s.hits.len() {
            match self.lang {
                Lang::Ko => format!("{}건 중 상위 {}건", s.total, s.hits.len()),
                Lang::En => format!("{} hits, best {} shown", s.total, s.hits.len()),
            }
        } else {
            match self.lang {
                Lang::Ko => format!("{}건", s.total),
                Lang::En => format!("{} hits", s.total),
            }
        };
        buf.set_line(
            area.x,
            area.y + 1,
            &Line::styled(format!("{count:─<w$}"), t.border),
            area.width,
        );
        let list = Rect::new(
            area.x,
            area.y + 2,
            area.width,
            area.height.saturating_sub(2),
        );
        let visible = s.hits.iter().enumerate().skip(s.offset_for(hits_fit(area)));
        for (row, (i, hit)) in (0..list.height / HIT_ROWS).zip(visible) {
            let y = list.y + row * HIT_ROWS;
            let selected = i == s.cursor;
            let label = field_label(hit.field, self.lang);
            let place = format!("  {label} · {}:{}", hit.path, hit.line);
            let title_room = w.saturating_sub(2 + wrap::width(&place)).max(w / 2);
            let title = Line::from(vec![
                Span::styled(if selected { "▶ " } else { "  " }, t.link),
                Span::styled(wrap::truncate(hit.name(), title_room), t.bold),
                Span::styled(place, t.dim),
            ]);
            buf.set_line(list.x, y, &title, list.width);
            if y + 1 < list.bottom() {
                let snippet = highlight(&hit.snippet, &hit.ranges, t, w.saturating_sub(4));
                buf.set_line(list.x + 4, y + 1, &snippet, list.width.saturating_sub(4));
            }
            if selected {
                let rows = HIT_ROWS.min(list.bottom() - y);
                buf.set_style(Rect::new(list.x, y, list.width, rows), t.selected);
            }
        }
    }
}

/// The name of a field, as shown beside a hit.
pub fn field_label(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Title => lang.pick("제목", "title"),
        Field::Alias => lang.pick("별칭", "alias"),
        Field::Tag => lang.pick("태그", "tag"),
        Field::Heading => lang.pick("제목줄", "heading"),
        Field::Question => lang.pick("문제", "question"),
        Field::Body => lang.pick("본문", "body"),
    }
}

/// A snippet with its character ranges in the match style, cut to a width.
pub fn highlight(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    t: &Theme,
    max: usize,
) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut cur = String::new();
    let mut cur_hit = false;
    for (i, c) in text.chars().enumerate() {
        let cw = wrap::char_width(c);
        if used + cw > max {
            break;
        }
        used += cw;
        let hit = ranges.iter().any(|r| r.contains(&i));
        if hit != cur_hit && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hit { t.matched } else { t.text },
            ));
        }
        cur_hit = hit;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_hit { t.matched } else { t.text }));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::tui::fixture;

    /// The query's hits shown, as the app shows the search thread's.
    fn refresh(s: &mut SearchState, index: &SearchIndex, ctx: &SearchContext<'_>) {
        let (hits, total) = hits_of(&Query::parse(&s.query), index, ctx);
        s.show(Searched {
            generation: 0,
            hits,
            total,
            unknown_tags: Vec::new(),
        });
    }

    #[test]
    fn the_hit_count_is_every_match_not_the_hits_kept() {
        use crate::vault::{Note, Vault};
        let notes = (0..MAX_HITS + 50)
            .map(|i| Note {
                path: format!("n{i}.md").into(),
                title: format!("스팟 {i}").into(),
                ..Note::default()
            })
            .collect();
        let vault = Vault {
            notes,
            ..Vault::default()
        };
        let index = SearchIndex::build(&vault);
        let none = std::collections::HashSet::new();
        let ctx = SearchContext {
            wrong: &none,
            due: &none,
        };
        let mut s = SearchState::default();
        for c in "스팟".chars() {
            s.apply(Action::Input(c));
        }
        refresh(&mut s, &index, &ctx);
        assert_eq!(s.hits.len(), MAX_HITS);
        assert_eq!(s.total, MAX_HITS + 50);
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 10));
        SearchView {
            state: &s,
            theme: &Theme::default(),
            lang: Lang::Ko,
        }
        .render(buf.area, &mut buf);
        let text = crate::tui::snapshots::buffer_text(&buf);
        assert!(text.contains("250건 중 상위 200건"), "{text}");
    }

    #[test]
    fn every_key_reruns_the_query_and_initial_consonants_find_korean() {
        let vault = fixture::vault();
        let index = SearchIndex::build(&vault);
        let none = HashSet::new();
        let ctx = SearchContext {
            wrong: &none,
            due: &none,
        };
        let mut s = SearchState::default();
        for c in "ㅅㅍ".chars() {
            assert!(s.apply(Action::Input(c)));
            refresh(&mut s, &index, &ctx);
        }
        assert_eq!(
            s.selected().map(|h| h.title.as_str()),
            Some("스팟 인스턴스 활용")
        );
        assert!(s.apply(Action::DeleteBack));
        assert_eq!(s.query, "ㅅ");
        assert!(s.apply(Action::ClearInput));
        refresh(&mut s, &index, &ctx);
        assert!(s.hits.is_empty());
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // a list of highlight ranges
    fn highlighted_ranges_are_styled_and_cut_by_width() {
        let t = Theme::default();
        let line = highlight("스팟 인스턴스", &[0..2], &t, 8);
        assert_eq!(line.to_string(), "스팟 인");
        assert_eq!(line.spans[0].content, "스팟");
        assert_eq!(line.spans[0].style, t.matched);
    }
}
