//! How long drawing the largest bundled note takes: laying it out
//! (markdown to wrapped lines) and a whole frame of the study screen.
//! Run with `cargo bench --bench render`.

// A benchmark is harness code, like a test: when its setup fails there is
// nothing to measure, and stopping with the reason is the right outcome.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use munje::i18n::Lang;
use munje::tui::keymap::Keymap;
use munje::tui::markdown::render_note;
use munje::tui::theme::Theme;
use munje::tui::{App, AppEvent};
use munje::vault::{NoteIx, load_bundled};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn largest_note(c: &mut Criterion) {
    let vault = load_bundled();
    let (ix, note) = vault
        .notes
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| n.body.len())
        .expect("the bundled deck has notes");
    let theme = Theme::default();
    let body = vault.body(note);
    c.bench_function("layout largest note 80 cols", |b| {
        b.iter(|| render_note(black_box(note), &body, 80, &theme, Lang::Ko));
    });

    let mut app = App::new(vault.clone(), Lang::Ko, theme.clone(), Keymap::default());
    app.open_note(NoteIx(ix));
    app.handle(AppEvent::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    c.bench_function("draw study frame 120x40", |b| {
        b.iter(|| term.draw(|f| drop(app.draw(f))).map(|_| ()));
    });

    c.bench_function("resize and draw 100x30", |b| {
        let mut term = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
        let mut wide = true;
        b.iter(|| {
            wide = !wide;
            let w = if wide { 100 } else { 99 };
            app.handle(AppEvent::Resize(w, 30));
            term.draw(|f| drop(app.draw(f))).map(|_| ())
        });
    });
}

criterion_group!(benches, largest_note);
criterion_main!(benches);
