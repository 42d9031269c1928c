//! Where each pane goes for a given terminal size. One pure function, used
//! by drawing and by the update (page sizes, mouse hit-testing) alike, so
//! both always agree.
//!
//! ```text
//! ┌ Timeline ─────────────────────────┐┌ Regions ──────┐
//! │ histogram (2 rows of bars, axis)  ││               │
//! │ rows                              │├ Sources ──────┤
//! └───────────────────────────────────┘└───────────────┘
//! ┌ Detail ──────────────────────────────────────────────┐
//! └──────────────────────────────────────────────────────┘
//! input line (while open)
//! status line
//! ```

use ratatui::layout::{Position, Rect};

use crate::tui::state::Pane;

/// Narrowest usable terminal.
pub const MIN_WIDTH: u16 = 60;
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
    /// The regions pane, borders included.
    pub regions: Rect,
    /// The sources pane, borders included.
    pub sources: Rect,
    /// The detail pane, borders included.
    pub detail: Rect,
    /// The input line, while one is open.
    pub input: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

impl Areas {
    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let p = Position::new(column, row);
        [
            (self.timeline, Pane::Timeline),
            (self.regions, Pane::Regions),
            (self.sources, Pane::Sources),
            (self.detail, Pane::Detail),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(p))
        .map(|(_, pane)| pane)
    }
}

/// The areas for a screen, or `None` when it is too small to be usable.
pub fn areas(area: Rect, input_open: bool) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let mut bottom = status.y;
    let input = input_open.then(|| {
        bottom -= 1;
        Rect::new(area.x, bottom, area.width, 1)
    });
    let avail = bottom - area.y;
    let detail_h = (avail * 3 / 10).clamp(5, 14);
    let top_h = avail - detail_h;
    let detail = Rect::new(area.x, area.y + top_h, area.width, detail_h);
    let side_w = (area.width * 3 / 10).clamp(22, 40);
    let main_w = area.width - side_w;
    let timeline = Rect::new(area.x, area.y, main_w, top_h);
    let side_x = area.x + main_w;
    let regions_h = (top_h * 6 / 10).max(3);
    let regions = Rect::new(side_x, area.y, side_w, regions_h);
    let sources = Rect::new(side_x, area.y + regions_h, side_w, top_h - regions_h);
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
        detail,
        input,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_fits_inside_the_screen() {
        for w in 0..=220 {
            for h in 0..=70 {
                let area = Rect::new(0, 0, w, h);
                for input in [false, true] {
                    let Some(a) = areas(area, input) else {
                        assert!(w < MIN_WIDTH || h < MIN_HEIGHT);
                        continue;
                    };
                    for r in [
                        a.timeline,
                        a.histogram,
                        a.rows,
                        a.regions,
                        a.sources,
                        a.detail,
                        a.status,
                    ]
                    .into_iter()
                    .chain(a.input)
                    {
                        assert!(
                            area.contains(r.as_position()) || r.is_empty(),
                            "{w}x{h}: {r:?}"
                        );
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                    }
                    assert!(a.rows.height >= 1, "{w}x{h}");
                }
            }
        }
    }
}
