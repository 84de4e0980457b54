#!/usr/bin/env bash
# Email pipeline benchmark: emails per second through one worker over SMTP and over Mailgun's HTTP
# API (local stand-ins), and POST /register latency with a fast and with a slow (1 s per message)
# SMTP server. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

JOBS=${JOBS:-3000}
REGISTRATIONS=${REGISTRATIONS:-100}
APP_PORT=${APP_PORT:-18081}
REDIS_PORT=${REDIS_PORT:-56379}
FAST_SMTP=${FAST_SMTP:-2525}
SLOW_SMTP=${SLOW_SMTP:-2526}
MAILGUN_PORT=${MAILGUN_PORT:-2580}
BASE="http://localhost:$APP_PORT"

build
start_postgres "${PG_PORT:-55433}"
echo "== starting Redis, two SMTP sinks (fast, and 1 s per message) and a Mailgun HTTP API stand-in"
start_helper redis "Redis ready" dev.storesapi.support.BenchRedis "$REDIS_PORT"
start_helper smtp-fast "sink ready" dev.storesapi.support.BenchSmtpSink "$FAST_SMTP" 0 "$OUT/smtp-fast.count"
start_helper smtp-slow "sink ready" dev.storesapi.support.BenchSmtpSink "$SLOW_SMTP" 1000 "$OUT/smtp-slow.count"
start_helper mailgun "sink ready" dev.storesapi.support.BenchMailgunSink "$MAILGUN_PORT" "$OUT/mailgun.count"
# The benchmark registers from one address: the sign-up limit (10 an hour per IP) is not its subject.
export REDIS_URL="redis://localhost:$REDIS_PORT" MAIL_HOST=127.0.0.1 RATE_LIMIT_ENABLED=false
MAILGUN=(MAILGUN_API_KEY=bench-key MAILGUN_DOMAIN=bench.example.com "MAILGUN_API_BASE=http://127.0.0.1:$MAILGUN_PORT")

register_jobs() { # how many
  python3 - "$BASE" "$1" <<'PY'
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
}

# Emails per second of one worker draining $JOBS queued jobs, timed from the first third sent (the
# JIT warms up on those) to the last; every send is claimed and recorded in PostgreSQL.
throughput() { # label, count-file, worker env...
  local label=$1 count_file=$2
  shift 2
  local before
  before=$(cat "$count_file")
  register_jobs "$JOBS"
  start_app worker "" APP_ROLE=worker "$@"
  local worker=$LAST_PID warm=$((before + JOBS / 3)) target=$((before + JOBS)) first="" last="" n
  for _ in $(seq 1 12000); do
    n=$(cat "$count_file" 2>/dev/null || true)
    n=${n:-0}
    if [ -z "$first" ] && [ "$n" -ge "$warm" ]; then first=$(date +%s.%N); first_n=$n; fi
    if [ "$n" -ge "$target" ]; then last=$(date +%s.%N); break; fi
    sleep 0.02
  done
  [ -n "$last" ] || { echo "only $((n - before)) of $JOBS emails arrived" >&2; exit 1; }
  local rate
  rate=$(python3 -c "print(f'{($target - $first_n) / ($last - $first):.0f}')")
  printf '| %-44s | %6s emails/s |\n' "$label" "$rate"
  kill "$worker"; wait "$worker" 2>/dev/null || true
}

echo "== 1. throughput: $JOBS jobs queued while no worker runs, then one worker drains them"
echo "   (EMAIL_WORKER_CONCURRENCY=${EMAIL_WORKER_CONCURRENCY:-8})"
echo "| transport                                    |        rate      |"
echo "|----------------------------------------------|------------------|"
start_app web "$BASE/actuator/health/readiness" PORT="$APP_PORT"
WEB_PID=$LAST_PID
throughput "SMTP to a local sink" "$OUT/smtp-fast.count" MAIL_PORT="$FAST_SMTP"
throughput "Mailgun HTTP API to a local stand-in" "$OUT/mailgun.count" "${MAILGUN[@]}"
kill "$WEB_PID"; wait "$WEB_PID" 2>/dev/null || true

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
