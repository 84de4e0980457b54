#!/usr/bin/env bash
# Load benchmark of the catalog reads: the packaged jar on PostgreSQL, seeded with
# 50 stores x 20 items x 5 tags over HTTP, then wrk on three endpoints. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-18080}
PG_PORT=${PG_PORT:-55432}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-15s}
OUT=bench/out
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "timed out waiting for $1" >&2; return 1
}

echo "== building"
./mvnw -q -B -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/test-classpath.txt" -Dmdep.includeScope=test
JAR=$(ls target/stores-api-*.jar | grep -v original | head -1)

if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  echo "== starting embedded PostgreSQL on port $PG_PORT (set BENCH_DATABASE_URL to use another)"
  "$JAVA_HOME/bin/java" -cp "target/test-classes:$(cat "$OUT/test-classpath.txt")" \
    dev.storesapi.support.BenchPostgres "$PG_PORT" >"$OUT/postgres.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do grep -q "ready on port" "$OUT/postgres.log" && break; sleep 1; done
  BENCH_DATABASE_URL="postgres://postgres:postgres@localhost:$PG_PORT/postgres"
fi

echo "== starting $JAR on port $APP_PORT (JAVA_OPTS=${JAVA_OPTS:-})"
# shellcheck disable=SC2086
DATABASE_URL=$BENCH_DATABASE_URL PORT=$APP_PORT "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$JAR" >"$OUT/app.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$APP_PORT/actuator/health/readiness" 90

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
