//! The parse cache: what each article file gave last time (its document and
//! events, or why it was skipped), keyed by the file's path, size and
//! modification time, the manifest's entry for it, and the extractor's
//! identity. Reopening an unchanged corpus parses nothing; a changed file is
//! parsed alone.
//!
//! One file per corpus under `$XDG_CACHE_HOME/frontlog/`: a header, an
//! index, then one checksummed blob per article. It is written through a
//! temporary file and a rename, so a crash leaves the old cache or the new
//! one. A cache that is corrupt, foreign or from another build is ignored
//! with a warning and rebuilt, never trusted.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::Outcome;
use crate::corpus::{Problem, manifest};

const MAGIC: &[u8; 8] = b"FRONTLOG";
/// Bump when the file layout changes (6: events carry their type and
/// casualty counts, issue 13; 7: articles are compacted and carry their
/// line keys).
const FORMAT: u32 = 7;
/// Bump when extraction changes what it makes of the same file.
pub const EXTRACTOR_VERSION: u32 = 1;
/// Header: magic, format, fingerprint, index length, index checksum.
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 4;

/// The usual cache folder: `$XDG_CACHE_HOME/frontlog`, else `~/.cache/frontlog`.
pub fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("frontlog"))
}

/// What identifies a file's content without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    size: u64,
    modified_secs: i64,
    modified_nanos: u32,
    manifest_entry: u32,
}

impl FileKey {
    /// The key of a file as it is on disk now.
    pub fn of(path: &Path, entry: Option<&manifest::Entry>) -> Option<FileKey> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let (secs, nanos) = match modified.duration_since(UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (
                -(e.duration().as_secs() as i64),
                e.duration().subsec_nanos(),
            ),
        };
        Some(FileKey {
            size: meta.len(),
            modified_secs: secs,
            modified_nanos: nanos,
            manifest_entry: crc32fast::hash(format!("{entry:?}").as_bytes()),
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct IndexEntry {
    relative: String,
    key: FileKey,
    offset: u64,
    len: u64,
    checksum: u32,
}

/// Where the blob of a file in the new cache comes from.
#[derive(Debug)]
pub enum Record {
    /// Unchanged: the blob of the old cache at this index entry.
    Kept(usize),
    /// Parsed now: its serialized outcome.
    Fresh(Vec<u8>),
}

/// The cache of one corpus: the old file (read by position, never whole)
/// and the next one, written as records arrive once anything has changed.
#[derive(Debug)]
pub struct Cache {
    /// The cache file.
    pub path: PathBuf,
    fingerprint: u64,
    old: Option<std::fs::File>,
    index: Vec<IndexEntry>,
    by_path: HashMap<String, usize>,
    /// Entries of the next cache so far; until it is started, their blobs
    /// are those of the old file at the old offsets.
    next: Vec<(IndexEntry, Option<usize>)>,
    writer: Option<Writer>,
}

/// The next cache file while it is written.
#[derive(Debug)]
struct Writer {
    tmp: tempfile::NamedTempFile,
    out: std::io::BufWriter<std::fs::File>,
    offset: u64,
}

impl Cache {
    /// Opens the cache of the corpus at `root` (with `manifest`), in `dir`.
    /// A missing cache is empty; a corrupt, foreign or stale one is empty
    /// and comes with a warning.
    pub fn load(dir: &Path, root: &Path, manifest: Option<&Path>) -> (Cache, Option<Problem>) {
        crate::tempfiles::remove_stale(dir, ".cache-", "");
        let path = dir.join(file_name(root, manifest));
        let mut cache = Cache {
            path,
            fingerprint: fingerprint(),
            old: None,
            index: Vec::new(),
            by_path: HashMap::new(),
            next: Vec::new(),
            writer: None,
        };
        let file = match std::fs::File::open(&cache.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => {
                let p = Problem::new(
                    &cache.path,
                    format!("cannot read the cache ({e}); rebuilding it"),
                );
                return (cache, Some(p));
            }
        };
        match read_index(&file, cache.fingerprint) {
            Ok(Some(index)) => {
                cache.by_path = index
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.relative.clone(), i))
                    .collect();
                cache.index = index;
                cache.old = Some(file);
                (cache, None)
            }
            Ok(None) => (cache, None),
            Err(why) => {
                let p = Problem::new(&cache.path, format!("{why}; ignoring it and rebuilding"));
                (cache, Some(p))
            }
        }
    }

    /// The cached outcome of a file, if the file is unchanged and its blob intact.
    pub fn get(&self, relative: &Path, key: FileKey) -> Option<(Outcome, usize)> {
        let i = *self.by_path.get(&relative.to_string_lossy().into_owned())?;
        let e = &self.index[i];
        if e.key != key {
            return None;
        }
        let blob = self.old_blob(i).ok()?;
        if crc32fast::hash(&blob) != e.checksum {
            return None;
        }
        postcard::from_bytes::<Outcome>(&blob).ok().map(|o| (o, i))
    }

    fn old_blob(&self, i: usize) -> std::io::Result<Vec<u8>> {
        let e = &self.index[i];
        let file = self
            .old
            .as_ref()
            .ok_or_else(|| std::io::Error::other("no old cache"))?;
        let mut blob = vec![0; e.len as usize];
        read_exact_at(file, &mut blob, HEADER_LEN as u64 + e.offset)?;
        Ok(blob)
    }

    /// Records what a file gave, for the next cache. The next cache file is
    /// started at the first change, and each blob written as it comes.
    pub fn put(&mut self, relative: &Path, key: FileKey, record: Record) -> Result<(), String> {
        let relative = relative.to_string_lossy().into_owned();
        match record {
            Record::Kept(i) if self.writer.is_none() => {
                let e = IndexEntry {
                    relative,
                    key,
                    ..self.index[i].clone()
                };
                self.next.push((e, Some(i)));
                Ok(())
            }
            Record::Kept(i) => {
                let blob = self
                    .old_blob(i)
                    .map_err(|e| format!("cannot read the old cache: {e}"))?;
                self.append(relative, key, &blob)
            }
            Record::Fresh(bytes) => {
                self.start()?;
                self.append(relative, key, &bytes)
            }
        }
    }

    /// Starts the next cache file, copying the blobs kept so far.
    fn start(&mut self) -> Result<(), String> {
        if self.writer.is_some() {
            return Ok(());
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tmp = tempfile::Builder::new()
            .prefix(".cache-")
            .tempfile_in(dir)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
        let file = tmp
            .reopen()
            .map_err(|e| format!("cannot write the cache: {e}"))?;
        let mut out = std::io::BufWriter::new(file);
        out.write_all(&[0; HEADER_LEN])
            .map_err(|e| format!("cannot write the cache: {e}"))?;
        self.writer = Some(Writer {
            tmp,
            out,
            offset: 0,
        });
        for (entry, old) in std::mem::take(&mut self.next) {
            let blob = match old {
                Some(i) => self
                    .old_blob(i)
                    .map_err(|e| format!("cannot read the old cache: {e}"))?,
                None => unreachable!("entries before the start all come from the old cache"),
            };
            self.append(entry.relative, entry.key, &blob)?;
        }
        Ok(())
    }

    fn append(&mut self, relative: String, key: FileKey, blob: &[u8]) -> Result<(), String> {
        let w = self.writer.as_mut().ok_or("the cache is not started")?;
        w.out
            .write_all(blob)
            .map_err(|e| format!("cannot write the cache: {e}"))?;
        let entry = IndexEntry {
            relative,
            key,
            offset: w.offset,
            len: blob.len() as u64,
            checksum: crc32fast::hash(blob),
        };
        w.offset += blob.len() as u64;
        self.next.push((entry, None));
        Ok(())
    }

    /// Finishes the next cache if anything changed (a file added, changed or
    /// gone): index, header, sync, then a rename over the old one.
    pub fn save(mut self) -> Result<(), String> {
        if self.writer.is_none() {
            if self.next.len() == self.index.len() {
                return Ok(());
            }
            self.start()?;
        }
        let index: Vec<IndexEntry> = self.next.into_iter().map(|(e, _)| e).collect();
        let index_bytes = postcard::to_stdvec(&index).map_err(|e| e.to_string())?;
        let Some(Writer {
            tmp,
            mut out,
            offset,
        }) = self.writer
        else {
            return Ok(());
        };
        let finish = |out: &mut std::io::BufWriter<std::fs::File>| -> std::io::Result<()> {
            use std::io::{Seek, SeekFrom};
            out.write_all(&index_bytes)?;
            out.seek(SeekFrom::Start(0))?;
            out.write_all(MAGIC)?;
            out.write_all(&FORMAT.to_le_bytes())?;
            out.write_all(&self.fingerprint.to_le_bytes())?;
            out.write_all(&offset.to_le_bytes())?;
            out.write_all(&crc32fast::hash(&index_bytes).to_le_bytes())?;
            out.flush()?;
            out.get_ref().sync_all()
        };
        finish(&mut out).map_err(|e| format!("cannot write the cache: {e}"))?;
        drop(out);
        tmp.persist(&self.path)
            .map_err(|e| format!("cannot replace {}: {}", self.path.display(), e.error))?;
        Ok(())
    }
}

/// Reads `buf.len()` bytes at `offset`, without moving a shared cursor (so
/// that threads can read at once).
pub(crate) fn read_exact_at(
    file: &std::fs::File,
    buf: &mut [u8],
    offset: u64,
) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

/// Serializes an outcome for the cache.
pub fn serialize(outcome: &Outcome) -> Vec<u8> {
    postcard::to_stdvec(outcome).unwrap_or_default()
}

/// Reads a cache file's header and index: `Ok(None)` when it is from another
/// build (silently stale), an error when it is not a frontlog cache or is
/// damaged.
fn read_index(file: &std::fs::File, fingerprint: u64) -> Result<Option<Vec<IndexEntry>>, String> {
    let size = file
        .metadata()
        .map_err(|e| format!("cannot read the cache: {e}"))?
        .len();
    let mut header = [0u8; HEADER_LEN];
    if size < HEADER_LEN as u64
        || read_exact_at(file, &mut header, 0).is_err()
        || &header[..8] != MAGIC
    {
        return Err("not a frontlog cache file".into());
    }
    let u32_at = |i: usize| u32::from_le_bytes(header[i..i + 4].try_into().unwrap_or_default());
    let u64_at = |i: usize| u64::from_le_bytes(header[i..i + 8].try_into().unwrap_or_default());
    if u32_at(8) != FORMAT || u64_at(12) != fingerprint {
        return Ok(None);
    }
    let blobs_len = u64_at(20);
    let index_start = (HEADER_LEN as u64)
        .checked_add(blobs_len)
        .filter(|&s| s <= size);
    let Some(index_start) = index_start else {
        return Err("the cache file is truncated".into());
    };
    let mut index_bytes = vec![0; (size - index_start) as usize];
    read_exact_at(file, &mut index_bytes, index_start)
        .map_err(|_| "the cache file is truncated".to_owned())?;
    if crc32fast::hash(&index_bytes) != u32_at(28) {
        return Err("the cache file is damaged (bad checksum)".into());
    }
    let index: Vec<IndexEntry> = postcard::from_bytes(&index_bytes)
        .map_err(|_| "the cache file is damaged (bad index)".to_owned())?;
    if index
        .iter()
        .any(|e| e.offset.saturating_add(e.len) > blobs_len)
    {
        return Err("the cache file is damaged (index out of range)".into());
    }
    Ok(Some(index))
}

/// The cache file of a corpus: named after its folder and manifest.
pub(crate) fn file_name(root: &Path, manifest: Option<&Path>) -> String {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let mut key = canon(root).to_string_lossy().into_owned();
    if let Some(m) = manifest {
        key.push('\0');
        key.push_str(&canon(m).to_string_lossy());
    }
    let stem: String = canon(root)
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .take(32)
                .collect()
        })
        .unwrap_or_default();
    format!("{stem}-{:08x}.cache", crc32fast::hash(key.as_bytes()))
}

/// The identity of the extractor: this build of frontlog and its data.
pub(crate) fn fingerprint() -> u64 {
    let mut h = crc32fast::Hasher::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&EXTRACTOR_VERSION.to_le_bytes());
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        h.update(&meta.len().to_le_bytes());
        if let Ok(t) = meta
            .modified()
            .and_then(|m| m.duration_since(UNIX_EPOCH).map_err(std::io::Error::other))
        {
            h.update(&t.as_nanos().to_le_bytes());
        }
    }
    // The gazetteer is compiled in: its data's size, without building it.
    h.update(&(crate::places::GAZETTEER_DATA_BYTES as u64).to_le_bytes());
    (u64::from(h.finalize()) << 32) | u64::from(FORMAT)
}
