//! The cluster view, checked on a `TestBackend`: one row per happening with
//! its counts, Enter listing a cluster's reports under its row, `v`
//! switching to single reports and back with the selection kept, the
//! detail pane of a cluster and of a report, filters counting reports, and
//! clustering taken in by a state that was shown unclustered.
//!
//! The corpus (`tests/data/cluster_corpus/`, written for these tests):
//! three outlets report one missile strike on a Dnipro bus depot on
//! 2025-03-04; a look-alike strike on the same city comes five days later.

use std::path::PathBuf;

use frontlog::tui::clusters::View;
use frontlog::tui::rows::Row;
use frontlog::tui::state::{AppState, Pane};

use crate::tui_support::{clustered_dir_state, press, screen};

fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cluster_corpus"
    ))
}

/// The app's state on the corpus, the cursor on the depot strike's row.
fn on_the_strike(w: u16, h: u16) -> AppState {
    let mut s = clustered_dir_state(&corpus(), w, h);
    assert!(s.clustered(), "the corpus opens clustered");
    let k = s
        .cluster_rows
        .iter()
        .position(|r| r.in_slice >= 3)
        .expect("the strike's reports make one cluster");
    for _ in 0..k {
        press(&mut s, "j");
    }
    assert_eq!(s.selected_row(), Some(Row::Cluster(k)));
    s
}

/// The timeline's rows on screen (those with a date or a report's `├`).
fn timeline_rows(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.contains(" report") || l.contains("├ ") || l.contains("└ "))
        .filter(|l| !l.contains("Reports "))
        .collect()
}

#[test]
fn one_row_per_happening_with_its_counts() {
    let s = on_the_strike(140, 30);
    let text = screen(&s);
    let total = s.store.events().len();
    assert!(
        text.contains(&format!(
            "Timeline · {} clusters of {total} events (v: single reports)",
            s.cluster_rows.len()
        )),
        "{text}"
    );
    let strike: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("3 reports · 3 outlets") && l.contains("2025-03-04"))
        .collect();
    assert_eq!(strike.len(), 1, "one row for the strike in\n{text}");
    assert!(strike[0].contains("▶ 2025-03-04"), "{}", strike[0]);
    assert!(strike[0].contains("Dnipro"), "{}", strike[0]);
    // The look-alike five days later is a happening of its own.
    let later = text
        .lines()
        .find(|l| l.contains("2025-03-09") && l.contains("report"))
        .expect("the later strike's row");
    assert!(later.contains("1 report · 1 outlet"), "{later}");
    // Fewer rows than reports, ordered by date.
    assert!(s.cluster_rows.len() < s.visible.len());
    assert!(s.cluster_rows.windows(2).all(|w| w[0].lead < w[1].lead));
}

#[test]
fn enter_lists_the_reports_under_the_row_and_closes_them() {
    let mut s = on_the_strike(140, 30);
    let before = timeline_rows(&screen(&s)).len();
    press(&mut s, "Enter");
    assert_eq!(s.focus, Pane::Timeline, "Enter on a cluster opens it");
    let text = screen(&s);
    for outlet in ["Dnieper Herald", "Steppe Ledger", "Morning Wire"] {
        assert!(
            text.lines()
                .any(|l| l.contains(&format!("├ {outlet}")) || l.contains(&format!("└ {outlet}"))),
            "{outlet} in\n{text}"
        );
    }
    // The branch closes on its last report.
    assert_eq!(text.matches("└ ").count(), 1, "{text}");
    let open = s.open.as_ref().expect("the cluster is open");
    assert_eq!(timeline_rows(&text).len(), before + open.members.len());
    // The reports can be walked, each with its own detail.
    press(&mut s, "j");
    assert!(matches!(s.selected_row(), Some(Row::Member(_))));
    assert!(screen(&s).contains("Telling 1 of"), "{}", screen(&s));
    // Enter on a report, or Esc, folds them away onto the cluster's row.
    press(&mut s, "Enter");
    assert!(s.open.is_none());
    assert!(matches!(s.selected_row(), Some(Row::Cluster(_))));
    press(&mut s, "Enter");
    assert!(s.open.is_some());
    press(&mut s, "Esc");
    assert!(s.open.is_none());
    assert_eq!(timeline_rows(&screen(&s)).len(), before);
}

#[test]
fn v_switches_to_single_reports_and_back_keeping_the_selection() {
    let mut s = on_the_strike(140, 30);
    let event = s.selected_event();
    press(&mut s, "v");
    assert_eq!(s.view, View::Reports);
    assert!(!s.clustered());
    assert_eq!(s.selected_event(), event, "the same report stays selected");
    let text = screen(&s);
    assert!(text.contains("· single reports (v: clusters)"), "{text}");
    assert!(text.contains("single reports (v groups them by happening)"));
    assert_eq!(s.timeline_len(), s.visible.len());
    press(&mut s, "v");
    assert!(s.clustered());
    assert_eq!(s.selected_event(), event);
    assert!(matches!(s.selected_row(), Some(Row::Cluster(_))));
}

#[test]
fn the_detail_pane_tells_of_the_cluster_and_of_a_reports_cluster() {
    let mut s = on_the_strike(140, 60);
    let text = screen(&s);
    assert!(
        text.contains("Cluster 3 of") || text.contains("Cluster "),
        "{text}"
    );
    let outlets = text
        .lines()
        .find(|l| l.contains("Outlets "))
        .unwrap_or_else(|| panic!("an outlets line in\n{text}"));
    // Outlets count articles: Dnieper Herald tells it twice in one.
    for o in ["Dnieper Herald", "Steppe Ledger", "Morning Wire"] {
        assert!(outlets.contains(o), "{o} in {outlets}");
    }
    assert!(!outlets.contains("(2)"), "{outlets}");
    let reports = text
        .lines()
        .find(|l| l.contains("Reports  "))
        .unwrap_or_else(|| panic!("a reports line in\n{text}"));
    assert!(
        reports.contains("3 reports · 3 outlets · told 6 times"),
        "{reports}"
    );
    assert!(
        text.contains("Reports in the slice (Space lists them"),
        "{text}"
    );
    // A single report carries its cluster's summary.
    press(&mut s, "v");
    let text = screen(&s);
    assert!(
        text.contains("Happening  one of 3 reports · 3 outlets"),
        "{text}"
    );
}

#[test]
fn filters_count_the_reports_they_keep() {
    let mut s = on_the_strike(140, 30);
    // The sources pane: the second pane in Tab order; pick Steppe Ledger.
    press(&mut s, "Tab Tab");
    let row = s
        .source_rows
        .iter()
        .position(|&i| s.store.sources()[i as usize] == "Steppe Ledger")
        .unwrap();
    for _ in 0..row {
        press(&mut s, "j");
    }
    press(&mut s, "Space");
    let text = screen(&s);
    let strike = text
        .lines()
        .find(|l| l.contains("of 3 reports"))
        .unwrap_or_else(|| panic!("the strike's row in\n{text}"));
    assert!(strike.contains("1 of 3 reports · 1 outlet"), "{strike}");
    assert!(
        !text.contains("2025-03-09"),
        "the look-alike is not in the slice"
    );
}

#[test]
fn a_state_shown_unclustered_takes_its_clusters_keeping_the_selection() {
    let opened = frontlog::ingest::open(&corpus(), None).unwrap();
    let store = opened.store;
    // As the app shows the corpus while it loads: not clustered yet.
    let fresh = frontlog::store::EventStore::build(
        store.documents().to_vec(),
        frontlog::places::Gazetteer::builtin(),
    );
    let mut s = crate::tui_support::state_of(fresh, 140, 30, false);
    assert!(!s.clustered());
    assert_eq!(s.timeline_len(), s.visible.len());
    press(&mut s, "G");
    let event = s.selected_event().unwrap();
    s.cluster_now();
    assert!(s.clustered());
    assert!(!s.clustering);
    let Some(Row::Cluster(k)) = s.selected_row() else {
        panic!("a cluster row is selected");
    };
    let cluster = s.store.clusters().of_event(event).unwrap();
    assert_eq!(
        s.cluster_rows[k].id, cluster.id,
        "the cursor stays on its happening"
    );
    assert!(screen(&s).contains("clusters of"));
}
