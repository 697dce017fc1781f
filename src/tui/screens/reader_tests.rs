//! Tests of the reader: scrolling, sections, links back and forth, and
//! the overflow mark of rows cut at the pane's edge.

use super::*;
use crate::tui::fixture;
use crate::vault::SectionKind;

fn reader() -> (Vault, ReaderState) {
    let vault = fixture::vault();
    let mut r = ReaderState::new(NoteIx(0));
    r.layout(&vault, (60, 8), &Theme::default(), Lang::Ko);
    (vault, r)
}

#[test]
fn jumping_to_a_section_puts_its_heading_on_top() {
    let (_, mut r) = reader();
    r.apply(Action::JumpSection(SectionKind::Concepts));
    assert_eq!(r.section_here(), Some("🔍 주요개념"));
    let top = r.rendered.rows[r.scroll].line.to_string();
    assert!(top.contains("주요개념"), "{top}");
}

#[test]
fn next_and_previous_section_walk_the_headings() {
    let (_, mut r) = reader();
    r.apply(Action::NextSection);
    assert_eq!(r.section_here(), Some("🎯 핵심 포인트"));
    r.apply(Action::NextSection);
    assert_eq!(r.section_here(), Some("📝 설명"));
    r.apply(Action::PrevSection);
    assert_eq!(r.section_here(), Some("🎯 핵심 포인트"));
}

#[test]
fn scrolling_stops_at_the_end() {
    let (_, mut r) = reader();
    r.apply(Action::Bottom);
    let end = r.scroll;
    assert!(end >= r.rendered.rows.len() - 8);
    r.apply(Action::Down);
    assert_eq!(r.scroll, end);
}

#[test]
fn narrowing_keeps_the_same_text_on_top() {
    let (vault, mut r) = reader();
    r.apply(Action::JumpSection(SectionKind::Questions));
    r.layout(&vault, (30, 8), &Theme::default(), Lang::Ko);
    assert_eq!(r.section_here(), Some("📚 관련 문제"));
}

#[test]
fn following_a_link_and_coming_back_restores_the_position() {
    let (_, mut r) = reader();
    r.apply(Action::HalfPageDown);
    let at = r.scroll;
    r.follow(NoteIx(1));
    assert_eq!((r.note, r.scroll), (NoteIx(1), 0));
    assert!(r.back());
    assert_eq!((r.note, r.scroll), (NoteIx(0), at));
    assert!(!r.back());
}

#[test]
fn skipping_cells_splits_wide_characters_into_spaces() {
    let line = Line::from("가나다");
    assert_eq!(skip_cells(&line, 1).to_string(), " 나다");
    assert_eq!(skip_cells(&line, 2).to_string(), "나다");
}

mod overflow {
    use super::*;
    use crate::tui::markdown::Row;

    #[test]
    fn every_cut_row_shows_the_mark_even_inside_a_wide_character() {
        let mut state = ReaderState::new(crate::vault::NoteIx(0));
        for text in ["| 스팟 | 온디맨드 | 예약 |", "| ab | 스팟인스턴스 |"] {
            state.rendered.rows.push(Row {
                line: Line::raw(text),
                wide: true,
            });
        }
        let theme = Theme::default();
        for width in 5..14 {
            let area = Rect::new(0, 0, width, 2);
            let mut buf = Buffer::empty(area);
            ReaderView {
                state: &state,
                theme: &theme,
            }
            .render(area, &mut buf);
            for y in 0..2 {
                assert_eq!(buf[(width - 1, y)].symbol(), "›", "width {width}, row {y}");
                assert!(
                    wrap::width(buf[(width - 2, y)].symbol()) <= 1,
                    "width {width}, row {y}"
                );
            }
        }
    }
}
