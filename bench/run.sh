#!/usr/bin/env bash
# frontlog's benchmarks, all in one run, with the figures printed:
#   - ingest of 10,000 and 200,000 generated articles: MB/s and articles/s,
#     cold (no cache), warm from the parse cache and warm from the store
#     snapshot, with peak memory; and beside it the
#     time ripgrep needs to scan the same files for month names (the floor
#     that reading the corpus costs), wall and CPU; the cold read's stages,
#     its CPU time per stage of extraction and the store's memory by part
#     (`frontlog stats`);
#   - the query for each filter kind on a store of 1,000,000 and of
#     10,000,000 events (p50, p99), and the text filter typed letter by letter;
#   - drawing one frame of the terminal app at 1,000,000 events;
#   - the temporal tagger and the geotagger on their own;
#   - cold ingest MB/s of saved HTML pages, a JSON Lines dump and a Telegram
#     export holding the same 2,000 generated articles (bench/formats.py);
#   - frontlog beside lnav on the same million events: open, filter and
#     write the view (bench/lnav.sh);
#   - the engine pipeline on a local Ray cluster beside frontlog's own read
#     of the same 10,000 articles (bench/engine.sh).
#
#   bench/run.sh              # everything (needs ~2 GB of disk for the corpora)
#   SIZES="10000" bench/run.sh
#   BENCH_DIR=/fast/disk bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-"10000 200000"}
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"

# shellcheck source=bench/need.sh
source bench/need.sh
need rg ripgrep || cargo install ripgrep --locked
cargo build --release --quiet
bin=target/release/frontlog

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(rg --version | head -1)"
months='january|february|march|april|may|june|july|august|september|october|november|december'

# Runs a command, prints "seconds peak_kb" (GNU time).
timed() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

for n in $sizes; do
  corpus="$dir/corpus-$n"
  if [ ! -f "$corpus/manifest.toml" ]; then
    rm -rf "$corpus"
    "$bin" gen-corpus --articles "$n" --seed 1 "$corpus" 2>/dev/null
  fi
  mb=$(du -sm --apparent-size "$corpus" | cut -f1)
  find "$corpus" -type f -exec cat {} + >/dev/null   # the same warm page cache for every reader
  read -r rg_s rg_kb rg_user rg_sys < <(/usr/bin/time -f "%e %M %U %S" rg -c -i "$months" "$corpus" 2>&1 >/dev/null | tail -1)
  cache=$(mktemp -d)
  # The cold run's own report is kept: its stages and its CPU time per
  # stage of extraction (cputime), printed below the figures.
  cold_report=$(mktemp)
  XDG_CACHE_HOME=$cache /usr/bin/time -f "%e %M %U %S" -o "$cold_report.time" "$bin" stats "$corpus" >"$cold_report"
  read -r cold_s cold_kb cold_user cold_sys <"$cold_report.time"
  # The cold run leaves the parse cache and the store snapshot: reopen
  # from the snapshot, then (the snapshot removed) from the parse cache,
  # which writes the snapshot again.
  read -r snap_s snap_kb < <(XDG_CACHE_HOME=$cache timed "$bin" stats "$corpus")
  snap_mb=$(du -sm --apparent-size "$cache"/frontlog/*.snapshot | cut -f1)
  rm -f "$cache"/frontlog/*.snapshot
  read -r warm_s warm_kb < <(XDG_CACHE_HOME=$cache timed "$bin" stats "$corpus")
  events=$(XDG_CACHE_HOME=$cache "$bin" stats "$corpus" | awk '/^events/ {print $2}')
  rm -rf "$cache"
  python3 - "$n" "$mb" "$events" "$rg_s" "$cold_s" "$cold_kb" "$warm_s" "$warm_kb" "$snap_s" "$snap_kb" "$snap_mb" <<'PY'
import sys
n, mb, events = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
rg, cold, cold_kb, warm, warm_kb, snap, snap_kb, snap_mb = (float(x) for x in sys.argv[4:])
print(f"\ningest of {n:,} articles ({mb:.0f} MB, {events:,} events)")
print(f"  ripgrep -c (month names)  {rg:8.2f} s   {mb/rg:8.1f} MB/s")
print(f"  cold (no cache)           {cold:8.2f} s   {mb/cold:8.1f} MB/s  {n/cold:9.0f} articles/s  peak {cold_kb/1024:7.0f} MB ({cold_kb/1024/mb:.2f} MB per MB of corpus)  {cold/rg:.1f}x ripgrep")
print(f"  warm (parse cache)        {warm:8.2f} s   {mb/warm:8.1f} MB/s  {n/warm:9.0f} articles/s  peak {warm_kb/1024:7.0f} MB ({warm_kb/1024/mb:.2f} MB per MB)  {warm/rg:.1f}x ripgrep")
print(f"  warm (store snapshot)     {snap:8.2f} s   {mb/snap:8.1f} MB/s  {n/snap:9.0f} articles/s  peak {snap_kb/1024:7.0f} MB ({snap_kb/1024/mb:.2f} MB per MB)  {snap/rg:.1f}x ripgrep  (snapshot {snap_mb:.0f} MB)")
PY
  python3 - "$rg_user" "$rg_sys" "$cold_user" "$cold_sys" <<'PY'
import sys
rg_cpu = float(sys.argv[1]) + float(sys.argv[2])
cold_cpu = float(sys.argv[3]) + float(sys.argv[4])
print(f"  cpu time (user + system)  ripgrep {rg_cpu:.2f} s, cold read {cold_cpu:.2f} s: {cold_cpu/max(rg_cpu, 1e-9):.1f}x ripgrep per core")
PY
  echo "  the cold read's stages (wall time) and its cpu time per stage of extraction:"
  sed -n '/^read in/,$p' "$cold_report" | sed 's/^/  /'
  rm -f "$cold_report" "$cold_report.time"
done

# The structured readers on the same 2,000 generated articles, written as
# saved HTML pages, one JSON Lines dump and one Telegram export
# (bench/formats.py): cold ingest MB/s of each.
first="$dir/corpus-$(echo "$sizes" | awk '{print $1}')"
formats="$dir/formats"
if [ ! -f "$formats/telegram/result.json" ]; then
  python3 bench/formats.py "$first" "$formats" 2000 >/dev/null
fi
echo
echo "ingest by input format (2,000 generated articles, cold)"
for kind in html jsonl telegram; do
  mb=$(du -sm --apparent-size "$formats/$kind" | cut -f1)
  cache=$(mktemp -d)
  read -r s kb < <(XDG_CACHE_HOME=$cache timed "$bin" stats "$formats/$kind")
  rm -rf "$cache"
  python3 -c "import sys; k,mb,s,kb=sys.argv[1],float(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]); print(f'  {k:9} {mb:6.0f} MB {s:7.2f} s {mb/s:7.1f} MB/s {2000/s:8.0f} articles/s  peak {kb/1024:5.0f} MB')" "$kind" "$mb" "$s" "$kb"
done

echo
cargo bench --quiet --bench query 2>/dev/null | grep -v '^$' || true
echo
echo "the same at 10,000,000 events (the generated million, copied ten times):"
FRONTLOG_BENCH_EVENTS=10000000 cargo bench --quiet --bench query 2>/dev/null | grep -v '^$' || true
echo
cargo bench --quiet --bench tui 2>/dev/null | grep -E 'frame|filter' || true
for b in dates places; do
  if [ -f "benches/$b.rs" ]; then echo; cargo bench --quiet --bench "$b" 2>/dev/null || true; fi
done

# lnav on the same million events: open, filter, write the view (bench/lnav.sh).
echo
bench/lnav.sh

# The engine pipeline (Ray Data, local cluster) on the first corpus.
echo
bench/engine.sh "$first"
