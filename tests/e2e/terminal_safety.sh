#!/usr/bin/env bash
# Terminal safety: article text (and file names) are untrusted. A corpus
# carrying escape sequences (ESC, CSI, OSC 0 titles, OSC 8 links, OSC 52
# clipboard writes), other control characters and bidirectional overrides
# is shown in the terminal app inside tmux and exported; nothing of it may
# reach the terminal raw or break the output.
#
# Checks: tmux's pane title is unchanged (no OSC 0/2), tmux holds no paste
# buffer (no OSC 52), the screen still shows the app's frame and the text
# around the sequences; `frontlog export` (Markdown and JSON) and the
# warnings on stderr hold no ESC, BEL, C1 CSI or bidi override byte.
set -euo pipefail

NAME=terminal_safety
# shellcheck source=tests/e2e/harness.sh
source "$(dirname "$0")/harness.sh"
fail() { echo "terminal_safety: FAIL: $*" >&2; tm capture-pane -p -t safe >&2 2>/dev/null || true; exit 1; }

corpus="$WORK/corpus"
mkdir -p "$corpus" "$WORK/home"
ESC=$'\e'
BEL=$'\a'
printf '%s\n' \
  " date 2025-02-14" \
  "Hostile headline ${ESC}[2J${ESC}]0;PWNED${BEL} about the talks" \
  "" \
  "A strike hit the depot on February 12 ${ESC}]52;c;SGVsbG8=${BEL}said officials ${ESC}]8;;http://evil.example/${ESC}\\the full report${ESC}]8;;${ESC}\\ today." \
  "" \
  "Reversed $(printf '\u202e')txet gnisufnoc and a C1 $(printf '\xc2\x9b')2J sequence appeared on February 13, with a bell$(printf '\a') and a backspace$(printf '\b')." \
  >"$corpus/hostile.txt"
printf ' date 2025-02-14\nA file with a hostile name reported talks on February 11.\n' >"$corpus/evil${ESC}]0;NAME${BEL}file.txt"
printf '\x89PNG\r\n\x1a\n\0\0' >"$corpus/bad${ESC}[31mimage.txt"

# Exports and warnings: no raw control bytes.
out="$WORK/out"
mkdir -p "$out"
HOME="$WORK/home" "$BIN" export "$corpus" >"$out/brief.md" 2>"$out/stderr.txt"
HOME="$WORK/home" "$BIN" export "$corpus" --format json >"$out/brief.json" 2>>"$out/stderr.txt"
for f in "$out/brief.md" "$out/brief.json" "$out/stderr.txt"; do
  if LC_ALL=C grep -qP '[\x07\x08\x1b]|\xc2\x9b|\xe2\x80\xae' "$f"; then fail "raw control bytes in $(basename "$f")"; fi
done
grep -q "Hostile headline" "$out/brief.md" || fail "the headline is missing from the export"
grep -q "the full report" "$out/brief.md" || fail "the link text is missing from the export"
grep -q "bad.*image.txt: not text" "$out/stderr.txt" || fail "the binary file is not reported: $(cat "$out/stderr.txt")"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out/brief.json" || fail "the JSON export does not parse"

# The terminal app in tmux.
tm -f /dev/null new-session -d -s safe -x 160 -y 40 -c "$WORK" \
  env -i HOME="$WORK/home" PATH="$PATH" TERM=xterm-256color LANG=C.UTF-8 PS1='safe$ ' bash --norc --noprofile
tm set -g set-clipboard on
tm select-pane -t safe -T clean-title
sleep 0.3
tm send-keys -t safe "\"$BIN\" \"$corpus\"; echo app-exit=\$?" Enter
end=$((SECONDS + 15))
until tm capture-pane -p -t safe | grep -qF "Hostile headline"; do
  ((SECONDS < end)) || fail "the app did not show the corpus"
  sleep 0.1
done
for _ in 1 2 3 4 5 6; do tm send-keys -t safe j; sleep 0.2; done
tm send-keys -t safe p; sleep 0.3; tm send-keys -t safe Escape; sleep 0.2
screen=$(tm capture-pane -p -t safe)
echo "$screen" | grep -qF "Timeline" || fail "the app's frame is gone (was the screen cleared?)"
title=$(tm display -p -t safe '#{pane_title}')
[ "$title" = clean-title ] || fail "the pane title changed to: $title"
[ -z "$(tm list-buffers 2>/dev/null)" ] || fail "a clipboard write (OSC 52) reached tmux: $(tm list-buffers)"
tm send-keys -t safe q
end=$((SECONDS + 10))
until tm capture-pane -p -t safe | grep -qF "app-exit=0"; do
  ((SECONDS < end)) || fail "the app did not quit cleanly"
  sleep 0.1
done
[ "$(tm display -p -t safe '#{pane_title}')" = clean-title ] || fail "the pane title changed after quitting"
[ -z "$(tm list-buffers 2>/dev/null)" ] || fail "a clipboard write reached tmux"
echo "terminal_safety: ok"
