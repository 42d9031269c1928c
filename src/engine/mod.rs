//! frontlog's extraction as the steps of a distributed engine's pipeline
//! (Ray Data, Spark): what `python/` exposes to Python and what
//! `engine/pipeline.py` runs, and the reading back of the pipeline's
//! output as a store ([`shards`]).
//!
//! Extraction is a pure function per file, so it is a map step
//! ([`extract`]): a file's path relative to the corpus and its bytes give
//! its [`Outcome`] (the articles, their events, their line keys), the very
//! value a local read puts in the parse cache. What needs the whole corpus
//! is done the way an engine does it:
//! - page furniture repeated across files: each article's line keys
//!   ([`line_keys`]) are grouped by key by the engine, and a key is judged
//!   ([`is_furniture`]) from its group's count and publication days;
//! - article ids: a stem taken by an earlier file gives way to the relative
//!   path ([`unique_ids`]), worked out on the driver from the ids alone;
//! - clusters: left to frontlog, which clusters the store it opens from the
//!   shards (the event rows carry no cluster).
//!
//! [`event_rows`] then turns outcomes into the events of the export table
//! ([`crate::export::table::COLUMNS`]), with the same stable ids as the
//! local store.
//!
//! Outcomes travel as postcard bytes ([`encode`]): they are read back only
//! by the same build of frontlog ([`build_id`]).

#[cfg(feature = "parquet")]
pub mod shards;

use std::collections::HashSet;
use std::path::Path;

use rustc_hash::FxHashSet;

use crate::corpus::{self, Problem};
use crate::ingest::{Batch, Intake, Outcome, repeated};
use crate::store::EventStore;

/// Whether `dir` is a pipeline's output folder (it holds [`MARKER`]).
pub fn is_shards(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
}

/// Opens a pipeline's output folder as a clustered store ([`shards`]).
/// A `manifest` given is not applied (the articles were read with the
/// pipeline's): a problem says so.
///
/// # Errors
/// As [`shards::open`]; and always in a build without the `parquet`
/// feature, which cannot read Parquet.
pub fn open_shards(
    dir: &Path,
    manifest: Option<&Path>,
    progress: &crate::ingest::Progress,
) -> Result<crate::ingest::Opened, String> {
    #[cfg(feature = "parquet")]
    {
        let mut opened =
            crate::ingest::caught(|| shards::open(dir, progress)).map_err(|what| {
                format!(
                    "frontlog failed reading the shards in {} (a bug; please report it): {what}",
                    dir.display()
                )
            })??;
        if let Some(m) = manifest {
            opened.problems.insert(
                0,
                Problem::new(
                    m,
                    "not applied: the engine pipeline read the articles with the manifest it was given (see frontlog-shards.toml)",
                ),
            );
        }
        Ok(opened)
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (progress, manifest);
        Err(format!(
            "{} holds an engine pipeline's shards, and {}",
            dir.display(),
            crate::export::parquet::UNAVAILABLE
        ))
    }
}

/// Checks, before any shard is read, that the pipeline output folder `dir`
/// can be opened: its marker is readable and was written by this build,
/// and it holds shards.
///
/// # Errors
/// As [`shards::check`]; and always without the `parquet` feature.
pub fn check_shards(dir: &Path) -> Result<(), String> {
    #[cfg(feature = "parquet")]
    {
        shards::check(dir)
    }
    #[cfg(not(feature = "parquet"))]
    {
        open_shards(dir, None, &crate::ingest::Progress::default()).map(|_| ())
    }
}

/// The name of the file that marks a folder as a pipeline's output and
/// says which build wrote it and which corpus it holds.
pub const MARKER: &str = "frontlog-shards.toml";

/// The identity of this build's outcome encoding: the version and a hash
/// of the sources it was built from (computed by `build.rs`), the same in
/// the `frontlog` binary and the Python module built from one checkout.
/// Shards of another build are refused rather than misread.
pub fn build_id() -> String {
    format!(
        "{}-{}",
        env!("CARGO_PKG_VERSION"),
        env!("FRONTLOG_SOURCE_ID")
    )
}

/// A corpus as a worker sees it: its folder (naming the files) and its
/// manifest (`manifest`, else the folder's `manifest.toml` when there is
/// one, as a local read takes it), without listing the folder.
///
/// # Errors
/// The manifest cannot be read or parsed (the message names the file).
pub fn corpus(root: &Path, manifest: Option<&Path>) -> Result<corpus::Plan, String> {
    let default = root.join("manifest.toml");
    let manifest = manifest.or_else(|| default.is_file().then_some(default.as_path()));
    Ok(corpus::Plan {
        root: root.to_path_buf(),
        manifest: match manifest {
            Some(path) => corpus::Manifest::load(path)?,
            None => corpus::Manifest::default(),
        },
        files: Vec::new(),
        problems: Vec::new(),
    })
}

/// The files of a corpus folder, relative to it and sorted, as frontlog
/// would read them, with the entries skipped while listing.
///
/// # Errors
/// As [`corpus::plan`].
pub fn list(root: &Path, manifest: Option<&Path>) -> Result<(Vec<String>, Vec<Problem>), String> {
    let plan = corpus::plan(root, manifest)?;
    let files = plan
        .files
        .iter()
        .map(|p| relative_name(plan.relative(p)))
        .collect();
    Ok((files, plan.problems))
}

/// A relative path as the pipeline names it: `/`-separated (a backslash
/// is a separator only on Windows; elsewhere it is part of a name).
fn relative_name(p: &Path) -> String {
    let name = p.to_string_lossy();
    if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.into_owned()
    }
}

/// The map step: the outcome of the file `relative` (a path relative to
/// `plan.root`, as [`list`] names it), read from storage this worker sees
/// exactly as a local read reads it (the same readers, streaming of big
/// dumps, and messages). Never fails: an unreadable file is an
/// [`Outcome::Skipped`] with its reason.
pub fn extract_file(plan: &corpus::Plan, relative: &str) -> Outcome {
    crate::ingest::process(plan, &plan.root.join(relative))
}

/// The map step for a file whose bytes travel with it (`bytes`; an engine
/// that does not share storage). The same as [`extract_file`] but that a
/// JSON Lines dump or a Telegram export is decoded whole rather than
/// streamed: a dump whose lines are in different encodings may read
/// differently. Never fails.
pub fn extract(plan: &corpus::Plan, relative: &str, bytes: &[u8]) -> Outcome {
    crate::ingest::process_bytes(plan, &plan.root.join(relative), bytes)
}

/// An outcome as bytes (postcard).
pub fn encode(outcome: &Outcome) -> Vec<u8> {
    crate::ingest::cache::serialize(outcome)
}

/// An outcome from [`encode`]'s bytes.
///
/// # Errors
/// The bytes are not an outcome of this build.
pub fn decode(bytes: &[u8]) -> Result<Outcome, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("not an outcome of this frontlog build: {e}"))
}

/// The article ids of an outcome, in file order (none for a skipped file).
pub fn article_ids(outcome: &Outcome) -> Vec<String> {
    match outcome {
        Outcome::Read { articles, .. } => articles.iter().map(|a| a.doc.id.clone()).collect(),
        Outcome::Skipped(_) => Vec::new(),
    }
}

/// The final article ids of a corpus's files, given in path order as
/// (relative path, ids of its articles): an id an earlier article took
/// becomes the relative path without its extension (`#n` kept), as a local
/// read names it.
pub fn unique_ids(files: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    let mut taken = HashSet::new();
    files
        .iter()
        .map(|(relative, ids)| {
            ids.iter()
                .map(|id| crate::ingest::unique_id(&mut taken, Path::new(relative), id.clone()))
                .collect()
        })
        .collect()
}

/// One line of an article, for the furniture step: its key, the article's
/// publication day (days from the common era) and whether it reads as
/// story prose. Each key comes once per article.
pub type LineKey = (u64, Option<i32>, bool);

/// The line keys of every article of an outcome.
pub fn line_keys(outcome: &Outcome) -> Vec<LineKey> {
    match outcome {
        Outcome::Read { articles, .. } => articles.iter().flat_map(|a| a.keys.rows()).collect(),
        Outcome::Skipped(_) => Vec::new(),
    }
}

/// The fewest articles a line must be found in to be furniture: a key
/// found in fewer can be dropped before the counts of several workers are
/// summed.
pub const MIN_ARTICLES: u32 = repeated::MIN_FILES;

/// Whether a line found in `files` articles published between `first_day`
/// and `last_day` is page furniture ([`repeated`]'s rule).
pub fn is_furniture(
    files: u32,
    first_day: Option<i32>,
    last_day: Option<i32>,
    prose: bool,
) -> bool {
    repeated::judge(files, first_day, last_day, prose)
}

/// Outcomes of files (relative path, outcome, final article ids) in path
/// order, made into a store with the furniture lines `furniture` left out
/// (not clustered). The files are named under `root`.
pub fn store_of(
    root: &Path,
    files: Vec<(String, Outcome, Option<Vec<String>>)>,
    furniture: &FxHashSet<u64>,
) -> (EventStore, Vec<Problem>) {
    let plan = corpus::Plan {
        root: root.to_path_buf(),
        ..corpus::Plan::default()
    };
    let mut intake = Intake::default();
    let mut batch = Batch::default();
    for (relative, mut outcome, ids) in files {
        if let (Outcome::Read { articles, .. }, Some(ids)) = (&mut outcome, ids) {
            for (a, id) in articles.iter_mut().zip(ids) {
                a.doc.id = id;
            }
        }
        intake.take(&plan, &root.join(&relative), outcome, &mut batch);
    }
    let (store, _) = batch.into_new_store(&intake.tally.finish_with(furniture));
    (store, intake.problems)
}

/// The events of some files as rows of the export table
/// ([`crate::export::table::COLUMNS`]), in the store's chronological
/// order: one `Vec` of cells per event. `timestamp` fills ACLED's
/// `timestamp` (Unix seconds). The cluster columns are empty: clusters
/// are the whole corpus's.
pub fn event_rows(
    store: &EventStore,
    timestamp: i64,
) -> Vec<Vec<crate::export::table::Value<'static>>> {
    use crate::export::table::{Row, Value, cells};
    let all: Vec<u32> = (0..store.events().len() as u32).collect();
    crate::export::record::records_iter(store, &all)
        .map(|record| {
            cells(&Row {
                record: &record,
                timestamp,
            })
            .into_iter()
            .map(Value::into_owned)
            .collect()
        })
        .collect()
}
