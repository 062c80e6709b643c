package io.wirestream.subscribers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.OpenApiContract;
import io.wirestream.runtime.metrics.ScrapedMetrics;
import io.wirestream.subscribers.SubscriberService;
import io.wirestream.subscribers.SubscriberSettings;
import io.wirestream.subscriptions.testing.Stories;
import io.wirestream.subscribers.testing.SubscriberCluster;
import io.wirestream.subscribers.testing.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of each subscriber on the running service (real broker, registry and a webhook endpoint
 * that is down): {@code GET /health/subscribers} says the webhook is retrying, since when and why, how much waits
 * and for how long, when the topic last received a version, and the fan-out's lag; {@code /metrics} carries the same
 * per subscriber under the project's naming rules; every documented route answers as its OpenAPI document says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorRoutesIT {

    private static final String APP = "operator-it";
    private static final String TOKEN = "operator-it-token-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract CONTRACT = OpenApiContract.of(ApiDocs.fromClasspath("/io/wirestream/subscribers/openapi.yaml"));

    private SubscriberCluster cluster;
    private WebhookReceiver downSite;
    private SubscriberService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = new SubscriberCluster();
        downSite = new WebhookReceiver(Map.of("down-site", "down-site-secret-0123456789"));
        downSite.down(true);
        Path file = dir.resolve("subscribers.yaml");
        Files.writeString(file, """
                subscribers:
                  - id: down-site
                    products: [{name: news, agencies: [down]}]
                    channels:
                      webhook: {url: "%s", secret: {value: down-site-secret-0123456789}}
                  - id: topic-site
                    name: Topic site
                    products: [{name: all, agencies: [up]}]
                    channels:
                      topic: true
                """.formatted(downSite.url()));
        Settings settings = cluster.serviceSettings(file, dir.resolve("state"), APP).with(Map.of(SubscriberSettings.ADMIN_TOKEN.key(), TOKEN));
        service = new SubscriberService(settings, Map.of(), Clock.systemUTC(), null);
        service.start();
        cluster.publish(Stories.usable("down-1", 1, "down", Stories.POLITICS), Stories.usable("up-1", 1, "up", Stories.SPORT));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (downSite != null) {
            downSite.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private JsonNode subscriber(JsonNode status, String id) {
        for (JsonNode s : status.path("subscribers")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        return JSON.missingNode();
    }

    @Test
    void theStatusRouteSaysWhichWebhookIsRetryingSinceWhenAndWhyAndWhenEachChannelLastDelivered() throws Exception {
        Instant before = Instant.now();
        await().atMost(PATIENCE).until(() -> subscriber(status(), "down-site").path("webhook").path("state").asText().equals("RETRYING"));
        await().atMost(PATIENCE).until(() -> subscriber(status(), "topic-site").path("topic").has("lastDeliveryAt")
                && status().path("fanOut").has("sampledAt") && status().path("fanOut").path("lagRecords").asLong() == 0);
        JsonNode status = status();
        JsonNode webhook = subscriber(status, "down-site").path("webhook");
        assertThat(webhook.path("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(Instant.parse(webhook.path("retryingSince").asText())).isAfter(before.minusSeconds(5));
        assertThat(Instant.parse(webhook.path("giveUpAt").asText())).isAfter(Instant.parse(webhook.path("retryingSince").asText()));
        assertThat(webhook.path("queued").asInt()).isEqualTo(1);
        assertThat(webhook.path("failures").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(webhook.path("host").asText()).isEqualTo("127.0.0.1");
        assertThat(webhook.has("lastQueuedAt")).isTrue();
        assertThat(webhook.has("lastDeliveryAt")).as("nothing reached it").isFalse();
        JsonNode topicSite = subscriber(status, "topic-site");
        assertThat(topicSite.path("topic").path("name").asText()).isEqualTo("wire.sub.topic-site");
        assertThat(Instant.parse(topicSite.path("topic").path("lastDeliveryAt").asText())).isAfter(before.minusSeconds(5));
        assertThat(topicSite.has("webhook")).isFalse();
        assertThat(topicSite.path("fanOutFailures").asLong()).isZero();
        assertThat(status.path("fanOut").has("problem")).as(status.path("fanOut").toString()).isFalse();

        String scrape = service.metrics().scrape();
        assertThat(scrape)
                .contains("wirestream_subscribers_webhook_state{service=\"subscriber-service\",subscriber=\"down-site\"} 1.0")
                .contains("wirestream_subscribers_fanout_lag_records{service=\"subscriber-service\",subscriber=\"topic-site\"} 0.0")
                .contains("wirestream_subscribers_fanout_lag_seconds{service=\"subscriber-service\",subscriber=\"down-site\"} 0.0")
                .containsPattern("wirestream_subscribers_last_delivery_timestamp_seconds\\{channel=\"topic\",service=\"subscriber-service\",subscriber=\"topic-site\"} 1\\.[0-9.E]+")
                .containsPattern("wirestream_subscribers_webhook_lag_seconds\\{service=\"subscriber-service\",subscriber=\"down-site\"} [0-9.E]+");
        assertThat(ScrapedMetrics.parse(scrape).conventionProblems()).as("the project's metric naming rules").isEmpty();
    }

    @Test
    void everyDocumentedRouteOfTheRunningServiceAnswersAsDocumented() throws Exception {
        assertThat(CONTRACT.routeMismatches(service.routes())).isEmpty();
        List<String> violations = new ArrayList<>();
        List<String> calls = List.of("GET /health/subscribers", "GET /v1/subscribers", "GET /v1/dead-letters?subscriber=down-site",
                "POST /v1/dead-letters/replay?subscriber=down-site&since=2026-01-01T00:00:00Z", "POST /v1/dead-letters/replay?subscriber=nobody",
                "GET /health/live", "GET /health/ready", "GET /metrics");
        for (String call : calls) {
            String method = call.substring(0, call.indexOf(' '));
            String target = call.substring(call.indexOf(' ') + 1);
            HttpResponse<String> response = send(method, target);
            HttpRoute route = new HttpRoute(method, target.contains("?") ? target.substring(0, target.indexOf('?')) : target);
            assertThat(response.statusCode()).as(call).isIn(200, 404, 503);
            violations.addAll(CONTRACT.responseViolations(route, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body()));
        }
        assertThat(send("POST", "/v1/dead-letters/replay?subscriber=nobody").statusCode()).isEqualTo(404);
        assertThat(violations).isEmpty();
    }

    private JsonNode status() throws Exception {
        HttpResponse<String> response = send("GET", "/health/subscribers");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String target) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + target))
                .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
