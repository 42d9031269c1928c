#!/usr/bin/env bash
# A cold read under perf (issue 16, item 6): frontlog's own CPU time per
# stage (`frontlog stats`, from src/cputime.rs), then the functions that
# take the most CPU time by themselves, from `perf record` of the same
# kind of run. The build keeps frame pointers and line tables (in
# target/prof, so the release build is left alone).
#
#   bench/profile.sh [CORPUS]     # default: target/bench/corpus-10000
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-target/bench/corpus-10000}
# shellcheck source=bench/need.sh
source bench/need.sh
need perf linux-perf
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only RUSTFLAGS="-C force-frame-pointers=yes" \
  cargo build --release --quiet --target-dir target/prof
bin=target/prof/release/frontlog
if [ ! -f "$corpus/manifest.toml" ]; then
  rm -rf "$corpus"
  "$bin" gen-corpus --articles 10000 --seed 1 "$corpus" >/dev/null
fi
find "$corpus" -type f -exec cat {} + >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "cold read of $corpus ($(nproc) cores), frontlog's own breakdown:"
XDG_CACHE_HOME="$work/cache" "$bin" stats "$corpus" | sed -n '/^read in/,$p' | sed 's/^/  /'

echo
echo "perf: the 30 functions with the most CPU time of their own (a cold read, no cache):"
perf record --quiet -F 499 -g -o "$work/perf.data" -- "$bin" stats --no-cache "$corpus" >/dev/null 2>&1
perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none --percent-limit 0.7 2>/dev/null \
  | grep -v '^#' | grep -v '^$' | head -30 | cut -c1-150 | sed 's/^/  /'
echo
echo "perf: the same run, time spent in and under each of frontlog's stage functions:"
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null \
  | grep -E 'frontlog::(ingest|extract|timex|places|text|corpus|store|cluster|lang)::|memcpy|malloc|free' \
  | head -40 | cut -c1-150 | sed 's/^/  /'
