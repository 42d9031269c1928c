//! Opening a pipeline's output folder ([`super::MARKER`], written by
//! `engine/pipeline.py`) as a store: its `articles/` Parquet shards hold
//! each file's outcome, which are taken in path order exactly as a local
//! read takes its files (the same article ids, the same furniture left
//! out, the same clusters), so the store equals the one reading the corpus
//! itself gives. Built with the `parquet` cargo feature.

use std::path::{Path, PathBuf};

use arrow_array::types::{BinaryType, ByteArrayType, LargeBinaryType, LargeUtf8Type, Utf8Type};
use arrow_array::{Array, GenericByteArray, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde::Deserialize;

use crate::corpus::{self, Problem};
use crate::ingest::{Batch, Intake, Opened, Progress, repeated_notice};

/// What the marker file says.
/// (Its other keys, such as `manifest`, are for the reader.)
#[derive(Debug, Deserialize)]
pub struct Marker {
    format: u32,
    build: String,
    root: PathBuf,
    files: usize,
    #[serde(default)]
    problem: Vec<MarkerProblem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkerProblem {
    path: PathBuf,
    reason: String,
}

/// Opens the pipeline output folder `dir` as a clustered store.
///
/// # Errors
/// The marker cannot be read, was written by another build of frontlog, or
/// a shard cannot be read (the message names the file).
pub fn open(dir: &Path, progress: &Progress) -> Result<Opened, String> {
    let started = std::time::Instant::now();
    let marker = read_marker(dir)?;
    let mut rows = read_articles(&dir.join("articles"))?;
    // In a local read's order: by path, one segment after another (the
    // folder walk's order), so that ids and ties come out the same.
    rows.sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
    progress
        .total
        .store(marker.files, std::sync::atomic::Ordering::Relaxed);
    let mut problems: Vec<Problem> = marker
        .problem
        .into_iter()
        .map(|p| Problem::new(&p.path, p.reason))
        .collect();
    let before = rows.len();
    rows.dedup_by(|a, b| a.0 == b.0);
    if rows.len() != before {
        problems.push(Problem::new(
            dir,
            format!(
                "{} files appear in more than one shard; each was taken once",
                before - rows.len()
            ),
        ));
    }
    if rows.len() != marker.files {
        problems.push(Problem::new(
            dir,
            format!(
                "the shards hold {} files where the pipeline listed {}: the output is incomplete or mixed with another run's",
                rows.len(),
                marker.files
            ),
        ));
    }
    progress.stage("read the shards", started);
    let started = std::time::Instant::now();
    let plan = corpus::Plan {
        root: marker.root.clone(),
        ..corpus::Plan::default()
    };
    let mut intake = Intake::default();
    let mut batch = Batch::default();
    for (relative, bytes) in rows {
        let path = marker.root.join(&relative);
        let outcome = super::decode(&bytes).map_err(|e| {
            format!(
                "{}: the outcome of {relative}: {e}",
                dir.join("articles").display()
            )
        })?;
        intake.take(&plan, &path, outcome, &mut batch);
        progress
            .done
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    problems.extend(intake.problems);
    let repeated = intake.tally.finish();
    let (mut store, gone) = batch.into_new_store(&repeated);
    problems.extend(repeated_notice(&marker.root, &repeated, gone));
    progress.stage("take the outcomes, drop furniture, sort and index", started);
    let started = std::time::Instant::now();
    let clusters = crate::cluster::build(&store);
    store.set_clusters(clusters)?;
    progress.stage("cluster", started);
    Ok(Opened { store, problems })
}

/// The marker of the pipeline output folder `dir`, checked: its format and
/// the build that wrote it must be this frontlog's.
///
/// # Errors
/// A message for the user naming the marker file.
pub fn read_marker(dir: &Path) -> Result<Marker, String> {
    let marker_path = dir.join(super::MARKER);
    let text = std::fs::read_to_string(&marker_path)
        .map_err(|e| format!("cannot read {}: {e}", marker_path.display()))?;
    let marker: Marker =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", marker_path.display()))?;
    if marker.format != 1 {
        return Err(format!(
            "{}: shard format {} is not one this frontlog reads (1)",
            marker_path.display(),
            marker.format
        ));
    }
    if marker.build != super::build_id() {
        return Err(format!(
            "{} was written by another build of frontlog ({}; this one is {}): run the pipeline again with this build",
            dir.display(),
            marker.build,
            super::build_id()
        ));
    }
    Ok(marker)
}

/// Checks, before anything is read, that the pipeline output folder `dir`
/// can be opened: [`read_marker`], and Parquet shards in `articles/`.
///
/// # Errors
/// A message for the user naming the marker or the folder.
pub fn check(dir: &Path) -> Result<(), String> {
    read_marker(dir)?;
    shard_files(&dir.join("articles")).map(|_| ())
}

/// The Parquet files under `dir`, sorted.
fn shard_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "{}: no Parquet shards (the pipeline did not finish, or wrote elsewhere)",
            dir.display()
        ));
    }
    Ok(files)
}

/// (relative path, outcome bytes) of every file in the Parquet files under
/// `dir`.
fn read_articles(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let files = shard_files(dir)?;
    for file in files {
        let fail =
            |e: &dyn std::fmt::Display| format!("cannot read the shard {}: {e}", file.display());
        let f = std::fs::File::open(&file).map_err(|e| fail(&e))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(f)
            .map_err(|e| fail(&e))?
            .build()
            .map_err(|e| fail(&e))?;
        for batch in reader {
            let batch = batch.map_err(|e| fail(&e))?;
            let paths = strings(&batch, "path").map_err(|e| fail(&e))?;
            let outcomes = byte_cells(&batch, "outcome").map_err(|e| fail(&e))?;
            out.extend(paths.into_iter().zip(outcomes));
        }
    }
    Ok(out)
}

fn column<'b>(batch: &'b RecordBatch, name: &str) -> Result<&'b dyn Array, String> {
    batch
        .column_by_name(name)
        .map(|c| c.as_ref())
        .ok_or_else(|| format!("no `{name}` column"))
}

/// The cells of a column of text or bytes (32- or 64-bit offsets), as
/// bytes; an empty cell is an error.
fn byte_cells(batch: &RecordBatch, name: &str) -> Result<Vec<Vec<u8>>, String> {
    fn cells<T: ByteArrayType>(c: &dyn Array) -> Option<Vec<Option<Vec<u8>>>>
    where
        T::Native: AsRef<[u8]>,
    {
        let a = c.as_any().downcast_ref::<GenericByteArray<T>>()?;
        Some(
            (0..a.len())
                .map(|i| (!a.is_null(i)).then(|| a.value(i).as_ref().to_vec()))
                .collect(),
        )
    }
    let c = column(batch, name)?;
    let values = cells::<Utf8Type>(c)
        .or_else(|| cells::<LargeUtf8Type>(c))
        .or_else(|| cells::<BinaryType>(c))
        .or_else(|| cells::<LargeBinaryType>(c))
        .ok_or_else(|| format!("`{name}` is neither text nor bytes"))?;
    values
        .into_iter()
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("`{name}` has an empty cell"))
}

fn strings(batch: &RecordBatch, name: &str) -> Result<Vec<String>, String> {
    byte_cells(batch, name)?
        .into_iter()
        .map(|b| String::from_utf8(b).map_err(|_| format!("`{name}` is not UTF-8 text")))
        .collect()
}
