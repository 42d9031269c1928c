//! The histogram above the timeline: events per day of the slice, empty
//! days shown as `·`, several days per bar when they do not fit, the first
//! and last day (with the year) on the axis, and the selected event's day
//! marked (`▲` and its date on the axis, its bar highlighted).
//!
//! Only events dated to one day have a bar; the axis says how many others
//! the slice holds. Counts were made when the filters changed; drawing only
//! sums them into bars.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::tui::columns::format_day;
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
    let selected_bar = state
        .selected_event()
        .map(|i| state.store.events()[i as usize].date.first)
        .and_then(|d| usize::try_from((d - first).num_days()).ok())
        .filter(|&d| d < h.counts.len())
        .map(|d| d / s.days_per_bar);
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
    // Axis: first day, summary, last day, then the selection's mark on top.
    let fmt = &state.settings.date_format;
    let last = h.day(h.counts.len() - 1).unwrap_or(first);
    let left = format_day(first, fmt);
    let right = format_day(last, fmt);
    let w = usize::from(area.width);
    let muted = theme.muted();
    // The selection's mark first: the other labels go only where they do
    // not overlap it.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut mark = None;
    if let Some(b) = selected_bar {
        let col = b * s.cols_per_bar;
        let day = h
            .day(b * s.days_per_bar)
            .map(|d| format_day(d, fmt))
            .unwrap_or_default();
        let label = format!("▲ {day}");
        let lw = width(&label);
        let (x, text) = if col + lw <= w {
            (col, label)
        } else {
            (col.saturating_sub(lw - 1), format!("{day} ▲"))
        };
        taken.push((x, x + lw + 1));
        mark = Some((x, text));
    }
    let free = |taken: &[(usize, usize)], a: usize, b: usize| {
        b <= w && taken.iter().all(|&(x, y)| b < x || a >= y)
    };
    let drawn_w = (s.bars * s.cols_per_bar).min(w);
    if free(&taken, 0, width(&left) + 1) {
        buf.set_string(area.x, axis_y, &left, muted);
        taken.push((0, width(&left) + 1));
    }
    // The last day under the last bar; when the bars are few and narrow,
    // just right of the first day's label instead of nowhere.
    let rx = drawn_w.saturating_sub(width(&right)).max(width(&left) + 2);
    let rend = rx + width(&right);
    if last != first && free(&taken, rx.saturating_sub(1), rend) {
        buf.set_string(area.x + rx as u16, axis_y, &right, muted);
        taken.push((rx.saturating_sub(1), rend));
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
    if let Some((x, text)) = mark {
        buf.set_stringn(area.x + x as u16, axis_y, text, w - x, mark_style);
    }
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
