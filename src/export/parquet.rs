//! The Parquet export: the columns of [`crate::export::table`], typed —
//! days as `DATE` (Arrow `Date32`), counts, codes, years and the Unix
//! timestamp as `INT64`, degrees as `DOUBLE`, flags as `BOOLEAN`, text as
//! UTF-8 strings — every column nullable, written by the Arrow and Parquet
//! crates (Snappy-free: no compression codec is compiled in). Built only
//! with the `parquet` cargo feature; without it [`write`] says how to get
//! it. Written a row group at a time as the records come.

use crate::export::record::EventRecord;

/// Why a build without the feature cannot write Parquet.
pub const UNAVAILABLE: &str = "this frontlog was built without Parquet support: \
     rebuild it with the `parquet` cargo feature (cargo build --release --features parquet)";

/// Rows per row group: the records are turned into Arrow arrays and
/// encoded this many at a time, so memory stays flat in the slice's size.
#[cfg(feature = "parquet")]
const ROW_GROUP: usize = 65_536;

/// Writes the records as a Parquet file into `out`, `timestamp` (Unix
/// seconds) in every row: a row group of [`ROW_GROUP`] records at a time,
/// each handed to `out` as soon as it is encoded.
///
/// # Errors
/// A message for the user when Arrow, Parquet or `out` fails.
#[cfg(feature = "parquet")]
pub fn write<'a>(
    records: impl Iterator<Item = EventRecord<'a>>,
    timestamp: i64,
    out: &mut dyn std::io::Write,
) -> Result<(), String> {
    write_grouped(records, timestamp, out, ROW_GROUP)
}

/// [`write`] with `group` records per row group.
#[cfg(feature = "parquet")]
fn write_grouped<'a>(
    records: impl Iterator<Item = EventRecord<'a>>,
    timestamp: i64,
    out: &mut dyn std::io::Write,
    group: usize,
) -> Result<(), String> {
    use std::sync::Arc;

    use arrow_schema::{Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::file::properties::WriterProperties;

    use crate::export::table::{COLUMNS, Row, cells};

    let fail = |e: &dyn std::fmt::Display| format!("cannot write the Parquet file: {e}");
    let schema = Arc::new(Schema::new(
        COLUMNS
            .iter()
            .map(|c| Field::new(c.name, arrow_type(c.kind), true))
            .collect::<Vec<_>>(),
    ));
    let properties = WriterProperties::builder()
        .set_max_row_group_row_count(Some(group))
        .build();
    // The writer encodes into a buffer that is emptied into `out` after
    // every row group (it counts its offsets itself).
    let mut writer =
        ArrowWriter::try_new(Vec::new(), schema.clone(), Some(properties)).map_err(|e| fail(&e))?;
    let mut records = records.peekable();
    while records.peek().is_some() {
        let records: Vec<EventRecord> = records.by_ref().take(group).collect();
        let rows: Vec<_> = records
            .iter()
            .map(|record| cells(&Row { record, timestamp }))
            .collect();
        writer
            .write(&batch(&schema, &rows).map_err(|e| fail(&e))?)
            .map_err(|e| fail(&e))?;
        writer.flush().map_err(|e| fail(&e))?;
        let encoded = writer.inner_mut();
        out.write_all(encoded).map_err(|e| fail(&e))?;
        encoded.clear();
    }
    let rest = writer.into_inner().map_err(|e| fail(&e))?;
    out.write_all(&rest).map_err(|e| fail(&e))?;
    Ok(())
}

/// The Arrow type of a table column.
#[cfg(feature = "parquet")]
fn arrow_type(kind: crate::export::table::ColumnType) -> arrow_schema::DataType {
    use crate::export::table::ColumnType;
    use arrow_schema::DataType;
    match kind {
        ColumnType::Text => DataType::Utf8,
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Date => DataType::Date32,
        ColumnType::Bool => DataType::Boolean,
    }
}

/// One Arrow record batch of table rows (each the cells of [`COLUMNS`]).
#[cfg(feature = "parquet")]
fn batch(
    schema: &std::sync::Arc<arrow_schema::Schema>,
    rows: &[Vec<crate::export::table::Value>],
) -> Result<arrow_array::RecordBatch, arrow_schema::ArrowError> {
    use std::sync::Arc;

    use arrow_array::{
        ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
    };
    use chrono::NaiveDate;

    use crate::export::table::{COLUMNS, ColumnType, Value};

    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let arrays: Vec<ArrayRef> = COLUMNS
        .iter()
        .enumerate()
        .map(|(k, column)| {
            let values = rows.iter().map(|r| &r[k]);
            let array: ArrayRef = match column.kind {
                ColumnType::Text => Arc::new(StringArray::from_iter(values.map(|v| match v {
                    Value::Text(s) => s.as_deref(),
                    _ => None,
                }))),
                ColumnType::Int => Arc::new(Int64Array::from_iter(values.map(|v| match v {
                    Value::Int(n) => *n,
                    _ => None,
                }))),
                ColumnType::Float => Arc::new(Float64Array::from_iter(values.map(|v| match v {
                    Value::Float(x) => *x,
                    _ => None,
                }))),
                ColumnType::Date => Arc::new(Date32Array::from_iter(values.map(|v| match v {
                    Value::Date(d) => d.map(|d| (d - epoch).num_days() as i32),
                    _ => None,
                }))),
                ColumnType::Bool => Arc::new(BooleanArray::from_iter(values.map(|v| match v {
                    Value::Bool(b) => *b,
                    _ => None,
                }))),
            };
            array
        })
        .collect();
    RecordBatch::try_new(schema.clone(), arrays)
}

/// Without the `parquet` feature: the error [`UNAVAILABLE`].
#[cfg(not(feature = "parquet"))]
pub fn write<'a>(
    _records: impl Iterator<Item = EventRecord<'a>>,
    _timestamp: i64,
    _out: &mut dyn std::io::Write,
) -> Result<(), String> {
    Err(UNAVAILABLE.to_owned())
}

#[cfg(all(test, feature = "parquet"))]
mod tests {
    use super::*;

    #[test]
    fn row_groups_written_as_they_come_make_one_readable_file() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let docs = vec![crate::corpus::Document {
            id: "a".into(),
            text: "Drones struck Kharkiv on 3 March 2025.\n\nShelling hit Sumy on 4 March 2025.\n\nA missile hit Odesa on 5 March 2025.\n\nTalks opened in Geneva on 6 March 2025.\n\nA drone hit Kherson on 7 March 2025.".into(),
            ..Default::default()
        }];
        let store = crate::store::EventStore::build(docs, crate::places::Gazetteer::builtin());
        let slice: Vec<u32> = (0..store.events().len() as u32).collect();
        assert!(slice.len() >= 5);
        let mut out = Vec::new();
        let records = crate::export::record::records_iter(&store, &slice);
        write_grouped(records, 0, &mut out, 2).unwrap();
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &out).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows() as usize, slice.len());
        assert_eq!(meta.num_row_groups(), slice.len().div_ceil(2));
    }
}
