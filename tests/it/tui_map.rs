//! The map pane (issue 14, item 6) on the buffer of a `TestBackend`, over
//! `tests/data/map_corpus` (strikes in Kharkiv, Odesa and Lviv, and a
//! statement placed only in Ukraine): outlines and marks are drawn, the
//! marks follow the filters, zoom and pan change the view, `h` pans the
//! map and folds the tree, Space on the map puts the place under the cursor
//! in the region filter, and a narrow terminal hides the map unless `m`
//! shows it.

use std::path::PathBuf;

use crate::tui_support::{press, render, type_text};

use frontlog::config::Settings;
use frontlog::ingest;
use frontlog::tui::action::Action;
use frontlog::tui::map;
use frontlog::tui::state::{AppState, Pane};
use frontlog::tui::update::update;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/map_corpus")
}

/// The map corpus as the app opens it, `w`×`h`, colours or not.
fn map_state(w: u16, h: u16, no_color: bool) -> AppState {
    let opened = ingest::open(&corpus(), None).expect("the corpus opens");
    let mut s = AppState::new(
        opened.store,
        opened.problems,
        Settings::default_settings(no_color),
        corpus(),
        (w, h),
    );
    update(&mut s, Action::Resize(w, h));
    s
}

fn region(s: &AppState, name: &str) -> u32 {
    s.store.gazetteer().lookup(name).expect("a known place")
}

fn count_at(s: &AppState, name: &str) -> u32 {
    let id = region(s, name);
    s.map
        .marks
        .iter()
        .find(|m| m.region == id)
        .map_or(0, |m| m.count)
}

/// The text of the map pane's rows (inside its borders), and its title row.
fn map_text(s: &AppState) -> (Vec<String>, String) {
    let (_, lines) = render(s);
    let a = s.areas().unwrap().map;
    let cut = |l: &String| -> String {
        l.chars()
            .skip(usize::from(a.x))
            .take(usize::from(a.width))
            .collect()
    };
    let inner = (a.y + 1..a.bottom() - 1)
        .map(|y| cut(&lines[usize::from(y)]))
        .collect();
    (inner, cut(&lines[usize::from(a.y)]))
}

/// The screen cell where a place is drawn.
fn cell_of(s: &AppState, name: &str) -> (u16, u16) {
    let inner = map::inner_area(s).unwrap();
    let (lat, lon) = s
        .store
        .gazetteer()
        .own_coordinates(region(s, name))
        .expect("the place has coordinates");
    let (xb, yb) = map::bounds(&s.map.view, inner);
    let fx = (f64::from(lon) - xb[0]) / (xb[1] - xb[0]);
    let fy = (yb[1] - f64::from(lat)) / (yb[1] - yb[0]);
    (
        inner.x + (fx * f64::from(inner.width)) as u16,
        inner.y + (fy * f64::from(inner.height)) as u16,
    )
}

fn braille(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
        .count()
}

fn focus_map(s: &mut AppState) {
    for _ in 0..5 {
        if s.focus == Pane::Map {
            return;
        }
        press(s, "Tab");
    }
    assert_eq!(s.focus, Pane::Map, "Tab reaches the map");
}

#[test]
fn a_wide_screen_shows_outlines_and_the_slices_places() {
    let s = map_state(200, 40, false);
    let a = s.areas().unwrap();
    assert!(!a.map.is_empty(), "the map shows from 200 columns");
    assert_eq!(a.timeline.width, 120, "the timeline keeps its full width");
    assert_eq!(a.map.width, 40);
    assert_eq!(count_at(&s, "Kharkiv"), 4);
    assert_eq!(count_at(&s, "Odesa"), 2);
    assert_eq!(count_at(&s, "Lviv"), 2);
    assert_eq!(s.map.unplaced, 3, "the statement and an unplaced headline");
    let (rows, title) = map_text(&s);
    assert!(
        title.contains("Map · 3 places · 3 events unplaced"),
        "{title}"
    );
    let dots: usize = rows.iter().map(|r| braille(r)).sum();
    assert!(dots > 200, "outlines are drawn: {dots} Braille cells");
    // The busiest place is a disc, a solid cell where it is.
    let (x, y) = cell_of(&s, "Kharkiv");
    let (_, lines) = render(&s);
    let around: String = (y.saturating_sub(1)..=y + 1)
        .flat_map(|yy| {
            let l: Vec<char> = lines[usize::from(yy)].chars().collect();
            (x.saturating_sub(1)..=x + 1).map(move |xx| l[usize::from(xx)])
        })
        .collect();
    assert!(around.contains('⣿'), "a solid mark at Kharkiv: {around:?}");
}

#[test]
fn the_selected_events_place_is_marked_without_colour_too() {
    let mut s = map_state(200, 40, true);
    // Select an event in Odesa.
    for _ in 0..20 {
        let e = &s.store.events()[s.selected_event().unwrap() as usize];
        if e.regions.first() == Some(&region(&s, "Odesa")) {
            break;
        }
        press(&mut s, "j");
    }
    let (rows, _) = map_text(&s);
    assert!(
        rows.iter().any(|r| r.contains("◉ Odesa")),
        "{}",
        rows.join("\n")
    );
    assert!(rows.iter().any(|r| r.contains('+')), "the cursor shows");
}

#[test]
fn the_marks_follow_every_filter() {
    let mut s = map_state(200, 40, false);
    press(&mut s, "/");
    type_text(&mut s, "warehouse");
    press(&mut s, "Enter");
    assert_eq!(count_at(&s, "Kharkiv"), 1, "{:?}", s.map.marks);
    assert_eq!(count_at(&s, "Odesa"), 0);
    assert_eq!(count_at(&s, "Lviv"), 0);
    assert_eq!(s.map.marks.len(), 1);
    press(&mut s, "c");
    assert_eq!(count_at(&s, "Lviv"), 2);
}

#[test]
fn zoom_and_pan_change_the_view_and_0_goes_home() {
    let mut s = map_state(200, 40, false);
    focus_map(&mut s);
    let (before, _) = map_text(&s);
    press(&mut s, "+");
    assert!((s.map.view.zoom - map::ZOOM_STEP).abs() < 1e-9);
    let (zoomed, title) = map_text(&s);
    assert_ne!(before, zoomed, "zooming redraws the map");
    assert!(title.contains("Map ×1.5 · 3 places"), "{title}");
    let lon = s.map.view.lon;
    press(&mut s, "l");
    assert!(s.map.view.lon > lon, "l pans east on the map");
    press(&mut s, "h h");
    assert!(s.map.view.lon < lon, "h pans west on the map");
    let lat = s.map.view.lat;
    press(&mut s, "k");
    assert!(s.map.view.lat > lat, "k pans north");
    press(&mut s, "- -");
    assert!(s.map.view.zoom < 1.0);
    press(&mut s, "0");
    assert_eq!(s.map.view, map::HOME);
    let (home, _) = map_text(&s);
    assert_eq!(before, home);
}

#[test]
fn h_folds_the_tree_and_pans_the_map() {
    let mut s = map_state(200, 40, false);
    press(&mut s, "Tab");
    while s.focus != Pane::Regions {
        press(&mut s, "Tab");
    }
    let rows = s.regions.rows().len();
    let view = s.map.view;
    press(&mut s, "h");
    assert!(s.regions.rows().len() < rows, "h folds the region tree");
    assert_eq!(s.map.view, view, "and leaves the map be");
    press(&mut s, "l");
    assert_eq!(s.regions.rows().len(), rows, "l unfolds it");
    focus_map(&mut s);
    let rows = s.regions.rows().len();
    press(&mut s, "h");
    assert!(s.map.view.lon < view.lon, "h pans the map");
    assert_eq!(s.regions.rows().len(), rows, "and leaves the tree be");
}

#[test]
fn space_on_the_map_puts_the_place_under_the_cursor_in_the_region_filter() {
    let mut s = map_state(200, 40, false);
    let (x, y) = cell_of(&s, "Kharkiv");
    update(&mut s, Action::Click { column: x, row: y });
    assert_eq!(s.focus, Pane::Map, "a click on the map focuses it");
    let kharkiv = region(&s, "Kharkiv");
    assert_eq!(map::under_cursor(&s), Some(kharkiv));
    let (_, lines) = render(&s);
    let a = s.areas().unwrap().map;
    assert!(
        lines[usize::from(a.bottom() - 1)].contains("+ Kharkiv 4 · Space adds"),
        "{}",
        lines[usize::from(a.bottom() - 1)]
    );
    press(&mut s, "Space");
    assert!(s.query.regions.contains(&kharkiv));
    assert_eq!(s.visible.len(), 4, "the timeline holds Kharkiv's events");
    let (_, lines) = render(&s);
    let screen = lines.join("\n");
    assert!(screen.contains("4/11 events"), "{screen}");
    let rows = s.areas().unwrap().rows;
    let timeline: String = lines[usize::from(rows.y)..usize::from(rows.bottom())]
        .iter()
        .map(|l| -> String { l.chars().take(usize::from(rows.right())).collect() })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!timeline.contains("Odesa"), "{timeline}");
    assert!(
        screen.contains("[x] Kharkiv"),
        "the tree shows the pick: {screen}"
    );
    // Space again takes it out.
    press(&mut s, "Space");
    assert!(s.query.regions.is_empty());
    assert_eq!(s.visible.len(), 11);
}

#[test]
fn far_from_any_place_space_picks_nothing_and_says_so() {
    let mut s = map_state(200, 40, false);
    focus_map(&mut s);
    press(&mut s, "+ + + + + +");
    press(&mut s, "j j j j j j j j");
    press(&mut s, "Space");
    assert!(s.query.regions.is_empty());
    let text = s
        .status
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        text.contains("no place of the corpus near the cursor"),
        "{text}"
    );
}

#[test]
fn a_narrow_screen_hides_the_map_until_m_shows_it() {
    let mut s = map_state(160, 34, false);
    assert!(
        s.areas().unwrap().map.is_empty(),
        "hidden below 200 columns"
    );
    assert!(!s.panes().contains(&Pane::Map), "Tab skips it");
    let (_, lines) = render(&s);
    assert!(!lines.join("\n").contains("Map ·"));
    press(&mut s, "m");
    let a = s.areas().unwrap();
    assert!(!a.map.is_empty(), "m shows it");
    assert!(s.panes().contains(&Pane::Map));
    assert_eq!(
        count_at(&s, "Kharkiv"),
        4,
        "its marks are counted as it shows"
    );
    press(&mut s, "m");
    assert!(s.areas().unwrap().map.is_empty(), "m hides it again");
    // Every size, the map forced on, draws without a panic and fits.
    press(&mut s, "m");
    for (w, h) in [
        (60, 16),
        (61, 17),
        (80, 24),
        (100, 30),
        (199, 40),
        (220, 60),
    ] {
        update(&mut s, Action::Resize(w, h));
        let (_, lines) = render(&s);
        assert_eq!(lines.len(), usize::from(h));
        let a = s.areas().unwrap();
        assert!(
            a.map.right() <= w && !a.map.intersects(a.timeline),
            "{w}x{h}"
        );
    }
}

#[test]
fn marks_of_a_slice_of_most_of_the_store_equal_counting_each_event() {
    // The demo corpus: a slice of more than half the store is counted as
    // the store's totals less the events left out.
    let mut s = crate::tui_support::demo_state(200, 60);
    let n = s.store.events().len();
    let mut most = 0;
    for text in ["", "a", "t", "s", "i", "k", "the", "dr"] {
        s.query.text = text.to_owned();
        s.requery();
        let g = s.store.gazetteer();
        let mut counts = std::collections::HashMap::new();
        let (mut placed, mut unplaced) = (0, 0);
        let mut places = Vec::new();
        for &i in &s.visible {
            let e = &s.store.events()[i as usize];
            s.map.positions.places_of(g, &e.regions, &mut places);
            if places.is_empty() {
                unplaced += 1;
            } else {
                placed += 1;
            }
            for &p in &places {
                *counts.entry(p).or_insert(0u32) += 1;
            }
        }
        let marks: std::collections::HashMap<u32, u32> =
            s.map.marks.iter().map(|m| (m.region, m.count)).collect();
        let expected: std::collections::HashMap<u32, u32> = counts
            .into_iter()
            .filter(|&(p, _)| s.map.positions.at(p).is_some())
            .collect();
        assert_eq!(marks, expected, "filter {text:?}");
        assert_eq!(
            (s.map.placed, s.map.unplaced),
            (placed, unplaced),
            "filter {text:?}"
        );
        most += usize::from(s.visible.len() * 2 > n && s.visible.len() < n);
    }
    assert!(most > 0, "no slice held most but not all of the store");
}
