//! `cargo bench --bench query`: how fast a query cuts a slice of a store of
//! 1,000,000 events, per filter kind, as p50 and p99 over many queries.
//!
//! The store is built by the real pipeline (generator → parser → tagger →
//! geotagger → store) from generated articles, so that texts, dates and
//! places are shaped like the real thing. Each figure is the time of
//! `Query::run` and, beside it, of the run plus the facet counts the
//! terminal app shows (what one keystroke costs before drawing).
//!
//! Then the text filter typed letter by letter ("d", "dr", "dro", ...), as
//! a user types it: each prefix's query with the pane counts and the
//! histogram (both read the slice's [`Tally`], counted once, as the app
//! does), each stage apart, and each keystroke of the terminal app (the edit, the
//! requery and one 200×60 frame), as p50, p99 and worst over every prefix.
//! Last, the same typed faster than the queries: how soon a query still
//! running gives way to the next key.
//!
//! `FRONTLOG_BENCH_EVENTS=10000000 cargo bench --bench query` measures a
//! store of ten million events: the generated million, copied ten times
//! 28 years apart (generating and extracting that many would take hours).

use std::time::{Duration, Instant};

use frontlog::config::Settings;
use frontlog::places::Gazetteer;
use frontlog::query::{FacetMemo, Query};
use frontlog::store::EventStore;
use frontlog::store::tally::Tally;
use frontlog::synth::{Generator, extracted};
use frontlog::tui::histogram::Histogram;
use frontlog::tui::state::AppState;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TARGET_EVENTS: usize = 1_000_000;

/// Draws a random query of one kind.
type MakeQuery<'a> = dyn Fn(&mut fastrand::Rng) -> Query + 'a;
const RUNS: usize = 200;

fn main() {
    let g = Gazetteer::builtin();
    let started = Instant::now();
    let mut state = AppState::new(
        build_store(g),
        Vec::new(),
        Settings::default_settings(false),
        "generated".into(),
        (200, 60),
    );
    let store = std::sync::Arc::clone(&state.store);
    println!(
        "store: {} events from {} generated articles, built in {:.1} s; {} distinct dates, {} of the {} gazetteer regions",
        store.events().len(),
        store.documents().len(),
        started.elapsed().as_secs_f64(),
        store.columns().date_values.len(),
        store.columns().present().len(),
        store.gazetteer().len(),
    );
    let mut rng = fastrand::Rng::with_seed(7);
    let mut regions: Vec<(u32, usize)> = store
        .regions_present()
        .map(|r| (r, store.events_in_region(r).len()))
        .collect();
    regions.sort_by_key(|&(r, n)| (std::cmp::Reverse(n), r));
    regions.truncate(60);
    let first = store
        .events()
        .first()
        .map(|e| e.date.first)
        .unwrap_or_default();
    let last = store
        .events()
        .last()
        .map(|e| e.date.first)
        .unwrap_or_default();
    let days = (last - first).num_days().max(1);
    let needles = [
        "drone",
        "shelling",
        "kramatorsk",
        "talks",
        "residents",
        "officials said",
        "kharkiv",
        "sirens",
    ];
    let sources = store.sources().len() as u32;
    let date = |rng: &mut fastrand::Rng| {
        let from = first + chrono::Duration::days(rng.i64(0..days));
        (
            Some(from),
            Some(from + chrono::Duration::days(rng.i64(0..14))),
        )
    };
    println!(
        "\n{:<20} {:>12} {:>12} {:>16} {:>16} {:>12}",
        "filter", "run p50", "run p99", "run+counts p50", "run+counts p99", "mean hits"
    );
    let kinds: [(&str, &MakeQuery<'_>); 5] = [
        ("region", &|rng| Query {
            regions: [regions[rng.usize(..regions.len())].0].into(),
            ..Query::default()
        }),
        ("source", &|rng| Query {
            sources: [rng.u32(..sources)].into(),
            ..Query::default()
        }),
        ("date range", &|rng| {
            let (from, to) = date(rng);
            Query {
                from,
                to,
                ..Query::default()
            }
        }),
        ("text", &|rng| Query {
            text: needles[rng.usize(..needles.len())].to_owned(),
            ..Query::default()
        }),
        ("all combined", &|rng| {
            let (from, to) = date(rng);
            Query {
                from,
                to,
                regions: [regions[rng.usize(..regions.len().min(10))].0].into(),
                sources: [rng.u32(..sources), rng.u32(..sources)].into(),
                text: needles[rng.usize(..needles.len())].to_owned(),
                kinds: Default::default(),
                include_coarser: false,
            }
        }),
    ];
    for (name, make) in &kinds {
        measure(name, make, &mut rng, &store);
    }
    println!("\nwithout the text index (the scan), typed letter by letter:");
    typing(&mut state);
    let t = Instant::now();
    let index = store.build_text_index();
    let (words_took, words_bytes) = (t.elapsed(), index.bytes());
    let t = Instant::now();
    let index = store.build_text_pairs();
    println!(
        "\ntext index: {} words over {} events, built in {:.2} s, {:.0} MB; then {} pairs of frequent words (for phrases) in {:.2} s, {:.0} MB more",
        index.vocabulary(),
        index.events(),
        words_took.as_secs_f64(),
        words_bytes as f64 / 1e6,
        index.pairs(),
        t.elapsed().as_secs_f64(),
        (index.bytes() - words_bytes) as f64 / 1e6
    );
    for (name, make) in kinds
        .iter()
        .filter(|(n, _)| n.contains("text") || n.contains("all"))
    {
        measure(&format!("{name} (index)"), make, &mut rng, &store);
    }
    drop(store);
    println!("\nwith the text index, typed letter by letter:");
    typing(&mut state);
    giving_way(&mut state);
    println!(
        "\nmachine: {} cores; aim: p99 under 16 ms (one frame)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
}

/// Runs [`RUNS`] queries of one kind and prints their times, alone and
/// with the pane counts.
fn measure(name: &str, make: &MakeQuery<'_>, rng: &mut fastrand::Rng, store: &EventStore) {
    let mut run = Vec::with_capacity(RUNS);
    let mut with_counts = Vec::with_capacity(RUNS);
    let mut hits = 0usize;
    for _ in 0..RUNS {
        let q = make(rng);
        let t = Instant::now();
        let slice = q.run(store);
        run.push(t.elapsed());
        let t = Instant::now();
        let slice2 = q.run(store);
        let _ = std::hint::black_box(q.facets(store, &slice2, &mut FacetMemo::default()));
        with_counts.push(t.elapsed());
        hits += slice.len();
    }
    println!(
        "{name:<20} {:>9.2} ms {:>9.2} ms {:>13.2} ms {:>13.2} ms {:>12}",
        ms(percentile(&mut run, 50)),
        ms(percentile(&mut run, 99)),
        ms(percentile(&mut with_counts, 50)),
        ms(percentile(&mut with_counts, 99)),
        hits / RUNS
    );
}

/// Words typed into the text filter, letter by letter.
const TYPED: [&str; 8] = [
    "drone",
    "shelling",
    "kramatorsk",
    "residents",
    "officials said",
    "air defence",
    "zaporizhzhia",
    "killed",
];

/// The text filter typed letter by letter: every prefix of every word in
/// [`TYPED`], as a query with the pane counts and histogram, and as a
/// keystroke of the terminal app with its frame.
fn typing(state: &mut AppState) {
    use frontlog::tui::action::{Action, Command, Edit};
    use frontlog::tui::update::update;
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    let mut query = Vec::new();
    let mut stages: [(&str, Vec<Duration>, Duration, String); 3] = [
        ("slice", Vec::new(), Duration::ZERO, String::new()),
        ("tally + panes", Vec::new(), Duration::ZERO, String::new()),
        ("histogram", Vec::new(), Duration::ZERO, String::new()),
    ];
    let mut keystroke = Vec::new();
    let mut updates = Vec::new();
    let mut worst = (Duration::ZERO, String::new());
    let mut first_letter_hits = Vec::new();
    for word in TYPED {
        update(state, Action::Command(Command::ClearFilters));
        update(state, Action::Command(Command::TextFilter));
        for (n, c) in word.char_indices() {
            let prefix = &word[..n + c.len_utf8()];
            let q = Query {
                text: prefix.to_owned(),
                ..Query::default()
            };
            let t = Instant::now();
            let slice = q.slice(&state.store);
            let t1 = Instant::now();
            let tally = Tally::of(&state.store, &slice.events);
            let facets = q.facets_of(&state.store, &tally, &mut FacetMemo::default());
            let t2 = Instant::now();
            let histogram = Histogram::of_tally(&state.store, &tally, &q);
            let t3 = Instant::now();
            query.push(t3 - t);
            for (stage, took) in stages.iter_mut().zip([t1 - t, t2 - t1, t3 - t2]) {
                stage.1.push(took);
                if took > stage.2 {
                    (stage.2, stage.3) = (took, prefix.to_owned());
                }
            }
            std::hint::black_box((facets, histogram));
            if n == 0 {
                first_letter_hits.push(slice.events.len());
            }
            let t = Instant::now();
            update(state, Action::Edit(Edit::Insert(c)));
            updates.push(t.elapsed());
            terminal
                .draw(|f| f.render_widget(&*state, f.area()))
                .expect("draw");
            let took = t.elapsed();
            keystroke.push(took);
            if took > worst.0 {
                worst = (took, prefix.to_owned());
            }
        }
        update(state, Action::Edit(Edit::Cancel));
    }
    let events = state.store.events().len().max(1);
    let hits: Vec<String> = first_letter_hits
        .iter()
        .map(|&h| format!("{:.0}%", 100.0 * h as f64 / events as f64))
        .collect();
    println!(
        "\ntext filter typed letter by letter ({} prefixes of {} words; first letters match {})",
        query.len(),
        TYPED.len(),
        hits.join(" ")
    );
    println!(
        "  query + pane counts + histogram  p50 {:>7.2} ms  p99 {:>7.2} ms  worst {:>7.2} ms",
        ms(percentile(&mut query, 50)),
        ms(percentile(&mut query, 99)),
        ms(percentile(&mut query, 100)),
    );
    for (name, samples, worst, prefix) in &mut stages {
        println!(
            "    of which {name:<12}         p50 {:>7.2} ms  p99 {:>7.2} ms  worst {:>7.2} ms (\"{prefix}\")",
            ms(percentile(samples, 50)),
            ms(percentile(samples, 99)),
            ms(*worst),
        );
    }
    println!(
        "  keystroke in the app + frame     p50 {:>7.2} ms  p99 {:>7.2} ms  worst {:>7.2} ms (\"{}\")",
        ms(percentile(&mut keystroke, 50)),
        ms(percentile(&mut keystroke, 99)),
        ms(worst.0),
        worst.1
    );
    println!(
        "    of which the update (requery, panes, map)  p50 {:>7.2} ms  p99 {:>7.2} ms",
        ms(percentile(&mut updates, 50)),
        ms(percentile(&mut updates, 99)),
    );
}

/// How long after it arrives the next key is answered when typed faster
/// than the query: every prefix of every word in [`TYPED`] is typed as
/// the event loop holds it, and its query is started with another key
/// arriving [`NEXT_KEY_AFTER`] later (from another thread, as the input
/// thread would). A query still running then is abandoned; the figure is
/// the time from the key's arrival to the app being free to take it.
fn giving_way(state: &mut AppState) {
    use frontlog::interrupt::Keys;
    use frontlog::tui::action::{Action, Command, Edit};
    use frontlog::tui::update::update;
    use std::sync::Arc;
    let keys = Arc::new(Keys::default());
    state.keys = Some(Arc::clone(&keys));
    let (mut freed, mut full) = (Vec::new(), Vec::new());
    let mut given_up = 0;
    for word in TYPED {
        update(state, Action::Command(Command::ClearFilters));
        update(state, Action::Command(Command::TextFilter));
        for c in word.chars() {
            state.hold_requery = true;
            update(state, Action::Edit(Edit::Insert(c)));
            let sender = Arc::clone(&keys);
            let t = Instant::now();
            let arrival = std::thread::spawn(move || {
                std::thread::sleep(NEXT_KEY_AFTER);
                sender.sent();
                Instant::now()
            });
            state.release_typed_requery();
            let done = Instant::now();
            given_up += usize::from(state.requery_is_due());
            let arrived = arrival.join().expect("the key thread");
            if done > arrived {
                freed.push(done - arrived);
            } else {
                full.push(done - t);
            }
            // The key is taken; the query it held back runs in full.
            keys.taken();
            state.release_typed_requery();
        }
        update(state, Action::Edit(Edit::Cancel));
    }
    state.keys = None;
    println!(
        "\nthe next key arriving {} ms after each prefix's query starts: {} queries still running then ({} given up), {} done before it",
        NEXT_KEY_AFTER.as_millis(),
        freed.len(),
        given_up,
        full.len()
    );
    if !freed.is_empty() {
        println!(
            "  from the key's arrival to the app free  p50 {:>7.2} ms  p99 {:>7.2} ms  worst {:>7.2} ms",
            ms(percentile(&mut freed, 50)),
            ms(percentile(&mut freed, 99)),
            ms(percentile(&mut freed, 100)),
        );
    }
}

/// When the next key arrives after a query starts, in [`giving_way`].
const NEXT_KEY_AFTER: Duration = Duration::from_millis(2);

/// Generates articles and runs the pipeline on them until the store holds
/// a million events.
fn build_store(g: &'static Gazetteer) -> EventStore {
    let mut generator = Generator::new(42, g);
    let mut docs = Vec::new();
    let mut events = Vec::new();
    let mut index = 0;
    while events.len() < TARGET_EVENTS {
        let (more_docs, more_events) = extracted(&mut generator, index + 1..index + 2001, g);
        index += 2000;
        let base = docs.len() as u32;
        events.extend(more_events.into_iter().map(|mut e| {
            e.doc += base;
            e
        }));
        docs.extend(more_docs);
        if index > 250_000 {
            break; // the extractor finds few events: stop rather than loop forever
        }
    }
    let copies = std::env::var("FRONTLOG_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map_or(1, |n| n.div_ceil(events.len().max(1)).max(1));
    if copies > 1 {
        tile(&mut docs, &mut events, copies);
    }
    EventStore::from_parts(docs, events, g)
}

/// Makes `copies` copies in all of the generated articles and their events
/// (for `FRONTLOG_BENCH_EVENTS` beyond what generating and extracting can
/// make in minutes): copy `k` is moved 28·k years later, so that weekdays
/// and leap days fall as in the original, and its articles get ids of
/// their own.
fn tile(
    docs: &mut Vec<frontlog::corpus::Document>,
    events: &mut Vec<frontlog::extract::Event>,
    copies: usize,
) {
    use chrono::Datelike;
    let shift = |d: chrono::NaiveDate, years: i32| d.with_year(d.year() + years).unwrap_or(d);
    let (base_docs, base_events) = (docs.clone(), events.clone());
    for k in 1..copies {
        let years = 28 * k as i32;
        let offset = docs.len() as u32;
        docs.extend(base_docs.iter().map(|d| {
            let mut d = d.clone();
            d.id = format!("{}~{k}", d.id);
            d.published.value = d.published.value.map(|p| shift(p, years));
            d
        }));
        events.extend(base_events.iter().map(|e| {
            let mut e = e.clone();
            e.doc += offset;
            e.date.first = shift(e.date.first, years);
            e.date.last = shift(e.date.last, years);
            e
        }));
    }
}

fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    samples.sort_unstable();
    samples[(samples.len() * p / 100).min(samples.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
