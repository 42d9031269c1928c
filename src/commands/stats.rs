//! `frontlog stats`: what a corpus holds (articles, events, outlets, places,
//! skipped files) and how long it took to read, from the cache or not.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Instant;

use frontlog::ingest;

use super::{Failure, corpus_and_manifest, warn_problems, warn_undated};

/// Reads the corpus and prints its figures on standard output.
pub fn run(corpus: Option<&Path>, manifest: Option<&Path>, no_cache: bool) -> Result<(), Failure> {
    let (root, manifest) = corpus_and_manifest(corpus, manifest)?;
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
