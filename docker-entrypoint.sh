#!/bin/sh
# Starts Stores API in one of its roles (README "Deploy"):
#   docker-entrypoint.sh [web|worker|migrate] [extra Spring Boot arguments...]
#   web      (default) serve the API on $PORT, on all interfaces, migrating the database first
#   worker   consume the email stream; no web server, no migrations (needs REDIS_URL)
#   migrate  run the database migrations and exit (0 on success)
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
  *)
    echo "docker-entrypoint.sh: unknown mode '$mode' (expected web, worker or migrate)" >&2
    exit 64
    ;;
esac
export APP_ROLE

cd "$APP_HOME"
# The AOT cache was made by a training run started from this directory with this relative jar
# path; the JVM ignores a cache whose class path does not match, so keep both as they are.
aot_cache=""
if [ -f app.aot ]; then
  aot_cache="-XX:AOTCache=app.aot"
fi

# exec: the JVM becomes this process, so SIGTERM from the platform reaches it directly.
# shellcheck disable=SC2086 # JAVA_OPTS and aot_cache are lists of options
exec "$JAVA" ${JAVA_OPTS:-} $aot_cache -jar app.jar "$@"
