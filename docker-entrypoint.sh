#!/bin/sh
# Starts Stores API in one of its roles (docs/deploy.md):
#   docker-entrypoint.sh [web|worker|migrate] [extra Spring Boot arguments...]
#   web      (default) serve the API on $PORT, on all interfaces, migrating the database first
#   worker   consume the email stream; no web server, no migrations (needs REDIS_URL)
#   migrate  run the database migrations and exit (0 on success)
#   aot-training  (the image build only) the AOT training run that writes app.aot
set -eu

APP_HOME=${APP_HOME:-/app}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# Tolerate platforms that pass the script's own name again (a "docker command" of
# "docker-entrypoint.sh worker" given as arguments to this entrypoint).
case "${1:-}" in
  docker-entrypoint.sh | */docker-entrypoint.sh) shift ;;
esac

mode=${1:-web}
if [ $# -gt 0 ]; then
  shift
fi

case "$mode" in
  web | worker | migrate) APP_ROLE=$mode ;;
  aot-training) APP_ROLE=web ;;
  *)
    echo "docker-entrypoint.sh: unknown mode '$mode' (expected web, worker or migrate)" >&2
    exit 64
    ;;
esac
export APP_ROLE

# The CPUs this container may use: its CPU quota rounded up (cgroup v2 cpu.max, or v1's CFS quota
# and period), else the processors it sees. The JVM counts the same way. (CGROUP_ROOT: for tests.)
container_cpus() {
  cgroup=${CGROUP_ROOT:-/sys/fs/cgroup}
  quota=""
  period=""
  if [ -r "$cgroup/cpu.max" ]; then
    read -r quota period <"$cgroup/cpu.max"
  elif [ -r "$cgroup/cpu/cpu.cfs_quota_us" ] && [ -r "$cgroup/cpu/cpu.cfs_period_us" ]; then
    quota=$(cat "$cgroup/cpu/cpu.cfs_quota_us")
    period=$(cat "$cgroup/cpu/cpu.cfs_period_us")
  fi
  case "$quota" in
    "" | max | -*) nproc ;;
    *) echo $(((quota + period - 1) / period)) ;;
  esac
}

# JVM options for a 512 MiB container; docs/deploy.md "Memory and start-up settings" explains each.
# JAVA_OPTS comes last, so any of them can be overridden there.
jvm_options="-XX:+UseSerialGC -XX:MaxRAMPercentage=25 -XX:InitialRAMPercentage=12.5 -Xss512k \
-XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError \
-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:-AOTAdapterCaching \
-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider"
# The AOT training run goes without the next two (docs/deploy.md "AOT cache"): it needs more
# metaspace than a start from the cache, and a cache trained with C1 alone keeps C2 from helping.
if [ "$mode" != aot-training ]; then
  # With the AOT cache most class metadata is mapped from app.aot.
  jvm_options="$jvm_options -XX:MaxMetaspaceSize=128m"
  if [ "$(container_cpus)" -le 1 ]; then
    # One CPU or less (Render's free, starter and standard instances): the C1 compiler only. C2's
    # compilations would take most of a small CPU quota during start-up and hold memory after it.
    # The AOT cache's method profiles are for C2; replaying them would only have C1 compile, during
    # start-up, what the training run found hot later.
    jvm_options="$jvm_options -XX:TieredStopAtLevel=1 -XX:-AOTReplayTraining"
  fi
fi

# Spring AOT (docs/deploy.md "Spring AOT"): the web service starts from the bean definitions the
# build generated, which fit every configuration it runs in; the training run uses them too, so
# that the AOT cache holds the classes such a start loads. The worker and migrate roles, which run
# no web server, start the usual way. SPRING_AOT=off opts out (for a setting that switches one of
# Spring Boot's own features on or off, such as SPRING_FLYWAY_ENABLED).
if [ "$APP_ROLE" = web ] && [ "${SPRING_AOT:-on}" != off ]; then
  jvm_options="$jvm_options -Dspring.aot.enabled=true"
fi

cd "$APP_HOME"
# The AOT cache was made by a training run started from this directory with this relative jar
# path; the JVM ignores a cache whose class path does not match, so keep both as they are.
aot_cache=""
if [ "$mode" = aot-training ]; then
  aot_cache="-XX:AOTCacheOutput=app.aot"
elif [ -f app.aot ]; then
  aot_cache="-XX:AOTCache=app.aot"
fi

# exec: the JVM becomes this process, so SIGTERM from the platform reaches it directly.
# shellcheck disable=SC2086 # the options are lists
exec "$JAVA" $jvm_options ${JAVA_OPTS:-} $aot_cache -jar app.jar "$@"
