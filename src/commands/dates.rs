//! `frontlog dates`: every temporal expression of a text as JSON lines, with
//! character offsets.

use std::io::{self, Read, Write};
use std::path::Path;

use chrono::NaiveDate;

use frontlog::export::CharIndex;
use frontlog::lang::Lang;
use frontlog::timex;

use super::Failure;

/// Tags a file (or standard input) and prints one JSON object per
/// expression. `lang` is a language code; without it the language is
/// detected, English when unsure.
pub fn run(dct: Option<NaiveDate>, lang: Option<&str>, file: Option<&Path>) -> Result<(), Failure> {
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
    let lang = match lang {
        Some(code) => Lang::parse(code),
        None => frontlog::lang::detect(&text).map_or(Lang::En, |(l, _)| l),
    };
    let mut carry = timex::Carry::default();
    for t in timex::tag_lang(&text, dct, lang, &mut carry) {
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
