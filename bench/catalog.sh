#!/usr/bin/env bash
# Load benchmark of the catalog reads: the packaged jar on PostgreSQL, seeded with
# 50 stores x 20 items x 5 tags over HTTP, then wrk on three endpoints. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-18080}
PG_PORT=${PG_PORT:-55432}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-15s}
# shellcheck source=bench/lib.sh
. bench/lib.sh

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
build
start_postgres "$PG_PORT"
echo "== starting $JAR on port $APP_PORT (JAVA_OPTS=${JAVA_OPTS:-})"
start_app app "http://localhost:$APP_PORT/actuator/health/readiness" PORT="$APP_PORT"

echo "== seeding 50 stores x 20 items x 5 tags over HTTP"
read -r STORE_ID ITEM_ID < <(python3 bench/seed.py "http://localhost:$APP_PORT")

run() { # label, path
  local url="http://localhost:$APP_PORT$2"
  wrk -t2 -c32 -d"$WARMUP" "$url" >/dev/null
  wrk -t2 -c32 -d"$DURATION" --latency "$url" >"$OUT/$1.txt"
  local rps p50 p99 bytes
  rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$1.txt")
  bytes=$(curl -s "$url" | wc -c)
  printf '| %-22s | %6s B | %10s | %8s | %8s |\n' "GET $3" "$bytes" "$rps" "$p50" "$p99"
}

echo "== wrk -t2 -c32, ${WARMUP} warm-up then ${DURATION} measured per endpoint"
echo "| endpoint               |    body  |      req/s |      p50 |      p99 |"
echo "|------------------------|----------|------------|----------|----------|"
run store-by-id "/store/$STORE_ID" "/store/{id}"
run store-list "/store" "/store (50 stores)"
run item-by-id "/item/$ITEM_ID" "/item/{id}"
echo "(raw wrk output in $OUT/)"
