#!/usr/bin/env bash
# The catalog near-cache in the image where users run it (docs/api.md "Caching and conditional
# requests"): the image under docker run --cpus=1 --memory=512m against PostgreSQL and Redis on
# this host, seeded with 50 stores x 20 items x 5 tags, wrk -t2 -c32, WARMUP then DURATION each:
#   - GET /store/{id} over the 50 store ids in turn, and the same with each id's If-None-Match;
#   - GET /store (all 50 stores), and the same with If-None-Match;
#   - RSS (cgroup) after those, then after filling the cache past its bound (bench/fill_cache.py),
#     then GET /store/{id} once more with the full cache.
# IMAGE=tag BUILD_IMAGE=0 measures an image built before; CPUS changes the quota. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

IMAGE=${IMAGE:-stores-api:bench}
APP_PORT=${APP_PORT:-18091}
CPUS=${CPUS:-1}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-30s}
BASE=http://127.0.0.1:$APP_PORT

prepare_image_bench "$IMAGE" "${PG_PORT:-55436}" "${REDIS_PORT:-16392}"
"$DOCKER" run --rm --network host -e DATABASE_URL "$IMAGE" migrate >"$OUT/cache-migrate.log" 2>&1

echo "== seeding 50 stores x 20 items x 5 tags"
start_container 2 web
wait_for_200 "$CONTAINER" "$BASE/actuator/health/readiness" 120
read -r STORE_ID _ < <(python3 bench/seed.py "$BASE")
stop_container

etag_of() { # path
  curl -s -D - -o /dev/null "$BASE$1" | awk 'tolower($1) == "etag:" {sub(/\r$/, "", $2); print $2}'
}

measure() { # label, wrk arguments...
  local label=$1 file
  shift
  file="$OUT/cache-$(echo "$label" | tr -c 'a-zA-Z0-9' '-').txt"
  wrk -t2 -c32 -d"$WARMUP" "$@" >/dev/null
  wrk -t2 -c32 -d"$DURATION" --latency "$@" >"$file"
  wrk_row "$label" "$file"
  if grep -q 'Non-2xx' "$file" && ! [[ $label == *If-None-Match* ]]; then
    echo "   WARNING: $(grep 'Non-2xx' "$file")"
  fi
}

echo "== the catalog at --cpus=$CPUS --memory=512m (wrk -t2 -c32, $WARMUP warm-up, $DURATION measured)"
start_container "$CPUS" web
wait_for_200 "$CONTAINER" "$BASE/store" 300
etags=()
for id in $(seq "$STORE_ID" $((STORE_ID + 49))); do etags+=("$(etag_of "/store/$id")"); done
echo "| what                               |     req/s |      p50 |      p99 |"
echo "|------------------------------------|-----------|----------|----------|"
measure "GET /store/{id}, 50 ids in turn" -s bench/rotate.lua "$BASE" -- "$STORE_ID" 50
measure "GET /store/{id} + If-None-Match" -s bench/rotate.lua "$BASE" -- "$STORE_ID" 50 "${etags[@]}"
echo "   GET /store is $(curl -s "$BASE/store" | wc -c) bytes"
measure "GET /store (50 stores)" "$BASE/store"
measure "GET /store + If-None-Match" -H "If-None-Match: $(etag_of /store)" "$BASE/store"
echo "   RSS after these: $(container_rss_mib "$CONTAINER") MiB"
echo "   filling the cache past its bound: $(python3 bench/fill_cache.py "$BASE" "$STORE_ID" 50 200)"
echo "   RSS with the cache full: $(container_rss_mib "$CONTAINER") MiB"
measure "GET /store/{id}, cache full" -s bench/rotate.lua "$BASE" -- "$STORE_ID" 50
echo "   RSS at the end: $(container_rss_mib "$CONTAINER") MiB (OOM killed: $("$DOCKER" inspect -f '{{.State.OOMKilled}}' "$CONTAINER"))"
"$DOCKER" logs "$CONTAINER" >"$OUT/cache-container.log" 2>&1
stop_container
