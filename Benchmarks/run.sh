#!/usr/bin/env bash
# The benchmark harness: release build, then Benchmarks/bench.py. Usage: Benchmarks/run.sh [INTERVIEWS]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product peersurvey
swift build -c release --product store-bench
python3 Benchmarks/bench.py "${1:-100000}"
