//! `cargo bench --bench query`: how fast a query cuts a slice of a store of
//! 1,000,000 events, per filter kind, as p50 and p99 over many queries.
//!
//! The store is built by the real pipeline (generator → parser → tagger →
//! geotagger → store) from generated articles, so that texts, dates and
//! places are shaped like the real thing. Each figure is the time of
//! `Query::run` and, beside it, of the run plus the facet counts the
//! terminal app shows (what one keystroke costs before drawing).

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use frontlog::corpus::document_from_text;
use frontlog::extract::extract;
use frontlog::places::Gazetteer;
use frontlog::query::{FacetMemo, Query};
use frontlog::store::EventStore;
use frontlog::synth::Generator;

const TARGET_EVENTS: usize = 1_000_000;

/// Draws a random query of one kind.
type MakeQuery<'a> = dyn Fn(&mut fastrand::Rng) -> Query + 'a;
const RUNS: usize = 200;

fn main() {
    let g = Gazetteer::builtin();
    let started = Instant::now();
    let store = build_store(g);
    println!(
        "store: {} events from {} generated articles, built in {:.1} s",
        store.events().len(),
        store.documents().len(),
        started.elapsed().as_secs_f64()
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
        "\n{:<14} {:>12} {:>12} {:>16} {:>16} {:>12}",
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
    for (name, make) in kinds {
        let mut run = Vec::with_capacity(RUNS);
        let mut with_counts = Vec::with_capacity(RUNS);
        let mut hits = 0usize;
        for _ in 0..RUNS {
            let q = make(&mut rng);
            let t = Instant::now();
            let slice = q.run(&store);
            run.push(t.elapsed());
            let t = Instant::now();
            let slice2 = q.run(&store);
            let _ = std::hint::black_box(q.facets(&store, &slice2, &mut FacetMemo::default()));
            with_counts.push(t.elapsed());
            hits += slice.len();
        }
        println!(
            "{name:<14} {:>9.2} ms {:>9.2} ms {:>13.2} ms {:>13.2} ms {:>12}",
            ms(percentile(&mut run, 50)),
            ms(percentile(&mut run, 99)),
            ms(percentile(&mut with_counts, 50)),
            ms(percentile(&mut with_counts, 99)),
            hits / RUNS
        );
    }
    println!(
        "\nmachine: {} cores; aim: p99 under 16 ms (one frame)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
}

/// Generates articles and runs the pipeline on them until the store holds
/// a million events.
fn build_store(g: &'static Gazetteer) -> EventStore {
    let mut generator = Generator::new(42, g);
    let mut docs = Vec::new();
    let mut events = Vec::new();
    let mut index = 0;
    while events.len() < TARGET_EVENTS {
        let articles: Vec<_> = (0..2000)
            .map(|_| {
                index += 1;
                generator.article(index)
            })
            .collect();
        let parsed: Vec<_> = articles
            .into_par_iter()
            .map(|a| {
                let doc = document_from_text(
                    a.path.clone(),
                    Path::new(&a.path),
                    a.text,
                    None,
                    &mut Vec::new(),
                );
                let evs = extract(&doc, 0, g);
                (doc, evs)
            })
            .collect();
        for (doc, evs) in parsed {
            let i = docs.len() as u32;
            events.extend(evs.into_iter().map(|mut e| {
                e.doc = i;
                e
            }));
            docs.push(doc);
        }
        if index > 250_000 {
            break; // the extractor finds few events: stop rather than loop forever
        }
    }
    EventStore::from_parts(docs, events, g)
}

fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    samples.sort_unstable();
    samples[(samples.len() * p / 100).min(samples.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
