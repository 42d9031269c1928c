//! `frontlog stats`: what a corpus holds (articles, events, outlets, places,
//! skipped files) and how long it took to read, from the cache or not.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Instant;

use frontlog::cputime;
use frontlog::ingest;

use super::{Failure, corpus_and_manifest, warn_problems, warn_undated};

/// Reads the corpus and prints its figures on standard output.
pub fn run(
    corpus: Option<&Path>,
    manifest: Option<&Path>,
    config: Option<&Path>,
    no_cache: bool,
) -> Result<(), Failure> {
    let (root, manifest) = corpus_and_manifest(corpus, manifest, config)?;
    let manifest = manifest.as_deref();
    let options = if no_cache {
        ingest::Options::default()
    } else {
        ingest::Options::with_default_cache()
    };
    let progress = ingest::Progress::default();
    let started = Instant::now();
    let opened = ingest::open_with(&root, manifest, &options, &progress)?;
    let seconds = started.elapsed().as_secs_f64();
    warn_problems(&opened.problems);
    let store = &opened.store;
    let undated = frontlog::undated::Undated::of(store);
    warn_undated(&undated);
    let bytes: usize = store
        .documents()
        .iter()
        .map(|d| d.text_bytes() as usize)
        .sum();
    let files = progress.done.load(Ordering::Relaxed);
    let dated = store
        .documents()
        .iter()
        .filter(|d| d.published.value.is_some())
        .count();
    println!("corpus      {}", root.display());
    println!(
        "articles    {} ({} with a publication date)",
        store.documents().len(),
        dated
    );
    if let Some(s) = undated.summary() {
        println!("undated     {s}");
    }
    println!("events      {}", store.events().len());
    println!("outlets     {}", store.sources().len());
    println!("places      {}", store.regions_present().count());
    match opened.problems.len() {
        0 => println!("problems    0"),
        n => println!(
            "problems    {n} (files skipped, read with a warning, or cache trouble: listed above)"
        ),
    }
    let kept: usize = store.documents().iter().map(|d| d.text.len()).sum();
    println!(
        "text        {:.2} MB ({:.2} MB of it kept: headlines, openings and the events' paragraphs)",
        bytes as f64 / 1e6,
        kept as f64 / 1e6
    );
    let origin = if progress.from_snapshot.load(Ordering::Relaxed) {
        "all from the store snapshot".to_owned()
    } else {
        format!("{} from the cache", progress.cached.load(Ordering::Relaxed))
    };
    println!(
        "read in     {seconds:.3} s ({:.1} MB/s, {:.0} files/s, {origin})",
        bytes as f64 / 1e6 / seconds.max(1e-9),
        files as f64 / seconds.max(1e-9),
    );
    if let Ok(stages) = progress.stages.lock() {
        for (name, took) in stages.iter() {
            println!("  {:>8.3} s  {name}", took.as_secs_f64());
        }
    }
    print_cpu_breakdown(&cputime::Breakdown::take());
    print_footprint(&frontlog::store::footprint::Footprint::of(store), bytes);
    let clusters = store.clusters().all();
    let several = clusters.iter().filter(|c| c.members.len() > 1).count();
    let micros = progress.clustering_micros.load(Ordering::Relaxed);
    println!(
        "clusters    {} ({several} told by more than one report), {} in {:.3} s",
        clusters.len(),
        if progress.from_snapshot.load(Ordering::Relaxed) {
            "from the snapshot"
        } else if progress.clusters_cached.load(Ordering::Relaxed) {
            "from the cache"
        } else {
            "clustered"
        },
        micros as f64 / 1e6
    );
    // The process ends here: freeing a large store piece by piece would
    // only delay the exit.
    std::mem::forget(opened);
    Ok(())
}

/// Prints the CPU time of each stage of the articles read and extracted
/// (not taken from a cache), summed over every thread, with its share.
fn print_cpu_breakdown(b: &cputime::Breakdown) {
    if b.is_empty() {
        return;
    }
    let total = b.total().as_secs_f64().max(1e-9);
    println!(
        "cpu time    {:.3} s reading and extracting, summed over every thread:",
        total
    );
    let line = |took: std::time::Duration, label: &str| {
        let s = took.as_secs_f64();
        println!("  {s:>8.3} s {:>5.1}%  {label}", 100.0 * s / total);
    };
    for stage in cputime::STAGES.into_iter().filter(|s| s.parent().is_none()) {
        let inside: Vec<_> = cputime::STAGES
            .into_iter()
            .filter(|s| s.parent() == Some(stage))
            .collect();
        if inside.is_empty() {
            line(b.of(stage), stage.label());
            continue;
        }
        for sub in inside {
            line(b.of(sub), &format!("{}: {}", stage.label(), sub.label()));
        }
        line(
            b.rest(stage),
            &format!("{}: {}", stage.label(), stage.rest_label()),
        );
    }
}

/// Prints what the store holds in memory, part by part, against the
/// corpus's `bytes` of article text.
fn print_footprint(f: &frontlog::store::footprint::Footprint, bytes: usize) {
    let mb = |b: usize| b as f64 / 1e6;
    println!(
        "memory      {:.1} MB held by the store ({:.2} MB per MB of article text), of it:",
        mb(f.total()),
        f.total() as f64 / (bytes.max(1)) as f64
    );
    for (part, b) in &f.parts {
        println!("  {:>8.1} MB  {part}", mb(*b));
    }
    match f.text_index {
        Some(b) => println!("  {:>8.1} MB  text index", mb(b)),
        None => println!("         -     text index (the app builds it; stats does not)"),
    }
}
