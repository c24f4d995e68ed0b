# One Dockerfile for every service: docker build --build-arg MODULE=analytics-service .
# Stage 1 builds the module inside the image, so `docker compose up --build` needs nothing else.
FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN ./mvnw -B -q -pl "${MODULE}" -am package -DskipTests

# The one-shot sample loader of docker compose (--target sample, MODULE=data-generator):
# the data generator and bin/load-sample, which imports a generated store through the services' APIs.
FROM eclipse-temurin:25-jre-noble AS sample
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app storefront
COPY --from=build --chown=10001:10001 /src/data-generator/target/data-generator.jar /app/data-generator/target/
COPY --chown=10001:10001 bin/lib.sh bin/load-sample /app/bin/
USER 10001
WORKDIR /app
ENTRYPOINT ["/app/bin/load-sample"]

# Stage 2 (the default target): the JRE, fontconfig and a font (charts are drawn with Java2D), a non-root user.
FROM eclipse-temurin:25-jre-noble
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app storefront
ARG MODULE
COPY --from=build --chown=10001:10001 /src/${MODULE}/target/quarkus-app /app
USER 10001
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-Djava.awt.headless=true -XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=5 \
  CMD curl -fs "http://localhost:${QUARKUS_HTTP_PORT:-8080}/q/health/ready" || exit 1
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
