#!/usr/bin/env bash
# End-to-end test of the cluster view, driving the real binary in tmux on
# tests/data/cluster_corpus (three outlets report one strike on a Dnipro bus
# depot on 2025-03-04; a look-alike comes five days later).
#
# Checks: once read and clustered, the timeline has one row for the strike
# with "3 reports · 3 outlets"; Enter lists its reports under the row, each
# with its outlet; Esc folds them away; v shows single reports (the title
# says so) and v again the clusters; t lists the event types with their
# counts, Space keeps one (the timeline and status line follow), Esc closes
# the list and c clears the filter; q quits with status 0. Runs with an
# empty XDG_CACHE_HOME (the app then writes its store snapshot), then
# again from that snapshot.
set -euo pipefail

NAME=clusters_tmux
# shellcheck source=tests/e2e/harness.sh
source "$(dirname "$0")/harness.sh"
CORPUS=$(realpath "$(dirname "$0")/../data/cluster_corpus")
mkdir -p "$WORK/xdg" "$WORK/home" "$WORK/cache"

screen() { tm capture-pane -p -t e2e; }
fail() { echo "$NAME: FAIL: $*" >&2; echo "--- screen ---" >&2; screen >&2 || true; exit 1; }
wait_for() {
  local end=$((SECONDS + ${2:-15}))
  while ((SECONDS < end)); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
keys() { tm send-keys -t e2e "$@"; sleep 0.2; }

tm -f /dev/null new-session -d -s e2e -x 160 -y 40 -c "$WORK" \
  env -i HOME="$WORK/home" PATH="$PATH" TERM=xterm-256color LANG=C.UTF-8 \
  XDG_CONFIG_HOME="$WORK/xdg" XDG_CACHE_HOME="$WORK/cache" PS1='e2e$ ' bash --norc --noprofile
wait_for 'e2e$'

for run in cold warm; do
  keys "clear; \"$BIN\" \"$CORPUS\"; echo app-exit=\$?" Enter
  wait_for "clusters of 12 events (v: single reports)"
  rows=$(screen | grep -cF '3 reports · 3 outlets' || true)
  [ "$rows" -ge 1 ] || fail "($run) no cluster row with 3 reports"
  screen | grep -F '2025-03-09' | grep -qF '1 report · 1 outlet' \
    || fail "($run) the look-alike strike is not a cluster of its own"
  # Walk down to the strike's row and open it.
  for _ in $(seq 1 10); do
    screen | grep -F '▶' | grep -qF '3 reports · 3 outlets' && break
    keys j
  done
  screen | grep -F '▶' | grep -qF '3 reports · 3 outlets' || fail "($run) cannot select the strike"
  keys Enter
  for outlet in 'Dnieper Herald' 'Steppe Ledger' 'Morning Wire'; do
    wait_for "├ $outlet"
  done
  keys Escape
  sleep 0.3
  screen | grep -qF '├ ' && fail "($run) Esc did not fold the reports away"
  # v: single reports, the mode in the title; v again: clusters.
  keys v
  wait_for "Timeline · 12 events · single reports (v: clusters)"
  [ "$(screen | grep -cF '1 report ·' || true)" = 0 ] || fail "($run) cluster rows in the reports view"
  keys v
  wait_for "clusters of 12 events (v: single reports)"
  # t: the event types with their counts; Space keeps one, the timeline
  # and the status line follow; Esc closes the list; c clears the filter.
  screen | grep -qE 'Parliament extends|Lawmakers' || fail "($run) the parliament vote is not shown"
  keys t
  wait_for "Event types"
  screen | grep -F '] Explosions/Remote violence' | grep -qF ' 8║' \
    || fail "($run) no count of 8 beside Explosions/Remote violence"
  # The list opens on Battles; Explosions/Remote violence is the next row.
  keys j
  screen | grep -F '▶ [ ] Explosions/Remote violence' >/dev/null || fail "($run) j did not move in the list"
  keys Space
  wait_for "8/12 events │ types Explosions/Remote violence"
  wait_for "clusters of 8 of 12 events"
  keys Escape
  sleep 0.3
  screen | grep -qF 'Event types' && fail "($run) Esc did not close the type list"
  screen | grep -qE 'Parliament extends|Lawmakers' && fail "($run) a report of another type is still shown"
  screen | grep -qF '3 reports · 3 outlets' || fail "($run) the strike left the filtered timeline"
  keys c
  wait_for "clusters of 12 events (v: single reports)"
  if [ "$run" = cold ]; then
    # Clustered afresh, the app writes the store snapshot in the background.
    end=$((SECONDS + 15))
    until ls "$WORK/cache/frontlog/"*.snapshot >/dev/null 2>&1; do
      ((SECONDS < end)) || fail "no store snapshot was written"
      sleep 0.1
    done
  fi
  keys q
  wait_for 'app-exit=0'
  echo "$NAME: $run run ok"
done
ls "$WORK/cache/frontlog/"*.clusters >/dev/null 2>&1 || fail "no cluster cache was written"
echo "$NAME: ok"
