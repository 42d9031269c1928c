//! Opening a corpus: reading the folder and building the event store in one
//! call, for the terminal app and the commands alike.

use std::path::{Path, PathBuf};

use crate::corpus::{self, Problem};
use crate::places::Gazetteer;
use crate::store::EventStore;

/// The demo corpus shipped with the project, used when no folder is given.
pub fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("corpus")
}

/// A corpus read into a store, with the files that were skipped.
#[derive(Debug)]
pub struct Opened {
    /// The events of every readable article.
    pub store: EventStore,
    /// Files skipped or read with a warning.
    pub problems: Vec<Problem>,
}

/// Reads a corpus folder and extracts its events. Fails only on a missing
/// folder or a bad manifest (the message names the file, line and key).
pub fn open(root: &Path, manifest: Option<&Path>) -> Result<Opened, String> {
    let corpus = corpus::load(root, manifest)?;
    let store = EventStore::build(corpus.documents, Gazetteer::builtin());
    Ok(Opened {
        store,
        problems: corpus.problems,
    })
}
