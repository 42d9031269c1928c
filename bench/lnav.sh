#!/usr/bin/env bash
# frontlog beside lnav, the tool an analyst would otherwise use, on the same
# million events: frontlog on a generated corpus of 62,000 articles (about
# 1,000,000 events; warm, as an analyst reopens it), lnav on those events
# written as a log, one line each ("<date>T00:00:00.000Z INFO <outlet>
# <place>: <sentence>"). Each task opens the events, applies one filter and
# writes what is left to a file; "open" applies a filter that keeps nothing.
# Prints seconds and peak memory of each, the rows each wrote, and the ratio
# frontlog/lnav (under 1: frontlog is faster).
#
#   bench/lnav.sh                    # BENCH_DIR=target/bench by default
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
# shellcheck source=bench/need.sh
source bench/need.sh
need lnav lnav || { echo "lnav is not installed and cannot be installed here: skipped" >&2; exit 0; }
cargo build --release --quiet
bin=target/release/frontlog
corpus="$dir/corpus-62000"
cache="$dir/lnav-cache"
log="$dir/lnav-events.log"
if [ ! -f "$corpus/manifest.toml" ]; then
  rm -rf "$corpus" "$cache" "$log"
  "$bin" gen-corpus --articles 62000 --seed 1 "$corpus" 2>/dev/null
fi
# The first open reads the corpus cold and leaves the parse cache and the
# store snapshot; every timed run below reopens it warm.
mkdir -p "$cache"
XDG_CACHE_HOME=$cache "$bin" stats "$corpus" >/dev/null 2>&1
if [ ! -s "$log" ]; then
  XDG_CACHE_HOME=$cache "$bin" export "$corpus" --format csv -o - 2>/dev/null | python3 bench/events_to_log.py | sort -s -k1,1 > "$log"
fi
lines=$(wc -l < "$log")
echo "lnav $(lnav -V | awk '{print $2}') beside frontlog on $lines events ($(du -m "$log" | cut -f1) MB of log; frontlog warm, from its snapshot)"

timed() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
out=$(mktemp -d)
printf '  %-8s %22s %22s %8s\n' task "frontlog s / MB / rows" "lnav s / MB / rows" ratio
run() {
  local task=$1; shift
  local fargs=() largs=()
  while [ "$1" != "--" ]; do fargs+=("$1"); shift; done
  shift
  largs=("$@")
  rm -f "$out/f.csv" "$out/l.txt"
  read -r fs fkb < <(XDG_CACHE_HOME=$cache timed "$bin" export "$corpus" --format csv --allow-empty -o "$out/f.csv" "${fargs[@]}")
  read -r ls lkb < <(timed lnav -n "${largs[@]}" -c ":write-view-to $out/l.txt" "$log")
  local frows lrows
  frows=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))' "$out/f.csv")
  lrows=$( [ -f "$out/l.txt" ] && wc -l < "$out/l.txt" || echo 0)
  python3 -c 'import sys; t,fs,fkb,fr,ls,lkb,lr=sys.argv[1:]; fs,ls=float(fs),float(ls); print(f"  {t:<8} {fs:7.2f} s {float(fkb)/1024:6.0f} MB {int(fr):>7} {ls:7.2f} s {float(lkb)/1024:6.0f} MB {int(lr):>7} {fs/ls:7.2f}")' \
    "$task" "$fs" "$fkb" "$frows" "$ls" "$lkb" "$lrows"
}
run open --query zzzqqqxxx -- -c ':filter-in zzzqqqxxx'
run text --query drone -- -c ':filter-in (?i)\bdrone'
run region --region Kharkiv -- -c ':filter-in Kharkiv'
run date --from 2025-03-01 --to 2025-03-31 -- -c ':hide-lines-before 2025-03-01' -c ':hide-lines-after 2025-03-31 23:59:59'
rm -rf "$out"
