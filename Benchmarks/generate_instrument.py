#!/usr/bin/env python3
"""Generates benchmark instruments (standard library only).

  generate_instrument.py national OUT.yaml     100 variables: 60 single, 20 integer, 10 decimal,
                                               10 multiple, with routing (the national-scale study)
  generate_instrument.py large N OUT.yaml      N questions, an expression on every one (check speed)
"""
import sys


def national(out):
    lines = ["instrument: national-bench", "version: 1", "title: National benchmark", "languages: [en]",
             "consent:", "  text: A benchmark.", "  statements: [I agree.]",
             "support:", "  text: Support is available.",
             "option_sets:", "  agree5:"]
    for code, label in enumerate(["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"], 1):
        lines.append(f"    - {{code: {code}, label: \"{label}\"}}")
    lines += ["  yes_no:", "    - {code: 1, name: \"yes\", label: \"Yes\"}", "    - {code: 2, name: \"no\", label: \"No\"}",
              "sections:"]
    section = 0
    for block in range(10):
        lines += [f"  - id: s{block}", f"    title: Section {block}", "    questions:"]
        # 6 single, 2 integer, 1 decimal, 1 multiple per section
        for i in range(6):
            n = block * 6 + i + 1
            lines += [f"      - id: sq{n}", "        type: single", f"        text: Single question {n}?",
                      "        options: " + ("yes_no" if i == 0 else "agree5")]
            if i >= 3:
                lines.append(f"        ask_if: sq{block * 6 + 1} == yes")
        for i in range(2):
            n = block * 2 + i + 1
            lines += [f"      - id: iq{n}", "        type: integer", f"        text: Integer question {n}?",
                      "        range: [0, 120]"]
            if i == 1:
                lines += ["        warn:", f"          - if: iq{n} > 110", "            message: That is a lot."]
        n = block + 1
        lines += [f"      - id: dq{n}", "        type: decimal", f"        text: Decimal question {n}?",
                  "        range: [0, 50]", "        decimals: 1"]
        lines += [f"      - id: mq{n}", "        type: multiple", f"        text: Multiple question {n}?",
                  "        options:"]
        for code in range(1, 6):
            lines.append(f"          - {{code: {code}, label: \"Choice {code}\"}}")
        lines.append("          - {code: 99, label: \"None of these\", exclusive: true}")
    open(out, "w").write("\n".join(lines) + "\n")


def large(count, out):
    lines = ["instrument: large-bench", "version: 1", "title: Large benchmark", "languages: [en]",
             "consent:", "  text: A benchmark.", "  statements: [I agree.]",
             "support:", "  text: Support is available.",
             "option_sets:", "  agree5:"]
    for code in range(1, 6):
        lines.append(f"    - {{code: {code}, label: \"Level {code}\"}}")
    lines.append("sections:")
    per_section = 100
    for q in range(count):
        if q % per_section == 0:
            lines += [f"  - id: s{q // per_section}", f"    title: Section {q // per_section}", "    questions:"]
        kind = q % 4
        prev = f"q{q - 1}" if q > 0 else None
        lines.append(f"      - id: q{q}")
        if kind == 0:
            lines += ["        type: single", f"        text: Question {q}?", "        options: agree5"]
        elif kind == 1:
            lines += ["        type: integer", f"        text: Question {q}?", "        range: [0, 100]",
                      "        check:", f"          - if: q{q} > 90 and q{q} < 95", "            message: Not in that band."]
        elif kind == 2:
            lines += ["        type: decimal", f"        text: Question {q}?", "        range: [0, 10]",
                      f"        warn:", f"          - if: q{q} > 9.5", "            message: That is high."]
        else:
            lines += ["        type: calculate", f"        expression: q{q - 3} * 2 + q{q - 2}"]
        if prev and kind in (0, 1, 2) and q >= 4:
            lines.append(f"        ask_if: q{q - 4} >= 2 or not answered(q{q - 4})")
    open(out, "w").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "national":
        national(sys.argv[2])
    else:
        large(int(sys.argv[2]), sys.argv[3])
