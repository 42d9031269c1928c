//! What the app draws, checked on the buffer of a `TestBackend`: the first
//! screen of the demo corpus, each kind of filter applied, the help overlay,
//! a terminal too small, and the selection without colour.

use crate::tui_support;

use ratatui::style::Modifier;
use tui_support::{demo_state, press, render, screen, state_of, synthetic_store, type_text};

fn row_with<'a>(lines: &'a [String], needle: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{}", lines.join("\n")))
}

/// The outlet of the `row`-th event of the slice.
fn source_at(s: &frontlog::tui::state::AppState, row: usize) -> String {
    let e = &s.store.events()[s.visible[row] as usize];
    s.store.sources()[s.store.source_of(e) as usize].clone()
}

#[test]
fn first_screen_on_the_demo_corpus() {
    let s = demo_state(100, 30);
    let total = s.store.events().len();
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    // Panes and their titles.
    for title in [
        format!("Timeline · {total} events"),
        "Regions".to_owned(),
        "Sources".to_owned(),
        format!("Event 1 of {total}"),
    ] {
        assert!(text.contains(&title), "{title} in\n{text}");
    }
    // The first row is selected, with its date and (the start of) its
    // outlet, where the row has room for the outlet column beside the
    // sentence's half (at 100 columns the side panes take that room).
    let first_event = &s.store.events()[s.visible[0] as usize];
    row_with(&lines, &format!("▶ {}", first_event.date.label()));
    let (_, wide) = render(&demo_state(160, 30));
    let first = row_with(&wide, &format!("▶ {}", first_event.date.label()));
    let outlet = source_at(&s, 0);
    assert!(first.contains(&outlet[..outlet.len().min(6)]), "{first}");
    // Dates are written where they change, not repeated: a date shared by
    // the first rows shows once.
    let shown = usize::from(s.areas().unwrap().rows.height).min(s.visible.len());
    let labels: Vec<String> = s.visible[..shown]
        .iter()
        .map(|&i| s.store.events()[i as usize].date.label())
        .collect();
    let repeated = labels
        .iter()
        .find(|l| labels.iter().filter(|m| m == l).count() > 1)
        .expect("two events share a date");
    let timeline_rows = &lines
        [usize::from(s.areas().unwrap().rows.y)..usize::from(s.areas().unwrap().rows.bottom())];
    assert_eq!(
        timeline_rows
            .iter()
            .filter(|l| l.contains(&format!(" {repeated} ")))
            .count(),
        1,
        "{repeated} is written once:\n{text}"
    );
    // The histogram's axis names the first and last days of its bars, with the year.
    let days: Vec<chrono::NaiveDate> = s
        .visible
        .iter()
        .map(|&i| s.store.events()[i as usize].date)
        .filter(|d| d.first == d.last)
        .map(|d| d.first)
        .collect();
    let (first_day, last_day) = (days.iter().min().unwrap(), days.iter().max().unwrap());
    let axis = row_with(&lines, &last_day.to_string());
    assert!(axis.contains(&first_day.to_string()), "{axis}");
    // Sources with counts, the detail pane, the status line.
    let reuters = s.store.source_id("Reuters").unwrap() as usize;
    assert!(
        row_with(&lines, "[ ] Reuters")
            .trim_end_matches(['│', '║', '█', ' '])
            .ends_with(&s.facets.sources[reuters].to_string())
    );
    // The detail pane, on a screen tall enough for all of it.
    let tall = screen(&demo_state(100, 60));
    assert!(tall.contains(&format!("Outlet     {outlet}")), "{tall}");
    let status = &lines[29];
    assert!(
        status.starts_with(&format!(" {total}/{total} events │ no filters")),
        "{status}"
    );
    assert!(status.trim_end().ends_with("? help"), "{status}");
}

#[test]
fn a_list_longer_than_its_pane_shows_a_scrollbar_that_moves() {
    let mut s = demo_state(100, 30);
    let a = s.areas().unwrap();
    let page = usize::from(a.sources.height - 2);
    assert!(
        s.source_rows.len() > page,
        "the demo has more outlets than fit"
    );
    // The right border of the sources pane, between its corners.
    let border = |s: &frontlog::tui::state::AppState| -> String {
        let (_, lines) = render(s);
        (a.sources.y + 1..a.sources.bottom() - 1)
            .map(|y| {
                lines[usize::from(y)]
                    .chars()
                    .nth(usize::from(a.sources.right() - 1))
                    .unwrap()
            })
            .collect()
    };
    let top = border(&s);
    assert!(top.starts_with('█'), "thumb at the top: {top:?}");
    press(&mut s, "Tab Tab G");
    let bottom = border(&s);
    assert!(
        bottom.ends_with('█') && !bottom.starts_with('█'),
        "thumb at the bottom: {bottom:?}"
    );
    // A list that fits has none.
    let small = state_of(synthetic_store(3, 1), 100, 30, false);
    let r = small.areas().unwrap().regions;
    assert!(small.regions.rows().len() <= usize::from(r.height - 2));
    let (_, lines) = render(&small);
    let col: String = (r.y + 1..r.bottom() - 1)
        .map(|y| {
            lines[usize::from(y)]
                .chars()
                .nth(usize::from(r.right() - 1))
                .unwrap()
        })
        .collect();
    assert!(!col.contains('█'), "{col:?}");
}

#[test]
fn the_date_format_applies_to_every_day_shown() {
    let mut s = demo_state(110, 50);
    s.settings.date_format = "%d %b %Y".to_owned();
    s.requery(); // as when the app starts with this format
    // Select the first event of a single day in a dated article.
    let row = s
        .visible
        .iter()
        .position(|&i| {
            let e = &s.store.events()[i as usize];
            e.date.first == e.date.last && s.store.doc_of(e).published.value.is_some()
        })
        .expect("the demo has one");
    for _ in 0..row {
        press(&mut s, "j");
    }
    let e = &s.store.events()[s.visible[row] as usize];
    let published = s.store.doc_of(e).published.value.unwrap();
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    let want = published.format("%d %b %Y").to_string();
    assert!(
        row_with(&lines, "Published").contains(&want),
        "{want} in\n{text}"
    );
    let day = e.date.first.format("%d %b %Y").to_string();
    assert!(text.contains(&day), "the timeline shows {day}:\n{text}");
}

#[test]
fn the_histogram_names_its_first_and_last_day_on_a_short_slice() {
    let mut s = demo_state(110, 34);
    // A slice of a few days: few, narrow bars.
    press(&mut s, "/");
    type_text(&mut s, "Riyadh");
    press(&mut s, "Enter");
    let (first, last) = (
        s.histogram.first,
        s.histogram.day(s.histogram.counts.len() - 1),
    );
    let (_, lines) = render(&s);
    let axis = &lines[usize::from(s.areas().unwrap().histogram.y) + 2];
    let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let first = first.map(fmt).expect("the slice has days");
    assert!(axis.contains(&first), "{first} in {axis:?}");
    let last = last.map(fmt).unwrap();
    assert!(axis.contains(&last), "{last} in {axis:?}");
}

#[test]
fn the_histogram_axis_keeps_the_first_day_and_says_each_day_once_whatever_is_selected() {
    let mut s = demo_state(110, 34);
    press(&mut s, "/");
    type_text(&mut s, "Riyadh");
    press(&mut s, "Enter");
    let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let first = s.histogram.first.map(fmt).expect("the slice has days");
    for _ in 0..s.visible.len().max(1) {
        let (_, lines) = render(&s);
        let axis = &lines[usize::from(s.areas().unwrap().histogram.y) + 2];
        assert!(axis.contains(&first), "{first} in {axis:?}");
        for word in axis.split_whitespace().filter(|w| w.len() == 10) {
            assert_eq!(axis.matches(word).count(), 1, "{word} twice in {axis:?}");
        }
        press(&mut s, "j");
    }
}

#[test]
fn a_message_has_its_own_rows_and_never_hides_the_filters() {
    let mut s = demo_state(120, 34);
    press(&mut s, "d");
    type_text(&mut s, "feb 10..feb 20");
    press(&mut s, "Enter d");
    type_text(&mut s, "the day after");
    press(&mut s, "Enter");
    let message = s.status.clone().expect("an error is shown").text;
    assert!(message.len() > 80, "a long message: {message}");
    let (_, lines) = render(&s);
    let status = lines.last().unwrap();
    // The message is above the status line, whole; the filters stay.
    let above = lines[lines.len() - 3..lines.len() - 1].join(" ");
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words(&above).contains(&words(&message)),
        "{message:?} in {above:?}"
    );
    assert!(
        status.contains("dates 2025-02-10..2025-02-20"),
        "{status:?}"
    );
    assert!(status.trim_end().ends_with("? help"), "{status:?}");
    // The next key clears it, and the rows go back to the panes.
    let rows = s.areas().unwrap().rows.height;
    press(&mut s, "Esc");
    let (_, lines) = render(&s);
    assert!(!lines.join("\n").contains("not applied"));
    assert!(s.areas().unwrap().rows.height > rows);
}

#[test]
fn first_screen_fits_80_by_24() {
    let s = demo_state(80, 24);
    let total = s.store.events().len();
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    assert!(
        text.contains(&format!("Timeline · {total} events")),
        "{text}"
    );
    let first = s.store.events()[s.visible[0] as usize].date.label();
    assert!(text.contains(&format!("▶ {first}")), "{text}");
    assert!(
        lines[23].contains(&format!("{total}/{total} events")),
        "{text}"
    );
    assert!(!text.contains("too small"));
}

#[test]
fn region_filter_applied() {
    let mut s = state_of(synthetic_store(400, 40), 110, 32, false);
    press(&mut s, "Tab j j j Space");
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    assert!(text.contains("[x] Donetsk Oblast"), "{text}");
    assert!(text.contains("Regions · 1 chosen"), "{text}");
    let status = &lines[31];
    assert!(
        status.contains(&format!(" {}/400 events", s.visible.len())),
        "{status}"
    );
    assert!(status.contains("regions Donetsk Oblast"), "{status}");
    // Every timeline row is in Kramatorsk or Pokrovsk (or the oblast itself).
    let a = s.areas().unwrap();
    let rows: Vec<String> = lines[usize::from(a.rows.y)..usize::from(a.rows.bottom())]
        .iter()
        .map(|l| {
            l.chars()
                .skip(usize::from(a.rows.x))
                .take(usize::from(a.rows.width))
                .collect()
        })
        .collect();
    assert!(
        rows.iter()
            .all(|r| r.contains("Kramatorsk") || r.contains("Pokrovsk") || r.contains("Donetsk"))
    );
    assert!(
        !rows
            .iter()
            .any(|r| r.contains("Sudzha") || r.contains("Kharkiv"))
    );
}

#[test]
fn date_filter_applied() {
    let mut s = demo_state(100, 30);
    press(&mut s, "d");
    type_text(&mut s, "2025-02-10..2025-02-20");
    let typing = screen(&s);
    assert!(typing.contains("Dates: 2025-02-10..2025-02-20"), "{typing}");
    press(&mut s, "Enter");
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    let (v, total) = (s.visible.len(), s.store.events().len());
    assert!(v > 0 && v < total);
    assert!(
        lines[29].contains(&format!(
            " {v}/{total} events │ dates 2025-02-10..2025-02-20"
        )),
        "{}",
        lines[29]
    );
    assert!(
        text.contains(&format!("Timeline · {v} of {total} events")),
        "{text}"
    );
    // Every row on screen lies in the range.
    let a = s.areas().unwrap();
    for row in &lines[usize::from(a.rows.y)..usize::from(a.rows.bottom())] {
        if let Some(date) = row
            .split_whitespace()
            .find(|w| w.starts_with("20") && w.len() == 10)
        {
            assert!(("2025-02-10".."2025-02-21").contains(&date), "{row}");
        }
    }
    // The histogram spans the filter's days, empty ones shown.
    let axis = row_with(&lines, "2025-02-20");
    assert!(axis.contains("2025-02-10"), "{axis}");
    assert!(text.contains("·"), "{text}");
}

#[test]
fn text_filter_applied() {
    let mut s = demo_state(100, 30);
    press(&mut s, "/");
    type_text(&mut s, "drone");
    let (_, lines) = render(&s);
    assert!(row_with(&lines, "Text: drone").starts_with("Text: drone"));
    let a = s.areas().unwrap();
    let rows: Vec<&String> = lines[usize::from(a.rows.y)..usize::from(a.rows.bottom())]
        .iter()
        .filter(|r| !r.trim_matches(['┃', '│', ' ']).is_empty())
        .collect();
    assert!(!s.visible.is_empty() && s.visible.len() < s.store.events().len());
    assert_eq!(rows.len(), s.visible.len().min(usize::from(a.rows.height)));
    for &i in &s.visible {
        let e = &s.store.events()[i as usize];
        let doc = s.store.doc_of(e);
        let haystack = format!(
            "{} {} {}",
            e.text(doc),
            doc.title_or_name(),
            doc.source_or_unknown()
        );
        assert!(haystack.to_lowercase().contains("drone"), "{haystack}");
    }
    assert!(lines[29].contains("text \"drone\""), "{}", lines[29]);
    press(&mut s, "Enter");
    let text = screen(&s);
    assert!(!text.contains("Text: drone"), "the input line is closed");
    assert!(text.contains(&format!(
        "{}/{} events",
        s.visible.len(),
        s.store.events().len()
    )));
}

#[test]
fn help_overlay_lists_every_key_of_the_keymap() {
    // Tall enough for every key at once (on a shorter screen it scrolls).
    let mut s = demo_state(100, 50);
    press(&mut s, "?");
    let text = screen(&s);
    assert!(text.contains("Help: keys"), "{text}");
    for e in frontlog::tui::keymap::help_entries(&s.settings) {
        let line = text
            .lines()
            .find(|l| l.contains(&e.desc))
            .unwrap_or_else(|| panic!("{:?} in\n{text}", e.desc));
        assert!(line.contains(&e.keys), "{line}");
    }
}

#[test]
fn on_a_narrow_screen_the_help_wraps_instead_of_cutting() {
    let mut s = demo_state(60, 80);
    press(&mut s, "?");
    let text = screen(&s);
    // The overlay's text without its borders, as one run of words.
    let words: Vec<&str> = text
        .lines()
        .filter_map(|l| {
            let (a, b) = (l.find('║')?, l.rfind('║')?);
            (a < b).then(|| &l[a + '║'.len_utf8()..b])
        })
        .flat_map(str::split_whitespace)
        .collect();
    let joined = words.join(" ");
    for e in frontlog::tui::keymap::help_entries(&s.settings) {
        assert!(joined.contains(&e.desc), "{:?} whole in\n{text}", e.desc);
    }
    assert!(
        joined.contains("Keys from the built-in config.toml (no user configuration file)."),
        "{text}"
    );
}

#[test]
fn help_follows_a_remapped_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[keys.export]\nkeys = [\"x\", \"Ctrl-e\"]\ndesc = \"Write the briefing\"\n",
    )
    .unwrap();
    let settings =
        frontlog::config::Settings::load(Some(&path), &frontlog::config::ConfigEnv::default())
            .unwrap();
    let mut s = demo_state(100, 40);
    s.keymap = frontlog::tui::keymap::Keymap::new(&settings);
    s.settings = settings;
    assert_eq!(press(&mut s, "e"), None, "e is no longer bound");
    assert_eq!(press(&mut s, "x"), None, "the format picker opens");
    assert_eq!(
        press(&mut s, "Enter"),
        Some(frontlog::tui::action::Effect::Export(
            frontlog::export::ExportFormat::Markdown
        ))
    );
    press(&mut s, "?");
    let text = screen(&s);
    let line = text
        .lines()
        .find(|l| l.contains("Write the briefing"))
        .expect("new description");
    assert!(line.contains("x, Ctrl-e"), "{line}");
}

#[test]
fn a_terminal_too_small_says_so() {
    let mut s = demo_state(100, 30);
    for (w, h) in [(40, 10), (59, 24), (80, 15)] {
        frontlog::tui::update::update(&mut s, frontlog::tui::action::Action::Resize(w, h));
        let text = screen(&s).replace('\n', " ");
        let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squeezed.contains("Terminal too small"),
            "{w}x{h}: {squeezed}"
        );
        assert!(squeezed.contains("60×16"), "{w}x{h}: {squeezed}");
    }
    frontlog::tui::update::update(&mut s, frontlog::tui::action::Action::Resize(60, 16));
    let text = screen(&s);
    assert!(
        !text.contains("too small") && text.contains("Timeline"),
        "{text}"
    );
}

#[test]
fn without_colour_the_selection_is_in_reverse_video_with_a_marker() {
    let s = state_of(synthetic_store(50, 10), 100, 30, true);
    let (terminal, lines) = render(&s);
    let buf = terminal.backend().buffer();
    let a = s.areas().unwrap();
    let y = a.rows.y;
    assert!(
        lines[usize::from(y)][usize::from(a.rows.x) * 3..].contains('▶')
            || lines[usize::from(y)].contains('▶')
    );
    let cell = &buf[(a.rows.x + 20, y)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
    assert_eq!(cell.bg, ratatui::style::Color::Reset);
    // No cell of the screen has a colour.
    for c in buf.content() {
        assert_eq!(
            (c.fg, c.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
}

#[test]
fn article_text_cannot_reach_the_terminal_raw() {
    use frontlog::corpus::{Document, Meta, Provenance};
    use frontlog::extract::{Event, EventAnchor, EventDate, Span};
    let text = "Evil \u{1b}[2J\u{1b}]0;pwned\u{7} text on Feb. 12.\u{202E}";
    let doc = Document {
        id: "x".into(),
        path: "x\u{1b}[31m.txt".into(),
        text: text.into(),
        title: Meta {
            value: Some("Title \u{1b}[5m".into()),
            from: Provenance::Text,
        },
        source: Meta {
            value: Some("Out\u{9b}let".into()),
            from: Provenance::Text,
        },
        ..Default::default()
    };
    let e = Event {
        doc: 0,
        date: EventDate::day(chrono::NaiveDate::from_ymd_opt(2025, 2, 12).unwrap()),
        anchor: EventAnchor::Relative,
        regions: Box::new([]),
        mentions: Box::new([]),
        sentence: Some(Span::new(0..text.len())),
        expression: Some(Span::new(text.find("Feb").unwrap()..text.len() - 4)),
        paragraph: Some(Span::new(0..text.len())),
        headline: false,
        future: false,
        kind: frontlog::extract::EventType::Other,
        killed: None,
        injured: None,
    };
    let store = frontlog::store::EventStore::from_parts(
        vec![doc],
        vec![e],
        frontlog::places::Gazetteer::builtin(),
    );
    let s = state_of(store, 100, 30, false);
    let (terminal, _) = render(&s);
    for c in terminal.backend().buffer().content() {
        assert!(
            !c.symbol()
                .chars()
                .any(frontlog::text::display::is_unsafe_char),
            "{:?}",
            c.symbol()
        );
    }
}

#[test]
fn undated_articles_are_said_in_the_status_line_and_the_problems_view() {
    let mut s = demo_state(120, 32);
    let undated = s
        .store
        .documents()
        .iter()
        .filter(|d| d.published.value.is_none())
        .count();
    assert!(undated > 0, "the demo corpus has undated articles");
    let (_, lines) = render(&s);
    let status = lines.last().unwrap();
    assert!(status.contains("no filters"), "{status}");
    assert!(
        status.contains(&format!("{undated} undated articles (p)")),
        "{status}"
    );
    press(&mut s, "p");
    let text = screen(&s);
    assert!(
        text.contains(&format!("{undated} articles have no publication date:")),
        "{text}"
    );
    assert!(text.contains("relative date"), "{text}");
    assert!(text.contains("no publication date:"), "{text}");
    // Every undated article is named, those that lost no date too.
    let named = text
        .lines()
        .filter(|l| l.contains(".txt: no publication date"))
        .count();
    assert_eq!(named, undated, "{text}");
    assert!(
        text.contains("Every file of the corpus was read."),
        "{text}"
    );
}
