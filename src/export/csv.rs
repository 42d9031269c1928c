//! The CSV export: one row per event, the columns of [`crate::export::table`]
//! (ACLED's first), RFC 4180 (quoted where needed, CRLF line ends), UTF-8
//! without a byte-order mark.
//!
//! Article text is untrusted and spreadsheets run formulas: a text cell
//! that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! written with a `'` before it (OWASP's advice on CSV injection), so that
//! `=HYPERLINK("http://x","y")` stays text. Numbers and dates are
//! frontlog's own and written as they are (a negative longitude stays a
//! number).

use crate::export::record::EventRecord;
use crate::export::table::{COLUMNS, Row, Value, cells};

/// Writes the records as CSV into `out`, one row as each record comes,
/// `timestamp` (Unix seconds) in every row.
///
/// # Errors
/// The writer's, as a message ("cannot write the CSV: ...").
pub fn write<'a>(
    records: impl Iterator<Item = EventRecord<'a>>,
    timestamp: i64,
    out: &mut dyn std::io::Write,
) -> Result<(), String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let fail = |e: csv::Error| format!("cannot write the CSV: {e}");
    w.write_record(COLUMNS.iter().map(|c| c.name))
        .map_err(fail)?;
    let mut line: Vec<String> = Vec::with_capacity(COLUMNS.len());
    for record in records {
        line.clear();
        line.extend(
            cells(&Row {
                record: &record,
                timestamp,
            })
            .iter()
            .map(cell),
        );
        w.write_record(&line).map_err(fail)?;
    }
    w.flush().map_err(|e| format!("cannot write the CSV: {e}"))
}

/// A cell as text: empty for nothing, ISO dates, `true`/`false`, and text
/// neutralised against formulas.
fn cell(v: &Value) -> String {
    match v {
        Value::Text(Some(s)) => neutralise(s),
        Value::Int(Some(n)) => n.to_string(),
        Value::Float(Some(x)) => x.to_string(),
        Value::Date(Some(d)) => d.format("%Y-%m-%d").to_string(),
        Value::Bool(Some(b)) => b.to_string(),
        Value::Text(None)
        | Value::Int(None)
        | Value::Float(None)
        | Value::Date(None)
        | Value::Bool(None) => String::new(),
    }
}

/// Text that a spreadsheet could take for a formula gets a leading `'`.
pub fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for s in ["+1", "-2+3", "@SUM(A1)", "\tx"] {
            assert!(neutralise(s).starts_with('\''), "{s}");
        }
        assert_eq!(neutralise("Kharkiv"), "Kharkiv");
        assert_eq!(cell(&Value::Float(Some(-73.5))), "-73.5");
    }
}
