#!/usr/bin/env bash
# Issue 16, item 4: page throughput with 1, 2 and 3 instances on one PostgreSQL behind nginx (round robin),
# wrk on one article page and on the home page through nginx. Every instance runs on this machine, so on
# 2 cores the figure shows what the box limits, not what more machines would give.
#   bench/run-several-instances.sh [DURATION] [CONNECTIONS]
# Needs: PostgreSQL (SITREP_TEST_POSTGRES_URL, default the test server on 127.0.0.1), nginx, wrk, the built jar.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${1:-20s}"; CONNECTIONS="${2:-32}"
PG="${SITREP_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/sitrep_test?user=sitrep&password=sitrep}"
JAR="$ROOT/app/target/sitrep-app.jar"
FRONT="${FRONT:-8240}"; PORTS=(8241 8242 8243)
for tool in wrk nginx psql; do command -v $tool >/dev/null || { echo "$tool is required"; exit 2; }; done
[ -f "$JAR" ] || (cd "$ROOT" && ./sitrep build)
WORK="$(mktemp -d /tmp/sitrep-several-XXXX)"
SCHEMA="bench_$(date +%s)"
PGUSER_=$(sed -n 's/.*[?&]user=\([^&]*\).*/\1/p' <<<"$PG"); PGPASS_=$(sed -n 's/.*[?&]password=\([^&]*\).*/\1/p' <<<"$PG")
PGHOSTDB=$(sed -n 's#jdbc:postgresql://\([^/]*\)/\([^?]*\).*#\1 \2#p' <<<"$PG")
read -r HOSTPORT DB <<<"$PGHOSTDB"
export PGPASSWORD="$PGPASS_" PGOPTIONS="-c client_min_messages=warning"
psql -q -h "${HOSTPORT%:*}" -p "${HOSTPORT#*:}" -U "$PGUSER_" -d "$DB" -c "CREATE SCHEMA $SCHEMA"
PIDS=()
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h "${HOSTPORT%:*}" -p "${HOSTPORT#*:}" -U "$PGUSER_" -d "$DB" -c "DROP SCHEMA $SCHEMA CASCADE" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
start() { # instance number
  local n=$1
  java -Xmx384m -jar "$JAR" --server.port="${PORTS[$n]}" --sitrep.data-dir="$WORK/data-$n" \
    --spring.datasource.url="$PG&currentSchema=$SCHEMA" --spring.datasource.username="$PGUSER_" --spring.datasource.password="$PGPASS_" \
    --spring.flyway.schemas="$SCHEMA" --spring.flyway.default-schema="$SCHEMA" --sitrep.cluster.enabled=true \
    --sitrep.intel.workers=0 --logging.level.root=WARN >"$WORK/instance-$n.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:${PORTS[$n]}/signin" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "instance $n did not start"; tail -20 "$WORK/instance-$n.log"; exit 1
}
nginx_for() { # how many instances
  local up=""
  for n in $(seq 0 $(($1 - 1))); do up+="server 127.0.0.1:${PORTS[$n]};"; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null && sleep 1
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx.conf" <<CONF
daemon on; master_process on; worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $WORK/nginx/b; proxy_temp_path $WORK/nginx/p; fastcgi_temp_path $WORK/nginx/f;
  uwsgi_temp_path $WORK/nginx/u; scgi_temp_path $WORK/nginx/s;
  upstream sitrep { $up keepalive 32; }
  server { listen 127.0.0.1:$FRONT; location / { proxy_pass http://sitrep; proxy_http_version 1.1; proxy_set_header Connection "";
           proxy_set_header Host \$http_host; } } }
CONF
  nginx -p "$WORK/nginx" -c "$WORK/nginx.conf" -e "$WORK/nginx/error.log"
  sleep 1
}
echo "# $(date -u) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "# instances -Xmx384m on PostgreSQL (schema $SCHEMA), sample content, nginx round robin, wrk -t2 -c$CONNECTIONS -d$DURATION"
start 0
ARTICLE="$(curl -fs "http://127.0.0.1:${PORTS[0]}/" | grep -o 'href="/news/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)"
for count in 1 2 3; do
  [ "$count" -gt 1 ] && start $((count - 1))
  nginx_for "$count"
  for _ in 1 2 3 4 5 6; do curl -fs "http://127.0.0.1:$FRONT$ARTICLE" >/dev/null; curl -fs "http://127.0.0.1:$FRONT/" >/dev/null; done  # warm every cache
  echo "## $count instance(s): article $ARTICLE (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$FRONT$ARTICLE" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
  echo "## $count instance(s): home page"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$FRONT/" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
done
