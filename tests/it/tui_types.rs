//! The type filter of the terminal app, checked on a `TestBackend`: `t`
//! lists the event types with their counts (each without the type filter,
//! the other filters kept), Space narrows the timeline to the chosen types
//! and the status line names them, `c` clears them with every other filter;
//! and, in the cluster view, a cluster's row and detail show the cluster's
//! own type and casualty figures.
//!
//! The corpus (`tests/data/type_corpus/`, written for these tests): two
//! outlets report one shelling of the Kherson market (2 killed; 9 and 11
//! injured), beside one article each of a battle, talks, sanctions and aid.

use std::path::PathBuf;
use std::sync::Arc;

use frontlog::extract::EventType;
use frontlog::kinds;
use frontlog::tui::state::{AppState, Overlay};

use crate::tui_support::{clustered_dir_state, dir_state, press, render, screen, type_text};

fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/type_corpus"
    ))
}

/// The list's row for a type, between the window's borders, trimmed.
fn list_row(text: &str, label: &str) -> String {
    let needle = format!("] {label} ");
    let line = text
        .lines()
        .find(|l| l.contains(&needle))
        .unwrap_or_else(|| panic!("no row for {label} in\n{text}"));
    let start = line.find('║').expect("left border") + '║'.len_utf8();
    let end = line.rfind('║').expect("right border");
    line[start..end].trim().to_owned()
}

/// The count a row shows, at its right end.
fn count(text: &str, label: &str) -> u32 {
    let row = list_row(text, label);
    row.rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("{row}"))
}

fn status_line(s: &AppState) -> String {
    render(s).1.last().cloned().unwrap_or_default()
}

/// Moves the list's cursor to a type.
fn go_to(s: &mut AppState, kind: EventType) {
    press(s, "g");
    let k = kinds::id(kind).unwrap();
    for _ in 0..k {
        press(s, "j");
    }
}

#[test]
fn t_lists_the_types_with_their_counts() {
    let mut s = dir_state(&corpus(), 120, 30);
    press(&mut s, "t");
    assert!(matches!(s.overlay, Some(Overlay::Types(_))));
    let text = screen(&s);
    assert!(text.contains("Event types"), "{text}");
    // Every type has a row, counted over the whole corpus.
    for label in kinds::labels() {
        list_row(&text, label);
    }
    assert_eq!(count(&text, "Explosions/Remote violence"), 4, "{text}");
    assert_eq!(count(&text, "Battles"), 2);
    assert_eq!(count(&text, "Talks and meetings"), 2);
    assert_eq!(count(&text, "Sanctions"), 2);
    assert_eq!(count(&text, "Aid"), 3);
    assert_eq!(count(&text, "Protests"), 0);
    let sum: u32 = kinds::labels().iter().map(|l| count(&text, l)).sum();
    assert_eq!(sum as usize, s.store.events().len());
    // The selection shows without colour too: a marker before the row.
    assert!(
        list_row(&text, "Battles").starts_with("▶ [ ] Battles"),
        "{text}"
    );
}

#[test]
fn toggling_a_type_narrows_the_timeline_and_c_restores_it() {
    let mut s = dir_state(&corpus(), 120, 30);
    let total = s.visible.len();
    press(&mut s, "t");
    go_to(&mut s, EventType::Aid);
    press(&mut s, "Space");
    assert_eq!(s.visible.len(), 3);
    for &i in &s.visible {
        assert_eq!(s.store.events()[i as usize].kind, EventType::Aid);
    }
    let text = screen(&s);
    assert!(text.contains("Event types · 1 chosen"), "{text}");
    assert!(list_row(&text, "Aid").starts_with("▶ [x] Aid"), "{text}");
    // The other types keep their counts: what choosing them would add.
    assert_eq!(count(&text, "Sanctions"), 2);
    assert!(
        text.contains("Norway pledged"),
        "the timeline follows: {text}"
    );
    assert!(!text.contains("Chasiv Yar"), "{text}");
    assert!(
        status_line(&s).contains("3/15 events │ types Aid"),
        "{}",
        status_line(&s)
    );
    // A second type: any of them.
    go_to(&mut s, EventType::Sanctions);
    press(&mut s, "Space");
    assert_eq!(s.visible.len(), 5);
    assert!(
        status_line(&s).contains("types Sanctions or Aid"),
        "{}",
        status_line(&s)
    );
    // Esc closes the list and keeps the filter.
    press(&mut s, "Esc");
    assert!(s.overlay.is_none());
    assert_eq!(s.visible.len(), 5);
    assert!(!screen(&s).contains("Event types"));
    // c clears the types with every other filter.
    press(&mut s, "c");
    assert!(s.query.kinds.is_empty() && s.query.is_empty());
    assert_eq!(s.visible.len(), total);
    // And from inside the list as well, which stays open.
    press(&mut s, "t");
    go_to(&mut s, EventType::Battles);
    press(&mut s, "Enter");
    assert_eq!(s.visible.len(), 2);
    press(&mut s, "c");
    assert_eq!(s.visible.len(), total);
    assert!(matches!(s.overlay, Some(Overlay::Types(_))));
    press(&mut s, "t");
    assert!(s.overlay.is_none(), "t again closes the list");
}

#[test]
fn the_counts_follow_the_other_filters() {
    let mut s = dir_state(&corpus(), 120, 30);
    press(&mut s, "/");
    type_text(&mut s, "Kherson");
    press(&mut s, "Enter");
    press(&mut s, "t");
    let text = screen(&s);
    assert_eq!(count(&text, "Explosions/Remote violence"), 4, "{text}");
    assert_eq!(count(&text, "Aid"), 0);
    // Choosing a type with no event in the slice empties it, and says so.
    go_to(&mut s, EventType::Aid);
    press(&mut s, "Space");
    assert!(s.visible.is_empty());
    let status = status_line(&s);
    assert!(status.contains("types Aid"), "{status}");
    assert!(status.contains("\"Kherson\""), "{status}");
}

#[test]
fn on_a_small_screen_the_list_scrolls_and_the_status_line_abbreviates() {
    let mut s = dir_state(&corpus(), 60, 16);
    press(&mut s, "t");
    press(&mut s, "G");
    let text = screen(&s);
    assert!(
        list_row(&text, "Other").starts_with("▶ [ ] Other"),
        "{text}"
    );
    press(&mut s, "Space");
    press(&mut s, "k Space");
    assert_eq!(s.query.kinds.len(), 2);
    let status = status_line(&s);
    assert!(status.contains("Aid"), "{status}");
    for line in render(&s).1 {
        assert!(unicode_width(&line) <= 60, "{line}");
    }
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn a_cluster_row_and_detail_show_the_clusters_own_type_and_figures() {
    let mut s = clustered_dir_state(&corpus(), 180, 50);
    assert!(s.clustered());
    let k = s
        .cluster_rows
        .iter()
        .position(|r| r.in_slice >= 2 && r.reports == 2)
        .expect("the two market reports make one cluster");
    for _ in 0..k {
        press(&mut s, "j");
    }
    let text = screen(&s);
    assert!(
        text.contains("Casualties 2 killed · 9–11 injured"),
        "the cluster's own figures: {text}"
    );
    assert!(
        text.contains("Type       Explosions/Remote violence"),
        "{text}"
    );
    // A single report's detail gives its own type and figures.
    press(&mut s, "v");
    let text = screen(&s);
    assert!(
        text.contains("Type       Explosions/Remote violence · 2 killed · "),
        "{text}"
    );
    press(&mut s, "v");
    assert_eq!(s.selected_row(), Some(frontlog::tui::rows::Row::Cluster(k)));
    // The row's type is the cluster's, not its lead report's: give the
    // cluster another type than its reports have and look again.
    let store = Arc::get_mut(&mut s.store).expect("no other holder");
    let mut clusters = serde_json::to_value(store.clusters()).unwrap();
    let c = s.cluster_rows[k].cluster as usize;
    clusters["clusters"][c]["kind"] = serde_json::json!("talks");
    clusters["clusters"][c]["injured"] = serde_json::json!([4, 4]);
    store
        .set_clusters(serde_json::from_value(clusters).unwrap())
        .unwrap();
    let lead = s.cluster_rows[k].lead;
    assert_eq!(
        s.store.events()[lead as usize].kind,
        EventType::ExplosionsRemoteViolence
    );
    s.requery();
    let text = screen(&s);
    let row = text
        .lines()
        .find(|l| l.contains('▶') && l.contains("2 reports"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("Talks and me"), "{row}");
    assert!(text.contains("Casualties 2 killed · 4 injured"), "{text}");
}
