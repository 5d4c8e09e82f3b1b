#!/usr/bin/env bash
# Search latency over N generated pieces (issue 3: p95 < 50 ms over 100,000 articles), in process:
# PieceIndex.search as /search runs it (parsing, BM25, the live-time filter, highlighted snippets
# of one page), timed per search by the wall clock (System.nanoTime around each call) on 1 and 2
# threads, and by thread CPU time on 1 thread. Prints the results and the machine's load average;
# copy them into bench/results/search-lucene.md.
#   bench/search/run-search-bench.sh [PIECES=100000] [INDEX_DIR=/tmp/sitrep-search-bench]
# The first run builds the index (about a minute for 100,000 pieces); later runs reuse it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PIECES="${1:-100000}"
DIR="${2:-/tmp/sitrep-search-bench}"
cd "$ROOT"
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
echo "Machine: $(nproc) cores; $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "app/target/test-classes:app/target/classes:$(cat app/target/cp.txt)" \
  org.sitrep.search.SearchBenchmark "$PIECES" "$DIR"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
