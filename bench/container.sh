#!/usr/bin/env bash
# The Docker image where users run it (docs/deploy.md): builds the image, then measures it under
# docker run --cpus=... --memory=512m against PostgreSQL and Redis on this host (the web service as
# the Render Blueprints deploy it; EMAIL_WORKER_ENABLED=true for the $0 route's own email consumer),
# seeded with 50 stores x 20 items x 5 tags:
#   - cold start: CPU-seconds (from the container's cgroup) and wall time from `docker run` to the
#     first 200 of GET /store, at --cpus=1 (COLD_RUNS times), 0.5 and 0.1;
#   - GET /store/{id} req/s and p99 at --cpus=1 and --cpus=2 (wrk -t2 -c32 after a warm-up);
#   - RSS (cgroup total_rss) at --cpus=1 after MIXED_SECONDS of mixed load: wrk on catalog reads
#     (bench/mixed.lua) and WRITERS clients logging in and writing (bench/writes.py);
#   - then a login flood (FLOOD_CONNECTIONS connections for FLOOD_SECONDS, bench/login.lua): the
#     container must survive it (no OutOfMemoryError, no OOM kill).
# IMAGE=tag BUILD_IMAGE=0 measures an image built before; COLD_ONLY=1 stops after the cold starts;
# COMPARE="tag ..." alternates the cold starts of other images with $IMAGE's.
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

IMAGE=${IMAGE:-stores-api:bench}
APP_PORT=${APP_PORT:-18090}
COLD_RUNS=${COLD_RUNS:-3}
COLD_CPUS=${COLD_CPUS:-0.5 0.1}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-15s}
MIXED_SECONDS=${MIXED_SECONDS:-60}
WRITERS=${WRITERS:-4}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-64}
FLOOD_SECONDS=${FLOOD_SECONDS:-30}
BASE=http://127.0.0.1:$APP_PORT

prepare_image_bench "$IMAGE" "${PG_PORT:-55435}" "${REDIS_PORT:-16391}"

echo "== migrate"
"$DOCKER" run --rm --network host -e DATABASE_URL "$IMAGE" migrate >"$OUT/container-migrate.log" 2>&1

echo "== seeding 50 stores x 20 items x 5 tags (web at --cpus=2)"
start_container 2 web
wait_for_200 "$CONTAINER" "$BASE/actuator/health/readiness" 120
read -r STORE_ID ITEM_ID < <(python3 bench/seed.py "$BASE")
stop_container

cold_start() { # cpus: one cold start, printed as a table row
  local started ended
  started=$(date +%s%N)
  start_container "$1" web
  wait_for_200 "$CONTAINER" "$BASE/store" 600
  ended=$(date +%s%N)
  printf '| %-20s | %-6s | %8s | %8.1f |\n' "$IMAGE" "$1" "$(container_cpu_seconds "$CONTAINER")" \
    "$(((ended - started) / 1000000))e-3"
  "$DOCKER" logs "$CONTAINER" >"$OUT/container-cold-$1.log" 2>&1
  if aot_cache_problems "$OUT/container-cold-$1.log"; then
    echo "   WARNING: the JVM did not use the AOT cache (above)"
  fi
  stop_container
}

# COMPARE="tag ...": cold starts of these images too, alternating with $IMAGE run by run, so that
# a before and an after meet the same machine (bench/README.md "Comparing images").
images=("$IMAGE")
if [ -n "${COMPARE:-}" ]; then read -r -a compared <<<"$COMPARE"; images+=("${compared[@]}"); fi
echo "== cold start: docker run to the first 200 of GET /store (--memory=512m)"
echo "| image                | --cpus | CPU-s    | wall s   |"
echo "|----------------------|--------|----------|----------|"
for _ in $(seq 1 "$COLD_RUNS"); do for image in "${images[@]}"; do IMAGE=$image cold_start 1; done; done
for cpus in $COLD_CPUS; do for image in "${images[@]}"; do IMAGE=$image cold_start "$cpus"; done; done
if [ "${COLD_ONLY:-0}" = 1 ]; then exit 0; fi

echo "== throughput (wrk -t2 -c32, $WARMUP warm-up, $DURATION measured) and memory (--memory=512m)"
echo "| what                               |     req/s |      p50 |      p99 |"
echo "|------------------------------------|-----------|----------|----------|"
for cpus in 2 1; do
  start_container "$cpus" web
  wait_for_200 "$CONTAINER" "$BASE/store" 300
  wrk -t2 -c32 -d"$WARMUP" "$BASE/store/$STORE_ID" >/dev/null
  wrk -t2 -c32 -d"$DURATION" --latency "$BASE/store/$STORE_ID" >"$OUT/container-store-$cpus.txt"
  wrk_row "GET /store/{id}, --cpus=$cpus" "$OUT/container-store-$cpus.txt"
  if [ "$cpus" = 1 ]; then
    python3 bench/writes.py "$BASE" "$STORE_ID" "$MIXED_SECONDS" "$WRITERS" >"$OUT/container-writes.txt" &
    writer=$!
    wrk -t2 -c32 -d"${MIXED_SECONDS}s" --latency -s bench/mixed.lua "$BASE" -- "$STORE_ID" "$ITEM_ID" \
      >"$OUT/container-mixed.txt"
    wait "$writer"
    wrk_row "mixed reads + $WRITERS writers, --cpus=1" "$OUT/container-mixed.txt"
    echo "   writes (status x count): $(cat "$OUT/container-writes.txt")"
    echo "   RSS after ${MIXED_SECONDS} s of mixed load at --cpus=1: $(container_rss_mib "$CONTAINER") MiB" \
      "(cgroup total_rss; OOM kills: $("$DOCKER" inspect -f '{{.State.OOMKilled}}' "$CONTAINER"))"
    user="flood_$RANDOM$RANDOM"
    curl -sf -H 'Content-Type: application/json' "$BASE/register" \
      -d "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"flood-password\"}" >/dev/null
    wrk -t2 -c"$FLOOD_CONNECTIONS" -d"${FLOOD_SECONDS}s" --latency -s bench/login.lua "$BASE/login" -- \
      "$user" flood-password >"$OUT/container-login-flood.txt"
    wrk_row "POST /login flood, -c$FLOOD_CONNECTIONS, --cpus=1" "$OUT/container-login-flood.txt"
    echo "   after the flood: RSS $(container_rss_mib "$CONTAINER") MiB, running:" \
      "$("$DOCKER" inspect -f '{{.State.Running}} (restarts {{.RestartCount}}, OOM killed {{.State.OOMKilled}})' "$CONTAINER")," \
      "non-2xx: $(awk '/Non-2xx/ {print $NF}' "$OUT/container-login-flood.txt")"
  fi
  stop_container
done
