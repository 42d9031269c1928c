//! Draws the map pane with ratatui's `Canvas` in Braille dots: the outlines
//! of Ukraine and its neighbours (`assets/map/borders.txt`, generated from
//! Natural Earth by `scripts/gen_borders.py`), the slice's places as marks
//! sized and shaded by their counts, the selected event's place as `◉` with
//! its name, and the cursor `+` whose nearest place Space would pick.
//!
//! It goes through the places counted when the slice last changed
//! ([`crate::tui::map`]), never the events, so a frame costs the same at a
//! million events as at ten.

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{self, Canvas, Painter, Shape};

use crate::tui::draw::pane_block;
use crate::tui::map::{self, Mark};
use crate::tui::state::{AppState, Pane};
use crate::tui::text::{truncate, width};

/// The outlines as generated, compiled in.
const BORDERS: &str = include_str!("../../../assets/map/borders.txt");

/// One polyline of the outlines.
struct Outline {
    /// Part of Ukraine's outline (drawn brighter).
    ukraine: bool,
    /// Longitude, latitude pairs.
    points: Vec<(f64, f64)>,
    /// West, south, east, north.
    bbox: [f64; 4],
}

/// The outlines, parsed once.
fn outlines() -> &'static [Outline] {
    static PARSED: OnceLock<Vec<Outline>> = OnceLock::new();
    PARSED.get_or_init(|| parse(BORDERS))
}

/// Reads the outlines' text: `u` or `b`, then `lon,lat` pairs; `#` lines
/// are comments. A malformed pair is skipped.
fn parse(text: &str) -> Vec<Outline> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let ukraine = words.next()? == "u";
            let points: Vec<(f64, f64)> = words
                .filter_map(|w| {
                    let (x, y) = w.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
            for &(x, y) in &points {
                bbox = [
                    bbox[0].min(x),
                    bbox[1].min(y),
                    bbox[2].max(x),
                    bbox[3].max(y),
                ];
            }
            (points.len() >= 2).then_some(Outline {
                ukraine,
                points,
                bbox,
            })
        })
        .collect()
}

/// The outlines of one kind, as a canvas shape.
struct Outlines {
    ukraine: bool,
    color: Color,
}

impl Shape for Outlines {
    fn draw(&self, painter: &mut Painter) {
        let (&[x0, x1], &[y0, y1]) = painter.bounds();
        for o in outlines().iter().filter(|o| o.ukraine == self.ukraine) {
            if o.bbox[2] < x0 || o.bbox[0] > x1 || o.bbox[3] < y0 || o.bbox[1] > y1 {
                continue;
            }
            for w in o.points.windows(2) {
                let ((ax, ay), (bx, by)) = (w[0], w[1]);
                canvas::Line::new(ax, ay, bx, by, self.color).draw(painter);
            }
        }
    }
}

/// Marks of one size, as a canvas shape: a disc of `radius` dots.
struct Discs<'a> {
    marks: &'a [Mark],
    radius: i32,
    color: Color,
}

impl Shape for Discs<'_> {
    fn draw(&self, painter: &mut Painter) {
        // The last dot of the grid (a dot past a row's end would wrap).
        let (&[_, x1], &[y0, _]) = painter.bounds();
        let Some((max_x, max_y)) = painter.get_point(x1, y0) else {
            return;
        };
        let (max_x, max_y) = (max_x as i32, max_y as i32);
        let r = self.radius;
        // The smallest mark is a square of four dots, so that it shows.
        let (lo, hi) = if r == 0 { (0, 1) } else { (-r, r) };
        for m in self.marks {
            let Some((cx, cy)) = painter.get_point(f64::from(m.lon), f64::from(m.lat)) else {
                continue;
            };
            for dy in lo..=hi {
                for dx in lo..=hi {
                    let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                    let inside = r == 0 || dx * dx + dy * dy <= r * r + r / 2;
                    if inside && (0..=max_x).contains(&x) && (0..=max_y).contains(&y) {
                        painter.paint(x as usize, y as usize, self.color);
                    }
                }
            }
        }
    }
}

/// The size class of a count, 0 (a square of four dots) to 3 (a disc of
/// radius 3), on a logarithmic scale up to the busiest place.
pub fn size_class(count: u32, max: u32) -> usize {
    if max <= 1 || count <= 1 {
        return 0;
    }
    let f = f64::from(count).ln() / f64::from(max).ln();
    ((f * 3.0).ceil() as usize).min(3)
}

/// Draws the map pane.
pub fn render(state: &AppState, area: Rect, buf: &mut Buffer) {
    let theme = &state.settings.theme;
    let m = &state.map;
    let zoom = if (m.view.zoom - 1.0).abs() < 1e-9 {
        String::new()
    } else {
        format!(" ×{:.1}", m.view.zoom)
    };
    let places = match m.marks.len() {
        1 => "1 place".to_owned(),
        n => format!("{n} places"),
    };
    // The longest form that fits, down to the truncated shortest.
    let room = usize::from(area.width.saturating_sub(5));
    let forms = match m.unplaced {
        0 => vec![format!("Map{zoom} · {places}")],
        n => {
            let events = if n == 1 { "event" } else { "events" };
            vec![
                format!("Map{zoom} · {places} · {n} {events} unplaced"),
                format!("Map{zoom} · {places} · {n} unplaced"),
                format!("Map{zoom} · {places}"),
            ]
        }
    };
    let title = forms.iter().find(|f| width(f) <= room).map_or_else(
        || truncate(forms.last().map_or("", |f| f), room),
        Clone::clone,
    );
    let under = map::under_cursor(state);
    let g = state.store.gazetteer();
    let room = usize::from(area.width.saturating_sub(4));
    let footer = match under {
        Some(r) => {
            let n = state.facets.regions.get(&r).copied().unwrap_or(0);
            let verb = if state.query.regions.contains(&r) {
                "takes out"
            } else {
                "adds"
            };
            format!(" + {} {n} · Space {verb} ", g.region(r).name)
        }
        None => " + no place near ".to_owned(),
    };
    let block = pane_block(state, Pane::Map, title)
        .title_bottom(Line::from(truncate(&footer, room)).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 2 || inner.height < 2 {
        return;
    }
    let (xb, yb) = map::bounds(&m.view, inner);
    let max = m.max_count();
    let mut classes: [Vec<Mark>; 4] = Default::default();
    for mark in &m.marks {
        classes[size_class(mark.count, max)].push(*mark);
    }
    let shade = [theme.muted, theme.region, theme.date, theme.future];
    let selected = state
        .selected_event()
        .and_then(|i| {
            let e = &state.store.events()[i as usize];
            let mut places = Vec::new();
            m.positions.places_of(g, &e.regions, &mut places);
            places.first().copied()
        })
        .and_then(|r| Some((r, m.positions.at(r)?)));
    let (border, ukraine) = (theme.border, theme.muted);
    let focused = state.focus == Pane::Map && state.overlay.is_none();
    let cursor_style = if focused {
        theme.border(true).add_modifier(Modifier::BOLD)
    } else {
        theme.muted()
    };
    let pick_style = theme.fg(theme.accent).add_modifier(Modifier::BOLD);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(xb)
        .y_bounds(yb)
        .paint(|ctx| {
            ctx.draw(&Outlines {
                ukraine: false,
                color: border,
            });
            ctx.draw(&Outlines {
                ukraine: true,
                color: ukraine,
            });
            ctx.layer();
            for (radius, marks) in classes.iter().enumerate() {
                ctx.draw(&Discs {
                    marks,
                    radius: radius as i32,
                    color: shade[radius],
                });
            }
            ctx.layer();
            let (cx, cy) = (m.view.lon, m.view.lat);
            ctx.print(cx, cy, Span::styled("+", cursor_style));
            if let Some((r, (lon, lat))) = selected {
                let label = format!("◉ {}", g.region(r).name);
                ctx.print(
                    f64::from(lon),
                    f64::from(lat),
                    Span::styled(label, pick_style),
                );
            }
        })
        .render(inner, buf);
    if let Some(r) = under.filter(|r| state.query.regions.contains(r))
        && let Some((lon, lat)) = m.positions.at(r)
    {
        // A chosen place near the cursor is underlined where it is.
        let x = inner.x as f64 + (f64::from(lon) - xb[0]) / (xb[1] - xb[0]) * inner.width as f64;
        let y = inner.y as f64 + (yb[1] - f64::from(lat)) / (yb[1] - yb[0]) * inner.height as f64;
        let p = ratatui::layout::Position::new(x as u16, y as u16);
        if inner.contains(p) {
            buf[p].set_style(Style::new().add_modifier(Modifier::UNDERLINED));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_outlines_parse_and_hold_ukraine() {
        let all = outlines();
        assert!(all.len() > 100, "{}", all.len());
        let ukraine: Vec<&Outline> = all.iter().filter(|o| o.ukraine).collect();
        assert!(!ukraine.is_empty());
        // Ukraine's outline spans about 22-40 E and 44-52 N, Crimea included.
        let w = ukraine.iter().map(|o| o.bbox[0]).fold(f64::MAX, f64::min);
        let s = ukraine.iter().map(|o| o.bbox[1]).fold(f64::MAX, f64::min);
        let e = ukraine.iter().map(|o| o.bbox[2]).fold(f64::MIN, f64::max);
        let n = ukraine.iter().map(|o| o.bbox[3]).fold(f64::MIN, f64::max);
        assert!(
            (21.5..23.0).contains(&w) && (39.5..41.0).contains(&e),
            "{w} {e}"
        );
        assert!(
            (44.0..44.6).contains(&s) && (52.0..52.6).contains(&n),
            "{s} {n}"
        );
        assert_eq!(parse("# comment\nb 1,2 bad 3,4\nu 5,6\n").len(), 1);
    }

    #[test]
    fn sizes_grow_with_the_count_on_a_log_scale() {
        assert_eq!(size_class(1, 1), 0);
        assert_eq!(size_class(1, 1000), 0);
        assert_eq!(size_class(1000, 1000), 3);
        assert!(size_class(10, 1000) < size_class(100, 1000));
        assert!((1..=1000).all(|c| size_class(c, 1000) <= 3));
    }
}
