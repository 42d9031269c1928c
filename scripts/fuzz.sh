#!/usr/bin/env bash
# Runs every fuzz target for a set time (default 600 s each) and prints the
# number of runs and whether it crashed.
#
#   scripts/fuzz.sh            # 10 minutes per target
#   scripts/fuzz.sh 60         # 1 minute per target
#   scripts/fuzz.sh 60 dates   # one target
#
# cargo-fuzz needs nightly features; the stable toolchain allows them with
# RUSTC_BOOTSTRAP=1. cargo-fuzz itself is installed from crates.io if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dates document date_filter format_html format_telegram format_json format_jsonl format_feed dates_slavic)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  [ -d "fuzz/seeds/$t" ] && cp -n fuzz/seeds/$t/* "fuzz/corpus/$t/" 2>/dev/null || true
  log=$(mktemp)
  if cargo fuzz run "$t" -- -max_total_time="$seconds" -max_len=8192 -timeout=10 >"$log" 2>&1; then
    result=ok
  else
    result=CRASH
    status=1
  fi
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1 || true)
  echo "fuzz $t: $result, ${runs:-no summary} in ${seconds}s"
  [ "$result" = ok ] || tail -40 "$log"
  rm -f "$log"
done
exit $status
