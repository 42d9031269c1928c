//! Reading a corpus on a background thread for the app, which must keep
//! answering keys while it loads: the thread reads the files, builds the
//! store itself (merging, sorting and indexing off the interface thread),
//! and hands the app whole stores to show, never work to do.
//!
//! A store is handed over each time it has doubled (from
//! [`FIRST_EVENTS`] events on), as a copy, so that the app shows the
//! timeline growing while the rest is read; the copies cost about one more
//! store's worth of copying over a whole load, and the app drops the store
//! it showed before on a thread of its own. The last store, with the page
//! furniture found across the corpus left out, is handed over without a
//! copy, just before [`Loaded::Done`]. An unchanged corpus comes whole from
//! its snapshot ([`super::snapshot`]) in one message.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};

use super::{Batch, Options, Progress, plan, repeated_notice, snapshot, stream_plan};
use crate::corpus::Problem;
use crate::places::Gazetteer;
use crate::store::EventStore;

/// Events read before the first store is handed over (fewer when the
/// corpus holds fewer).
pub const FIRST_EVENTS: usize = 2_000;

/// What a background load sends.
#[derive(Debug)]
pub enum Loaded {
    /// The store as read so far, sorted and indexed; the last one sent
    /// before [`Loaded::Done`] is the whole corpus, its furniture left out
    /// (and clustered when it came from the snapshot).
    Store(Box<EventStore>),
    /// The files read and their keys, for the snapshot the app writes
    /// once the store is clustered (sent when there is a parse cache,
    /// before [`Loaded::Done`]).
    Files(snapshot::Files),
    /// Every file is handled; these are the problems met.
    Done(Vec<Problem>),
}

/// A corpus being read on a background thread.
#[derive(Debug)]
pub struct Loader {
    /// Counters of the files handled so far.
    pub progress: Arc<Progress>,
    /// Stores as they grow, then [`Loaded::Done`].
    pub receiver: mpsc::Receiver<Loaded>,
}

/// Lists a corpus now (so that a missing folder or a bad manifest is
/// reported before anything else happens), then reads it on a background
/// thread: from its store snapshot when it is unchanged, else file by file.
///
/// # Errors
/// The folder is missing or the manifest cannot be read (the message says
/// which), or the thread cannot start.
pub fn spawn(root: &Path, manifest: Option<&Path>, options: Options) -> Result<Loader, String> {
    if crate::engine::is_shards(root) {
        return spawn_shards(root, manifest);
    }
    let plan = plan(root, manifest)?;
    let progress = Arc::new(Progress::default());
    progress.total.store(plan.files.len(), Ordering::Relaxed);
    let (sender, receiver) = mpsc::channel();
    let counters = Arc::clone(&progress);
    let manifest = manifest.map(Path::to_path_buf);
    std::thread::Builder::new()
        .name("frontlog-ingest".into())
        .spawn(move || {
            let manifest = manifest.as_deref();
            let mut problems = plan.problems.clone();
            if let Some(dir) = &options.cache_dir {
                counters.opening_snapshot.store(true, Ordering::Relaxed);
                let whole = snapshot::open(dir, &plan, manifest, &counters, &mut problems);
                counters.opening_snapshot.store(false, Ordering::Relaxed);
                if let Some(store) = whole {
                    let _ = sender.send(Loaded::Store(counted(store)));
                    let _ = sender.send(Loaded::Done(problems));
                    return;
                }
            }
            let mut growing = Growing::new(|store| {
                let _ = sender.send(Loaded::Store(counted(store)));
            });
            let streamed = stream_plan(&plan, manifest, &options, &counters, |batch| {
                growing.add(batch);
            });
            problems.extend(streamed.problems);
            let Growing {
                mut store, pending, ..
            } = growing;
            pending.into_store(&mut store);
            let gone = store.retire(|e| streamed.repeated.holds(e));
            problems.extend(repeated_notice(&plan.root, &streamed.repeated, gone));
            let _ = sender.send(Loaded::Store(counted(Box::new(store))));
            if let Some(files) = streamed.files {
                let _ = sender.send(Loaded::Files(files));
            }
            let _ = sender.send(Loaded::Done(problems));
        })
        .map_err(|e| format!("cannot start reading the corpus: {e}"))?;
    Ok(Loader { progress, receiver })
}

/// `store` with its whole tally counted ([`crate::store::tally::Tally::totals`]),
/// here on the loader's thread: the interface thread's first slice of a
/// store it takes over is all of it, and counting three million events
/// there took most of a 150 ms frame.
fn counted(store: Box<EventStore>) -> Box<EventStore> {
    crate::store::tally::Tally::totals(&store);
    store
}

/// [`spawn`] for an engine pipeline's output folder ([`crate::engine`]):
/// the store comes whole, clustered, once the shards are read.
fn spawn_shards(root: &Path, manifest: Option<&Path>) -> Result<Loader, String> {
    crate::engine::check_shards(root)?;
    let progress = Arc::new(Progress::default());
    let (sender, receiver) = mpsc::channel();
    let counters = Arc::clone(&progress);
    let root = root.to_path_buf();
    let manifest = manifest.map(Path::to_path_buf);
    std::thread::Builder::new()
        .name("frontlog-shards".into())
        .spawn(
            move || match crate::engine::open_shards(&root, manifest.as_deref(), &counters) {
                Ok(opened) => {
                    let _ = sender.send(Loaded::Store(counted(Box::new(opened.store))));
                    let _ = sender.send(Loaded::Done(opened.problems));
                }
                Err(e) => {
                    let problem = crate::corpus::Problem::new(&root, e);
                    let _ = sender.send(Loaded::Done(vec![problem]));
                }
            },
        )
        .map_err(|e| format!("cannot start reading the shards: {e}"))?;
    Ok(Loader { progress, receiver })
}

/// A store growing batch by batch, handed on (copied) each time it doubles.
struct Growing<F: FnMut(Box<EventStore>)> {
    store: EventStore,
    pending: Batch,
    hand: F,
}

impl<F: FnMut(Box<EventStore>)> Growing<F> {
    fn new(hand: F) -> Growing<F> {
        Growing {
            store: EventStore::new(Gazetteer::builtin()),
            pending: Batch::default(),
            hand,
        }
    }

    /// Takes a batch in; merges what is pending and hands a copy of the
    /// store on once the pending events are as many as the store's (and
    /// at least [`FIRST_EVENTS`]).
    fn add(&mut self, batch: Batch) {
        self.pending.append(batch);
        if self.pending.events.len() >= self.store.events().len().max(FIRST_EVENTS) {
            std::mem::take(&mut self.pending).into_store(&mut self.store);
            (self.hand)(Box::new(self.store.clone()));
        }
    }
}
