#!/usr/bin/env bash
# Email pipeline benchmark: emails per second through one worker, and POST /register latency
# with a fast and with a slow (1 s per message) SMTP server. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

JOBS=${JOBS:-300}
REGISTRATIONS=${REGISTRATIONS:-100}
APP_PORT=${APP_PORT:-18081}
REDIS_PORT=${REDIS_PORT:-56379}
FAST_SMTP=${FAST_SMTP:-2525}
SLOW_SMTP=${SLOW_SMTP:-2526}
BASE="http://localhost:$APP_PORT"

build
start_postgres "${PG_PORT:-55433}"
echo "== starting Redis and two SMTP sinks (fast, and 1 s per message)"
start_helper redis "Redis ready" dev.storesapi.support.BenchRedis "$REDIS_PORT"
start_helper smtp-fast "sink ready" dev.storesapi.support.BenchSmtpSink "$FAST_SMTP" 0 "$OUT/smtp-fast.count"
start_helper smtp-slow "sink ready" dev.storesapi.support.BenchSmtpSink "$SLOW_SMTP" 1000 "$OUT/smtp-slow.count"
export REDIS_URL="redis://localhost:$REDIS_PORT" MAIL_HOST=127.0.0.1

echo "== 1. throughput: $JOBS jobs queued while no worker runs, then one worker drains them"
start_app web "$BASE/actuator/health/readiness" PORT="$APP_PORT" MAIL_PORT="$FAST_SMTP"
WEB_PID=$LAST_PID
python3 - "$BASE" "$JOBS" <<'PY'
import http.client, json, sys, urllib.parse, uuid
from concurrent.futures import ThreadPoolExecutor
base = urllib.parse.urlparse(sys.argv[1])
def register(_):
    c = http.client.HTTPConnection(base.hostname, base.port)
    name = f"tp_{uuid.uuid4().hex[:10]}"
    c.request("POST", "/register", json.dumps({"username": name, "email": f"{name}@example.com",
              "password": "long enough password"}), {"Content-Type": "application/json"})
    assert c.getresponse().status == 201
with ThreadPoolExecutor(4) as pool:
    list(pool.map(register, range(int(sys.argv[2]))))
PY
start_app worker "" APP_ROLE=worker MAIL_PORT="$FAST_SMTP"
first="" last=""
for _ in $(seq 1 6000); do
  n=$(cat "$OUT/smtp-fast.count" 2>/dev/null || true)
  n=${n:-0}
  if [ -z "$first" ] && [ "$n" -ge 1 ]; then first=$(date +%s.%N); first_n=$n; fi
  if [ "$n" -ge "$JOBS" ]; then last=$(date +%s.%N); break; fi
  sleep 0.05
done
[ -n "$last" ] || { echo "only $(cat "$OUT/smtp-fast.count") of $JOBS emails arrived" >&2; exit 1; }
rate=$(python3 -c "print(f'{($JOBS - $first_n) / ($last - $first):.0f}')")
echo "   $JOBS emails; one worker sent $rate emails/s to a local SMTP sink"
kill "$LAST_PID" "$WEB_PID"; wait "$LAST_PID" "$WEB_PID" 2>/dev/null || true

latency() { # label, env...
  local label=$1
  shift
  start_app web "$BASE/actuator/health/readiness" PORT="$APP_PORT" "$@"
  local web=$LAST_PID
  python3 bench/register_latency.py "$BASE" 20 >/dev/null   # warm-up
  read -r p50 p99 max < <(python3 bench/register_latency.py "$BASE" "$REGISTRATIONS")
  printf '| %-44s | %8s ms | %8s ms | %8s ms |\n' "$label" "$p50" "$p99" "$max"
  kill "$web"; wait "$web" 2>/dev/null || true
}

echo "== 2. POST /register latency, $REGISTRATIONS sequential registrations (after 20 for warm-up)"
echo "| setup                                        |      p50    |      p99    |      max    |"
echo "|----------------------------------------------|-------------|-------------|-------------|"
start_app worker "" APP_ROLE=worker MAIL_PORT="$FAST_SMTP"
WORKER_PID=$LAST_PID
latency "Redis + worker, fast SMTP" MAIL_PORT="$FAST_SMTP"
kill "$WORKER_PID"; wait "$WORKER_PID" 2>/dev/null || true
start_app worker "" APP_ROLE=worker MAIL_PORT="$SLOW_SMTP"
WORKER_PID=$LAST_PID
latency "Redis + worker, SMTP taking 1 s per email" MAIL_PORT="$SLOW_SMTP"
kill "$WORKER_PID"; wait "$WORKER_PID" 2>/dev/null || true
latency "no Redis (in-process), SMTP taking 1 s" REDIS_URL= MAIL_PORT="$SLOW_SMTP"
echo "(logs in $OUT/)"
