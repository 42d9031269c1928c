//! Page furniture learnt from the corpus (issue 11): a line that recurs in
//! three or more files gives no events, in the one-shot open (export,
//! stats) and in the background load the app uses; the cache stays right
//! when a file changes.

use std::path::Path;

use frontlog::ingest::{Loaded, Options, Progress, open_with, spawn};
use frontlog::store::EventStore;

const SIDEBAR: &str = "Port hit by drones on March 2, 2025, three dead";

fn article(dir: &Path, i: usize, sidebar: bool) {
    let side = if sidebar { SIDEBAR } else { "" };
    std::fs::write(
        dir.join(format!("a{i}.txt")),
        format!(
            "Headline number {i} of the corpus\n\nShelling hit district {i} on March {}, 2025, officials said.\n\n{side}\n",
            3 + i
        ),
    )
    .unwrap();
}

fn texts(store: &EventStore) -> Vec<String> {
    store
        .events()
        .iter()
        .map(|e| e.text(store.doc_of(e)))
        .collect()
}

fn open(root: &Path, cache: &Path) -> (Vec<String>, Vec<String>) {
    let opened = open_with(
        root,
        None,
        &Options {
            cache_dir: Some(cache.to_path_buf()),
        },
        &Progress::default(),
    )
    .unwrap();
    let problems = opened.problems.iter().map(|p| p.to_string()).collect();
    (texts(&opened.store), problems)
}

#[test]
fn a_line_in_three_files_gives_no_events_and_is_reported() {
    let corpus = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for i in 0..4 {
        article(corpus.path(), i, true);
    }
    let (events, problems) = open(corpus.path(), cache.path());
    assert!(!events.iter().any(|t| t.contains("Port hit")), "{events:?}");
    assert_eq!(events.iter().filter(|t| t.contains("Shelling")).count(), 4);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("1 line recur in 3 or more files")
                && p.contains("4 dated sentences were left out")),
        "{problems:?}"
    );
    // Two files lose the line: it recurs in two files only, and the cached
    // records of the others give its events back.
    article(corpus.path(), 0, false);
    article(corpus.path(), 1, false);
    let (events, problems) = open(corpus.path(), cache.path());
    assert_eq!(
        events.iter().filter(|t| t.contains("Port hit")).count(),
        2,
        "{events:?}"
    );
    assert!(
        !problems.iter().any(|p| p.contains("recur")),
        "{problems:?}"
    );
}

#[test]
fn a_line_in_two_files_is_kept() {
    let corpus = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for i in 0..2 {
        article(corpus.path(), i, true);
    }
    article(corpus.path(), 2, false);
    let (events, _) = open(corpus.path(), cache.path());
    assert_eq!(events.iter().filter(|t| t.contains("Port hit")).count(), 2);
}

#[test]
fn the_background_load_leaves_the_furniture_out_of_its_last_store_and_says_so() {
    let corpus = tempfile::tempdir().unwrap();
    for i in 0..5 {
        article(corpus.path(), i, true);
    }
    let loader = spawn(corpus.path(), None, Options { cache_dir: None }).unwrap();
    let mut last = None;
    let mut problems = Vec::new();
    for message in loader.receiver.iter() {
        match message {
            Loaded::Store(store) => last = Some(store),
            Loaded::Files(_) => unreachable!("no cache, so no snapshot"),
            Loaded::Done(p) => {
                problems = p;
                break;
            }
        }
    }
    let store = last.expect("the whole store is handed over");
    assert!(!texts(&store).iter().any(|t| t.contains("Port hit")));
    assert_eq!(store.events().iter().filter(|e| !e.headline).count(), 5);
    // The text index follows: a search finds kept events, not retired ones.
    let hits = store.text_hits(&frontlog::store::TextMatcher::new("port hit").unwrap());
    assert!(hits.iter().all(|h| !h));
    let hits = store.text_hits(&frontlog::store::TextMatcher::new("shelling").unwrap());
    assert_eq!(hits.iter().filter(|h| **h).count(), 5);
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("5 dated sentences were left out")),
        "{problems:?}"
    );
}

#[test]
fn the_app_never_shows_the_furniture_once_the_corpus_is_read_and_says_so() {
    let corpus = tempfile::tempdir().unwrap();
    for i in 0..4 {
        article(corpus.path(), i, true);
    }
    let loader = spawn(corpus.path(), None, Options { cache_dir: None }).unwrap();
    let mut s = crate::tui_support::state_of(
        EventStore::new(frontlog::places::Gazetteer::builtin()),
        120,
        40,
        true,
    );
    let mut last = None;
    for message in loader.receiver.iter() {
        match message {
            Loaded::Store(store) => last = Some(store),
            Loaded::Files(_) => unreachable!("no cache, so no snapshot"),
            Loaded::Done(p) => {
                s.absorb_store(*last.take().expect("a store before the end"), Some(p));
                break;
            }
        }
    }
    let shown = |s: &frontlog::tui::state::AppState| -> Vec<String> {
        s.visible
            .iter()
            .map(|&i| {
                let e = &s.store.events()[i as usize];
                e.text(s.store.doc_of(e))
            })
            .collect()
    };
    assert!(
        !shown(&s).iter().any(|t| t.contains("Port hit")),
        "{:?}",
        shown(&s)
    );
    assert_eq!(
        shown(&s).iter().filter(|t| t.contains("Shelling")).count(),
        4
    );
    assert!(
        s.problems
            .iter()
            .any(|p| p.to_string().contains("4 dated sentences were left out")),
        "{:?}",
        s.problems
    );
}
