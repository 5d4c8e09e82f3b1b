#!/usr/bin/env bash
# Spark local-mode throughput of ./sitrep batch, per core, against the single-JVM engine benchmark
# (bench/results/analysis.md). Run on a quiet machine only (uptime load < 1 on 2 cores): the figure is
# meaningless while other work shares the cores. Usage: bench/run-batch-bench.sh [ARTICLES]  (default 20000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-20000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "load: $(uptime)"
# The dev corpus's articles (wire, analysis, live blogs: ~150-900 words), repeated with new ids up to N.
python3 - "$ROOT/analysis/corpus/dev" "$N" > "$WORK/articles.jsonl" <<'PY'
import glob, json, sys
docs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/*.json"))]
for i in range(int(sys.argv[2])):
    d = docs[i % len(docs)]
    print(json.dumps({"id": f"{d['id']}-{i}", "body": d["content"], "published": d.get("published")}))
PY
for cores in 1 2; do
  echo "== local[$cores], $N articles"
  # the job's own summary reports wall time including Spark's start and the engine's loading
  "$ROOT/sitrep" batch --master "local[$cores]" --in "$WORK/articles.jsonl" --out "$WORK/out-$cores" --partitions $((cores * 8)) 2>/dev/null
done
