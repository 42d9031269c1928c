//! The map pane's state and keys: the view (centre and zoom), the slice's
//! events counted per place, and the cursor (`+`, the view's centre) whose
//! nearest place Space or Enter puts in the region filter.
//!
//! An event counts at its most specific place that has a position: a town
//! with coordinates in the gazetteer, else the oblast around it, placed at
//! the mean position of the oblast's towns that have coordinates. An event
//! placed only in a country (or nowhere) is not on the map; the pane's
//! title counts those. The counts are made when the slice changes (and only
//! while the map is on screen), never per frame: drawing
//! ([`crate::tui::draw::map`]) goes through the places, not the events.
//!
//! The map is drawn in longitude and latitude, with longitude shrunk by the
//! cosine of Ukraine's middle latitude so that the country keeps its shape.

use std::sync::Arc;

use rayon::prelude::*;

use ratatui::layout::Rect;

use crate::places::{Gazetteer, RegionId, RegionKind};
use crate::store::EventStore;
use crate::tui::action::Command;
use crate::tui::state::{AppState, Pane, Tone};

/// The view the map opens with (and `0` goes back to): Ukraine.
pub const HOME: View = View {
    lon: 31.4,
    lat: 48.6,
    zoom: 1.0,
};
/// Longitude and latitude spans the home view fits, in degrees.
const HOME_SPAN: (f64, f64) = (20.0, 9.4);
/// How far the view may wander: the outlines' box (`assets/map/borders.txt`).
const LIMITS: ([f64; 2], [f64; 2]) = ([12.0, 50.0], [40.0, 58.0]);
/// Each zoom key multiplies or divides the scale by this.
pub const ZOOM_STEP: f64 = 1.5;
/// Farthest out and in.
const ZOOM_RANGE: [f64; 2] = [0.5, 40.0];
/// How much of the view one pan key moves it.
const PAN_FRACTION: f64 = 1.0 / 12.0;
/// How far from the cursor a place may be to be picked, in cells.
pub const PICK_CELLS: f64 = 4.0;
/// No position.
const NONE: u32 = u32::MAX;

/// Where the map looks: its centre and scale (1 shows Ukraine whole).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Longitude of the centre, in degrees east.
    pub lon: f64,
    /// Latitude of the centre, in degrees north.
    pub lat: f64,
    /// Scale: 1 fits Ukraine, 2 shows half as much, 0.5 twice as much.
    pub zoom: f64,
}

/// A place with events of the slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// The place.
    pub region: RegionId,
    /// Longitude, degrees.
    pub lon: f32,
    /// Latitude, degrees.
    pub lat: f32,
    /// Events of the slice counted there.
    pub count: u32,
}

/// Where every place of the gazetteer stands on the map, worked out once.
#[derive(Debug, Default)]
pub struct Positions {
    /// Per place: the place whose position stands for it (itself, or the
    /// oblast around a town without coordinates), or `NONE`.
    stand_in: Vec<u32>,
    /// Per place: longitude and latitude (NaN without a position).
    at: Vec<(f32, f32)>,
}

impl Positions {
    /// The positions of a gazetteer's places.
    pub fn of(g: &Gazetteer) -> Positions {
        let n = g.len();
        let mut at = vec![(f32::NAN, f32::NAN); n];
        let mut sums = vec![(0f64, 0f64, 0u32); n];
        for id in 0..n as RegionId {
            if let Some((lat, lon)) = g.own_coordinates(id) {
                at[id as usize] = (lon, lat);
                let oblast = g.oblast_level(id);
                if oblast != id && g.region(oblast).kind == RegionKind::Region {
                    let s = &mut sums[oblast as usize];
                    *s = (s.0 + f64::from(lon), s.1 + f64::from(lat), s.2 + 1);
                }
            }
        }
        for (id, (lon, lat, k)) in sums.into_iter().enumerate() {
            if k > 0 && at[id].0.is_nan() {
                at[id] = ((lon / f64::from(k)) as f32, (lat / f64::from(k)) as f32);
            }
        }
        let stand_in = (0..n as RegionId)
            .map(|id| {
                let mut cur = Some(id);
                while let Some(r) = cur {
                    if g.region(r).kind == RegionKind::Country {
                        return NONE;
                    }
                    if !at[r as usize].0.is_nan() {
                        return r;
                    }
                    cur = g.region(r).parent;
                }
                NONE
            })
            .collect();
        Positions { stand_in, at }
    }

    /// The place standing for `id` on the map, if any.
    pub fn stand_in(&self, id: RegionId) -> Option<RegionId> {
        self.stand_in
            .get(id as usize)
            .copied()
            .filter(|&r| r != NONE)
    }

    /// Longitude and latitude of a place with a position of its own.
    pub fn at(&self, id: RegionId) -> Option<(f32, f32)> {
        self.at.get(id as usize).copied().filter(|p| !p.0.is_nan())
    }

    /// The places an event counts at: for each place it happened in (each
    /// run of `regions`, most specific first), the first with a position.
    pub fn places_of(&self, g: &Gazetteer, regions: &[RegionId], out: &mut Vec<RegionId>) {
        out.clear();
        let mut prev: Option<RegionId> = None;
        for &r in regions {
            let starts = prev.is_none_or(|p| g.region(p).parent != Some(r));
            prev = Some(r);
            if let Some(m) = starts.then(|| self.stand_in(r)).flatten()
                && !out.contains(&m)
            {
                out.push(m);
            }
        }
    }
}

/// The map pane's part of the app state.
#[derive(Debug)]
pub struct MapState {
    /// Whether the user asked to show (or hide) the map; `None`: shown
    /// from [`crate::tui::layout::MAP_MIN_WIDTH`] columns up.
    pub shown: Option<bool>,
    /// Where it looks.
    pub view: View,
    /// The slice's places, fewest events first (so that the biggest marks
    /// are drawn last, on top).
    pub marks: Vec<Mark>,
    /// Events of the slice that are on the map, and that are not.
    pub placed: usize,
    /// Events of the slice without a place on the map.
    pub unplaced: usize,
    /// Whether the marks are older than the slice (they are counted only
    /// while the map is on screen).
    pub marks_stale: bool,
    /// Positions of the gazetteer's places (made on the first count).
    pub positions: Arc<Positions>,
    /// The whole store's counts per place, once a slice of most of it was
    /// counted.
    pub totals: Option<Totals>,
}

impl Default for MapState {
    fn default() -> MapState {
        MapState {
            shown: None,
            view: HOME,
            marks: Vec::new(),
            placed: 0,
            unplaced: 0,
            marks_stale: true,
            positions: Arc::default(),
            totals: None,
        }
    }
}

impl MapState {
    /// The most events at one place.
    pub fn max_count(&self) -> u32 {
        self.marks.last().map_or(0, |m| m.count)
    }
}

/// The map's inner area (inside its borders) on the current screen.
pub fn inner_area(state: &AppState) -> Option<Rect> {
    let a = state.areas()?.map;
    (a.width > 2 && a.height > 2).then(|| Rect::new(a.x + 1, a.y + 1, a.width - 2, a.height - 2))
}

/// Longitude and latitude bounds of a view drawn into `inner` (a Braille
/// cell is two dots wide and four high, and about square dots).
pub fn bounds(view: &View, inner: Rect) -> ([f64; 2], [f64; 2]) {
    let k = HOME.lat.to_radians().cos();
    let px_w = f64::from(inner.width.max(1)) * 2.0;
    let px_h = f64::from(inner.height.max(1)) * 4.0;
    let home = (HOME_SPAN.0 * k / px_w).max(HOME_SPAN.1 / px_h);
    let per_px = home / view.zoom;
    let half_w = per_px * px_w / 2.0 / k;
    let half_h = per_px * px_h / 2.0;
    (
        [view.lon - half_w, view.lon + half_w],
        [view.lat - half_h, view.lat + half_h],
    )
}

/// Counts the slice's events per place, when the map is on screen and the
/// counts are older than the slice.
pub fn refresh(state: &mut AppState) {
    if !state.map.marks_stale || inner_area(state).is_none() {
        return;
    }
    let g = state.store.gazetteer();
    if state.map.positions.at.len() != g.len() {
        state.map.positions = Arc::new(Positions::of(g));
    }
    let pos = Arc::clone(&state.map.positions);
    let store = Arc::clone(&state.store);
    let n = store.events().len();
    let cached = &mut state.map.totals;
    let (counts, placed, unplaced) = crate::store::columns::by_complement(
        n,
        &state.visible,
        None,
        |b| count_places(&store, &pos, b),
        // Most of the store: its totals (kept while it is unchanged) less
        // the events left out.
        |left| {
            let totals = match cached {
                Some(t) if t.generation == store.generation() => t,
                _ => {
                    let all: Vec<u32> = (0..n as u32).collect();
                    let (counts, placed, unplaced) = count_places(&store, &pos, &all);
                    cached.insert(Totals {
                        generation: store.generation(),
                        counts,
                        placed,
                        unplaced,
                    })
                }
            };
            let (out, out_placed, out_unplaced) = count_places(&store, &pos, left);
            let counts = totals.counts.iter().zip(out).map(|(t, o)| t - o).collect();
            (
                counts,
                totals.placed - out_placed,
                totals.unplaced - out_unplaced,
            )
        },
    );
    let mut marks: Vec<Mark> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .filter_map(|(id, &count)| {
            let (lon, lat) = pos.at(id as RegionId)?;
            Some(Mark {
                region: id as RegionId,
                lon,
                lat,
                count,
            })
        })
        .collect();
    marks.sort_by_key(|m| (m.count, m.region));
    state.map.marks = marks;
    state.map.placed = placed;
    state.map.unplaced = unplaced;
    state.map.marks_stale = false;
}

/// Events per place of the events `slice`, and how many of them are on
/// the map and not: counted on every core, a table per piece of the slice.
fn count_places(store: &EventStore, pos: &Positions, slice: &[u32]) -> (Vec<u32>, usize, usize) {
    let g = store.gazetteer();
    let columns = store.columns();
    let count = |chunk: &[u32]| {
        let mut counts = vec![0u32; g.len()];
        let (mut placed, mut unplaced) = (0, 0);
        let mut places = Vec::new();
        for &i in chunk {
            pos.places_of(g, columns.regions(i), &mut places);
            if places.is_empty() {
                unplaced += 1;
            } else {
                placed += 1;
            }
            for &p in &places {
                counts[p as usize] += 1;
            }
        }
        (counts, placed, unplaced)
    };
    slice
        .par_chunks(crate::store::columns::piece_len(slice.len()))
        .map(count)
        .reduce_with(|(mut a, ap, au), (b, bp, bu)| {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
            (a, ap + bp, au + bu)
        })
        .unwrap_or_else(|| (vec![0; g.len()], 0, 0))
}

/// The whole store's counts per place, kept for slices of most of it.
#[derive(Debug)]
pub struct Totals {
    /// The store's generation they were counted for.
    generation: u64,
    /// Events per place.
    counts: Vec<u32>,
    /// Events on the map, and not.
    placed: usize,
    unplaced: usize,
}

/// The place nearest the cursor (the view's centre), within
/// [`PICK_CELLS`] cells of it: what Space or Enter on the map would pick.
/// A place marked on the map comes first; else any place of the corpus
/// with a position (one the filters leave out, to add it).
pub fn under_cursor(state: &AppState) -> Option<RegionId> {
    let inner = inner_area(state)?;
    let pos = &state.map.positions;
    let (xb, yb) = bounds(&state.map.view, inner);
    // Distances in cells: a cell is twice as high as it is wide.
    let cell_x = (xb[1] - xb[0]) / f64::from(inner.width.max(1));
    let cell_y = (yb[1] - yb[0]) / f64::from(inner.height.max(1)) / 2.0;
    let (lon, lat) = (state.map.view.lon, state.map.view.lat);
    let nearest = |places: &mut dyn Iterator<Item = RegionId>| {
        places
            .filter_map(|r| {
                let (x, y) = pos.at(r).filter(|_| pos.stand_in(r) == Some(r))?;
                let dx = (f64::from(x) - lon) / cell_x;
                let dy = (f64::from(y) - lat) / cell_y;
                Some((dx * dx + dy * dy, r))
            })
            .filter(|&(d, _)| d <= PICK_CELLS * PICK_CELLS)
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, r)| r)
    };
    nearest(&mut state.map.marks.iter().map(|m| m.region))
        .or_else(|| nearest(&mut state.store.regions_present()))
}

/// Runs a map command; `false` for a command that is not the map's.
pub fn command(state: &mut AppState, c: Command) -> bool {
    let Some(inner) = inner_area(state) else {
        return c == Command::Map && {
            toggle_shown(state);
            true
        };
    };
    let (xb, yb) = bounds(&state.map.view, inner);
    let (dx, dy) = (
        (xb[1] - xb[0]) * PAN_FRACTION,
        (yb[1] - yb[0]) * PAN_FRACTION,
    );
    let view = &mut state.map.view;
    match c {
        Command::Map => toggle_shown(state),
        Command::MapLeft => view.lon -= dx,
        Command::MapRight => view.lon += dx,
        Command::MapUp => view.lat += dy,
        Command::MapDown => view.lat -= dy,
        Command::MapZoomIn => zoom(state, ZOOM_STEP),
        Command::MapZoomOut => zoom(state, 1.0 / ZOOM_STEP),
        Command::MapReset => *view = HOME,
        _ => return false,
    }
    clamp(&mut state.map.view);
    true
}

fn zoom(state: &mut AppState, by: f64) {
    let v = &mut state.map.view;
    v.zoom = (v.zoom * by).clamp(ZOOM_RANGE[0], ZOOM_RANGE[1]);
}

fn clamp(v: &mut View) {
    v.lon = v.lon.clamp(LIMITS.0[0], LIMITS.0[1]);
    v.lat = v.lat.clamp(LIMITS.1[0], LIMITS.1[1]);
}

/// Shows or hides the map pane, and counts its marks if it shows.
pub fn toggle_shown(state: &mut AppState) {
    let shown = !state.map_shown(state.size.0);
    state.map.shown = Some(shown);
    refresh(state);
    let m = state.key_for(Command::Map).unwrap_or_default();
    let text = match (shown, inner_area(state).is_some()) {
        (true, true) => format!("map shown ({m} hides it; Tab reaches it)"),
        (true, false) => format!("no room for the map at this size ({m} again to hide)"),
        (false, _) => format!("map hidden ({m} shows it)"),
    };
    state.say(Tone::Info, text);
}

/// Space or Enter on the map: the place under the cursor goes into the
/// region filter, or out of it, as Space does in the regions pane.
pub fn pick(state: &mut AppState) {
    let Some(r) = under_cursor(state) else {
        state.say(
            Tone::Info,
            "no place of the corpus near the cursor: pan (h j k l) or zoom out (-)",
        );
        return;
    };
    let added = crate::tui::regions::toggle_filter(state, r);
    // The tree shows the region, unfolded to it, under its cursor.
    if added && let Some(row) = state.regions.reveal(r) {
        let (len, page) = (state.regions.rows().len(), state.page(Pane::Regions));
        state.region_cursor.go(row, len, page);
    }
    let name = state.store.gazetteer().region(r).name.clone();
    let n = state.visible.len();
    let text = if added {
        format!("{name} added to the region filter: {n} events")
    } else {
        format!("{name} taken out of the region filter: {n} events")
    };
    state.say(Tone::Info, text);
}

/// The mouse wheel over the map zooms (up: in).
pub fn wheel(state: &mut AppState, delta: isize) {
    zoom(
        state,
        if delta < 0 {
            ZOOM_STEP
        } else {
            1.0 / ZOOM_STEP
        },
    );
}

/// A click on the map moves the cursor (the view's centre) there.
pub fn click(state: &mut AppState, column: u16, row: u16) {
    let Some(inner) = inner_area(state) else {
        return;
    };
    if !inner.contains(ratatui::layout::Position::new(column, row)) {
        return;
    }
    let (xb, yb) = bounds(&state.map.view, inner);
    let fx = (f64::from(column - inner.x) + 0.5) / f64::from(inner.width);
    let fy = (f64::from(row - inner.y) + 0.5) / f64::from(inner.height);
    state.map.view.lon = xb[0] + fx * (xb[1] - xb[0]);
    state.map.view.lat = yb[1] - fy * (yb[1] - yb[0]);
    clamp(&mut state.map.view);
    state.focus = Pane::Map;
}
