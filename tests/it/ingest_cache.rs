//! The parse cache, through the library: an unchanged corpus is taken whole
//! from the cache, a changed file is parsed alone, and a damaged or foreign
//! cache is reported and rebuilt, never trusted.

use std::path::Path;
use std::sync::atomic::Ordering;

use frontlog::ingest::{Options, Progress, open_with};

fn corpus(dir: &Path) {
    for i in 0..12 {
        std::fs::write(
            dir.join(format!("a{i}.txt")),
            format!(" date 2025-02-{:02}\nHeadline number {i} of the corpus\nThe strike came on February {}, officials said.\n", 10 + i, 1 + i),
        )
        .unwrap();
    }
    std::fs::write(dir.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0").unwrap();
}

fn open(root: &Path, cache: &Path) -> (usize, usize, Vec<String>, String) {
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
    let problems = opened.problems.iter().map(|p| p.to_string()).collect();
    let events = format!("{:?}", opened.store.events());
    (
        progress.done.load(Ordering::Relaxed),
        progress.cached.load(Ordering::Relaxed),
        problems,
        events,
    )
}

#[test]
fn warm_reopen_parses_nothing_and_gives_the_same_store() {
    let corpus_dir = tempfile::tempdir().unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    corpus(corpus_dir.path());
    let (done, cached, problems, cold) = open(corpus_dir.path(), cache_dir.path());
    assert_eq!((done, cached), (13, 0));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (done, cached, problems, warm) = open(corpus_dir.path(), cache_dir.path());
    assert_eq!(
        (done, cached),
        (13, 13),
        "every file, the skipped one included, comes from the cache"
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(cold, warm);
}

#[test]
fn a_changed_file_is_parsed_alone() {
    let corpus_dir = tempfile::tempdir().unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    corpus(corpus_dir.path());
    open(corpus_dir.path(), cache_dir.path());
    std::fs::write(
        corpus_dir.path().join("a3.txt"),
        " date 2025-03-01\nA different headline now\nNothing dated here.\n",
    )
    .unwrap();
    let (done, cached, _, events) = open(corpus_dir.path(), cache_dir.path());
    assert_eq!((done, cached), (13, 12));
    assert!(events.contains("2025-03-01"));
    std::fs::remove_file(corpus_dir.path().join("a4.txt")).unwrap();
    let (done, cached, _, _) = open(corpus_dir.path(), cache_dir.path());
    assert_eq!((done, cached), (12, 12));
}

#[test]
fn damaged_or_foreign_caches_are_reported_and_rebuilt() {
    let corpus_dir = tempfile::tempdir().unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    corpus(corpus_dir.path());
    let (_, _, _, reference) = open(corpus_dir.path(), cache_dir.path());
    // The parse cache (the cluster cache beside it has its own test).
    let file = std::fs::read_dir(cache_dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "cache"))
        .unwrap();
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xFF;
    let damages: Vec<(Vec<u8>, &str)> = vec![
        (b"not a cache at all".to_vec(), "not a frontlog cache"),
        (good[..good.len() - 7].to_vec(), "damaged"),
        (good[..40].to_vec(), ""),
        (flipped, ""),
    ];
    for (bytes, why) in damages {
        // Without the store snapshot, which would answer before the parse
        // cache is read (it has tests of its own, in `snapshot`).
        remove_snapshots(cache_dir.path());
        std::fs::write(&file, &bytes).unwrap();
        let (done, _, problems, events) = open(corpus_dir.path(), cache_dir.path());
        assert_eq!(done, 13);
        assert_eq!(
            events, reference,
            "a damaged cache never changes the result"
        );
        if !why.is_empty() {
            assert!(
                problems.iter().any(|p| p.contains(why)),
                "{why}: {problems:?}"
            );
        }
        remove_snapshots(cache_dir.path());
        let (_, cached, problems, _) = open(corpus_dir.path(), cache_dir.path());
        assert_eq!(cached, 13, "the cache was rebuilt");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}

fn remove_snapshots(cache: &Path) {
    for e in std::fs::read_dir(cache).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "snapshot") {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
}
