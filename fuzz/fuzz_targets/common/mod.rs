//! Shared body of the per-reader fuzz targets: the bytes are read as a
//! file of the given name (its extension hints at the format), and every
//! document read is extracted. Readers may refuse bytes with a problem;
//! they must never panic, and every event's dates must be ordered.

use std::path::Path;

/// Reads `bytes` as the file `name` and extracts every document.
pub fn read_as(name: &str, bytes: &[u8]) {
    let name = Path::new(name);
    let mut warnings = Vec::new();
    let Ok(docs) = frontlog::corpus::documents_of_bytes(name, name, bytes, None, &mut warnings)
    else {
        return;
    };
    for doc in &docs {
        for e in frontlog::extract::extract(doc, 0, frontlog::places::Gazetteer::builtin()) {
            assert!(e.date.first <= e.date.last);
            let _ = e.text(doc);
        }
    }
}
