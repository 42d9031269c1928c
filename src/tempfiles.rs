//! Temporary files that a killed run leaves behind. Files are written
//! through a temporary name and a rename; a `kill -9` between the two leaves
//! the temporary file. The next run removes such files once they are old
//! enough that no live run can still be writing them, and touches nothing
//! else: only names of exactly the shape the `tempfile` crate gives them.

use std::path::Path;
use std::time::Duration;

/// A temporary file this old is a leftover: writing one takes seconds.
pub const STALE_AFTER: Duration = Duration::from_secs(15 * 60);

/// Length of the random part `tempfile` puts between prefix and suffix.
const RANDOM_LEN: usize = 6;

/// Deletes files in `dir` named `{prefix}XXXXXX{suffix}` (six letters or
/// digits) that were last modified more than [`STALE_AFTER`] ago. Errors
/// are ignored: a leftover that stays is harmless.
pub fn remove_stale(dir: &Path, prefix: &str, suffix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| is_temporary(n, prefix, suffix));
        let old = || {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_AFTER))
        };
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) && old() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn is_temporary(name: &str, prefix: &str, suffix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .is_some_and(|random| {
            random.len() == RANDOM_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    fn file(dir: &Path, name: &str, age: Duration) {
        let path = dir.join(name);
        let f = std::fs::File::create(&path).unwrap();
        f.set_modified(SystemTime::now() - age).unwrap();
    }

    #[test]
    fn only_old_files_of_the_exact_shape_go() {
        let dir = tempfile::tempdir().unwrap();
        let old = STALE_AFTER + Duration::from_secs(60);
        file(dir.path(), ".frontlog-aB3dE9.tmp", old);
        file(dir.path(), ".frontlog-fresh1.tmp", Duration::ZERO);
        file(dir.path(), ".frontlog-notes.tmp", old);
        file(dir.path(), ".frontlog-aB3dE9.tmp.bak", old);
        file(dir.path(), "brief.md", old);
        remove_stale(dir.path(), ".frontlog-", ".tmp");
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".frontlog-aB3dE9.tmp.bak",
                ".frontlog-fresh1.tmp",
                ".frontlog-notes.tmp",
                "brief.md"
            ]
        );
    }

    #[test]
    fn a_missing_folder_is_no_error() {
        remove_stale(Path::new("/no/such/folder"), ".cache-", "");
    }
}
