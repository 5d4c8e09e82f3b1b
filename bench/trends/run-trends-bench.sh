#!/usr/bin/env bash
# Trends benchmark: the weekly chart's and the change map's queries (and new actors) over COUNT synthetic events
# (default 1,000,000), on the embedded default (H2) or, with DB=postgres, PostgreSQL. Generates the events once with
# the same generator as bench/api (kept in $WORK for the next run), starts the server (-Xmx512m) with an admin,
# signs in, waits for the map index, then times REPEAT sequential requests of each query with curl.
# Appends a section to bench/results/trends.md. JAR and GENERATORS_JAR may name copies of the jars (so a build in the
# work tree during a long run does not pull them from under it).
#   bench/trends/run-trends-bench.sh [COUNT] [REPEAT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
COUNT="${1:-1000000}"
REPEAT="${2:-20}"
PORT="${PORT:-8231}"
DB="${DB:-h2}"
WORK="${WORK:-/tmp/sitrep-trends-bench}"
RESULTS="$ROOT/bench/results/trends.md"
JAR="${JAR:-$ROOT/app/target/sitrep-app.jar}"
EMAIL="bench@example.org"
PASSWORD="bench passphrase long enough"

cd "$ROOT"
[ -f "$JAR" ] || ./sitrep build
mkdir -p "$WORK"
data="$WORK/data-$DB-$COUNT"
db_args=()
if [ "$DB" = postgres ]; then
  schema="bench_trends_$COUNT"
  url="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/sitrep_test}"
  db_args=("--spring.datasource.url=$url?currentSchema=$schema" "--spring.datasource.username=${PG_USER:-sitrep}"
           "--spring.datasource.password=${PG_PASSWORD:-sitrep}" "--spring.flyway.schemas=$schema"
           "--spring.flyway.default-schema=$schema")
fi
if [ ! -f "$data/.generated" ]; then
  echo "Generating $COUNT events ($DB) into $data ..."
  mkdir -p "$data"
  start=$(date +%s)
  GENERATORS_JAR="${GENERATORS_JAR:-$ROOT/bench/target/sitrep-bench-generators.jar}"
  [ -f "$GENERATORS_JAR" ] || ./sitrep build
  java -Xmx1g -Dloader.path="$GENERATORS_JAR" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
    --sitrep.data-dir="$data" --sitrep.sample-content=false --sitrep.command=generate-events \
    --sitrep.events.count="$COUNT" --spring.main.web-application-type=none --logging.level.root=WARN ${db_args[@]+"${db_args[@]}"}
  echo "$(( $(date +%s) - start )) s" >"$data/.generated"
fi

SITREP_ADMIN_EMAIL="$EMAIL" SITREP_ADMIN_PASSWORD="$PASSWORD" java -Xmx512m -jar "$JAR" --server.port="$PORT" \
  --sitrep.data-dir="$data" --sitrep.sample-content=false --sitrep.intel.workers=0 --spring.flyway.out-of-order=true \
  --logging.level.root=WARN --logging.level.org.sitrep.intel.EventMapIndex=INFO ${db_args[@]+"${db_args[@]}"} >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
for i in $(seq 1 300); do curl -fs "$base/signin" >/dev/null 2>&1 && break; sleep 1; done
for i in $(seq 1 900); do grep -q "Event map index:" "$WORK/server.log" && break; sleep 1; done
index_line="$(grep -m1 -o "Event map index: .*" "$WORK/server.log" || echo "map index not built")"
jar="$WORK/cookies"
rm -f "$jar"
csrf=$(curl -fs -c "$jar" -b "$jar" "$base/signin" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$EMAIL" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$csrf" "$base/signin"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# one query: REPEAT sequential requests after two warm-ups; prints "| name | p50 | p95 | max | rows |"
measure() {
  local name="$1" path="$2" times rows
  curl -fs -b "$jar" -o /dev/null "$base$path"; curl -fs -b "$jar" -o /dev/null "$base$path"
  times=$(for i in $(seq 1 "$REPEAT"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n)
  rows=$(curl -fs -b "$jar" "$base$path" | wc -l)
  echo "$times" | awk -v n="$name" -v r="$rows" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int((NR + 1) * 0.5)]; p95 = t[int(NR * 0.95 + 0.5)]; printf "| %s | %.0f | %.0f | %.0f | %d |\n", n, p50, p95, t[NR], r - 1 }'
}
rows_table=$(
  measure "weekly chart, all events (26 weeks)" "/tracker/trends/weekly.csv"
  measure "weekly chart, country=SY" "/tracker/trends/weekly.csv?country=SY"
  measure "weekly chart, type=Battles" "/tracker/trends/weekly.csv?type=Battles"
  measure "change map, all events (120 days by admin-1)" "/tracker/trends/changes.csv"
  measure "change map, country=SY" "/tracker/trends/changes.csv?country=SY"
  measure "new actors, all events" "/tracker/trends/new-actors.csv"
  measure "change map as PNG (query and drawing)" "/tracker/trends/changes.png"
  measure "change map of deaths as PNG" "/tracker/trends/changes.png?measure=deaths"
  measure "trends page (all three and the chart)" "/tracker/trends"
)
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $DB, $COUNT events, $REPEAT sequential requests each, -Xmx512m"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1). Generation: $(cat "$data/.generated")."
  echo "Load average before: $load_before; after: $load_after. $index_line."
  echo
  echo '| query | p50 ms | p95 ms | max ms | rows |'
  echo '|---|---|---|---|---|'
  echo "$rows_table"
  echo
} | tee -a "$RESULTS"
