//! Fuzzes the document parser (decoding, front matter, metadata,
//! boilerplate, paragraphs, sentences) and the extractor behind it.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = frontlog::corpus::decode::decode(data) else { return };
    let mut warnings = Vec::new();
    let doc = frontlog::corpus::document_from_text("f".into(), Path::new("f.md"), text, None, &mut warnings);
    for e in frontlog::extract::extract(&doc, 0, frontlog::places::Gazetteer::builtin()) {
        assert!(e.date.first <= e.date.last);
        for span in [e.sentence, e.expression, e.paragraph].into_iter().flatten() {
            let r = span.range();
            assert!(r.start <= r.end && r.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
        }
        let _ = e.text(&doc);
    }
});
