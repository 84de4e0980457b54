#!/usr/bin/env bash
# Shared by the bench/ scripts: build once, start helper servers from the test classpath, clean up.
set -euo pipefail

OUT=bench/out
mkdir -p "$OUT"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
pids=()
containers=() # Docker containers to remove on exit (bench/container.sh, .ci/image)

cleanup() {
  for id in "${containers[@]}"; do "$DOCKER" rm -f "$id" >/dev/null 2>&1 || true; done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Only our own helpers: a bare `wait` would also wait for a daemon this shell started (dockerd).
  if [ ${#pids[@]} -gt 0 ]; then wait "${pids[@]}" 2>/dev/null || true; fi
}
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
  # Jakarta Mail's stream provider named, as docker-entrypoint.sh does (docs/deploy.md).
  # shellcheck disable=SC2086
  env "$@" "$JAVA" -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider \
    ${JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
  pids+=($!)
  export LAST_PID=$!
  if [ -n "$health" ]; then wait_for "$health" 90; fi
}

# ---- the Docker image (bench/container.sh, .ci/image) -------------------------------------------

# Debian's docker.io client (BuildKit built in) rather than another client earlier on the PATH.
if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
STANDIN_IMAGES=${STANDIN_IMAGES:-../shared/docker/standin-images.sh}

# Builds the repository's Dockerfile as the given tag. Where no image registry answers (our
# machines), it first builds local stand-ins of the base images with $STANDIN_IMAGES and drops the
# "# syntax=" line, which BuildKit would fetch from a registry; the Dockerfile is otherwise unchanged.
build_image() { # tag
  local dockerfile=Dockerfile
  if ! "$DOCKER" info >/dev/null 2>&1 || ! timeout 30 "$DOCKER" pull -q eclipse-temurin:25-jre >/dev/null 2>&1; then
    [ -f "$STANDIN_IMAGES" ] || { echo "no image registry answers and $STANDIN_IMAGES is missing" >&2; return 1; }
    echo "== no image registry answers: stand-in base images ($STANDIN_IMAGES)"
    # From /tmp: the script's own Maven must not read this project's .mvn/jvm.config.
    (cd /tmp && bash "$OLDPWD/$STANDIN_IMAGES")
    sed '1{/^# syntax=/d}' Dockerfile >"$OUT/Dockerfile.offline"
    dockerfile=$OUT/Dockerfile.offline
  fi
  echo "== docker build -t $1"
  DOCKER_BUILDKIT=1 "$DOCKER" build --network host -f "$dockerfile" -t "$1" . >"$OUT/docker-build.log" 2>&1 \
    || { tail -40 "$OUT/docker-build.log" >&2; return 1; }
}

# What the image benchmarks share: wrk, the jar (for the helper servers), the image unless
# BUILD_IMAGE=0, and the web service's neighbours as the Render Blueprints give them: PostgreSQL and Redis on
# this host (REDIS_URL exported, so the email queue is the Redis stream), a random JWT key.
prepare_image_bench() { # image tag, PostgreSQL port, Redis port
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  build
  if [ "${BUILD_IMAGE:-1}" != 0 ]; then build_image "$1"; fi
  start_postgres "$2"
  start_helper "redis-$3" "Redis ready" dev.storesapi.support.BenchRedis "$3"
  REDIS_URL=redis://127.0.0.1:$3
  JWT_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
  export JWT_SECRET_KEY REDIS_URL
}

# Runs $IMAGE as Render runs the web service (--memory=512m, $APP_PORT, the neighbours of
# prepare_image_bench) with the given CPU quota and role; the container id is left in CONTAINER.
# EMAIL_WORKER_ENABLED=true: the web service also consumes the email stream, as on the $0 route.
start_container() { # cpus, role...
  CONTAINER=$("$DOCKER" run -d --network host --cpus="$1" --memory=512m -e PORT="$APP_PORT" \
    -e DATABASE_URL -e JWT_SECRET_KEY -e REDIS_URL ${JAVA_OPTS:+-e JAVA_OPTS} \
    ${EMAIL_WORKER_ENABLED:+-e EMAIL_WORKER_ENABLED} "$IMAGE" "${@:2}")
  containers+=("$CONTAINER")
}
stop_container() { "$DOCKER" rm -f "$CONTAINER" >/dev/null; }

# One markdown table row from a `wrk --latency` output file: req/s, p50, p99.
wrk_row() { # label, wrk output file
  printf '| %-34s | %9s | %8s | %8s |\n' "$1" "$(awk '/^Requests\/sec/ {print $2}' "$2")" \
    "$(awk '$1 == "50%" {print $2}' "$2")" "$(awk '$1 == "99%" {print $2}' "$2")"
}

# Prints the JVM's complaints about the AOT cache in a container log (a cache it cannot map, or parts
# of it made with other JVM options: "Failed to link ..."); succeeds when there are any.
aot_cache_problems() { # log file
  grep -E "Unable to (use|create|map)|Failed to link|is different from the expected|\[(error|warning)\]\[(aot|cds)" "$1"
}

# A container's cgroup directory for a v1 controller, or its v2 directory.
cgroup_dir() { # controller, container id
  local dir
  for dir in "/sys/fs/cgroup/$1/docker/$2" "/sys/fs/cgroup/$1/system.slice/docker-$2.scope" \
             "/sys/fs/cgroup/system.slice/docker-$2.scope" "/sys/fs/cgroup/docker/$2"; do
    if [ -d "$dir" ]; then echo "$dir"; return 0; fi
  done
  echo "no cgroup directory for container $2" >&2; return 1
}

container_cpu_seconds() { # container id: CPU time of everything the container ran, in seconds
  local dir
  dir=$(cgroup_dir cpuacct "$1")
  if [ -f "$dir/cpuacct.usage" ]; then awk '{printf "%.2f", $1 / 1e9}' "$dir/cpuacct.usage"
  else awk '$1 == "usage_usec" {printf "%.2f", $2 / 1e6}' "$dir/cpu.stat"; fi
}

container_rss_mib() { # container id: anonymous memory (v1 total_rss, v2 anon), in MiB
  local dir
  dir=$(cgroup_dir memory "$1")
  awk '$1 == "total_rss" || $1 == "anon" {printf "%.0f", $2 / 1048576; exit}' "$dir/memory.stat"
}

# Polls a URL until it answers 200; fails when the container stops first.
wait_for_200() { # container id, url, seconds
  local deadline=$((SECONDS + $3))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$2")" = 200 ]; do
    if [ "$("$DOCKER" inspect -f '{{.State.Running}}' "$1")" != true ] || [ $SECONDS -ge $deadline ]; then
      echo "no 200 from $2: container log follows" >&2; "$DOCKER" logs --tail 40 "$1" >&2; return 1
    fi
    sleep 0.05
  done
}
