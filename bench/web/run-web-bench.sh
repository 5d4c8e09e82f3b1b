#!/usr/bin/env bash
# Web benchmark: 10,000 published pieces on the embedded default (H2 + local Lucene index), the
# server capped at -Xmx512m, loaded with wrk on loopback. Writes bench/results/web.md.
#   bench/web/run-web-bench.sh [COUNT] [DURATION]      e.g. 10000 30s
# Search is measured over a separate corpus when SEARCH_COUNT is set (e.g. SEARCH_COUNT=100000).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
COUNT="${1:-10000}"
DURATION="${2:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-18080}"
WORK="${WORK:-$(mktemp -d /tmp/sitrep-bench-XXXX)}"
RESULTS="$ROOT/bench/results/web.md"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 2; }

cd "$ROOT"
./sitrep build
data="$WORK/data-$COUNT"
if [ ! -d "$data/db" ]; then
  echo "Generating $COUNT pieces into $data ..."
  ./sitrep generate-corpus --count "$COUNT" --data "$data" --sitrep.sample-content=false >/dev/null
fi

JAVA_OPTS="-Xmx512m" ./sitrep run --port "$PORT" --data "$data" --sitrep.sample-content=false \
  --logging.level.root=WARN >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 1; done

# Paths: the generator gives piece i (from 1) the slug synthetic-i and kind number (i-1) mod 4.
kinds=(news analysis memos reports)
for n in $(seq 1 "$COUNT" | shuf -n 5000); do echo "/${kinds[$(( (n - 1) % 4 ))]}/synthetic-$n"; done >"$WORK/articles.txt"
printf '/\n' >"$WORK/home.txt"
for q in aleppo "supply routes" ceasefire mosul "border crossings" sanaa checkpoints benghazi displacement \
         "water stations" gaza jenin idlib prisons elections oil; do
  printf '/search?q=%s\n' "$(printf '%s' "$q" | sed 's/ /+/g')"
done >"$WORK/search.txt"

# Steady state: every article path rendered once before measuring, as a live site's page cache
# would hold its readers' working set. The cold cost is measured separately below.
cold_start=$(date +%s.%N)
xargs -a "$WORK/articles.txt" -P 2 -I{} curl -s -o /dev/null "http://127.0.0.1:$PORT{}"
cold_end=$(date +%s.%N)
cold_ms=$(awk -v a="$cold_start" -v b="$cold_end" -v n="$(wc -l <"$WORK/articles.txt")" 'BEGIN { printf "%.1f", (b - a) * 1000 * 2 / n }')

run() { # name paths-file
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/web/paths.lua "http://127.0.0.1:$PORT" -- "$2" >/dev/null 2>&1 || true
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/web/paths.lua "http://127.0.0.1:$PORT" -- "$2" \
    | grep '^RESULT' | sed "s/^RESULT/$1/"
}
{
  run article "$WORK/articles.txt"
  run home "$WORK/home.txt"
  run search "$WORK/search.txt"
} | tee "$WORK/results.txt"

heap=$(jcmd "$(pgrep -f "sitrep.data-dir=$data" | head -1)" GC.heap_info 2>/dev/null | head -3 | tr '\n' ' ' || echo "n/a")
{
  echo "## $(date -u +%Y-%m-%d) — $COUNT pieces, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, -Xmx512m"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo
  echo '| page | requests/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |'
  echo '|---|---|---|---|---|---|---|'
  awk '{ for (i=2;i<=NF;i++){split($i,a,"="); v[a[1]]=a[2]} printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, v["rps"], v["p50_ms"], v["p95_ms"], v["p99_ms"], v["errors"], v["non2xx"] }' "$WORK/results.txt"
  echo
  echo "Cold (uncached) article render, 2 clients in parallel over $(wc -l <"$WORK/articles.txt") pieces: ~${cold_ms} ms each."
  echo "Machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "Heap after the run: \`$heap\`"
  echo
} >>"$RESULTS.new"
{ [ -f "$RESULTS" ] && cat "$RESULTS"; cat "$RESULTS.new"; } >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS" && rm -f "$RESULTS.new"
echo "Results appended to $RESULTS"
