# Shared set-up of the tmux end-to-end scripts; source it after setting
# NAME (the script's name in messages). Defines BIN (the binary under test,
# FRONTLOG_BIN or target/debug/frontlog), WORK (a temporary folder removed on
# exit), and `tm` (tmux on a private server socket inside WORK).
BIN=$(realpath "${FRONTLOG_BIN:-target/debug/frontlog}")
command -v tmux >/dev/null || { echo "$NAME: tmux is not installed (apt-get install -y tmux)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "$NAME: no binary at $BIN" >&2; exit 1; }

WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
tm() { tmux -u -S "$SOCK" "$@"; }
# The shell in the pane may still be writing as the server goes: retry.
cleanup() {
  tm kill-server 2>/dev/null || true
  for _ in 1 2 3 4 5; do rm -rf "$WORK" 2>/dev/null && return 0; sleep 0.2; done
  rm -rf "$WORK"
}
trap cleanup EXIT
