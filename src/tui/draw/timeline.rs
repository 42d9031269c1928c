//! The timeline pane: one row per event of the slice, built only for the
//! rows on screen (`visible[offset..offset + height]`), so that a million
//! events draw as fast as ten.
//!
//! A row reads `▶ DATE » REGION SOURCE sentence…`: the date is written where
//! it changes (in bold) and every other date group is shaded; `»` marks an
//! event dated after its article's publication. The columns' widths come
//! from [`crate::tui::columns`]: the same for every row of the slice, and
//! the sentence keeps at least half the row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::extract::Event;
use crate::tui::columns;
use crate::tui::columns::date_cell;
use crate::tui::draw::{histogram, pane_block};
use crate::tui::layout::Areas;
use crate::tui::state::{AppState, Pane};
use crate::tui::text::{fit, one_line};

/// The most specific region of an event, or an empty string.
fn region_text(state: &AppState, e: &Event) -> String {
    e.regions
        .first()
        .map(|&r| one_line(&state.store.gazetteer().region(r).name))
        .unwrap_or_default()
}

/// Draws the timeline block, the histogram at its top and the rows.
pub fn render(state: &AppState, a: &Areas, buf: &mut Buffer) {
    let total = state.store.events().len();
    let title = if state.visible.len() == total {
        format!("Timeline · {total} events")
    } else {
        format!("Timeline · {} of {total} events", state.visible.len())
    };
    pane_block(state, Pane::Timeline, title).render(a.timeline, buf);
    histogram::render(state, a.histogram, buf);
    rows(state, a.rows, buf);
}

fn rows(state: &AppState, area: Rect, buf: &mut Buffer) {
    let theme = &state.settings.theme;
    if state.visible.is_empty() {
        let msg = if total_is_empty(state) {
            "No dated events in this corpus."
        } else {
            "No events match these filters (c clears them)."
        };
        Paragraph::new(Span::styled(msg, theme.muted())).render(area, buf);
        return;
    }
    let events = state.store.events();
    let fmt = &state.settings.date_format;
    let start = state.timeline.offset.min(state.visible.len());
    let end = (start + usize::from(area.height)).min(state.visible.len());
    let window = &state.visible[start..end];
    let w = usize::from(area.width);
    let cols = columns::allot(state.widths, w);
    let focused = state.focus == Pane::Timeline && state.overlay.is_none();
    for (k, &i) in window.iter().enumerate() {
        let row = start + k;
        let e = &events[i as usize];
        let y = area.y + k as u16;
        let selected = row == state.timeline.selected;
        let prev_date = (row > 0).then(|| events[state.visible[row - 1] as usize].date);
        let date_changes = prev_date != Some(e.date);
        let base = if selected {
            if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            }
        } else if state.shade.get(row).copied().unwrap_or(false) && theme.color {
            Style::new().bg(theme.shade)
        } else {
            Style::new()
        };
        let date = date_cell(&e.date, fmt);
        let date_cell = if date_changes || k == 0 || selected {
            Span::styled(
                fit(&date, cols.date),
                keep_bg(
                    base,
                    theme.fg(theme.date).add_modifier(Modifier::BOLD),
                    selected,
                ),
            )
        } else {
            Span::styled(fit("", cols.date), base)
        };
        let marker = if selected { "▶ " } else { "  " };
        let future = if e.future { "»" } else { " " };
        let source = one_line(state.store.sources()[state.store.source_of(e) as usize].as_str());
        let mut spans = vec![
            Span::styled(marker, base.add_modifier(Modifier::BOLD)),
            date_cell,
            Span::styled(" ", base),
            Span::styled(
                future,
                keep_bg(
                    base,
                    theme.fg(theme.future).add_modifier(Modifier::BOLD),
                    selected,
                ),
            ),
            Span::styled(" ", base),
        ];
        if cols.region > 0 {
            spans.push(Span::styled(
                fit(&region_text(state, e), cols.region),
                keep_bg(base, theme.fg(theme.region), selected),
            ));
            spans.push(Span::styled(" ", base));
        }
        if cols.source > 0 {
            spans.push(Span::styled(
                fit(&source, cols.source),
                keep_bg(base, theme.fg(theme.source), selected),
            ));
            spans.push(Span::styled(" ", base));
        }
        let sentence = e.text(state.store.doc_of(e));
        let rest = w.saturating_sub(cols.before_sentence());
        spans.push(Span::styled(fit(&sentence, rest), base));
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// A column's colour over the row's background; the selected row keeps its
/// own colours so that it reads as one bar.
fn keep_bg(base: Style, column: Style, selected: bool) -> Style {
    if selected { base } else { base.patch(column) }
}

fn total_is_empty(state: &AppState) -> bool {
    state.store.events().is_empty()
}
