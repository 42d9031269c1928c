#!/usr/bin/env python3
"""Gate a scored evaluation set: run ../shared/eval/seeds/score.py on a set
and fail when a figure of its summary line falls below a floor.

score.py itself exits non-zero on any single miss, which a development set
still has while work on it goes on; this gate holds the ground gained
instead. Floors are fractions (0..1) of the summary's "a/b" figures:

    scripts/eval_gate.py --data ../shared/eval/real \
        --min text:sources=0.9 --min manifest:events=0.88 --min manifest:precision=0.8

`text:` is the text-only run, `manifest:` the run with manifest.toml.
`--max KEY=N` bounds a plain count (duplicates). Prints the summary line and
every figure it checked; exits 1 when one is below its floor.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_summary(line):
    """{'text': {...}, 'manifest': {...}} of figure name -> (value, a, b)."""
    parts = line.split("|")
    out = {}
    for part in parts:
        part = part.strip()
        if part.startswith("problems="):
            continue
        mode = "manifest" if "with manifest" in part else "text"
        figures = {}
        for key, val in re.findall(r"(\w+)=([\d./=]+)", part):
            m = re.match(r"(\d+)/(\d+)", val)
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                figures[key] = (a / b if b else 1.0, a, b)
            else:
                figures[key] = (float(val), None, None)
        out[mode] = figures
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--scorer", default=os.path.join(HERE, "..", "..", "shared", "eval", "seeds", "score.py"))
    ap.add_argument("--min", action="append", default=[], metavar="MODE:KEY=FRACTION")
    ap.add_argument("--max", action="append", default=[], metavar="MODE:KEY=COUNT")
    args = ap.parse_args()
    proc = subprocess.run([sys.executable, args.scorer, "--data", args.data, "--quiet"],
                          capture_output=True, text=True, timeout=600)
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    if not lines:
        sys.exit(f"the scorer printed nothing: {proc.stderr.strip()[:500]}")
    summary = lines[-1]
    print(summary)
    figures = parse_summary(summary)
    failed = False
    for spec, below_is_bad in [(s, True) for s in args.min] + [(s, False) for s in args.max]:
        target, bound = spec.split("=")
        mode, key = target.split(":")
        have = figures.get(mode, {}).get(key)
        if have is None:
            print(f"  FAIL {target}: not in the summary")
            failed = True
            continue
        value = have[0]
        bad = value < float(bound) if below_is_bad else value > float(bound)
        word = "min" if below_is_bad else "max"
        print(f"  {'FAIL' if bad else 'ok  '} {target} = {value:.3f} ({word} {bound})")
        failed |= bad
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
