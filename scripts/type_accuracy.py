#!/usr/bin/env python3
"""Event type and casualty accuracy of frontlog on a labelled set (issue 13).

Runs `frontlog export CORPUS --manifest MANIFEST --format json` on the real
articles (default ../shared/eval/real) and compares each exported event's
`type`, `killed` and `injured` with tests/labels/real_types.tsv, keyed by
article id and the start of the event's `span` (H for a headline event).

Prints type accuracy (overall, and precision/recall per type), casualty
accuracy (killed and injured both exact, on every labelled event and on the
events whose label has a count), and the misses with --verbose.
`--min-type A` and `--min-casualty C` (0..1) fail below those figures.

    python3 scripts/type_accuracy.py --bin target/release/frontlog
"""

import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#") or line.startswith("doc\t"):
                continue
            doc, span, kind, killed, injured = line.rstrip("\n").split("\t")
            count = lambda v: None if v == "-" else int(v)
            labels[(doc, span)] = (kind, count(killed), count(injured))
    return labels


def export(binary, data):
    cmd = [binary, "export", os.path.join(data, "corpus"), "--format", "json"]
    manifest = os.path.join(data, "manifest.toml")
    if os.path.exists(manifest):
        cmd += ["--manifest", manifest]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        sys.exit(f"frontlog export failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.environ.get("FRONTLOG_BIN", "target/release/frontlog"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "real"))
    ap.add_argument("--labels", default=os.path.join(ROOT, "tests", "labels", "real_types.tsv"))
    ap.add_argument("--min-type", type=float, default=None)
    ap.add_argument("--min-casualty", type=float, default=None)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    labels = load_labels(args.labels)
    data = export(args.bin, args.data)
    seen = {}
    for e in data["events"]:
        span = "H" if e["headline"] or not e.get("span") else str(e["span"][0])
        key = (e["doc"], span)
        if key in labels and key not in seen:
            seen[key] = (e["type"], e.get("killed"), e.get("injured"), e["text"])

    n = len(seen)
    if n == 0:
        sys.exit("no labelled event found in the export")
    right = 0
    tp = collections.Counter()
    fp = collections.Counter()
    fn = collections.Counter()
    cas_all = cas_counted = counted = 0
    misses = []
    for key, (kind, killed, injured, text) in sorted(seen.items()):
        want_kind, want_killed, want_injured = labels[key]
        if kind == want_kind:
            right += 1
            tp[kind] += 1
        else:
            fp[kind] += 1
            fn[want_kind] += 1
            misses.append(f"type  {key[0][:3]} {key[1]}: want {want_kind} got {kind}: {text[:160]}")
        ok = (killed, injured) == (want_killed, want_injured)
        cas_all += ok
        if want_killed is not None or want_injured is not None:
            counted += 1
            cas_counted += ok
        if not ok:
            misses.append(
                f"count {key[0][:3]} {key[1]}: want {want_killed}/{want_injured} "
                f"got {killed}/{injured}: {text[:160]}"
            )

    type_acc = right / n
    cas_acc = cas_all / n
    print(f"labelled events found: {n} of {len(labels)}")
    print(f"type accuracy: {right}/{n} = {type_acc:.3f}")
    print(f"{'type':28} {'gold':>4} {'pred':>4} {'prec':>6} {'recall':>6}")
    for t in sorted(set(tp) | set(fp) | set(fn)):
        gold = tp[t] + fn[t]
        pred = tp[t] + fp[t]
        p = tp[t] / pred if pred else float("nan")
        r = tp[t] / gold if gold else float("nan")
        print(f"{t:28} {gold:4} {pred:4} {p:6.2f} {r:6.2f}")
    print(f"casualties exact (killed and injured): {cas_all}/{n} = {cas_acc:.3f}")
    if counted:
        print(f"casualties exact where the label has a count: {cas_counted}/{counted} = {cas_counted / counted:.3f}")
    if args.verbose:
        print("\n".join(misses))

    problems = []
    if args.min_type is not None and type_acc < args.min_type:
        problems.append(f"type accuracy {type_acc:.3f} < {args.min_type}")
    if args.min_casualty is not None and cas_acc < args.min_casualty:
        problems.append(f"casualty accuracy {cas_acc:.3f} < {args.min_casualty}")
    if problems:
        sys.exit("; ".join(problems))


if __name__ == "__main__":
    main()
