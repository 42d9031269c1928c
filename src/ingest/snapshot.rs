//! The store snapshot: the whole store of a corpus (its articles, its
//! events already sorted, their folded text and their clusters) in one
//! file, so that reopening an unchanged corpus neither decodes every
//! article's cache record nor sorts, folds, tallies furniture or clusters
//! again.
//!
//! One file per corpus beside the parse cache
//! (`$XDG_CACHE_HOME/frontlog/<corpus>-<hash>.snapshot`):
//!
//! - a header: magic, format, the build's fingerprint
//!   ([`super::cache::fingerprint`]), then the offset, length and CRC-32 of
//!   the index;
//! - chunks of articles and chunks of events (each chunk with its events'
//!   folded text), each a postcard blob with its own CRC-32, so that they
//!   are written and read on every core a few at a time;
//! - the index: every article file's path and [`FileKey`] when the store
//!   was read, the problems of that load, and where each chunk lies.
//!
//! A snapshot is used only when the corpus lists exactly the same files
//! with the same keys (size, modification time, manifest entry) and the
//! build is the same. Otherwise the corpus is opened through the parse
//! cache, which reads only the files that changed, and the snapshot is
//! written again. It is written through a temporary file, synced, then
//! renamed over the old one, so a crash or `kill -9` leaves the old
//! snapshot or the new one. A damaged snapshot (a bad checksum or a blob
//! that does not decode) is ignored with a warning, and written again.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use super::Progress;
use super::cache::{self, FileKey};
use crate::cluster::Clusters;
use crate::corpus::{Document, Plan, Problem};
use crate::extract::Event;
use crate::places::Gazetteer;
use crate::store::EventStore;

const MAGIC: &[u8; 8] = b"FLSNAPST";
/// Bump when the file layout changes.
const FORMAT: u32 = 1;
/// Header: magic, format, fingerprint, index offset, index length, index CRC-32.
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 8 + 4;
/// Articles per chunk.
const DOC_CHUNK: usize = 2048;
/// Events per chunk.
const EVENT_CHUNK: usize = 32768;

/// Every article file of a load, by path relative to the corpus folder, in
/// the plan's order, with its key when it was read (`None` when it could
/// not be looked at).
pub type Files = Vec<(String, Option<FileKey>)>;

/// Where a blob lies in the file (after the header), and its CRC-32.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Blob {
    offset: u64,
    len: u64,
    crc: u32,
}

/// The snapshot's index.
#[derive(Debug, Serialize, Deserialize)]
struct Index {
    /// The corpus folder as the load that wrote it named it: the articles'
    /// paths start with it.
    root: PathBuf,
    files: Files,
    problems: Vec<Problem>,
    docs: Vec<Blob>,
    events: Vec<Blob>,
    clusters: Blob,
}

/// What [`load`] found.
#[derive(Debug)]
enum Found {
    /// The corpus is unchanged: its store, with the problems of the load
    /// that wrote the snapshot.
    Hit(Box<EventStore>, Vec<Problem>),
    /// No snapshot for the corpus as it is now; with a warning when one
    /// was there but damaged or unreadable.
    Miss(Option<Problem>),
}

/// The snapshot file of a corpus in the cache folder `dir`.
pub fn path(dir: &Path, root: &Path, manifest: Option<&Path>) -> PathBuf {
    let name = cache::file_name(root, manifest);
    dir.join(format!(
        "{}.snapshot",
        name.strip_suffix(".cache").unwrap_or(&name)
    ))
}

/// The keys of a plan's files as they are on disk now, in its order.
fn keys_now(plan: &Plan) -> Files {
    plan.files
        .par_iter()
        .map(|p| {
            let relative = plan.relative(p);
            (
                relative.to_string_lossy().into_owned(),
                FileKey::of(p, plan.manifest.get(relative)),
            )
        })
        .collect()
}

/// Opens the snapshot of the corpus `plan` lists, if the corpus is
/// unchanged since it was written.
fn load(dir: &Path, plan: &Plan, manifest: Option<&Path>, progress: &Progress) -> Found {
    let started = Instant::now();
    crate::tempfiles::remove_stale(dir, ".snapshot-", "");
    let path = path(dir, &plan.root, manifest);
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::Miss(None),
        Err(e) => return Found::Miss(Some(damaged(&path, &format!("cannot read it ({e})")))),
    };
    let index = match read_index(&file) {
        Ok(Some(index)) => index,
        Ok(None) => return Found::Miss(None),
        Err(why) => return Found::Miss(Some(damaged(&path, &why))),
    };
    progress.stage("snapshot: read its index", started);
    let started = Instant::now();
    if index.files != keys_now(plan) {
        return Found::Miss(None);
    }
    progress.stage("snapshot: look at every file (size, time)", started);
    match read_store(&file, &index, &plan.root, progress) {
        Ok(store) => {
            // The plan's own problems are listed afresh by the caller.
            let listed: std::collections::HashSet<(&Path, &str)> = plan
                .problems
                .iter()
                .map(|p| (p.path.as_path(), p.reason.as_str()))
                .collect();
            let stored = index
                .problems
                .iter()
                .map(|p| Problem {
                    path: reroot(&p.path, &index.root, &plan.root),
                    reason: p.reason.clone(),
                })
                .filter(|p| !listed.contains(&(p.path.as_path(), p.reason.as_str())))
                .collect();
            Found::Hit(Box::new(store), stored)
        }
        Err(why) => Found::Miss(Some(damaged(&path, &why))),
    }
}

/// `path` as this run names the corpus folder: a path under `was` (the
/// folder as the snapshot's writer named it) moved under `now`.
fn reroot(path: &Path, was: &Path, now: &Path) -> PathBuf {
    match path.strip_prefix(was) {
        Ok(relative) if was != now => now.join(relative),
        _ => path.to_path_buf(),
    }
}

/// Opens the corpus from its snapshot when it is unchanged: the whole
/// store, with `progress` saying so ([`Progress::snapshot_hit`]) and the
/// stored problems added to `problems`. `None` when the snapshot misses
/// (a warning added to `problems` when it was damaged).
pub fn open(
    dir: &Path,
    plan: &Plan,
    manifest: Option<&Path>,
    progress: &Progress,
    problems: &mut Vec<Problem>,
) -> Option<Box<EventStore>> {
    match load(dir, plan, manifest, progress) {
        Found::Hit(store, stored) => {
            progress.snapshot_hit(plan.files.len());
            problems.extend(stored);
            Some(store)
        }
        Found::Miss(warning) => {
            problems.extend(warning);
            None
        }
    }
}

fn damaged(path: &Path, why: &str) -> Problem {
    Problem::new(
        path,
        format!(
            "store snapshot ignored ({why}); the corpus is read from the parse cache and the snapshot written again"
        ),
    )
}

/// Reads the header and index: `Ok(None)` for a snapshot of another build
/// or format, an error when the file is not a snapshot or is damaged.
fn read_index(file: &std::fs::File) -> Result<Option<Index>, String> {
    let size = file
        .metadata()
        .map_err(|e| format!("cannot read it ({e})"))?
        .len();
    let mut header = [0u8; HEADER_LEN];
    if size < HEADER_LEN as u64
        || cache::read_exact_at(file, &mut header, 0).is_err()
        || &header[..8] != MAGIC
    {
        return Err("not a frontlog snapshot".into());
    }
    let u32_at = |i: usize| u32::from_le_bytes(header[i..i + 4].try_into().unwrap_or_default());
    let u64_at = |i: usize| u64::from_le_bytes(header[i..i + 8].try_into().unwrap_or_default());
    if u32_at(8) != FORMAT || u64_at(12) != cache::fingerprint() {
        return Ok(None);
    }
    let blob = Blob {
        offset: u64_at(20),
        len: u64_at(28),
        crc: u32_at(36),
    };
    let bytes = read_blob(file, blob, size)?;
    postcard::from_bytes(&bytes)
        .map(Some)
        .map_err(|_| "its index does not decode".into())
}

/// The bytes of a blob, checked against its CRC-32.
fn read_blob(file: &std::fs::File, blob: Blob, size: u64) -> Result<Vec<u8>, String> {
    let start = HEADER_LEN as u64 + blob.offset;
    if start.saturating_add(blob.len) > size {
        return Err("it is truncated".into());
    }
    let mut bytes = vec![0; blob.len as usize];
    cache::read_exact_at(file, &mut bytes, start).map_err(|_| "it is truncated".to_owned())?;
    if crc32fast::hash(&bytes) != blob.crc {
        return Err("a bad checksum".into());
    }
    Ok(bytes)
}

/// Decodes a blob, checked against its CRC-32.
fn decode<T: serde::de::DeserializeOwned>(
    file: &std::fs::File,
    blob: Blob,
    size: u64,
) -> Result<T, String> {
    postcard::from_bytes(&read_blob(file, blob, size)?)
        .map_err(|_| "a chunk does not decode".into())
}

/// Decodes every chunk on every core and puts the store together.
fn read_store(
    file: &std::fs::File,
    index: &Index,
    root: &Path,
    progress: &Progress,
) -> Result<EventStore, String> {
    let started = Instant::now();
    let size = file.metadata().map_err(|e| e.to_string())?.len();
    let moved = index.root != root;
    let (docs, (events, clusters)) = rayon::join(
        || {
            index
                .docs
                .par_iter()
                .map(|&b| {
                    let mut docs: Vec<Document> = decode(file, b, size)?;
                    for d in docs.iter_mut().filter(|_| moved) {
                        d.path = reroot(&d.path, &index.root, root);
                    }
                    Ok(docs)
                })
                .collect::<Result<Vec<_>, String>>()
        },
        || {
            rayon::join(
                || {
                    index
                        .events
                        .par_iter()
                        .map(|&b| decode::<(Vec<Event>, String)>(file, b, size))
                        .collect::<Result<Vec<_>, String>>()
                },
                || decode::<Clusters>(file, index.clusters, size),
            )
        },
    );
    progress.stage("snapshot: read and decode its chunks", started);
    let started = Instant::now();
    let docs: Vec<Document> = docs?.into_iter().flatten().collect();
    let chunks = events?;
    let mut all = Vec::with_capacity(chunks.iter().map(|c| c.0.len()).sum());
    let mut search = String::with_capacity(chunks.iter().map(|c| c.1.len()).sum());
    for (events, text) in chunks {
        all.extend(events);
        search.push_str(&text);
    }
    let clusters = clusters?;
    progress.stage("snapshot: join the chunks", started);
    let started = Instant::now();
    let gazetteer = Gazetteer::builtin();
    progress.stage("wait for the gazetteer", started);
    let started = Instant::now();
    let store = EventStore::from_sorted_parts(docs, all, search, clusters, gazetteer)
        .map_err(|why| format!("its parts do not fit together: {why}"));
    progress.stage("snapshot: index the events", started);
    store
}

/// Writes the snapshot of `store`, read from the corpus at `root` (with
/// `manifest`) whose files were `files`, with the `problems` of that load,
/// into the cache folder `dir`: through a temporary file, synced, then
/// renamed over the old snapshot.
///
/// `cancel`, once set, stops the writing before the next chunk (the app
/// sets it when it quits): the temporary file is removed.
///
/// # Errors
/// The folder or file cannot be written, or the writing was cancelled (the
/// message says why); the old snapshot, if any, is left as it was.
pub fn write(
    dir: &Path,
    root: &Path,
    manifest: Option<&Path>,
    files: Files,
    store: &EventStore,
    problems: &[Problem],
    cancel: &AtomicBool,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(".snapshot-")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    let mut out = std::io::BufWriter::new(
        tmp.reopen()
            .map_err(|e| format!("cannot write the snapshot: {e}"))?,
    );
    let fail = |e: std::io::Error| format!("cannot write the snapshot: {e}");
    out.write_all(&[0; HEADER_LEN]).map_err(fail)?;
    let mut offset = 0u64;
    let docs = store.documents();
    let doc_blobs = write_chunks(
        &mut out,
        &mut offset,
        &chunks(docs.len(), DOC_CHUNK),
        cancel,
        |r| postcard::to_stdvec(&docs[r.clone()]),
    )
    .map_err(fail)?;
    let events = store.events();
    let event_blobs = write_chunks(
        &mut out,
        &mut offset,
        &chunks(events.len(), EVENT_CHUNK),
        cancel,
        |r| postcard::to_stdvec(&(&events[r.clone()], store.folded_of(r.clone()))),
    )
    .map_err(fail)?;
    let clusters = postcard::to_stdvec(store.clusters()).map_err(|e| e.to_string())?;
    let clusters = write_blob(&mut out, &mut offset, &clusters).map_err(fail)?;
    let index = Index {
        root: root.to_path_buf(),
        files,
        problems: problems.to_vec(),
        docs: doc_blobs,
        events: event_blobs,
        clusters,
    };
    let index_bytes = postcard::to_stdvec(&index).map_err(|e| e.to_string())?;
    let finish = |out: &mut std::io::BufWriter<std::fs::File>| -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        out.write_all(&index_bytes)?;
        out.seek(SeekFrom::Start(0))?;
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&cache::fingerprint().to_le_bytes())?;
        out.write_all(&offset.to_le_bytes())?;
        out.write_all(&(index_bytes.len() as u64).to_le_bytes())?;
        out.write_all(&crc32fast::hash(&index_bytes).to_le_bytes())?;
        out.flush()?;
        out.get_ref().sync_all()
    };
    finish(&mut out).map_err(fail)?;
    drop(out);
    let target = path(dir, root, manifest);
    tmp.persist(&target)
        .map_err(|e| format!("cannot replace {}: {}", target.display(), e.error))?;
    Ok(())
}

/// The ranges `0..len` is cut into, `size` at a time.
fn chunks(len: usize, size: usize) -> Vec<std::ops::Range<usize>> {
    (0..len)
        .step_by(size)
        .map(|s| s..(s + size).min(len))
        .collect()
}

/// Encodes chunks a few at a time on every core and appends them in order;
/// returns where each went.
fn write_chunks(
    out: &mut impl std::io::Write,
    offset: &mut u64,
    ranges: &[std::ops::Range<usize>],
    cancel: &AtomicBool,
    encode: impl Fn(&std::ops::Range<usize>) -> postcard::Result<Vec<u8>> + Sync,
) -> std::io::Result<Vec<Blob>> {
    let wave = rayon::current_num_threads().max(1) * 2;
    let mut blobs = Vec::with_capacity(ranges.len());
    for group in ranges.chunks(wave) {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(std::io::Error::other("cancelled"));
        }
        let encoded: Vec<postcard::Result<Vec<u8>>> = group.par_iter().map(&encode).collect();
        for bytes in encoded {
            let bytes = bytes.map_err(std::io::Error::other)?;
            blobs.push(write_blob(out, offset, &bytes)?);
        }
    }
    Ok(blobs)
}

/// Appends one blob at `offset` (counted after the header) and moves it on.
fn write_blob(
    out: &mut impl std::io::Write,
    offset: &mut u64,
    bytes: &[u8],
) -> std::io::Result<Blob> {
    out.write_all(bytes)?;
    let blob = Blob {
        offset: *offset,
        len: bytes.len() as u64,
        crc: crc32fast::hash(bytes),
    };
    *offset += bytes.len() as u64;
    injected_pause();
    Ok(blob)
}

/// Fault injection for the tests: `FRONTLOG_FAULT_SNAPSHOT_PAUSE` (seconds)
/// makes the writer stop that long after each chunk, so that a test can
/// kill the process in the middle of a write.
fn injected_pause() {
    static PAUSE: std::sync::OnceLock<Option<f64>> = std::sync::OnceLock::new();
    if let Some(s) = PAUSE.get_or_init(|| {
        std::env::var("FRONTLOG_FAULT_SNAPSHOT_PAUSE")
            .ok()
            .and_then(|v| v.parse().ok())
    }) {
        std::thread::sleep(std::time::Duration::from_secs_f64(*s));
    }
}
