#!/usr/bin/env python3
"""frontlog's extraction over a corpus on Ray Data, written as Parquet shards
that frontlog opens as its store (issue 16, item 7).

    python3 engine/pipeline.py CORPUS OUT [--manifest M] [--address auto]

Stages (each a Ray Data operation, so each runs on every worker of the
cluster):

1. The files frontlog would read (listed by frontlog itself:
   ``frontlog_engine.list_files``) are split into blocks of paths.
2. ``map_batches(extract)``: the map step. Each worker reads its files and
   each file becomes its outcome (its articles and their events, as
   frontlog's parse cache holds them).
3. Page furniture: ``map_batches(line_keys)``, then ``sort("key")`` and a
   count per key in each block (pyarrow); the keys found in enough articles
   come back to the driver, which judges them by frontlog's rule (a few
   thousand at most). Ray's ``groupby`` would do the same, but took a
   minute for 500,000 keys on 2 cores where the sort takes half a second.
4. Article ids: the ids of every file's articles come back to the driver,
   which gives a stem taken by an earlier file the relative path, as
   frontlog does.
5. ``map_batches(events)`` makes the events, in the columns of ``frontlog
   export --format parquet``; ``sort("event_date")`` and a write per block
   put them in ``OUT/events/event_date=YYYY-MM-DD/``.
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
import uuid

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

import frontlog_engine as fe

MARKER = "frontlog-shards.toml"


def toml_string(s: str) -> str:
    """A TOML basic string."""
    out = s.replace("\\", "\\\\").replace('"', '\\"')
    # TOML allows no control character (DEL included) in a basic string.
    out = "".join(c if 0x20 <= ord(c) != 0x7F else "\\u%04x" % ord(c) for c in out)
    return f'"{out}"'


def positive(text: str) -> int:
    """An argument that must be a whole number of at least 1."""
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of at least 1")
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="the corpus folder")
    ap.add_argument("out", help="the output folder (must not exist, or be empty)")
    ap.add_argument("--manifest", help="a frontlog manifest.toml (publication dates, outlets)")
    ap.add_argument("--address", help="a running Ray cluster (auto, or ray://host:port); "
                    "default: start a local one")
    ap.add_argument("--num-cpus", type=int, default=None, help="cores of the local cluster")
    ap.add_argument("--batch-size", type=positive, default=256, help="files per map batch")
    args = ap.parse_args(argv)

    os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
    import ray

    root = os.path.abspath(args.corpus)
    manifest = os.path.abspath(args.manifest) if args.manifest else None
    if manifest is None and os.path.isfile(os.path.join(root, "manifest.toml")):
        manifest = os.path.join(root, "manifest.toml")
    out = os.path.abspath(args.out)
    if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
        print(f"pipeline: {out} is not an empty folder; give a new one", file=sys.stderr)
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
    stages: list[tuple[str, float]] = []
    last = [started]

    def stage(name: str) -> None:
        now = time.time()
        stages.append((name, now - last[0]))
        last[0] = now
    ray.init(address=args.address, num_cpus=args.num_cpus if not args.address else None,
             include_dashboard=False, ignore_reinit_error=True, log_to_driver=False,
             logging_level="ERROR")
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False

    # Ray's map_batches takes tables; frontlog_engine gives record batches.
    def as_table(batch: pa.RecordBatch) -> pa.Table:
        return pa.Table.from_batches([batch])

    def extract(batch: pa.Table) -> pa.Table:
        # frontlog reads each file itself, from storage every worker sees.
        return as_table(fe.extract(batch, root, manifest))

    def keys(batch: pa.Table) -> pa.Table:
        k = fe.line_keys(batch)
        return pa.table({"key": k.column("key"), "day": k.column("day"),
                         "prose": pa.array([int(p) for p in k.column("prose").to_pylist()], pa.int8())})

    # 1-2. Read and extract: the listing is split into blocks of paths, and
    # each worker has frontlog read its files (from storage every node
    # sees, with frontlog's own readers and messages) and extract them.
    # (Ray's read_binary_files took 14 s to read 10,000 small files where
    # reading them in the map takes 1.4 s.)
    blocks = max(1, min(len(files), (len(files) + args.batch_size - 1) // args.batch_size))
    outcomes = (ray.data.from_items([{"path": f} for f in files], override_num_blocks=blocks)
                .map_batches(extract, batch_format="pyarrow", batch_size=args.batch_size)
                .materialize())
    stage("start Ray, read and extract the files")

    # 3. Furniture: the line keys, sorted by key (Ray's distributed sort:
    # range partitions, so a key's rows lie together), are counted per
    # block with pyarrow; a key found in fewer articles than furniture
    # needs is dropped there unless it opens or closes its block (its rows
    # may go on in the next). The few left are summed on the driver.
    least = fe.min_articles()

    def partial(batch: pa.Table) -> pa.Table:
        if batch.num_rows == 0:
            return pa.table({"key": pa.array([], pa.int64()), "files": pa.array([], pa.int64()),
                             "first_day": pa.array([], pa.int32()), "last_day": pa.array([], pa.int32()),
                             "prose": pa.array([], pa.int8())})
        g = batch.group_by("key").aggregate(
            [("key", "count"), ("day", "min"), ("day", "max"), ("prose", "max")])
        keys = batch.column("key")
        edges = pa.array([keys[0].as_py(), keys[-1].as_py()], pa.int64())
        keep = pc.or_(pc.greater_equal(g.column("key_count"), least), pc.is_in(g.column("key"), edges))
        g = g.filter(keep)
        return pa.table({"key": g.column("key"), "files": g.column("key_count"),
                         "first_day": g.column("day_min"), "last_day": g.column("day_max"),
                         "prose": g.column("prose_max")})

    line_keys = outcomes.map_batches(keys, batch_format="pyarrow").materialize()
    furniture: list[int] = []
    kept = pa.table({"key": pa.array([], pa.int64())})
    if line_keys.count():
        parts = line_keys.sort("key").map_batches(partial, batch_format="pyarrow", batch_size=None)
        kept = pa.concat_tables([t for t in ray.get(parts.to_arrow_refs()) if t.num_rows]
                                or [kept], promote_options="default")
    if kept.num_rows:
        g = kept.group_by("key").aggregate(
            [("files", "sum"), ("first_day", "min"), ("last_day", "max"), ("prose", "max")])
        furniture = fe.furniture(pa.table({
            "key": g.column("key"), "files": g.column("files_sum"),
            "first_day": g.column("first_day_min"), "last_day": g.column("last_day_max"),
            "prose": g.column("prose_max"),
        }))

    stage("furniture: sort and count the line keys")

    # 4. Article ids, in path order.
    # In the listing's order (a local read's: the folder walk's), not by
    # string: "news/x.txt" comes before "news-ua/x.txt" there.
    order = {f: i for i, f in enumerate(files)}
    listed = pa.concat_tables(ray.get(outcomes.select_columns(["path", "article_ids"]).to_arrow_refs()),
                              promote_options="default").to_pylist()
    listed.sort(key=lambda r: order[r["path"]])
    own = [r["article_ids"] for r in listed]
    final = fe.unique_ids([r["path"] for r in listed], own)
    renamed = {r["path"]: f for r, o, f in zip(listed, own, final) if o != f}

    stage("article ids")

    # 5. Events, partitioned by event date.
    stamp = int(time.time())

    def events(batch: pa.Table) -> pa.Table:
        return as_table(fe.events(batch, root, furniture, stamp, renamed))

    os.makedirs(out, exist_ok=True)
    # Sorted by date first (Ray's range-partitioned sort), so that each day's
    # events come from one or two blocks: a file or two per day, not one per
    # block. Each block is written by the worker holding it, with pyarrow's
    # dataset writer (Ray's own caps a block at 1,024 days).
    events_dir = os.path.join(out, "events")

    def write_events(batch: pa.Table) -> pa.Table:
        if batch.num_rows:
            pads.write_dataset(batch, events_dir, format="parquet", partitioning=["event_date"],
                               partitioning_flavor="hive",
                               basename_template=f"part-{uuid.uuid4().hex}-{{i}}.parquet",
                               existing_data_behavior="overwrite_or_ignore",
                               max_partitions=1 << 20)
        return pa.table({"events": [batch.num_rows]})

    made = outcomes.map_batches(events, batch_format="pyarrow").materialize()
    written = 0
    if made.count():
        written = (made.sort("event_date")
                   .map_batches(write_events, batch_format="pyarrow", batch_size=None)
                   .sum("events")) or 0
    stage("events: make, sort by date, write")

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
    stage("write the outcomes and the marker")
    for name, seconds in stages:
        print(f"  {seconds:7.1f} s  {name}")
    print(f"pipeline: {len(files)} files ({skipped} skipped), {written} events, {len(furniture)} furniture lines, "
          f"{len(renamed)} files renamed, in {time.time() - started:.1f} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
