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
keys() { for k in "$@"; do t send-keys -t main "$k"; done; }
type_text() { t send-keys -t main -l "$1"; }
session() {
  t kill-server 2>/dev/null || true
  t -f /dev/null new-session -d -s main -x 80 -y 24 "NO_COLOR=1 $1; sleep 5"
}

# A call ten days ago, in the day/month/year the screen takes.
CALL_DATE="$(date -d '10 days ago' +%d/%m/%Y 2>/dev/null || date -v-10d +%d/%m/%Y)"

session "'$BIN' interview instruments/warmline-follow-up.yaml --db '$WORK/study.sqlite' --interviewer PR01"
wait_for "Statement 1 of 3"; capture consent
keys y; wait_for "Statement 2 of 3"
keys y; wait_for "Statement 3 of 3"
keys y; wait_for "First, I would like"
keys Enter; wait_for "Today's date."
keys Enter; wait_for "On what date did you call"
type_text "$CALL_DATE"; keys Enter; wait_for "In the last 3 months"
type_text "500"; keys Enter; wait_for "Please confirm"; capture warning
keys BSpace BSpace BSpace; type_text "3"; keys Enter; wait_for "in the last 7 days"
type_text "1"; keys Enter; wait_for "how long did that call last"
type_text "20"; keys Enter; wait_for "What did you want to talk about"
keys 1 3; wait_for "[x] Family"; capture multiple
keys Enter; wait_for "did you feel listened to"
keys Down Down; wait_for "(•) Mostly"; capture single
keys C-p; wait_for "Samaritans"; capture pause
keys Enter; wait_for "did you feel listened to"
keys Enter; wait_for "How helpful was the call"
keys 3 Enter; wait_for "After the call, did you feel"
keys 1 Enter; wait_for "Safeguard"; capture safeguard
keys a; wait_for "I am sorry it left you"
type_text "I don't know, it felt rushed"; wait_for "rushed"; capture text
keys Enter; wait_for "Would you call the warmline again"
keys C-c; wait_for "is suspended"
CODE="$(t capture-pane -p -J -t main | grep -o 'Interview [A-Z0-9]\{4\}-[A-Z0-9]\{4\} is suspended' | awk '{print $2}')"

session "'$BIN' resume --db '$WORK/study.sqlite' $CODE"
wait_for "Welcome back"; capture welcome
keys Enter; wait_for "Would you call the warmline again"
keys 1 Enter; wait_for "Since the call, have you used"
keys 7 Enter; wait_for "how are you feeling"; capture intro
type_text "7"; keys Enter; wait_for "hours did you sleep"
type_text "7.5"; keys Enter; wait_for "How often do you feel lonely"
keys 3 Enter; wait_for "Do you feel safe right now"
keys 1 Enter; wait_for "How old are you"
type_text "34"; keys Enter; wait_for "describe your gender"
keys 1 Enter; wait_for "live on your own"
keys 2 Enter; wait_for "best describes where you live"
keys 1 Enter; wait_for "What could the warmline do better"
type_text "Call back when they say they will. The evenings are the hardest time, and it would help to know someone is there later at night, even just to listen for a few minutes."
wait_for "few minutes"; capture long
keys Enter; wait_for "Can we call you again"
keys 2 Enter; wait_for "Thank you for talking to me"
keys Enter; wait_for "Read the answers back"
keys Down Down Down Down Down Down; capture review
keys C-f; wait_for "Finish the interview?"; capture finish
keys y

python3 - "$WORK/screens" docs/interviewing.md "$CALL_DATE" <<'PYTHON'
import pathlib, re, sys
screens, doc, call_date = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
text = doc.read_text()
for file in sorted(screens.glob("*.txt")):
    name = file.stem
    screen = file.read_text().rstrip("\n")
    # The participant code and the dates are new each time; fixed ones keep the document stable.
    screen = re.sub(r"Participant code: [A-Z0-9]{4}-[A-Z0-9]{4}", "Participant code: K7MQ-2PXA", screen)
    screen = screen.replace(call_date, "01/11/2026")
    block = f"<!-- screen:{name} -->\n```text\n{screen}\n```\n<!-- /screen -->"
    pattern = re.compile(rf"<!-- screen:{name} -->.*?<!-- /screen -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.replace(f"{name.upper()}_SCREEN", block)
doc.write_text(text)
print(f"capture-screens: {len(list(screens.glob('*.txt')))} screens written into {doc}")
PYTHON
