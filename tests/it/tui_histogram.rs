//! The histogram over the bulk of the slice (issue 17, item 4b), on the
//! buffer of a `TestBackend`: one old date in a caption and one far plan are
//! counted at the axis's ends instead of stretching it, and the marker sits
//! on the selected event's own day.

use crate::tui_support::{dir_state, press, render};

use chrono::NaiveDate;
use frontlog::tui::state::AppState;

/// An article published 2025-02-20 with events from 3 to 20 February, one
/// on 16 July 2018 and one on 30 March 2025.
const ARTICLE: &str = "Strikes on Kharkiv\n\nBy Jane Roe, Reuters\nFebruary 20, 2025\n\n\
Russian drones struck Kharkiv on Feb. 3, the mayor said.\n\n\
Shelling hit Kupiansk on Feb. 10 and again on Feb. 12.\n\n\
A missile hit Sumy on Feb. 17.\n\n\
Troops advanced near Pokrovsk on Tuesday.\n\n\
The bridge was opened by the mayor on July 16, 2018, officials recalled.\n\n\
Talks are due in Riyadh on March 30.\n";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

fn axis(s: &AppState) -> String {
    let (_, lines) = render(s);
    lines[usize::from(s.areas().unwrap().histogram.y) + 2].clone()
}

/// Moves the timeline's cursor to the first event of day `d`.
fn select(s: &mut AppState, d: NaiveDate) {
    press(s, "g");
    let row = s
        .visible
        .iter()
        .position(|&i| s.store.events()[i as usize].date.first == d)
        .expect("an event on that day");
    press(s, &"j ".repeat(row));
}

#[test]
fn far_dates_are_counted_at_the_ends_and_do_not_stretch_the_axis() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kharkiv.txt"), ARTICLE).unwrap();
    let mut s = dir_state(dir.path(), 120, 34);
    let h = &s.histogram;
    assert_eq!(h.first, Some(day(2, 3)), "{h:?}");
    assert_eq!(h.last(), Some(day(2, 20)));
    assert_eq!((h.earlier, h.later), (1, 1));
    // 18 days over the width: one bar a day, each more than a column wide.
    select(&mut s, day(2, 12));
    let line = axis(&s);
    assert!(line.contains("◂ 1 earlier 2025-02-03"), "{line}");
    assert!(line.contains("2025-02-20 1 later ▸"), "{line}");
    // The marker is on the selected event's own day, under its bar.
    let at = line.find("▲ 2025-02-12").expect("the marker");
    let col = line[..at].chars().count() - usize::from(s.areas().unwrap().histogram.x);
    let bar =
        frontlog::tui::draw::histogram::scale(18, usize::from(s.areas().unwrap().histogram.width));
    assert_eq!(col, 9 * bar.cols_per_bar, "the 10th day's bar");
    // An event outside the days shown is marked at its end.
    select(&mut s, NaiveDate::from_ymd_opt(2018, 7, 16).unwrap());
    assert!(axis(&s).contains("◂ 2018-07-16"), "{}", axis(&s));
    select(&mut s, day(3, 30));
    assert!(axis(&s).contains("2025-03-30 ▸"), "{}", axis(&s));
}

#[test]
fn the_marker_leaves_room_for_both_ends_of_the_axis() {
    // The README's capture: the demo corpus at 110×34, an event of 13
    // February selected, whose mark covers where the last day would go.
    let mut s = crate::tui_support::demo_state(110, 34);
    select(&mut s, day(2, 13));
    let line = axis(&s);
    let (first, last) = (s.histogram.first.unwrap(), s.histogram.last().unwrap());
    assert!(line.contains(&format!("{first} ")), "{line}");
    assert!(line.contains("▲ 2025-02-13"), "{line}");
    assert!(line.contains(&last.to_string()), "{line}");
}
