//! The background loader hands the app whole stores as the corpus is read:
//! each one sorted and indexed, each bigger than the one before (it is
//! handed over when it has doubled), and the last one the very store that
//! reading the corpus at once gives.

use frontlog::ingest::{Loaded, Options, Progress, open_with, spawn};

#[test]
fn stores_grow_while_the_corpus_is_read_and_the_last_is_the_whole_corpus() {
    let root = tempfile::tempdir().unwrap();
    frontlog::synth::write_corpus(root.path(), 1000, 9, frontlog::places::Gazetteer::builtin())
        .unwrap();
    let loader = spawn(root.path(), None, Options { cache_dir: None }).unwrap();
    let mut stores = Vec::new();
    for message in loader.receiver.iter() {
        match message {
            Loaded::Store(store) => stores.push(store),
            Loaded::Files(_) => unreachable!("no cache, so no snapshot"),
            Loaded::Done(_) => break,
        }
    }
    assert!(stores.len() >= 3, "{} stores", stores.len());
    let sizes: Vec<usize> = stores.iter().map(|s| s.events().len()).collect();
    assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
    for store in &stores {
        assert!(
            store
                .events()
                .windows(2)
                .all(|w| w[0].date.first <= w[1].date.first),
            "each store handed over is sorted"
        );
    }
    let whole = open_with(
        root.path(),
        None,
        &Options { cache_dir: None },
        &Progress::default(),
    )
    .unwrap()
    .store;
    let last = stores.pop().unwrap();
    // The app clusters the last store itself; compare all but the clusters.
    assert!(last.clusters().is_empty());
    let whole_unclustered = frontlog::store::EventStore::from_sorted_parts(
        whole.documents().to_vec(),
        whole.events().to_vec(),
        whole.folded_of(0..whole.events().len()),
        Default::default(),
        whole.gazetteer(),
    )
    .unwrap();
    assert_eq!(
        crate::snapshot::portrait(&last),
        crate::snapshot::portrait(&whole_unclustered)
    );
    assert_eq!(last.documents().len(), 1000);
}
