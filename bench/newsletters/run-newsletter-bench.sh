#!/usr/bin/env bash
# Newsletter send benchmark: one issue to N members (default 100,000) from an H2 database in a file
# to a local SMTP server (GreenMail), through the application's real sending code.
#   bench/newsletters/run-newsletter-bench.sh [members] [rate-per-second]
# rate-per-second defaults to the application's default (sitrep.newsletters.rate-per-second);
# 0 means unlimited. The report is printed and written to bench/results/newsletters-raw-<time>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MEMBERS="${1:-100000}"
RATE="${2:-}"
OUT="$ROOT/bench/results/newsletters-raw-$(date -u +%Y-%m-%dT%H%MZ).txt"
ARGS=(-B -q -pl app -am test -Dtest=NewsletterSendBenchmark -Dsurefire.failIfNoSpecifiedTests=false
      "-Dsitrep.bench.members=$MEMBERS" "-Dsitrep.bench.out=$OUT")
[ -n "$RATE" ] && ARGS+=("-Dsitrep.newsletters.rate-per-second=$RATE")
cd "$ROOT"
mvn "${ARGS[@]}" >/dev/null
cat "$OUT"
