#!/usr/bin/env bash
# The engine pipeline in CI (issue 16, item 7): builds and installs the
# Python module, runs engine/pipeline.py on a local Ray cluster (2 cores)
# over a few hundred generated articles plus what real collections hold
# (a stem taken twice, a file that is no text, a JSON Lines dump),
# checks the output against frontlog's own export (engine/check.py).
# Last, the app opens the shards in tmux. Run from the project root;
# installs what it needs with pip.
set -euo pipefail
cd "$(dirname "$0")/.."

# Ray Data, maturin, and the module built and installed.
# The test profile: .ci/run has built its library already.
engine_profile=dev
# shellcheck source=engine/setup.sh
source engine/setup.sh
# The frontlog binary that reads the shards needs Parquet: .ci/run names
# the one its Parquet tests built.
if [ -z "${FRONTLOG_BIN:-}" ]; then
  cargo build --quiet --features parquet
fi
bin=${FRONTLOG_BIN:-target/debug/frontlog}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
"$bin" gen-corpus "$corpus" --articles 300 --seed 7 >/dev/null
mkdir -p "$corpus/zz" "$corpus/000-x"
# (A glob, not `find | sort | head`: head closing the pipe early would make
# sort fail with SIGPIPE under pipefail.)
texts=("$corpus"/000/*.txt)
first=${texts[0]}
cp "$first" "$corpus/zz/"
# "000-x/" sorts after "000/" in a folder walk but before it as a string.
cp "$first" "$corpus/000-x/"
printf '\x89PNG\r\n\x1a\n\0\0' >"$corpus/zz/broken.txt"
cat >"$corpus/zz/dump.jsonl" <<'JSON'
{"title":"Depot hit","text":"A drone hit a fuel depot in Sumy on 4 May 2025, the governor said.","published":"2025-05-05","source":"Test Wire"}
{"title":"Talks","text":"Delegations met in Geneva on 6 May 2025, officials said.","published":"2025-05-07","source":"Test Wire"}
JSON

python3 engine/pipeline.py "$corpus" "$work/out" --num-cpus 2
python3 engine/check.py "$corpus" "$work/out" --bin "$bin"

# A corpus whose every file is skipped: the pipeline still ends cleanly
# and frontlog opens its output, listing the files.
mkdir -p "$work/junk"
printf '\x89PNG\r\n\x1a\n\0\0' >"$work/junk/a.txt"
printf '\0\0\0\0' >"$work/junk/b.txt"
python3 engine/pipeline.py "$work/junk" "$work/junk-out" --num-cpus 2
"$bin" stats "$work/junk-out" 2>&1 | grep '^problems    2' >/dev/null \
  || { echo "engine/ci.sh: the shards of a corpus of skipped files do not list both" >&2; exit 1; }

# The app on the shards, in tmux, as a person would open it (a private
# tmux server and no user configuration).
if ! command -v tmux >/dev/null 2>&1; then
  echo "engine/ci.sh: tmux is missing: the app was not opened on the shards" >&2
  exit 1
else
  events=$("$bin" export "$work/out" --format json \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["events"]))')
  session="frontlog-engine-$$"
  mkdir -p "$work/config"
  tmux() { command tmux -L "$session" -f /dev/null "$@"; }
  tmux new-session -d -s "$session" -x 160 -y 45 \
    "XDG_CONFIG_HOME='$work/config' '$bin' '$work/out'; echo \"EXIT=\$?\"; sleep 60"
  shown=""
  for _ in $(seq 1 100); do
    shown=$(tmux capture-pane -p -t "$session")
    grep -q "of $events events" <<<"$shown" && break
    sleep 0.2
  done
  if ! grep -q "of $events events" <<<"$shown"; then
    tmux kill-session -t "$session"
    echo "engine/ci.sh: the app on the shards does not show its $events events:" >&2
    echo "$shown" >&2
    exit 1
  fi
  tmux send-keys -t "$session" q
  for _ in $(seq 1 50); do
    shown=$(tmux capture-pane -p -t "$session")
    grep -q "EXIT=" <<<"$shown" && break
    sleep 0.2
  done
  tmux kill-session -t "$session"
  if ! grep -q "EXIT=0" <<<"$shown"; then
    echo "engine/ci.sh: the app on the shards did not quit cleanly:" >&2
    echo "$shown" >&2
    exit 1
  fi
  echo "app: opened the shards in tmux showing $events events, quit with status 0"
fi
