//! Taking the outcomes of a corpus's files into store batches, in path
//! order: the one way they become batches, whether read here, taken from
//! the parse cache or read from an engine's shards ([`crate::engine`]).
//! Article ids are made unique here, and the lines counted for the
//! furniture repeated across files.

use std::collections::HashSet;
use std::path::Path;

use super::{Article, Batch, Outcome, repeated};
use crate::corpus::{self, Problem};

/// The id an article of the file `relative` takes: its own, unless an
/// earlier article took it; then its file's relative path without the
/// extension ("a/x#3" for the third article of a/x.json). Adds it to
/// `taken`.
pub fn unique_id(taken: &mut HashSet<String>, relative: &Path, id: String) -> String {
    if taken.insert(id.clone()) {
        return id;
    }
    let path = relative
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/");
    let id = match id.split_once('#') {
        Some((_, n)) => format!("{path}#{n}"),
        None => path,
    };
    taken.insert(id.clone());
    id
}

/// Takes the outcomes of a corpus's files, in path order, into batches:
/// gives an article whose id another file's article already took an id
/// made of its relative path, counts its lines for the furniture repeated
/// across files, and keeps the problems. The one way outcomes become
/// store batches, whether they were read here, taken from the parse cache
/// or read from an engine's shards ([`crate::engine`]).
#[derive(Debug, Default)]
pub struct Intake {
    ids: HashSet<String>,
    /// The line counts so far.
    pub tally: repeated::Tally,
    /// Files skipped and warnings, in path order.
    pub problems: Vec<Problem>,
}

impl Intake {
    /// Adds the outcome of the file at `path` (under `plan.root`) to
    /// `batch`.
    pub fn take(&mut self, plan: &corpus::Plan, path: &Path, outcome: Outcome, batch: &mut Batch) {
        match outcome {
            Outcome::Read { articles, warnings } => {
                for article in articles {
                    let Article {
                        mut doc,
                        events,
                        folded,
                        keys,
                    } = article;
                    doc.path = path.to_path_buf();
                    doc.id = unique_id(&mut self.ids, plan.relative(path), doc.id);
                    self.tally.add(keys);
                    let index = batch.docs.len() as u32;
                    batch.events.extend(events.into_iter().map(|mut e| {
                        e.doc = index;
                        e
                    }));
                    batch.docs.push(*doc);
                    batch.folded.extend(folded);
                }
                self.problems.extend(warnings);
            }
            Outcome::Skipped(problem) => self.problems.push(problem),
        }
    }
}
