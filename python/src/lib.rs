//! `frontlog_engine._native`: frontlog's map steps ([`frontlog::engine`])
//! for Python, built by maturin. The Python package `frontlog_engine` wraps
//! these functions and turns their columns into Arrow record batches;
//! `engine/pipeline.py` runs them on Ray Data.
//!
//! Columns cross the boundary as Python lists (one list per column); the
//! heavy work runs with the GIL released, on frontlog's own thread pool.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rustc_hash::FxHashSet;

use frontlog::engine;
use frontlog::export::table::{COLUMNS, ColumnType, Value};

type Plan = Arc<frontlog::corpus::Plan>;
/// Corpus descriptions by (folder, manifest).
type Plans = HashMap<(String, Option<String>), Plan>;
/// Relative paths, and the (path, reason) of the entries skipped.
type Listing = (Vec<String>, Vec<(String, String)>);

/// The corpus description of a folder and manifest, read once per worker
/// process.
fn plan(root: &str, manifest: Option<&str>) -> PyResult<Plan> {
    static PLANS: OnceLock<Mutex<Plans>> = OnceLock::new();
    let key = (root.to_owned(), manifest.map(str::to_owned));
    let plans = PLANS.get_or_init(Default::default);
    let mut plans = plans.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = plans.get(&key) {
        return Ok(Arc::clone(p));
    }
    let p = Arc::new(
        engine::corpus(Path::new(root), manifest.map(Path::new)).map_err(PyValueError::new_err)?,
    );
    plans.insert(key, Arc::clone(&p));
    Ok(p)
}

/// The identity of this build's outcome encoding: the version and a hash
/// of the sources (`0.1.0-` and 16 hex digits).
#[pyfunction]
fn build_id() -> String {
    engine::build_id()
}

/// The files of a corpus folder, relative and sorted, as frontlog reads
/// them, and the entries skipped while listing, as (path, reason).
#[pyfunction]
#[pyo3(signature = (root, manifest=None))]
fn list_files(root: &str, manifest: Option<&str>) -> PyResult<Listing> {
    let (files, problems) =
        engine::list(Path::new(root), manifest.map(Path::new)).map_err(PyValueError::new_err)?;
    Ok((
        files,
        problems
            .into_iter()
            .map(|p| (p.path.to_string_lossy().into_owned(), p.reason))
            .collect(),
    ))
}

/// The map step: per file (its path relative to `root`, as `list_files`
/// names it), its outcome bytes, its article ids and, for a skipped file,
/// why. The files are read from storage this process sees, as frontlog
/// reads them; or, when `contents` is given (one `bytes` per path), taken
/// from it. Returns a dict of columns: `path`, `article_ids`, `outcome`,
/// `problem`.
#[pyfunction]
#[pyo3(signature = (root, manifest, paths, contents=None))]
fn extract<'py>(
    py: Python<'py>,
    root: &str,
    manifest: Option<&str>,
    paths: Vec<String>,
    contents: Option<Vec<Bound<'py, PyBytes>>>,
) -> PyResult<Bound<'py, PyDict>> {
    if contents.as_ref().is_some_and(|c| c.len() != paths.len()) {
        return Err(PyValueError::new_err("paths and contents differ in length"));
    }
    let plan = plan(root, manifest)?;
    let contents: Option<Vec<&[u8]>> = contents
        .as_ref()
        .map(|c| c.iter().map(|b| b.as_bytes()).collect());
    let rows: Vec<(Vec<u8>, Vec<String>, Option<String>)> = py.allow_threads(|| {
        use frontlog::ingest::Outcome;
        paths
            .iter()
            .enumerate()
            .map(|(i, path)| {
                let outcome = match &contents {
                    Some(c) => engine::extract(&plan, path, c[i]),
                    None => engine::extract_file(&plan, path),
                };
                let problem = match &outcome {
                    Outcome::Skipped(p) => Some(p.reason.clone()),
                    Outcome::Read { .. } => None,
                };
                (
                    engine::encode(&outcome),
                    engine::article_ids(&outcome),
                    problem,
                )
            })
            .collect()
    });
    let out = PyDict::new(py);
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut ids = Vec::with_capacity(rows.len());
    let mut problems = Vec::with_capacity(rows.len());
    for (bytes, i, p) in rows {
        outcomes.push(PyBytes::new(py, &bytes));
        ids.push(i);
        problems.push(p);
    }
    out.set_item("path", paths)?;
    out.set_item("article_ids", ids)?;
    out.set_item("outcome", PyList::new(py, outcomes)?)?;
    out.set_item("problem", problems)?;
    Ok(out)
}

fn decode_all(outcomes: &[Bound<'_, PyBytes>]) -> PyResult<Vec<frontlog::ingest::Outcome>> {
    outcomes
        .iter()
        .map(|b| engine::decode(b.as_bytes()).map_err(PyValueError::new_err))
        .collect()
}

/// The line keys of the articles of some outcomes: a dict of columns
/// `key` (the line's 64-bit hash, its bits as a signed integer: engines
/// group signed integers best), `day` (days from the common era, or None) and
/// `prose`.
#[pyfunction]
fn line_keys<'py>(
    py: Python<'py>,
    outcomes: Vec<Bound<'py, PyBytes>>,
) -> PyResult<Bound<'py, PyDict>> {
    let decoded = decode_all(&outcomes)?;
    let rows: Vec<engine::LineKey> =
        py.allow_threads(|| decoded.iter().flat_map(engine::line_keys).collect());
    let out = PyDict::new(py);
    out.set_item("key", rows.iter().map(|r| r.0 as i64).collect::<Vec<i64>>())?;
    out.set_item(
        "day",
        rows.iter().map(|r| r.1).collect::<Vec<Option<i32>>>(),
    )?;
    out.set_item("prose", rows.iter().map(|r| r.2).collect::<Vec<bool>>())?;
    Ok(out)
}

/// The keys judged furniture, from each key's group: how many articles
/// hold it, their first and last publication days, whether it reads as
/// prose. Keys as [`line_keys`] gives them.
#[pyfunction]
fn furniture(
    keys: Vec<i64>,
    files: Vec<u32>,
    first_day: Vec<Option<i32>>,
    last_day: Vec<Option<i32>>,
    prose: Vec<bool>,
) -> PyResult<Vec<i64>> {
    let n = keys.len();
    if [files.len(), first_day.len(), last_day.len(), prose.len()]
        .iter()
        .any(|&l| l != n)
    {
        return Err(PyValueError::new_err(
            "furniture: the columns differ in length",
        ));
    }
    Ok(keys
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| engine::is_furniture(files[i], first_day[i], last_day[i], prose[i]))
        .map(|(_, k)| k)
        .collect())
}

/// How many articles a line must be found in to be furniture: fewer can
/// be dropped before the keys are summed.
#[pyfunction]
fn min_articles() -> u32 {
    engine::MIN_ARTICLES
}

/// The final article ids of a corpus's files given in path order.
#[pyfunction]
fn unique_ids(paths: Vec<String>, ids: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let files: Vec<(String, Vec<String>)> = paths.into_iter().zip(ids).collect();
    engine::unique_ids(&files)
}

/// The names and types (`text`, `int`, `float`, `date`, `bool`) of the
/// event columns.
#[pyfunction]
fn columns() -> Vec<(&'static str, &'static str)> {
    COLUMNS
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ColumnType::Text => "text",
                ColumnType::Int => "int",
                ColumnType::Float => "float",
                ColumnType::Date => "date",
                ColumnType::Bool => "bool",
            };
            (c.name, kind)
        })
        .collect()
}

/// The events of some files as a dict of columns ([`columns`]; days as
/// ISO strings), the lines of `furniture` left out. `ids`: each file's
/// final article ids ([`unique_ids`]), or None to keep its own.
#[pyfunction]
#[pyo3(signature = (root, paths, outcomes, ids, furniture, timestamp))]
fn events<'py>(
    py: Python<'py>,
    root: &str,
    paths: Vec<String>,
    outcomes: Vec<Bound<'py, PyBytes>>,
    ids: Vec<Option<Vec<String>>>,
    furniture: Vec<i64>,
    timestamp: i64,
) -> PyResult<Bound<'py, PyDict>> {
    let decoded = decode_all(&outcomes)?;
    let furniture: FxHashSet<u64> = furniture.into_iter().map(|k| k as u64).collect();
    let root = PathBuf::from(root);
    let rows = py.allow_threads(|| {
        let files = paths
            .into_iter()
            .zip(decoded)
            .zip(ids)
            .map(|((p, o), i)| (p, o, i))
            .collect();
        let (store, _) = engine::store_of(&root, files, &furniture);
        engine::event_rows(&store, timestamp)
    });
    let out = PyDict::new(py);
    for (c, column) in COLUMNS.iter().enumerate() {
        let list = PyList::empty(py);
        for row in &rows {
            match &row[c] {
                Value::Text(t) => list.append(t.as_deref())?,
                Value::Int(n) => list.append(*n)?,
                Value::Float(f) => list.append(*f)?,
                Value::Date(d) => list.append(d.map(|d| d.to_string()))?,
                Value::Bool(b) => list.append(*b)?,
            }
        }
        out.set_item(column.name, list)?;
    }
    Ok(out)
}

/// The module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(build_id, m)?)?;
    m.add_function(wrap_pyfunction!(list_files, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(line_keys, m)?)?;
    m.add_function(wrap_pyfunction!(furniture, m)?)?;
    m.add_function(wrap_pyfunction!(min_articles, m)?)?;
    m.add_function(wrap_pyfunction!(unique_ids, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(events, m)?)?;
    Ok(())
}
