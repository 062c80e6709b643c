package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.runtime.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a running local pipeline beyond offsets: enrich-stream answers its own /health/live and
 * /health/ready on the port base, the ops page lists the demo's stories without the one the demo killed (and no
 * related link names it), the Subscribers section lists local mode's subscribers found through subscriber-service's
 * readiness URL, and once enrich-stream goes away the ops API turns ERR and says why.
 */
class OperatorViewOfLocalPipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void enrichHasItsOwnHealthKilledStoriesLeaveThePageAndAMissingStageIsAnError() throws Exception {
        LocalPorts ports = PipelineJourneys.freePorts();
        try (LocalPipeline pipeline = new LocalPipeline(Files.createTempDirectory("wire-operator-"), ports)
                .start(Settings.ofValues(Map.of()), false, Map.of("ops.lag.interval", "1s"))) {
            assertThat(pipeline.enrichUrl()).isEqualTo("http://127.0.0.1:" + ports.enrich());
            assertThat(get(pipeline.enrichUrl() + "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(pipeline.enrichUrl() + "/health/ready").statusCode()).isEqualTo(200);

            DemoRunner.Report report = new DemoRunner(pipeline)
                    .run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            String killed = report.outcomes().stream().filter(o -> o.item().expect().equals("kill"))
                    .map(o -> o.item().uri()).findFirst().orElseThrow();
            assertThat(report.allExpectationsHeld()).isTrue();

            await("services ready, stories listed").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode overview = overview(pipeline);
                List<String> watched = new ArrayList<>();
                overview.path("services").forEach(s -> watched.add(s.path("service").asText()));
                // local mode runs subscriber-service too (issue 21): the ops page watches every service it started
                assertThat(watched).containsExactlyInAnyOrder("ingest-service", "enrich-stream", "publish-service",
                        "subscriber-service");
                assertThat(overview.path("services")).allSatisfy(s -> assertThat(s.path("ready").asBoolean())
                        .as(s.toString()).isTrue());
                assertThat(overview.path("stories").size()).isGreaterThanOrEqualTo(3);
            });
            // the Subscribers section: ops found subscriber-service through its readiness URL and lists local mode's
            // three subscribers, each OK, with the fan-out's lag measured
            await("local mode's subscribers on the ops page").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode reports = overview(pipeline).path("subscribers");
                assertThat(reports).singleElement().satisfies(r -> {
                    assertThat(r.path("service").asText()).isEqualTo("subscriber-service");
                    assertThat(r.path("problem").isNull()).as(r.toString()).isTrue();
                    List<String> ids = new ArrayList<>();
                    r.path("subscribers").forEach(s -> ids.add(s.path("id").asText()));
                    assertThat(ids).containsExactly("nordic-desk", "urgent-wire", "business-desk");
                    assertThat(r.path("subscribers")).allSatisfy(s -> {
                        assertThat(s.path("status").asText()).as(s.toString()).isEqualTo("OK");
                        assertThat(s.path("topic").asText()).startsWith("wire.sub.");
                    });
                    assertThat(r.path("subscribers")).anySatisfy(s -> assertThat(s.path("topicLastDeliveryAt").isTextual())
                            .as("the demo's stories reached some subscriber's topic").isTrue());
                });
            });
            JsonNode stories = overview(pipeline).path("stories");
            List<String> listed = new ArrayList<>();
            List<String> linked = new ArrayList<>();
            stories.forEach(s -> {
                listed.add(s.path("uri").asText());
                s.path("related").forEach(r -> linked.add(r.path("uri").asText()));
            });
            assertThat(listed).as("the killed story %s is off the list", killed).doesNotContain(killed).doesNotHaveDuplicates();
            assertThat(linked).doesNotContain(killed);

            pipeline.enrich().stop();
            await("enrich gone: ERR with the reason").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode overview = overview(pipeline);
                assertThat(overview.path("overallStatus").asText()).isEqualTo("ERR");
                List<String> reasons = new ArrayList<>();
                overview.path("stages").forEach(s -> reasons.add(s.path("status").asText() + " " + s.path("reason").asText()));
                assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("ERR enrich-stream not ready: unreachable"));
            });
        }
    }

    private static JsonNode overview(LocalPipeline pipeline) throws Exception {
        HttpResponse<String> r = get(pipeline.opsUrl() + "/api/overview");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
