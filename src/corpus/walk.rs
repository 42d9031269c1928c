//! Walking a corpus folder: every article file (`.txt`, `.md` and the
//! readers' extensions, or a file without an extension that a reader claims
//! by its first bytes), recursively, in a stable order, with a reason for
//! every entry that is skipped.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Problem;

/// Extensions of article files (compared case-insensitively).
/// (Structured formats add theirs: [`super::formats::EXTENSIONS`].)
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];

/// The files found under a corpus folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Article files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Entries that were skipped, with why.
    pub skipped: Vec<Problem>,
}

/// Lists the article files under `root`. Hidden entries (names starting with
/// a dot) are passed over silently, as is the manifest; other files with the
/// wrong extension, unreadable folders and symbolic-link loops are reported.
pub fn list(root: &Path) -> Listing {
    let mut listing = Listing::default();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let regular = e.file_type().is_file();
                let path = e.into_path();
                if is_article(&path) && !regular {
                    listing
                        .skipped
                        .push(Problem::new(&path, "not a regular file"));
                } else if is_article(&path) || (regular && unnamed_but_readable(&path)) {
                    listing.files.push(path);
                } else if path.parent() == Some(root)
                    && path.file_name() == Some("manifest.toml".as_ref())
                {
                    // The corpus manifest: read separately.
                } else {
                    listing
                        .skipped
                        .push(Problem::new(&path, skip_reason(&path)));
                }
            }
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_owned()
                } else if let Some(io) = err.io_error() {
                    io.to_string()
                } else {
                    err.to_string()
                };
                listing.skipped.push(Problem { path, reason });
            }
        }
    }
    listing
}

/// Bytes read from the start of a file without an extension to tell its
/// format.
const SNIFF_BYTES: usize = 4096;

/// Whether a file without an extension is one a reader claims by its first
/// bytes (a saved page, a feed, a JSON dump saved under a bare name). Plain
/// text without an extension ("LICENSE", "Makefile") is not read.
fn unnamed_but_readable(path: &Path) -> bool {
    if path.extension().is_some() {
        return false;
    }
    let mut head = vec![0u8; SNIFF_BYTES];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    n > 0 && super::formats::reader_for(path, &head[..n]).is_some()
}

/// Why a file is not read: its type, and the types that are (the
/// extensions [`is_article`] takes).
fn skip_reason(path: &Path) -> String {
    let known: Vec<String> = ARTICLE_EXTENSIONS
        .iter()
        .chain(super::formats::EXTENSIONS)
        .map(|e| format!(".{e}"))
        .collect();
    let kinds = format!("articles are {}, or a Telegram export", known.join(", "));
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("a .{ext} file is not read ({kinds})"),
        None => format!("no extension, and not a web page, feed or JSON dump ({kinds})"),
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Whether a path has an article extension.
pub fn is_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ARTICLE_EXTENSIONS
            .iter()
            .chain(super::formats::EXTENSIONS)
            .any(|a| a.eq_ignore_ascii_case(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_listed_in_name_order_depth_first() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("x")).unwrap();
        for f in ["x.txt", "x-1.txt", "x/a.txt", "X.txt", "é.txt", "b.md"] {
            std::fs::write(dir.path().join(f), "text").unwrap();
        }
        let names: Vec<String> = list(dir.path())
            .files
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        // Byte order of names: "X" < "b" < "x" < "x-1.txt" < "x.txt" < "é".
        assert_eq!(
            names,
            ["X.txt", "b.md", "x/a.txt", "x-1.txt", "x.txt", "é.txt"]
        );
    }

    #[test]
    fn lists_articles_recursively_and_reports_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "z.txt",
            "a/b/deep.MD",
            "photo.jpg",
            "manifest.toml",
            ".hidden.txt",
            ".git/x.txt",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let l = list(root);
        let names: Vec<_> = l
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            vec![PathBuf::from("a/b/deep.MD"), PathBuf::from("z.txt")]
        );
        assert_eq!(l.skipped.len(), 1);
        assert!(l.skipped[0].path.ends_with("photo.jpg"));
        assert!(l.skipped[0].reason.starts_with("a .jpg file is not read"));
    }

    #[test]
    fn a_page_saved_without_an_extension_is_read_by_its_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("saved-page"),
            "<!DOCTYPE html><html><body>x</body></html>",
        )
        .unwrap();
        std::fs::write(root.join("LICENSE"), "Permission is hereby granted").unwrap();
        let l = list(root);
        assert_eq!(l.files, vec![root.join("saved-page")]);
        assert_eq!(l.skipped.len(), 1);
        assert!(
            l.skipped[0]
                .reason
                .starts_with("no extension, and not a web page")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_skipped_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let l = list(dir.path());
        assert!(l.files.is_empty());
        assert_eq!(l.skipped[0].reason, "not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let l = list(root);
        assert_eq!(l.files.len(), 1);
        assert!(
            l.skipped.iter().any(|p| p.reason.contains("loop")),
            "{:?}",
            l.skipped
        );
    }
}
