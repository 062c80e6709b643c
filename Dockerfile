# One build, one image per service: `docker build --target ingest-service .` (docker-compose does this for each).
# Each service image holds only that service: its own jar and its own runtime dependencies (target/lib of its
# module). No wire CLI, no other service, no embedded broker, no Scala: each service module's ServiceImageIT checks
# this Dockerfile against the built folders, and scripts/image-contents.sh lists what every image gets.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependency cache: the poms alone, then every dependency and plugin the build needs, in a layer of its own that is
# rebuilt only when a pom changes (a source change starts at the COPY of the sources below).
# Every module's pom is needed here, since the root pom names them all (DockerfileTest checks the list).
COPY pom.xml ./
COPY contracts/pom.xml contracts/
COPY newsformats/pom.xml newsformats/
COPY runtime/pom.xml runtime/
COPY subscriptions/pom.xml subscriptions/
COPY local-kafka/pom.xml local-kafka/
COPY test-support/pom.xml test-support/
COPY ingest-service/pom.xml ingest-service/
COPY enrich-stream/pom.xml enrich-stream/
COPY enrich-stream/normalise/pom.xml enrich-stream/normalise/
COPY enrich-stream/dedupe/pom.xml enrich-stream/dedupe/
COPY enrich-stream/tagging/pom.xml enrich-stream/tagging/
COPY enrich-stream/service/pom.xml enrich-stream/service/
COPY publish-service/pom.xml publish-service/
COPY subscriber-service/pom.xml subscriber-service/
COPY ops/pom.xml ops/
COPY quality/pom.xml quality/
COPY wire-cli/pom.xml wire-cli/
RUN mvn -B -q dependency:go-offline -pl ingest-service,enrich-stream/service,publish-service,subscriber-service,ops -am
COPY . .
# not offline: go-offline misses a few artifacts Maven adds to old plugins at run time; they come down here
RUN mvn -B -q -DskipTests package -pl ingest-service,enrich-stream/service,publish-service,subscriber-service,ops -am

FROM eclipse-temurin:17-jre AS runtime
RUN useradd --system --uid 10001 wirestream && mkdir -p /data && chown wirestream /data
USER wirestream
WORKDIR /data
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"

# In each service image: /app/lib (the dependencies, a layer that changes seldom), then the service's jar, whose
# manifest names its main class and lib/ as its class path.
FROM runtime AS ingest-service
COPY --from=build /src/ingest-service/target/lib /app/lib
COPY --from=build /src/ingest-service/target/ingest-service.jar /app/ingest-service.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ingest-service.jar"]

FROM runtime AS enrich-stream
COPY --from=build /src/enrich-stream/service/target/lib /app/lib
COPY --from=build /src/enrich-stream/service/target/enrich-service.jar /app/enrich-service.jar
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "/app/enrich-service.jar"]

FROM runtime AS publish-service
COPY --from=build /src/publish-service/target/lib /app/lib
COPY --from=build /src/publish-service/target/publish-service.jar /app/publish-service.jar
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "/app/publish-service.jar"]

FROM runtime AS subscriber-service
COPY --from=build /src/subscriber-service/target/lib /app/lib
COPY --from=build /src/subscriber-service/target/subscriber-service.jar /app/subscriber-service.jar
EXPOSE 8084
ENTRYPOINT ["java", "-jar", "/app/subscriber-service.jar"]

FROM runtime AS ops
COPY --from=build /src/ops/target/lib /app/lib
COPY --from=build /src/ops/target/ops.jar /app/ops.jar
EXPOSE 8090
ENTRYPOINT ["java", "-jar", "/app/ops.jar"]
