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
/// Bump when the file layout changes.
const FORMAT: u32 = 1;
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

/// The cache of one corpus: the old file's contents and the entries of the next.
#[derive(Debug)]
pub struct Cache {
    /// The cache file.
    pub path: PathBuf,
    fingerprint: u64,
    data: Vec<u8>,
    index: Vec<IndexEntry>,
    by_path: HashMap<String, usize>,
    next: Vec<(String, FileKey, Record)>,
    changed: bool,
}

impl Cache {
    /// Opens the cache of the corpus at `root` (with `manifest`), in `dir`.
    /// A missing cache is empty; a corrupt, foreign or stale one is empty
    /// and comes with a warning.
    pub fn load(dir: &Path, root: &Path, manifest: Option<&Path>) -> (Cache, Option<Problem>) {
        remove_stale_temporaries(dir);
        let path = dir.join(file_name(root, manifest));
        let fingerprint = fingerprint();
        let mut cache = Cache {
            path,
            fingerprint,
            data: Vec::new(),
            index: Vec::new(),
            by_path: HashMap::new(),
            next: Vec::new(),
            changed: false,
        };
        let data = match std::fs::read(&cache.path) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => {
                let p = Problem::new(
                    &cache.path,
                    format!("cannot read the cache ({e}); rebuilding it"),
                );
                return (cache, Some(p));
            }
        };
        match parse(&data, fingerprint) {
            Ok(Some(index)) => {
                cache.by_path = index
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.relative.clone(), i))
                    .collect();
                cache.index = index;
                cache.data = data;
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
        let start = HEADER_LEN as u64 + e.offset;
        let blob = self.data.get(start as usize..(start + e.len) as usize)?;
        if crc32fast::hash(blob) != e.checksum {
            return None;
        }
        postcard::from_bytes::<Outcome>(blob).ok().map(|o| (o, i))
    }

    /// Records what a file gave, for the next cache.
    pub fn put(&mut self, relative: &Path, key: FileKey, record: Record) {
        if matches!(record, Record::Fresh(_)) {
            self.changed = true;
        }
        self.next
            .push((relative.to_string_lossy().into_owned(), key, record));
    }

    /// Writes the next cache if anything changed (a file added, changed or gone).
    pub fn save(&self) -> Result<(), String> {
        if !self.changed && self.next.len() == self.index.len() {
            return Ok(());
        }
        let mut index = Vec::with_capacity(self.next.len());
        let mut blobs: Vec<&[u8]> = Vec::with_capacity(self.next.len());
        let mut offset = 0u64;
        for (relative, key, record) in &self.next {
            let blob: &[u8] = match record {
                Record::Kept(i) => {
                    let e = &self.index[*i];
                    let start = HEADER_LEN + e.offset as usize;
                    &self.data[start..start + e.len as usize]
                }
                Record::Fresh(bytes) => bytes,
            };
            index.push(IndexEntry {
                relative: relative.clone(),
                key: *key,
                offset,
                len: blob.len() as u64,
                checksum: crc32fast::hash(blob),
            });
            offset += blob.len() as u64;
            blobs.push(blob);
        }
        let index_bytes = postcard::to_stdvec(&index).map_err(|e| e.to_string())?;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tmp = tempfile::Builder::new()
            .prefix(".cache-")
            .tempfile_in(dir)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
        let blobs_len: u64 = offset;
        let write = |f: &mut std::io::BufWriter<&std::fs::File>| -> std::io::Result<()> {
            f.write_all(MAGIC)?;
            f.write_all(&FORMAT.to_le_bytes())?;
            f.write_all(&self.fingerprint.to_le_bytes())?;
            f.write_all(&blobs_len.to_le_bytes())?;
            f.write_all(&crc32fast::hash(&index_bytes).to_le_bytes())?;
            for b in &blobs {
                f.write_all(b)?;
            }
            f.write_all(&index_bytes)?;
            f.flush()
        };
        let file = tmp.as_file();
        write(&mut std::io::BufWriter::new(file))
            .and_then(|_| file.sync_all())
            .map_err(|e| format!("cannot write the cache: {e}"))?;
        tmp.persist(&self.path)
            .map_err(|e| format!("cannot replace {}: {}", self.path.display(), e.error))?;
        Ok(())
    }
}

/// Temporary files older than this are left over from a run that was
/// killed (or quit) while writing its cache.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Deletes temporary cache files that a killed run left behind.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(".cache-")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_TEMPORARY));
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Serializes an outcome for the cache.
pub fn serialize(outcome: &Outcome) -> Vec<u8> {
    postcard::to_stdvec(outcome).unwrap_or_default()
}

/// Reads a cache file: `Ok(None)` when it is from another build (silently
/// stale), an error when it is not a frontlog cache or is damaged.
fn parse(data: &[u8], fingerprint: u64) -> Result<Option<Vec<IndexEntry>>, String> {
    if data.len() < HEADER_LEN || &data[..8] != MAGIC {
        return Err("not a frontlog cache file".into());
    }
    let u32_at = |i: usize| u32::from_le_bytes(data[i..i + 4].try_into().unwrap_or_default());
    let u64_at = |i: usize| u64::from_le_bytes(data[i..i + 8].try_into().unwrap_or_default());
    if u32_at(8) != FORMAT || u64_at(12) != fingerprint {
        return Ok(None);
    }
    let blobs_len = u64_at(20) as usize;
    let index_start = HEADER_LEN
        .checked_add(blobs_len)
        .filter(|&s| s <= data.len());
    let Some(index_start) = index_start else {
        return Err("the cache file is truncated".into());
    };
    let index_bytes = &data[index_start..];
    if crc32fast::hash(index_bytes) != u32_at(28) {
        return Err("the cache file is damaged (bad checksum)".into());
    }
    let index: Vec<IndexEntry> = postcard::from_bytes(index_bytes)
        .map_err(|_| "the cache file is damaged (bad index)".to_owned())?;
    if index
        .iter()
        .any(|e| e.offset.saturating_add(e.len) > blobs_len as u64)
    {
        return Err("the cache file is damaged (index out of range)".into());
    }
    Ok(Some(index))
}

/// The cache file of a corpus: named after its folder and manifest.
fn file_name(root: &Path, manifest: Option<&Path>) -> String {
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
fn fingerprint() -> u64 {
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
    let gazetteer = crate::places::Gazetteer::builtin();
    h.update(&(gazetteer.len() as u64).to_le_bytes());
    (u64::from(h.finalize()) << 32) | u64::from(FORMAT)
}
