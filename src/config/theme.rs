//! Colours: how the configuration names them and the resolved [`Theme`]
//! the drawing code uses. With `NO_COLOR` set, every colour is dropped and
//! only modifiers (bold, reverse video) remain, so the selection stays
//! visible.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// A colour as written in the configuration (`"cyan"`, `"#202830"`, `"42"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct ColorSpec(pub Color);

impl TryFrom<String> for ColorSpec {
    type Error = String;

    fn try_from(s: String) -> Result<ColorSpec, String> {
        Color::from_str(s.trim()).map(ColorSpec).map_err(|_| {
            format!("`{s}` is not a colour: use a name like `cyan`, `#rrggbb` or an index 0-255")
        })
    }
}

/// The colours section of a configuration file; every key optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ColorsFile {
    pub accent: Option<ColorSpec>,
    pub border: Option<ColorSpec>,
    pub selection_bg: Option<ColorSpec>,
    pub selection_fg: Option<ColorSpec>,
    pub date: Option<ColorSpec>,
    pub region: Option<ColorSpec>,
    pub source: Option<ColorSpec>,
    pub future: Option<ColorSpec>,
    pub shade: Option<ColorSpec>,
    pub highlight: Option<ColorSpec>,
    pub muted: Option<ColorSpec>,
    pub error: Option<ColorSpec>,
    pub ok: Option<ColorSpec>,
}

impl ColorsFile {
    /// Each key of `over` that is set replaces the one of `self`.
    pub fn merge(self, over: ColorsFile) -> ColorsFile {
        ColorsFile {
            accent: over.accent.or(self.accent),
            border: over.border.or(self.border),
            selection_bg: over.selection_bg.or(self.selection_bg),
            selection_fg: over.selection_fg.or(self.selection_fg),
            date: over.date.or(self.date),
            region: over.region.or(self.region),
            source: over.source.or(self.source),
            future: over.future.or(self.future),
            shade: over.shade.or(self.shade),
            highlight: over.highlight.or(self.highlight),
            muted: over.muted.or(self.muted),
            error: over.error.or(self.error),
            ok: over.ok.or(self.ok),
        }
    }
}

/// The resolved colours. Every field is a colour, or [`Color::Reset`] under
/// `NO_COLOR`; the styles built from them are the only ones drawing uses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Theme {
    /// Whether colours are shown at all.
    pub color: bool,
    pub accent: Color,
    pub border: Color,
    pub selection_bg: Color,
    pub selection_fg: Color,
    pub date: Color,
    pub region: Color,
    pub source: Color,
    pub future: Color,
    pub shade: Color,
    pub highlight: Color,
    pub muted: Color,
    pub error: Color,
    pub ok: Color,
}

impl Theme {
    /// The theme of a complete colours section (missing keys fall back to
    /// the terminal's default colour), without colours when `color` is false.
    pub fn resolve(c: &ColorsFile, color: bool) -> Theme {
        let pick = |v: Option<ColorSpec>| {
            if color {
                v.map_or(Color::Reset, |c| c.0)
            } else {
                Color::Reset
            }
        };
        Theme {
            color,
            accent: pick(c.accent),
            border: pick(c.border),
            selection_bg: pick(c.selection_bg),
            selection_fg: pick(c.selection_fg),
            date: pick(c.date),
            region: pick(c.region),
            source: pick(c.source),
            future: pick(c.future),
            shade: pick(c.shade),
            highlight: pick(c.highlight),
            muted: pick(c.muted),
            error: pick(c.error),
            ok: pick(c.ok),
        }
    }

    /// A theme without colours (what `NO_COLOR` gives).
    pub fn plain() -> Theme {
        Theme::resolve(&ColorsFile::default(), false)
    }

    /// Foreground only.
    pub fn fg(&self, c: Color) -> Style {
        Style::new().fg(c)
    }

    /// The selected row of the focused pane: colours, or reverse video
    /// without them.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::new()
                .fg(self.selection_fg)
                .bg(self.selection_bg)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The selected row of a pane without focus.
    pub fn selected_unfocused(&self) -> Style {
        if self.color {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::DIM)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Secondary text.
    pub fn muted(&self) -> Style {
        if self.color {
            Style::new().fg(self.muted)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Text highlighted inside prose (the date expression).
    pub fn highlight(&self) -> Style {
        Style::new()
            .fg(self.highlight)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The border of a pane, focused or not.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(self.accent),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new().fg(self.border),
        }
    }
}
