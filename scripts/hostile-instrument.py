#!/usr/bin/env python3
"""Writes a hostile instrument to standard output, for measuring `peersurvey check` on it.

    python3 scripts/hostile-instrument.py unknown-names 16000 > /tmp/unknown.yaml
    time .build/debug/peersurvey check /tmp/unknown.yaml > /dev/null

Kinds:
  unknown-names N   N questions, each routed on a name that is no variable (`nope_<i> > 1`)
  near-misses N     N questions, each routed on a misspelt variable (`w<i>` for `v<i>`), so that
                    every error looks for a "did you mean"
  chain N           one `ask_if` of N ones added (`1 + 1 + ... + 1 > 1`)
  languages N Q     N declared languages and Q questions written in one of them
  bad-languages N   N invalid language codes on one line (N diagnostics quoting that line)

The end-to-end tests build the same files (Tests/PeerSurveyTests/Hostile.swift).
"""
import itertools
import sys

HEAD = """instrument: hostile
version: 1
title: Hostile
consent:
  text: Hello.
  statements: [I agree.]
support:
  text: Samaritans are free on 116 123.
sections:
  - id: main
    title: Main
    questions:
      - id: age
        type: integer
        text: How old are you?
        range: [0, 120]
"""


def question(ident, ask_if=None):
    text = f"      - id: {ident}\n        type: integer\n        text: Question {ident}.\n        range: [0, 9]\n"
    return text + (f"        ask_if: {ask_if}\n" if ask_if else "")


def main(argv):
    kind, n = argv[1], int(argv[2])
    out = []
    if kind == "unknown-names":
        out = [HEAD] + [question(f"q{i}", f"nope_{i} > 1") for i in range(n)]
    elif kind == "near-misses":
        out = [HEAD] + [question(f"v{i}", f"w{i} > 1") for i in range(n)]
    elif kind == "chain":
        out = [HEAD, question("q", " + ".join(["1"] * n) + " > 1")]
    elif kind in ("languages", "bad-languages"):
        if kind == "languages":
            codes = ["".join(t) for t in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=3)][:n]
        else:
            codes = [f"l{i}" for i in range(n)]
        questions = int(argv[3]) if len(argv) > 3 else 10
        out = [f"instrument: hostile\nversion: 1\ntitle: Hostile\nlanguages: [{', '.join(codes)}]\n"
               "sections:\n  - id: main\n    title: Main\n    questions:\n"]
        out += [f"      - {{id: q{i}, type: integer, text: Q}}\n" for i in range(questions)]
    else:
        sys.exit(f"unknown kind {kind}; see the help at the top of this file")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main(sys.argv)
