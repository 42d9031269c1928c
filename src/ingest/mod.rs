//! Opening a corpus: listing the folder, reading and extracting every
//! article in parallel (or taking it from the cache when the file has not
//! changed), and handing the results over in batches so that a caller can
//! show the first ones while the rest are read.

pub mod background;
pub mod cache;
pub mod cluster_cache;
pub mod compact;
mod intake;
pub mod repeated;
pub mod snapshot;

pub use background::{Loaded, Loader, spawn};
pub use intake::{Intake, unique_id};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::{self, Document, Problem};
use crate::cputime::{self, Stage};
use crate::extract::{self, Event};
use crate::places::Gazetteer;
use crate::store::{self, EventStore};

/// The demo corpus shipped with the project, used when no folder is given.
pub fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("corpus")
}

/// How to open a corpus.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Folder of the parse cache; `None` reads every file afresh and keeps no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Options {
    /// Options with the cache in its usual place ([`cache::default_dir`]).
    pub fn with_default_cache() -> Options {
        Options {
            cache_dir: cache::default_dir(),
        }
    }
}

/// Counters another thread can read while a corpus opens.
#[derive(Debug, Default)]
pub struct Progress {
    /// Article files found.
    pub total: AtomicUsize,
    /// Article files handled so far (read, taken from the cache, or skipped).
    pub done: AtomicUsize,
    /// Of those, taken from the cache.
    pub cached: AtomicUsize,
    /// Time spent clustering the events, in microseconds (0 until done).
    pub clustering_micros: std::sync::atomic::AtomicU64,
    /// Whether the clusters came from the cluster cache.
    pub clusters_cached: std::sync::atomic::AtomicBool,
    /// Whether the whole store came from the store snapshot
    /// ([`snapshot`]): nothing was read, sorted or clustered.
    pub from_snapshot: std::sync::atomic::AtomicBool,
    /// Whether the store snapshot is being read now.
    pub opening_snapshot: std::sync::atomic::AtomicBool,
    /// How long each stage of opening the corpus took, in the order they
    /// ran (wall-clock time; `frontlog stats` prints them).
    pub stages: std::sync::Mutex<Vec<(&'static str, std::time::Duration)>>,
}

/// Articles read together, with their events. Event `doc` fields index
/// into `docs`.
#[derive(Debug, Default)]
pub struct Batch {
    /// Articles.
    pub docs: Vec<Document>,
    /// Their events, in no particular order.
    pub events: Vec<Event>,
    /// The text filter's form of each event's text ([`store::folded_text`]),
    /// worked out by the reader threads so that the store need not.
    pub folded: Vec<String>,
}

impl Batch {
    /// Appends another batch, re-numbering its events' articles.
    pub fn append(&mut self, other: Batch) {
        let base = self.docs.len() as u32;
        self.docs.extend(other.docs);
        self.events.extend(other.events.into_iter().map(|mut e| {
            e.doc += base;
            e
        }));
        self.folded.extend(other.folded);
    }

    /// Whether the batch holds no article.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Drops the events of lines judged page furniture across the corpus;
    /// returns how many went. The batch must hold the corpus from its first
    /// article on (article indexes are those of the store).
    pub fn retire(&mut self, repeated: &repeated::Repeated) -> usize {
        if repeated.is_empty() {
            return 0;
        }
        let keep: Vec<bool> = self.events.iter().map(|e| !repeated.holds(e)).collect();
        let mut k = keep.iter();
        self.events.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        self.folded.retain(|_| *k.next().unwrap_or(&true));
        keep.iter().filter(|k| !**k).count()
    }

    /// Adds the batch to a store; returns where the store's old events and
    /// outlets went.
    pub fn into_store(self, store: &mut EventStore) -> crate::store::Remap {
        store.extend_folded(self.docs, self.events, self.folded)
    }

    /// The whole corpus's batch (from its first article on) made into a new
    /// store, the events of the furniture lines `repeated` left out; with
    /// how many went.
    pub fn into_new_store(mut self, repeated: &repeated::Repeated) -> (EventStore, usize) {
        let gone = self.retire(repeated);
        let mut store = EventStore::new(Gazetteer::builtin());
        self.into_store(&mut store);
        (store, gone)
    }
}

/// A corpus read into a store, with the files that were skipped.
#[derive(Debug)]
pub struct Opened {
    /// The events of every readable article.
    pub store: EventStore,
    /// Files skipped or read with a warning, and cache trouble.
    pub problems: Vec<Problem>,
}

/// Files read per batch: small enough for the first batch to show at once,
/// large enough to keep every core busy.
const BATCH_FILES: usize = 256;

/// Lists a corpus's files ([`corpus::plan`]) while the gazetteer is built
/// on another thread: a reopen from the cache needs it only at the end, so
/// its build overlaps the folder walk and the cache reads.
pub fn plan(root: &Path, manifest: Option<&Path>) -> Result<corpus::Plan, String> {
    rayon::spawn(|| {
        Gazetteer::builtin();
    });
    corpus::plan(root, manifest)
}

/// Reads a corpus folder and extracts its events, with the default cache.
/// Fails only on a missing folder or a bad manifest (the message names the
/// file, line and key).
pub fn open(root: &Path, manifest: Option<&Path>) -> Result<Opened, String> {
    open_with(
        root,
        manifest,
        &Options::with_default_cache(),
        &Progress::default(),
    )
}

/// Like [`open`], with explicit options and progress counters.
pub fn open_with(
    root: &Path,
    manifest: Option<&Path>,
    options: &Options,
    progress: &Progress,
) -> Result<Opened, String> {
    if crate::engine::is_shards(root) {
        return crate::engine::open_shards(root, manifest, progress);
    }
    let started = std::time::Instant::now();
    let plan = plan(root, manifest)?;
    progress.stage("list the folder and read the manifest", started);
    Ok(open_plan(&plan, manifest, options, progress, || {}))
}

/// Reads a listed corpus into a store, calling `after_batch` after each
/// batch (to move a progress bar, say).
pub fn open_plan(
    plan: &corpus::Plan,
    manifest: Option<&Path>,
    options: &Options,
    progress: &Progress,
    mut after_batch: impl FnMut(),
) -> Opened {
    let mut problems = plan.problems.clone();
    if let Some(dir) = &options.cache_dir
        && let Some(store) = snapshot::open(dir, plan, manifest, progress, &mut problems)
    {
        after_batch();
        return Opened {
            store: *store,
            problems,
        };
    }
    let mut all = Batch::default();
    let started = std::time::Instant::now();
    let streamed = stream_plan(plan, manifest, options, progress, |batch| {
        all.append(batch);
        after_batch();
    });
    progress.stage(
        "read and extract the files (or their cache records)",
        started,
    );
    let started = std::time::Instant::now();
    problems.extend(streamed.problems);
    let (mut store, gone) = all.into_new_store(&streamed.repeated);
    problems.extend(repeated_notice(&plan.root, &streamed.repeated, gone));
    progress.stage("drop furniture, sort and index the events", started);
    let started = std::time::Instant::now();
    let (problem, cached) = cluster_cache::cluster(
        &mut store,
        options.cache_dir.as_deref(),
        &plan.root,
        manifest,
    );
    problems.extend(problem);
    progress
        .clustering_micros
        .store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    progress.clusters_cached.store(cached, Ordering::Relaxed);
    progress.stage("cluster (or read the cluster cache)", started);
    if let (Some(dir), Some(files)) = (&options.cache_dir, streamed.files) {
        let started = std::time::Instant::now();
        let load_problems = without_cache_trouble(&problems[plan.problems.len()..], dir);
        let never = std::sync::atomic::AtomicBool::new(false);
        let written = snapshot::write(
            dir,
            &plan.root,
            manifest,
            files,
            &store,
            &load_problems,
            &never,
        );
        if let Err(e) = written {
            problems.push(Problem::new(dir, e));
        }
        progress.stage("write the store snapshot", started);
    }
    Opened { store, problems }
}

impl Progress {
    /// Records that a stage took from `started` until now.
    pub fn stage(&self, name: &'static str, started: std::time::Instant) {
        if let Ok(mut stages) = self.stages.lock() {
            stages.push((name, started.elapsed()));
        }
    }

    /// Records that the whole store of `files` article files came from the
    /// snapshot.
    pub fn snapshot_hit(&self, files: usize) {
        self.total.store(files, Ordering::Relaxed);
        self.done.store(files, Ordering::Relaxed);
        self.cached.store(files, Ordering::Relaxed);
        self.clusters_cached.store(true, Ordering::Relaxed);
        self.from_snapshot.store(true, Ordering::Relaxed);
    }
}

/// The problems of a load worth showing again when its snapshot is
/// reopened: those of the articles, not those of the caches in `dir`.
pub fn without_cache_trouble(problems: &[Problem], dir: &Path) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| !p.path.starts_with(dir))
        .cloned()
        .collect()
}

/// The outcome of one file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    /// Read: its articles (one for a text file, many for a dump or a feed)
    /// and the warnings about a file that was still read.
    Read {
        /// The articles, in file order.
        articles: Vec<Article>,
        /// Warnings about a file that was still read.
        warnings: Vec<Problem>,
    },
    /// Skipped, and why.
    Skipped(Problem),
}

/// One article of a file, with its events (whose `doc` is 0).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// The article.
    pub doc: Box<Document>,
    /// Its events.
    pub events: Vec<Event>,
    /// The text filter's form of each event's text.
    pub folded: Vec<String>,
    /// The keys of its lines, taken from its whole text, for the furniture
    /// repeated across files ([`repeated`]).
    pub keys: repeated::LineKeys,
}

/// Reads and extracts one file. A fault of ours on one file (a panic) is
/// that file's problem, reported like any unreadable file: the other files
/// are still read.
pub fn process(plan: &corpus::Plan, path: &Path) -> Outcome {
    contained(path, || read_and_extract(plan, path))
}

/// [`process`] for a file whose bytes are already read (an engine's map
/// step, [`crate::engine`]): `path` names the file (under `plan.root`) and
/// its extension hints at the format.
pub fn process_bytes(plan: &corpus::Plan, path: &Path, bytes: &[u8]) -> Outcome {
    contained(path, || {
        let mut warnings = Vec::new();
        let relative = plan.relative(path);
        match corpus::documents_of_bytes(
            path,
            relative,
            bytes,
            plan.manifest.get(relative),
            &mut warnings,
        ) {
            Ok(docs) => Outcome::Read {
                articles: docs.into_par_iter().map(article_of).collect(),
                warnings,
            },
            Err(problem) => Outcome::Skipped(problem),
        }
    })
}

/// Runs `work` on the file at `path`, a panic in it (a fault of ours)
/// becoming the file's problem.
fn contained(path: &Path, work: impl FnOnce() -> Outcome) -> Outcome {
    caught(work).unwrap_or_else(|what| {
        Outcome::Skipped(Problem::new(
            path,
            format!("skipped: frontlog failed on this file (a bug; please report it): {what}"),
        ))
    })
}

/// Runs `work`, a panic in it (a fault of ours) coming back as its
/// message, quietly: the panic hook of [`quiet_contained_panics`] leaves
/// the terminal alone for it.
pub fn caught<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was = CONTAINED.with(|c| c.replace(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    CONTAINED.with(|c| c.set(was));
    outcome.map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "unknown fault".to_owned())
    })
}

thread_local! {
    /// Whether this thread is inside [`process`], whose panics are caught.
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic now happening will be caught by [`process`] and reported
/// as that file's problem: a panic hook should then stay quiet (and leave
/// the terminal as it is).
pub fn panic_is_contained() -> bool {
    CONTAINED.with(std::cell::Cell::get)
}

/// Installs a panic hook that stays quiet for the panics [`process`]
/// catches and leaves the others to the hook that was there.
pub fn quiet_contained_panics() {
    let inner = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !panic_is_contained() {
            inner(info);
        }
    }));
}

/// Fault injection for the tests: the file name in `FRONTLOG_FAULT_PANIC`
/// makes [`process`] panic on that file, as a bug would.
fn injected_fault(path: &Path) -> bool {
    static NAME: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    NAME.get_or_init(|| std::env::var_os("FRONTLOG_FAULT_PANIC"))
        .as_deref()
        .is_some_and(|n| path.file_name() == Some(n))
}

fn read_and_extract(plan: &corpus::Plan, path: &Path) -> Outcome {
    if injected_fault(path) {
        panic!("injected fault (FRONTLOG_FAULT_PANIC)");
    }
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    // Reading is this thread's time outside extraction.
    let started = std::time::Instant::now();
    let mut extracting = std::time::Duration::ZERO;
    // Chunks of a big file (a JSON Lines dump) are extracted in parallel
    // while the next ones are read.
    let read = plan.read_in_chunks(path, &mut warnings, EXTRACT_CHUNK, |docs| {
        let started = std::time::Instant::now();
        articles.par_extend(docs.into_par_iter().map(article_of));
        extracting += started.elapsed();
    });
    cputime::add(Stage::Read, started.elapsed().saturating_sub(extracting));
    match read {
        Ok(()) => Outcome::Read { articles, warnings },
        Err(problem) => Outcome::Skipped(problem),
    }
}

/// Extracts one document's events. It may run on another worker thread
/// than [`process`]'s, so it marks that thread's panics as contained too
/// (rayon hands them back to [`process`]).
fn article_of(mut doc: corpus::Document) -> Article {
    let was = CONTAINED.with(|c| c.replace(true));
    // The first articles wait here for the gazetteer's build: no stage's time.
    let gazetteer = Gazetteer::builtin();
    let mut events = cputime::time(Stage::Extract, || extract::extract(&doc, 0, gazetteer));
    let folded = cputime::time(Stage::Fold, || {
        events.iter().map(|e| store::folded_text(e, &doc)).collect()
    });
    let mut keys = cputime::time(Stage::LineKeys, || repeated::keys(&doc));
    cputime::time(Stage::Compact, || {
        compact::compact(&mut doc, &mut events, &mut keys)
    });
    CONTAINED.with(|c| c.set(was));
    Article {
        doc: Box::new(doc),
        events,
        folded,
        keys,
    }
}

/// How many articles of one file are extracted together.
const EXTRACT_CHUNK: usize = 256;

/// Opens a corpus and hands its articles to `sink` batch by batch, in path
/// order. Returns every problem met.
pub fn stream(
    root: &Path,
    manifest: Option<&Path>,
    options: &Options,
    progress: &Progress,
    sink: impl FnMut(Batch),
) -> Result<Vec<Problem>, String> {
    let plan = plan(root, manifest)?;
    let mut problems = plan.problems.clone();
    problems.extend(stream_plan(&plan, manifest, options, progress, sink).problems);
    Ok(problems)
}

/// The problems-view line that says what repetition left out, when it
/// left out any of the `events` (how many events went).
pub fn repeated_notice(
    root: &Path,
    repeated: &repeated::Repeated,
    events: usize,
) -> Option<Problem> {
    if events == 0 {
        return None;
    }
    let what = format!(
        "{events} dated sentence{} left out",
        if events == 1 { " was" } else { "s were" }
    );
    Some(Problem::new(
        root,
        format!(
            "{} line{} recur in {} or more files (menus, sidebars, teasers, promos): {what} as page furniture",
            repeated.lines,
            if repeated.lines == 1 { "" } else { "s" },
            repeated::MIN_FILES
        ),
    ))
}

/// Like [`stream`], for a corpus already listed (so that its errors could
/// be reported first). `manifest` is the manifest path given by the user,
/// part of the cache's key. Also returns the lines that recur across files
/// ([`repeated`]): the caller drops their events from what it was handed.
pub fn stream_plan(
    plan: &corpus::Plan,
    manifest: Option<&Path>,
    options: &Options,
    progress: &Progress,
    mut sink: impl FnMut(Batch),
) -> Streamed {
    let root = plan.root.as_path();
    progress.total.store(plan.files.len(), Ordering::Relaxed);
    let mut problems = Vec::new();
    let mut files = snapshot::Files::with_capacity(plan.files.len());
    let mut cache = match &options.cache_dir {
        Some(dir) => {
            let (cache, warning) = cache::Cache::load(dir, root, manifest);
            problems.extend(warning);
            Some(cache)
        }
        None => None,
    };
    let mut intake = Intake::default();
    for chunk in plan.files.chunks(BATCH_FILES) {
        type Result = (
            Outcome,
            Option<cache::FileKey>,
            Option<(cache::FileKey, cache::Record)>,
        );
        let results: Vec<Result> = chunk
            .par_iter()
            .map(|path| {
                let relative = plan.relative(path);
                let key = cache::FileKey::of(path, plan.manifest.get(relative));
                let (outcome, record) = match (&cache, key) {
                    (Some(c), Some(key)) => match c.get(relative, key) {
                        Some((outcome, i)) => {
                            progress.cached.fetch_add(1, Ordering::Relaxed);
                            (outcome, Some((key, cache::Record::Kept(i))))
                        }
                        None => {
                            let outcome = process(plan, path);
                            let bytes =
                                cputime::time(Stage::CacheEncode, || cache::serialize(&outcome));
                            (outcome, Some((key, cache::Record::Fresh(bytes))))
                        }
                    },
                    _ => (process(plan, path), None),
                };
                progress.done.fetch_add(1, Ordering::Relaxed);
                (outcome, key, record)
            })
            .collect();
        let mut batch = Batch::default();
        for (path, (outcome, key, record)) in chunk.iter().zip(results) {
            files.push((plan.relative(path).to_string_lossy().into_owned(), key));
            if let (Some(c), Some((key, record))) = (cache.as_mut(), record)
                && let Err(e) = c.put(plan.relative(path), key, record)
            {
                // The cache cannot be written (a full disk, say): go on without it.
                problems.push(Problem::new(&c.path, e));
                cache = None;
            }
            intake.take(plan, path, outcome, &mut batch);
        }
        sink(batch);
    }
    // A snapshot is kept only beside a parse cache that was written.
    let mut files = Some(files);
    match cache {
        Some(c) => {
            let path = c.path.clone();
            if let Err(e) = c.save() {
                problems.push(Problem::new(&path, e));
                files = None;
            }
        }
        None => files = None,
    }
    problems.extend(intake.problems);
    Streamed {
        problems,
        repeated: intake.tally.finish(),
        files,
    }
}

/// What [`stream_plan`] found beside the batches it handed on.
#[derive(Debug)]
pub struct Streamed {
    /// The problems met reading the files (not those of listing them).
    pub problems: Vec<Problem>,
    /// The lines that recur across the corpus: drop their events from the
    /// batches handed on.
    pub repeated: repeated::Repeated,
    /// The files read, with their keys, for the store snapshot; `None`
    /// without a parse cache (no snapshot is kept then).
    pub files: Option<snapshot::Files>,
}
