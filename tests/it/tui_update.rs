//! The app's behaviour without a terminal: keys go through the real keymap
//! into the pure update, and the tests look at the state.

use crate::tui_support;

use frontlog::tui::action::{Action, Command, Effect, Wheel};
use frontlog::tui::state::{InputKind, Overlay, Pane, Tone};
use frontlog::tui::update::update;
use tui_support::{demo_state, place, press, state_of, synthetic_store, type_text};

fn regions_of(state: &frontlog::tui::state::AppState) -> Vec<Vec<u32>> {
    state
        .visible
        .iter()
        .map(|&i| state.store.events()[i as usize].regions.to_vec())
        .collect()
}

#[test]
fn the_first_screen_shows_everything_from_the_top() {
    let s = demo_state(100, 30);
    assert_eq!(s.visible.len(), s.store.events().len());
    assert!(
        s.visible.len() >= 10,
        "the demo corpus has a dozen or more events"
    );
    assert_eq!(s.timeline.selected, 0);
    assert_eq!(s.focus, Pane::Timeline);
    assert!(s.query.is_empty());
}

#[test]
fn scrolling_keys_move_within_bounds_and_keep_the_selection_on_screen() {
    let mut s = state_of(synthetic_store(1000, 100), 100, 30, false);
    let page = s.page(Pane::Timeline);
    press(&mut s, "j j j Down");
    assert_eq!(s.timeline.selected, 4);
    press(&mut s, "k Up");
    assert_eq!(s.timeline.selected, 2);
    press(&mut s, "PageDown");
    assert_eq!(s.timeline.selected, 2 + page);
    press(&mut s, "Ctrl-d");
    assert_eq!(s.timeline.selected, 2 + page + page / 2);
    press(&mut s, "Ctrl-u PageUp");
    assert_eq!(s.timeline.selected, 2);
    press(&mut s, "G");
    assert_eq!(s.timeline.selected, 999);
    assert_eq!(s.timeline.offset, 1000 - page, "the last page is full");
    press(&mut s, "j");
    assert_eq!(s.timeline.selected, 999, "no move past the end");
    press(&mut s, "g k");
    assert_eq!((s.timeline.selected, s.timeline.offset), (0, 0));
    press(&mut s, "End");
    assert_eq!(s.timeline.selected, 999);
    press(&mut s, "Home");
    assert_eq!(s.timeline.selected, 0);
}

#[test]
fn tab_cycles_the_panes_both_ways() {
    let mut s = demo_state(100, 30);
    press(&mut s, "Tab");
    assert_eq!(s.focus, Pane::Regions);
    press(&mut s, "Tab Tab");
    assert_eq!(s.focus, Pane::Detail);
    press(&mut s, "Tab");
    assert_eq!(s.focus, Pane::Timeline);
    press(&mut s, "Shift-Tab");
    assert_eq!(s.focus, Pane::Detail);
}

#[test]
fn a_region_filter_keeps_everything_inside_it_and_counts_ignore_it() {
    let mut s = state_of(synthetic_store(500, 60), 100, 30, false);
    let counts_before = s.facets.regions.clone();
    // The tree opens with the countries unfolded, siblings by name.
    let rows: Vec<u32> = s.regions.rows().iter().map(|r| r.id).collect();
    assert_eq!(
        rows,
        vec![
            place::RUSSIA,
            place::KURSK_OBLAST,
            place::UKRAINE,
            place::DONETSK,
            place::KHARKIV_OBLAST
        ]
    );
    press(&mut s, "Tab j j j Space");
    assert_eq!(
        s.query.regions.iter().copied().collect::<Vec<_>>(),
        vec![place::DONETSK]
    );
    assert!(!s.visible.is_empty());
    assert!(regions_of(&s).iter().all(|r| r.contains(&place::DONETSK)));
    assert_eq!(s.visible.len() as u32, counts_before[&place::DONETSK]);
    assert_eq!(
        s.facets.regions, counts_before,
        "region counts are made without the region filter"
    );
    // A second region means either.
    press(&mut s, "G Enter");
    assert!(
        regions_of(&s)
            .iter()
            .all(|r| r.contains(&place::DONETSK) || r.contains(&place::KHARKIV_OBLAST))
    );
    assert_eq!(
        s.visible.len() as u32,
        counts_before[&place::DONETSK] + counts_before[&place::KHARKIV_OBLAST]
    );
    // And a source narrows both (AND).
    press(&mut s, "Tab Space");
    let src = s.store.sources()[0].clone();
    assert!(s.visible.iter().all(|&i| {
        let e = &s.store.events()[i as usize];
        s.store.sources()[s.store.source_of(e) as usize] == src
    }));
    // Toggling again removes it.
    press(&mut s, "Space");
    assert!(s.query.sources.is_empty());
}

#[test]
fn the_region_tree_folds_and_unfolds() {
    let mut s = state_of(synthetic_store(100, 30), 100, 30, false);
    press(&mut s, "Tab j j j l");
    let names: Vec<&str> = s
        .regions
        .rows()
        .iter()
        .map(|r| s.store.gazetteer().region(r.id).name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Russia",
            "Kursk Oblast",
            "Ukraine",
            "Donetsk Oblast",
            "Kramatorsk",
            "Pokrovsk",
            "Kharkiv Oblast"
        ]
    );
    press(&mut s, "j h");
    assert_eq!(
        s.region_cursor.selected, 3,
        "fold on a leaf goes to the containing region"
    );
    press(&mut s, "h");
    assert_eq!(s.regions.rows().len(), 5, "folded again");
    press(&mut s, "g h");
    assert_eq!(s.regions.rows().len(), 4, "countries fold too");
}

#[test]
fn s_orders_regions_and_sources_by_count_and_back_keeping_the_cursor() {
    let mut s = state_of(synthetic_store(2_000, 90), 100, 40, false);
    let by_name: Vec<u32> = s.regions.rows().iter().map(|r| r.id).collect();
    let sources_by_name = s.source_rows.clone();
    // Put the sources cursor on the last outlet by name.
    press(&mut s, "Tab Tab G");
    let outlet = s.selected_source().unwrap();
    press(&mut s, "s");
    assert!(s.status.as_ref().unwrap().text.contains("by count"));
    let count = |s: &frontlog::tui::state::AppState, id: u32| {
        s.facets.regions.get(&id).copied().unwrap_or(0)
    };
    // The countries, and the children of each region, in falling count order.
    let busiest_first = |s: &frontlog::tui::state::AppState| {
        let rows = s.regions.rows();
        let roots: Vec<u32> = rows
            .iter()
            .filter(|r| r.depth == 0)
            .map(|r| count(s, r.id))
            .collect();
        assert!(roots.windows(2).all(|w| w[0] >= w[1]), "{roots:?}");
        for (i, r) in rows.iter().enumerate() {
            let children: Vec<u32> = rows[i + 1..]
                .iter()
                .take_while(|x| x.depth > r.depth)
                .filter(|x| x.depth == r.depth + 1)
                .map(|x| count(s, x.id))
                .collect();
            assert!(children.windows(2).all(|w| w[0] >= w[1]), "{children:?}");
        }
    };
    busiest_first(&s);
    let source_counts: Vec<u32> = s
        .source_rows
        .iter()
        .map(|&i| s.facets.sources[i as usize])
        .collect();
    assert!(
        source_counts.windows(2).all(|w| w[0] >= w[1]),
        "{source_counts:?}"
    );
    assert_ne!(
        s.source_rows, sources_by_name,
        "this corpus's order changes"
    );
    assert_eq!(
        s.selected_source(),
        Some(outlet),
        "the cursor follows its outlet"
    );
    // Toggling the outlet under the cursor filters by that outlet.
    press(&mut s, "Space");
    assert_eq!(
        s.query.sources.iter().copied().collect::<Vec<_>>(),
        vec![outlet]
    );
    // A filter changes the counts, and the order follows them.
    press(&mut s, "/");
    type_text(&mut s, "drone");
    press(&mut s, "Enter");
    busiest_first(&s);
    // And back to names.
    press(&mut s, "c s");
    assert_eq!(
        s.regions.rows().iter().map(|r| r.id).collect::<Vec<_>>(),
        by_name
    );
    assert_eq!(s.source_rows, sources_by_name);
}

#[test]
fn the_selection_stays_on_its_event_when_filters_change() {
    let mut s = state_of(synthetic_store(500, 60), 100, 30, false);
    // Select an event in Kramatorsk, well down the list.
    press(&mut s, "j j j j j j j j j j j j j j j j j j j j");
    while !s.store.events()[s.selected_event().unwrap() as usize]
        .regions
        .contains(&place::KRAMATORSK)
    {
        press(&mut s, "j");
    }
    let e = s.selected_event().unwrap();
    let screen_row = s.timeline.selected - s.timeline.offset;
    press(&mut s, "Tab j j j Space Tab Tab Tab");
    assert_eq!(
        s.query.regions.iter().copied().collect::<Vec<_>>(),
        vec![place::DONETSK]
    );
    assert_eq!(s.selected_event(), Some(e), "still visible, still selected");
    let want = screen_row.min(s.timeline.selected);
    assert_eq!(
        s.timeline.selected - s.timeline.offset,
        want,
        "at the same height, room allowing"
    );
    press(&mut s, "c");
    assert!(s.query.is_empty());
    assert_eq!(s.selected_event(), Some(e), "clearing keeps the position");
    // A filter that drops the event selects the next one after it.
    press(&mut s, "/");
    type_text(&mut s, "drone");
    let next = s.selected_event().unwrap();
    assert!(next > e);
    assert_eq!(s.visible.partition_point(|&i| i < e), s.timeline.selected);
}

#[test]
fn the_date_filter_reads_what_people_type_and_keeps_the_old_one_on_errors() {
    let mut s = demo_state(100, 30);
    press(&mut s, "d");
    assert_eq!(s.input.as_ref().map(|i| i.kind), Some(InputKind::Date));
    type_text(&mut s, "feb 12..feb 14");
    press(&mut s, "Enter");
    assert!(s.input.is_none());
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2025, m, day);
    assert_eq!(
        (s.query.from, s.query.to),
        (d(2, 12), d(2, 14)),
        "year from the corpus"
    );
    let kept = s.visible.clone();
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|&i| {
        let e = &s.store.events()[i as usize];
        e.date.first <= d(2, 14).unwrap() && e.date.last >= d(2, 12).unwrap()
    }));
    // A wrong entry: the input stays open, the status says why, the filter stays.
    press(&mut s, "d Ctrl-u");
    type_text(&mut s, "2025-02-30");
    press(&mut s, "Enter");
    let status = s.status.clone().unwrap();
    assert_eq!(status.tone, Tone::Error);
    assert!(
        status.text.contains("not a real calendar date"),
        "{}",
        status.text
    );
    assert!(s.input.is_some());
    assert_eq!((s.query.from, s.query.to), (d(2, 12), d(2, 14)));
    press(&mut s, "Esc");
    assert!(s.input.is_none());
    assert_eq!(s.visible, kept);
    for (input, from, to) in [
        ("2025-02-10..2025-02-14", d(2, 10), d(2, 14)),
        ("2025-02-12", d(2, 12), d(2, 12)),
        ("2025-02", d(2, 1), d(2, 28)),
        ("..2025-02-13", None, d(2, 13)),
        ("2025-02-10..", d(2, 10), None),
        ("", None, None),
    ] {
        press(&mut s, "d Ctrl-u");
        type_text(&mut s, input);
        press(&mut s, "Enter");
        assert_eq!((s.query.from, s.query.to), (from, to), "{input}");
    }
}

#[test]
fn the_text_filter_is_live_and_esc_goes_back_to_the_applied_one() {
    let mut s = demo_state(100, 30);
    press(&mut s, "/");
    type_text(&mut s, "dro");
    assert_eq!(s.query.text, "dro");
    let n = s.visible.len();
    let total = s.store.events().len();
    assert!(n > 0 && n < total);
    type_text(&mut s, "nes");
    assert_eq!(s.query.text, "drones");
    assert!(s.visible.len() <= n);
    press(&mut s, "Backspace");
    assert_eq!(s.query.text, "drone");
    press(&mut s, "Enter");
    assert!(s.input.is_none());
    assert_eq!(s.query.text, "drone", "Enter keeps the filter");
    let kept = s.visible.clone();
    // Reopened, the line holds the filter's text, ready to edit.
    press(&mut s, "/");
    let input = s.input.clone().expect("the line is open");
    assert_eq!((input.buffer.as_str(), input.cursor), ("drone", 5));
    // Edits filter live; Esc goes back to the filter applied before.
    press(&mut s, "Backspace Backspace Backspace");
    type_text(&mut s, "xq");
    assert_eq!(s.query.text, "drxq");
    press(&mut s, "Esc");
    assert!(s.input.is_none());
    assert_eq!(
        s.query.text, "drone",
        "Esc keeps the filter that was applied"
    );
    assert_eq!(s.visible, kept);
    // Opened with no filter, Esc leaves none; emptying and Enter clears it.
    press(&mut s, "/ Ctrl-u Enter");
    assert_eq!(s.query.text, "");
    assert_eq!(s.visible.len(), total);
    press(&mut s, "/");
    type_text(&mut s, "drone");
    press(&mut s, "Esc");
    assert_eq!(s.query.text, "", "nothing was applied before");
    assert_eq!(s.visible.len(), total);
}

#[test]
fn keys_typed_into_an_input_line_are_text() {
    let mut s = demo_state(100, 30);
    press(&mut s, "/");
    assert_eq!(type_text(&mut s, "q?jGe/dc"), None, "no quit, no export");
    assert_eq!(s.query.text, "q?jGe/dc");
    assert!(s.overlay.is_none());
    assert_eq!(s.timeline.selected, 0);
    assert_eq!(
        press(&mut s, "Ctrl-c"),
        Some(Effect::Quit),
        "Ctrl-C always quits"
    );
}

#[test]
fn esc_closes_the_innermost_thing_and_never_quits() {
    let mut s = demo_state(100, 30);
    press(&mut s, "?");
    assert!(matches!(s.overlay, Some(Overlay::Help { .. })));
    assert_eq!(press(&mut s, "Esc"), None);
    assert!(s.overlay.is_none());
    press(&mut s, "F1");
    assert!(s.overlay.is_some());
    assert_eq!(press(&mut s, "q"), None, "q closes the overlay first too");
    press(&mut s, "p");
    assert!(matches!(s.overlay, Some(Overlay::Problems { .. })));
    assert_eq!(press(&mut s, "Esc"), None);
    press(&mut s, "d");
    assert_eq!(press(&mut s, "Esc"), None);
    assert!(s.input.is_none());
    // The detail pane's focus is open too: Esc goes back to the timeline.
    press(&mut s, "Enter");
    assert_eq!(s.focus, Pane::Detail);
    assert_eq!(press(&mut s, "Esc"), None);
    assert_eq!(s.focus, Pane::Timeline);
    // At the top level Esc does nothing, however often it is pressed.
    let before = (s.focus, s.timeline.selected, s.query.clone());
    for _ in 0..3 {
        assert_eq!(press(&mut s, "Esc"), None, "Esc never quits");
    }
    assert_eq!((s.focus, s.timeline.selected, s.query.clone()), before);
    assert_eq!(press(&mut s, "q"), Some(Effect::Quit));
}

#[test]
fn a_window_too_small_reads_no_key_but_quit() {
    let mut s = demo_state(100, 30);
    update(&mut s, Action::Resize(30, 8));
    // Keys that would open a hidden input line or write an export do nothing.
    for k in ["d", "/", "e", "?", "j", "Tab", "c", "s"] {
        assert_eq!(press(&mut s, k), None, "{k}");
    }
    assert!(s.input.is_none() && s.overlay.is_none());
    assert_eq!((s.focus, s.timeline.selected), (Pane::Timeline, 0));
    assert_eq!(press(&mut s, "q"), Some(Effect::Quit));
    assert_eq!(press(&mut s, "Esc"), None, "Esc never quits");
    // Even with an input line open before the window shrank, q quits as
    // the screen says, rather than being typed into the hidden line.
    update(&mut s, Action::Resize(100, 30));
    press(&mut s, "/");
    update(&mut s, Action::Resize(30, 8));
    assert_eq!(press(&mut s, "q"), Some(Effect::Quit));
    update(&mut s, Action::Resize(100, 30));
    assert_eq!(s.input.as_ref().unwrap().buffer, "", "nothing was typed");
}

#[test]
fn commands_wait_while_an_overlay_is_open() {
    let mut s = demo_state(100, 30);
    press(&mut s, "?");
    assert_eq!(press(&mut s, "e"), None, "no export under the help");
    press(&mut s, "c d /");
    assert!(s.input.is_none());
    press(&mut s, "j");
    assert_eq!(
        s.timeline.selected, 0,
        "j scrolls the help, not the timeline"
    );
}

#[test]
fn key_releases_do_not_count() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
    let mut s = demo_state(100, 30);
    let ev = Event::Key(KeyEvent {
        code: KeyCode::Char('j'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    assert_eq!(
        frontlog::tui::keymap::translate(&s.keymap, s.mode(), &ev),
        None
    );
    press(&mut s, "j");
    assert_eq!(s.timeline.selected, 1);
}

#[test]
fn export_is_an_effect_and_its_outcome_shows_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = demo_state(100, 30);
    s.settings.export_dir = dir.path().to_path_buf();
    press(&mut s, "/");
    type_text(&mut s, "drone");
    press(&mut s, "Enter");
    assert_eq!(press(&mut s, "e"), None, "the format picker opens");
    assert_eq!(
        press(&mut s, "Enter"),
        Some(Effect::Export(frontlog::export::ExportFormat::Markdown))
    );
    let now = chrono::Utc::now();
    let export = |s: &frontlog::tui::state::AppState| {
        frontlog::tui::effects::export(s, frontlog::export::ExportFormat::Markdown, now)
            .map(|w| w.path)
    };
    let first = export(&s).unwrap();
    let second = export(&s).unwrap();
    assert_ne!(first, second, "never overwrites");
    let written = std::fs::read(&first).unwrap();
    let expected = frontlog::export::render(
        &s.store,
        &s.query,
        &s.slice(),
        frontlog::export::ExportFormat::Markdown,
        now,
    )
    .unwrap();
    assert_eq!(written, expected.bytes);
    assert!(
        first
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("frontlog-drone-")
    );
    let written = frontlog::tui::effects::Written {
        path: first.clone(),
        notes: Vec::new(),
    };
    update(
        &mut s,
        Action::Exported(frontlog::export::ExportFormat::Markdown, Ok(written)),
    );
    let status = s.status.clone().unwrap();
    assert_eq!(status.tone, Tone::Ok);
    assert!(status.text.contains(&first.display().to_string()));
    // Filters that give no words still say the slice is filtered.
    let stem_for = |s: &mut frontlog::tui::state::AppState, text: &str| {
        s.query.text = text.to_owned();
        frontlog::tui::effects::export_stem(s, now)
    };
    assert!(stem_for(&mut s, "../").starts_with("frontlog-filtered-"));
    assert!(stem_for(&mut s, "").starts_with("frontlog-all-"));
    // A type filter names the file too.
    s.query
        .kinds
        .insert(frontlog::kinds::from_code("battles").unwrap());
    assert!(stem_for(&mut s, "").starts_with("frontlog-battles-"));
    s.query.kinds.clear();
    s.query.text = "drone".to_owned();
    // A configured folder that is missing is made on first use.
    s.settings.export_dir = dir.path().join("briefings/feb");
    let made = export(&s).unwrap();
    assert!(made.starts_with(dir.path().join("briefings/feb")));
    // One that cannot be made is an error in the status line.
    std::fs::write(dir.path().join("a-file"), "x").unwrap();
    s.settings.export_dir = dir.path().join("a-file/sub");
    let err = export(&s).unwrap_err();
    update(
        &mut s,
        Action::Exported(frontlog::export::ExportFormat::Markdown, Err(err)),
    );
    assert_eq!(s.status.as_ref().unwrap().tone, Tone::Error);
    assert!(s.status.as_ref().unwrap().text.contains("a-file"));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut s = state_of(synthetic_store(200, 30), 100, 30, false);
    let a = s.areas().unwrap();
    update(
        &mut s,
        Action::Scroll {
            column: a.rows.x + 5,
            row: a.rows.y + 2,
            wheel: Wheel::Down,
        },
    );
    assert_eq!(s.timeline.selected, 3);
    update(
        &mut s,
        Action::Scroll {
            column: a.sources.x + 3,
            row: a.sources.y + 2,
            wheel: Wheel::Down,
        },
    );
    assert_eq!(s.source_cursor.selected, 3);
    assert_eq!(s.timeline.selected, 3, "the timeline did not move");
    assert_eq!(s.focus, Pane::Timeline, "the wheel does not take the focus");
    update(
        &mut s,
        Action::Click {
            column: a.rows.x + 5,
            row: a.rows.y + 6,
        },
    );
    assert_eq!(s.timeline.selected, 6);
}

#[test]
fn any_size_and_any_key_never_panics() {
    let mut s = state_of(synthetic_store(300, 40), 100, 30, false);
    let keys = [
        "j", "G", "Tab", "Space", "l", "PageDown", "?", "Esc", "p", "Esc", "d", "x", "Enter",
        "Esc", "c",
    ];
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (59, 15),
        (60, 16),
        (80, 24),
        (200, 60),
        (61, 17),
        (300, 3),
    ] {
        update(&mut s, Action::Resize(w, h));
        for k in keys {
            press(&mut s, k);
            let _ = tui_support::render(&s);
        }
        update(&mut s, Action::Command(Command::Bottom));
        let _ = tui_support::render(&s);
    }
}

#[test]
fn problems_are_counted_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Kyiv, Feb. 12, 2025\n\nDrones hit the city on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.pdf"), [0u8, 159, 146, 150, 0, 0, 1]).unwrap();
    std::fs::write(
        dir.path().join("binary.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 0, 0],
    )
    .unwrap();
    let opened = frontlog::ingest::open(dir.path(), None).unwrap();
    let n = opened.problems.len();
    let mut s = frontlog::tui::state::AppState::new(
        opened.store,
        opened.problems,
        frontlog::config::Settings::default_settings(false),
        dir.path().to_path_buf(),
        (100, 30),
    );
    if n == 0 {
        eprintln!("this corpus reader skips nothing here; the popup is still tested");
    }
    press(&mut s, "p");
    let screen = tui_support::screen(&s);
    if n > 0 {
        let count = if n == 1 {
            "1 problem (p)".to_owned()
        } else {
            format!("{n} problems (p)")
        };
        assert!(screen.contains(&count), "{screen}");
        assert!(
            screen.contains("skipped or read with a warning"),
            "{screen}"
        );
    } else {
        assert!(
            screen.contains("Every file of the corpus was read"),
            "{screen}"
        );
    }
}

#[test]
fn a_date_filter_on_a_long_synthetic_store() {
    let mut s = state_of(synthetic_store(10_000, 3 * 365), 100, 30, false);
    assert_eq!(s.year, 2027);
    press(&mut s, "d");
    type_text(&mut s, "feb 10..feb 20");
    press(&mut s, "Enter");
    assert!(s.status.is_none(), "{:?}", s.status);
    assert!(!s.visible.is_empty(), "{:?} {:?}", s.query.from, s.query.to);
}

#[test]
fn the_counts_are_each_facet_without_its_own_filter() {
    let mut s = state_of(synthetic_store(2_000, 90), 100, 30, false);
    // Counted the slow, obvious way: run the query without the facet's own
    // filter and count every event of that slice.
    let check = |s: &frontlog::tui::state::AppState| {
        let no_regions = frontlog::query::Query {
            regions: Default::default(),
            ..s.query.clone()
        };
        let mut regions = std::collections::HashMap::new();
        for i in no_regions.run(&s.store) {
            for &r in s.store.events()[i as usize].regions.iter() {
                *regions.entry(r).or_insert(0u32) += 1;
            }
        }
        let no_sources = frontlog::query::Query {
            sources: Default::default(),
            ..s.query.clone()
        };
        let mut sources = vec![0u32; s.store.sources().len()];
        for i in no_sources.run(&s.store) {
            sources[s.store.source_of(&s.store.events()[i as usize]) as usize] += 1;
        }
        assert_eq!(s.facets.regions, regions, "{:?}", s.query);
        assert_eq!(s.facets.sources, sources, "{:?}", s.query);
    };
    check(&s);
    press(&mut s, "/");
    type_text(&mut s, "drone");
    check(&s);
    press(&mut s, "Enter Tab j j j Space");
    check(&s);
    press(&mut s, "Tab Space");
    check(&s);
    press(&mut s, "d");
    type_text(&mut s, "2025-02");
    press(&mut s, "Enter");
    check(&s);
}

#[test]
fn the_timeline_fills_while_the_corpus_loads_and_keeps_filters_and_selection() {
    use frontlog::store::EventStore;
    let full = frontlog::ingest::open_with(
        &frontlog::ingest::demo_corpus(),
        None,
        &frontlog::ingest::Options::default(),
        &frontlog::ingest::Progress::default(),
    )
    .unwrap()
    .store;
    let docs = full.documents().to_vec();
    let part = |range: std::ops::Range<usize>| {
        let events: Vec<_> = full
            .events()
            .iter()
            .filter(|e| range.contains(&(e.doc as usize)))
            .map(|e| {
                let mut e = e.clone();
                e.doc -= range.start as u32;
                e
            })
            .collect();
        let docs = docs[range].to_vec();
        let folded = events
            .iter()
            .map(|e| frontlog::store::folded_text(e, &docs[e.doc as usize]))
            .collect();
        frontlog::ingest::Batch {
            docs,
            events,
            folded,
        }
    };
    // The stores the background loader hands over: the corpus read so far.
    let upto = |end: usize| {
        let mut store = EventStore::new(full.gazetteer());
        part(0..end).into_store(&mut store);
        store
    };
    let mut s = state_of(EventStore::new(full.gazetteer()), 120, 40, false);
    s.loading = Some(Default::default());
    let third = docs.len() / 3;
    s.absorb_store(upto(third), None);
    assert!(s.loading.is_some());
    let text_of = |s: &frontlog::tui::state::AppState, i: u32| {
        let e = &s.store.events()[i as usize];
        e.text(s.store.doc_of(e))
    };
    // Choose the last source and move down the timeline, then let more arrive.
    press(&mut s, "Tab Tab G Space Tab Tab");
    let chosen: Vec<String> = s
        .query
        .sources
        .iter()
        .map(|&i| s.store.sources()[i as usize].clone())
        .collect();
    assert_eq!(chosen.len(), 1);
    press(&mut s, "j");
    let selected = s.selected_event().map(|i| text_of(&s, i));
    s.absorb_store(upto(2 * third), None);
    s.absorb_store(upto(docs.len()), Some(Vec::new()));
    assert!(s.loading.is_none());
    let still: Vec<String> = s
        .query
        .sources
        .iter()
        .map(|&i| s.store.sources()[i as usize].clone())
        .collect();
    assert_eq!(still, chosen, "the source filter follows its outlet");
    let under_cursor = s
        .selected_source()
        .map(|i| s.store.sources()[i as usize].clone());
    assert_eq!(
        under_cursor.as_ref(),
        chosen.first(),
        "the sources cursor follows its outlet"
    );
    assert_eq!(
        s.selected_event().map(|i| text_of(&s, i)),
        selected,
        "the selection stays on its event"
    );
    assert_eq!(s.store.events().len(), full.events().len());
    let mut whole = state_of(full, 120, 40, false);
    whole.query = s.query.clone();
    whole.requery();
    let a: Vec<String> = s.visible.iter().map(|&i| text_of(&s, i)).collect();
    let b: Vec<String> = whole.visible.iter().map(|&i| text_of(&whole, i)).collect();
    assert_eq!(a, b, "the same slice as a corpus read at once");
}

#[test]
fn a_typed_query_gives_way_to_a_key_waiting_but_an_action_sees_the_full_slice() {
    use frontlog::interrupt::Keys;
    use frontlog::tui::state::MAX_ABANDONED;
    let mut s = demo_state(100, 30);
    let keys = std::sync::Arc::new(Keys::default());
    s.keys = Some(keys.clone());
    let total = s.store.events().len();
    press(&mut s, "/");
    // Keys typed in one burst hold their query back (as the event loop does).
    s.hold_requery = true;
    type_text(&mut s, "drone");
    assert_eq!((s.query.text.as_str(), s.visible.len()), ("drone", total));
    // Another key is waiting: the burst's query gives way and stays due.
    keys.sent();
    s.release_typed_requery();
    assert_eq!(s.visible.len(), total, "the slice shown stays");
    // Once the key is taken, the query runs in full.
    keys.taken();
    s.release_typed_requery();
    let drone = s.visible.len();
    assert!(drone > 0 && drone < total);
    // A key held down keeps one waiting: after MAX_ABANDONED tries the
    // query answers whatever waits.
    keys.sent();
    s.hold_requery = true;
    type_text(&mut s, "s");
    for _ in 0..MAX_ABANDONED {
        s.release_typed_requery();
        assert_eq!(s.visible.len(), drone, "given way");
    }
    s.release_typed_requery();
    let drones = s.visible.len();
    assert!(drones <= drone && s.query.text == "drones");
    // Any other requery (an action's) runs in full though a key waits.
    s.hold_requery = true;
    press(&mut s, "Backspace");
    s.release_requery();
    assert_eq!(s.visible.len(), drone);
}
