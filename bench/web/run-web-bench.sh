#!/usr/bin/env bash
# Web benchmark: 10,000 published pieces on the embedded default (H2 + local Lucene index), the
# server capped at -Xmx512m, loaded with wrk on loopback. Appends a section to bench/results/web.md.
#   bench/web/run-web-bench.sh [COUNT] [DURATION]      e.g. 10000 30s
# Environment:
#   PAGES="article home search"  which pages to load (default all three)
#   THREADS=2 CONNECTIONS=32     wrk's threads and connections
#   JAR=path/to/sitrep-app.jar   run this jar instead of building the worktree (before/after runs)
#   GENERATORS_JAR=path          the corpus generator's jar (default bench/target/sitrep-bench-generators.jar)
#   LABEL=text                   a name for the run in the results (e.g. "baseline", "after")
#   ARTICLES=5000                how many different article pages wrk asks for (all rendered first)
#   WORK=dir                     where the generated corpus is kept between runs
#   RESULTS=file                 where to append (default bench/results/web.md)
# Every run starts from a copy of the generated corpus, so meter rows left by one run do not
# weigh on the next.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
COUNT="${1:-10000}"
DURATION="${2:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PAGES="${PAGES:-article home search}"
PORT="${PORT:-18080}"
WORK="${WORK:-/tmp/sitrep-bench}"
RESULTS="${RESULTS:-$ROOT/bench/results/web.md}"
LABEL="${LABEL:-}"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 2; }
mkdir -p "$WORK"

cd "$ROOT"
if [ -z "${JAR:-}" ]; then
  ./sitrep build
  JAR="$ROOT/app/target/sitrep-app.jar"
fi
corpus="$WORK/data-$COUNT"
if [ ! -d "$corpus/db" ]; then
  echo "Generating $COUNT pieces into $corpus ..."
  # the generator is in bench/'s generators jar, added to the application by Spring Boot's PropertiesLauncher
  [ -f "${GENERATORS_JAR:=$ROOT/bench/target/sitrep-bench-generators.jar}" ] || ./sitrep build
  java -Xmx512m -Dloader.path="$GENERATORS_JAR" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
    --sitrep.data-dir="$corpus" --sitrep.command=generate-corpus \
    --spring.main.web-application-type=none --sitrep.corpus.count="$COUNT" --sitrep.sample-content=false >/dev/null
fi
data="$WORK/run-$COUNT"
rm -rf "$data" && cp -a "$corpus" "$data"

started=$(date +%s.%N)
# Analysis workers off: a generated corpus queues all its pieces for the engine, which a live site
# does once, in the background, not while serving; the engine has its own benchmark.
java -Xmx512m -jar "$JAR" --server.port="$PORT" --sitrep.data-dir="$data" --sitrep.sample-content=false \
  --sitrep.intel.workers=0 --logging.level.root=WARN >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for i in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 0.2; done
serving_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

# Paths: the generator gives piece i (from 1) the slug synthetic-i and kind number (i-1) mod 4.
kinds=(news analysis memos reports)
for n in $(seq 1 "$COUNT" | shuf -n "${ARTICLES:-5000}"); do echo "/${kinds[$(( (n - 1) % 4 ))]}/synthetic-$n"; done >"$WORK/article.txt"
printf '/\n' >"$WORK/home.txt"
for q in aleppo "supply routes" ceasefire mosul "border crossings" sanaa checkpoints benghazi displacement \
         "water stations" gaza jenin idlib prisons elections oil; do
  printf '/search?q=%s\n' "$(printf '%s' "$q" | sed 's/ /+/g')"
done >"$WORK/search.txt"

# Steady state: every article path rendered once before measuring, as a live site's page cache
# would hold its readers' working set. The cold cost is measured separately here.
cold_start=$(date +%s.%N)
xargs -a "$WORK/article.txt" -P 2 -I{} curl -s -o /dev/null "http://127.0.0.1:$PORT{}"
cold_end=$(date +%s.%N)
cold_ms=$(awk -v a="$cold_start" -v b="$cold_end" -v n="$(wc -l <"$WORK/article.txt")" 'BEGIN { printf "%.1f", (b - a) * 1000 * 2 / n }')

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; } # user + system CPU, in clock ticks
hz=$(getconf CLK_TCK)
run() { # name paths-file
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/web/paths.lua "http://127.0.0.1:$PORT" -- "$2" >/dev/null 2>&1 || true
  local before_server after_server out
  before_server=$(ticks "$server")
  out=$(mktemp)
  # wrk's own CPU time comes from the shell's accounting of its finished children.
  /usr/bin/time -f 'WRKCPU %U %S %e' -o "$out.time" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/web/paths.lua "http://127.0.0.1:$PORT" -- "$2" >"$out"
  after_server=$(ticks "$server")
  read -r _ wu ws we <"$out.time"
  local server_cpu wrk_cpu
  server_cpu=$(awk -v a="$before_server" -v b="$after_server" -v hz="$hz" -v e="$we" 'BEGIN { printf "%.0f", (b - a) / hz / e * 100 }')
  wrk_cpu=$(awk -v u="$wu" -v s="$ws" -v e="$we" 'BEGIN { printf "%.0f", (u + s) / e * 100 }')
  # Server CPU time per request: the server's cost, less at the mercy of what else runs on the machine.
  local reqs cpu_us
  reqs=$(grep '^RESULT' "$out" | sed 's/.*requests=\([0-9]*\).*/\1/')
  cpu_us=$(awk -v a="$before_server" -v b="$after_server" -v hz="$hz" -v n="$reqs" 'BEGIN { printf "%.0f", (b - a) / hz * 1e6 / n }')
  grep '^RESULT' "$out" | sed "s/^RESULT/$1/; s/\$/ server_cpu=$server_cpu wrk_cpu=$wrk_cpu cpu_us=$cpu_us/"
  rm -f "$out" "$out.time"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
{
  for page in $PAGES; do run "$page" "$WORK/$page.txt"; done
} | tee "$WORK/results.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

heap=$(jcmd "$server" GC.heap_info 2>/dev/null | sed -n 2p | sed 's/^ *//' || echo "n/a")
{
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC${LABEL:+ — $LABEL} — $COUNT pieces, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, -Xmx512m"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); load average before $load_before, after $load_after."
  echo
  echo '| page | requests/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | server CPU | wrk CPU | server CPU per request |'
  echo '|---|---|---|---|---|---|---|---|---|---|'
  awk '{ for (i=2;i<=NF;i++){split($i,a,"="); v[a[1]]=a[2]} printf "| %s | %s | %s | %s | %s | %s | %s | %s%% | %s%% | %s µs |\n", $1, v["rps"], v["p50_ms"], v["p95_ms"], v["p99_ms"], v["errors"], v["non2xx"], v["server_cpu"], v["wrk_cpu"], v["cpu_us"] }' "$WORK/results.txt"
  echo
  echo "Serving ${serving_s} s after the JVM started. Cold (uncached) article render, 2 clients in parallel over $(wc -l <"$WORK/article.txt") pieces: ~${cold_ms} ms each."
  echo "Heap after the run: \`$heap\`"
  echo
} >>"$RESULTS.new"
{ [ -f "$RESULTS" ] && cat "$RESULTS"; cat "$RESULTS.new"; } >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS" && rm -f "$RESULTS.new"
echo "Results appended to $RESULTS"
