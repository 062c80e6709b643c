package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.ops.lag.GroupEvaluation;
import io.wirestream.ops.lag.LagStatus;
import io.wirestream.runtime.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The operator's 3 a.m. question on a real pipeline: publish-service stops while copy keeps flowing; the lag monitor
 * reports the publish group's lag in records and in seconds growing and a non-OK status, and OK again once
 * publish-service is back and has caught up.
 */
class PublishPauseLagIT {

    static final String GROUP = "wirestream-publish-sqlite";

    @Test
    void lagGrowsWhilePublishIsStoppedAndClearsWhenItReturns() throws Exception {
        try (LocalPipeline pipeline = new LocalPipeline(Files.createTempDirectory("wire-lag-"), PipelineJourneys.freePorts())
                .start(Settings.ofValues(Map.of()), false,
                        Map.of("ops.lag.interval", "1s", "ops.lag.window", "6", "ops.lag.min.span", "3s"))) {
            HttpClient http = HttpClient.newHttpClient();
            push(pipeline, http, 0);
            // caught up with committed positions (a group without commits has no lag to measure yet)
            await().atMost(Duration.ofSeconds(90)).until(() -> group(pipeline).map(g -> !g.partitions().isEmpty() && g.status() == LagStatus.OK && g.lagRecords() == 0).orElse(false));

            pipeline.publish().stop();
            for (int i = 1; i <= 3; i++) {
                push(pipeline, http, i);
            }
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                GroupEvaluation g = group(pipeline).orElseThrow();
                assertThat(g.lagRecords()).as("records waiting for publish-service: %s", g).isPositive();
                assertThat(g.status()).as(g.reason()).isNotEqualTo(LagStatus.OK);
            });
            GroupEvaluation before = group(pipeline).orElseThrow();
            for (int i = 4; i <= 6; i++) {
                push(pipeline, http, i);
            }
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                GroupEvaluation g = group(pipeline).orElseThrow();
                assertThat(g.lagRecords()).as("lag in records grows while copy keeps flowing").isGreaterThan(before.lagRecords());
                assertThat(g.lagSeconds()).as("the oldest waiting record ages").isGreaterThan(before.lagSeconds());
                assertThat(g.status()).isNotEqualTo(LagStatus.OK);
            });

            pipeline.publish().start();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                GroupEvaluation g = group(pipeline).orElseThrow();
                assertThat(g.lagRecords()).isZero();
                assertThat(g.status()).as(g.reason()).isEqualTo(LagStatus.OK);
            });
        }
    }

    static Optional<GroupEvaluation> group(LocalPipeline pipeline) {
        return pipeline.ops().lagMonitor().latest().group(GROUP);
    }

    static void push(LocalPipeline pipeline, HttpClient http, int n) throws Exception {
        String item = "<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:lag.example:" + n
                + "\" version=\"1\"><itemMeta><itemClass qcode=\"ninat:text\"/><versionCreated>2026-03-06T10:00:0" + n
                + "Z</versionCreated><pubStatus qcode=\"stat:usable\"/></itemMeta><contentMeta><headline>Lag story number " + n
                + " about the " + (n % 2 == 0 ? "harbour" : "orchard") + " " + n + "</headline></contentMeta><contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Story " + n + " body text, unique words " + n * 7919
                + " river" + n + " station" + n + " minister" + n + " festival" + n + ".</p></body></html></inlineXML></contentSet></newsItem>";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/v1/items"))
                .header("Authorization", "Bearer " + pipeline.apiKey("acme")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(item, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
}
