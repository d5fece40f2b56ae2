#!/usr/bin/env python3
"""The benchmark harness: every part of the toolkit at national scale, with baselines.

Run through `make bench` (or `Benchmarks/run.sh [INTERVIEWS]`) on a release build. Prints a table
and writes the figures as JSON to .build/bench/results.json. Baselines run in the same session:
pandas (describe + value_counts from the CSV), pyreadstat (writing .sav from the CSV) and a bare
SQLite scan of every answer (the floor no reader can beat). Rows whose command does not exist
yet, or whose baseline tool is missing, are reported as skipped.

Two environment variables, for working on one part: BENCH_BUILD, the build directory whose
release binaries are measured (default .build; results go to BENCH_BUILD/bench), and
BENCH_ONLY=export, which runs only what the export rows need (the big simulation, the CSV,
the pyreadstat baseline and the exports).
"""
import csv
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, os.environ.get("BENCH_BUILD", ".build"))
BIN = os.path.join(BUILD, "release", "peersurvey")
STORE_BENCH = os.path.join(BUILD, "release", "store-bench")
OUT = os.path.join(BUILD, "bench")
ONLY = os.environ.get("BENCH_ONLY", "")
EVERYTHING = ONLY != "export"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
SMALL = max(1, N // 10)
rows = []


def run(args, label, repeat=1, check=True):
    """Runs a command `repeat` times; returns (median seconds, peak MB, stdout)."""
    times, peak, out = [], 0.0, ""
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        stdout, stderr = proc.communicate()
        _, status, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0 and check:
            sys.exit(f"bench: {label} failed ({proc.returncode}): {stderr.decode()[-2000:]}")
        times.append(elapsed)
        out = stdout.decode()
    return statistics.median(times), out


def run_measured(args, label, repeat=1, check=True):
    """Like run, but measures peak memory with os.wait4 on the child."""
    times, peaks, out, code = [], [], "", 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
        chunks = []
        while True:
            chunk = proc.stdout.read(65536)
            if not chunk:
                break
            chunks.append(chunk)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0 and check:
            sys.exit(f"bench: {label} failed with exit {code}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
        out = b"".join(chunks).decode()
    return statistics.median(times), max(peaks), out, code


# The rows compared with a baseline (describe with pandas, the .sav export with pyreadstat) take
# the median of REPEAT runs on each side, so one noisy run on a shared machine does not decide.
REPEAT = 3


def timed_python(code, label):
    """Median of REPEAT runs of Python `code` that prints its own seconds (after its imports), and
    the peak memory."""
    times, peaks = [], []
    for _ in range(REPEAT):
        _, peak, out, _ = run_measured([sys.executable, "-c", code], label)
        times.append(float(out.strip()))
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def row(name, seconds, peak_mb=None, baseline=None, baseline_name=None, note=""):
    entry = {"name": name, "seconds": seconds, "peak_mb": peak_mb, "note": note}
    if baseline:
        entry["baseline"] = baseline_name
        entry["baseline_seconds"] = baseline
        entry["ratio"] = seconds / baseline
    rows.append(entry)


def has_subcommand(name):
    proc = subprocess.run([BIN, "help"], capture_output=True, text=True)
    return f"  {name} " in proc.stdout or f"\n  {name}\n" in proc.stdout


def others(work):
    """The interviewer's latency and the store's figures (not needed by the export rows)."""
    # The interviewer, full screen (a pseudo-terminal) and line mode: Enter to the next question
    # drawn, the durable save included; start to the first screen.
    _, _, out, _ = run_measured([sys.executable, os.path.join(ROOT, "Benchmarks", "interviewer_bench.py"), BIN,
                                 os.path.join(work, "interviewer")], "interviewer")
    latency = json.loads(out)
    screen = latency["screen"]
    row("interviewer (screen): start to first screen", screen["first_screen_ms"] / 1000, note="goal well under 50 ms")
    row("interviewer (screen): Enter to next, median", screen["enter_to_next_median_ms"] / 1000,
        note=f"p99 {screen['enter_to_next_p99_ms']:.2f} ms over 200 questions; goal well under 50 ms")
    row("interviewer (line): start to first prompt", latency["first_screen_ms"] / 1000, note="goal well under 50 ms")
    row("interviewer (line): Enter to next, median", latency["enter_to_next_median_ms"] / 1000,
        note=f"p99 {latency['enter_to_next_p99_ms']:.2f} ms over 200 questions")

    # The store: durable save latency, bulk insert, merge (its own release executable).
    seconds, peak, out, _ = run_measured([STORE_BENCH, os.path.join(work, "store"), str(N)], "store-bench")
    store = json.loads(out)
    row("durable answer save, median", store["save_median_ms"] / 1000,
        note=f"median {store['save_median_ms']:.2f} ms, p99 {store['save_p99_ms']:.2f} ms over 1,000")
    row(f"bulk insert {N:,} x 100", store["bulk_seconds"], note=f"{store['bulk_answers_per_second']:,.0f} answers/s")
    row(f"merge 2 x {N // 2:,}", store["merge_seconds"])
    shutil.rmtree(os.path.join(work, "store"), ignore_errors=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    work = os.path.join(OUT, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    gen = os.path.join(ROOT, "Benchmarks", "generate_instrument.py")
    national, large = os.path.join(work, "national.yaml"), os.path.join(work, "large.yaml")
    subprocess.run([sys.executable, gen, "national", national], check=True)
    subprocess.run([sys.executable, gen, "large", "2000", large], check=True)

    # check: 2,000 questions with an expression each.
    if EVERYTHING:
        seconds, peak, _, _ = run_measured([BIN, "check", large], "check", repeat=5)
        row("check, 2,000 questions", seconds, peak, note="goal < 0.3 s")

    # simulate at N/10 and N: time, and memory flat in the number of interviews.
    for count in (SMALL, N) if EVERYTHING else (N,):
        db = os.path.join(work, f"sim-{count}.sqlite")
        seconds, peak, _, _ = run_measured(
            [BIN, "simulate", national, "--db", db, "--count", str(count), "--seed", "1", "--today", "2026-11-23"],
            "simulate")
        row(f"simulate {count:,} x 100", seconds, peak, note="goal < 30 s at 100,000" if count == N else "")
    big = os.path.join(work, f"sim-{N}.sqlite")

    if EVERYTHING:
        others(work)

    # The floor: a bare SQLite scan of every answer.
    start = time.perf_counter()
    connection = sqlite3.connect(big)
    scanned = connection.execute("SELECT count(*), total(value) FROM answer WHERE status = 0").fetchone()
    floor = time.perf_counter() - start
    row("bare SQLite scan of all answers", floor, note=f"{scanned[0]:,} values")

    # The CSV an analyst would otherwise start from (not timed): one row per interview.
    csv_path = os.path.join(work, "wide.csv")
    names = [r[0] for r in connection.execute("SELECT name FROM variable ORDER BY position")]
    with open(csv_path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        current, values = None, {}
        query = ("SELECT a.interview_id, v.name, a.status, a.value FROM answer a JOIN variable v ON v.id = a.variable_id "
                 "JOIN interview i ON i.id = a.interview_id WHERE i.status = 'completed' ORDER BY a.interview_id")
        for interview, name, status, value in connection.execute(query):
            if interview != current:
                if current is not None:
                    writer.writerow([values.get(n, "") for n in names])
                current, values = interview, {}
            # Answers as stored: numbers, and a multiple choice as its codes ("1 3"); a missing
            # answer as its negative status code.
            values[name] = value if status == 0 else -status
        if current is not None:
            writer.writerow([values.get(n, "") for n in names])
    connection.close()

    pandas_seconds = None
    try:
        if not EVERYTHING:
            raise ImportError
        import pandas  # noqa: F401
        code = ("import pandas as pd, time, sys\n"
                "t = time.perf_counter()\n"
                f"df = pd.read_csv({csv_path!r})\n"
                "numbers = df.select_dtypes('number')\n"
                "d = numbers.describe()\n"
                "counts = [numbers[c].value_counts() for c in numbers.columns]\n"
                "chosen = [df[c][df[c].str.match('^[0-9]', na=False)].str.split().explode().value_counts()\n"
                "          for c in df.columns if df[c].dtype == object]\n"
                "print(time.perf_counter() - t)\n")
        pandas_seconds, peak = timed_python(code, "pandas")
        row("pandas read_csv + describe + value_counts", pandas_seconds, peak, note="baseline")
    except ImportError:
        if EVERYTHING:
            row("pandas baseline", 0, note="skipped: pandas is not installed")

    sav_seconds = None
    try:
        import pyreadstat  # noqa: F401
        code = ("import pandas as pd, pyreadstat, time\n"
                f"df = pd.read_csv({csv_path!r})\n"
                "t = time.perf_counter()\n"
                f"pyreadstat.write_sav(df, {os.path.join(work, 'baseline.sav')!r})\n"
                "print(time.perf_counter() - t)\n")
        sav_seconds, peak = timed_python(code, "pyreadstat")
        row("pyreadstat write .sav from the CSV", sav_seconds, peak, note="baseline")
    except ImportError:
        row("pyreadstat baseline", 0, note="skipped: pyreadstat is not installed")

    if not EVERYTHING:
        pass
    elif has_subcommand("describe"):
        seconds, peak, _, _ = run_measured([BIN, "describe", "--db", big, "--format", "json", "--min-cell", "0"], "describe",
                                         repeat=REPEAT)
        row("describe, every variable", seconds, peak, pandas_seconds, "pandas", note="goal <= 0.5 x pandas, < 200 MB")
    else:
        row("describe", 0, note="skipped: not built yet")
    if has_subcommand("export"):
        for fmt in ("csv", "sav", "dta"):
            out_dir = os.path.join(work, f"export-{fmt}")
            seconds, peak, _, _ = run_measured([BIN, "export", "--db", big, "--to", out_dir, "--format", fmt], f"export {fmt}",
                                             repeat=REPEAT)
            row(f"export {fmt}", seconds, peak, sav_seconds if fmt == "sav" else None, "pyreadstat" if fmt == "sav" else None)
    else:
        row("export", 0, note="skipped: not built yet")

    # What small-cell suppression and the disclosure audit add to a release (the export's
    # codebooks publish these tables): describe of every variable with --min-cell 10 (suppression,
    # the linear programmes of the audit) less the same with --min-cell 0, at 1,000 interviews
    # and at all of them.
    small_db = os.path.join(work, "sim-1000.sqlite")
    if not os.path.exists(small_db):
        run([BIN, "simulate", national, "--db", small_db, "--count", "1000", "--seed", "1", "--today", "2026-11-23"],
            "simulate 1,000")
    for count, db, goal in ((1000, small_db, 0.2), (N, big, 0.5)):
        times = {}
        for min_cell in ("10", "0"):
            seconds, _, _, _ = run_measured([BIN, "describe", "--db", db, "--format", "json", "--min-cell", min_cell],
                                            f"describe --min-cell {min_cell}", repeat=REPEAT)
            times[min_cell] = seconds
        row(f"suppression + disclosure audit, {count:,} x 100", max(0.0, times["10"] - times["0"]),
            note=f"goal < {goal} s; describe {times['10']:.2f} s with, {times['0']:.2f} s without")

    for entry in rows:
        if entry.get("ratio") is None and entry["seconds"] and entry["name"].startswith(("describe", "export")) and floor:
            entry["ratio_to_floor"] = entry["seconds"] / floor

    width = max(len(r["name"]) for r in rows)
    print(f"\n{'measure':<{width}}  {'seconds':>9}  {'peak MB':>8}  {'ratio':>12}  note")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 8}  {'-' * 12}  ----")
    for r in rows:
        seconds = (f"{r['seconds']:.3f}" if r["seconds"] >= 0.01 else f"{r['seconds']:.5f}") if r["seconds"] else "-"
        peak = f"{r['peak_mb']:.0f}" if r.get("peak_mb") else "-"
        ratio = f"{r['ratio']:.2f}x {r['baseline']}" if r.get("ratio") else "-"
        print(f"{r['name']:<{width}}  {seconds:>9}  {peak:>8}  {ratio:>12}  {r['note']}")
    with open(os.path.join(OUT, "results.json"), "w") as handle:
        json.dump({"interviews": N, "rows": rows}, handle, indent=2)
    print(f"\nwritten to {os.path.join(OUT, 'results.json')}")


if __name__ == "__main__":
    main()
