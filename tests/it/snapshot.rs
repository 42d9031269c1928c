//! The store snapshot, through the library and the binary: an unchanged
//! corpus reopens from it with the very store a fresh read gives (events,
//! articles, outlets, clusters, text filter and region index); a changed,
//! added or removed file misses it and it is written again; a damaged one
//! is reported and rebuilt; a `kill -9` while one is written leaves the old
//! one usable.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use frontlog::ingest::{Opened, Options, Progress, open_with};
use frontlog::store::{EventStore, TextMatcher};

/// A generated corpus of `n` articles in `dir`.
fn corpus(dir: &Path, n: usize) {
    frontlog::synth::write_corpus(dir, n, 5, frontlog::places::Gazetteer::builtin()).unwrap();
}

fn open(root: &Path, cache: &Path) -> (Opened, bool, usize) {
    let progress = Progress::default();
    let opened = open_with(
        root,
        None,
        &Options {
            cache_dir: Some(cache.to_path_buf()),
        },
        &progress,
    )
    .unwrap();
    (
        opened,
        progress.from_snapshot.load(Ordering::Relaxed),
        progress.cached.load(Ordering::Relaxed),
    )
}

/// Everything about a store that a reader of it sees, as text.
pub fn portrait(store: &EventStore) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n",
        store.events(),
        store.documents(),
        store.sources(),
        store.clusters()
    );
    for needle in ["dro", "struck", "officials said", "kyiv", "a", "zzz"] {
        let m = TextMatcher::new(needle).unwrap();
        let hits: Vec<usize> = (0..store.events().len())
            .filter(|&i| store.event_contains(i as u32, &m))
            .collect();
        out.push_str(&format!("{needle}: {hits:?}\n"));
    }
    let mut regions: Vec<_> = store
        .regions_present()
        .map(|r| (r, store.events_in_region(r).to_vec()))
        .collect();
    regions.sort();
    out.push_str(&format!("{regions:?}\n"));
    for s in 0..store.sources().len() {
        out.push_str(&format!("{:?}\n", store.events_of_source(s as u32)));
    }
    out
}

fn snapshot_file(cache: &Path) -> PathBuf {
    std::fs::read_dir(cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "snapshot"))
        .expect("a snapshot was written")
}

#[test]
fn an_unchanged_corpus_reopens_from_the_snapshot_with_the_same_store() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 60);
    std::fs::write(root.path().join("broken.txt"), b"\x89PNG\r\n\x1a\n\0").unwrap();
    let (fresh, from_snapshot, _) = open(root.path(), cache.path());
    assert!(!from_snapshot);
    assert!(fresh.store.events().len() > 100);
    assert!(!fresh.store.clusters().is_empty());
    let (again, from_snapshot, cached) = open(root.path(), cache.path());
    assert!(from_snapshot, "the second open comes from the snapshot");
    assert_eq!(cached, 61);
    assert_eq!(portrait(&again.store), portrait(&fresh.store));
    assert_eq!(
        again.problems, fresh.problems,
        "the skipped file is still listed"
    );
    assert_eq!(fresh.problems.len(), 1, "{:?}", fresh.problems);
}

#[test]
fn a_changed_added_or_removed_file_misses_the_snapshot_which_is_written_again() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 30);
    open(root.path(), cache.path());
    let a_file = std::fs::read_dir(root.path().join("000"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .min()
        .unwrap();
    let changes: Vec<Box<dyn Fn()>> = vec![
        Box::new(|| {
            let mut text = std::fs::read_to_string(&a_file).unwrap();
            text.push_str("\nOn 4 May 2025 a drone struck a depot in Sumy, the governor said.\n");
            std::fs::write(&a_file, text).unwrap();
        }),
        Box::new(|| {
            std::fs::write(
                root.path().join("added.txt"),
                "Added later\n\nShelling hit Kherson on 2 June 2025, officials said.\n",
            )
            .unwrap();
        }),
        Box::new(|| std::fs::remove_file(root.path().join("added.txt")).unwrap()),
    ];
    for change in changes {
        change();
        let (changed, from_snapshot, _) = open(root.path(), cache.path());
        assert!(!from_snapshot, "a changed corpus is read again");
        let (reopened, from_snapshot, _) = open(root.path(), cache.path());
        assert!(from_snapshot, "and its new snapshot is used next time");
        assert_eq!(portrait(&reopened.store), portrait(&changed.store));
    }
}

#[test]
fn a_damaged_snapshot_is_reported_and_rebuilt() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 30);
    let (fresh, _, _) = open(root.path(), cache.path());
    let file = snapshot_file(cache.path());
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xFF;
    let mut bad_index = good.clone();
    let last = bad_index.len() - 3;
    bad_index[last] ^= 0x55;
    for bytes in [
        b"something else entirely".to_vec(),
        good[..good.len() / 3].to_vec(),
        flipped,
        bad_index,
    ] {
        std::fs::write(&file, &bytes).unwrap();
        let (opened, from_snapshot, _) = open(root.path(), cache.path());
        assert!(!from_snapshot);
        assert!(
            opened
                .problems
                .iter()
                .any(|p| p.reason.contains("store snapshot ignored")),
            "{:?}",
            opened.problems
        );
        assert_eq!(portrait(&opened.store), portrait(&fresh.store));
        let (opened, from_snapshot, _) = open(root.path(), cache.path());
        assert!(from_snapshot, "the snapshot was written again");
        assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    }
}

#[test]
fn the_problems_view_tells_a_damaged_snapshot_from_a_skipped_file() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 20);
    std::fs::write(root.path().join("broken.txt"), b"\x89PNG\r\n\x1a\n\0").unwrap();
    open(root.path(), cache.path());
    std::fs::write(snapshot_file(cache.path()), b"not a snapshot").unwrap();
    let (opened, _, _) = open(root.path(), cache.path());
    assert_eq!(opened.problems.len(), 2, "{:?}", opened.problems);
    let mut state = frontlog::tui::state::AppState::new(
        opened.store,
        opened.problems,
        frontlog::config::Settings::default_settings(false),
        root.path().to_path_buf(),
        (120, 40),
    );
    state.cluster_plan.cache_dir = Some(cache.path().to_path_buf());
    crate::tui_support::press(&mut state, "p");
    let screen = crate::tui_support::screen(&state);
    assert!(
        screen.contains("1 file skipped or read with a warning:"),
        "{screen}"
    );
    assert!(
        screen.contains("1 cache problem (no article lost):"),
        "{screen}"
    );
    let file_at = screen
        .find("broken.txt")
        .expect("the skipped file is listed");
    let cache_at = screen.find("cache problem").unwrap();
    assert!(
        file_at < cache_at,
        "files come before cache trouble:\n{screen}"
    );
}

fn stats(root: &Path, cache: &Path, pause: Option<&str>) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_frontlog"));
    c.arg("stats").arg(root).env("XDG_CACHE_HOME", cache);
    if let Some(p) = pause {
        c.env("FRONTLOG_FAULT_SNAPSHOT_PAUSE", p);
    }
    c
}

/// Whether a snapshot's temporary file is in `dir`: a write under way.
fn writing(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".snapshot-"))
    })
}

#[test]
fn kill_9_while_a_snapshot_is_written_leaves_the_old_one_usable() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 40);
    let first = stats(root.path(), cache.path(), None).output().unwrap();
    assert!(first.status.success());
    let dir = cache.path().join("frontlog");
    let old = std::fs::read(snapshot_file(&dir)).unwrap();
    // A new file makes the next run write a new snapshot, slowly.
    let extra = root.path().join("extra.txt");
    std::fs::write(&extra, "Extra\n\nDrones hit Odesa on 1 July 2025.\n").unwrap();
    let mut child = stats(root.path(), cache.path(), Some("0.5"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !writing(&dir) && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(writing(&dir), "the run started writing a snapshot");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        std::fs::read(snapshot_file(&dir)).unwrap(),
        old,
        "the old snapshot is untouched"
    );
    // The corpus as it was: the old snapshot serves it, with no warning.
    std::fs::remove_file(&extra).unwrap();
    let after = stats(root.path(), cache.path(), None).output().unwrap();
    let stdout = String::from_utf8_lossy(&after.stdout);
    let stderr = String::from_utf8_lossy(&after.stderr);
    assert!(after.status.success(), "{stderr}");
    assert!(
        stdout.contains("all from the store snapshot"),
        "{stdout}\n{stderr}"
    );
    assert!(!stderr.contains("ignored"), "{stderr}");
}

/// The app's view of a corpus opened by the background loader, as the
/// event loop takes it in: the stores it hands over (and the snapshot's
/// files), or the whole store from the snapshot.
fn app_rows(root: &Path, cache: &Path) -> (Vec<String>, bool, Option<usize>) {
    use frontlog::ingest::{Loaded, spawn};
    let loader = spawn(
        root,
        None,
        Options {
            cache_dir: Some(cache.to_path_buf()),
        },
    )
    .unwrap();
    let mut s = crate::tui_support::state_of(
        EventStore::new(frontlog::places::Gazetteer::builtin()),
        120,
        40,
        true,
    );
    let mut files = None;
    for message in loader.receiver.iter() {
        match message {
            Loaded::Store(store) => s.absorb_store(*store, None),
            Loaded::Files(f) => files = Some(f.len()),
            Loaded::Done(problems) => {
                s.finish_loading(problems);
                break;
            }
        }
    }
    let from_snapshot = loader.progress.from_snapshot.load(Ordering::Relaxed);
    let rows = s
        .visible
        .iter()
        .map(|&i| {
            let e = &s.store.events()[i as usize];
            format!("{} {}", e.date.first, e.text(s.store.doc_of(e)))
        })
        .collect();
    (rows, from_snapshot, files)
}

#[test]
fn the_app_takes_the_whole_store_from_the_snapshot_and_shows_the_same_rows() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 40);
    // The app writes the snapshot itself once it has clustered; here the
    // command-line path writes it, from the same files.
    let (first, from_snapshot, files) = app_rows(root.path(), cache.path());
    assert!(!from_snapshot);
    assert_eq!(
        files,
        Some(40),
        "the files are handed over for the snapshot"
    );
    open(root.path(), cache.path());
    let (second, from_snapshot, files) = app_rows(root.path(), cache.path());
    assert!(from_snapshot);
    assert_eq!(files, None, "nothing to write again");
    assert!(first.len() > 50);
    assert_eq!(first, second);
}

#[test]
fn a_corpus_named_another_way_keeps_its_paths_and_lists_each_problem_once() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 20);
    let mut manifest = std::fs::read_to_string(root.path().join("manifest.toml")).unwrap();
    manifest.push_str("\n[[doc]]\nfile = \"gone.txt\"\nsource = \"Nobody\"\n");
    std::fs::write(root.path().join("manifest.toml"), manifest).unwrap();
    let (first, _, _) = open(root.path(), cache.path());
    let other = tempfile::tempdir().unwrap();
    let alias = other.path().join("alias");
    std::os::unix::fs::symlink(root.path(), &alias).unwrap();
    let (again, from_snapshot, _) = open(&alias, cache.path());
    assert!(from_snapshot, "the same folder, named another way");
    assert_eq!(first.problems.len(), 1, "{:?}", first.problems);
    assert_eq!(again.problems.len(), 1, "{:?}", again.problems);
    assert!(again.problems[0].path.starts_with(&alias));
    assert!(
        again
            .store
            .documents()
            .iter()
            .all(|d| d.path.starts_with(&alias))
    );
}

#[test]
fn a_cancelled_write_leaves_no_file_behind() {
    let root = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(root.path(), 10);
    let opened = open_with(root.path(), None, &Options::default(), &Progress::default()).unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(true);
    let written = frontlog::ingest::snapshot::write(
        cache.path(),
        root.path(),
        None,
        Vec::new(),
        &opened.store,
        &[],
        &cancel,
    );
    assert!(written.is_err());
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0);
}

#[test]
fn the_status_line_says_the_snapshot_is_being_opened() {
    let mut s = crate::tui_support::state_of(
        EventStore::new(frontlog::places::Gazetteer::builtin()),
        120,
        30,
        true,
    );
    s.loading = Some(frontlog::tui::state::Loading {
        total: 62000,
        snapshot: true,
        ..Default::default()
    });
    let screen = crate::tui_support::screen(&s);
    assert!(
        screen.contains("opening the snapshot of 62000 files"),
        "{screen}"
    );
    assert!(!screen.contains("reading"), "{screen}");
}
