//! Shared helpers for the terminal app's tests and benchmark: synthetic
//! stores of any size (with a region tree, before the real gazetteer
//! lands), the demo corpus as a state, keys sent through the real keymap,
//! and rendering into a `TestBackend`.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use crossterm::event::{Event, KeyEvent, KeyEventKind, KeyEventState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use frontlog::config::Settings;
use frontlog::config::keys::KeyChord;
use frontlog::corpus::{Document, Meta, Provenance};
use frontlog::extract::{DatePrecision, Event as Ev, EventAnchor, EventDate, Span};
use frontlog::ingest;
use frontlog::places::{Gazetteer, Region, RegionKind};
use frontlog::store::EventStore;
use frontlog::tui::action::{Action, Effect};
use frontlog::tui::keymap::translate;
use frontlog::tui::state::AppState;
use frontlog::tui::update::update;

/// Ids of the synthetic gazetteer.
pub mod place {
    pub const UKRAINE: u32 = 0;
    pub const DONETSK: u32 = 1;
    pub const KRAMATORSK: u32 = 2;
    pub const POKROVSK: u32 = 3;
    pub const KHARKIV_OBLAST: u32 = 4;
    pub const KHARKIV: u32 = 5;
    pub const RUSSIA: u32 = 6;
    pub const KURSK_OBLAST: u32 = 7;
    pub const SUDZHA: u32 = 8;
}

/// A small gazetteer: two countries, three oblasts, four towns.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let r = |name: &str, kind, parent| Region {
            name: name.to_owned(),
            kind,
            parent,
        };
        Gazetteer::from_regions(vec![
            r("Ukraine", RegionKind::Country, None),
            r("Donetsk Oblast", RegionKind::Region, Some(0)),
            r("Kramatorsk", RegionKind::Town, Some(1)),
            r("Pokrovsk", RegionKind::Town, Some(1)),
            r("Kharkiv Oblast", RegionKind::Region, Some(0)),
            r("Kharkiv", RegionKind::Town, Some(4)),
            r("Russia", RegionKind::Country, None),
            r("Kursk Oblast", RegionKind::Region, Some(6)),
            r("Sudzha", RegionKind::Town, Some(7)),
        ])
    })
}

const OUTLETS: [&str; 6] = [
    "Reuters",
    "The Kyiv Independent",
    "Ukrinform",
    "Meduza",
    "Al Jazeera",
    "Deutsche Welle",
];

const SENTENCES: [(&str, u32); 5] = [
    (
        "Glide bombs hit Kramatorsk on Tuesday, officials said.",
        place::KRAMATORSK,
    ),
    (
        "Fighting continued near Pokrovsk through the night.",
        place::POKROVSK,
    ),
    ("A drone struck a power station in Kharkiv.", place::KHARKIV),
    (
        "Troops withdrew from Sudzha after heavy shelling.",
        place::SUDZHA,
    ),
    (
        "The oblast governor ordered an evacuation of Donetsk Oblast villages.",
        place::DONETSK,
    ),
];

/// The first day of the synthetic timeline.
pub fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
}

/// A store of `n` events over `days` days from [`day0`], from `n / 50 + 1`
/// articles: five sentences (one per place) in turn, six outlets, every
/// seventh event dated only to its month, every eleventh after its article.
pub fn synthetic_store(n: usize, days: i64) -> EventStore {
    let per_doc = 50;
    let n_docs = n / per_doc + 1;
    let mut text = String::new();
    let mut spans = Vec::new();
    for (s, _) in SENTENCES {
        let start = text.len();
        text.push_str(s);
        spans.push(Span::new(start..text.len()));
        text.push(' ');
    }
    let docs: Vec<Document> = (0..n_docs)
        .map(|d| Document {
            id: format!("doc{d}"),
            path: PathBuf::from(format!("synthetic/doc{d}.txt")),
            text: text.clone(),
            body_start: 0,
            title: Meta {
                value: Some(format!("Report number {d}")),
                from: Provenance::Manifest,
            },
            title_span: None,
            source: Meta {
                value: Some(OUTLETS[d % OUTLETS.len()].to_owned()),
                from: Provenance::Manifest,
            },
            published: Meta {
                value: Some(
                    day0()
                        + Duration::days(
                            ((d * per_doc).min(n.saturating_sub(1)) as i64 * days)
                                / n.max(1) as i64,
                        ),
                ),
                from: Provenance::Manifest,
            },
            url: Meta {
                value: Some(format!("https://example.org/{d}")),
                from: Provenance::Manifest,
            },
            ..Document::default()
        })
        .collect();
    let g = gazetteer();
    let events: Vec<Ev> = (0..n)
        .map(|i| {
            let (_, town) = SENTENCES[i % SENTENCES.len()];
            let mut regions = vec![town];
            regions.extend(g.ancestors(town));
            let day = day0() + Duration::days((i as i64 * days) / n.max(1) as i64);
            let date = if i % 7 == 3 {
                let first = day.with_day0(0).unwrap();
                EventDate {
                    first,
                    last: (first + Duration::days(40))
                        .with_day0(0)
                        .unwrap()
                        .pred_opt()
                        .unwrap(),
                    precision: DatePrecision::Month,
                }
            } else {
                EventDate::day(day)
            };
            let s = spans[i % spans.len()];
            Ev {
                doc: (i / per_doc) as u32,
                date,
                anchor: EventAnchor::Relative,
                regions: regions.into_boxed_slice(),
                mentions: Box::new([]),
                sentence: Some(s),
                expression: None,
                paragraph: Some(Span::new(0..text.len() - 1)),
                headline: false,
                future: i % 11 == 5,
                kind: frontlog::extract::EventType::Other,
                killed: None,
                injured: None,
            }
        })
        .collect();
    EventStore::from_parts(docs, events, g)
}

use chrono::Datelike;

/// A state over a store, with default settings (colours as configured
/// unless `no_color`), sized `w`×`h`.
pub fn state_of(store: EventStore, w: u16, h: u16, no_color: bool) -> AppState {
    let mut s = AppState::new(
        store,
        Vec::new(),
        Settings::default_settings(no_color),
        PathBuf::from("synthetic"),
        (w, h),
    );
    update(&mut s, Action::Resize(w, h));
    s
}

/// The demo corpus as a state, sized `w`×`h`.
pub fn demo_state(w: u16, h: u16) -> AppState {
    dir_state(&ingest::demo_corpus(), w, h)
}

/// A folder of articles as a state, sized `w`×`h`, showing single reports
/// (the view most tests look at; [`clustered_dir_state`] keeps the app's
/// default, one row per cluster).
pub fn dir_state(dir: &std::path::Path, w: u16, h: u16) -> AppState {
    let mut s = clustered_dir_state(dir, w, h);
    s.view = frontlog::tui::clusters::View::Reports;
    s.requery();
    s
}

/// A folder of articles as the app opens it (clustered, one row per
/// cluster), sized `w`×`h`.
pub fn clustered_dir_state(dir: &std::path::Path, w: u16, h: u16) -> AppState {
    let opened = ingest::open(dir, None).expect("the corpus opens");
    let mut s = AppState::new(
        opened.store,
        opened.problems,
        Settings::default_settings(false),
        dir.to_path_buf(),
        (w, h),
    );
    update(&mut s, Action::Resize(w, h));
    s
}

/// Presses keys written as in the configuration, separated by spaces
/// (`"Tab Space j"`), through the real keymap; returns the last effect.
pub fn press(state: &mut AppState, keys: &str) -> Option<Effect> {
    let mut last = None;
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        let chord = KeyChord::parse(k).unwrap_or_else(|e| panic!("{e}"));
        last = send(state, chord);
    }
    last
}

/// Types text as key presses (each character one key).
pub fn type_text(state: &mut AppState, text: &str) -> Option<Effect> {
    let mut last = None;
    for c in text.chars() {
        let chord = KeyChord {
            code: crossterm::event::KeyCode::Char(c),
            mods: crossterm::event::KeyModifiers::NONE,
        };
        last = send(state, chord);
    }
    last
}

fn send(state: &mut AppState, chord: KeyChord) -> Option<Effect> {
    let ev = Event::Key(KeyEvent {
        code: chord.code,
        modifiers: chord.mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    });
    let action = translate(&state.keymap, state.mode(), &ev)?;
    update(state, action)
}

/// Draws the state into a `TestBackend` of its size; returns the terminal
/// (for styles) and the screen as lines of text.
pub fn render(state: &AppState) -> (Terminal<TestBackend>, Vec<String>) {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(state, f.area())).unwrap();
    let buf = terminal.backend().buffer().clone();
    let lines = (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect();
    (terminal, lines)
}

/// The screen as one string.
pub fn screen(state: &AppState) -> String {
    render(state).1.join("\n")
}
