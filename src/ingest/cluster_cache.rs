//! The cluster cache: a corpus reopened unchanged gets its clusters back
//! without clustering again.
//!
//! One file per corpus beside the parse cache
//! (`$XDG_CACHE_HOME/frontlog/<corpus>-<hash>.clusters`): magic, format,
//! the build's fingerprint, the store's [`cluster::input_key`], then the
//! clusters in postcard. Any mismatch or damage means clustering afresh
//! (and a warning for damage); the file is replaced through a temporary
//! file and a rename, so a crash leaves the old file or the new one.

use std::io::Write as _;
use std::path::Path;

use crate::cluster::{self, Clusters};
use crate::corpus::Problem;
use crate::store::EventStore;

const MAGIC: &[u8; 8] = b"FLCLUSTR";
/// Bump when the file layout or the meaning of a cluster changes.
const FORMAT: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 8;

/// Gives the store its clusters: from the cache in `dir` when it holds
/// them for exactly these events, else by clustering (and then saving
/// them there). `dir` `None` clusters without a cache. Returns a problem
/// to show when the cache could not be read or written (the store is
/// clustered either way), and whether the clusters came from the cache.
pub fn cluster(
    store: &mut EventStore,
    dir: Option<&Path>,
    root: &Path,
    manifest: Option<&Path>,
) -> (Option<Problem>, bool) {
    let (clusters, problem, cached) = clusters_with_origin(store, dir, root, manifest);
    // Read back or built for exactly these events: the lengths agree.
    let _ = store.set_clusters(clusters);
    (problem, cached)
}

/// The clusters [`cluster`] would give the store, without changing it (so
/// that another thread can work them out while the store is shown), and
/// the problem to show, if any.
pub fn clusters_for(
    store: &EventStore,
    dir: Option<&Path>,
    root: &Path,
    manifest: Option<&Path>,
) -> (Clusters, Option<Problem>) {
    let (clusters, problem, _) = clusters_with_origin(store, dir, root, manifest);
    (clusters, problem)
}

/// Like [`clusters_for`], also saying whether the clusters came from the
/// cache.
pub fn clusters_with_origin(
    store: &EventStore,
    dir: Option<&Path>,
    root: &Path,
    manifest: Option<&Path>,
) -> (Clusters, Option<Problem>, bool) {
    let Some(dir) = dir else {
        return (cluster::build(store), None, false);
    };
    crate::tempfiles::remove_stale(dir, ".clusters-", "");
    let path = dir.join(super::cache::file_name(root, manifest).replace(".cache", ".clusters"));
    let key = cluster::input_key(store);
    let fingerprint = super::cache::fingerprint();
    match read(&path, fingerprint, key) {
        Ok(Some(clusters)) if clusters.fits(store.events().len()) => {
            return (clusters, None, true);
        }
        Ok(_) => {}
        Err(e) => {
            let clusters = cluster::build(store);
            let _ = write(dir, &path, fingerprint, key, &clusters);
            let problem = Problem::new(&path, format!("cluster cache ignored and rebuilt: {e}"));
            return (clusters, Some(problem), false);
        }
    }
    let clusters = cluster::build(store);
    let problem = write(dir, &path, fingerprint, key, &clusters)
        .err()
        .map(|e| Problem::new(&path, format!("cannot save the cluster cache: {e}")));
    (clusters, problem, false)
}

/// The cached clusters, `None` when there are none for this key (no file,
/// another build, other events), an error when the file is damaged.
fn read(path: &Path, fingerprint: u64, key: u64) -> Result<Option<Clusters>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err("not a cluster cache".into());
    }
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap_or_default());
    let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or_default());
    if u32_at(8) != FORMAT || u64_at(12) != fingerprint || u64_at(20) != key {
        return Ok(None);
    }
    postcard::from_bytes(&bytes[HEADER_LEN..])
        .map(Some)
        .map_err(|e| format!("damaged: {e}"))
}

fn write(
    dir: &Path,
    path: &Path,
    fingerprint: u64,
    key: u64,
    clusters: &Clusters,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let body = postcard::to_stdvec(clusters).map_err(|e| e.to_string())?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".clusters-")
        .tempfile_in(dir)
        .map_err(|e| e.to_string())?;
    let out = tmp.as_file_mut();
    out.write_all(MAGIC)
        .and_then(|_| out.write_all(&FORMAT.to_le_bytes()))
        .and_then(|_| out.write_all(&fingerprint.to_le_bytes()))
        .and_then(|_| out.write_all(&key.to_le_bytes()))
        .and_then(|_| out.write_all(&body))
        .and_then(|_| out.sync_all())
        .map_err(|e| e.to_string())?;
    tmp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::Gazetteer;

    fn store() -> EventStore {
        let docs = vec![crate::corpus::Document {
            id: "a".into(),
            text: "KYIV — Drones struck Kharkiv on 3 March 2025, officials said.\n\nOn 3 March 2025 drones hit Kharkiv again, the governor said.".into(),
            ..Default::default()
        }];
        EventStore::build(docs, Gazetteer::builtin())
    }

    #[test]
    fn a_second_open_reads_the_clusters_back_and_damage_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        let mut first = store();
        assert_eq!(
            cluster(&mut first, Some(dir.path()), &root, None),
            (None, false)
        );
        assert!(!first.clusters().is_empty());
        let mut second = store();
        assert_eq!(
            cluster(&mut second, Some(dir.path()), &root, None),
            (None, true)
        );
        assert_eq!(first.clusters(), second.clusters());

        let file = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(".clusters"))
            .unwrap()
            .path();
        let mut bytes = std::fs::read(&file).unwrap();
        bytes.truncate(HEADER_LEN + 3);
        std::fs::write(&file, bytes).unwrap();
        let mut third = store();
        let (problem, _) = cluster(&mut third, Some(dir.path()), &root, None);
        assert!(problem.is_some(), "a damaged cache is reported");
        assert_eq!(
            third.clusters(),
            first.clusters(),
            "and the store is clustered anyway"
        );
    }
}
