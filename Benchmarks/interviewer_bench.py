#!/usr/bin/env python3
"""Interviewer latency: from pressing Enter to the next question being shown, the durable save
included, over a 200-question interview; and from start to the first screen (the median of five
starts into an existing study database, and, apart, the very first start, which also creates
the database).

  interviewer_bench.py BINARY WORKDIR

Runs the interviewer on a generated instrument of 200 integer questions, typing one answer at a
time and timing until the next question is drawn: in line mode (standard input a pipe; timed to
the next prompt) and in full-screen mode (a pseudo-terminal of 80 x 24; timed to the end of the
next frame, the clear-to-end that closes every frame). Prints JSON: the line-mode figures at the
top level (as the harness has always read them) and the screen's under "screen".
"""
import fcntl
import json
import os
import pty
import struct
import termios
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


class Interviewer:
    """The interviewer as a child process, with its output read as it comes."""

    def __init__(self, screen, db):
        args = [binary, "interview", instrument, "--db", db, "--interviewer", "BENCH"]
        self.buffer = b""
        if screen:
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            env = dict(os.environ)
            env.pop("NO_COLOR", None)
            env["TERM"] = "xterm-256color"
            self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=subprocess.DEVNULL, env=env,
                                         start_new_session=True)
            os.close(slave)
            self.read_fd, self.write_fd = master, master
        else:
            self.proc = subprocess.Popen(args + ["--plain"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, bufsize=0)
            self.read_fd, self.write_fd = self.proc.stdout.fileno(), self.proc.stdin.fileno()

    def send(self, data):
        os.write(self.write_fd, data)

    def wait_for(self, marker):
        while marker not in self.buffer:
            ready, _, _ = select.select([self.read_fd], [], [], 30)
            if not ready:
                sys.exit(f"interviewer_bench: timed out waiting for {marker!r}")
            try:
                chunk = os.read(self.read_fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                sys.exit("interviewer_bench: the interviewer ended early")
            self.buffer += chunk
        self.buffer = self.buffer[self.buffer.index(marker) + len(marker):]


def measure(screen):
    db = os.path.join(work, "latency-screen.sqlite" if screen else "latency.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    start = time.perf_counter()
    it = Interviewer(screen, db)
    # The end of a frame: the screen's clear-to-end; the line prompt's "> ".
    end = b"\x1b[J" if screen else b"> "
    if screen:
        it.wait_for(b"Statement 1 of 1")
        it.wait_for(end)
    else:
        it.wait_for(b"Does the participant agree?")
    first_screen = time.perf_counter() - start
    it.send(b"y" if screen else b"yes\n")
    it.wait_for(b"Question 1 of about 200")
    it.wait_for(end)
    latencies = []
    for n in range(1, 201):
        sent = time.perf_counter()
        it.send(f"{n}\r".encode() if screen else f"{n}\n".encode())
        it.wait_for(f"Question {n + 1} of about".encode() if n < 200 else (b"Review" if screen else b"== Review =="))
        if screen or n < 200:
            it.wait_for(end)
        latencies.append(time.perf_counter() - sent)
    it.send(b"f" if screen else b"done\n")
    it.proc.wait(timeout=30)
    latencies.sort()
    # Start to first screen again, five times, into the database that now exists (the usual
    # case: every interview but a study's first); each start is then stopped (Ctrl-C in the
    # screen, end of input in line mode), which suspends it.
    starts = []
    for _ in range(5):
        start = time.perf_counter()
        again = Interviewer(screen, db)
        if screen:
            again.wait_for(b"Statement 1 of 1")
            again.wait_for(end)
        else:
            again.wait_for(b"Does the participant agree?")
        starts.append(time.perf_counter() - start)
        if screen:
            again.send(b"\x03")
        else:
            again.proc.stdin.close()
        again.proc.wait(timeout=30)
    return {
        "first_screen_ms": statistics.median(starts) * 1000,
        "first_screen_new_study_ms": first_screen * 1000,
        "enter_to_next_median_ms": statistics.median(latencies) * 1000,
        "enter_to_next_p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "questions": len(latencies),
    }


result = measure(screen=False)
result["screen"] = measure(screen=True)
print(json.dumps(result, indent=2))
