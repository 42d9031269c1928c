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
//!   folded text), each a postcard blob with its own CRC-32, written on
//!   every core a few at a time and read back item by item straight into
//!   the store's vectors (the articles on one core, the events on
//!   another);
//! - the index: every article file's path and [`FileKey`] when the store
//!   was read, the problems of that load, where each chunk lies, and how
//!   many articles, events and bytes of folded text the chunks hold.
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
/// Bump when the file layout changes (2: the index counts the articles,
/// the events and their folded text's bytes).
const FORMAT: u32 = 2;
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
    /// Articles in all the `docs` chunks.
    doc_count: u64,
    events: Vec<Blob>,
    /// Events in all the `events` chunks.
    event_count: u64,
    /// Bytes of their folded text, in all the `events` chunks.
    search_bytes: u64,
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
    let mut bytes = Vec::new();
    read_blob(file, blob, size, &mut bytes)?;
    postcard::from_bytes(&bytes)
        .map(Some)
        .map_err(|_| "its index does not decode".into())
}

/// Reads a blob into `bytes` (its old content replaced, its buffer kept
/// for the next blob: a reopen then touches fresh memory for the store,
/// not for every blob it reads), checked against its CRC-32.
fn read_blob(
    file: &std::fs::File,
    blob: Blob,
    size: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), String> {
    // The header's offsets have no checksum of their own.
    let start = (HEADER_LEN as u64).saturating_add(blob.offset);
    if start.saturating_add(blob.len) > size {
        return Err("it is truncated".into());
    }
    bytes.clear();
    bytes.resize(blob.len as usize, 0);
    cache::read_exact_at(file, bytes, start).map_err(|_| "it is truncated".to_owned())?;
    if crc32fast::hash(bytes) != blob.crc {
        return Err("a bad checksum".into());
    }
    Ok(())
}

/// Decodes a blob, checked against its CRC-32.
fn decode<T: serde::de::DeserializeOwned>(
    file: &std::fs::File,
    blob: Blob,
    size: u64,
) -> Result<T, String> {
    let mut bytes = Vec::new();
    read_blob(file, blob, size, &mut bytes)?;
    postcard::from_bytes(&bytes).map_err(|_| "a chunk does not decode".into())
}

/// Decodes the items of postcard sequences (`blobs`, each a sequence
/// optionally followed by more fields) one by one into `out`, so that they
/// are written once where the store keeps them rather than into a vector
/// per chunk joined afterwards (each copy of a large store is fresh memory,
/// and the kernel's zeroing of fresh pages was most of a reopen's time).
/// `rest` takes the bytes each blob holds after its sequence, and must
/// take them all. Each item must take at least one byte (a count beyond
/// the blob's bytes is damage), so `T` is not zero-sized. Room is reserved
/// with `try_reserve`: a count the index or a blob gets wrong is an error,
/// never an allocation that aborts.
fn decode_into<T: serde::de::DeserializeOwned>(
    file: &std::fs::File,
    blobs: &[Blob],
    size: u64,
    out: &mut Vec<T>,
    mut rest: impl FnMut(&[u8]) -> Result<(), String>,
) -> Result<(), String> {
    let bad = |_| "a chunk does not decode".to_owned();
    let mut bytes = Vec::new();
    for &b in blobs {
        read_blob(file, b, size, &mut bytes)?;
        let (n, mut left) = postcard::take_from_bytes::<usize>(&bytes).map_err(bad)?;
        // Each item takes at least one byte: a count beyond the blob is damage.
        if n > left.len() || out.try_reserve(n).is_err() {
            return Err("a chunk does not decode".into());
        }
        for _ in 0..n {
            let (item, after) = postcard::take_from_bytes::<T>(left).map_err(bad)?;
            out.push(item);
            left = after;
        }
        rest(left)?;
    }
    Ok(())
}

/// The items of `blobs` ([`decode_into`]), which the index counts as
/// `count`: room for them is reserved at once (no more items than the
/// blobs have bytes), and a different number is damage.
fn decode_counted<T: serde::de::DeserializeOwned>(
    file: &std::fs::File,
    blobs: &[Blob],
    size: u64,
    count: u64,
    rest: impl FnMut(&[u8]) -> Result<(), String>,
) -> Result<Vec<T>, String> {
    let miscounted = || "its chunks do not hold what its index counts".to_owned();
    let bytes: u64 = blobs.iter().map(|b| b.len).sum();
    let mut out = Vec::new();
    out.try_reserve_exact(count.min(bytes) as usize)
        .map_err(|_| miscounted())?;
    decode_into(file, blobs, size, &mut out, rest)?;
    if out.len() as u64 != count {
        return Err(miscounted());
    }
    Ok(out)
}

/// `Ok` when a chunk's bytes after its sequence (and what follows it) are
/// all read: trailing bytes are damage.
fn all_read(rest: &[u8]) -> Result<(), String> {
    if rest.is_empty() {
        Ok(())
    } else {
        Err("a chunk does not decode".into())
    }
}

/// Decodes the chunks and puts the store together: the articles on one
/// core and the events with their folded text on another (each straight
/// into the vector the store keeps), the clusters beside them.
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
            let mut docs: Vec<Document> =
                decode_counted(file, &index.docs, size, index.doc_count, all_read)?;
            for d in docs.iter_mut().filter(|_| moved) {
                d.path = reroot(&d.path, &index.root, root);
            }
            Ok::<_, String>(docs)
        },
        || {
            rayon::join(
                || {
                    // The folded text follows each chunk's events.
                    let mut search = String::new();
                    let bytes: u64 = index.events.iter().map(|b| b.len).sum();
                    search
                        .try_reserve_exact(index.search_bytes.min(bytes) as usize)
                        .map_err(|_| "its index counts more text than it holds".to_owned())?;
                    let events: Vec<Event> =
                        decode_counted(file, &index.events, size, index.event_count, |rest| {
                            let (text, rest) = postcard::take_from_bytes::<&str>(rest)
                                .map_err(|_| "a chunk does not decode".to_owned())?;
                            search.push_str(text);
                            all_read(rest)
                        })?;
                    if search.len() as u64 != index.search_bytes {
                        return Err("its chunks do not hold what its index counts".into());
                    }
                    Ok::<_, String>((events, search))
                },
                || decode::<Clusters>(file, index.clusters, size),
            )
        },
    );
    progress.stage("snapshot: read and decode its chunks", started);
    let (docs, (events, search), clusters) = (docs?, events?, clusters?);
    let started = Instant::now();
    let gazetteer = Gazetteer::builtin();
    progress.stage("wait for the gazetteer", started);
    let started = Instant::now();
    let store = EventStore::from_sorted_parts(docs, events, search, clusters, gazetteer)
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
        doc_count: docs.len() as u64,
        events: event_blobs,
        event_count: events.len() as u64,
        search_bytes: store.folded_len(0..events.len()) as u64,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A file holding `blobs` after a blank header, and where each lies.
    fn file_of(blobs: &[Vec<u8>]) -> (tempfile::NamedTempFile, Vec<Blob>, u64) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&[0; HEADER_LEN]).unwrap();
        let mut offset = 0;
        let at = blobs
            .iter()
            .map(|b| write_blob(&mut f, &mut offset, b).unwrap())
            .collect();
        f.flush().unwrap();
        let size = f.as_file().metadata().unwrap().len();
        (f, at, size)
    }

    #[test]
    fn sequences_of_several_chunks_decode_into_one_vector_with_what_follows_each() {
        let one = postcard::to_stdvec(&(vec![1u32, 2, 3], "abc")).unwrap();
        let two = postcard::to_stdvec(&(vec![40u32], "de")).unwrap();
        let (f, blobs, size) = file_of(&[one, two]);
        let (mut out, mut text) = (Vec::<u32>::new(), String::new());
        decode_into(f.as_file(), &blobs, size, &mut out, |rest| {
            text.push_str(postcard::take_from_bytes::<&str>(rest).unwrap().0);
            Ok(())
        })
        .unwrap();
        assert_eq!(out, [1, 2, 3, 40]);
        assert_eq!(text, "abcde");
    }

    #[test]
    fn a_count_beyond_the_chunk_is_damage_not_an_allocation() {
        // A sequence claiming 2^40 items in a few bytes, with a good CRC.
        let mut bytes = postcard::to_stdvec(&(1usize << 40)).unwrap();
        bytes.extend([0; 8]);
        let (f, blobs, size) = file_of(&[bytes]);
        let mut out = Vec::<u32>::new();
        let got = decode_into(f.as_file(), &blobs, size, &mut out, |_| Ok(()));
        assert_eq!(got, Err("a chunk does not decode".to_owned()));
        assert!(out.capacity() < 1024);
    }

    #[test]
    fn a_flipped_byte_fails_the_checksum() {
        let (f, mut blobs, size) = file_of(&[postcard::to_stdvec(&vec![7u32; 10]).unwrap()]);
        blobs[0].crc ^= 1;
        let mut out = Vec::<u32>::new();
        let got = decode_into(f.as_file(), &blobs, size, &mut out, |_| Ok(()));
        assert_eq!(got, Err("a bad checksum".to_owned()));
    }
}
