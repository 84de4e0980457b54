#!/usr/bin/env bash
# What an Idempotency-Key costs a create (docs/api.md "Retrying a create"): the image under
# docker run --cpus=1 --memory=512m against PostgreSQL and Redis on this host, POST /item with a new
# item each time, without a key and with a new key each time, ROUNDS times (wrk -t2 -c16, WARMUP then
# DURATION each), the order alternating between rounds so that neither side always runs second. The goal (issue 26): the key costs at most 15 % of the throughput.
# IMAGE=tag BUILD_IMAGE=0 measures an image built before. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

IMAGE=${IMAGE:-stores-api:bench}
APP_PORT=${APP_PORT:-18092}
ROUNDS=${ROUNDS:-4}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-20s}
BASE=http://127.0.0.1:$APP_PORT

prepare_image_bench "$IMAGE" "${PG_PORT:-55437}" "${REDIS_PORT:-16393}"
"$DOCKER" run --rm --network host -e DATABASE_URL "$IMAGE" migrate >"$OUT/idempotency-migrate.log" 2>&1

start_container 1 web
wait_for_200 "$CONTAINER" "$BASE/store" 300
user="bench_$(date +%s%N)"
curl -sf -H 'Content-Type: application/json' "$BASE/register" \
  -d "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"bench-password\"}" >/dev/null
token=$(curl -sf -H 'Content-Type: application/json' "$BASE/login" \
  -d "{\"username\":\"$user\",\"password\":\"bench-password\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
store=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $token" "$BASE/store" \
  -d "{\"name\":\"bench $user\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')

echo "== POST /item at --cpus=1 --memory=512m (wrk -t2 -c16, $WARMUP warm-up, $DURATION measured)"
echo "| what                               |     req/s |      p50 |      p99 |"
echo "|------------------------------------|-----------|----------|----------|"
rm -f "$OUT"/idempotency-none-*.txt "$OUT"/idempotency-key-*.txt
for round in $(seq 1 "$ROUNDS"); do
  modes="none key"
  if [ $((round % 2)) = 0 ]; then modes="key none"; fi
  for mode in $modes; do
    file="$OUT/idempotency-$mode-$round.txt"
    wrk -t2 -c16 -d"$WARMUP" -s bench/creates.lua "$BASE" -- "$store" "$token" "$mode" >/dev/null
    wrk -t2 -c16 -d"$DURATION" --latency -s bench/creates.lua "$BASE" -- "$store" "$token" "$mode" >"$file"
    wrk_row "POST /item, $([ "$mode" = key ] && echo 'a new key each' || echo 'no key'), round $round" "$file"
    if grep -q 'Non-2xx' "$file"; then echo "   WARNING: $(grep 'Non-2xx' "$file")"; fi
  done
done
awk '/Requests\/sec/ {split(FILENAME, parts, "-"); sum[parts[2]] += $2; n[parts[2]]++}
  END {printf "   mean req/s: no key %.0f, with a key %.0f: the key costs %.1f %%\n", sum["none"] / n["none"],
    sum["key"] / n["key"], 100 * (1 - (sum["key"] / n["key"]) / (sum["none"] / n["none"]))}' \
  "$OUT"/idempotency-none-*.txt "$OUT"/idempotency-key-*.txt
