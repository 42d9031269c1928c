//! Writing an export file safely: through a temporary file in the same
//! folder and a rename, so that a crash or a kill leaves either no file or
//! the whole file, and never over an existing file unless asked to.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Name parts of the temporary file an export is written through.
const TEMP_PREFIX: &str = ".frontlog-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes to `path` atomically what `fill` writes into the writer it is
/// given (buffered), so that an export is written as it is made, never held
/// whole in memory. Without `force`, fails if `path` already exists
/// (checked at the rename, so no race can clobber a file). `fill`'s error
/// (a message for the user) abandons the write and leaves no file.
///
/// A new file gets the usual mode (`0666` less the umask); a replaced one
/// keeps its mode. A symbolic link is followed, so the file it names is
/// replaced and the link stays. A device or a pipe (`/dev/null`, a FIFO) is
/// written into, never replaced; a folder is refused.
pub fn write_atomic_with<T>(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, String>,
) -> Result<T, String> {
    let shown = path.display();
    let target = if path.is_symlink() {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    };
    let mut keep = None;
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => return Err(format!("{shown} is a folder: give a file name")),
        Ok(m) if !m.is_file() => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| format!("cannot write {shown}: {}", reason(&e)))?;
            let mut out = std::io::BufWriter::new(file);
            let made = fill(&mut out)?;
            out.flush()
                .map_err(|e| format!("cannot write {shown}: {}", reason(&e)))?;
            return Ok(made);
        }
        Ok(_) if !force => return Err(already_exists(path)),
        Ok(m) => keep = Some(m.permissions()),
        Err(_) => {}
    }
    let (tmp, made) = filled_temp(&target, &shown.to_string(), keep, fill)?;
    let result = if force {
        tmp.persist(&target).map(|_| ())
    } else {
        tmp.persist_noclobber(&target).map(|_| ())
    };
    result.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(path)
        } else {
            format!("cannot write {shown}: {}", reason(&e.error))
        }
    })?;
    Ok(made)
}

/// A temporary file beside `target`, filled by `fill` (buffered), given
/// the mode `keep` or a new file's, and synced; `shown` names the target in
/// messages.
fn filled_temp<T>(
    target: &Path,
    shown: &str,
    keep: Option<std::fs::Permissions>,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, String>,
) -> Result<(tempfile::NamedTempFile, T), String> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!("cannot write {shown}: no folder {}", dir.display()));
    }
    // A run killed between the write and the rename left its temporary.
    crate::tempfiles::remove_stale(dir, TEMP_PREFIX, TEMP_SUFFIX);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {}", dir.display(), reason(&e)))?;
    let made = {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        let made = fill(&mut out)?;
        out.flush()
            .map_err(|e| format!("cannot write {shown}: {}", reason(&e)))?;
        made
    };
    let mode = keep.or_else(new_file_permissions);
    mode.map_or(Ok(()), |m| tmp.as_file().set_permissions(m))
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write {shown}: {}", reason(&e)))?;
    Ok((tmp, made))
}

fn already_exists(path: &Path) -> String {
    format!(
        "{} already exists (use --force to replace it)",
        path.display()
    )
}

/// What went wrong, without the temporary file's name that the `tempfile`
/// crate appends to its errors (`... at path "/dir/.frontlog-x1.tmp"`).
fn reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// The permissions a new file gets from `open(2)`: `0666` less the umask
/// (read from `/proc/self/status`; `022` where that is not available).
/// The temporary file is created `0600`, which would hide a briefing put
/// in a shared folder from its readers. `None` where modes do not apply.
fn new_file_permissions() -> Option<std::fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let umask = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("Umask:"))?;
                u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
            })
            .unwrap_or(0o022);
        Some(std::fs::Permissions::from_mode(0o666 & !umask))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Writes what `fill` writes (buffered, as it is made) under a new name in
/// `dir`: `stem.ext`, else `stem-2.ext`, `stem-3.ext`... The file is made
/// once, as a temporary, and then given the first free name; it never
/// replaces a file. Returns the path written and `fill`'s result.
pub fn write_new_file_with<T>(
    dir: &Path,
    stem: &str,
    ext: &str,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, String>,
) -> Result<(PathBuf, T), String> {
    let first = dir.join(format!("{stem}.{ext}"));
    let (mut tmp, made) = filled_temp(&first, &first.display().to_string(), None, fill)?;
    for n in 1..10_000 {
        let path = if n == 1 {
            first.clone()
        } else {
            dir.join(format!("{stem}-{n}.{ext}"))
        };
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok((path, made)),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => {
                return Err(format!(
                    "cannot write {}: {}",
                    path.display(),
                    reason(&e.error)
                ));
            }
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

    /// Writes `bytes` to `path` through [`write_atomic_with`].
    fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
        write_atomic_with(path, force, |w| {
            w.write_all(bytes)
                .map_err(|e| format!("cannot write {}: {}", path.display(), reason(&e)))
        })
    }

    /// Writes `bytes` under a new name through [`write_new_file_with`].
    fn write_new_file(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, String> {
        write_new_file_with(dir, stem, ext, |w| {
            w.write_all(bytes).map_err(|e| e.to_string())
        })
        .map(|(path, ())| path)
    }

    #[test]
    fn a_failed_fill_leaves_no_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        let err = write_atomic_with(&p, false, |w| {
            w.write_all(b"half a document").unwrap();
            Err::<(), _>("the export failed".to_owned())
        })
        .unwrap_err();
        assert_eq!(err, "the export failed");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let err = write_new_file_with(dir.path(), "brief", "md", |_| Err::<(), _>("no".to_owned()));
        assert!(err.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_streamed_write_is_the_same_file_as_a_whole_one() {
        let dir = tempfile::tempdir().unwrap();
        let (path, n) = write_new_file_with(dir.path(), "brief", "md", |w| {
            for k in 0..1000 {
                writeln!(w, "line {k}").map_err(|e| e.to_string())?;
            }
            Ok(1000)
        })
        .unwrap();
        assert_eq!(n, 1000);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1000);
        assert!(text.ends_with("line 999\n"));
    }

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
        assert!(!err.contains(TEMP_PREFIX), "no temporary name: {err}");
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for force in [false, true] {
            let err = write_atomic(dir.path(), b"x", force).unwrap_err();
            assert!(err.contains("is a folder"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_into_and_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        for force in [false, true] {
            write_atomic(null, b"briefing", force).unwrap();
            let kind = std::fs::metadata(null).unwrap().file_type();
            assert!(kind.is_char_device(), "/dev/null is still a device");
        }
    }

    #[cfg(unix)]
    #[test]
    fn modes_follow_the_umask_and_a_replaced_file_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // A file made the ordinary way shows what the umask gives.
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let new = dir.path().join("new.md");
        write_atomic(&new, b"x", false).unwrap();
        assert_eq!(mode(&new), mode(&plain));
        let kept = dir.path().join("kept.md");
        std::fs::write(&kept, b"old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new", true).unwrap();
        assert_eq!(mode(&kept), 0o640);
        assert_eq!(std::fs::read(&kept).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(write_atomic(&link, b"new", false).is_err());
        write_atomic(&link, b"new", true).unwrap();
        assert!(link.is_symlink(), "the link stays a link");
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }
}
