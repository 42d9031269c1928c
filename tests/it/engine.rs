//! The engine map steps ([`frontlog::engine`]) done the way a distributed
//! engine does them — each file extracted alone, line keys grouped by key,
//! ids made unique from the ids alone — give the store a local read gives;
//! and a pipeline's output folder (Parquet shards, written here with the
//! Arrow and Parquet crates as pyarrow would) opens as that store.

use std::collections::HashMap;
use std::path::Path;

use frontlog::engine;
use frontlog::ingest::Outcome;
use rustc_hash::FxHashSet;

/// A generated corpus with what a real collection holds besides: a stem
/// taken twice, a file that is no text, a dump of several articles.
fn corpus(dir: &Path) {
    frontlog::synth::write_corpus(dir, 60, 3, frontlog::places::Gazetteer::builtin()).unwrap();
    let first = std::fs::read_dir(dir.join("000"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .min()
        .unwrap();
    std::fs::create_dir_all(dir.join("zz")).unwrap();
    std::fs::copy(&first, dir.join("zz").join(first.file_name().unwrap())).unwrap();
    // "000-x/" comes after "000/" in a folder walk, before it as a string.
    std::fs::create_dir_all(dir.join("000-x")).unwrap();
    std::fs::copy(&first, dir.join("000-x").join(first.file_name().unwrap())).unwrap();
    std::fs::write(dir.join("zz/broken.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    std::fs::write(
        dir.join("zz/dump.jsonl"),
        concat!(
            r#"{"title":"Depot hit","text":"A drone hit a depot in Sumy on 4 May 2025, the governor said.","published":"2025-05-05","source":"Test Wire"}"#,
            "\n",
            r#"{"title":"Talks","text":"Delegations met in Geneva on 6 May 2025, officials said.","published":"2025-05-07","source":"Test Wire"}"#,
            "\n"
        ),
    )
    .unwrap();
}

/// Opens a folder (a corpus or shards) without a cache.
fn open(root: &Path, manifest: Option<&Path>) -> Result<frontlog::ingest::Opened, String> {
    frontlog::ingest::open_with(
        root,
        manifest,
        &frontlog::ingest::Options::default(),
        &frontlog::ingest::Progress::default(),
    )
}

/// What an engine does: every file extracted alone (through its bytes
/// encoded and decoded, as they travel between workers), the furniture
/// judged from the line keys grouped by key, the ids made unique.
fn as_an_engine(root: &Path) -> Vec<(String, Outcome, Option<Vec<String>>)> {
    let (files, problems) = engine::list(root, None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    // The folder's own manifest, as a local read takes it.
    let plan = engine::corpus(root, None).unwrap();
    let outcomes: Vec<(String, Outcome)> = files
        .iter()
        .map(|f| {
            let encoded = engine::encode(&engine::extract_file(&plan, f));
            // The file's bytes shipped to the worker give the same outcome.
            let bytes = std::fs::read(root.join(f)).unwrap();
            assert_eq!(
                encoded,
                engine::encode(&engine::extract(&plan, f, &bytes)),
                "{f}"
            );
            (f.clone(), engine::decode(&encoded).unwrap())
        })
        .collect();
    let ids: Vec<(String, Vec<String>)> = outcomes
        .iter()
        .map(|(f, o)| (f.clone(), engine::article_ids(o)))
        .collect();
    let unique = engine::unique_ids(&ids);
    assert!(
        ids.iter().zip(&unique).any(|((_, own), fin)| own != fin),
        "the copied file's article is renamed"
    );
    outcomes
        .into_iter()
        .zip(unique)
        .map(|((f, o), ids)| (f, o, Some(ids)))
        .collect()
}

fn furniture_of(files: &[(String, Outcome, Option<Vec<String>>)]) -> FxHashSet<u64> {
    // key -> (articles, first day, last day, prose): a group-by.
    let mut groups: HashMap<u64, (u32, Option<i32>, Option<i32>, bool)> = HashMap::new();
    for (_, o, _) in files {
        for (key, day, prose) in engine::line_keys(o) {
            let g = groups.entry(key).or_insert((0, None, None, prose));
            g.0 += 1;
            if let Some(d) = day {
                g.1 = Some(g.1.map_or(d, |f: i32| f.min(d)));
                g.2 = Some(g.2.map_or(d, |l: i32| l.max(d)));
            }
        }
    }
    groups
        .into_iter()
        .filter(|(_, g)| engine::is_furniture(g.0, g.1, g.2, g.3))
        .map(|(k, _)| k)
        .collect()
}

fn ids_and_dates(store: &frontlog::store::EventStore) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = store
        .events()
        .iter()
        .map(|e| {
            let doc = store.doc_of(e);
            (e.id(doc).to_string(), e.date.label(), e.text(doc))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn map_steps_done_apart_give_the_store_of_a_local_read() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let local = open(dir.path(), None).unwrap();
    let files = as_an_engine(dir.path());
    let furniture = furniture_of(&files);
    assert!(!furniture.is_empty(), "the generated corpus has furniture");
    let (store, problems) = engine::store_of(dir.path(), files, &furniture);
    assert_eq!(ids_and_dates(&store), ids_and_dates(&local.store));
    assert_eq!(store.documents().len(), local.store.documents().len());
    assert!(
        problems.iter().any(|p| p.path.ends_with("zz/broken.txt")),
        "{problems:?}"
    );
    // The event rows carry the stable ids, in the export table's columns.
    let rows = engine::event_rows(&store, 0);
    assert_eq!(rows.len(), store.events().len());
    let id_column = frontlog::export::table::COLUMNS
        .iter()
        .position(|c| c.name == "event_id_cnty")
        .unwrap();
    let mut from_rows: Vec<String> = rows
        .iter()
        .map(|r| match &r[id_column] {
            frontlog::export::table::Value::Text(Some(t)) => t.to_string(),
            other => panic!("no id: {other:?}"),
        })
        .collect();
    from_rows.sort();
    let mut want: Vec<String> = ids_and_dates(&local.store)
        .into_iter()
        .map(|x| x.0)
        .collect();
    want.sort();
    assert_eq!(from_rows, want);
}

#[test]
fn furniture_needs_three_articles_and_a_carried_story_is_kept() {
    assert!(!engine::is_furniture(2, Some(1), Some(100), false));
    assert!(engine::is_furniture(3, Some(1), Some(1), false));
    // A prose line in three articles published within three days: one
    // wire story carried by several sites, not furniture.
    assert!(!engine::is_furniture(3, Some(10), Some(12), true));
    assert!(engine::is_furniture(3, Some(10), Some(40), true));
}

#[test]
fn a_folder_with_the_marker_is_taken_for_shards() {
    let dir = tempfile::tempdir().unwrap();
    assert!(!engine::is_shards(dir.path()));
    std::fs::write(dir.path().join(engine::MARKER), "format = 1\n").unwrap();
    assert!(engine::is_shards(dir.path()));
    let e = engine::open_shards(dir.path(), None, &Default::default()).unwrap_err();
    #[cfg(not(feature = "parquet"))]
    assert!(e.contains("parquet"), "{e}");
    #[cfg(feature = "parquet")]
    assert!(e.contains("frontlog-shards.toml"), "{e}");
}

#[cfg(feature = "parquet")]
mod shards {
    use std::sync::Arc;

    use arrow_array::{BinaryArray, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;

    use super::*;

    /// Writes `files`' outcomes as pyarrow would: two Parquet shards under
    /// `out/articles/`, and the marker.
    fn write_shards(root: &Path, out: &Path, files: &[(String, Outcome)], build: &str) {
        std::fs::create_dir_all(out.join("articles")).unwrap();
        let schema = Arc::new(Schema::new(vec![
            Field::new("path", DataType::Utf8, false),
            Field::new("outcome", DataType::Binary, false),
        ]));
        let half = files.len() / 2;
        // Out of path order on purpose, and by string within each shard
        // ("000-x/" before "000/"): the reader puts them in walk order.
        let mut files = files.to_vec();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        for (n, part) in [&files[half..], &files[..half]].into_iter().enumerate() {
            let paths = StringArray::from_iter_values(part.iter().map(|(p, _)| p.as_str()));
            let blobs: Vec<Vec<u8>> = part.iter().map(|(_, o)| engine::encode(o)).collect();
            let outcomes = BinaryArray::from_iter_values(blobs.iter().map(Vec::as_slice));
            let batch =
                RecordBatch::try_new(schema.clone(), vec![Arc::new(paths), Arc::new(outcomes)])
                    .unwrap();
            let file =
                std::fs::File::create(out.join(format!("articles/part-{n}.parquet"))).unwrap();
            let mut w = ArrowWriter::try_new(file, schema.clone(), None).unwrap();
            w.write(&batch).unwrap();
            w.close().unwrap();
        }
        std::fs::write(
            out.join(engine::MARKER),
            format!(
                "format = 1\nbuild = {build:?}\nroot = {:?}\nfiles = {}\n",
                root.display().to_string(),
                files.len()
            ),
        )
        .unwrap();
    }

    #[test]
    fn shards_open_as_the_store_of_a_local_read() {
        let dir = tempfile::tempdir().unwrap();
        corpus(dir.path());
        let local = open(dir.path(), None).unwrap();
        let files: Vec<(String, Outcome)> = as_an_engine(dir.path())
            .into_iter()
            .map(|(f, o, _)| (f, o))
            .collect();
        let out = tempfile::tempdir().unwrap();
        write_shards(dir.path(), out.path(), &files, &engine::build_id());
        let opened = open(out.path(), None).unwrap();
        assert_eq!(
            crate::snapshot::portrait(&opened.store),
            crate::snapshot::portrait(&local.store)
        );
        assert_eq!(opened.problems, local.problems);
        // A manifest given with shards is not applied, and that is said.
        let manifest = dir.path().join("manifest.toml");
        let with = open(out.path(), Some(&manifest)).unwrap();
        assert_eq!(with.problems[0].path, manifest);
        assert!(with.problems[0].reason.contains("not applied"));
    }

    #[test]
    fn shards_of_another_build_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        corpus(dir.path());
        let files: Vec<(String, Outcome)> = as_an_engine(dir.path())
            .into_iter()
            .map(|(f, o, _)| (f, o))
            .collect();
        let out = tempfile::tempdir().unwrap();
        write_shards(dir.path(), out.path(), &files, "0.0.0-0000000000000000");
        let e = open(out.path(), None).unwrap_err();
        assert!(e.contains("another build of frontlog"), "{e}");
    }
}
