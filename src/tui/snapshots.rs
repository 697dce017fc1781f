//! Snapshots of every screen at 80×24 and 40×12 with Korean text, drawn
//! into ratatui's `TestBackend` (insta). Test-only.

use super::fixture::Drive;

use super::action::Action;
use super::app::{App, AppEvent};
use super::fixture;
use super::keymap::Keymap;
use super::theme::Theme;
use crate::i18n::Lang;

pub(crate) use super::fixture::app;

/// Draws the app at a size and returns the screen as text.
pub(crate) fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.handle(AppEvent::Resize(w, h));
    buffer_text(&fixture::frame(app))
}

/// The buffer as plain lines, wide characters once (the cells they cover
/// are skipped), right-trimmed, with the cursor position noted.
pub(crate) fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = super::wrap::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn both(name: &str, actions: &[Action]) {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut a = app();
        a.feed(AppEvent::Resize(w, h));
        for &act in actions {
            a.act(act);
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&mut a, w, h));
    }
}

#[test]
fn study_screen() {
    both("study", &[]);
}

#[test]
fn reader_at_the_questions_section() {
    both(
        "reader_questions",
        &[
            Action::NextPane,
            Action::JumpSection(crate::vault::SectionKind::Questions),
        ],
    );
}

#[test]
fn reader_scrolled_to_the_diagram_and_table() {
    both(
        "reader_diagram",
        &[
            Action::NextPane,
            Action::JumpSection(crate::vault::SectionKind::Explanation),
            Action::HalfPageDown,
        ],
    );
}

#[test]
fn flat_list_filtered_by_tag() {
    both(
        "flat_filtered",
        &[Action::Down, Action::FilterTag, Action::ToggleListView],
    );
}

#[test]
fn links_popup() {
    both("links", &[Action::NextPane, Action::Links]);
}

#[test]
fn help_screen() {
    both("help", &[Action::Help]);
}

#[test]
fn diagnostics_panel() {
    both("diagnostics", &[Action::Diagnostics]);
}

#[test]
fn search_screen_with_a_korean_query() {
    let mut actions = vec![Action::Search];
    actions.extend("ㅅㅍ".chars().map(Action::Input));
    both("search", &actions);
}

#[test]
fn search_field_holds_the_cursor_after_the_typed_text() {
    let mut a = app();
    a.feed(AppEvent::Resize(80, 24));
    a.act(Action::Search);
    a.act(Action::Input('스'));
    // Header row, border, then the field: prompt (2) + one syllable (2).
    assert_eq!(
        a.cursor_position(),
        Some(ratatui::layout::Position::new(5, 2))
    );
}

#[test]
fn every_size_down_to_one_by_one_draws_without_panic() {
    let mut a = app();
    a.act(Action::NextPane);
    for w in 1..=45 {
        for h in 1..=14 {
            let _ = screen(&mut a, w, h);
        }
    }
    insta::assert_snapshot!("too_small_12x4", screen(&mut a, 12, 4));
}

#[test]
fn first_frame_while_the_vault_loads() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut a = App::new(
            crate::vault::Vault::default(),
            Lang::Ko,
            Theme::default(),
            Keymap::default(),
        );
        a.feed(AppEvent::Progress(3, 10));
        insta::assert_snapshot!(format!("loading_{w}x{h}"), screen(&mut a, w, h));
        a.feed(AppEvent::Loaded(Box::new(fixture::vault())));
        assert!(a.loading.is_none());
        assert!(a.reader.is_some(), "the first note opens once loaded");
    }
}

#[test]
fn help_and_hint_bar_follow_a_rebound_key() {
    let mut keymap = Keymap::default();
    keymap.rebind("search", &["ctrl-f".to_owned()]).unwrap();
    let mut a = App::new(fixture::vault(), Lang::En, Theme::default(), keymap);
    let text = screen(&mut a, 80, 24);
    assert!(
        text.lines().last().unwrap().contains("C-f search"),
        "{text}"
    );
    a.act(Action::Help);
    // Help opens at the note list's keys; the global ones are on top.
    a.act(Action::Top);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("C-f               search"), "{text}");
}

#[test]
fn english_ui_on_korean_notes() {
    let mut a = App::new(
        fixture::vault(),
        Lang::En,
        Theme::default(),
        Keymap::default(),
    );
    a.act(Action::NextPane);
    insta::assert_snapshot!("study_en_80x24", screen(&mut a, 80, 24));
}

/// The fixture app with the spot note renamed to a long Korean title.
fn app_with_a_long_title() -> App {
    let mut vault = fixture::vault();
    let long = "스팟 인스턴스를 마스터·코어·태스크 노드에 나누어 두는 비용 절감 전략 정리";
    vault.notes[0].title = long.into();
    vault.notes[0].heading = Some(long.into());
    App::new(vault, Lang::Ko, Theme::default(), Keymap::default())
}

#[test]
fn long_titles_in_the_tree_are_cut_so_the_question_count_shows() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut a = app_with_a_long_title();
        let text = screen(&mut a, w, h);
        // List rows: a note row starts with its open mark or two spaces.
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("▶ 스팟")).collect();
        assert_eq!(rows.len(), 2, "{text}");
        for row in rows {
            assert!(row.contains("… (1)"), "count cut off at {w}×{h}: {row}");
        }
        insta::assert_snapshot!(format!("study_long_title_{w}x{h}"), text);
    }
}
