#!/usr/bin/env bash
# The engine pipeline beside frontlog on one machine (issue 16, item 7):
# engine/pipeline.py on a local Ray cluster of every core over a generated
# corpus, stage by stage, against frontlog's own cold read of the same
# files; then frontlog opening the pipeline's shards, against reopening the
# corpus from its store snapshot.
#
#   bench/engine.sh [CORPUS]     # default: target/bench/corpus-10000
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-target/bench/corpus-10000}
# shellcheck source=engine/setup.sh
source engine/setup.sh
cargo build --release --quiet --features parquet
bin=target/release/frontlog
if [ ! -f "$corpus/manifest.toml" ]; then
  rm -rf "$corpus"
  "$bin" gen-corpus --articles 10000 --seed 1 "$corpus" >/dev/null
fi
find "$corpus" -type f -exec cat {} + >/dev/null
timed() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cache="$work/cache"
read -r cold_s cold_kb < <(XDG_CACHE_HOME=$cache timed "$bin" stats "$corpus")
XDG_CACHE_HOME=$cache "$bin" stats "$corpus" >/dev/null
read -r snap_s snap_kb < <(XDG_CACHE_HOME=$cache timed "$bin" stats "$corpus")
started=$(date +%s.%N)
if ! python3 engine/pipeline.py "$corpus" "$work/out" --num-cpus "$(nproc)" \
  >"$work/pipeline.log" 2>"$work/pipeline.err"; then
  tail -20 "$work/pipeline.err" >&2
  exit 1
fi
ended=$(date +%s.%N)
read -r open_s open_kb < <(timed "$bin" stats "$work/out")
shards_mb=$(du -sm --apparent-size "$work/out" | cut -f1)
files=$(find "$work/out" -type f | wc -l)
echo "engine pipeline (Ray Data $(python3 -c 'import ray; print(ray.__version__)'), local cluster of $(nproc) cores) on $corpus"
sed 's/^/  /' "$work/pipeline.log"
python3 - "$cold_s" "$cold_kb" "$snap_s" "$snap_kb" "$started" "$ended" "$open_s" "$open_kb" "$shards_mb" "$files" <<'PY'
import sys
cold, cold_kb, snap, snap_kb, start, end, opened, open_kb, mb, files = (float(x) for x in sys.argv[1:])
pipe = end - start
print(f"  pipeline, whole run (Ray's start included)  {pipe:7.2f} s  = {pipe / cold:.1f}x frontlog's cold read")
print(f"  frontlog, cold read (no cache)              {cold:7.2f} s  peak {cold_kb / 1024:6.0f} MB")
print(f"  frontlog opening the shards ({mb:.0f} MB, {files:.0f} files)  {opened:5.2f} s  peak {open_kb / 1024:6.0f} MB")
print(f"  frontlog reopening the corpus (snapshot)    {snap:7.2f} s  peak {snap_kb / 1024:6.0f} MB")
PY
