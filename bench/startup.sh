#!/usr/bin/env bash
# Start-up time with and without the JDK AOT cache, and memory (RSS) at rest and after load, for
# the Docker image's java command line run outside Docker (there is no Docker engine here):
# the same layered extract, the same training run, docker-entrypoint.sh with the image's
# JAVA_OPTS, and -XX:MaxRAM=512m standing in for a 512 MiB container. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

RUNS=${RUNS:-3}
APP_PORT=${APP_PORT:-18082}
APP=$OUT/image-app
IMAGE_JAVA_OPTS=$(sed -n 's/^\(ENV \)\{0,1\} *JAVA_OPTS="\(.*\)"$/\2/p' Dockerfile)
export JAVA_OPTS="$IMAGE_JAVA_OPTS -XX:MaxRAM=512m"

build
start_postgres "${PG_PORT:-55434}"

echo "== extracting the layers and merging them as the Dockerfile's COPY steps do"
rm -rf "$OUT/layers" "$APP" && mkdir -p "$APP"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --layers --application-filename app.jar --destination "$OUT/layers"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  cp -r "$OUT/layers/$layer/." "$APP/"
done

echo "== AOT training run (embedded defaults: no database, no Redis), as in the Dockerfile"
# shellcheck disable=SC2086
(cd "$APP" && DATA_DIR=/tmp/aot-training-$$ "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput=app.aot \
  -Dspring.context.exit=onRefresh -jar app.jar >"../aot-training.log" 2>&1)
rm -rf "/tmp/aot-training-$$"
echo "   app.aot: $(( $(stat -c %s "$APP/app.aot") / 1048576 )) MiB"

start_web() { # log-name; starts docker-entrypoint.sh web as the image would
  env APP_HOME="$APP" PORT="$APP_PORT" SPRING_PROFILES_ACTIVE=prod MALLOC_ARENA_MAX=2 \
      JWT_SECRET_KEY=YmVuY2gtc3RhcnR1cC1rZXktYmVuY2gtc3RhcnR1cC1rZXkhIQ== \
      sh docker-entrypoint.sh web >"$OUT/$1.log" 2>&1 &
  pids+=($!)
  WEB_PID=$!
}

time_to_ready() { # log-name; sets READY_MS: milliseconds from spawn to the first 200 of the readiness probe
  local started now
  started=$(date +%s%N)
  start_web "$1"
  until curl -sf "http://localhost:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$WEB_PID" 2>/dev/null || { echo "the web process died: see $OUT/$1.log" >&2; exit 1; }
    sleep 0.02
  done
  now=$(date +%s%N)
  READY_MS=$(((now - started) / 1000000))
}

stop_web() { kill "$WEB_PID"; wait "$WEB_PID" 2>/dev/null || true; }

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$WEB_PID/status"; }

echo "== start to first successful response (readiness), $RUNS runs each"
for variant in without with; do
  if [ "$variant" = without ]; then mv "$APP/app.aot" "$APP/app.aot.off"; fi
  times=""
  for run in $(seq 1 "$RUNS"); do
    time_to_ready "startup-$variant-$run"
    times="$times $READY_MS"
    stop_web
  done
  if [ "$variant" = without ]; then mv "$APP/app.aot.off" "$APP/app.aot"; fi
  # shellcheck disable=SC2086
  echo "   $variant AOT cache: $(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {printf "median %d ms (runs:", a[int((NR+1)/2)]}')$times)"
done

echo "== memory (RSS) with the image's flags and -XX:MaxRAM=512m"
time_to_ready memory
sleep 10
echo "   at rest, after start-up: $(rss_mib) MiB"
read -r STORE_ID _ < <(python3 bench/seed.py "http://localhost:$APP_PORT")
wrk -t2 -c32 -d30s "http://localhost:$APP_PORT/store/$STORE_ID" >/dev/null
wrk -t2 -c32 -d15s "http://localhost:$APP_PORT/store" >/dev/null
echo "   after seeding and 45 s of wrk -c32 load: $(rss_mib) MiB"
if grep -q "Unable to use AOT cache" "$OUT"/startup-with-*.log; then
  echo "   WARNING: the JVM refused the AOT cache in the 'with' runs: see $OUT/startup-with-*.log"
fi
stop_web
