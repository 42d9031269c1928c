#!/usr/bin/env bash
# End-to-end test of the terminal app, driving the real binary in tmux.
#
# Prerequisites: tmux (Debian: `apt-get install -y tmux`) and a built
# binary: FRONTLOG_BIN (default target/debug/frontlog). `cargo test --test
# it tui_e2e` builds the binary and runs this script.
#
# It starts a shell in a private tmux server, runs frontlog on the demo
# corpus from an empty folder (so the export lands there) with an empty
# XDG_CONFIG_HOME, filters by region (when the corpus has regions), date
# range, text and source, exports, quits, and checks: the screen, that the
# export holds exactly the visible events (and the same as `frontlog export`
# with the same filters), and that the terminal was given back (alternate
# screen left, the shell's earlier output back). Then a bad --config must
# exit with status 2 before touching the terminal, and a SIGTERM must give
# the terminal back.
set -euo pipefail

NAME=tui_tmux
# shellcheck source=tests/e2e/harness.sh
source "$(dirname "$0")/harness.sh"
mkdir -p "$WORK/cwd" "$WORK/xdg" "$WORK/home"

screen() { tm capture-pane -p -t e2e; }
fail() { echo "tui_tmux: FAIL: $*" >&2; echo "--- screen ---" >&2; screen >&2 || true; exit 1; }
# Waits until the screen shows a text (fixed string), 15 s at most.
wait_for() {
  local end=$((SECONDS + ${2:-15}))
  while ((SECONDS < end)); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
keys() { tm send-keys -t e2e "$@"; sleep 0.15; }
text() { tm send-keys -t e2e -l "$1"; sleep 0.15; }

tm -f /dev/null new-session -d -s e2e -x 180 -y 40 -c "$WORK/cwd" \
  env -i HOME="$WORK/home" PATH="$PATH" TERM=xterm-256color LANG=C.UTF-8 \
  XDG_CONFIG_HOME="$WORK/xdg" PS1='e2e$ ' bash --norc --noprofile
wait_for 'e2e$'
keys "echo shell-before-app; \"$BIN\"; echo app-exit=\$?" Enter

# First screen: every event of the demo corpus (as `frontlog export` counts them).
TOTAL=$("$BIN" export --format json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["events"]))')
wait_for "$TOTAL/$TOTAL events │ no filters"
# Once read, the corpus is clustered: one row per happening; v switches to
# single reports, which the rest of this session filters and exports.
wait_for "clusters of $TOTAL events (v: single reports)"
keys v
wait_for "Timeline · $TOTAL events · single reports"
[ "$(tm display -p -t e2e '#{alternate_on}')" = 1 ] || fail "the app is not on the alternate screen"

# Region, typed by name: "Odessa" is both a city and an oblast; the app
# says which it took and offers the other with its count.
keys r
text 'Odessa'
wait_for '→ Odesa Oblast'
keys Enter
wait_for '"Odessa" is taken as Odesa Oblast'
wait_for '"Odesa city"'
wait_for '│ regions Odesa Oblast'

# Date range.
keys d
text '2025-02-10..2025-02-20'
wait_for 'Dates: 2025-02-10..2025-02-20'
keys Enter
wait_for 'dates 2025-02-10..2025-02-20'

# A wrong date is refused with the reason, the filter kept.
keys d
keys C-u
text 'feb 30'
keys Enter
wait_for 'not applied: '
keys Escape
sleep 0.3

# Text, live.
keys /
text 'drone'
wait_for 'text "drone"'
keys Enter

# Source: the last outlet ("unknown source").
keys Tab Tab
keys G
keys Space
wait_for 'sources unknown source'

STATUS=$(screen | grep -F ' events │ ' | tail -1)
VISIBLE=$(sed -E 's/^ *([0-9]+)\/([0-9]+) events.*/\1/' <<<"$STATUS")
[[ "$VISIBLE" =~ ^[0-9]+$ ]] || fail "no visible count in: $STATUS"
[ "$VISIBLE" -gt 0 ] || fail "the filters leave no event to export: $STATUS"
echo "tui_tmux: status: $STATUS"

# Export: e offers the formats (the default configuration asks); Enter
# takes the first, Markdown.
keys e
wait_for "Export $VISIBLE events as"
keys Enter
wait_for "exported $VISIBLE events as Markdown to"
FILE=$(ls "$WORK/cwd"/frontlog-*.md)
[ "$(wc -l <<<"$FILE")" = 1 ] || fail "expected one export, got: $FILE"
BULLETS=$(awk '/^## Articles cited/{exit} /^## /{on=1} on && /^- /{n++} END{print n+0}' "$FILE")
[ "$BULLETS" = "$VISIBLE" ] || fail "export has $BULLETS events, the screen shows $VISIBLE"
# The same filters on the command line give the same briefing.
REGION_ARGS=()
REGION=$(sed -nE 's/.*│ [^│]*regions ([^;│]+)[;│].*/\1/p' <<<"$STATUS" | sed -E 's/ +$//')
[ -n "$REGION" ] && REGION_ARGS=(--region "$REGION")
"$BIN" export --allow-empty --from 2025-02-10 --to 2025-02-20 --query drone --source "unknown source" \
  ${REGION_ARGS[@]+"${REGION_ARGS[@]}"} >"$WORK/cli.md" 2>/dev/null \
  || fail "frontlog export failed"
diff <(grep -v '^- \*\*Made:\*\*' "$FILE") <(grep -v '^- \*\*Made:\*\*' "$WORK/cli.md") \
  || fail "the export differs from frontlog export with the same filters"

# An export of nothing writes nothing and says why.
keys /
keys C-u
text 'zzzz'
keys Enter
wait_for ' 0/'
keys e
wait_for 'nothing to export'
[ "$(ls "$WORK/cwd"/frontlog-*.md | wc -l)" = 1 ] || fail "an empty export wrote a file"

# At 80×24 the side panes fold away, the sentence keeps its room and the
# filters stay in the status line.
keys /
keys C-u
keys Enter
tm resize-window -t e2e -x 80 -y 24
wait_for 'Timeline · '
sleep 0.5
screen | tail -n 1 | grep -qF 'Odesa Oblast' || fail "the status line lost the region at 80 columns"
screen | grep -qF 'Regions' && fail "the side panes did not fold at 80 columns"
screen | grep -qF 'Odesa Oblast Drone attacks' || fail "the timeline lost its place column at 80 columns"
tm resize-window -t e2e -x 180 -y 40
sleep 0.3

# Help overlay, then Esc closes it (not the app).
keys '?'
wait_for 'Help: keys'
keys Escape
sleep 0.5
screen | grep -qF 'Help: keys' && fail "Esc did not close the help"
screen | grep -qF 'events │' || fail "Esc closed more than the help"
# At the top level Esc does nothing: the app stays.
keys Escape
sleep 0.5
screen | grep -qF 'app-exit=' && fail "Esc at the top level quit the app"
screen | grep -qF 'events │' || fail "Esc at the top level changed the screen"

# Quit, and the terminal is back.
keys q
wait_for 'app-exit=0'
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
screen | grep -qF 'shell-before-app' || fail "the shell's screen was not restored"
screen | grep -qF 'Timeline' && fail "the app's screen is left behind"

# A bad configuration: exit status 2, a message naming the file, line and
# key, and the terminal untouched.
printf '[general]\nexport_dri = "."\n' >"$WORK/bad.toml"
keys clear Enter
keys "\"$BIN\" --config \"$WORK/bad.toml\"; echo bad-config-exit=\$?" Enter
wait_for 'bad-config-exit=2'
screen | grep -qF 'bad.toml:2: key `export_dri`' || fail "the config error does not name file, line and key"
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] || fail "a bad config touched the terminal"

# SIGTERM (a `kill`, a closing session manager): the terminal is given
# back, mouse reporting off and the cursor shown, then the signal ends the
# app as it would any program (status 143).
keys clear Enter
keys "\"$BIN\"; echo term-exit=\$?" Enter
wait_for 'no filters'
[ "$(tm display -p -t e2e '#{mouse_any_flag}')" = 1 ] || fail "mouse reporting is not on in the app"
APP_PID=$(pgrep -n -f "^$BIN\$") || fail "no app process"
kill -TERM "$APP_PID"
wait_for 'term-exit=143'
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] || fail "SIGTERM left the alternate screen on"
[ "$(tm display -p -t e2e '#{mouse_any_flag}')" = 0 ] || fail "SIGTERM left mouse reporting on"
[ "$(tm display -p -t e2e '#{cursor_flag}')" = 1 ] || fail "SIGTERM left the cursor hidden"

echo "tui_tmux: 1 passed, 0 failed"
