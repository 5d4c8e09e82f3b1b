#!/usr/bin/env bash
# Analysis engine benchmarks: throughput of the full pipeline on ~800-word articles (2 threads),
# the stages that dominate it, time to a ready engine, and heap. Results go to bench/results/.
#   bench/run-analysis-bench.sh            full run (about 20 minutes: a minute of JMH warm-up per benchmark)
#   bench/run-analysis-bench.sh --quick    shorter iterations, for a smoke check
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
cd "$ROOT"
mvn -B -q -pl analysis,bench -am package -DskipTests
JAR="$ROOT/bench/target/benchmarks.jar"
JMH_ARGS=()
if [ "${1:-}" = "--quick" ]; then JMH_ARGS=(-wi 1 -w 3s -i 2 -r 3s); fi
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
RAW="$OUT/analysis-raw-$STAMP.txt"
{
  echo "# $(date -u) on $(nproc) cores, $(java -version 2>&1 | head -1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## throughput, 2 threads (articles/s)"
  java -jar "$JAR" 'AnalysisBenchmark' -t 2 ${JMH_ARGS[@]+"${JMH_ARGS[@]}"} -rf json -rff "$OUT/analysis-jmh-$STAMP.json"
  echo "## single-thread stage costs"
  java -jar "$JAR" 'AnalysisBenchmark' -t 1 ${JMH_ARGS[@]+"${JMH_ARGS[@]}"}
  echo "## startup: fresh JVM to first analysed article (ms)"
  java -jar "$JAR" 'StartupBenchmark'
  echo "## CPU time per article (thread CPU clock; independent of other load)"
  java -Xmx1g -cp "$JAR" org.sitrep.bench.analysis.CpuCostReport
  echo "## heap (-Xmx1g)"
  java -Xmx1g -cp "$JAR" org.sitrep.bench.analysis.HeapReport
  # others share the machine: the load after the run says whether the wall-clock figures above can be read
  echo "# done $(date -u), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$RAW"
echo "raw output: $RAW"
