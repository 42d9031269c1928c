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

use ratatui::layout::Rect;

use crate::places::RegionId;
pub use crate::places::positions::Positions;
use crate::store::tally::Tally;
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
/// counts are older than the slice: from the slice's tally
/// ([`AppState::tally`]), which counts each event at its places on the map.
pub fn refresh(state: &mut AppState) {
    if !state.map.marks_stale || inner_area(state).is_none() {
        return;
    }
    let g = state.store.gazetteer();
    if state.map.positions.len() != g.len() {
        state.map.positions = Arc::new(Positions::of(g));
    }
    let tally = &state.tally;
    if tally.generation != state.store.generation() || tally.events != state.visible.len() {
        state.tally = Tally::of(&state.store, &state.visible);
    }
    let pos = &state.map.positions;
    let tally = &state.tally;
    let placed = tally.mapped;
    let unplaced = tally.events - placed;
    let mut marks: Vec<Mark> = tally
        .map_places(state.store.columns())
        .filter_map(|(region, count)| {
            let (lon, lat) = pos.at(region)?;
            Some(Mark {
                region,
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
