#!/usr/bin/env bash
# The app ends when its terminal goes away (a closed window, a dropped ssh
# connection, `tmux kill-session`), in each of the ways a terminal can go:
#
# 1. the app is the pane's own process: it gets SIGHUP from the kernel;
# 2. the app runs from a shell: the shell passes SIGHUP on to it;
# 3. the app runs in a session of its own (`setsid`): no signal comes, the
#    terminal only hangs up (reads end, poll says POLLHUP).
#
# Each time the session is killed and the app's process must be gone within
# a second (crossterm 0.29 alone spins on a hung-up terminal for good).
set -euo pipefail

NAME=hangup
# shellcheck source=tests/e2e/harness.sh
source "$(dirname "$0")/harness.sh"
mkdir -p "$WORK/home" "$WORK/xdg"
fail() { echo "hangup: FAIL: $*" >&2; exit 1; }
ENV=(env -i HOME="$WORK/home" PATH="$PATH" TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME="$WORK/xdg")
# A session that keeps the server up while the tested ones are killed.
tm -f /dev/null new-session -d -s keep -x 80 -y 24 "${ENV[@]}" bash --norc --noprofile

# Waits until the app shows its timeline in a session.
wait_app() {
  local end=$((SECONDS + 20))
  until tm capture-pane -p -t "$1" 2>/dev/null | grep -qF 'no filters'; do
    ((SECONDS < end)) || fail "$2: the app did not start: $(tm capture-pane -p -t "$1" 2>&1)"
    sleep 0.1
  done
}
# Kills a session, then checks the app's pid is gone within a second.
kill_and_check() {
  local session=$1 how=$2 pid
  pid=$(app_pids | head -n 1)
  [ -n "$pid" ] || fail "$how: no app process found"
  alive "$pid" || fail "$how: the app is not running before the test"
  tm kill-session -t "$session"
  for _ in $(seq 10); do
    alive "$pid" || { echo "hangup: $how: the app ended"; return 0; }
    sleep 0.1
  done
  local state
  state=$(cat "/proc/$pid/stat" 2>/dev/null || true)
  kill -KILL "$pid" 2>/dev/null || true
  fail "$how: the app (pid $pid) still runs a second after the session was killed: $state"
}

# 1. The app as the pane's process.
tm new-session -d -s direct -x 120 -y 30 "${ENV[@]}" "$BIN"
wait_app direct "the pane's process"
kill_and_check direct "the pane's process (SIGHUP)"

# 2. From a shell.
tm new-session -d -s shell -x 120 -y 30 "${ENV[@]}" PS1='hup$ ' bash --norc --noprofile
tm send-keys -t shell "\"$BIN\"" Enter
wait_app shell "from a shell"
kill_and_check shell "from a shell (SIGHUP passed on)"

# 3. A session of its own: no SIGHUP, only the hang-up.
tm new-session -d -s own -x 120 -y 30 "${ENV[@]}" PS1='hup$ ' bash --norc --noprofile
tm send-keys -t own "setsid -w \"$BIN\"" Enter
wait_app own "in its own session"
kill_and_check own "in its own session (no signal, the terminal hung up)"

echo "hangup: 3 passed, 0 failed"
