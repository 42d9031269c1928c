//! Fuzzes every structured-format reader (web pages, Telegram exports,
//! feeds, JSON dumps) and the extractor behind it: the first byte picks the
//! file name the bytes are read under, the rest is the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["page.html", "result.json", "feed.xml", "dump.json", "dump.jsonl", "feed.rss"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = Path::new(NAMES[pick as usize % NAMES.len()]);
    let mut warnings = Vec::new();
    let Ok(docs) = frontlog::corpus::documents_of_bytes(name, name, bytes, None, &mut warnings) else {
        return;
    };
    for doc in &docs {
        for e in frontlog::extract::extract(doc, 0, frontlog::places::Gazetteer::builtin()) {
            assert!(e.date.first <= e.date.last);
            let _ = e.text(doc);
        }
    }
});
