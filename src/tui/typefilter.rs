//! The type filter: the event types listed over the panes (`t` opens the
//! list), each row with its `[x]` filter box and its count, as the regions
//! and sources panes list theirs. A count is what the slice would hold with
//! that type chosen alone: the other filters apply, the type filter does
//! not ([`crate::query::Facets::kinds`]). Several types mean any of them.
//!
//! The list is a window rather than a third side pane: eleven rows do not
//! fit beside the regions and sources at 110×34, and the side panes fold
//! away below 100 columns, where the types must still be reachable. While
//! it is open its keys are its own (move, toggle, `c` clears every filter,
//! Esc or its key again closes it) and the timeline behind it and the
//! status line follow every toggle.
//!
//! This module holds the list's state ([`TypePicker`]), what its keys do
//! ([`command`]) and how it is drawn ([`render`], which only reads).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::kinds::{self, KindId};
use crate::tui::action::Command;
use crate::tui::state::{AppState, ListCursor, Overlay};
use crate::tui::text::{fit, width};

/// The open list of types: its cursor, over [`rows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TypePicker {
    /// Selected row and first row shown.
    pub cursor: ListCursor,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRow {
    /// The type.
    pub kind: KindId,
    /// Its display name.
    pub label: &'static str,
    /// Whether the filter keeps it.
    pub checked: bool,
    /// Events the slice would hold with it chosen (its own filter left out).
    pub count: u32,
}

/// Widest the window gets (the longest name, its box and a count fit).
const MAX_WIDTH: u16 = 54;

/// The rows of the list: every type, in display order (ACLED's first,
/// `Other` last), whatever its count, so that the rows hold still.
pub fn rows(state: &AppState) -> Vec<TypeRow> {
    kinds::labels()
        .iter()
        .enumerate()
        .map(|(i, &label)| {
            let kind = i as KindId;
            TypeRow {
                kind,
                label,
                checked: state.query.kinds.contains(&kind),
                count: state.facets.kinds.get(i).copied().unwrap_or(0),
            }
        })
        .collect()
}

impl TypePicker {
    /// The list as it opens: the cursor on the first chosen type, else on
    /// the first type.
    pub fn open(state: &AppState) -> TypePicker {
        let first = state
            .query
            .kinds
            .iter()
            .next()
            .map_or(0, |&k| usize::from(k));
        let mut cursor = ListCursor::default();
        cursor.go(first, kinds::labels().len(), page(state));
        TypePicker { cursor }
    }
}

/// Where the window goes on a screen: top right, over the side panes or
/// the right of the timeline, so that the dates and places stay in view.
pub fn area(screen: Rect) -> Rect {
    let w = MAX_WIDTH.min(screen.width.saturating_sub(4));
    let rows = kinds::labels().len() as u16 + 2;
    let h = rows.min(screen.height.saturating_sub(2));
    let x = screen.right().saturating_sub(w + 2).max(screen.x);
    Rect::new(x, screen.y + 1.min(screen.height), w, h)
}

/// Rows of the list shown at once (at least 1).
pub fn page(state: &AppState) -> usize {
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    usize::from(area(screen).height.saturating_sub(2)).max(1)
}

/// Moves the open list's cursor by `delta` rows (0 settles it in its
/// window after a resize). Nothing when the list is not open.
pub fn step(state: &mut AppState, delta: isize) {
    let page = page(state);
    if let Some(Overlay::Types(picker)) = &mut state.overlay {
        picker.cursor.step(delta, kinds::labels().len(), page);
    }
}

/// Applies a command while the list is open: motions move its cursor, the
/// toggle adds the type under it to the filter or takes it out, its own key
/// (or quit) closes it, help and problems replace it. Other commands wait
/// until it is closed; clearing the filters is the caller's, as everywhere.
pub fn command(state: &mut AppState, c: Command) {
    let Some(Overlay::Types(picker)) = state.overlay else {
        return;
    };
    let page = page(state) as isize;
    match c {
        Command::TypeFilter | Command::Quit => state.overlay = None,
        Command::Help => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Problems => state.overlay = Some(Overlay::Problems { scroll: 0 }),
        Command::Down => step(state, 1),
        Command::Up => step(state, -1),
        Command::PageDown => step(state, page),
        Command::PageUp => step(state, -page),
        Command::HalfDown => step(state, (page / 2).max(1)),
        Command::HalfUp => step(state, -(page / 2).max(1)),
        Command::Top => step(state, isize::MIN / 2),
        Command::Bottom => step(state, isize::MAX / 2),
        Command::Toggle => {
            let Some(row) = rows(state).into_iter().nth(picker.cursor.selected) else {
                return;
            };
            if !state.query.kinds.remove(&row.kind) {
                state.query.kinds.insert(row.kind);
            }
            state.requery();
        }
        _ => {}
    }
}

/// Draws the open list over `screen`.
pub fn render(state: &AppState, picker: TypePicker, screen: Rect, buf: &mut Buffer) {
    let r = area(screen);
    if r.width < 8 || r.height < 3 {
        return;
    }
    let theme = &state.settings.theme;
    let chosen = state.query.kinds.len();
    let title = if chosen > 0 {
        format!(" Event types · {chosen} chosen ")
    } else {
        " Event types ".to_owned()
    };
    let toggle = state.key_for(Command::Toggle).unwrap_or_default();
    let hint = format!(" count if chosen · {toggle} toggles · Esc closes ");
    Clear.render(r, buf);
    let block = crate::tui::draw::overlay::framed(state, title, &hint, r.width);
    let inner = block.inner(r);
    block.render(r, buf);
    let all = rows(state);
    if all.is_empty() {
        Paragraph::new(Span::styled("Events carry no type.", theme.muted())).render(inner, buf);
        return;
    }
    let cursor = picker.cursor;
    let w = usize::from(inner.width);
    let start = cursor.offset.min(all.len());
    let end = all.len().min(start + usize::from(inner.height));
    for (k, row) in all[start..end].iter().enumerate() {
        let selected = start + k == cursor.selected;
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let marker = if selected { "▶ " } else { "  " };
        let check = if row.checked { "[x] " } else { "[ ] " };
        let count = format!(" {}", row.count);
        let label_w = w.saturating_sub(width(marker) + width(check) + width(&count));
        let bold = if row.checked {
            base.add_modifier(Modifier::BOLD)
        } else {
            base
        };
        let count_style = if row.count == 0 && !selected {
            theme.muted()
        } else {
            base
        };
        Line::from(vec![
            Span::styled(marker, base.add_modifier(Modifier::BOLD)),
            Span::styled(check, bold),
            Span::styled(fit(row.label, label_w), bold),
            Span::styled(count, count_style),
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
                let screen = Rect::new(0, 0, w, h);
                let r = area(screen);
                assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                assert!(r.height >= 3 && r.width >= 40, "{w}x{h}: {r:?}");
            }
        }
    }
}
