#!/usr/bin/env bash
# Spark local-mode throughput of ./sitrep batch, per core, against the single-JVM engine benchmark
# (bench/results/analysis.md). The load average is printed before and after each run: on a shared machine the
# figure measures the neighbours too. Usage: bench/run-batch-bench.sh [ARTICLES] [CORES...]  (default 20000, 1 2)
#
# Each run is a fresh JVM: Spark's start and the engine's loading (tens of seconds, more under load) are a fixed
# cost, so every core count also runs a small warm-up size (ARTICLES/20); the throughput is the difference of the
# two (articles added / seconds added), which leaves that fixed cost out.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-20000}"; shift || true
CORES=("${@:-1 2}"); [ $# -eq 0 ] && CORES=(1 2)
SMALL=$((N / 20))
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Loopback only, and no web UI (it would take port 4040 and up).
export SPARK_LOCAL_IP=127.0.0.1
export BATCH_JAVA_OPTS="${BATCH_JAVA_OPTS:--Xmx2g} -Dspark.ui.enabled=false"
# The dev corpus's articles (wire, analysis, live blogs: ~150-900 words), repeated with new ids up to N.
gen() {
python3 - "$ROOT/analysis/corpus/dev" "$1" <<'PY'
import glob, json, sys
docs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/*.json"))]
for i in range(int(sys.argv[2])):
    d = docs[i % len(docs)]
    print(json.dumps({"id": f"{d['id']}-{i}", "body": d["content"], "published": d.get("published")}))
PY
}
gen "$N" > "$WORK/articles-$N.jsonl"
gen "$SMALL" > "$WORK/articles-$SMALL.jsonl"
for cores in "${CORES[@]}"; do
  for n in "$SMALL" "$N"; do
    echo "== local[$cores], $n articles; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    start=$(date +%s.%N)
    # the job's own summary reports wall time including Spark's start and the engine's loading
    "$ROOT/sitrep" batch --master "local[$cores]" --in "$WORK/articles-$n.jsonl" --out "$WORK/out-$cores-$n" \
      --partitions $((cores * 8)) 2>"$WORK/stderr-$cores-$n" || { echo "failed:"; tail -20 "$WORK/stderr-$cores-$n"; exit 1; }
    end=$(date +%s.%N)
    echo "   wall $(echo "$end - $start" | bc) s; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    eval "T_${cores}_${n}=$(echo "$end - $start" | bc)"
  done
  small_t="T_${cores}_${SMALL}"; big_t="T_${cores}_${N}"
  echo "== local[$cores]: $((N - SMALL)) articles more took $(echo "${!big_t} - ${!small_t}" | bc) s more:" \
    "$(echo "scale=1; ($N - $SMALL) / (${!big_t} - ${!small_t})" | bc) articles/s"
done
