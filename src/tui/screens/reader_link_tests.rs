//! The reader with URLs: never broken where they fit, a long one on lines
//! of its own, and OSC 8 hyperlinks only when the theme asks for them.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::i18n::Lang;
use crate::tui::markdown::render_note;
use crate::vault::Note;

const BODY: &str = "# 링크

스팟 요금은 <https://aws.amazon.com/ec2/spot/pricing/> 에서 확인한다.

자세한 설명은 [EMR 관리 안내서](https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-instances-guidelines.html)를 보라.

- 목록 안의 주소 https://example.com/a/b 도 끊지 않는다.
";

fn state(width: u16, theme: &Theme) -> ReaderState {
    let note = Note {
        path: "links.md".into(),
        title: "링크".into(),
        body: BODY.into(),
        body_line: 1,
        ..Note::default()
    };
    let mut s = ReaderState::new(crate::vault::NoteIx(0));
    s.rendered = render_note(
        &note,
        note.body.own().unwrap(),
        width as usize,
        theme,
        Lang::Ko,
    );
    s
}

fn draw(w: u16, h: u16, theme: &Theme) -> Terminal<TestBackend> {
    let s = state(w, theme);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| {
        ReaderView { state: &s, theme }.render(f.area(), f.buffer_mut());
    })
    .unwrap();
    term
}

#[test]
fn urls_wrap_whole_and_a_long_one_gets_lines_of_its_own() {
    let theme = Theme::default();
    for (w, h) in [(80, 24), (40, 24)] {
        let term = draw(w, h, &theme);
        let text = crate::tui::snapshots::buffer_text(term.backend().buffer());
        assert!(
            text.contains("https://aws.amazon.com/ec2/spot/pricing/"),
            "{text}"
        );
        assert!(text.contains("https://example.com/a/b"), "{text}");
        assert!(!text.contains('\x1b'), "no hyperlinks unless asked");
        insta::assert_snapshot!(format!("reader_urls_{w}x{h}"), text);
    }
}

#[test]
fn with_hyperlinks_every_url_cell_links_to_the_whole_url() {
    let theme = Theme {
        hyperlinks: true,
        ..Theme::default()
    };
    let term = draw(40, 24, &theme);
    let buf = term.backend().buffer();
    let mut targets = std::collections::BTreeSet::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if let Some(rest) = sym.strip_prefix("\x1b]8;;") {
                let end = rest.find("\x1b\\").unwrap();
                targets.insert(rest[..end].to_owned());
            }
        }
    }
    let long = "https://docs.aws.amazon.com/emr/latest/ManagementGuide/\
                emr-plan-instances-guidelines.html";
    assert_eq!(
        targets.into_iter().collect::<Vec<_>>(),
        [
            "https://aws.amazon.com/ec2/spot/pricing/",
            long,
            "https://example.com/a/b"
        ]
    );
}
