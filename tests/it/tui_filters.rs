//! The terminal app's filters beyond the basics: a date filter keeps the
//! events it holds at its own precision and counts the coarser ones (`K`
//! shows them), and an export of an empty slice writes nothing and says why.

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
    assert!(frontlog::tui::effects::export(&s, chrono::Utc::now()).is_err());
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // With the coarser events shown there is something to export.
    press(&mut s, "K");
    assert_eq!(s.visible.len(), 2);
    assert_eq!(
        press(&mut s, "e"),
        Some(frontlog::tui::action::Effect::Export)
    );
}
