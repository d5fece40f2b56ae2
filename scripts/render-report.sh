#!/usr/bin/env bash
# Renders an HTML report (from `peersurvey describe --format html` or `peersurvey analyse`) to a
# PNG with headless Chromium, to look at it as a phone or a laptop would show it.
#
#   scripts/render-report.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]
#
# WIDTH defaults to 412 (a phone) and HEIGHT to 2400; use 1280 for a laptop. Installs Debian's
# chromium when it is missing (needs root and the package mirror). The report is self-contained,
# so Chromium runs with networking off.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: scripts/render-report.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]" >&2
  exit 64
fi
report="$1"
out="${2:-${report%.html}.png}"
width="${3:-412}"
height="${4:-2400}"
if [ ! -f "$report" ]; then
  echo "render-report: $report does not exist" >&2
  exit 66
fi
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render-report: installing chromium (apt-get install chromium)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2
  browser="$(command -v chromium)"
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$profile" --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
  --window-size="$width,$height" --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" >/dev/null 2>&1
[ -s "$out" ] || { echo "render-report: chromium wrote no image" >&2; exit 70; }
echo "Wrote $out (${width}x${height})."
