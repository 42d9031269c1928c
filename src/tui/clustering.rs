//! Clustering the store once the corpus is read, on a thread of its own so
//! that the app keeps answering (the status line says "clustering…"), with
//! the same cluster cache as `frontlog export`: a corpus reopened unchanged
//! gets its clusters back at once.
//!
//! The same thread first builds the store's text index
//! ([`crate::store::EventStore::build_text_index`]), which the text filter
//! uses from the moment it is there (until then it scans), and last the
//! index's pairs of frequent words, which answer typed phrases
//! ([`crate::store::EventStore::build_text_pairs`]).
//!
//! The thread shares the store (an [`Arc`]) and only reads it; it gives its
//! share back before it reports, so the app can then hand the clusters to
//! the store ([`crate::tui::state::AppState::take_clusters`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::cluster::Clusters;
use crate::corpus::Problem;
use crate::tui::state::AppState;

/// Where the clusters of a corpus are cached: the loader's cache folder,
/// corpus folder and manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterPlan {
    /// The cache folder; `None` clusters without a cache (`--no-cache`).
    pub cache_dir: Option<PathBuf>,
    /// The corpus folder.
    pub root: PathBuf,
    /// The manifest, if any.
    pub manifest: Option<PathBuf>,
}

/// Clustering under way on another thread.
#[derive(Debug)]
pub struct Job {
    /// The clusters and the problem to show; `None` when the store came
    /// clustered.
    handle: JoinHandle<Option<(Clusters, Option<Problem>)>>,
}

impl Job {
    /// Starts clustering the state's store, and says so in the status line.
    /// `None` when the thread cannot start (then it clusters on this thread).
    pub fn start(state: &mut AppState) -> Option<Job> {
        let store = Arc::clone(&state.store);
        let plan = state.cluster_plan.clone();
        // A store from the snapshot comes clustered: only its text index
        // is left to build.
        let clustered = !store.clusters().is_empty();
        let spawned = std::thread::Builder::new()
            .name("frontlog-cluster".into())
            .spawn(move || {
                store.build_text_index();
                let out = (!clustered).then(|| {
                    crate::ingest::cluster_cache::clusters_for(
                        &store,
                        plan.cache_dir.as_deref(),
                        &plan.root,
                        plan.manifest.as_deref(),
                    )
                });
                // The pairs that answer phrases exactly come last: the
                // clusters wait for this thread to end, and typed phrases
                // are answered (more slowly) without them.
                store.build_text_pairs();
                // Give the store back before reporting.
                drop(store);
                out
            });
        match spawned {
            Ok(handle) => {
                state.clustering = !clustered;
                state.dirty = true;
                Some(Job { handle })
            }
            Err(_) if clustered => None,
            Err(_) => {
                state.cluster_now();
                None
            }
        }
    }

    /// Whether the clusters are ready to be taken.
    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// Waits for the thread and hands its clusters (or why there are none)
    /// to the state.
    pub fn finish(self, state: &mut AppState) {
        match self.handle.join() {
            Ok(Some((clusters, problem))) => state.take_clusters(clusters, problem),
            Ok(None) => {}
            Err(_) => {
                state.clustering = false;
                state.problems.push(Problem::new(
                    &state.cluster_plan.root,
                    "clustering failed (a bug; please report it): reports are shown one by one",
                ));
                state.dirty = true;
            }
        }
    }
}
