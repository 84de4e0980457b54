#!/usr/bin/env bash
# A login flood against the image where users run it (docs/security.md): the web service at
# docker run --cpus=1 --memory=512m, as the Render Blueprints deploy it (PostgreSQL and Redis on this host),
# FLOOD_CONNECTIONS connections of POST /login with valid credentials for FLOOD_SECONDS while
# GET /store/{id} is polled every 100 ms. Prints the login statuses (each 429/503 with or without
# Retry-After), login p50/p99, the polled reads' statuses and p95, the RSS after the flood and
# whether the container survived. Two runs: with the default rate limits (one attacker address),
# then with RATE_LIMIT_ENABLED=false (the hashing capacity alone, as from many addresses).
# IMAGE=tag BUILD_IMAGE=0 measures an image built before. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

IMAGE=${IMAGE:-stores-api:bench}
APP_PORT=${APP_PORT:-18092}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-64}
FLOOD_SECONDS=${FLOOD_SECONDS:-40}
BASE=http://127.0.0.1:$APP_PORT
# On this 2-core machine the load generator would otherwise take CPU time from the container and
# the poller (then the reads' latency is the host's, not the service's): the container gets core
# CONTAINER_CORE (its --cpus=1 quota on it), wrk and the poller core LOAD_CORE.
CONTAINER_CORE=${CONTAINER_CORE:-1}
LOAD_CORE=${LOAD_CORE:-0}

prepare_image_bench "$IMAGE" "${PG_PORT:-55437}" "${REDIS_PORT:-16393}"

"$DOCKER" run --rm --network host -e DATABASE_URL "$IMAGE" migrate >"$OUT/login-flood-migrate.log" 2>&1

post() { # path, json body[, token]: prints the response body
  curl -s -X POST "$BASE$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"
}

flood() { # label, extra docker run arguments...
  local label=$1 user store token poller
  shift
  CONTAINER=$("$DOCKER" run -d --network host --cpus=1 --cpuset-cpus="$CONTAINER_CORE" --memory=512m \
    -e PORT="$APP_PORT" -e DATABASE_URL \
    -e JWT_SECRET_KEY -e REDIS_URL "$@" "$IMAGE" web)
  containers+=("$CONTAINER")
  wait_for_200 "$CONTAINER" "$BASE/actuator/health/readiness" 300
  user="flood_$RANDOM$RANDOM"
  post /register "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"flood-password\"}" >/dev/null
  token=$(post /login "{\"username\":\"$user\",\"password\":\"flood-password\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  store=$(post /store "{\"name\":\"flooded $user\"}" "$token" | sed 's/^{"id":\([0-9]*\).*/\1/')
  curl -s -o /dev/null "$BASE/store/$store" # warm

  (
    end=$((SECONDS + FLOOD_SECONDS))
    taskset -p -c "$LOAD_CORE" $BASHPID >/dev/null
    while [ $SECONDS -lt "$end" ]; do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE/store/$store"
      sleep 0.1
    done
  ) >"$OUT/login-flood-reads.txt" &
  poller=$!
  taskset -c "$LOAD_CORE" wrk -t2 -c"$FLOOD_CONNECTIONS" -d"${FLOOD_SECONDS}s" --latency -s bench/login-flood.lua "$BASE/login" -- \
    "$user" flood-password >"$OUT/login-flood-wrk.txt"
  wait "$poller"

  echo "== $label"
  echo "   POST /login x$FLOOD_CONNECTIONS for ${FLOOD_SECONDS}s: $(grep '^statuses:' "$OUT/login-flood-wrk.txt")"
  echo "   login p50 $(awk '$1 == "50%" {print $2}' "$OUT/login-flood-wrk.txt"), p99" \
    "$(awk '$1 == "99%" {print $2}' "$OUT/login-flood-wrk.txt"), $(awk '/^Requests\/sec/ {print $2}' "$OUT/login-flood-wrk.txt") req/s"
  echo "   GET /store/{id} polled: $(awk '{print $1}' "$OUT/login-flood-reads.txt" | sort | uniq -c | awk '{printf "%s x%s ", $2, $1}')," \
    "p95 $(awk '{print $2 * 1000}' "$OUT/login-flood-reads.txt" | sort -n | awk '{v[NR] = $1} END {printf "%.0f ms", v[int(NR * 0.95 + 0.5)]}')," \
    "max $(awk '{print $2 * 1000}' "$OUT/login-flood-reads.txt" | sort -n | tail -1 | awk '{printf "%.0f ms", $1}')"
  echo "   after: RSS $(container_rss_mib "$CONTAINER") MiB, running $("$DOCKER" inspect -f '{{.State.Running}}' "$CONTAINER")," \
    "OOM killed $("$DOCKER" inspect -f '{{.State.OOMKilled}}' "$CONTAINER")"
  "$DOCKER" logs "$CONTAINER" >"$OUT/login-flood-container.log" 2>&1
  "$DOCKER" rm -f "$CONTAINER" >/dev/null
}

flood "default rate limits (one attacker address)"
flood "rate limits off (hashing capacity alone)" -e RATE_LIMIT_ENABLED=false
