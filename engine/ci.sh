#!/usr/bin/env bash
# The engine pipeline in CI (issue 16, item 7): builds and installs the
# Python module, runs engine/pipeline.py on a local Ray cluster (2 cores)
# over a few hundred generated articles plus what real collections hold
# (a stem taken twice, a file that is no text, a JSON Lines dump), and
# checks the output against frontlog's own export (engine/check.py).
# Run from the project root; installs what it needs with pip.
set -euo pipefail
cd "$(dirname "$0")/.."

# Ray Data, maturin, and the module built and installed.
# shellcheck source=engine/setup.sh
source engine/setup.sh
# The frontlog binary that reads the shards needs Parquet.
cargo build --quiet --features parquet
bin=target/debug/frontlog

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
"$bin" gen-corpus "$corpus" --articles 300 --seed 7 >/dev/null
mkdir -p "$corpus/zz"
first=$(find "$corpus/000" -name '*.txt' | sort | head -1)
cp "$first" "$corpus/zz/"
printf '\x89PNG\r\n\x1a\n\0\0' >"$corpus/zz/broken.txt"
cat >"$corpus/zz/dump.jsonl" <<'JSON'
{"title":"Depot hit","text":"A drone hit a fuel depot in Sumy on 4 May 2025, the governor said.","published":"2025-05-05","source":"Test Wire"}
{"title":"Talks","text":"Delegations met in Geneva on 6 May 2025, officials said.","published":"2025-05-07","source":"Test Wire"}
JSON

python3 engine/pipeline.py "$corpus" "$work/out" --num-cpus 2
python3 engine/check.py "$corpus" "$work/out" --bin "$bin"
