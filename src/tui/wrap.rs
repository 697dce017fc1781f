//! Width-aware wrapping of styled text by display width (Hangul and emoji
//! take two cells), breaking at spaces and falling back to character breaks
//! for words longer than a line.
//!
//! munje never hands user text to ratatui's `Paragraph::wrap`, which on
//! 0.30 panics or drops syllables on some Korean input; everything that
//! wraps goes through here. Owns no styles.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Display width of a character (control characters count as zero).
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Display width of a line.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// Cuts a string to at most `max` cells, ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Pads a string with spaces on the right to `cells` display cells.
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Wraps styled pieces of text to `max` cells a line. `first` prefixes the
/// first line and `rest` every other (list bullets, quote bars); both count
/// against the width. `\n` forces a break. Runs of spaces collapse to one
/// at a break, and lines never start with one.
pub fn wrap(
    pieces: &[(String, Style)],
    max: usize,
    first: &Line<'static>,
    rest: &Line<'static>,
) -> Vec<Line<'static>> {
    let chars: Vec<(char, Style)> = pieces
        .iter()
        .flat_map(|(s, st)| s.chars().map(move |c| (c, *st)))
        .collect();
    let mut out = Vec::new();
    let mut cur: Vec<(char, Style)> = Vec::new();
    let mut cur_w = 0;
    let avail = |lines: &Vec<Line<'static>>| {
        let prefix = if lines.is_empty() { first } else { rest };
        max.saturating_sub(line_width(prefix)).max(1)
    };
    let flush = |out: &mut Vec<Line<'static>>, cur: &mut Vec<(char, Style)>| {
        let prefix = if out.is_empty() { first } else { rest };
        let mut spans = prefix.spans.clone();
        spans.extend(to_spans(cur));
        out.push(Line::from(spans));
        cur.clear();
    };
    let mut pending_space: Option<Style> = None;
    let mut i = 0;
    while i < chars.len() {
        let (c, st) = chars[i];
        if c == '\n' {
            flush(&mut out, &mut cur);
            cur_w = 0;
            pending_space = None;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            pending_space.get_or_insert(st);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|(c, _)| c.is_whitespace())
            .map_or(chars.len(), |p| i + p);
        let word = &chars[i..end];
        let word_w: usize = word.iter().map(|(c, _)| char_width(*c)).sum();
        let space_w = usize::from(pending_space.is_some() && !cur.is_empty());
        let room = avail(&out);
        if cur_w + space_w + word_w <= room {
            if space_w == 1 {
                cur.push((' ', pending_space.unwrap_or_default()));
            }
            cur.extend_from_slice(word);
            cur_w += space_w + word_w;
        } else if word_w <= avail(&vec![Line::default()]) && !cur.is_empty() {
            flush(&mut out, &mut cur);
            cur.extend_from_slice(word);
            cur_w = word_w;
        } else if is_url(word) {
            // A URL longer than a line starts a line of its own and is
            // cut only there: it reads (and copies) as one block, never
            // half at the end of a line of prose.
            if !cur.is_empty() {
                flush(&mut out, &mut cur);
                cur_w = 0;
            }
            for &(c, st) in word {
                let w = char_width(c);
                if cur_w + w > avail(&out) && !cur.is_empty() {
                    flush(&mut out, &mut cur);
                    cur_w = 0;
                }
                cur.push((c, st));
                cur_w += w;
            }
        } else {
            // Longer than a whole line: break between characters.
            if space_w == 1 && cur_w + 2 <= room {
                cur.push((' ', pending_space.unwrap_or_default()));
                cur_w += 1;
            }
            for &(c, st) in word {
                let w = char_width(c);
                if cur_w + w > avail(&out) && !cur.is_empty() {
                    flush(&mut out, &mut cur);
                    cur_w = 0;
                }
                cur.push((c, st));
                cur_w += w;
            }
        }
        pending_space = None;
        i = end;
    }
    if !cur.is_empty() || out.is_empty() {
        flush(&mut out, &mut cur);
    }
    out
}

/// True for a word that holds a URL (`https://…`, `mailto:…`), which is
/// never broken where it fits a line.
fn is_url(word: &[(char, Style)]) -> bool {
    let text: String = word.iter().map(|(c, _)| *c).collect();
    find_url(&text).is_some()
}

/// The byte range of the first URL in `text`: a scheme (`http`, `https`,
/// `ftp`, `file`) and `://`, or `mailto:`, then printable ASCII up to a
/// closing bracket or quote (a Korean particle right after a URL,
/// `https://a.io/x에서`, is not part of it).
pub fn find_url(text: &str) -> Option<std::ops::Range<usize>> {
    let start = ["https://", "http://", "ftp://", "file://", "mailto:"]
        .iter()
        .filter_map(|p| text.find(p))
        .min()?;
    let end = text[start..]
        .find(|c: char| !c.is_ascii_graphic() || matches!(c, '>' | ')' | ']' | '"' | '\'' | '<'))
        .map_or(text.len(), |e| start + e);
    Some(start..end)
}

/// Groups characters of equal style into spans.
fn to_spans(chars: &[(char, Style)]) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for &(c, st) in chars {
        if style.is_some_and(|s| s != st) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(st);
        text.push(c);
    }
    if let Some(st) = style {
        spans.push(Span::styled(text, st));
    }
    spans
}

/// Wraps plain text in one style with no prefixes.
pub fn wrap_plain(text: &str, style: Style, max: usize) -> Vec<Line<'static>> {
    wrap(
        &[(text.to_owned(), style)],
        max,
        &Line::default(),
        &Line::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn korean_wraps_at_spaces_by_display_width() {
        let lines = wrap_plain("스팟 인스턴스는 저렴합니다", Style::new(), 12);
        assert_eq!(texts(&lines), ["스팟", "인스턴스는", "저렴합니다"]);
        for l in &lines {
            assert!(line_width(l) <= 12);
        }
    }

    #[test]
    fn no_syllable_is_lost_when_a_word_is_longer_than_the_line() {
        let text = "가나다라마바사아자차카타파하";
        let lines = wrap_plain(text, Style::new(), 7);
        assert_eq!(texts(&lines).concat(), text);
        assert!(lines.iter().all(|l| line_width(l) <= 7));
        // Seven cells hold three syllables, never half of one.
        assert_eq!(texts(&lines)[0], "가나다");
    }

    #[test]
    fn prefixes_count_against_the_width_and_hang() {
        let first = Line::from("• ");
        let rest = Line::from("  ");
        let lines = wrap(&[("aaa bbb ccc".into(), Style::new())], 8, &first, &rest);
        assert_eq!(texts(&lines), ["• aaa", "  bbb", "  ccc"]);
    }

    #[test]
    fn styles_survive_wrapping_and_newlines_break() {
        let bold = Style::new().bold();
        let lines = wrap(
            &[("굵게".into(), bold), ("을 봐\n다음".into(), Style::new())],
            40,
            &Line::default(),
            &Line::default(),
        );
        assert_eq!(texts(&lines), ["굵게을 봐", "다음"]);
        assert_eq!(lines[0].spans[0].style, bold);
    }

    #[test]
    fn a_url_is_never_broken_where_it_fits_a_line() {
        let url = "https://docs.aws.amazon.com/emr/spot";
        let text = format!("자세한 내용은 {url} 문서를 보라");
        let lines = wrap_plain(&text, Style::new(), 40);
        assert_eq!(texts(&lines), ["자세한 내용은", url, "문서를 보라"]);
    }

    #[test]
    fn a_url_longer_than_the_line_starts_a_line_of_its_own() {
        let url = "https://docs.aws.amazon.com/emr/latest/ManagementGuide/spot.html";
        let text = format!("참고: {url}");
        let lines = texts(&wrap_plain(&text, Style::new(), 30));
        assert_eq!(lines[0], "참고:");
        assert_eq!(lines[1..].concat(), url);
        assert!(lines[1].starts_with("https://"));
    }

    #[test]
    fn urls_are_found_with_their_scheme_and_end_at_a_space_or_bracket() {
        assert_eq!(find_url("보라 <https://a.io/x> 끝"), Some(8..22));
        assert_eq!(find_url("mailto:me@x.kr"), Some(0..14));
        assert_eq!(find_url("https://a.io/x에서"), Some(0..14));
        assert_eq!(find_url("www.example.com"), None);
    }

    #[test]
    fn emoji_take_two_cells_and_width_one_never_loops() {
        let lines = wrap_plain("🎯🎯🎯", Style::new(), 1);
        assert_eq!(texts(&lines), ["🎯", "🎯", "🎯"]);
        assert_eq!(truncate("스팟인스턴스", 7), "스팟인…");
    }
}
