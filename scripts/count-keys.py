#!/usr/bin/env python3
"""Counts the keys a whole interview of each bundled instrument takes, by running it.

Each instrument is previewed in tmux (80 x 24) along a fixed path of answers, and every key sent
is counted (a typed character is one key). The same answers are given with the old key model
(letters as commands, Enter to start typing, `f` to finish) and the new one (typing at once,
Ctrl keys, Ctrl-F then `y` to finish), so two builds can be compared:

    scripts/count-keys.py [--model new|old] [--instruments DIR] [BINARY]

(An older build may not read today's instruments: `--instruments` takes them from another folder,
such as `git archive` of an older commit's `instruments/`.)

It prints one line per instrument and fails if a screen it waits for never shows.
"""
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A step: the text to wait for, then what to do. Actions: a tmux key name ("Enter", "3", "C-f"),
# ("type", text) typed as is, ("answer", text) a typed text answer, ("finish",) at the review.
WARMLINE = [
    ("Statement 1 of 3", ["y"]), ("Statement 2 of 3", ["y"]), ("Statement 3 of 3", ["y"]),
    ("First, I would like to ask", ["Enter"]),
    ("Today's date.", ["Enter"]),
    ("On what date did you call", [("type", "{call_date}"), "Enter"]),
    ("In the last 3 months", [("type", "3"), "Enter"]),
    ("in the last 7 days", [("type", "1"), "Enter"]),
    ("how long did that call last", [("type", "20"), "Enter"]),
    ("What did you want to talk about", ["1", "3", "Enter"]),
    ("did you feel listened to", ["3", "Enter"]),
    ("How helpful was the call", ["3", "Enter"]),
    ("After the call, did you feel", ["4", "Enter"]),
    ("Would you call the warmline again", ["1", "Enter"]),
    ("Since the call, have you used", ["1", "Enter"]),
    ("suggest any of these", ["2", "Enter"]),
    ("how are you feeling", [("type", "5"), "Enter"]),
    ("hours did you sleep", [("type", "7.5"), "Enter"]),
    ("How often do you feel lonely", ["3", "Enter"]),
    ("Do you feel safe right now", ["1", "Enter"]),
    ("How old are you", [("type", "34"), "Enter"]),
    ("describe your gender", ["1", "Enter"]),
    ("live on your own", ["2", "Enter"]),
    ("best describes where you live", ["1", "Enter"]),
    ("What could the warmline do better", [("answer", "More evening hours"), "Enter"]),
    ("Can we call you again", ["1", "Enter"]),
    ("best time of day", ["3", "Enter"]),
    ("Thank you for talking to me", ["Enter"]),
    ("Read the answers back", [("finish",)]),
]

RECOVERY = [
    ("Statement 1 of 3", ["y"]), ("Statement 2 of 3", ["y"]), ("Statement 3 of 3", ["y"]),
    ("no right or wrong answers", ["Enter"]),
    ("best describes you", ["1", "Enter"]),
    ("first term", ["1", "Enter"]),
    ("Which courses did you go to", ["1", "2", "Enter"]),
    ("how many sessions", [("type", "8"), "Enter"]),
    ("finish at least one course", ["1", "Enter"]),
    ("Thinking about your courses", ["4", "Enter"] * 6),
    ("rate your courses", [("type", "8"), "Enter"]),
    ("best part of the courses", [("answer", "Meeting people like me"), "Enter"]),
    ("How much do you agree or disagree with each", ["4", "Enter"] * 6),
    ("how hopeful do you feel now", ["4", "Enter"]),
    ("bothered by any of the following problems", ["1", "Enter"] * 9),
    ("bothered by the following problems", ["1", "Enter"] * 7),
    ("on how many days did you do something", [("type", "3"), "Enter"]),
    ("How connected do you feel", ["2", "Enter"]),
    ("what you do most of the week", ["2", "Enter"]),
    ("How old are you", [("type", "41"), "Enter"]),
    ("describe your gender", ["1", "Enter"]),
    ("come back to the college next term", ["1", "Enter"]),
    ("course you would like the college to run", [("answer", "Cooking on a budget"), "Enter"]),
    ("anything else you would like to tell us", [("answer", "Thank you"), "Enter"]),
    ("Thank you for your time", ["Enter"]),
    ("Read the answers back", [("finish",)]),
]

PEER_SUPPORT = [
    ("Statement 1 of 3", ["y"]), ("Statement 2 of 3", ["y"]), ("Statement 3 of 3", ["y"]),
    ("no right or wrong answers", ["Enter"]),
    ("How long have you been coming", ["4", "Enter"]),
    ("first hear about the drop-in", ["1", "Enter"]),
    ("about how many times have you come", [("type", "6"), "Enter"]),
    ("times in the last four", ["2", "Enter"]),
    ("Which of these have you used", ["1", "4", "Enter"]),
    ("How much do you agree or disagree with each", ["4", "Enter"] * 6),
    ("feel welcome", ["4", "Enter"]),
    ("How much difference", ["3", "Enter"]),
    ("best thing about peer support", [("answer", "Being listened to"), "Enter"]),
    ("recommend the drop-in", ["5", "Enter"]),
    ("felt like too m", ["2", "Enter"]),
    ("who to turn to", ["1", "Enter"]),
    ("How many different groups", [("type", "2"), "Enter"]),
    ("the groups are a good size", ["4", "Enter"]),
    ("make the groups better", [("answer", "More evening groups"), "Enter"]),
    ("How old are you", [("type", "29"), "Enter"]),
    ("describe your gender", ["2", "Enter"]),
    ("How much Welsh do you speak", ["3", "Enter"]),
    ("contact you again", ["2", "Enter"]),
    ("anything else you would like to tell us", [("answer", "No"), "Enter"]),
    ("Thank you for your time", ["Enter"]),
    ("Read the answers back", [("finish",)]),
]

INSTRUMENTS = [
    ("warmline-follow-up", WARMLINE),
    ("recovery-college-outcomes", RECOVERY),
    ("peer-support-experience", PEER_SUPPORT),
]


def tmux(socket, *args):
    return subprocess.run(["tmux", "-L", socket, *args], check=True, capture_output=True, text=True).stdout


def wait_for(socket, text, timeout=20.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        screen = tmux(socket, "capture-pane", "-p", "-J", "-t", "main")
        if text in " ".join(screen.split()):
            return
        time.sleep(0.05)
    sys.exit(f"count-keys: the screen never showed {text!r}; it showed:\n{screen}")


def keys_for(action, model, call_date):
    """The tmux send-keys calls for one action, and how many keys they are."""
    if isinstance(action, str):
        return [[action]], 1
    kind = action[0]
    if kind == "type":
        text = action[1].format(call_date=call_date)
        return [["-l", text]], len(text)
    if kind == "answer":
        text = action[1]
        if model == "old":
            return [["Enter"], ["-l", text]], 1 + len(text)
        return [["-l", text]], len(text)
    if kind == "finish":
        return ([["f"]], 1) if model == "old" else ([["C-f"], ["y"]], 2)
    raise ValueError(action)


def count(binary, folder, name, steps, model, call_date):
    socket = f"count-keys-{name}"
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    tmux(socket, "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "80", "-y", "24",
         f"NO_COLOR=1 '{binary}' preview '{folder / (name + '.yaml')}'; sleep 30")
    total = 0
    try:
        for text, actions in steps:
            wait_for(socket, text)
            for action in actions:
                calls, n = keys_for(action, model, call_date)
                for call in calls:
                    tmux(socket, "send-keys", "-t", "main", *call)
                total += n
        wait_for(socket, "Preview finished")
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    return total


def main():
    args = sys.argv[1:]
    model = "new"
    folder = ROOT / "instruments"
    while args[:1] in (["--model"], ["--instruments"]):
        if args[0] == "--model":
            model = args[1]
        else:
            folder = Path(args[1]).resolve()
        args = args[2:]
    binary = Path(args[0] if args else ROOT / ".build/debug/peersurvey").resolve()
    call_date = time.strftime("%d/%m/%Y", time.localtime(time.time() - 10 * 86400))
    for name, steps in INSTRUMENTS:
        print(f"{name}: {count(binary, folder, name, steps, model, call_date)} keys ({model} keys)")


if __name__ == "__main__":
    main()
