//! Every style the app uses, by role: dark and light palettes, and a
//! colourless one for `NO_COLOR` that keeps bold, underline and reverse.
//!
//! Screens ask for a role (`theme.heading`), never for a colour.

use ratatui::style::{Color, Modifier, Style};

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeKind {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// No colour at all (`NO_COLOR`).
    Mono,
}

/// Styles by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Which palette this is.
    pub kind: ThemeKind,
    /// URLs are written as terminal hyperlinks (OSC 8); see
    /// [`super::hyperlink::HyperlinkMode`]. Off unless the app turns it on.
    pub hyperlinks: bool,
    /// Plain text.
    pub text: Style,
    /// Secondary text: counts, dates, paths.
    pub dim: Style,
    /// The note title and screen titles.
    pub title: Style,
    /// Level-2 headings (sections).
    pub heading: Style,
    /// Level-3 and deeper headings.
    pub subheading: Style,
    /// Strong emphasis.
    pub bold: Style,
    /// Emphasis.
    pub italic: Style,
    /// Inline code and code blocks.
    pub code: Style,
    /// Block quotes.
    pub quote: Style,
    /// Wikilinks and links.
    pub link: Style,
    /// Tags.
    pub tag: Style,
    /// The highlighted row of a list.
    pub selected: Style,
    /// Search matches inside text.
    pub matched: Style,
    /// The right answer.
    pub correct: Style,
    /// A wrong answer.
    pub wrong: Style,
    /// Pane borders.
    pub border: Style,
    /// The border of the focused pane.
    pub border_focus: Style,
    /// Key names in the hint bar.
    pub hint_key: Style,
    /// Descriptions in the hint bar.
    pub hint: Style,
    /// Error text in the status line.
    pub error: Style,
    /// Warning text.
    pub warning: Style,
    /// Bars of charts.
    pub bar: Style,
    /// Emphasis inside other text (keeps the surrounding colour).
    pub emphasis: Style,
    /// Struck-through text (keeps the surrounding colour).
    pub struck: Style,
    /// The highlighted row of a list without focus.
    pub selected_unfocused: Style,
}

impl Theme {
    /// The theme for a palette.
    pub fn new(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Dark => Self::palette(kind, &DARK),
            ThemeKind::Light => Self::palette(kind, &LIGHT),
            ThemeKind::Mono => Self::mono(),
        }
    }

    /// Dark unless `NO_COLOR` is set (to anything but empty), which wins.
    pub fn detect(preferred: ThemeKind, no_color: Option<&str>) -> Theme {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Self::new(ThemeKind::Mono)
        } else {
            Self::new(preferred)
        }
    }

    fn palette(kind: ThemeKind, c: &Palette) -> Theme {
        let fg = |color| Style::new().fg(color);
        Theme {
            kind,
            hyperlinks: false,
            text: fg(c.text),
            dim: fg(c.dim),
            title: fg(c.accent).add_modifier(Modifier::BOLD),
            heading: fg(c.heading).add_modifier(Modifier::BOLD),
            subheading: fg(c.sub).add_modifier(Modifier::BOLD),
            bold: fg(c.strong).add_modifier(Modifier::BOLD),
            italic: fg(c.text).add_modifier(Modifier::ITALIC),
            code: fg(c.code),
            quote: fg(c.dim).add_modifier(Modifier::ITALIC),
            link: fg(c.link).add_modifier(Modifier::UNDERLINED),
            tag: fg(c.tag),
            selected: Style::new()
                .bg(c.sel_bg)
                .fg(c.sel_fg)
                .add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(c.match_fg)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            correct: fg(c.good).add_modifier(Modifier::BOLD),
            wrong: fg(c.bad).add_modifier(Modifier::BOLD),
            border: fg(c.dim),
            border_focus: fg(c.accent),
            hint_key: fg(c.accent).add_modifier(Modifier::BOLD),
            hint: fg(c.dim),
            error: fg(c.bad).add_modifier(Modifier::BOLD),
            warning: fg(c.warn),
            bar: fg(c.accent),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            struck: Style::new().add_modifier(Modifier::CROSSED_OUT),
            selected_unfocused: fg(c.dim).add_modifier(Modifier::REVERSED),
        }
    }

    fn mono() -> Theme {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Theme {
            kind: ThemeKind::Mono,
            hyperlinks: false,
            text: Style::new(),
            dim: Style::new(),
            title: m(Modifier::BOLD),
            heading: m(Modifier::BOLD | Modifier::UNDERLINED),
            subheading: m(Modifier::BOLD),
            bold: m(Modifier::BOLD),
            italic: m(Modifier::ITALIC),
            code: Style::new(),
            quote: m(Modifier::ITALIC),
            link: m(Modifier::UNDERLINED),
            tag: Style::new(),
            selected: m(Modifier::REVERSED),
            matched: m(Modifier::UNDERLINED | Modifier::BOLD),
            correct: m(Modifier::BOLD),
            wrong: m(Modifier::CROSSED_OUT),
            border: Style::new(),
            border_focus: m(Modifier::BOLD),
            hint_key: m(Modifier::BOLD),
            hint: Style::new(),
            error: m(Modifier::BOLD),
            warning: Style::new(),
            bar: Style::new(),
            emphasis: m(Modifier::ITALIC),
            struck: m(Modifier::CROSSED_OUT),
            selected_unfocused: m(Modifier::REVERSED),
        }
    }

    /// The other of dark and light (mono stays mono: NO_COLOR wins).
    #[must_use]
    pub fn toggled(&self) -> Theme {
        let mut t = match self.kind {
            ThemeKind::Dark => Self::new(ThemeKind::Light),
            ThemeKind::Light => Self::new(ThemeKind::Dark),
            ThemeKind::Mono => self.clone(),
        };
        t.hyperlinks = self.hyperlinks;
        t
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(ThemeKind::Dark)
    }
}

struct Palette {
    text: Color,
    dim: Color,
    accent: Color,
    heading: Color,
    sub: Color,
    strong: Color,
    code: Color,
    link: Color,
    tag: Color,
    sel_bg: Color,
    sel_fg: Color,
    match_fg: Color,
    good: Color,
    bad: Color,
    warn: Color,
}

const DARK: Palette = Palette {
    text: Color::Reset,
    dim: Color::Gray,
    accent: Color::Cyan,
    heading: Color::LightYellow,
    sub: Color::LightCyan,
    strong: Color::White,
    code: Color::LightGreen,
    link: Color::LightBlue,
    tag: Color::LightMagenta,
    sel_bg: Color::Blue,
    sel_fg: Color::White,
    match_fg: Color::LightYellow,
    good: Color::LightGreen,
    bad: Color::LightRed,
    warn: Color::Yellow,
};

const LIGHT: Palette = Palette {
    text: Color::Reset,
    dim: Color::DarkGray,
    accent: Color::Blue,
    heading: Color::Magenta,
    sub: Color::Blue,
    strong: Color::Black,
    code: Color::Green,
    link: Color::Blue,
    tag: Color::Magenta,
    sel_bg: Color::LightBlue,
    sel_fg: Color::Black,
    match_fg: Color::Red,
    good: Color::Green,
    bad: Color::Red,
    warn: Color::Rgb(150, 90, 0),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_turns_every_colour_off() {
        let t = Theme::detect(ThemeKind::Light, Some("1"));
        assert_eq!(t.kind, ThemeKind::Mono);
        for style in [t.text, t.heading, t.selected, t.correct, t.wrong, t.matched] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert_eq!(
            Theme::detect(ThemeKind::Light, Some("")).kind,
            ThemeKind::Light
        );
    }

    #[test]
    fn toggling_swaps_dark_and_light_but_keeps_mono() {
        assert_eq!(Theme::new(ThemeKind::Dark).toggled().kind, ThemeKind::Light);
        assert_eq!(Theme::new(ThemeKind::Mono).toggled().kind, ThemeKind::Mono);
    }
}
