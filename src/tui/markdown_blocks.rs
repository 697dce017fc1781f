//! The block kinds of the note reader that are laid out whole rather than
//! wrapped: the frontmatter header, code blocks (kept exactly, scrolled
//! sideways) and tables (columns aligned by display width). Part of the
//! `markdown` walker.

use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::markdown::Walker;
use super::wrap;
use crate::i18n::Lang;
use crate::vault::Note;

impl Walker<'_> {
    /// Shows a link's URL after its text (`문서 (https://…)`) unless the
    /// text is the URL: a terminal without hyperlinks still shows where
    /// the link goes, and the URL is itself a link where it has them.
    pub(super) fn link_target(&mut self) {
        let Some((url, start)) = self.link_targets.pop() else {
            return;
        };
        let text: String = self.inline[start.min(self.inline.len())..]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        if wrap::find_url(&url).is_none_or(|r| r.start != 0) || text.trim() == url {
            return;
        }
        let url = crate::text::visible(&url).into_owned();
        self.inline.push(super::markdown::Seg {
            text: format!(" ({url})"),
            style: self.theme.link,
            code: false,
        });
    }

    pub(super) fn header(&mut self, note: &Note, lang: Lang) {
        let t = self.theme;
        let mut pieces: Vec<(String, Style)> = Vec::new();
        for tag in note.tags.iter() {
            pieces.push((format!("#{tag} "), t.tag));
        }
        if !pieces.is_empty() {
            self.push_wrapped(&pieces, &Line::default(), &Line::default());
        }
        if !note.aliases.is_empty() {
            let label = lang.pick("별칭: ", "aliases: ");
            let pieces = vec![(label.to_owned(), t.dim), (note.aliases.join(", "), t.text)];
            self.push_wrapped(&pieces, &Line::default(), &Line::default());
        }
        let mut facts = Vec::new();
        if let Some(c) = &note.created {
            facts.push(format!("{} {c}", lang.pick("작성", "created")));
        }
        if let Some(m) = &note.modified {
            facts.push(format!("{} {m}", lang.pick("수정", "modified")));
        }
        if !note.questions.is_empty() {
            facts.push(format!(
                "{} {}",
                lang.pick("문제", "questions"),
                note.questions.len()
            ));
        }
        facts.push(note.path.to_string());
        // Facts stay whole and a line never ends (or starts) with the
        // separator: one that does not fit starts the next line.
        let mut line = String::new();
        for fact in facts {
            let joined = if line.is_empty() {
                fact.clone()
            } else {
                format!("{line} · {fact}")
            };
            if line.is_empty() || crate::tui::wrap::width(&joined) <= self.width {
                line = joined;
            } else {
                let done = std::mem::replace(&mut line, fact);
                self.push_wrapped(&[(done, t.dim)], &Line::default(), &Line::default());
            }
        }
        if !line.is_empty() {
            self.push_wrapped(&[(line, t.dim)], &Line::default(), &Line::default());
        }
        self.push(
            Line::styled("─".repeat(self.width.min(60)), t.border),
            false,
        );
    }

    pub(super) fn end_code_block(&mut self) {
        let code = self.code.take().unwrap_or_default();
        let quote = self.quote_prefix();
        let indent = if self.lists.is_empty() {
            "  ".to_owned()
        } else {
            "  ".repeat(self.lists.len() + 1)
        };
        for line in code.trim_end_matches('\n').split('\n') {
            let mut spans = quote.clone();
            spans.push(Span::raw(indent.clone()));
            spans.push(Span::styled(line.replace('\t', "    "), self.theme.code));
            self.push(Line::from(spans), true);
        }
        self.blank();
    }

    pub(super) fn end_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        let cols = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        let cell_text = |cell: &[(String, Style)]| -> String {
            cell.iter()
                .map(|(s, _)| s.as_str())
                .collect::<String>()
                .replace('\n', " ")
        };
        let widths: Vec<usize> = (0..cols)
            .map(|c| {
                table
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|cell| wrap::width(&cell_text(cell)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let sep = Span::styled(" │ ", self.theme.border);
        for (i, row) in table.rows.iter().enumerate() {
            let mut spans = self.quote_prefix();
            spans.push(Span::raw("  "));
            for (c, w) in widths.iter().enumerate() {
                if c > 0 {
                    spans.push(sep.clone());
                }
                let cell = row.get(c).map(Vec::as_slice).unwrap_or_default();
                let gap = w - wrap::width(&cell_text(cell));
                let (left, right) = match table.aligns.get(c) {
                    Some(Alignment::Right) => (gap, 0),
                    Some(Alignment::Center) => (gap / 2, gap - gap / 2),
                    _ => (0, gap),
                };
                spans.push(Span::raw(" ".repeat(left)));
                for (s, st) in cell {
                    let st = if i < table.head_rows {
                        st.patch(self.theme.bold)
                    } else {
                        *st
                    };
                    spans.push(Span::styled(s.replace('\n', " "), st));
                }
                spans.push(Span::raw(" ".repeat(right)));
            }
            self.push(Line::from(spans), true);
            if i + 1 == table.head_rows {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                let mut spans = self.quote_prefix();
                spans.push(Span::raw("  "));
                spans.push(Span::styled(rule.join("─┼─"), self.theme.border));
                self.push(Line::from(spans), true);
            }
        }
        self.blank();
    }
}
