//! What the app draws, checked on the buffer of a `TestBackend`: the first
//! screen of the demo corpus, each kind of filter applied, the help overlay,
//! a terminal too small, and the selection without colour.

mod tui_support;

use ratatui::style::Modifier;
use tui_support::{demo_state, press, render, screen, state_of, synthetic_store, type_text};

fn row_with<'a>(lines: &'a [String], needle: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{}", lines.join("\n")))
}

#[test]
fn first_screen_on_the_demo_corpus() {
    let s = demo_state(100, 30);
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    // Panes and their titles.
    for title in [
        "Timeline · 10 events",
        "Regions",
        "Sources",
        "Event 1 of 10",
    ] {
        assert!(text.contains(title), "{title} in\n{text}");
    }
    // The first row is selected, with its date and outlet.
    let first = row_with(&lines, "▶ 2025-01-11");
    assert!(
        first.contains("Euronews") && first.contains("Putin wants Ukraine"),
        "{first}"
    );
    // Dates are written where they change, not repeated.
    assert_eq!(
        lines.iter().filter(|l| l.contains("2025-02-14")).count(),
        1,
        "three events, one date:\n{text}"
    );
    // The histogram's axis names the first and last days, with the year.
    let axis = row_with(&lines, "day/bar");
    assert!(axis.contains("2025-02-28"), "{axis}");
    // Sources with counts, the detail pane, the status line.
    assert!(
        row_with(&lines, "[ ] Reuters")
            .trim_end_matches(['│', ' '])
            .ends_with('1')
    );
    assert!(text.contains("Outlet     Euronews"), "{text}");
    let status = &lines[29];
    assert!(status.starts_with(" 10/10 events │ no filters"), "{status}");
    assert!(status.trim_end().ends_with("? help"), "{status}");
}

#[test]
fn first_screen_fits_80_by_24() {
    let s = demo_state(80, 24);
    let (_, lines) = render(&s);
    let text = lines.join("\n");
    assert!(text.contains("Timeline · 10 events"), "{text}");
    assert!(text.contains("▶ 2025-01-11"), "{text}");
    assert!(lines[23].contains("10/10 events"), "{text}");
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
    assert!(
        lines[29].contains(" 6/10 events │ dates 2025-02-10..2025-02-20"),
        "{}",
        lines[29]
    );
    assert!(text.contains("Timeline · 6 of 10 events"), "{text}");
    assert!(!text.contains("Putin wants"), "{text}");
    assert!(!text.contains("Zelensky's White House"), "{text}");
    // The histogram spans the filter's days, empty ones shown.
    let axis = row_with(&lines, "day/bar");
    assert!(axis.contains("2025-02-20"), "{axis}");
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
        .filter(|r| r.contains("2025") || r.contains("unknown"))
        .collect();
    assert_eq!(rows.len(), s.visible.len());
    assert!(
        rows.iter().all(|r| r.to_lowercase().contains("drone")),
        "{rows:?}"
    );
    assert!(lines[29].contains("text \"drone\""), "{}", lines[29]);
    press(&mut s, "Enter");
    let text = screen(&s);
    assert!(!text.contains("Text: drone"), "the input line is closed");
    assert!(text.contains(&format!("{}/10 events", s.visible.len())));
}

#[test]
fn help_overlay_lists_every_key_of_the_keymap() {
    let mut s = demo_state(100, 40);
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
    assert_eq!(
        press(&mut s, "x"),
        Some(frontlog::tui::action::Effect::Export)
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
        sentence: Some(Span::new(0..text.len())),
        expression: Some(Span::new(text.find("Feb").unwrap()..text.len() - 4)),
        paragraph: Some(Span::new(0..text.len())),
        headline: false,
        future: false,
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
