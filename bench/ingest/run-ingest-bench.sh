#!/usr/bin/env bash
# Ingest-and-analyse benchmark: N wire files (default 2,000) dropped at once into the hot folder of
# the embedded default (H2 file database, two analysis workers), timed until the last is analysed.
#   bench/ingest/run-ingest-bench.sh [files]
# The report (with the machine's load average) is printed and written to
# bench/results/ingest-raw-<time>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ITEMS="${1:-2000}"
OUT="$ROOT/bench/results/ingest-raw-$(date -u +%Y-%m-%dT%H%MZ).txt"
cd "$ROOT"
mvn -B -q -pl app -am test -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dsitrep.bench.items=$ITEMS" "-Dsitrep.bench.out=$OUT" >/dev/null
cat "$OUT"
