#!/usr/bin/env bash
# Hardening check (issue 12): 30 s at 64 connections on an article page and on the events API of the
# embedded default (sample content), then the counts of errors wrk saw (socket errors, timeouts, non-2xx).
# The API's per-key rate limit is switched off for the run, so a 429 would count as an error of ours.
#   bench/run-load-check.sh [DURATION] [CONNECTIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${1:-30s}"; CONNECTIONS="${2:-64}"; PORT="${PORT:-18090}"
JAR="$ROOT/app/target/sitrep-app.jar"
KEY="sk_loadcheck-$(date +%s)-0123456789abcdef"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 2; }
[ -f "$JAR" ] || (cd "$ROOT" && ./sitrep build)
DATA="$(mktemp -d /tmp/sitrep-load-XXXX)"
SITREP_BOOTSTRAP_API_KEY="$KEY" java -Xmx512m -jar "$JAR" --server.port="$PORT" --sitrep.data-dir="$DATA" \
  --sitrep.api.rate-limit=0 --logging.level.root=WARN >"$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; grep -E " (WARN|ERROR) " "$DATA/server.log" | head -5 || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 1; done
ARTICLE="$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/news/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)"
[ -n "$ARTICLE" ] || { echo "no article link on the home page"; exit 1; }
# wait for the sample pieces' events to be analysed, so the API answers with rows
for _ in $(seq 1 60); do
  n=$(curl -fs -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/events?limit=1" | grep -c '"id"' || true)
  [ "$n" -gt 0 ] && break; sleep 1
done
echo "# $(date -u) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); server -Xmx512m, H2 file, sample content"
echo "## article $ARTICLE, $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$ARTICLE"
echo "## events API (random box + dates, bench/api/events.lua), $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/api/events.lua" "http://127.0.0.1:$PORT" -- "$KEY" 100
echo "## server log lines at WARN or above during the run"
grep -cE " (WARN|ERROR) " "$DATA/server.log" || true
