//! The timeline pane: one row per event of the slice, built only for the
//! rows on screen (`visible[offset..offset + height]`), so that a million
//! events draw as fast as ten.
//!
//! A row reads `▶ DATE » REGION SOURCE sentence…`: the date is written where
//! it changes (in bold) and every other date group is shaded; `»` marks an
//! event dated after its article's publication.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::extract::{DatePrecision, Event, EventDate};
use crate::tui::draw::{histogram, pane_block};
use crate::tui::layout::Areas;
use crate::tui::state::{AppState, Pane};
use crate::tui::text::{fit, one_line, width};

/// The date of an event as the timeline shows it: days in the configured
/// format, other precisions and ranges in their ISO form.
pub fn date_text(date: &EventDate, format: &str) -> String {
    if date.precision == DatePrecision::Day && date.first == date.last {
        format_day(date.first, format)
    } else {
        date.label()
    }
}

/// A day in a strftime format (the format was checked when loaded).
pub fn format_day(day: NaiveDate, format: &str) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if write!(s, "{}", day.format(format)).is_err() {
        return format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
    }
    s
}

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
    // Column widths from the rows on screen only.
    let w = usize::from(area.width);
    let date_w = window
        .iter()
        .map(|&i| width(&date_text(&events[i as usize].date, fmt)))
        .max()
        .unwrap_or(10)
        .clamp(4, 23);
    let (region_max, source_max) = if w >= 100 {
        (18, 16)
    } else if w >= 70 {
        (14, 12)
    } else {
        (10, 9)
    };
    let region_w = window
        .iter()
        .map(|&i| width(&region_text(state, &events[i as usize])))
        .max()
        .unwrap_or(0)
        .min(region_max);
    let source_w = window
        .iter()
        .map(|&i| {
            width(&one_line(
                state.store.sources()[state.store.source_of(&events[i as usize]) as usize].as_str(),
            ))
        })
        .max()
        .unwrap_or(0)
        .min(source_max);
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
        let date = date_text(&e.date, fmt);
        let date_cell = if date_changes || k == 0 || selected {
            Span::styled(
                fit(&date, date_w),
                keep_bg(
                    base,
                    theme.fg(theme.date).add_modifier(Modifier::BOLD),
                    selected,
                ),
            )
        } else {
            Span::styled(fit("", date_w), base)
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
        if region_w > 0 {
            spans.push(Span::styled(
                fit(&region_text(state, e), region_w),
                keep_bg(base, theme.fg(theme.region), selected),
            ));
            spans.push(Span::styled(" ", base));
        }
        spans.push(Span::styled(
            fit(&source, source_w),
            keep_bg(base, theme.fg(theme.source), selected),
        ));
        spans.push(Span::styled(" ", base));
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let sentence = e.text(state.store.doc_of(e));
        let rest = w.saturating_sub(used);
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
