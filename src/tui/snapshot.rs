//! Whole stores on the app's side: taking in each store the background
//! loader ([`crate::ingest::background`]) hands over as the corpus is read
//! (or the whole store from its snapshot, [`crate::ingest::snapshot`]),
//! and writing the snapshot on a thread of its own once a corpus read file
//! by file is clustered, so that the next start opens at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use crate::corpus::Problem;
use crate::ingest::snapshot::{self, Files};
use crate::store::EventStore;
use crate::tui::state::AppState;

impl AppState {
    /// Takes in a whole store from the background loader: the corpus as
    /// read so far, or all of it (from its snapshot, or read file by file).
    /// It replaces the store shown; the filters (outlets found again by
    /// name), the selected event (by its stable id) and the folding of the
    /// region tree are kept. `finished` carries the problems of the whole
    /// load once it is over. The store shown before is dropped on a thread
    /// of its own, since freeing a large one takes a while.
    pub fn absorb_store(&mut self, store: EventStore, finished: Option<Vec<Problem>>) {
        // A selection still on the first row follows the first row: a
        // corpus read piece by piece opens where one read whole does.
        let anchor = (self.timeline.selected > 0)
            .then(|| self.anchor())
            .flatten();
        let old = std::mem::replace(&mut self.store, Arc::new(store));
        let id_of = |s: &u32| {
            let name = old.sources().get(*s as usize)?;
            self.store
                .sources()
                .iter()
                .position(|n| n == name)
                .map(|i| i as u32)
        };
        self.query.sources = self.query.sources.iter().filter_map(id_of).collect();
        self.source_rows = self.source_rows.iter().filter_map(id_of).collect();
        drop_elsewhere(old);
        self.shown_query = None;
        self.visible.clear();
        self.coarser.clear();
        self.facet_memo = Default::default();
        self.regions = self
            .regions
            .regrow(self.store.gazetteer(), self.store.regions_present());
        self.year = crate::tui::state::corpus_year(&self.store);
        if let Some(problems) = finished {
            self.finish_loading(problems);
        }
        self.requery_at(anchor);
        self.settle_all();
    }

    /// Ends the load: its problems are listed and the undated articles
    /// counted.
    pub fn finish_loading(&mut self, problems: Vec<Problem>) {
        self.problems = problems;
        self.undated = crate::undated::Undated::of(&self.store);
        self.loading = None;
        self.dirty = true;
    }
}

/// Drops a store on a thread of its own (freeing millions of allocations
/// takes longer than a frame); here, if no thread can start.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    // A thread that cannot start drops its closure, and the value, here.
    let _ = std::thread::Builder::new()
        .name("frontlog-drop".into())
        .spawn(move || drop(value));
}

/// A snapshot being written on another thread. Dropped before it is done
/// (the app quits), it stops the writing at the next chunk and waits for
/// the thread, so no temporary file is left behind.
#[derive(Debug)]
pub struct Saving {
    handle: Option<JoinHandle<Result<(), String>>>,
    cancel: Arc<AtomicBool>,
}

impl Drop for Saving {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.cancel.store(true, Ordering::Relaxed);
            let _ = handle.join();
        }
    }
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
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        std::thread::Builder::new()
            .name("frontlog-snapshot".into())
            .spawn(move || {
                snapshot::write(
                    &dir,
                    &root,
                    manifest.as_deref(),
                    files,
                    &store,
                    &problems,
                    &stop,
                )
            })
            .ok()
            .map(|handle| Saving {
                handle: Some(handle),
                cancel,
            })
    }

    /// Whether the writing is over.
    pub fn is_finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the thread; a failure to write is added to the problems.
    pub fn finish(mut self, state: &mut AppState) {
        let Some(handle) = self.handle.take() else {
            return;
        };
        let failed = match handle.join() {
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
