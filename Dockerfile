# syntax=docker/dockerfile:1
# Stores API: one image for the web service, the email worker and migrations
# (docker-entrypoint.sh web | worker | migrate). Build: docker build -t stores-api .
# Sizing, start-up and memory: docs/deploy.md and bench/README.md (bench/container.sh).

# ---- build: the Maven wrapper on a JDK 25 image --------------------------------------------
FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies and plugins in their own layer: downloaded again only when pom.xml changes.
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/stores-api-*-SNAPSHOT.jar extract --layers \
        --application-filename app.jar --destination /extracted

# ---- runtime: a JRE 25, the layers copied separately (least to most often changed) -----------
FROM eclipse-temurin:25-jre AS runtime
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
# Owned by root: the app user can read them but not change its own code.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh

# The JVM options are chosen at start by docker-entrypoint.sh from the container's CPU and memory
# limits (docs/deploy.md "Memory and start-up settings"); JAVA_OPTS adds to or overrides them.
ENV MALLOC_ARENA_MAX=2

# JDK 25 AOT cache (app.aot) from a training run on the embedded defaults (H2 under /tmp, no Redis):
# the service calls its own API for a while (config/AotTrainingWorkload) and exits, and the JVM
# writes the classes it loaded and linked and the profiles of the methods that ran. It runs as
# root because /app is root's, through the entrypoint, so with this JVM, the same relative jar
# path (the JVM ignores a cache made for another class path), the web service's JVM options and
# Spring AOT on, but both JIT compilers (docs/deploy.md "AOT cache"). The JVM exits 0 even when
# it cannot write the cache, so the build checks for the file. Its hundreds of sign-ups from
# one address would meet the rate limits (docs/security.md), so they are raised, not switched off.
RUN APP_HOME=/app DATA_DIR=/tmp/aot-training STORES_AOT_TRAINING_ENABLED=true PORT=0 \
        LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs RATE_LIMIT_LOGIN_PER_IP=100000/1m \
        RATE_LIMIT_REGISTER_PER_IP=100000/1m RATE_LIMIT_REFRESH_PER_IP=100000/1m \
        RATE_LIMIT_LOGIN_FAILURES_PER_USERNAME=100000/1m docker-entrypoint.sh aot-training \
 && test -s app.aot \
 && rm -rf /tmp/aot-training /tmp/tomcat.* /tmp/hsperfdata_root

USER app
ENV SPRING_PROFILES_ACTIVE=prod \
    PORT=8080
EXPOSE 8080
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["web"]
