#!/usr/bin/env python3
"""frontlog's extraction over a corpus on Ray Data, written as Parquet shards
that frontlog opens as its store (issue 16, item 7).

    python3 engine/pipeline.py CORPUS OUT [--manifest M] [--address auto]

Stages (each a Ray Data operation, so each runs on every worker of the
cluster):

1. ``read_binary_files`` reads the files frontlog would read (listed by
   frontlog itself: ``frontlog_engine.list_files``).
2. ``map_batches(extract)``: the map step. Each file becomes its outcome (its
   articles and their events, as frontlog's parse cache holds them).
3. Page furniture: ``map_batches(line_keys)``, then ``groupby("key")`` with
   the count and the first and last publication days; the keys frontlog's
   rule judges furniture come back to the driver (a few thousand at most).
4. Article ids: the ids of every file's articles come back to the driver,
   which gives a stem taken by an earlier file the relative path, as
   frontlog does.
5. ``map_batches(events)`` writes the events, partitioned by event date
   (``OUT/events/event_date=YYYY-MM-DD/``), in the columns of
   ``frontlog export --format parquet``.
6. The outcomes are written to ``OUT/articles/``, and ``OUT/frontlog-shards.toml``
   says which corpus and which build of frontlog wrote them.

``frontlog OUT`` and ``frontlog export OUT`` (a build with the ``parquet``
feature) open the folder as their store: the same events, stable ids and
clusters as reading the corpus itself.

Without ``--address`` Ray starts a local cluster on this machine
(``--num-cpus`` cores); with ``--address auto`` (or ``ray://host:10001``) it
joins a running one, whose workers must see CORPUS and OUT at the same paths
(a shared file system) and have ``frontlog_engine`` installed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

import pyarrow as pa

import frontlog_engine as fe

MARKER = "frontlog-shards.toml"


def toml_string(s: str) -> str:
    """A TOML basic string."""
    out = s.replace("\\", "\\\\").replace('"', '\\"')
    out = "".join(c if ord(c) >= 0x20 else "\\u%04x" % ord(c) for c in out)
    return f'"{out}"'


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="the corpus folder")
    ap.add_argument("out", help="the output folder (must not exist, or be empty)")
    ap.add_argument("--manifest", help="a frontlog manifest.toml (publication dates, outlets)")
    ap.add_argument("--address", help="a running Ray cluster (auto, or ray://host:port); "
                    "default: start a local one")
    ap.add_argument("--num-cpus", type=int, default=None, help="cores of the local cluster")
    ap.add_argument("--batch-size", type=int, default=64, help="files per map batch")
    args = ap.parse_args(argv)

    os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
    import ray
    from ray.data.aggregate import Count, Max, Min

    root = os.path.abspath(args.corpus)
    manifest = os.path.abspath(args.manifest) if args.manifest else None
    if manifest is None and os.path.isfile(os.path.join(root, "manifest.toml")):
        manifest = os.path.join(root, "manifest.toml")
    out = os.path.abspath(args.out)
    if os.path.exists(out) and os.listdir(out):
        print(f"pipeline: {out} is not empty; give a new folder", file=sys.stderr)
        return 2
    try:
        files, listing_problems = fe.list_files(root, manifest)
    except ValueError as e:
        print(f"pipeline: {e}", file=sys.stderr)
        return 2
    if not files:
        print(f"pipeline: no article files in {root}", file=sys.stderr)
        return 2

    started = time.time()
    ray.init(address=args.address, num_cpus=args.num_cpus if not args.address else None,
             include_dashboard=False, ignore_reinit_error=True, log_to_driver=False,
             logging_level="ERROR")
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False

    def relative(batch: pa.Table) -> pa.Table:
        paths = [os.path.relpath(p, root).replace(os.sep, "/") for p in batch.column("path").to_pylist()]
        return pa.table({"path": paths, "bytes": batch.column("bytes")})

    # Ray's map_batches takes tables; frontlog_engine gives record batches.
    def as_table(batch: pa.RecordBatch) -> pa.Table:
        return pa.Table.from_batches([batch])

    def extract(batch: pa.Table) -> pa.Table:
        return as_table(fe.extract(relative(batch), root, manifest))

    def keys(batch: pa.Table) -> pa.Table:
        k = fe.line_keys(batch)
        return pa.table({"key": k.column("key"), "day": k.column("day"),
                         "prose": pa.array([int(p) for p in k.column("prose").to_pylist()], pa.int8())})

    # 1-2. Read and extract.
    paths = [os.path.join(root, f) for f in files]
    outcomes = (ray.data.read_binary_files(paths, include_paths=True)
                .map_batches(extract, batch_format="pyarrow", batch_size=args.batch_size)
                .materialize())

    # 3. Furniture: group the line keys.
    furniture: list[int] = []
    grouped = (outcomes.map_batches(keys, batch_format="pyarrow")
               .groupby("key")
               .aggregate(Count(), Min("day"), Max("day"), Max("prose"))
               .materialize())
    if grouped.count():
        table = pa.concat_tables(ray.get(grouped.to_arrow_refs()), promote_options="default")
        furniture = fe.furniture(pa.table({
            "key": table.column("key"), "files": table.column("count()"),
            "first_day": table.column("min(day)"), "last_day": table.column("max(day)"),
            "prose": table.column("max(prose)"),
        }))

    # 4. Article ids, in path order.
    listed = outcomes.select_columns(["path", "article_ids"]).to_arrow_refs()
    listed = pa.concat_tables(ray.get(listed), promote_options="default").sort_by("path")
    own = listed.column("article_ids").to_pylist()
    final = fe.unique_ids(listed.column("path").to_pylist(), own)
    renamed = {p: f for p, o, f in zip(listed.column("path").to_pylist(), own, final) if o != f}

    # 5. Events, partitioned by event date.
    stamp = int(time.time())

    def events(batch: pa.Table) -> pa.Table:
        return as_table(fe.events(batch, root, furniture, stamp, renamed))

    os.makedirs(out, exist_ok=True)
    (outcomes.map_batches(events, batch_format="pyarrow")
     .write_parquet(os.path.join(out, "events"), partition_cols=["event_date"]))
    # 6. The outcomes, which frontlog reads back (uncompressed: frontlog's
    # Parquet reader has no codec compiled in).
    (outcomes.select_columns(["path", "article_ids", "outcome", "problem"])
     .write_parquet(os.path.join(out, "articles"), compression="none"))

    skipped = sum(1 for p in ray.get(outcomes.select_columns(["problem"]).to_arrow_refs())
                  for v in p.column("problem").to_pylist() if v)
    with open(os.path.join(out, MARKER), "w", encoding="utf-8") as f:
        f.write("# Written by frontlog's engine pipeline (engine/pipeline.py): frontlog\n")
        f.write("# opens this folder as its store. Do not edit.\n")
        f.write("format = 1\n")
        f.write(f"build = {toml_string(fe.build_id())}\n")
        f.write(f"root = {toml_string(root)}\n")
        if manifest:
            f.write(f"manifest = {toml_string(manifest)}\n")
        f.write(f"files = {len(files)}\n")
        for path, reason in listing_problems:
            f.write(f"\n[[problem]]\npath = {toml_string(path)}\nreason = {toml_string(reason)}\n")
    print(f"pipeline: {len(files)} files ({skipped} skipped), {len(furniture)} furniture lines, "
          f"{len(renamed)} files renamed, in {time.time() - started:.1f} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
