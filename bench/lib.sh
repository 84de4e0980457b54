#!/usr/bin/env bash
# Shared by the bench/ scripts: build once, start helper servers from the test classpath, clean up.
set -euo pipefail

OUT=bench/out
mkdir -p "$OUT"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
pids=()

cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "timed out waiting for $1" >&2; return 1
}

wait_for_line() { # file, text, seconds
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "timed out waiting for '$2' in $1" >&2; return 1
}

build() {
  echo "== building"
  ./mvnw -q -B -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.outputFile="$OUT/test-classpath.txt" -Dmdep.includeScope=test
  for JAR in target/stores-api-*.jar; do break; done
  TEST_CP="target/test-classes:$(cat "$OUT/test-classpath.txt")"
}

# Starts a helper main class of src/test (embedded PostgreSQL, Redis, SMTP sink) in the background.
start_helper() { # log-name, ready-text, class, args...
  local log="$OUT/$1.log" ready=$2 class=$3
  shift 3
  "$JAVA" -cp "$TEST_CP" "$class" "$@" >"$log" 2>&1 &
  pids+=($!)
  wait_for_line "$log" "$ready" 60
}

# Starts PostgreSQL unless BENCH_DATABASE_URL names one; exports DATABASE_URL.
start_postgres() { # port
  if [ -z "${BENCH_DATABASE_URL:-}" ]; then
    echo "== starting embedded PostgreSQL on port $1 (set BENCH_DATABASE_URL to use another)"
    start_helper postgres "ready on port" dev.storesapi.support.BenchPostgres "$1"
    BENCH_DATABASE_URL="postgres://postgres:postgres@localhost:$1/postgres"
  fi
  export DATABASE_URL=$BENCH_DATABASE_URL
}

# Starts the packaged jar with the current environment plus the given VAR=value pairs;
# its process id is left in LAST_PID for the calling script.
start_app() { # log-name, health-url, VAR=value...
  local log="$OUT/$1.log" health=$2
  shift 2
  # shellcheck disable=SC2086
  env "$@" "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
  pids+=($!)
  export LAST_PID=$!
  if [ -n "$health" ]; then wait_for "$health" 90; fi
}
