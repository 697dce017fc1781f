//! Inline text of the note reader: a block's pieces joined, `**` runs
//! that CommonMark leaves literal made bold, `[[wikilinks]]` turned into
//! links, and the result wrapped. Part of the `markdown` walker.

use ratatui::style::Style;

use super::markdown::{Seg, Walker};

impl Walker<'_> {
    pub(super) fn flush_inline(&mut self) {
        if self.inline.is_empty() {
            return;
        }
        // An Obsidian block id ending a block names it; it is never text.
        if let Some(last) = self.inline.last_mut().filter(|s| !s.code)
            && let Some((before, _)) = crate::vault::id::split_block_id(&last.text)
        {
            last.text.truncate(before.len());
        }
        let pieces = self.resolve_inline();
        if pieces.iter().all(|(s, _)| s.trim().is_empty()) {
            return;
        }
        let (first, rest) = self.prefixes();
        self.push_wrapped(&pieces, &first, &rest);
    }

    /// Takes the inline buffer, makes literal `**` runs bold and wikilinks
    /// links, and returns styled pieces.
    pub(super) fn resolve_inline(&mut self) -> Vec<(String, Style)> {
        let segs = merge(std::mem::take(&mut self.inline));
        let total: usize = segs
            .iter()
            .filter(|s| !s.code)
            .map(|s| s.text.matches("**").count())
            .sum();
        // An unpaired last `**` stays literal.
        let mut toggles_left = total - total % 2;
        let mut extra_bold = false;
        let mut out = Vec::new();
        for seg in segs {
            if seg.code {
                out.push((seg.text, seg.style));
                continue;
            }
            let mut rest = seg.text.as_str();
            loop {
                let cut = rest.find("**").filter(|_| toggles_left > 0);
                let (piece, next) = match cut {
                    Some(i) => (&rest[..i], Some(&rest[i + 2..])),
                    None => (rest, None),
                };
                let style = if extra_bold {
                    seg.style.patch(self.theme.bold)
                } else {
                    seg.style
                };
                self.wikilinks(piece, style, &mut out);
                match next {
                    Some(n) => {
                        extra_bold = !extra_bold;
                        toggles_left -= 1;
                        rest = n;
                    }
                    None => break,
                }
            }
        }
        out
    }

    fn wikilinks(&mut self, text: &str, style: Style, out: &mut Vec<(String, Style)>) {
        let mut rest = text;
        while let Some(open) = rest.find("[[") {
            let Some(close) = rest[open..].find("]]").map(|c| open + c) else {
                break;
            };
            if open > 0 {
                out.push((rest[..open].to_owned(), style));
            }
            let inner = &rest[open + 2..close];
            let (target, label) = match inner.split_once('|') {
                Some((t, l)) => (t, l.trim().to_owned()),
                None => (inner, inner.trim().replace('#', " › ")),
            };
            let target = target.split('#').next().unwrap_or(target).trim().to_owned();
            out.push((label, style.patch(self.theme.link)));
            if !target.is_empty() && !self.out.links.contains(&target) {
                self.out.links.push(target);
            }
            rest = &rest[close + 2..];
        }
        if !rest.is_empty() {
            out.push((rest.to_owned(), style));
        }
    }
}

/// Joins neighbouring pieces of equal style, so a `**` split across
/// parser events is seen whole.
fn merge(segs: Vec<Seg>) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for s in segs {
        match out.last_mut() {
            Some(last) if !last.code && !s.code && last.style == s.style => {
                last.text.push_str(&s.text);
            }
            _ => out.push(s),
        }
    }
    out
}
