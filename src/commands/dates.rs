//! `frontlog dates`: every temporal expression of a text as JSON lines, with
//! character offsets.

use std::io::{self, Read, Write};
use std::path::Path;

use chrono::NaiveDate;

use frontlog::export::CharIndex;
use frontlog::timex;

use super::Failure;

/// Tags a file (or standard input) and prints one JSON object per expression.
pub fn run(dct: Option<NaiveDate>, file: Option<&Path>) -> Result<(), Failure> {
    let bytes = match file {
        Some(path) => {
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
        }
        None => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            buf
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let index = CharIndex::new(&text);
    let mut out = io::BufWriter::new(io::stdout().lock());
    for t in timex::tag(&text, dct) {
        let line = serde_json::json!({
            "start": index.char_offset(&text, t.start),
            "end": index.char_offset(&text, t.end),
            "text": &text[t.start..t.end],
            "type": t.kind.as_str(),
            "value": t.value,
        });
        writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    Ok(())
}
