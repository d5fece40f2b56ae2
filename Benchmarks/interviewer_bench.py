#!/usr/bin/env python3
"""Interviewer latency: from pressing Enter to the next question being shown, the durable save
included, over a 200-question interview; and from start to the first screen.

  interviewer_bench.py BINARY WORKDIR

Runs the line-mode interviewer (standard input is a pipe) on a generated instrument of 200
integer questions, writing one answer at a time and timing until the next prompt appears.
Prints JSON.
"""
import json
import os
import select
import statistics
import subprocess
import sys
import time

binary, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
instrument = os.path.join(work, "two-hundred.yaml")
lines = ["instrument: two-hundred", "version: 1", "title: Two hundred questions",
         "consent:", "  text: A benchmark.", "  statements: [I agree.]",
         "support:", "  text: Support is available.", "sections:"]
for section in range(10):
    lines += [f"  - id: s{section}", f"    title: Section {section}", "    questions:"]
    for q in range(20):
        n = section * 20 + q + 1
        lines += [f"      - id: q{n}", "        type: integer", f"        text: Question {n}, how many?",
                  "        range: [0, 1000]"]
open(instrument, "w").write("\n".join(lines) + "\n")
db = os.path.join(work, "latency.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)

start = time.perf_counter()
proc = subprocess.Popen([binary, "interview", instrument, "--db", db, "--interviewer", "BENCH", "--plain"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
buffer = b""


def wait_for(marker):
    global buffer
    while marker not in buffer:
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        if not ready:
            sys.exit(f"interviewer_bench: timed out waiting for {marker!r}")
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            sys.exit("interviewer_bench: the interviewer ended early")
        buffer += chunk
    buffer = buffer[buffer.index(marker) + len(marker):]


wait_for(b"Does the participant agree?")
first_screen = time.perf_counter() - start
proc.stdin.write(b"yes\n")
wait_for(b"Question 1 of about 200")
wait_for(b"> ")
latencies = []
for n in range(1, 201):
    sent = time.perf_counter()
    proc.stdin.write(f"{n}\n".encode())
    wait_for(f"Question {n + 1} of about".encode() if n < 200 else b"== Review ==")
    latencies.append(time.perf_counter() - sent)
    if n < 200:
        wait_for(b"> ")
proc.stdin.write(b"done\n")
proc.stdin.close()
proc.wait(timeout=30)
latencies.sort()
print(json.dumps({
    "first_screen_ms": first_screen * 1000,
    "enter_to_next_median_ms": statistics.median(latencies) * 1000,
    "enter_to_next_p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    "questions": len(latencies),
}, indent=2))
