//! The quiz start dialog: what to ask (everything, a note, a tag; only the
//! wrong-answer notebook; only due questions), how many, practice or exam,
//! shuffled or in note order. Owns the choices; the app runs the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::study::display_title;
use crate::i18n::Lang;
use crate::quiz::{Selection, Shuffle};
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::wrap;
use crate::vault::{NoteIx, Tag, Vault};

/// Which questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every quizzable question.
    All,
    /// One note's questions.
    Note(NoteIx),
    /// Questions with a tag or one under it.
    Tag(Tag),
}

/// Question counts offered; 0 means all.
pub const COUNTS: [usize; 6] = [5, 10, 20, 30, 65, 0];

/// Rows of the dialog.
const FIELDS: usize = 7;

/// The dialog's state.
#[derive(Debug, Clone)]
pub struct StartDialog {
    /// Scopes offered, in order.
    pub scopes: Vec<Scope>,
    /// The chosen scope.
    pub scope: usize,
    /// Only the wrong-answer notebook.
    pub wrong_only: bool,
    /// Only questions due for review.
    pub due_only: bool,
    /// Index into [`COUNTS`].
    pub count: usize,
    /// Exam instead of practice.
    pub exam: bool,
    /// Shuffle questions and options.
    pub shuffle: bool,
    /// The highlighted row.
    pub field: usize,
    /// Questions the current choices select (set by the app).
    pub available: usize,
}

impl StartDialog {
    /// A dialog offering everything, the given note and every tag, with
    /// `preferred` chosen when it is among them.
    pub fn new(vault: &Vault, note: Option<NoteIx>, preferred: Option<Scope>) -> Self {
        let mut scopes = vec![Scope::All];
        scopes.extend(note.map(Scope::Note));
        let mut tags: Vec<Tag> = vault
            .questions
            .iter()
            .flat_map(|q| q.tags.iter())
            .flat_map(|t| t.prefixes().filter_map(Tag::parse).collect::<Vec<_>>())
            .collect();
        tags.sort();
        tags.dedup();
        scopes.extend(tags.into_iter().map(Scope::Tag));
        let scope = preferred
            .and_then(|p| scopes.iter().position(|s| *s == p))
            .unwrap_or(0);
        StartDialog {
            scopes,
            scope,
            wrong_only: false,
            due_only: false,
            count: 1,
            exam: false,
            shuffle: true,
            field: FIELDS - 1,
            available: 0,
        }
    }

    /// The selection these choices make, shuffled with `seed`.
    pub fn selection(&self, vault: &Vault, seed: u64) -> Selection {
        let mut sel = Selection {
            wrong_only: self.wrong_only,
            due_only: self.due_only,
            count: match COUNTS[self.count] {
                0 => None,
                n => Some(n),
            },
            shuffle: if self.shuffle {
                Shuffle::Seeded(seed)
            } else {
                Shuffle::Off
            },
            ..Selection::default()
        };
        match &self.scopes[self.scope] {
            Scope::All => {}
            Scope::Note(n) => sel.note = Some(vault.note(*n).title.to_string()),
            Scope::Tag(t) => sel.tags = vec![t.clone()],
        }
        sel
    }

    /// Applies an action; true when the user asked to start.
    pub fn apply(&mut self, action: Action) -> bool {
        let step = |v: usize, n: usize, fwd: bool| if fwd { (v + 1) % n } else { (v + n - 1) % n };
        match action {
            Action::Down => self.field = (self.field + 1) % FIELDS,
            Action::Up => self.field = (self.field + FIELDS - 1) % FIELDS,
            Action::Confirm => return true,
            Action::Left | Action::Right | Action::Toggle => {
                let fwd = action != Action::Left;
                match self.field {
                    0 => self.scope = step(self.scope, self.scopes.len(), fwd),
                    1 => self.wrong_only = !self.wrong_only,
                    2 => self.due_only = !self.due_only,
                    3 => self.count = step(self.count, COUNTS.len(), fwd),
                    4 => self.exam = !self.exam,
                    5 => self.shuffle = !self.shuffle,
                    _ => return action == Action::Toggle,
                }
            }
            _ => {}
        }
        false
    }
}

/// Draws the dialog.
pub struct StartView<'a> {
    /// The dialog.
    pub dialog: &'a StartDialog,
    /// For note titles.
    pub vault: &'a Vault,
    /// Styles.
    pub theme: &'a Theme,
    /// Language.
    pub lang: Lang,
}

impl Widget for StartView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (d, t, lang) = (self.dialog, self.theme, self.lang);
        let on_off = |b: bool| {
            if b {
                lang.pick("예", "yes")
            } else {
                lang.pick("아니요", "no")
            }
        };
        let scope = match &d.scopes[d.scope] {
            Scope::All => lang.pick("전체", "everything").to_owned(),
            Scope::Note(n) => format!("📄 {}", display_title(self.vault.note(*n))),
            Scope::Tag(tag) => format!("#{tag}"),
        };
        let count = match COUNTS[d.count] {
            0 => lang.pick("전부", "all").to_owned(),
            n => n.to_string(),
        };
        let rows: [(&str, String); FIELDS] = [
            (lang.pick("범위", "Questions from"), scope),
            (
                lang.pick("오답노트만", "Wrong answers only"),
                on_off(d.wrong_only).to_owned(),
            ),
            (
                lang.pick("복습할 때 된 것만", "Due for review only"),
                on_off(d.due_only).to_owned(),
            ),
            (lang.pick("문제 수", "How many"), count),
            (
                lang.pick("방식", "Mode"),
                if d.exam {
                    lang.pick("모의고사 (시간 제한)", "exam (timed)")
                } else {
                    lang.pick("연습 (바로 채점)", "practice (instant feedback)")
                }
                .to_owned(),
            ),
            (lang.pick("섞기", "Shuffle"), on_off(d.shuffle).to_owned()),
            (
                lang.pick("▶ 시작", "▶ Start"),
                match lang {
                    Lang::Ko => format!("{}문제", d.available),
                    Lang::En => format!("{} questions", d.available),
                },
            ),
        ];
        let label_w = 20.min(area.width as usize / 2);
        for (i, (y, (label, value))) in (area.y..area.bottom()).zip(rows.iter()).enumerate() {
            let arrows = if i < FIELDS - 1 {
                ("‹ ", " ›")
            } else {
                ("", "")
            };
            let value_room = (area.width as usize).saturating_sub(label_w + 5);
            let line = Line::from(vec![
                Span::styled(
                    wrap::pad(&wrap::truncate(label, label_w), label_w),
                    if i == FIELDS - 1 { t.title } else { t.text },
                ),
                Span::styled(arrows.0, t.dim),
                Span::styled(wrap::truncate(value, value_room), t.bold),
                Span::styled(arrows.1, t.dim),
            ]);
            buf.set_line(area.x, y, &line, area.width);
            if i == d.field {
                buf.set_style(Rect::new(area.x, y, area.width, 1), t.selected);
            }
        }
        let hint = lang.pick(
            "↑↓ 항목 · ←→/Space 바꾸기 · Enter 시작",
            "↑↓ field · ←→/Space change · Enter start",
        );
        let y = area.y + u16::try_from(FIELDS).unwrap_or(0) + 1;
        if y < area.bottom() {
            buf.set_stringn(area.x, y, hint, area.width as usize, t.dim);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    #[test]
    fn scopes_offer_the_open_note_and_every_tag_level() {
        let vault = fixture::vault();
        let d = StartDialog::new(&vault, Some(NoteIx(1)), Some(Scope::Note(NoteIx(1))));
        assert_eq!(d.scopes[d.scope], Scope::Note(NoteIx(1)));
        assert!(
            d.scopes
                .contains(&Scope::Tag(Tag::parse("service").unwrap()))
        );
        assert!(
            d.scopes
                .contains(&Scope::Tag(Tag::parse("service/emr").unwrap()))
        );
    }

    #[test]
    fn changing_fields_builds_the_selection() {
        let vault = fixture::vault();
        let mut d = StartDialog::new(&vault, None, None);
        d.field = 0;
        d.apply(Action::Right);
        d.field = 3;
        d.apply(Action::Left);
        d.field = 5;
        d.apply(Action::Toggle);
        let sel = d.selection(&vault, 7);
        assert!(matches!(d.scopes[d.scope], Scope::Tag(_)));
        assert_eq!(sel.tags.len(), 1);
        assert_eq!(sel.count, Some(5));
        assert_eq!(sel.shuffle, Shuffle::Off);
        d.field = 6;
        assert!(d.apply(Action::Toggle));
        assert!(d.apply(Action::Confirm));
    }
}
