//! The regions pane (a folding tree) and the sources pane (a list), each
//! row with its `[x]` filter box and its count. A count is what the slice
//! would hold with that region (or outlet) chosen alone: the other filters
//! apply, its own does not ([`crate::query::Query::facets`]).

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::tui::draw::pane_block;
use crate::tui::regions::ListOrder;
use crate::tui::state::{AppState, ListCursor, Pane};
use crate::tui::text::{fit, one_line, width};

struct Row {
    prefix: String,
    label: String,
    checked: bool,
    count: u32,
}

/// Draws the region tree.
pub fn render_regions(state: &AppState, area: Rect, buf: &mut Buffer) {
    let chosen = state.query.regions.len();
    let title = if chosen > 0 {
        format!("Regions · {chosen} chosen")
    } else {
        "Regions".to_owned()
    };
    let g = state.store.gazetteer();
    let rows = state.regions.rows();
    let cursor = state.region_cursor;
    let start = cursor.offset.min(rows.len());
    let visible = &rows[start
        ..rows
            .len()
            .min(start + usize::from(area.height.saturating_sub(2)))];
    let items: Vec<Row> = visible
        .iter()
        .map(|r| {
            let fold = match (r.has_children, r.expanded) {
                (false, _) => "  ",
                (true, true) => "▾ ",
                (true, false) => "▸ ",
            };
            Row {
                prefix: format!("{}{fold}", "  ".repeat(usize::from(r.depth))),
                label: one_line(&g.region(r.id).name),
                checked: state.query.regions.contains(&r.id),
                count: state.facets.regions.get(&r.id).copied().unwrap_or(0),
            }
        })
        .collect();
    let view = ListView {
        pane: Pane::Regions,
        title,
        cursor,
        items: &items,
        total: rows.len(),
        empty: if state.loading.is_some() {
            READING
        } else {
            "No places tagged in this corpus."
        },
    };
    list(state, view, area, buf);
}

/// What an empty pane says while the corpus is still being read.
const READING: &str = "Reading the corpus…";

/// Draws the list of outlets.
pub fn render_sources(state: &AppState, area: Rect, buf: &mut Buffer) {
    let chosen = state.query.sources.len();
    let title = if chosen > 0 {
        format!("Sources · {chosen} chosen")
    } else {
        "Sources".to_owned()
    };
    let names = state.store.sources();
    let cursor = state.source_cursor;
    let rows = &state.source_rows;
    let start = cursor.offset.min(rows.len());
    let end = rows
        .len()
        .min(start + usize::from(area.height.saturating_sub(2)));
    let items: Vec<Row> = rows[start..end]
        .iter()
        .map(|&i| Row {
            prefix: String::new(),
            label: one_line(&names[i as usize]),
            checked: state.query.sources.contains(&i),
            count: state.facets.sources.get(i as usize).copied().unwrap_or(0),
        })
        .collect();
    let view = ListView {
        pane: Pane::Sources,
        title,
        cursor,
        items: &items,
        total: rows.len(),
        empty: if state.loading.is_some() {
            READING
        } else {
            "No articles."
        },
    };
    list(state, view, area, buf);
}

/// What one list pane shows.
struct ListView<'a> {
    pane: Pane,
    title: String,
    cursor: ListCursor,
    /// The rows on screen, from `cursor.offset` on.
    items: &'a [Row],
    /// Rows in the whole list.
    total: usize,
    /// Shown when the list is empty.
    empty: &'a str,
}

fn list(state: &AppState, view: ListView, area: Rect, buf: &mut Buffer) {
    let ListView {
        pane,
        title,
        cursor,
        items,
        total,
        empty,
    } = view;
    let theme = &state.settings.theme;
    let footer = match state.order {
        ListOrder::Name => " count if chosen ",
        ListOrder::Count => " by count · count if chosen ",
    };
    let block = pane_block(state, pane, title)
        .title_bottom(Line::styled(footer, theme.muted()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    // More rows than fit: a scrollbar on the right border says so.
    let page = usize::from(inner.height);
    if total > page && inner.height > 0 {
        let mut at = ScrollbarState::new(total - page).position(cursor.offset);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.muted())
            .render(area.inner(Margin::new(0, 1)), buf, &mut at);
    }
    if items.is_empty() {
        Paragraph::new(Span::styled(empty, theme.muted()))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let focused = state.focus == pane && state.overlay.is_none();
    let w = usize::from(inner.width);
    for (k, item) in items.iter().enumerate() {
        let row = cursor.offset + k;
        let selected = row == cursor.selected;
        let base = match (selected, focused) {
            (true, true) => theme.selected(),
            (true, false) => theme.selected_unfocused(),
            _ => Style::new(),
        };
        let check = if item.checked { "[x] " } else { "[ ] " };
        let count = format!(" {}", item.count);
        let prefix = crate::tui::text::truncate(&item.prefix, w / 2);
        let label_w = w.saturating_sub(width(&prefix) + width(check) + width(&count));
        let count_style = if item.count == 0 && !selected {
            theme.muted()
        } else {
            base
        };
        let check_style = if item.checked {
            base.add_modifier(Modifier::BOLD)
        } else {
            base
        };
        let line = Line::from(vec![
            Span::styled(prefix, base),
            Span::styled(check, check_style),
            Span::styled(
                fit(&item.label, label_w),
                if item.checked {
                    base.add_modifier(Modifier::BOLD)
                } else {
                    base
                },
            ),
            Span::styled(count, count_style),
        ]);
        line.render(Rect::new(inner.x, inner.y + k as u16, inner.width, 1), buf);
    }
}
