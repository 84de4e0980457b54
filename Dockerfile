# syntax=docker/dockerfile:1
# Stores API: one image for the web service, the email worker and migrations
# (docker-entrypoint.sh web | worker | migrate). Build: docker build -t stores-api .

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
COPY --from=build --chown=app:app /extracted/dependencies/ ./
COPY --from=build --chown=app:app /extracted/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/application/ ./
COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER app

# Sized for a 512 MiB / 1 CPU instance: heap up to 35 % of the container's memory (measured with
# bench/startup.sh: under load the serial collector grows the heap to its cap, and the AOT cache
# maps about 145 MiB next to it), the serial collector (no GC threads to feed on one CPU), small
# thread stacks (request threads are virtual), bounded metaspace and code cache, and a restart
# rather than limping on after an OutOfMemoryError.
# The initial heap (12.5 %: 64 MiB of 512) must hold the AOT cache's archived heap objects: with
# the JVM's default (about 8 MiB there) the JVM refuses the cache. MALLOC_ARENA_MAX: glibc would
# otherwise keep up to 8 malloc arenas per core of native memory.
ENV MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:MaxRAMPercentage=35 -XX:InitialRAMPercentage=12.5 -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError"

# JDK 25 AOT cache from a training run that needs no database or Redis: the embedded defaults
# (H2 under /tmp), stopping as soon as the application context is ready. It must be made by this
# JVM, with the same options and the same relative jar path the entrypoint uses (from /app).
# hadolint ignore=SC2086
RUN DATA_DIR=/tmp/aot-training java $JAVA_OPTS -XX:AOTCacheOutput=app.aot \
        -Dspring.context.exit=onRefresh -jar app.jar \
 && rm -rf /tmp/aot-training

ENV SPRING_PROFILES_ACTIVE=prod \
    PORT=8080
EXPOSE 8080
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["web"]
