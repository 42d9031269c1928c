//! The store snapshot ([`crate::ingest::snapshot`]) on the app's side:
//! taking in a whole store that the loader read from it, and writing it
//! on a thread of its own once a corpus read file by file is clustered, so
//! that the next start opens at once.

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::corpus::Problem;
use crate::ingest::snapshot::{self, Files};
use crate::store::EventStore;
use crate::tui::state::AppState;

impl AppState {
    /// Takes in the whole store of an unchanged corpus, as its snapshot
    /// gave it (sorted, indexed and clustered), with the problems of the
    /// load: it replaces the empty store the app started with.
    pub fn absorb_store(&mut self, store: EventStore, problems: Vec<Problem>) {
        let anchor = self.anchor();
        self.store = Arc::new(store);
        // Outlet ids of the empty store the app started with: none is valid.
        self.query.sources.clear();
        self.source_rows.clear();
        self.shown_query = None;
        self.visible.clear();
        self.coarser.clear();
        self.facet_memo = Default::default();
        self.regions = self
            .regions
            .regrow(self.store.gazetteer(), self.store.regions_present());
        self.year = crate::tui::state::corpus_year(&self.store);
        self.problems = problems;
        self.undated = crate::undated::Undated::of(&self.store);
        self.loading = None;
        self.requery_at(anchor);
        self.settle_all();
    }
}

/// A snapshot being written on another thread.
#[derive(Debug)]
pub struct Saving {
    handle: JoinHandle<Result<(), String>>,
}

impl Saving {
    /// Starts writing the snapshot of the state's store, read from `files`,
    /// when the app has a cache folder. `None` when there is none or the
    /// thread cannot start (then the next start reads the parse cache).
    pub fn start(state: &AppState, files: Files) -> Option<Saving> {
        let dir = state.cluster_plan.cache_dir.clone()?;
        let root = state.cluster_plan.root.clone();
        let manifest = state.cluster_plan.manifest.clone();
        let store = Arc::clone(&state.store);
        let problems = crate::ingest::without_cache_trouble(&state.problems, &dir);
        std::thread::Builder::new()
            .name("frontlog-snapshot".into())
            .spawn(move || {
                snapshot::write(&dir, &root, manifest.as_deref(), files, &store, &problems)
            })
            .ok()
            .map(|handle| Saving { handle })
    }

    /// Whether the writing is over.
    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// Waits for the thread; a failure to write is added to the problems.
    pub fn finish(self, state: &mut AppState) {
        let failed = match self.handle.join() {
            Ok(Ok(())) => return,
            Ok(Err(why)) => why,
            Err(_) => "writing the store snapshot failed (a bug; please report it)".into(),
        };
        let path = state
            .cluster_plan
            .cache_dir
            .clone()
            .unwrap_or_else(|| state.cluster_plan.root.clone());
        state.problems.push(Problem::new(&path, failed));
        state.dirty = true;
    }
}
