#!/usr/bin/env bash
# End-to-end test of the map pane, driving the real binary in tmux on
# tests/data/map_corpus (strikes in Kharkiv, Odesa and Lviv, and a
# statement placed only in Ukraine).
#
# Checks: at 200 columns the map shows with its three places; Tab (after
# the regions and sources panes) focuses it; + zooms (the title says
# ×1.5); h/j/k/l pan until the cursor's place, named under the map, is
# Kharkiv; Space puts it in the region filter, and
# the timeline and status line follow (4 of 11 events, Kharkiv's only); c
# clears the filter; m hides the map; q quits with status 0.
set -euo pipefail

NAME=map_tmux
# shellcheck source=tests/e2e/harness.sh
source "$(dirname "$0")/harness.sh"
CORPUS=$(realpath "$(dirname "$0")/../data/map_corpus")
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

tm -f /dev/null new-session -d -s e2e -x 200 -y 40 -c "$WORK" \
  env -i HOME="$WORK/home" PATH="$PATH" TERM=xterm-256color LANG=C.UTF-8 \
  XDG_CONFIG_HOME="$WORK/xdg" XDG_CACHE_HOME="$WORK/cache" PS1='e2e$ ' bash --norc --noprofile
wait_for 'e2e$'

keys "clear; \"$BIN\" \"$CORPUS\"; echo app-exit=\$?" Enter
wait_for "Map · 3 places · 3 events unplaced"
wait_for "11/11 events"
screen | LC_ALL=C.UTF-8 grep -qP '[\x{2801}-\x{28FF}]' || fail "no Braille outlines on the map"
# Tab: from the timeline to the regions, the sources, then the map.
keys Tab Tab Tab
wait_for "▶ Map"
keys +
wait_for "×1.5"
# Pan towards Kharkiv (north-east of the opening view) until the place
# under the cursor, named under the map, is Kharkiv.
# Sweep east along a row, then one step north and back west, and so on.
at_kharkiv() { screen | grep -qF '+ Kharkiv 4 · Space adds'; }
found=
for sweep in l h l h; do
  for _ in $(seq 1 10); do
    if at_kharkiv; then found=1; break 2; fi
    keys "$sweep"
  done
  keys k
done
[ -n "$found" ] || fail "the cursor never reached Kharkiv"
keys Space
wait_for "4/11 events │ regions Kharkiv"
wait_for "Kharkiv added to the region filter: 4 events"
timeline=$(screen | cut -c1-70)
echo "$timeline" | grep -qF 'Odesa' && fail "Odesa is still in the filtered timeline"
echo "$timeline" | grep -qF 'Lviv' && fail "Lviv is still in the filtered timeline"
[ "$(echo "$timeline" | grep -cF 'Kharkiv' || true)" -ge 3 ] || fail "Kharkiv's events are not in the timeline"
screen | grep -qF '[x] Kharkiv' || fail "the region tree does not show the pick"
keys c
wait_for "11/11 events │ no filters"
keys m
wait_for "map hidden (m shows it)"
screen | grep -qF 'Map ·' && fail "m did not hide the map"
keys q
wait_for 'app-exit=0'
echo "$NAME: ok"
