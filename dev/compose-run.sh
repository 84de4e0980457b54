#!/bin/sh
# The app and worker services of compose.yaml (docs/development.md): the service from the mounted
# source, with spring-boot-devtools, which restarts it whenever target/classes changes.
#   web     compiles what changed under src/main about every second (Maven's incremental compile)
#           and runs the service with `mvn spring-boot:run`
#   worker  waits for the web service's first build, then runs the same classes in the worker role
# With the compose profile "full" up, both use its PostgreSQL, Redis and Mailpit; otherwise the web
# service runs on the embedded defaults (H2 under ./data, emails in the log).
set -eu
role=${1:-web}

# The full stack's containers are created together with this one; give their names a moment.
for _ in 1 2 3; do
  if getent hosts postgres >/dev/null 2>&1; then
    export DATABASE_URL="${DATABASE_URL:-postgres://stores:stores@postgres:5432/stores}"
    export REDIS_URL="${REDIS_URL:-redis://redis:6379}"
    export MAIL_HOST="${MAIL_HOST:-mailpit}" MAIL_PORT="${MAIL_PORT:-1025}"
    echo "dev: the full stack is up (PostgreSQL, Redis, Mailpit)"
    break
  fi
  sleep 1
done

if [ "$role" = worker ]; then
  echo "dev: waiting for the app service's first build"
  until [ -s target/dev-classpath.txt ] && [ -f target/classes/application.yml ]; do sleep 2; done
  export APP_ROLE=worker
  exec java -cp "target/classes:$(cat target/dev-classpath.txt)" dev.storesapi.StoresApiApplication
fi

mkdir -p target
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/dev-classpath.txt -Dmdep.includeScope=runtime
touch target/.dev-compiled
(
  while sleep 1; do
    if [ -n "$(find src/main -newer target/.dev-compiled -print -quit)" ]; then
      touch target/.dev-compiled
      echo "dev: sources changed, compiling"
      mvn -q -B compile || echo "dev: compilation failed; the service runs the last good build" >&2
    fi
  done
) &
exec mvn -q -B spring-boot:run
