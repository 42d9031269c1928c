#!/usr/bin/env python3
"""Checks an engine pipeline's output against frontlog reading the corpus
itself (issue 16, item 7; run by .ci/run).

    python3 engine/check.py CORPUS OUT --bin FRONTLOG [--manifest M]

1. The event rows of ``OUT/events/`` (read by pyarrow, hive partitions) are
   the events of ``frontlog export CORPUS --format json``: the same stable
   ids, each with the same date, type, sentence, outlet, article, places and
   counts. Only the cluster columns are empty (clusters are the whole
   corpus's, worked out by frontlog when it opens the shards).
2. ``frontlog export OUT --format json`` (frontlog opening the shards as its
   store) is byte for byte ``frontlog export CORPUS --format json``; so are
   the Markdown briefing but for the minute it was made, and the CSV table
   but for its ``timestamp``.

FRONTLOG must be built with the ``parquet`` feature. Exits 1 on the first
difference, saying what differs.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import subprocess
import sys

import pyarrow.dataset as pads


def export(binary: str, folder: str, manifest: str | None, fmt: str = "json") -> bytes:
    cmd = [binary, "export", folder, "--format", fmt]
    if manifest:
        cmd += ["--manifest", manifest]
    proc = subprocess.run(cmd, capture_output=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"check: {' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')}")
    return proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--bin", required=True, help="a frontlog built with the parquet feature")
    ap.add_argument("--manifest")
    args = ap.parse_args()
    # The pipeline names the files under the corpus folder's absolute path.
    args.corpus = os.path.abspath(args.corpus)

    local = export(args.bin, args.corpus, args.manifest)
    events = json.loads(local)["events"]
    if not events:
        sys.exit("check: the corpus gave no events; nothing to compare")

    # 1. The pipeline's event rows.
    rows = pads.dataset(f"{args.out}/events", format="parquet", partitioning="hive").to_table().to_pylist()
    by_id = {r["event_id_cnty"]: r for r in rows}
    if len(by_id) != len(rows):
        sys.exit(f"check: {len(rows) - len(by_id)} event ids repeat in the pipeline's rows")
    want = {e["id"] for e in events}
    if set(by_id) != want:
        missing, extra = want - set(by_id), set(by_id) - want
        sys.exit(f"check: ids differ: {len(missing)} missing from the pipeline "
                 f"(e.g. {sorted(missing)[:3]}), {len(extra)} extra (e.g. {sorted(extra)[:3]})")
    compared = 0
    for e in events:
        r = by_id[e["id"]]
        pairs = {
            "date": (str(r["event_date"]), e["start"]),
            "end": (str(r["end_date"]), e["end"]),
            "type": (r["event_type_code"], e["type"]),
            "sentence": (r["notes"], e["text"]),
            "outlet": (r["source"], e["source"]),
            "article": (r["article_id"], e["doc"]),
            "killed": (r["fatalities"], e.get("killed")),
            "injured": (r["injured"], e.get("injured")),
            "anchor": (r["anchor"], e["anchor"]),
            "headline": (r["headline"], e.get("headline", False)),
            "places": (r["location"], e["regions"][0] if e["regions"] else None),
        }
        for name, (got, wanted) in pairs.items():
            if got != wanted:
                sys.exit(f"check: event {e['id']}: {name} is {got!r} in the pipeline's rows, "
                         f"{wanted!r} in frontlog's export")
        if r["cluster_id"] is not None:
            sys.exit(f"check: event {e['id']} has a cluster in the pipeline's rows")
        compared += 1
    datetime.date.fromisoformat(str(rows[0]["event_date"]))

    # 2. frontlog opening the shards.
    shards = export(args.bin, args.out, None)
    if shards != local:
        a, b = shards.splitlines(), local.splitlines()
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        sys.exit(f"check: frontlog export of the shards differs from the corpus's at line {first + 1}:\n"
                 f"  shards: {a[first][:200] if first < len(a) else '(end)'}\n"
                 f"  corpus: {b[first][:200] if first < len(b) else '(end)'}")
    # The other exports read the same store: the Markdown briefing and the
    # CSV table (without ACLED's `timestamp`, the time of the export).
    def briefing(folder, manifest):
        # Without its "Made:" line, the minute it was made.
        text = export(args.bin, folder, manifest, "markdown").decode()
        return [line for line in text.splitlines() if not line.startswith("- **Made:**")]

    if briefing(args.out, None) != briefing(args.corpus, args.manifest):
        sys.exit("check: the Markdown briefing of the shards differs from the corpus's")
    tables = []
    for folder, manifest in ((args.out, None), (args.corpus, args.manifest)):
        rows = list(csv.reader(io.StringIO(export(args.bin, folder, manifest, "csv").decode())))
        at = rows[0].index("timestamp")
        tables.append([r[:at] + r[at + 1:] for r in rows])
    if tables[0] != tables[1]:
        sys.exit("check: the CSV export of the shards differs from the corpus's")
    print(f"check: {compared} events: the pipeline's rows match frontlog's export field by field, "
          f"and frontlog's exports of the shards (JSON, Markdown, CSV) are the corpus's ({len(local)} bytes of JSON)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
