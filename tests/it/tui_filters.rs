//! The terminal app's filters beyond the basics: a date filter keeps the
//! events it holds at its own precision and counts the coarser ones (`K`
//! shows them), an export of an empty slice writes nothing and says why,
//! and a region typed by name says which place it took (as `frontlog export
//! --region` does) and offers the other.

use crate::export_dates;
use crate::tui_support::{dir_state, press, render, type_text};

use frontlog::extract::DatePrecision;
use frontlog::tui::state::{AppState, Tone};

fn status_line(s: &AppState) -> String {
    render(s).1.last().cloned().unwrap_or_default()
}

fn filter_dates(s: &mut AppState, dates: &str) {
    press(s, "d Ctrl-u");
    type_text(s, dates);
    press(s, "Enter");
    assert!(s.input.is_none(), "{dates} is applied: {:?}", s.status);
}

#[test]
fn a_day_shows_that_days_events_and_k_shows_the_coarser_ones() {
    let dir = export_dates::corpus();
    let mut s = dir_state(dir.path(), 120, 30);
    let total = s.visible.len();
    // K without a date filter changes nothing and says why.
    press(&mut s, "K");
    assert_eq!(s.visible.len(), total);
    assert!(!s.query.include_coarser);
    assert!(s.status.as_ref().unwrap().text.contains("no date filter"));
    filter_dates(&mut s, "2025-02-27");
    let events = s.store.events();
    assert!(!s.visible.is_empty());
    for &i in &s.visible {
        let d = events[i as usize].date;
        assert_eq!(d.precision, DatePrecision::Day, "{d:?}");
    }
    assert_eq!(s.coarser.len(), 3, "the week, the month and the year");
    assert_eq!(s.visible.len() + 3, total);
    let status = status_line(&s);
    assert!(
        status.contains("date 2025-02-27 │ +3 coarser (week/month/year): K shows"),
        "{status}"
    );
    press(&mut s, "K");
    assert_eq!(s.visible.len(), total);
    let status = status_line(&s);
    assert!(
        status.contains("date 2025-02-27; coarser dates included │ incl. 3 coarser"),
        "{status}"
    );
    // Clearing the filters forgets it too.
    press(&mut s, "c");
    assert!(s.query.is_empty() && !s.query.include_coarser);
}

#[test]
fn an_export_of_nothing_writes_nothing_and_says_why() {
    let dir = export_dates::corpus();
    let out = tempfile::tempdir().unwrap();
    let mut s = dir_state(dir.path(), 120, 30);
    s.settings.export_dir = out.path().to_path_buf();
    // Nothing is known to that Saturday; the week and the year overlap it.
    filter_dates(&mut s, "2025-03-01");
    assert!(s.visible.is_empty());
    assert_eq!(press(&mut s, "e"), None, "no export is asked for");
    let status = s.status.clone().expect("a message");
    assert_eq!(status.tone, Tone::Error);
    assert!(
        status
            .text
            .contains("nothing to export: no event matches the filters"),
        "{}",
        status.text
    );
    assert!(status.text.contains("2 known only to a coarser period"));
    assert!(status.text.contains("(K shows them)"), "{}", status.text);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // The effect itself refuses an empty slice too.
    assert!(
        frontlog::tui::effects::export(
            &s,
            frontlog::export::ExportFormat::Markdown,
            chrono::Utc::now()
        )
        .is_err()
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // With the coarser events shown there is something to export.
    press(&mut s, "K");
    assert_eq!(s.visible.len(), 2);
    assert_eq!(press(&mut s, "e"), None, "the format picker opens");
    assert_eq!(
        press(&mut s, "Enter"),
        Some(frontlog::tui::action::Effect::Export(
            frontlog::export::ExportFormat::Markdown
        ))
    );
}

#[test]
fn a_region_typed_by_name_says_which_place_it_took_and_offers_the_other() {
    let mut s = crate::tui_support::demo_state(120, 34);
    let g = s.store.gazetteer();
    let oblast = g.lookup("Kharkiv Oblast").expect("in the gazetteer");
    // While typing, the line says what the name would take.
    press(&mut s, "r");
    type_text(&mut s, "Kharkiv");
    let (_, lines) = render(&s);
    let line = lines
        .iter()
        .find(|l| l.starts_with("Region: Kharkiv"))
        .unwrap();
    assert!(
        line.contains("→ Kharkiv Oblast, 7 events · also Kharkiv city (5)"),
        "{line}"
    );
    press(&mut s, "Enter");
    assert!(s.input.is_none());
    assert_eq!(
        s.query.regions.iter().copied().collect::<Vec<_>>(),
        [oblast]
    );
    assert_eq!(s.visible.len(), s.store.events_in_region(oblast).len());
    let message = s.status.clone().unwrap().text;
    // The same words as `frontlog export --region Kharkiv` prints.
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_frontlog"))
        .args(["export", "--region", "Kharkiv", "--format", "json"])
        .env(
            "XDG_CONFIG_HOME",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-config"),
        )
        .output()
        .unwrap();
    let note = String::from_utf8_lossy(&cli.stderr)
        .lines()
        .find_map(|l| l.strip_prefix("frontlog: --region ").map(str::to_owned))
        .expect("the CLI's note");
    assert!(message.starts_with(&note), "{message:?} vs {note:?}");
    assert!(
        note.contains("taken as Kharkiv Oblast (region in Ukraine), 7 events; also Kharkiv (town in Kharkiv Oblast), 5 events: \"Kharkiv city\""),
        "{note}"
    );
    // The tree shows the oblast under its cursor.
    let row = s.regions.rows()[s.region_cursor.selected];
    assert_eq!(row.id, oblast);
    // Typing the reading offered replaces the one taken.
    press(&mut s, "r");
    type_text(&mut s, "Kharkiv city");
    press(&mut s, "Enter");
    let city = *s.query.regions.iter().next().unwrap();
    assert_eq!(s.query.regions.len(), 1);
    assert_eq!(s.store.gazetteer().region(city).name, "Kharkiv");
    assert_eq!(s.visible.len(), 5);
    assert!(
        s.status
            .clone()
            .unwrap()
            .text
            .contains("replaces Kharkiv Oblast")
    );
    let status = render(&s).1.last().cloned().unwrap();
    assert!(status.contains("regions Kharkiv"), "{status}");
}

#[test]
fn an_unknown_region_is_refused_with_the_closest_names_oblasts_among_them() {
    let mut s = crate::tui_support::demo_state(120, 34);
    press(&mut s, "r");
    type_text(&mut s, "Odesaa");
    let (_, lines) = render(&s);
    assert!(
        lines.iter().any(|l| l.contains("no such place; closest:") && l.contains("Odesa Oblast (3 events)")),
        "{lines:?}"
    );
    press(&mut s, "Enter");
    assert!(s.input.is_some(), "the line stays open to be mended");
    assert!(s.query.regions.is_empty());
    let status = s.status.clone().unwrap();
    assert_eq!(status.tone, Tone::Error);
    assert!(status.text.contains("did you mean"), "{}", status.text);
    assert!(
        status.text.contains("Odesa Oblast (3 events)"),
        "{}",
        status.text
    );
    // Mended, it is taken: "Odessa" is the oblast, which holds the city.
    press(&mut s, "Ctrl-u");
    type_text(&mut s, "Odessa");
    press(&mut s, "Enter");
    assert!(s.input.is_none());
    let taken = *s.query.regions.iter().next().unwrap();
    assert_eq!(s.store.gazetteer().region(taken).name, "Odesa Oblast");
    assert!(s.status.clone().unwrap().text.contains("\"Odesa city\""));
}

#[test]
fn under_a_region_filter_a_row_shows_the_place_that_matched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ntitle: Two towns\ndate: 2025-03-06\n---\n\nShells hit Poltava and Izium on 5 March 2025, officials said.\n",
    )
    .unwrap();
    let mut s = dir_state(dir.path(), 140, 30);
    let row = |s: &AppState| {
        render(s)
            .1
            .into_iter()
            .find(|l| l.contains("Shells hit"))
            .unwrap_or_default()
    };
    // Unfiltered, the row shows one of its two places; filtered on the
    // other's oblast, it shows that other.
    let first = row(&s);
    let (other, oblast) = if first.contains(" Izium ") {
        ("Poltava", "Poltava Oblast")
    } else {
        ("Izium", "Kharkiv Oblast")
    };
    let id = s.store.gazetteer().lookup(oblast).unwrap();
    s.query.regions.insert(id);
    s.requery();
    let shown = row(&s);
    assert!(shown.contains(&format!(" {other} ")), "{first}\n{shown}");
}
