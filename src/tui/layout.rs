//! Where each pane goes for a given terminal size. One pure function, used
//! by drawing and by the update (page sizes, mouse hit-testing) alike, so
//! both always agree.
//!
//! ```text
//! ┌ Timeline ─────────────────┐┌ Map ──────┐┌ Regions ──────┐
//! │ histogram (2 rows, axis)  ││           ││               │
//! │ rows                      ││           │├ Sources ──────┤
//! └───────────────────────────┘└───────────┘└───────────────┘
//! ┌ Detail ──────────────────────────────────────────────┐
//! └──────────────────────────────────────────────────────┘
//! input line (while open)
//! message (while there is one: one or two rows)
//! status line
//! ```
//!
//! Below [`SIDE_MIN_WIDTH`] columns the regions and sources panes fold away
//! (the timeline takes the whole width) unless the user shows them; below
//! [`MAP_MIN_WIDTH`] the map does too.

use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::state::Pane;

/// Narrowest usable terminal.
pub const MIN_WIDTH: u16 = 60;
/// Narrowest terminal that shows the regions and sources panes by default.
pub const SIDE_MIN_WIDTH: u16 = 100;
/// Narrowest terminal that shows the map pane by default: the side panes'
/// 40 columns, [`TIMELINE_FULL_WIDTH`] and [`MAP_MIN_COLUMNS`].
pub const MAP_MIN_WIDTH: u16 = 200;
/// Columns the timeline keeps beside the map when there is room: enough
/// for its place, outlet and type columns beside the sentence.
pub const TIMELINE_FULL_WIDTH: u16 = 120;
/// Fewest columns of the map pane (but on a screen too narrow for them).
pub const MAP_MIN_COLUMNS: u16 = 40;
/// Most columns of the map pane.
pub const MAP_MAX_COLUMNS: u16 = 90;
/// Fewest columns the timeline keeps beside a map shown on request.
pub const TIMELINE_MIN_WIDTH: u16 = 36;
/// Most rows a status message takes.
pub const MAX_MESSAGE_ROWS: u16 = 2;
/// Shortest usable terminal.
pub const MIN_HEIGHT: u16 = 16;
/// Rows of the histogram (bars and axis) when there is room.
pub const HISTOGRAM_ROWS: u16 = 3;

/// The areas of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The timeline's block, borders included.
    pub timeline: Rect,
    /// The histogram, inside the timeline's block (may be empty).
    pub histogram: Rect,
    /// The event rows, inside the timeline's block.
    pub rows: Rect,
    /// The regions pane, borders included (empty when folded away).
    pub regions: Rect,
    /// The sources pane, borders included (empty when folded away).
    pub sources: Rect,
    /// The map pane, borders included (empty when hidden).
    pub map: Rect,
    /// The detail pane, borders included.
    pub detail: Rect,
    /// The input line, while one is open.
    pub input: Option<Rect>,
    /// The message rows, while there is a message.
    pub message: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

/// What besides the panes takes room on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Chrome {
    /// Whether an input line is open.
    pub input: bool,
    /// Rows of the status message (0 when there is none).
    pub message_rows: u16,
    /// Whether the regions and sources panes are shown.
    pub side: bool,
    /// Whether the map pane is shown.
    pub map: bool,
}

/// Rows a message takes at `width` columns, wrapped at words: at least
/// one, at most [`MAX_MESSAGE_ROWS`].
pub fn message_rows(text: &str, width: u16) -> u16 {
    let rows = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .line_count(width.max(1));
    (rows.min(usize::from(MAX_MESSAGE_ROWS)) as u16).max(1)
}

impl Areas {
    /// Whether the regions and sources panes are on screen.
    pub fn side_shown(&self) -> bool {
        !self.regions.is_empty()
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let p = Position::new(column, row);
        [
            (self.timeline, Pane::Timeline),
            (self.regions, Pane::Regions),
            (self.sources, Pane::Sources),
            (self.map, Pane::Map),
            (self.detail, Pane::Detail),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(p))
        .map(|(_, pane)| pane)
    }
}

/// The areas for a screen, or `None` when it is too small to be usable.
pub fn areas(area: Rect, chrome: Chrome) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let mut bottom = status.y;
    let message = (chrome.message_rows > 0).then(|| {
        let rows = chrome.message_rows.min(MAX_MESSAGE_ROWS);
        bottom -= rows;
        Rect::new(area.x, bottom, area.width, rows)
    });
    let input = chrome.input.then(|| {
        bottom -= 1;
        Rect::new(area.x, bottom, area.width, 1)
    });
    let avail = bottom - area.y;
    let detail_h = (avail * 3 / 10).clamp(5, 14);
    let top_h = avail - detail_h;
    let detail = Rect::new(area.x, area.y + top_h, area.width, detail_h);
    let side_w = if chrome.side {
        (area.width * 3 / 10).clamp(22, 40)
    } else {
        0
    };
    let main_w = area.width - side_w;
    // The map takes what the timeline's full width leaves; shown on a
    // narrower screen, it takes its fewest columns from the timeline, down
    // to the timeline's least.
    let map_w = if chrome.map {
        main_w
            .saturating_sub(TIMELINE_FULL_WIDTH)
            .clamp(MAP_MIN_COLUMNS, MAP_MAX_COLUMNS)
            .min(main_w.saturating_sub(TIMELINE_MIN_WIDTH))
    } else {
        0
    };
    let map_w = if map_w < 16 { 0 } else { map_w };
    let timeline = Rect::new(area.x, area.y, main_w - map_w, top_h);
    let map = Rect::new(
        area.x + main_w - map_w,
        area.y,
        map_w,
        if map_w > 0 { top_h } else { 0 },
    );
    let side_x = area.x + main_w;
    let (regions, sources) = if chrome.side {
        let regions_h = (top_h * 6 / 10).max(3);
        (
            Rect::new(side_x, area.y, side_w, regions_h),
            Rect::new(side_x, area.y + regions_h, side_w, top_h - regions_h),
        )
    } else {
        (
            Rect::new(side_x, area.y, 0, 0),
            Rect::new(side_x, area.y, 0, 0),
        )
    };
    let inner = Rect::new(
        timeline.x + 1,
        timeline.y + 1,
        timeline.width.saturating_sub(2),
        timeline.height.saturating_sub(2),
    );
    let hist_h = if inner.height >= HISTOGRAM_ROWS + 5 {
        HISTOGRAM_ROWS
    } else {
        0
    };
    let histogram = Rect::new(inner.x, inner.y, inner.width, hist_h);
    let rows = Rect::new(
        inner.x,
        inner.y + hist_h,
        inner.width,
        inner.height - hist_h,
    );
    Some(Areas {
        timeline,
        histogram,
        rows,
        regions,
        sources,
        map,
        detail,
        input,
        message,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_wraps_to_two_rows_at_most() {
        assert_eq!(message_rows("", 80), 1);
        assert_eq!(message_rows("exported 3 events", 80), 1);
        assert_eq!(message_rows(&"word ".repeat(30), 80), 2);
        assert_eq!(message_rows(&"word ".repeat(300), 80), 2);
    }

    #[test]
    fn every_size_fits_inside_the_screen() {
        for w in 0..=220 {
            for h in 0..=70 {
                let area = Rect::new(0, 0, w, h);
                for (input, message_rows, side, map) in [
                    (false, 0, true, false),
                    (true, 0, true, true),
                    (true, 2, true, false),
                    (false, 1, false, true),
                    (true, 2, false, false),
                ] {
                    let chrome = Chrome {
                        input,
                        message_rows,
                        side,
                        map,
                    };
                    let Some(a) = areas(area, chrome) else {
                        assert!(w < MIN_WIDTH || h < MIN_HEIGHT);
                        continue;
                    };
                    for r in [
                        a.timeline,
                        a.histogram,
                        a.rows,
                        a.regions,
                        a.sources,
                        a.map,
                        a.detail,
                        a.status,
                    ]
                    .into_iter()
                    .chain(a.input)
                    .chain(a.message)
                    {
                        assert!(
                            area.contains(r.as_position()) || r.is_empty(),
                            "{w}x{h}: {r:?}"
                        );
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                    }
                    assert!(a.rows.height >= 1, "{w}x{h}");
                    assert_eq!(a.side_shown(), side);
                    if !side && !map {
                        assert_eq!(a.timeline.width, w, "the timeline takes the width");
                    }
                    if map && !side {
                        assert!(!a.map.is_empty(), "{w}x{h}: the map is shown");
                    }
                    if !a.map.is_empty() {
                        assert!(a.timeline.width >= TIMELINE_MIN_WIDTH, "{w}x{h}");
                        assert!(a.map.intersection(a.timeline).is_empty(), "{w}x{h}");
                    }
                }
            }
        }
    }
}
