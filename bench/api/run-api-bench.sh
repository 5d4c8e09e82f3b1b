#!/usr/bin/env bash
# Events API benchmark: COUNT synthetic events (default 1,000,000) on the embedded default (H2) or,
# with DB=postgres, on PostgreSQL; the server capped at -Xmx512m and loaded with wrk over random
# bbox + date windows (bench/api/events.lua). Appends a section to bench/results/api-events.md.
#   bench/api/run-api-bench.sh [COUNT] [DURATION]         e.g. 1000000 30s
#   DB=postgres PG_URL=jdbc:postgresql://127.0.0.1:5432/sitrep_test PG_USER=sitrep PG_PASSWORD=sitrep bench/api/run-api-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
COUNT="${1:-1000000}"
DURATION="${2:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
PORT="${PORT:-18081}"
DB="${DB:-h2}"
WORK="${WORK:-/tmp/sitrep-api-bench}"
KEY="sk_bench-$(date +%s)-0123456789abcdef"
RESULTS="$ROOT/bench/results/api-events.md"
JAR="$ROOT/app/target/sitrep-app.jar"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 2; }

cd "$ROOT"
[ -f "$JAR" ] || ./sitrep build
mkdir -p "$WORK"
data="$WORK/data-$DB-$COUNT"
db_args=()
if [ "$DB" = postgres ]; then
  schema="bench_events_$COUNT"
  url="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/sitrep_test}"
  db_args=("--spring.datasource.url=$url?currentSchema=$schema" "--spring.datasource.username=${PG_USER:-sitrep}"
           "--spring.datasource.password=${PG_PASSWORD:-sitrep}" "--spring.flyway.schemas=$schema"
           "--spring.flyway.default-schema=$schema")
fi
if [ ! -f "$data/.generated" ]; then
  echo "Generating $COUNT events ($DB) into $data ..."
  mkdir -p "$data"
  start=$(date +%s)
  # the generator is in bench/'s generators jar, added to the application by Spring Boot's PropertiesLauncher
  GENERATORS_JAR="$ROOT/bench/target/sitrep-bench-generators.jar"
  [ -f "$GENERATORS_JAR" ] || ./sitrep build
  java -Xmx1g -Dloader.path="$GENERATORS_JAR" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
    --sitrep.data-dir="$data" --sitrep.sample-content=false --sitrep.command=generate-events \
    --sitrep.events.count="$COUNT" --spring.main.web-application-type=none --logging.level.root=WARN ${db_args[@]+"${db_args[@]}"}
  echo "$(( $(date +%s) - start )) s" >"$data/.generated"
fi

java -Xmx512m -jar "$JAR" --server.port="$PORT" --sitrep.data-dir="$data" --sitrep.sample-content=false \
  --sitrep.api.bootstrap-key="$KEY" --sitrep.api.rate-limit=0 --sitrep.intel.workers=0 --spring.flyway.out-of-order=true --logging.level.root=WARN --logging.level.org.sitrep.intel.EventMapIndex=INFO \
  ${db_args[@]+"${db_args[@]}"} >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for i in $(seq 1 180); do curl -fs -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/events?limit=1" >/dev/null 2>&1 && break; sleep 1; done
# the map index builds in the background after startup (the database answers alone until then): measure after it
for i in $(seq 1 600); do grep -q "Event map index:" "$WORK/server.log" && break; sleep 1; done
index_line="$(grep -m1 -o "Event map index: .*" "$WORK/server.log" || echo "map index not built")"
total=$(curl -fs -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/events.csv?from=2024-12-31" | wc -l)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# (out-of-order: data kept from an earlier run may predate migrations merged since)
# warm-up (JIT, database page cache), then the measured run
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-30s}" -s bench/api/events.lua "http://127.0.0.1:$PORT" -- "$KEY" >/dev/null 2>&1 || true
result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/api/events.lua "http://127.0.0.1:$PORT" -- "$KEY" | grep '^RESULT')
echo "$result"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# one full export, timed (streamed: the heap cap stays 512 MB)
export_start=$(date +%s.%N)
rows=$(curl -fs -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/events.csv" | wc -l)
export_s=$(awk -v a="$export_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

{
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $DB, $COUNT events, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, -Xmx512m"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1). Generation: $(cat "$data/.generated")."
  echo "Load average before: $load_before; after: $load_after (wrk shares the cores with the server). $index_line."
  echo
  echo '| query | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx |'
  echo '|---|---|---|---|---|---|---|---|'
  echo "$result" | awk '{ for (i=2;i<=NF;i++){split($i,a,"="); v[a[1]]=a[2]} printf "| bbox + dates, limit 100 | %s | %s | %s | %s | %s | %s | %s |\n", v["rps"], v["p50_ms"], v["p95_ms"], v["p99_ms"], v["max_ms"], v["errors"], v["non2xx"] }'
  echo
  echo "Full CSV export: $((rows - 1)) rows in ${export_s} s. Sanity: $((total - 1)) events from 2024-12-31 on."
  echo
} >>"$RESULTS"
echo "Results appended to $RESULTS"
