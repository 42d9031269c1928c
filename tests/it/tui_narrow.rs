//! The terminal app on narrow screens (issue 17, item 5), on the buffer of a
//! `TestBackend`: the sentence keeps at least half the timeline's row at 80
//! columns and is still there at 60×16, the columns hold still while the
//! timeline scrolls, the side panes fold away and come back with a key, and
//! the status line abbreviates the filters instead of cutting them.

use crate::tui_support::{demo_state, press, render, type_text};

use frontlog::tui::state::{AppState, Pane};

/// For each timeline row on screen: the column where its sentence starts
/// and the cells the sentence has up to the pane's border.
fn sentence_cells(s: &AppState) -> Vec<(usize, usize)> {
    let (_, lines) = render(s);
    let a = s.areas().unwrap();
    let events = s.store.events();
    let first = s.timeline.offset;
    let shown = usize::from(a.rows.height).min(s.visible.len() - first);
    (0..shown)
        .map(|k| {
            let e = &events[s.visible[first + k] as usize];
            let sentence = e.text(s.store.doc_of(e));
            let line: Vec<char> = lines[usize::from(a.rows.y) + k].chars().collect();
            let row: String = line[usize::from(a.rows.x)..usize::from(a.rows.right())]
                .iter()
                .collect();
            let head: String = sentence.chars().take(12).collect();
            let at = row
                .find(&head)
                .unwrap_or_else(|| panic!("{head:?} starts the sentence in {row:?}"));
            let col = row[..at].chars().count();
            (col, usize::from(a.rows.width) - col)
        })
        .collect()
}

#[test]
fn at_80_columns_the_sentence_has_half_the_row() {
    let s = demo_state(80, 24);
    let a = s.areas().unwrap();
    assert!(
        !a.side_shown(),
        "the side panes fold away below 100 columns"
    );
    assert_eq!(a.timeline.width, 80);
    let half = usize::from(a.rows.width) / 2;
    for (col, cells) in sentence_cells(&s) {
        assert!(cells >= half, "the sentence has {cells} cells from {col}");
    }
    // A place column is still there.
    let (_, lines) = render(&s);
    let e = &s.store.events()[s.visible[0] as usize];
    let place = &s.store.gazetteer().region(e.regions[0]).name;
    let head: String = place.chars().take(6).collect();
    assert!(
        lines[usize::from(a.rows.y)].contains(&head),
        "{}",
        lines[usize::from(a.rows.y)]
    );
}

#[test]
fn at_60_by_16_the_sentence_is_still_there() {
    let s = demo_state(60, 16);
    let a = s.areas().unwrap();
    let half = usize::from(a.rows.width) / 2;
    let cells = sentence_cells(&s);
    assert!(!cells.is_empty());
    for (col, cells) in cells {
        assert!(cells >= half, "{cells} cells from {col}");
    }
}

#[test]
fn the_columns_hold_still_while_the_timeline_scrolls() {
    for (w, h) in [(80, 24), (120, 34), (60, 16)] {
        let mut s = demo_state(w, h);
        let start = sentence_cells(&s)[0].0;
        let pages = s.visible.len() / s.page(Pane::Timeline) + 1;
        for _ in 0..pages {
            for (col, _) in sentence_cells(&s) {
                assert_eq!(col, start, "{w}×{h}, row {}", s.timeline.selected);
            }
            press(&mut s, "PageDown");
        }
        press(&mut s, "G");
        assert!(sentence_cells(&s).iter().all(|&(col, _)| col == start));
    }
}

#[test]
fn the_side_panes_fold_away_and_come_back_with_f() {
    let mut s = demo_state(80, 24);
    // Tab skips the folded panes.
    press(&mut s, "Tab");
    assert_eq!(s.focus, Pane::Detail);
    press(&mut s, "Tab");
    assert_eq!(s.focus, Pane::Timeline);
    let (_, lines) = render(&s);
    assert!(!lines.join("\n").contains("Regions"));
    press(&mut s, "f");
    assert!(s.areas().unwrap().side_shown());
    let text = render(&s).1.join("\n");
    assert!(
        text.contains("Regions") && text.contains("Sources"),
        "{text}"
    );
    press(&mut s, "Tab");
    assert_eq!(s.focus, Pane::Regions);
    // Hidden again while focused: the focus goes back to the timeline.
    press(&mut s, "f");
    assert!(!s.areas().unwrap().side_shown());
    assert_eq!(s.focus, Pane::Timeline);
    // Wide screens show them unless asked not to.
    let mut wide = demo_state(120, 34);
    assert!(wide.areas().unwrap().side_shown());
    press(&mut wide, "f");
    assert!(!wide.areas().unwrap().side_shown());
}

#[test]
fn the_status_line_abbreviates_the_filters_rather_than_cutting_them() {
    let mut s = demo_state(60, 16);
    press(&mut s, "d");
    type_text(&mut s, "2025-02-10..2025-02-20");
    press(&mut s, "Enter /");
    type_text(&mut s, "strike");
    press(&mut s, "Enter f Tab");
    // The first region and the first outlet with events in the slice.
    let row = (0..s.regions.rows().len())
        .find(|&r| {
            let id = s.regions.rows()[r].id;
            s.facets.regions.get(&id).is_some_and(|&n| n > 0)
        })
        .expect("a region has events");
    press(&mut s, &"j ".repeat(row));
    press(&mut s, "Space Tab");
    let row = (0..s.source_rows.len())
        .find(|&r| s.facets.sources[s.source_rows[r] as usize] > 0)
        .expect("an outlet has events");
    press(&mut s, &"j ".repeat(row));
    press(&mut s, "Space f");
    let q = &s.query;
    assert!(!q.regions.is_empty() && !q.sources.is_empty() && !q.text.is_empty());
    let (_, lines) = render(&s);
    let status = lines.last().unwrap();
    let region = &s.store.gazetteer().region(*q.regions.first().unwrap()).name;
    let source = &s.store.sources()[*q.sources.first().unwrap() as usize];
    let start = |name: &str| name.chars().take(5).collect::<String>();
    for shown in [
        format!(" {}/{}", s.visible.len(), s.store.events().len()),
        "02-10..02-20".to_owned(),
        start(region),
        start(source),
        "\"strike\"".to_owned(),
    ] {
        assert!(status.contains(&shown), "{shown:?} in {status:?}");
    }
    // A message takes its own row; the filters stay.
    press(&mut s, "d");
    type_text(&mut s, "yesterday");
    press(&mut s, "Enter");
    let (_, lines) = render(&s);
    assert!(lines.last().unwrap().contains("\"strike\""), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("not applied")), "{lines:?}");
}

#[test]
fn widths_of_most_of_the_store_equal_measuring_every_event() {
    // A slice of more than half the store stops measuring at the whole
    // store's widths; it must find what measuring every event finds.
    let mut s = demo_state(160, 40);
    let mut most = 0;
    for text in ["", "a", "t", "s", "i", "the", "k"] {
        s.query.text = text.to_owned();
        s.requery();
        let measured =
            frontlog::tui::columns::Natural::of(&s.store, &s.visible, &s.settings.date_format);
        assert_eq!(s.widths, measured, "filter {text:?}");
        most += usize::from(s.visible.len() * 2 > s.store.events().len());
    }
    assert!(most > 1);
}
