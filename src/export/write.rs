//! Writing an export file safely: through a temporary file in the same
//! folder and a rename, so that a crash or a kill leaves either no file or
//! the whole file, and never over an existing file unless asked to.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Name parts of the temporary file an export is written through.
const TEMP_PREFIX: &str = ".frontlog-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically. Without `force`, fails if `path`
/// already exists (checked at the rename, so no race can clobber a file).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !force && path.exists() {
        return Err(format!(
            "{} already exists (use --force to replace it)",
            path.display()
        ));
    }
    // A run killed between the write and the rename left its temporary.
    crate::tempfiles::remove_stale(dir, TEMP_PREFIX, TEMP_SUFFIX);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let result = if force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    result.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            format!(
                "{} already exists (use --force to replace it)",
                path.display()
            )
        } else {
            format!("cannot write {}: {}", path.display(), e.error)
        }
    })
}

/// Writes `bytes` under a new name in `dir`: `stem.ext`, else `stem-2.ext`,
/// `stem-3.ext`... Never replaces a file. Returns the path written.
pub fn write_new_file(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match write_atomic(&path, bytes, false) {
            Ok(()) => return Ok(path),
            Err(_) if path.exists() => continue,
            Err(e) => return Err(e),
        }
    }
    Err(format!(
        "no free file name for {stem}.{ext} in {}",
        dir.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write_atomic(&p, b"one", false).unwrap();
        let err = write_atomic(&p, b"two", false).unwrap_err();
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"three", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_leftover_of_a_killed_export_is_cleaned_on_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let leftover = dir.path().join(".frontlog-k1lled.tmp");
        let f = std::fs::File::create(&leftover).unwrap();
        let age = crate::tempfiles::STALE_AFTER + std::time::Duration::from_secs(1);
        f.set_modified(std::time::SystemTime::now() - age).unwrap();
        write_atomic(&dir.path().join("out.md"), b"x", false).unwrap();
        assert!(!leftover.exists());
        assert!(dir.path().join("out.md").exists());
    }

    #[test]
    fn new_files_get_fresh_names() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_new_file(dir.path(), "brief", "md", b"a").unwrap();
        let b = write_new_file(dir.path(), "brief", "md", b"b").unwrap();
        assert!(a.ends_with("brief.md") && b.ends_with("brief-2.md"));
        assert_eq!(std::fs::read(a).unwrap(), b"a");
    }

    #[test]
    fn a_missing_folder_is_an_error_message() {
        let err = write_atomic(Path::new("/no/such/dir/out.md"), b"x", false).unwrap_err();
        assert!(err.contains("/no/such/dir"), "{err}");
    }
}
