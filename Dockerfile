# syntax=docker/dockerfile:1
# BuildKit syntax: cache mounts for ~/.m2 and a heredoc for the start script.

# ---------------------------------------------------------------------------------------------------
# Build: the same `./mvnw -B -DskipTests package` a developer runs; CI runs the tests before this.
# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Application Insights Java agent, attached only in Azure (see the start script). It forwards the
# app's Micrometer meters (sms.sent.*, sms.failed.*, sms.send.duration, ...) to App Insights
# customMetrics, which the Terraform alert queries read. Empty = image without the agent.
ARG APPINSIGHTS_AGENT_VERSION=3.5.3

# Build inputs only (.dockerignore keeps target/, data/, .env and the deployment files out).
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw

COPY src src
# ~/.m2 is a cache mount: dependencies and the wrapper's Maven survive between builds, not in layers.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
 && cp target/sms-notification-service-*.jar /workspace/app.jar

RUN --mount=type=cache,target=/root/.m2 \
    mkdir -p /workspace/agent \
 && if [ -n "${APPINSIGHTS_AGENT_VERSION}" ]; then \
      ./mvnw -B -q dependency:copy \
        -Dartifact=com.microsoft.azure:applicationinsights-agent:${APPINSIGHTS_AGENT_VERSION} \
        -DoutputDirectory=/workspace/agent -Dmdep.stripVersion=true; \
    fi

# Spring Boot's CDS-friendly layout: app.jar + lib/, split into layers (dependencies change less often
# than application classes). Empty layers are created so every COPY below finds its directory.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted \
 && mkdir -p extracted/dependencies extracted/spring-boot-loader \
             extracted/snapshot-dependencies extracted/application

# ---------------------------------------------------------------------------------------------------
# Runtime: Java 25 runs the Java 17 build for its AOT cache (below), which halves the time to ready.
# ---------------------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

# The Ubuntu-based Temurin images ship curl (and wget) "for historical reasons"
# (adoptium/containers#255); the Alpine ones do not. Fail the build here, not the health check later,
# if a future base image drops it.
RUN command -v curl >/dev/null

# Unprivileged user with a fixed uid (Ubuntu 24.04 already uses 1000 for `ubuntu`).
RUN groupadd --system --gid 10001 sms \
 && useradd --system --uid 10001 --gid sms --no-create-home --home-dir /app --shell /usr/sbin/nologin sms

WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
COPY --from=build /workspace/agent/ ./

# AOT cache for start-up (DESIGN.md: < 5 s target; JEPs 483, 514 and 515: classes loaded and linked, and
# method profiles; ready in 3.2-3.9 s here against 4.7-5.1 s with Java 17's AppCDS archive; README: benchmark).
# The training run starts the whole service with the default, embedded profile (H2 + embedded broker,
# nothing external) and stops it once /health/ready answers; the JVM writes the cache as it exits. Same
# JVM and same `-jar /app/app.jar` path as at run time, or the JVM ignores the cache. Best effort: if
# training fails or hangs, the image simply starts without the cache.
ARG AOT_CACHE=true
RUN if [ "${AOT_CACHE}" = "true" ]; then \
      SMS_DATA_DIR=/tmp/aot-training SMS_ROUTES_RELOAD=false PORT=8099 \
        java -XX:AOTCacheOutput=/app/app.aot -jar /app/app.jar & pid=$!; \
      ready=false; \
      for i in $(seq 1 300); do \
        if curl -fs -o /dev/null http://127.0.0.1:8099/health/ready; then ready=true; break; fi; \
        kill -0 "$pid" 2>/dev/null || break; \
        sleep 1; \
      done; \
      kill -TERM "$pid" 2>/dev/null; wait "$pid" || true; \
      if [ "$ready" != true ] || [ ! -f /app/app.aot ]; then \
        echo "AOT cache training run failed; the image starts without app.aot"; rm -f /app/app.aot; \
      fi; \
      rm -rf /tmp/aot-training; \
    fi

COPY --chmod=755 <<'EOF' /app/entrypoint.sh
#!/bin/sh
# Starts the service. Attaches the Application Insights agent when a connection string is configured
# (Azure), uses the AOT cache otherwise when the image has one, and adds JAVA_OPTS (split on spaces).
set -e
set -- -jar /app/app.jar "$@"
if [ -n "${APPLICATIONINSIGHTS_CONNECTION_STRING:-}" ] && [ -f /app/applicationinsights-agent.jar ]; then
  # Not with the AOT cache: the agent's modules and options differ from the training run's, and it appends to
  # the boot class path, so the JVM would refuse the cache with an error at start (ready in 10 s either way).
  # shellcheck disable=SC2086
  set -- -javaagent:/app/applicationinsights-agent.jar ${AGENT_JAVA_OPTS:-} "$@"
elif [ -f /app/app.aot ]; then
  set -- -XX:AOTCache=/app/app.aot "$@"
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} "$@"
EOF

# Writable data directory for the default (embedded) profile; the azure profile writes nothing locally.
RUN mkdir -p /app/data && chown sms:sms /app/data

# The agent's own JVM options. Agent 3.5.3 (APPINSIGHTS_AGENT_VERSION, the newest on the registry this was
# built from) predates Java 25: without the first it fails to start, without the second it starts but forwards
# none of the app's meters, requests or dependencies (ApplicationInsightsAgentIT). Empty for a release that
# supports Java 25.
ENV AGENT_JAVA_OPTS="--add-opens=java.base/java.lang=ALL-UNNAMED -Dnet.bytebuddy.experimental=true"

# Container-aware JVM defaults, read by the JVM itself (no shell needed): heap sized from the container's memory
# limit and committed whole from the start (from a smaller initial heap, G1 kept the benchmark's heap at 220-330 of
# its 384 MB and started a marking cycle about every second under load, its threads using 60% more CPU per event;
# README: benchmark); exit on OOM so the platform restarts the replica instead of leaving a half-dead JVM; and a
# 20 ms pause goal for G1, the p99 budget (with the benchmark's 384 MB heap G1 cannot meet a 10 ms goal, and chasing it
# collected more than twice as often, README: benchmark). The JVM picks the collector from the replica's size, on
# purpose: the default replica (0.5 vCPU, 1 GiB) is one processor to it, and there it runs Serial, which ignores the
# goal and, on one CPU, drained 19% faster than G1 with a lower p99 in one run each, for a full collection of about
# half a second every few minutes; from two processors and about 1.8 GB it runs G1, whose short pauses win there
# (README: benchmark). Add flags with JAVA_OPTS rather than replacing these.
ENV JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75 -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    JAVA_OPTS="" \
    SPRING_PROFILES_ACTIVE=azure \
    SMS_DATA_DIR=/app/data \
    PORT=8080 \
    APPLICATIONINSIGHTS_ROLE_NAME=sms-notification-service

USER sms:sms
EXPOSE 8080

# Liveness only (the JVM answers); readiness (database, broker, routes) is the orchestrator's probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/health/live" || exit 1

ENTRYPOINT ["/app/entrypoint.sh"]
