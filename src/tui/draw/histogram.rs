//! The histogram above the timeline: events per day of the bulk of the
//! slice ([`crate::tui::histogram`]), empty days shown as `·`, several days
//! per bar when they do not fit, the first and last day (with the year) on
//! the axis with the events before and after them counted at its ends
//! (`◂ 3 earlier`, `4 later ▸`), and the selected event marked on its own
//! day (`▲` and its date on the axis, its bar highlighted), or at the end it
//! lies beyond.
//!
//! Only events dated to one day have a bar; the axis says how many others
//! the slice holds. Counts were made when the filters changed; drawing only
//! sums them into bars.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::tui::columns::{date_cell, format_day};
use crate::tui::state::AppState;
use crate::tui::text::width;

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// How the days map to columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// Days summed into one bar.
    pub days_per_bar: usize,
    /// Columns each bar takes.
    pub cols_per_bar: usize,
    /// Number of bars.
    pub bars: usize,
}

/// The scale of `days` days over `width` columns.
pub fn scale(days: usize, width: usize) -> Scale {
    let width = width.max(1);
    if days == 0 {
        return Scale {
            days_per_bar: 1,
            cols_per_bar: 1,
            bars: 0,
        };
    }
    if days <= width {
        let cols = (width / days).clamp(1, 3);
        Scale {
            days_per_bar: 1,
            cols_per_bar: cols,
            bars: days,
        }
    } else {
        let per = days.div_ceil(width);
        Scale {
            days_per_bar: per,
            cols_per_bar: 1,
            bars: days.div_ceil(per),
        }
    }
}

/// Draws the histogram into `area` (two rows of bars and one of axis).
pub fn render(state: &AppState, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let theme = &state.settings.theme;
    let h = &state.histogram;
    let axis_y = area.y + 2;
    let Some(first) = h.first else {
        let note = if state.visible.is_empty() {
            "no events".to_owned()
        } else {
            format!(
                "no event of the slice is dated to a single day ({} longer)",
                h.longer
            )
        };
        buf.set_stringn(area.x, axis_y, note, usize::from(area.width), theme.muted());
        return;
    };
    let s = scale(h.counts.len(), usize::from(area.width));
    let sums: Vec<u32> = h
        .counts
        .chunks(s.days_per_bar)
        .map(|c| c.iter().sum())
        .collect();
    let peak = sums.iter().copied().max().unwrap_or(0).max(1);
    let fmt = &state.settings.date_format;
    let last = h.last().unwrap_or(first);
    // The selected event: its bar (its first day inside the days shown),
    // or the end it lies beyond, and its date as the timeline writes it.
    let selected = state.selected_event().map(|i| {
        let date = state.store.events()[i as usize].date;
        let at = if date.last < first {
            Mark::Before
        } else if date.first > last {
            Mark::After
        } else {
            let day = date.first.max(first);
            Mark::Bar(((day - first).num_days() as usize) / s.days_per_bar)
        };
        (at, date_cell(&date, fmt))
    });
    let selected_bar = match selected {
        Some((Mark::Bar(b), _)) => Some(b),
        _ => None,
    };
    let bar_style = Style::new().fg(theme.accent);
    let mark_style = if theme.color {
        Style::new()
            .fg(theme.highlight)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    };
    for (b, &v) in sums.iter().enumerate() {
        let style = if Some(b) == selected_bar {
            mark_style
        } else {
            bar_style
        };
        let eighths = if v == 0 {
            0
        } else {
            ((v as usize * 16).div_ceil(peak as usize)).max(1)
        };
        for c in 0..s.cols_per_bar {
            let x = area.x + (b * s.cols_per_bar + c) as u16;
            if x >= area.right() {
                break;
            }
            if v == 0 {
                buf.set_string(
                    x,
                    area.y + 1,
                    "·",
                    if Some(b) == selected_bar {
                        mark_style
                    } else {
                        theme.muted()
                    },
                );
                continue;
            }
            buf.set_string(x, area.y, EIGHTHS[eighths.saturating_sub(8).min(8)], style);
            buf.set_string(x, area.y + 1, EIGHTHS[eighths.min(8)], style);
        }
    }
    // Axis: the ends first (with the events beyond them), then the
    // selection's mark on top, then the summary where there is room.
    let w = usize::from(area.width);
    let muted = theme.muted();
    let mut left = format_day(first, fmt);
    if h.earlier > 0 {
        left = format!("◂ {} earlier {left}", h.earlier);
    }
    let mut right = format_day(last, fmt);
    if h.later > 0 {
        right = format!("{right} {} later ▸", h.later);
    }
    if last == first && h.later == 0 {
        right.clear();
    }
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let free = |taken: &[(usize, usize)], a: usize, b: usize| {
        b <= w && taken.iter().all(|&(x, y)| b < x || a >= y)
    };
    // The selection's mark: it wins the space it needs.
    let mark = selected.map(|(at, label)| {
        let lw = width(&label) + 2;
        let (x, text) = match at {
            Mark::Before => (0, format!("◂ {label}")),
            Mark::After => (w.saturating_sub(lw), format!("{label} ▸")),
            Mark::Bar(b) => {
                let col = b * s.cols_per_bar;
                if col + lw <= w {
                    (col, format!("▲ {label}"))
                } else {
                    (col.saturating_sub(lw - 1), format!("{label} ▲"))
                }
            }
        };
        taken.push((x, x + lw + 1));
        (at, x, text, label)
    });
    // A mark at an end pushes that end's label inwards.
    let (left_x, right_end) = match &mark {
        Some((Mark::Before, _, text, _)) => (width(text) + 1, w),
        Some((Mark::After, x, _, _)) => (0, x.saturating_sub(1)),
        _ => (0, w),
    };
    let drawn_w = (s.bars * s.cols_per_bar).min(w);
    let lw = width(&left);
    let left_drawn = free(&taken, left_x, left_x + lw + 1);
    if left_drawn {
        buf.set_string(area.x + left_x as u16, axis_y, &left, muted);
        taken.push((left_x, left_x + lw + 1));
    }
    // The selection's mark already says the last day when it stands on it.
    if matches!(&mark, Some((Mark::Bar(_), _, _, label)) if *label == right) {
        right.clear();
    }
    // The last day under the last bar (or, with later events, at the right
    // edge); when the bars are few and narrow, just right of the first day.
    let rw = width(&right);
    let end = if h.later > 0 {
        right_end
    } else {
        drawn_w.min(right_end)
    };
    // Where the selection's mark covers that place, just past the mark.
    let rx = end.saturating_sub(rw).max(left_x + lw + 2);
    let rx = (rx..w).find(|&x| free(&taken, x.saturating_sub(1), x + rw));
    if let Some(rx) = rx.filter(|_| rw > 0) {
        buf.set_string(area.x + rx as u16, axis_y, &right, muted);
        taken.push((rx.saturating_sub(1), rx + rw));
    }
    // A first day the mark covers is said just past it, as where the
    // bars start.
    let mark_says_first = matches!(&mark, Some((Mark::Bar(_), _, _, label)) if *label == left);
    if !left_drawn && !mark_says_first {
        let from = format!("from {left}");
        let fw = width(&from);
        if let Some(x) = (0..w).find(|&x| free(&taken, x.saturating_sub(1), x + fw + 1)) {
            buf.set_string(area.x + x as u16, axis_y, &from, muted);
            taken.push((x.saturating_sub(1), x + fw + 1));
        }
    }
    let per = if s.days_per_bar == 1 {
        "1 day/bar".to_owned()
    } else {
        format!("{} days/bar", s.days_per_bar)
    };
    let mut summary = format!("{per} · peak {peak}");
    if h.longer > 0 {
        summary.push_str(&format!(" · {} not to a day", h.longer));
    }
    let sw = width(&summary);
    // The first free place wide enough.
    if let Some(x) = (0..w).find(|&x| free(&taken, x.saturating_sub(1), x + sw + 1)) {
        buf.set_string(area.x + x as u16, axis_y, &summary, muted);
    }
    if let Some((_, x, text, _)) = mark {
        buf.set_stringn(area.x + x as u16, axis_y, text, w - x, mark_style);
    }
}

/// Where the selected event is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Under its bar.
    Bar(usize),
    /// At the left end: it lies before the days shown.
    Before,
    /// At the right end: it lies after them.
    After,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_fit_the_width() {
        assert_eq!(
            scale(10, 50),
            Scale {
                days_per_bar: 1,
                cols_per_bar: 3,
                bars: 10
            }
        );
        assert_eq!(
            scale(49, 50),
            Scale {
                days_per_bar: 1,
                cols_per_bar: 1,
                bars: 49
            }
        );
        let s = scale(3660, 100);
        assert!(
            s.bars * s.cols_per_bar <= 100 && s.bars * s.days_per_bar >= 3660,
            "{s:?}"
        );
    }
}
