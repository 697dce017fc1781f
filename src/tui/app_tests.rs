//! Tests of `app`.
use super::*;
use crate::tui::app_study::offset_of_line;
use crate::tui::fixture;
use crate::tui::fixture::Drive;
use crate::vault::{NoteIx, SectionKind};
use ratatui::crossterm::event::KeyEvent;

use crate::tui::fixture::app;

#[test]
fn the_first_note_is_open_at_start_and_the_list_has_focus() {
    let app = app();
    assert_eq!(app.reader.as_ref().map(|r| r.note), Some(NoteIx(0)));
    assert_eq!(app.context(), Context::NoteList);
}

#[test]
fn esc_goes_back_one_level_and_never_quits() {
    let mut app = app();
    app.act(Action::Bottom);
    app.act(Action::Confirm);
    assert_eq!(app.context(), Context::Reader);
    app.act(Action::Help);
    assert_eq!(app.context(), Context::Pager);
    for _ in 0..5 {
        app.act(Action::Back);
    }
    assert_eq!(app.context(), Context::NoteList);
    assert!(!app.quit);
    app.act(Action::Quit);
    assert!(app.quit);
}

#[test]
fn following_a_wikilink_opens_the_note_and_back_returns() {
    let mut app = app();
    app.act(Action::NextPane);
    app.act(Action::JumpSection(SectionKind::Concepts));
    app.act(Action::Links);
    assert_eq!(app.context(), Context::Picker);
    app.act(Action::Confirm);
    assert_eq!(app.reader.as_ref().map(|r| r.note), Some(NoteIx(1)));
    app.act(Action::Back);
    let r = app.reader.as_ref().unwrap();
    assert_eq!(r.note, NoteIx(0));
    assert_eq!(r.section_here(), Some("🔍 주요개념"));
}

#[test]
fn reload_keeps_the_open_note_and_its_position() {
    let mut app = app();
    app.act(Action::NextPane);
    app.act(Action::JumpSection(SectionKind::Questions));
    let mut vault = fixture::vault();
    vault.notes.swap(0, 1);
    let body = vault.body(&vault.notes[1]).into_owned();
    vault.notes[1].body = format!("추가된 문단.\n\n{body}").into();
    for s in &mut vault.notes[1].sections {
        s.range = s.range.start + 19..s.range.end + 19;
    }
    app.reload(vault);
    let r = app.reader.as_ref().unwrap();
    assert_eq!(r.note, NoteIx(1));
    assert_eq!(r.section_here(), Some("📚 관련 문제"));
}

#[test]
fn searching_opens_the_note_at_the_hit() {
    let mut app = app();
    app.act(Action::Bottom);
    app.act(Action::Confirm);
    assert_eq!(app.reader.as_ref().map(|r| r.note), Some(NoteIx(0)));
    app.act(Action::Search);
    assert_eq!(app.context(), Context::Search);
    for c in "나뉜다".chars() {
        app.act(Action::Input(c));
    }
    let hit = match app.layers.last() {
        Some(Layer::Search(s)) => s.selected().cloned().unwrap(),
        other => panic!("{other:?}"),
    };
    assert_eq!(hit.note, Some(NoteIx(1)));
    app.act(Action::Confirm);
    assert!(app.layers.is_empty());
    let r = app.reader.as_ref().unwrap();
    assert_eq!(r.note, NoteIx(1));
    assert_eq!(app.context(), Context::Reader);
}

#[test]
fn esc_from_search_returns_to_where_it_was_opened() {
    let mut app = app();
    app.act(Action::Help);
    app.act(Action::Search);
    app.act(Action::Input('q'));
    assert!(!app.quit, "q types in the search field");
    app.act(Action::Back);
    assert_eq!(app.context(), Context::Pager);
}

#[test]
fn file_lines_map_to_body_offsets() {
    let vault = fixture::vault();
    let note = vault.note(NoteIx(1));
    assert_eq!(offset_of_line(&vault, note, 1), 0);
    assert_eq!(
        &vault.body(note)[offset_of_line(&vault, note, 3)..][..2],
        "##"
    );
}

#[test]
fn ctrl_c_quits_from_a_layer() {
    let mut app = app();
    app.act(Action::Diagnostics);
    app.feed(AppEvent::Key(KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    )));
    assert!(app.quit);
}

#[test]
fn the_search_index_is_built_off_the_ui_thread_and_a_stale_one_is_dropped() {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut app = App::new(
        crate::vault::Vault::default(),
        crate::i18n::Lang::Ko,
        crate::tui::theme::Theme::default(),
        crate::tui::keymap::Keymap::default(),
    );
    app.events = Some(tx);
    app.feed(AppEvent::Loaded(Box::new(fixture::vault())));
    // The list is there at once; search waits for the index.
    assert!(app.indexing);
    assert!(!app.list.shown.is_empty());
    let text = crate::tui::snapshots::screen(&mut app, 80, 24);
    assert!(text.contains("검색 색인 중"), "{text}");
    // A reload before the first index arrives: the first one is stale.
    app.feed(AppEvent::Reloaded(Box::new(fixture::vault())));
    let recv = || {
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .expect("the index thread reports")
    };
    let (first, second) = (recv(), recv());
    let gens: Vec<u64> = [&first, &second]
        .iter()
        .map(|e| match e {
            AppEvent::Indexed(g, _) => *g,
            other => panic!("{other:?}"),
        })
        .collect();
    let newest = *gens.iter().max().unwrap();
    let (stale, fresh) = if gens[0] == newest {
        (second, first)
    } else {
        (first, second)
    };
    app.feed(stale);
    assert!(app.indexing, "an index of an older vault is dropped");
    app.feed(fresh);
    assert!(!app.indexing);
    let text = crate::tui::snapshots::screen(&mut app, 80, 24);
    assert!(!text.contains("검색 색인 중"), "{text}");
    assert!(!app.index.is_empty(), "the index has the notes");
}

#[test]
fn an_unknown_tag_in_the_search_field_suggests_the_nearest() {
    let mut app = app();
    app.act(Action::Search);
    for c in "#servce/emr".chars() {
        app.act(Action::Input(c));
    }
    let text = crate::tui::snapshots::screen(&mut app, 100, 24);
    assert!(
        text.contains("태그 \"servce/emr\"는 이 볼트에 없습니다. 혹시 service/emr?"),
        "{text}"
    );
}

#[test]
fn every_settings_problem_is_listed_whole_in_the_diagnostics_panel() {
    use crate::tui::config::Config;
    let mut app = app();
    let (_, problems) = Config::parse(
        "theme = \"pink\"\ncolour = 1\n[keys]\nhelp = 3\n",
        crate::i18n::Lang::Ko,
    );
    app.config_problems = problems;
    app.act(Action::Diagnostics);
    let text = crate::tui::snapshots::screen(&mut app, 80, 30);
    assert!(text.contains("theme \"pink\"은(는)"), "{text}");
    assert!(text.contains("모르는 설정 \"colour\""), "{text}");
    assert!(text.contains("keys.help = 3은(는)"), "{text}");
    // Wrapped, never cut: the end of the longest one is there too.
    assert!(text.contains("[keys])"), "{text}");
}

#[test]
fn e_in_the_reader_asks_for_the_editor_at_the_line_on_top() {
    let mut app = app();
    app.editor = Some("vim".into());
    app.act(Action::NextPane);
    app.act(Action::JumpSection(SectionKind::Concepts));
    app.act(Action::Edit);
    let req = app.edit_request.take().expect("an edit request");
    let note = app.vault.note(NoteIx(0));
    assert_eq!(req.path, std::path::Path::new("fixture").join(&*note.path));
    let concepts = note.section(SectionKind::Concepts).unwrap();
    assert_eq!(req.line, app.vault.line_of(note, concepts.span().start));
}

#[test]
fn e_without_an_editor_says_how_to_set_one() {
    let mut app = app();
    app.act(Action::NextPane);
    app.act(Action::Edit);
    assert!(app.edit_request.is_none());
    let status = app.status.as_ref().map_or("", |s| s.text.as_str());
    assert!(status.contains("EDITOR"), "{status}");
}

#[test]
fn help_opens_at_the_keys_of_the_screen_it_was_asked_from() {
    let mut app = app();
    app.act(Action::NextPane);
    assert_eq!(app.context(), Context::Reader);
    app.act(Action::Help);
    let text = crate::tui::snapshots::screen(&mut app, 80, 24);
    let first = text.lines().nth(2).unwrap_or_default();
    assert!(first.contains("노트 보기"), "{text}");
}

#[test]
fn a_wide_table_puts_sideways_scrolling_in_the_hint_bar() {
    let mut app = app();
    let row = format!(
        "| {} | {} |\n",
        "스팟 인스턴스 ".repeat(6),
        "온디맨드 ".repeat(6)
    );
    std::sync::Arc::make_mut(&mut app.vault).notes[0].body =
        format!("| a | b |\n|---|---|\n{row}").into();
    std::sync::Arc::make_mut(&mut app.vault).notes[0].sections = Box::new([]);
    app.reader = Some(ReaderState::new(NoteIx(0)));
    app.act(Action::NextPane);
    let text = crate::tui::snapshots::screen(&mut app, 100, 24);
    let hints = text.lines().last().unwrap_or_default();
    assert!(hints.contains("표 옆으로 보기"), "{text}");
}

/// The fixture vault as [`AppEvent::Listed`] brings it: names and tags,
/// no bodies, sections or questions.
fn cards_of(vault: &crate::vault::Vault) -> crate::vault::Vault {
    let mut cards = crate::vault::Vault {
        roots: vault.roots.clone(),
        notes: vault.notes.clone(),
        ..crate::vault::Vault::default()
    };
    for n in &mut cards.notes {
        n.body = crate::vault::Body::default();
        n.sections = Box::default();
        n.links = Box::default();
        n.key_point = None;
        n.questions = Vec::new();
    }
    cards
}

#[test]
fn the_list_is_browsed_on_names_alone_and_the_whole_vault_takes_its_place() {
    let mut app = App::new(
        crate::vault::Vault::default(),
        crate::i18n::Lang::Ko,
        crate::tui::theme::Theme::default(),
        crate::tui::keymap::Keymap::default(),
    );
    app.loading = Some((0, 0));
    // Nothing read yet: no quiz on an empty vault.
    app.update(Action::StartQuiz);
    assert!(app.layers.is_empty());
    app.handle(AppEvent::Listed(Arc::new(cards_of(&fixture::vault()))));
    app.handle(AppEvent::Progress(1, 2));
    assert!(app.cards_only);
    let text = crate::tui::snapshots::screen(&mut app, 80, 24);
    assert!(text.contains("본문과 문제 읽는 중 1/2"), "{text}");
    assert!(text.contains("본문을 읽는 중"), "{text}");
    // Browse to the last note and open it while the rest is read.
    app.update(Action::Bottom);
    app.update(Action::Confirm);
    let open = app.reader.as_ref().map(|r| r.note);
    let path = open.map(|n| app.vault.note(n).path.clone());
    assert!(path.is_some());
    app.update(Action::StartQuiz);
    assert!(app.layers.is_empty(), "no quiz without questions");
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("문제를 아직 읽는 중")),
        "{:?}",
        app.status
    );
    // The whole vault arrives: the same note stays open, now with a body.
    app.handle(AppEvent::Loaded(Box::new(fixture::vault())));
    assert!(!app.cards_only);
    let r = app.reader.as_ref().unwrap();
    assert_eq!(Some(&app.vault.note(r.note).path), path.as_ref());
    assert!(!app.vault.note(r.note).body.is_empty());
    assert_eq!(app.list.selected_note(&app.vault), Some(r.note));
    app.update(Action::StartQuiz);
    assert!(matches!(app.layers.last(), Some(Layer::QuizStart(_))));
}
