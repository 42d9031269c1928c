"""frontlog's extraction of dated, placed happenings from news articles, as
map steps for a distributed engine (Ray Data, Spark).

Each function takes and returns Arrow data (``pyarrow.Table`` or
``RecordBatch``), so it slots into ``Dataset.map_batches(...,
batch_format="pyarrow")`` or Spark's ``mapInArrow``. The work is done by
frontlog itself (Rust, through PyO3), so the events, their stable ids and
their columns are those of ``frontlog export`` on the same files.

- :func:`extract` reads files (relative path and bytes) into outcomes: one
  row per file, with its article ids and, for a skipped file, why.
- :func:`line_keys` and :func:`furniture` find the page furniture repeated
  across files (a menu line, a teaser), which is no event.
- :func:`events` turns outcomes into event rows, the columns of
  ``frontlog export --format parquet`` (ACLED's names first).

Outcomes are opaque bytes, read back only by the same build of frontlog
(:func:`build_id`).
"""

from __future__ import annotations

import pyarrow as pa

from . import _native

__all__ = [
    "build_id", "min_articles", "list_files", "extract", "line_keys", "furniture", "unique_ids",
    "event_schema", "events",
]

build_id = _native.build_id
min_articles = _native.min_articles
list_files = _native.list_files
unique_ids = _native.unique_ids

_TYPES = {
    "text": pa.string(), "int": pa.int64(), "float": pa.float64(),
    "date": pa.date32(), "bool": pa.bool_(),
}


def event_schema() -> pa.Schema:
    """The schema of :func:`events`' batches (nullable columns)."""
    return pa.schema([(name, _TYPES[kind]) for name, kind in _native.columns()])


def _column(batch, name):
    return batch.column(name).to_pylist()


def extract(batch, root: str, manifest: str | None = None) -> pa.RecordBatch:
    """Reads files into outcomes.

    ``batch`` has the column ``path`` (relative to ``root``, as
    :func:`list_files` names it). Each file is read from storage this worker
    sees, as frontlog reads it; or, when ``batch`` has a ``bytes`` column
    (an engine that ships the files' content), taken from it (a JSON Lines
    dump or a Telegram export is then decoded whole, not streamed).
    Returns one row per file: ``path``, ``article_ids`` (list of strings),
    ``outcome`` (large_binary) and ``problem`` (why the file was skipped,
    else null). ``manifest``: a frontlog manifest.toml giving publication
    dates and outlets, as ``--manifest``; by default ``root``'s own.
    """
    contents = _column(batch, "bytes") if "bytes" in batch.schema.names else None
    cols = _native.extract(root, manifest, _column(batch, "path"), contents)
    return pa.RecordBatch.from_pydict(cols, schema=pa.schema([
        ("path", pa.string()), ("article_ids", pa.list_(pa.string())),
        ("outcome", pa.large_binary()), ("problem", pa.string()),
    ]))


def line_keys(batch) -> pa.RecordBatch:
    """The line keys of the outcomes in ``batch`` (column ``outcome``): one row
    per line and article, ``key`` (int64: the bits of the line's 64-bit hash),
    ``day`` (int32, days from the
    common era, the article's publication day) and ``prose`` (bool)."""
    cols = _native.line_keys(_column(batch, "outcome"))
    return pa.RecordBatch.from_pydict(cols, schema=pa.schema([
        ("key", pa.int64()), ("day", pa.int32()), ("prose", pa.bool_()),
    ]))


def furniture(groups) -> list[int]:
    """The keys judged page furniture, from ``groups`` (one row per key):
    ``key``, ``files`` (articles holding it), ``first_day``, ``last_day``,
    ``prose``."""
    return _native.furniture(
        _column(groups, "key"), _column(groups, "files"), _column(groups, "first_day"),
        _column(groups, "last_day"), [bool(p) for p in _column(groups, "prose")],
    )


def events(batch, root: str, furniture_keys, timestamp: int,
           ids: dict[str, list[str]] | None = None) -> pa.RecordBatch:
    """The events of the outcomes in ``batch`` (columns ``path`` and
    ``outcome``) as a record batch of :func:`event_schema`, the lines of
    ``furniture_keys`` left out. ``ids`` maps a path to its articles' final
    ids where they differ from their own (:func:`unique_ids`)."""
    paths = _column(batch, "path")
    ids = ids or {}
    cols = _native.events(root, paths, _column(batch, "outcome"),
                          [ids.get(p) for p in paths], list(furniture_keys), int(timestamp))
    schema = event_schema()
    arrays = []
    for field in schema:
        values = cols[field.name]
        if field.type == pa.date32():
            arrays.append(pa.array(values, pa.string()).cast(pa.date32()))
        else:
            arrays.append(pa.array(values, field.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)
