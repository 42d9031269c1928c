//! The timeline pane: one row per event of the slice, built only for the
//! rows on screen (`visible[offset..offset + height]`), so that a million
//! events draw as fast as ten.
//!
//! A row reads `▶ DATE » REGION SOURCE sentence…`: the date is written where
//! it changes (in bold) and every other date group is shaded; `»` marks an
//! event dated after its article's publication. In the cluster view a row
//! stands for a happening: `▶ DATE » REGION 3 reports · 2 outlets best
//! sentence…`, and the open cluster's reports follow it as
//! `DATE » REGION ├ OUTLET [originator] sentence…`. A type column joins where
//! the row has room ([`crate::kinds`]): a report's own type, or a cluster's
//! (the type most of its reports give). The columns' widths come
//! from [`crate::tui::columns`]: the same for every row of the slice, and
//! the sentence keeps at least half the row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::extract::Event;
use crate::tui::action::Command;
use crate::tui::clusters::View;
use crate::tui::columns;
use crate::tui::columns::date_cell;
use crate::tui::draw::{histogram, pane_block};
use crate::tui::layout::Areas;
use crate::tui::rows::Row;
use crate::tui::state::{AppState, Pane};
use crate::tui::text::{fit, one_line};

/// The most specific region of an event, or an empty string.
fn region_text(state: &AppState, e: &Event) -> String {
    let g = state.store.gazetteer();
    let wanted = &state.query.regions;
    // Under a region filter, the place that matched it, not the first one
    // named (a Poltava village in a row kept for a Kharkiv one).
    let matched = (!wanted.is_empty())
        .then(|| {
            e.regions
                .iter()
                .copied()
                .find(|&r| wanted.iter().any(|&w| g.is_within(r, w)))
        })
        .flatten();
    matched
        .or_else(|| e.regions.first().copied())
        .map(|r| one_line(&g.region(r).name))
        .unwrap_or_default()
}

/// Draws the timeline block, the histogram at its top and the rows.
pub fn render(state: &AppState, a: &Areas, buf: &mut Buffer) {
    pane_block(state, Pane::Timeline, title(state)).render(a.timeline, buf);
    histogram::render(state, a.histogram, buf);
    rows(state, a.rows, buf);
}

/// The pane's title: what it lists (clusters or reports) and how many, and
/// the key that switches.
pub fn title(state: &AppState) -> String {
    let total = state.store.events().len();
    let events = if state.visible.len() == total {
        format!("{total} events")
    } else {
        format!("{} of {total} events", state.visible.len())
    };
    let v = state.key_for(Command::View).unwrap_or_default();
    if state.clustered() {
        let n = state.cluster_rows.len();
        let what = if n == 1 { "cluster" } else { "clusters" };
        format!("Timeline · {n} {what} of {events} ({v}: single reports)")
    } else if state.clustering && state.view == View::Clusters {
        format!("Timeline · {events} · clustering…")
    } else if state.view == View::Reports && !state.store.clusters().is_empty() {
        format!("Timeline · {events} · single reports ({v}: clusters)")
    } else {
        format!("Timeline · {events}")
    }
}

/// What one row shows, whatever it stands for.
struct Cells {
    /// The event whose date, mark and (but for a report of an open
    /// cluster) place and sentence the row shows.
    event: u32,
    /// The place column.
    region: String,
    /// The outlet column (a cluster: its counts).
    source: String,
    /// Whether the row is a report of an open cluster.
    member: bool,
    /// The type column: the report's type, or the cluster's own.
    kind: Option<crate::kinds::KindId>,
}

/// How much room a cluster's counts have.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counts {
    /// "3 reports · 2 outlets".
    Full,
    /// "3 reports".
    Short,
    /// "×3".
    Tiny,
}

/// The cells of a row, a cluster's counts in the form `counts`.
fn cells(state: &AppState, row: Row, counts: Counts, last_member: bool) -> Option<Cells> {
    let store = &state.store;
    let source_of = |i: u32| {
        let e = &store.events()[i as usize];
        one_line(store.sources()[store.source_of(e) as usize].as_str())
    };
    let region_of = |i: u32| region_text(state, &store.events()[i as usize]);
    let kind_of = |i: u32| crate::kinds::of(&store.events()[i as usize]);
    Some(match row {
        Row::Event(i) => Cells {
            event: i,
            region: region_of(i),
            source: source_of(i),
            member: false,
            kind: kind_of(i),
        },
        Row::Cluster(k) => {
            let c = state.cluster_rows.get(k)?;
            Cells {
                event: c.lead,
                region: region_of(c.lead),
                source: match counts {
                    Counts::Full => c.summary(),
                    Counts::Short => c.short_summary(),
                    Counts::Tiny => c.tiny_summary(),
                },
                member: false,
                kind: store
                    .clusters()
                    .all()
                    .get(c.cluster as usize)
                    .and_then(crate::kinds::of_cluster),
            }
        }
        Row::Member(i) => Cells {
            event: i,
            region: region_of(i),
            // The last report of an opened cluster closes its branch.
            source: format!("{} {}", if last_member { '└' } else { '├' }, source_of(i)),
            member: true,
            kind: kind_of(i),
        },
    })
}

fn rows(state: &AppState, area: Rect, buf: &mut Buffer) {
    let theme = &state.settings.theme;
    let len = state.timeline_len();
    if len == 0 {
        let msg = if total_is_empty(state) && state.loading.is_some() {
            "Reading the corpus… (the timeline fills as files are read)"
        } else if total_is_empty(state) {
            "No dated events in this corpus."
        } else {
            "No events match these filters (c clears them)."
        };
        Paragraph::new(Span::styled(msg, theme.muted())).render(area, buf);
        return;
    }
    let events = state.store.events();
    let fmt = &state.settings.date_format;
    let start = state.timeline.offset.min(len);
    let end = (start + usize::from(area.height)).min(len);
    let w = usize::from(area.width);
    let clustered = state.clustered();
    let mut natural = state.widths;
    if clustered {
        natural.source = natural.source.max(state.summary_width);
    }
    let mut cols = columns::allot_capped(natural, w, if clustered { SUMMARY_MAX } else { 16 });
    // Short of room, a cluster's counts shrink to "3 reports", then "×3",
    // and the place narrows and goes, before the counts would go.
    let mut counts = Counts::Full;
    let forms = [
        (Counts::Short, SHORT_SUMMARY, 12),
        (Counts::Tiny, TINY_SUMMARY, 12),
        (Counts::Tiny, TINY_SUMMARY, 6),
        (Counts::Tiny, TINY_SUMMARY, 0),
    ];
    for (form, width, region) in forms {
        if !clustered || cols.source >= natural.source.min(SUMMARY_MAX) {
            break;
        }
        counts = form;
        natural.source = width;
        natural.region = natural.region.min(region);
        cols = columns::allot_capped(natural, w, width);
    }
    let kind_w = if crate::kinds::available() { KIND_W } else { 0 };
    let focused = state.focus == Pane::Timeline && state.overlay.is_none();
    let mut prev_date = (start > 0)
        .then(|| state.row_at(start - 1).and_then(|r| state.row_event(r)))
        .flatten()
        .map(|i| events[i as usize].date);
    for (k, r) in (start..end).enumerate() {
        let Some(row) = state.row_at(r) else { break };
        let last_member = !matches!(state.row_at(r + 1), Some(Row::Member(_)));
        let Some(c) = cells(state, row, counts, last_member) else {
            break;
        };
        let e = &events[c.event as usize];
        let y = area.y + k as u16;
        let selected = r == state.timeline.selected;
        let date_changes = prev_date != Some(e.date);
        prev_date = Some(e.date);
        let shade_row = match row {
            Row::Event(_) => Some(r),
            Row::Cluster(k) => Some(k),
            Row::Member(_) => None,
        };
        let base = if selected {
            if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            }
        } else if shade_row
            .and_then(|i| state.shade.get(i))
            .copied()
            .unwrap_or(false)
            && theme.color
        {
            Style::new().bg(theme.shade)
        } else {
            Style::new()
        };
        let date = date_cell(&e.date, fmt);
        let date_cell = if date_changes || k == 0 || selected || c.member {
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
                fit(&c.region, cols.region),
                keep_bg(base, theme.fg(theme.region), selected),
            ));
            spans.push(Span::styled(" ", base));
        }
        let mut used = cols.before_sentence();
        if kind_w > 0 && used + kind_w + 1 < w / 2 {
            let kind = c.kind.map_or("", crate::kinds::label);
            spans.push(Span::styled(
                fit(kind, kind_w),
                keep_bg(base, theme.muted(), selected),
            ));
            spans.push(Span::styled(" ", base));
            used += kind_w + 1;
        }
        if cols.source > 0 {
            let colour = if clustered && !c.member {
                theme.muted()
            } else {
                theme.fg(theme.source)
            };
            spans.push(Span::styled(
                fit(&c.source, cols.source),
                keep_bg(base, colour, selected),
            ));
            spans.push(Span::styled(" ", base));
        }
        let mut sentence = e.text(state.store.doc_of(e));
        if c.member
            && let Some(o) = state.store.originator_of(c.event)
        {
            // Whom the report cites, before its words.
            sentence = format!("[{}] {sentence}", one_line(&o));
        }
        let rest = w.saturating_sub(used);
        spans.push(Span::styled(fit(&sentence, rest), base));
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Widest "N reports · M outlets" column.
const SUMMARY_MAX: usize = 27;
/// Width of the narrow form of a cluster's counts ("12/15 reports" at most
/// but for huge clusters).
const SHORT_SUMMARY: usize = 13;
/// Width of the narrowest form ("×12/15").
const TINY_SUMMARY: usize = 6;
/// Width of the event type column, once events carry a type.
const KIND_W: usize = 14;

/// A column's colour over the row's background; the selected row keeps its
/// own colours so that it reads as one bar.
fn keep_bg(base: Style, column: Style, selected: bool) -> Style {
    if selected { base } else { base.patch(column) }
}

fn total_is_empty(state: &AppState) -> bool {
    state.store.events().is_empty()
}
