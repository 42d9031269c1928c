//! The export format picker: `e` (when the configuration sets no
//! `export_format`) opens a small window listing the formats of
//! [`ExportFormat::ALL`] with their file extensions; Enter (or Space) writes
//! the visible slice in the one under the cursor, Esc (or `e` again)
//! closes it without writing. A format this build cannot write (Parquet
//! without the `parquet` feature) is listed, marked, and refused with the
//! reason when picked.
//!
//! This module holds the window's state ([`FormatPicker`]), what its keys
//! do ([`command`]) and how it is drawn ([`render`], which only reads).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use crate::export::ExportFormat;
use crate::tui::action::{Command, Effect};
use crate::tui::state::{AppState, ListCursor, Overlay};
use crate::tui::text::{fit, truncate};

/// The open picker: its cursor over [`ExportFormat::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormatPicker {
    /// Selected row and first row shown.
    pub cursor: ListCursor,
}

/// Widest the window gets.
const MAX_WIDTH: u16 = 46;

impl FormatPicker {
    /// The picker as it opens: on the format last written, else Markdown.
    pub fn open(state: &AppState) -> FormatPicker {
        let last = state.last_export.unwrap_or(ExportFormat::Markdown);
        let row = ExportFormat::ALL
            .iter()
            .position(|&f| f == last)
            .unwrap_or(0);
        let mut cursor = ListCursor::default();
        cursor.go(row, ExportFormat::ALL.len(), page(state));
        FormatPicker { cursor }
    }
}

/// Where the window goes: centred on the screen.
pub fn area(screen: Rect) -> Rect {
    let w = MAX_WIDTH.min(screen.width.saturating_sub(4));
    let h = (ExportFormat::ALL.len() as u16 + 2).min(screen.height.saturating_sub(2));
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

/// Rows shown at once (at least 1).
pub fn page(state: &AppState) -> usize {
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    usize::from(area(screen).height.saturating_sub(2)).max(1)
}

/// Moves the cursor by `delta` rows (0 settles it after a resize).
pub fn step(state: &mut AppState, delta: isize) {
    let page = page(state);
    if let Some(Overlay::Formats(picker)) = &mut state.overlay {
        picker.cursor.step(delta, ExportFormat::ALL.len(), page);
    }
}

/// Applies a command while the picker is open: motions move it, the toggle
/// picks the format under the cursor (closing the picker and asking for the
/// export), the export key or quit closes it.
pub fn command(state: &mut AppState, c: Command) -> Option<Effect> {
    let Some(Overlay::Formats(picker)) = state.overlay else {
        return None;
    };
    match c {
        Command::Export | Command::Quit => state.overlay = None,
        Command::Down => step(state, 1),
        Command::Up => step(state, -1),
        Command::Top | Command::PageUp | Command::HalfUp => step(state, isize::MIN / 2),
        Command::Bottom | Command::PageDown | Command::HalfDown => step(state, isize::MAX / 2),
        Command::Toggle => {
            state.overlay = None;
            let format = ExportFormat::ALL.get(picker.cursor.selected).copied()?;
            return Some(Effect::Export(format));
        }
        _ => {}
    }
    None
}

/// Draws the open picker over `screen`.
pub fn render(state: &AppState, picker: FormatPicker, screen: Rect, buf: &mut Buffer) {
    let r = area(screen);
    if r.width < 8 || r.height < 3 {
        return;
    }
    let theme = &state.settings.theme;
    let pick = state.key_for(Command::Toggle).unwrap_or_default();
    let hint = format!(" {pick} writes · Esc closes ");
    Clear.render(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" Export {} events as ", state.visible.len()),
            Style::new().add_modifier(Modifier::BOLD),
        ))
        .title_bottom(
            Line::styled(truncate(&hint, usize::from(r.width - 2)), theme.muted()).right_aligned(),
        );
    let inner = block.inner(r);
    block.render(r, buf);
    let w = usize::from(inner.width);
    let start = picker.cursor.offset.min(ExportFormat::ALL.len());
    let end = ExportFormat::ALL
        .len()
        .min(start + usize::from(inner.height));
    for (k, format) in ExportFormat::ALL[start..end].iter().enumerate() {
        let selected = start + k == picker.cursor.selected;
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let marker = if selected { "▶ " } else { "  " };
        let note = if format.available() {
            format!(".{}", format.extension())
        } else {
            "not built in".to_owned()
        };
        let label_w = w.saturating_sub(2 + note.chars().count() + 1);
        let note_style = if selected { base } else { theme.muted() };
        Line::from(vec![
            Span::styled(marker, base.add_modifier(Modifier::BOLD)),
            Span::styled(fit(format.label(), label_w), base),
            Span::styled(" ", base),
            Span::styled(note, note_style),
        ])
        .render(Rect::new(inner.x, inner.y + k as u16, inner.width, 1), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_fits_every_usable_screen() {
        for w in 60..=220u16 {
            for h in 16..=70u16 {
                let r = area(Rect::new(0, 0, w, h));
                assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                assert!(r.height >= ExportFormat::ALL.len() as u16 + 2, "{w}x{h}");
            }
        }
    }
}
