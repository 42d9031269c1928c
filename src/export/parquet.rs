//! The Parquet export: the columns of [`crate::export::table`], typed —
//! days as `DATE` (Arrow `Date32`), counts, codes, years and the Unix
//! timestamp as `INT64`, degrees as `DOUBLE`, flags as `BOOLEAN`, text as
//! UTF-8 strings — every column nullable, written by the Arrow and Parquet
//! crates (Snappy-free: no compression codec is compiled in). Built only
//! with the `parquet` cargo feature; without it [`render`] says how to get
//! it.

use crate::export::record::EventRecord;

/// Why a build without the feature cannot write Parquet.
pub const UNAVAILABLE: &str = "this frontlog was built without Parquet support: \
     rebuild it with the `parquet` cargo feature (cargo build --release --features parquet)";

/// Renders the records as a Parquet file, `timestamp` (Unix seconds) in
/// every row.
#[cfg(feature = "parquet")]
pub fn render(records: &[EventRecord], timestamp: i64) -> Result<Vec<u8>, String> {
    use std::sync::Arc;

    use arrow_array::{
        ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
    };
    use arrow_schema::{DataType, Field, Schema};
    use chrono::NaiveDate;
    use parquet::arrow::ArrowWriter;

    use crate::export::table::{COLUMNS, ColumnType, Row, Value, cells};

    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let rows: Vec<Vec<Value>> = records
        .iter()
        .map(|record| cells(&Row { record, timestamp }))
        .collect();
    let mut fields = Vec::with_capacity(COLUMNS.len());
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
    for (k, column) in COLUMNS.iter().enumerate() {
        let values = rows.iter().map(|r| &r[k]);
        let (data_type, array): (DataType, ArrayRef) = match column.kind {
            ColumnType::Text => (
                DataType::Utf8,
                Arc::new(StringArray::from_iter(values.map(|v| match v {
                    Value::Text(s) => s.as_deref(),
                    _ => None,
                }))),
            ),
            ColumnType::Int => (
                DataType::Int64,
                Arc::new(Int64Array::from_iter(values.map(|v| match v {
                    Value::Int(n) => *n,
                    _ => None,
                }))),
            ),
            ColumnType::Float => (
                DataType::Float64,
                Arc::new(Float64Array::from_iter(values.map(|v| match v {
                    Value::Float(x) => *x,
                    _ => None,
                }))),
            ),
            ColumnType::Date => (
                DataType::Date32,
                Arc::new(Date32Array::from_iter(values.map(|v| match v {
                    Value::Date(d) => d.map(|d| (d - epoch).num_days() as i32),
                    _ => None,
                }))),
            ),
            ColumnType::Bool => (
                DataType::Boolean,
                Arc::new(BooleanArray::from_iter(values.map(|v| match v {
                    Value::Bool(b) => *b,
                    _ => None,
                }))),
            ),
        };
        fields.push(Field::new(column.name, data_type, true));
        arrays.push(array);
    }
    let fail = |e: &dyn std::fmt::Display| format!("cannot write the Parquet file: {e}");
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|e| fail(&e))?;
    let mut out = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut out, schema, None).map_err(|e| fail(&e))?;
    writer.write(&batch).map_err(|e| fail(&e))?;
    writer.close().map_err(|e| fail(&e))?;
    Ok(out)
}

/// Without the `parquet` feature: the error [`UNAVAILABLE`].
#[cfg(not(feature = "parquet"))]
pub fn render(_records: &[EventRecord], _timestamp: i64) -> Result<Vec<u8>, String> {
    Err(UNAVAILABLE.to_owned())
}
