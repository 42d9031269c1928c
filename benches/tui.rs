//! `cargo bench --bench tui`: how fast the terminal app answers.
//!
//! Prints, on the demo corpus and on a synthetic store of 1,000,000 events:
//! the time from start (reading the corpus) to the first frame, the time to
//! apply each kind of filter (query, counts, histogram and selection), and
//! the time to draw one frame into a 200×60 `TestBackend`; then the map
//! pane over 1,000,000 events placed at 2,000 real towns: counting the
//! marks when the slice changes, and drawing the pane alone and the whole
//! frame with it; and the frames that take in each store the background
//! loader hands over while a corpus of 3,200,000 events loads.

#[path = "../tests/it/tui_support/mod.rs"]
mod tui_support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use frontlog::config::Settings;
use frontlog::ingest;
use frontlog::tui::action::Action;
use frontlog::tui::state::AppState;
use frontlog::tui::update::update;

const W: u16 = 200;
const H: u16 = 60;

fn main() {
    let start = Instant::now();
    let opened = ingest::open(&ingest::demo_corpus(), None).expect("demo corpus");
    let mut demo = AppState::new(
        opened.store,
        opened.problems,
        Settings::default_settings(false),
        ingest::demo_corpus(),
        (W, H),
    );
    update(&mut demo, Action::Resize(W, H));
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    draw(&mut terminal, &demo);
    println!(
        "demo corpus: start to first frame          {:>10.2} ms",
        ms(start.elapsed())
    );
    filters("demo corpus", &mut demo, &mut terminal);

    let t = Instant::now();
    let store = tui_support::synthetic_store(1_000_000, 3 * 365);
    println!(
        "\nsynthetic store: build 1,000,000 events     {:>10.2} ms",
        ms(t.elapsed())
    );
    let t = Instant::now();
    let mut big = AppState::new(
        store,
        Vec::new(),
        Settings::default_settings(false),
        "synthetic".into(),
        (W, H),
    );
    update(&mut big, Action::Resize(W, H));
    draw(&mut terminal, &big);
    println!(
        "1M events: store to first frame            {:>10.2} ms",
        ms(t.elapsed())
    );
    filters("1M events", &mut big, &mut terminal);

    // Frames while scrolling through the middle of the million.
    update(
        &mut big,
        Action::Command(frontlog::tui::action::Command::ClearFilters),
    );
    for _ in 0..1000 {
        update(
            &mut big,
            Action::Command(frontlog::tui::action::Command::PageDown),
        );
    }
    let frames = 200;
    let t = Instant::now();
    for _ in 0..frames {
        update(
            &mut big,
            Action::Command(frontlog::tui::action::Command::Down),
        );
        draw(&mut terminal, &big);
    }
    let per = t.elapsed() / frames;
    println!(
        "1M events: one frame, 200x60 (scrolling)   {:>10.2} ms",
        ms(per)
    );
    let t = Instant::now();
    for _ in 0..frames {
        draw(&mut terminal, &demo);
    }
    println!(
        "demo corpus: one frame, 200x60             {:>10.2} ms",
        ms(t.elapsed() / frames)
    );
    drop(big);
    map(&mut terminal);
    loading(&mut terminal);
}

/// A corpus loading: the background loader hands over the store each time
/// it has doubled, up to 3,200,000 events (what 200,000 generated articles
/// give); each is taken in (`absorb_store`: swap, requery, counts) and
/// drawn on the interface thread. The stores are made beforehand, as the
/// loader makes them on its own thread (whole tally included); the one
/// they replace is dropped on a thread of its own.
fn loading(terminal: &mut Terminal<TestBackend>) {
    let mut state = AppState::new(
        frontlog::store::EventStore::new(frontlog::places::Gazetteer::builtin()),
        Vec::new(),
        Settings::default_settings(false),
        "loading".into(),
        (W, H),
    );
    update(&mut state, Action::Resize(W, H));
    state.loading = Some(Default::default());
    let mut n = ingest::background::FIRST_EVENTS;
    let mut frames = Vec::new();
    // Made as the loader makes them: with the whole store's tally counted.
    let made = |n: usize| {
        let store = tui_support::synthetic_store(n, 3 * 365);
        frontlog::store::tally::Tally::totals(&store);
        store
    };
    while n < 3_200_000 {
        frames.push((n, made(n)));
        n *= 2;
    }
    frames.push((3_200_000, made(3_200_000)));
    println!("\nloading: taking in each store the loader hands over, and drawing it");
    let mut worst = Duration::ZERO;
    let last = frames.len() - 1;
    for (k, (n, store)) in frames.into_iter().enumerate() {
        let t = Instant::now();
        state.absorb_store(store, (k == last).then(Vec::new));
        draw(terminal, &state);
        let took = t.elapsed();
        worst = worst.max(took);
        println!("  {n:>9} events: one frame {:>8.2} ms", ms(took));
    }
    println!(
        "loading: the longest frame while loading    {:>10.2} ms",
        ms(worst)
    );
}

/// The map pane at a million events over 2,000 towns of the real
/// gazetteer (the synthetic store's own places have no coordinates).
fn map(terminal: &mut Terminal<TestBackend>) {
    use frontlog::extract::Event;
    use frontlog::places::{Gazetteer, RegionId, RegionKind};
    use frontlog::store::EventStore;
    use frontlog::tui::action::Command;
    let synthetic = tui_support::synthetic_store(1_000_000, 3 * 365);
    let g = Gazetteer::builtin();
    let towns: Vec<RegionId> = (0..g.len() as RegionId)
        .filter(|&id| {
            g.region(id).kind == RegionKind::Town
                && g.own_coordinates(id).is_some_and(|(lat, lon)| {
                    (44.0..53.0).contains(&lat) && (22.0..41.0).contains(&lon)
                })
        })
        .collect();
    let towns: Vec<RegionId> = towns
        .iter()
        .copied()
        .step_by((towns.len() / 2000).max(1))
        .take(2000)
        .collect();
    // Uneven counts: a few busy towns, many quiet ones.
    let events: Vec<Event> = synthetic
        .events()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let t = towns[(i * i + i / 7) % towns.len()];
            let mut regions = vec![t];
            regions.extend(g.ancestors(t));
            Event {
                regions: regions.into_boxed_slice(),
                ..e.clone()
            }
        })
        .collect();
    let store = EventStore::from_parts(synthetic.documents().to_vec(), events, g);
    drop(synthetic);
    let mut state = AppState::new(
        store,
        Vec::new(),
        Settings::default_settings(false),
        "synthetic".into(),
        (W, H),
    );
    update(&mut state, Action::Resize(W, H));
    let area = state.areas().expect("usable").map;
    assert!(!area.is_empty(), "the map shows at {W}x{H}");
    println!(
        "\n1M events at {} towns: map shows {} places ({} events)",
        towns.len(),
        state.map.marks.len(),
        state.map.placed
    );
    // Counting the marks, as when the slice changes.
    let mut best = Duration::MAX;
    for _ in 0..5 {
        state.map.marks_stale = true;
        let t = Instant::now();
        frontlog::tui::map::refresh(&mut state);
        best = best.min(t.elapsed());
    }
    println!(
        "1M events: count the map's marks (slice change) {:>5.2} ms",
        ms(best)
    );
    let frames = 200;
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let mut pane = |state: &AppState| {
        let t = Instant::now();
        for _ in 0..frames {
            buf.reset();
            frontlog::tui::draw::map::render(black_box(state), area, &mut buf);
        }
        t.elapsed() / frames
    };
    let home = pane(&state);
    for _ in 0..3 {
        update(&mut state, Action::Command(Command::NextPane));
        if state.focus == frontlog::tui::state::Pane::Map {
            break;
        }
    }
    for c in [Command::MapZoomIn, Command::MapZoomIn, Command::MapRight] {
        update(&mut state, Action::Command(c));
    }
    let zoomed = pane(&state);
    println!(
        "1M events: map pane alone, one frame {}x{}  {:>10.2} ms (zoomed in ×2.25: {:.2} ms)",
        area.width,
        area.height,
        ms(home),
        ms(zoomed)
    );
    let t = Instant::now();
    for k in 0..frames {
        let c = if k % 2 == 0 {
            Command::MapLeft
        } else {
            Command::MapRight
        };
        update(&mut state, Action::Command(c));
        draw(terminal, &state);
    }
    println!(
        "1M events: one frame with the map, 200x60 (panning) {:>5.2} ms",
        ms(t.elapsed() / frames)
    );
}

fn filters(label: &str, state: &mut AppState, terminal: &mut Terminal<TestBackend>) {
    use frontlog::tui::action::Command;
    let region = state.regions.rows().first().map(|r| r.id);
    type Apply = Box<dyn Fn(&mut AppState)>;
    let cases: Vec<(&str, Apply)> = vec![
        (
            "region",
            Box::new(move |s: &mut AppState| {
                if let Some(r) = region {
                    s.query.regions.insert(r);
                }
                s.requery();
            }),
        ),
        (
            "source",
            Box::new(|s: &mut AppState| {
                s.query.sources.insert(0);
                s.requery();
            }),
        ),
        (
            "date",
            Box::new(|s: &mut AppState| {
                let year = s.year;
                let r = frontlog::datefilter::parse_range("feb 10..feb 20", year).unwrap();
                s.query.from = r.from;
                s.query.to = r.to;
                s.requery();
            }),
        ),
        (
            "text",
            Box::new(|s: &mut AppState| {
                s.query.text = "drone".into();
                s.requery();
            }),
        ),
    ];
    for (name, apply) in cases {
        update(state, Action::Command(Command::ClearFilters));
        if name == "region" && region.is_none() {
            println!("{label}: apply region filter: no region in this corpus");
            continue;
        }
        // Best of five: the machine is shared, the minimum is the cost.
        let mut best = Duration::MAX;
        for _ in 0..5 {
            update(state, Action::Command(Command::ClearFilters));
            let t = Instant::now();
            apply(state);
            draw(terminal, state);
            best = best.min(t.elapsed());
        }
        let t = Instant::now();
        black_box(state.query.run(&state.store));
        let run = t.elapsed();
        println!(
            "{label}: apply {name:<6} filter + frame {:>9.2} ms  (Query::run alone {:>7.2} ms; {} of {} events)",
            ms(best),
            ms(run),
            state.visible.len(),
            state.store.events().len()
        );
    }
    update(state, Action::Command(Command::ClearFilters));
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &AppState) {
    terminal
        .draw(|f| f.render_widget(black_box(state), f.area()))
        .unwrap();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
