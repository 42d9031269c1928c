# Shared set-up of the tmux end-to-end scripts; source it after setting
# NAME (the script's name in messages). Defines BIN (the binary under test,
# FRONTLOG_BIN or target/debug/frontlog), WORK (a temporary folder removed on
# exit), `tm` (tmux on a private server socket inside WORK), `descendants`
# and `app_pids` (the processes under the private server's panes).
#
# On exit every process under the server's panes is killed by its pid
# before the server goes: killing only the server would hang up their
# terminal, and an app that failed to notice would be left running.
BIN=$(realpath "${FRONTLOG_BIN:-target/debug/frontlog}")
command -v tmux >/dev/null || { echo "$NAME: tmux is not installed (apt-get install -y tmux)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "$NAME: no binary at $BIN" >&2; exit 1; }

WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
tm() { tmux -u -S "$SOCK" "$@"; }
# The pids below one process, children first.
descendants() {
  local p
  for p in $(pgrep -P "$1" 2>/dev/null); do descendants "$p"; echo "$p"; done
}
# The pids of every process in the private server's panes (the panes' own
# processes last).
pane_pids() {
  local pane
  for pane in $(tm list-panes -a -F '#{pane_pid}' 2>/dev/null); do
    descendants "$pane"
    echo "$pane"
  done
}
# The pids of the app under test among them (by the executable).
app_pids() {
  local p
  for p in $(pane_pids); do
    [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = "$BIN" ] && echo "$p"
  done
  return 0
}
# Whether a pid is a live process (not gone, not a zombie).
alive() {
  [ -r "/proc/$1/stat" ] && ! sed -E 's/^[0-9]+ \(.*\) //' "/proc/$1/stat" 2>/dev/null | grep -q '^[ZX]'
}
# The shell in the pane may still be writing as the server goes: retry.
cleanup() {
  local pids
  pids=$(pane_pids)
  # shellcheck disable=SC2086
  if [ -n "$pids" ]; then kill -KILL $pids 2>/dev/null || true; fi
  tm kill-server 2>/dev/null || true
  for _ in 1 2 3 4 5; do rm -rf "$WORK" 2>/dev/null && return 0; sleep 0.2; done
  rm -rf "$WORK"
}
trap cleanup EXIT
