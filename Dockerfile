# One build, one image per service: `docker build --target ingest-service .` (docker-compose does this for each).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install -pl wire-cli -am

FROM eclipse-temurin:17-jre AS runtime
RUN useradd --system --uid 10001 wirestream && mkdir -p /data && chown wirestream /data
COPY --from=build /src/wire-cli/target/lib /app/lib
COPY --from=build /src/wire-cli/target/wire.jar /app/wire.jar
USER wirestream
WORKDIR /data
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"

FROM runtime AS ingest-service
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/wire.jar:/app/lib/*", "io.wirestream.ingest.IngestServiceMain"]

FROM runtime AS enrich-stream
EXPOSE 8082
ENTRYPOINT ["java", "-cp", "/app/wire.jar:/app/lib/*", "io.wirestream.enrich.service.EnrichServiceMain"]

FROM runtime AS publish-service
EXPOSE 8083
ENTRYPOINT ["java", "-cp", "/app/wire.jar:/app/lib/*", "io.wirestream.publish.PublishServiceMain"]

FROM runtime AS subscriber-service
EXPOSE 8084
ENTRYPOINT ["java", "-cp", "/app/wire.jar:/app/lib/*", "io.wirestream.subscribers.SubscriberServiceMain"]

FROM runtime AS ops
EXPOSE 8090
ENTRYPOINT ["java", "-cp", "/app/wire.jar:/app/lib/*", "io.wirestream.ops.OpsMain"]
