//! `frontlog export`: the events of a corpus, filtered, as a Markdown
//! briefing, JSON, CSV, GeoJSON or Parquet ([`frontlog::export::render`],
//! which the app's export uses too), on standard output or in a file.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};

use frontlog::datefilter;
use frontlog::export::{self, write};
use frontlog::ingest;
use frontlog::kinds::{self, KindId};
use frontlog::query::Query;
use frontlog::regionname;
use frontlog::store::EventStore;

use super::{Failure, corpus_and_manifest, warn_problems, warn_undated};
use crate::cli::ExportArgs;

/// Runs the export.
pub fn run(args: ExportArgs, config: Option<&std::path::Path>) -> Result<(), Failure> {
    // Check the dates' form and the types before the (possibly long) read
    // of the corpus.
    for d in args.from.iter().chain(&args.to) {
        datefilter::parse_start(d, 2000).map_err(|e| format!("bad date: {e}"))?;
    }
    let kinds = parse_kinds(&args.kind)?;
    if !args.format.available() {
        return Err(Failure::usage(export::parquet::UNAVAILABLE));
    }
    let (root, manifest) =
        corpus_and_manifest(args.corpus.as_deref(), args.manifest.as_deref(), config)?;
    let options = if args.no_cache {
        ingest::Options::default()
    } else {
        ingest::Options::with_default_cache()
    };
    let (store, problems) = read_corpus(&root, manifest.as_deref(), &options)?;
    warn_problems(&problems);
    // Said once the export is written: a failed run has one line to say.
    let undated = frontlog::undated::Undated::of(&store);
    let mut query = build_query(&args, &store)?;
    query.kinds = kinds;
    let slice = query.slice(&store);
    if slice.events.is_empty() {
        let mut what = if query.is_empty() {
            "the corpus holds no event".to_owned()
        } else {
            format!("no event matches the filters ({})", query.describe(&store))
        };
        if !slice.coarser.is_empty() {
            what.push_str(&format!(
                "; {} known only to a coarser period overlap the dates (--include-coarser adds them)",
                slice.coarser.len()
            ));
        }
        // Undated articles may be why: their relative dates are not placed
        // (with --allow-empty they are said below, as for any export).
        if let Some(summary) = undated.summary().filter(|_| !args.allow_empty) {
            what.push_str(&format!("; {summary}"));
        }
        if !args.allow_empty {
            return Err(Failure {
                message: format!("{what}; nothing written (--allow-empty writes an empty export)"),
                code: 1,
            });
        }
        eprintln!("frontlog: warning: {what}; the export holds none");
    }
    // `-o -` is standard output, as for most command-line tools.
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    if output.is_none() && !args.format.is_text() && std::io::stdout().is_terminal() {
        return Err(Failure::usage(format!(
            "{} is binary: give a file with -o, or redirect standard output",
            args.format.label()
        )));
    }
    let now = chrono::Utc::now();
    // Written as it is made (JSON event by event), never whole in memory.
    let fill = |out: &mut dyn Write| export::write(&store, &query, &slice, args.format, now, out);
    let written = match output {
        Some(path) => write::write_atomic_with(path, args.force, fill),
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            fill(&mut out).and_then(|notes| {
                out.flush()
                    .map(|()| notes)
                    .map_err(|e| format!("cannot write to standard output: {e}"))
            })
        }
    };
    // The process ends after the write: freeing a large store piece by
    // piece would only delay the exit.
    std::mem::forget(store);
    let written = written.map_err(|message| Failure { message, code: 1 });
    if let Ok(notes) = &written {
        for note in notes {
            eprintln!("frontlog: {note}");
        }
        warn_undated(&undated);
    }
    written.map(|_| ())
}

/// Reads the corpus into a store, with a progress bar on standard error
/// when it is a terminal (and nothing otherwise).
fn read_corpus(
    root: &std::path::Path,
    manifest: Option<&std::path::Path>,
    options: &ingest::Options,
) -> Result<(EventStore, Vec<frontlog::corpus::Problem>), Failure> {
    if frontlog::engine::is_shards(root) {
        let opened = frontlog::engine::open_shards(root, manifest, &ingest::Progress::default())?;
        return Ok((opened.store, opened.problems));
    }
    let plan = ingest::plan(root, manifest)?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(plan.files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "reading {bar:30} {pos}/{len} files  {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = ingest::Progress::default();
    let opened = ingest::open_plan(&plan, manifest, options, &progress, || {
        if let Some(bar) = &bar {
            bar.set_position(progress.done.load(std::sync::atomic::Ordering::Relaxed) as u64);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok((opened.store, opened.problems))
}

/// Turns the filter arguments into a query on this store, naming the
/// closest known names when a region or outlet is unknown.
fn build_query(args: &ExportArgs, store: &EventStore) -> Result<Query, Failure> {
    let mut query = Query::default();
    let gazetteer = store.gazetteer();
    for name in &args.region {
        let choice = regionname::choose(store, name)
            .ok_or_else(|| unknown("region", name, &regionname::suggest(store, name, 3)))?;
        if let Some(note) = regionname::note(gazetteer, name, &choice) {
            eprintln!("frontlog: --region {note}");
        }
        query.regions.insert(choice.taken.id);
    }
    for name in &args.source {
        let id = store.source_id(name).ok_or_else(|| {
            let near = closest(name, store.sources(), 3);
            // None alike: when the outlets are few, name them all.
            if near.is_empty() && store.sources().len() <= LIST_ALL_SOURCES {
                return Failure::usage(format!(
                    "unknown source `{name}` (the outlets are: {})",
                    store.sources().join(", ")
                ));
            }
            unknown("source", name, &near)
        })?;
        query.sources.insert(id);
    }
    let year = datefilter::default_year(
        store
            .documents()
            .iter()
            .filter_map(|d| d.published.value)
            .chain(store.events().iter().map(|e| e.date.first)),
    );
    if let Some(f) = &args.from {
        query.from =
            Some(datefilter::parse_start(f, year).map_err(|e| format!("bad --from date: {e}"))?);
    }
    if let Some(t) = &args.to {
        query.to = Some(datefilter::parse_end(t, year).map_err(|e| format!("bad --to date: {e}"))?);
    }
    if let (Some(f), Some(t)) = (query.from, query.to)
        && f > t
    {
        return Err(Failure::usage(format!("--to ({t}) is before --from ({f})")));
    }
    query.text = args.query.clone().unwrap_or_default();
    query.include_coarser = args.include_coarser;
    Ok(query)
}

/// The types of `--type`, each a code of [`kinds::codes`]; an unknown
/// code is an error that lists the known ones.
fn parse_kinds(codes: &[String]) -> Result<BTreeSet<KindId>, Failure> {
    let mut out = BTreeSet::new();
    for code in codes {
        if code.trim().is_empty() {
            continue;
        }
        let kind = kinds::from_code(code).ok_or_else(|| {
            Failure::usage(format!(
                "unknown event type `{}` for --type (the types are: {})",
                code.trim(),
                kinds::codes().join(", ")
            ))
        })?;
        out.insert(kind);
    }
    Ok(out)
}

fn unknown(what: &str, name: &str, suggestions: &[String]) -> Failure {
    if suggestions.is_empty() {
        Failure::usage(format!("unknown {what} `{name}`"))
    } else {
        Failure::usage(format!(
            "unknown {what} `{name}` (did you mean {}?)",
            suggestions.join(", ")
        ))
    }
}

/// Most outlets an unknown `--source` lists when none is alike.
const LIST_ALL_SOURCES: usize = 12;

/// The `n` known names closest to `name`: those that hold it as a word's
/// start first ("fox" in "Fox News"), then by Jaro-Winkler on lower case.
fn closest(name: &str, known: &[String], n: usize) -> Vec<String> {
    let key = name.to_lowercase();
    let holds = |k: &str| {
        let k = k.to_lowercase();
        k.starts_with(&key) || k.contains(&format!(" {key}"))
    };
    let mut scored: Vec<(f64, &String)> = known
        .iter()
        .map(|k| {
            let bonus = if !key.is_empty() && holds(k) {
                1.0
            } else {
                0.0
            };
            (bonus + strsim::jaro_winkler(&key, &k.to_lowercase()), k)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .filter(|(s, _)| *s > 0.6)
        .take(n)
        .map(|(_, k)| k.clone())
        .collect()
}
