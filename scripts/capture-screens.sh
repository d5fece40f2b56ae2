#!/usr/bin/env bash
# Captures the full-screen interviewer's screens from the real program (tmux, 80 x 24, no colour)
# and puts them into docs/interviewing.md between its <!-- screen:NAME --> markers.
#   scripts/capture-screens.sh [BINARY]     (default: .build/debug/peersurvey)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-.build/debug/peersurvey}")"
WORK="$(mktemp -d)"
SOCKET="capture-$$"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/screens"

t() { tmux -L "$SOCKET" "$@"; }
wait_for() {
  for _ in $(seq 1 200); do
    if t capture-pane -p -t main | grep -qF -- "$1"; then return 0; fi
    sleep 0.05
  done
  echo "capture-screens: the screen never showed: $1" >&2
  t capture-pane -p -t main >&2
  exit 1
}
capture() { t capture-pane -p -t main | sed -e 's/[[:space:]]*$//' > "$WORK/screens/$1.txt"; }

t -f /dev/null new-session -d -s main -x 80 -y 24 \
  "NO_COLOR=1 '$BIN' interview instruments/warmline-follow-up.yaml --db '$WORK/study.sqlite' --interviewer PR01; sleep 5"
wait_for "Statement 1 of 3"; capture consent
t send-keys -t main y; wait_for "Statement 2 of 3"
t send-keys -t main y; wait_for "Statement 3 of 3"
t send-keys -t main y; wait_for "First, I would like"
t send-keys -t main Enter; wait_for "Today's date."
t send-keys -t main Enter; wait_for "On what date did you call"
t send-keys -t main -l "01/11/2026"; t send-keys -t main Enter; wait_for "In the last 3 months"
t send-keys -t main -l "500"; t send-keys -t main Enter; wait_for "Please check"; capture warning
t send-keys -t main BSpace BSpace BSpace; t send-keys -t main -l "3"; t send-keys -t main Enter
wait_for "in the last 7 days"
t send-keys -t main 1 Enter; wait_for "how long did that call last"
t send-keys -t main -l "20"; t send-keys -t main Enter; wait_for "What did you want to talk about"
t send-keys -t main 1; t send-keys -t main 3; wait_for "[x] Family"; capture multiple
t send-keys -t main Enter; wait_for "did you feel listened to"
t send-keys -t main Down; t send-keys -t main Down; wait_for "(•) Mostly"; capture single
t send-keys -t main p; wait_for "Samaritans"; capture pause
t send-keys -t main Enter; wait_for "did you feel listened to"
t send-keys -t main C-c

python3 - "$WORK/screens" docs/interviewing.md <<'PYTHON'
import pathlib, re, sys
screens, doc = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = doc.read_text()
for file in sorted(screens.glob("*.txt")):
    name = file.stem
    screen = file.read_text().rstrip("\n")
    # The participant code is new each time; a fixed one keeps the document stable.
    screen = re.sub(r"Participant code: [A-Z0-9]{4}-[A-Z0-9]{4}", "Participant code: K7MQ-2PXA", screen)
    block = f"<!-- screen:{name} -->\n```text\n{screen}\n```\n<!-- /screen -->"
    pattern = re.compile(rf"<!-- screen:{name} -->.*?<!-- /screen -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.replace(f"{name.upper()}_SCREEN", block)
doc.write_text(text)
print(f"capture-screens: {len(list(screens.glob('*.txt')))} screens written into {doc}")
PYTHON
