#!/usr/bin/env bash
# The describe benchmark: `peersurvey describe` of every variable of 100,000 completed interviews x
# 100 variables, against pandas doing the same work (describe() and value_counts() of every
# column) from a CSV of the same answers. Goal: at most half pandas' time, peak memory under 200 MB.
#
#   Benchmarks/describe-bench.sh [INTERVIEWS]        (SCRATCH=.build by default: the build folder;
#                                                     REUSE=1 keeps the database of an earlier run)
#
# The database is the one `store-bench DIR N` leaves in DIR/bulk.sqlite (N interviews of 100
# integer answers, 3% refused). Its answers are exported to CSV with Python's sqlite3 (not timed).
# Each side runs five times; the median is compared (the best run is shown beside it, because a
# shared machine's noise only ever adds time). pandas' time is taken inside Python, after
# `import pandas`, as Benchmarks/bench.py does; describe's includes starting the process.
# Prints a table and writes .build/bench/describe.json.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
SCRATCH="${SCRATCH:-.build}"
swift build -c release --scratch-path "$SCRATCH" --product peersurvey >&2
swift build -c release --scratch-path "$SCRATCH" --product store-bench >&2
WORK="$(pwd)/.build/bench/describe"
mkdir -p .build/bench
if [ -z "${REUSE:-}" ] || [ ! -f "$WORK/store/bulk.sqlite" ]; then
  rm -rf "$WORK"
  echo "describe-bench: store-bench is writing $N x 100 answers (about a minute)..." >&2
  "$SCRATCH/release/store-bench" "$WORK/store" "$N" > /dev/null
fi
python3 - "$SCRATCH/release/peersurvey" "$WORK" "$N" <<'PYTHON'
import csv, json, os, sqlite3, statistics, subprocess, sys, time

binary, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
database = os.path.join(work, "store", "bulk.sqlite")
out = os.path.join(os.path.dirname(work), "describe.json")


def measure(args, repeat=5):
    """Median and best wall seconds, peak RSS in MB and the last stdout of `args`, run `repeat` times."""
    times, peaks, stdout = [], [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        chunks = []
        while True:
            chunk = process.stdout.read(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"describe-bench: {args[0]} failed")
        peaks.append(usage.ru_maxrss / 1024)
        stdout = b"".join(chunks)
    return (statistics.median(times), min(times)), max(peaks), stdout


# The CSV an analyst would start from: one row per interview, refusals as empty cells.
csv_path = os.path.join(work, "answers.csv")
connection = sqlite3.connect(database)
names = [row[0] for row in connection.execute("SELECT name FROM variable ORDER BY position")]
with open(csv_path, "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(names)
    current, values = None, {}
    query = ("SELECT a.interview_id, v.name, a.status, a.value FROM answer a JOIN variable v ON v.id = a.variable_id "
             "JOIN interview i ON i.id = a.interview_id WHERE i.status = 'completed' ORDER BY a.interview_id")
    for interview, name, status, value in connection.execute(query):
        if interview != current:
            if current is not None:
                writer.writerow([values.get(name, "") for name in names])
            current, values = interview, {}
        values[name] = value if status == 0 else ""
    if current is not None:
        writer.writerow([values.get(name, "") for name in names])
connection.close()

rows = []
(describe_off, describe_off_best), describe_off_mb, document = measure([binary, "describe", "--db", database, "--format", "json", "--min-cell", "0"])
variables = len(json.loads(document)["variables"])
(describe_on, describe_on_best), describe_on_mb, _ = measure([binary, "describe", "--db", database, "--format", "json"])
# The same describe reading only through SQLite's statements (PEERSURVEY_SCAN=sqlite), to show
# what the direct page reader buys (docs/analysis.md, "Reading the pages").
os.environ["PEERSURVEY_SCAN"] = "sqlite"
(describe_sql, describe_sql_best), describe_sql_mb, sql_document = measure(
    [binary, "describe", "--db", database, "--format", "json", "--min-cell", "0"])
del os.environ["PEERSURVEY_SCAN"]
if sql_document != document:
    sys.exit("describe-bench: the page reader and SQLite's statements disagree")

pandas_seconds = pandas_best = pandas_mb = None
try:
    import pandas  # noqa: F401
    code = ("import pandas as pd, sys, time\n"
            "t = time.perf_counter()\n"
            "df = pd.read_csv(sys.argv[1])\n"
            "d = df.describe()\n"
            "counts = [df[c].value_counts() for c in df.columns]\n"
            "print(time.perf_counter() - t)\n")
    inside = []
    for _ in range(5):
        _, peak, stdout = measure([sys.executable, "-c", code, csv_path], repeat=1)
        inside.append(float(stdout.decode().strip()))
        pandas_mb = max(pandas_mb or 0, peak)
    pandas_seconds, pandas_best = statistics.median(inside), min(inside)
except ImportError:
    print("describe-bench: pandas is not installed (python3 -m pip install pandas); no baseline", file=sys.stderr)

result = {
    "interviews": n, "variables": variables,
    "describe_seconds": describe_off, "describe_best_seconds": describe_off_best, "describe_peak_mb": describe_off_mb,
    "describe_suppressed_seconds": describe_on, "describe_suppressed_best_seconds": describe_on_best,
    "describe_suppressed_peak_mb": describe_on_mb,
    "describe_sqlite_only_seconds": describe_sql, "describe_sqlite_only_best_seconds": describe_sql_best,
    "describe_sqlite_only_peak_mb": describe_sql_mb,
    "pandas_seconds": pandas_seconds, "pandas_best_seconds": pandas_best, "pandas_peak_mb": pandas_mb,
    "ratio_to_pandas": describe_off / pandas_seconds if pandas_seconds else None,
    "goal": "describe <= 0.5 x pandas, peak < 200 MB",
    "command": f"peersurvey describe --db {database} --format json --min-cell 0",
}
result["meets_goal"] = bool(pandas_seconds and result["ratio_to_pandas"] <= 0.5 and describe_off_mb < 200)

print(f"\n{n:,} completed interviews x {variables} variables (median and best of 5 runs)\n")
print(f"{'measure':<44}  {'median s':>8}  {'best s':>7}  {'peak MB':>8}  {'vs pandas':>9}")
print(f"{'-' * 44}  {'-' * 8}  {'-' * 7}  {'-' * 8}  {'-' * 9}")
def line(name, seconds, best, peak, ratio=True):
    versus = f"{seconds / pandas_seconds:.2f}x" if ratio and pandas_seconds else "-"
    print(f"{name:<44}  {seconds:>8.3f}  {best:>7.3f}  {peak:>8.0f}  {versus:>9}")
line("peersurvey describe --min-cell 0", describe_off, describe_off_best, describe_off_mb)
line("peersurvey describe (suppression on)", describe_on, describe_on_best, describe_on_mb)
line("describe, PEERSURVEY_SCAN=sqlite", describe_sql, describe_sql_best, describe_sql_mb)
if pandas_seconds:
    line("pandas read_csv + describe + value_counts", pandas_seconds, pandas_best, pandas_mb, ratio=False)
print(f"\ngoal: describe <= 0.5 x pandas and < 200 MB: {'met' if result['meets_goal'] else 'NOT met'}")
with open(out, "w") as handle:
    json.dump(result, handle, indent=2)
print(f"written to {out}")
PYTHON
