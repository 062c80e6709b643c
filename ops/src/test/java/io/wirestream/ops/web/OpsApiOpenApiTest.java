package io.wirestream.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.ops.health.ServiceHealth;
import io.wirestream.ops.subscribers.SubscriberView;
import io.wirestream.ops.subscribers.SubscribersReport;
import io.wirestream.ops.testing.SubscriberStatusBodies;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.ops.lag.ScriptedSampler;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.OpenApiContract;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ops JSON API's OpenAPI document against {@link OpsServer}: valid OpenAPI 3.1, exactly the documented routes
 * (both ways), the document and Swagger UI served, and every reply of every route one the document describes.
 */
class OpsApiOpenApiTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final ApiDocs DOCS = ApiDocs.fromClasspath(OpsServer.OPENAPI);
    private static final OpenApiContract CONTRACT = OpenApiContract.of(DOCS);

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private LagMonitor lag;
    private OpsServer server;

    @BeforeEach
    void start() {
        ScriptedSampler sampler = new ScriptedSampler(NOW, "wirestream-publish-sqlite");
        sampler.next(0, 100, 130, 0, 500);
        lag = new LagMonitor(sampler, LagMonitorSettings.forCluster("unused:9092"), metrics);
        lag.sampleNow();
        FreshnessRecorder freshness = new FreshnessRecorder(metrics);
        freshness.record("sqlite", "reuters", Duration.ofMillis(800));
        List<ServiceHealth> services = List.of(new ServiceHealth("ingest-service", "http://127.0.0.1:1/health/ready", true, null, NOW),
                new ServiceHealth("enrich-stream", "http://127.0.0.1:2/health/ready", false, "kafka-streams: not running", NOW),
                ServiceHealth.notCheckedYet("publish-service", "http://127.0.0.1:3/health/ready"));
        List<SubscriberView> subscribers = new ArrayList<>();
        try {
            new ObjectMapper().readTree(SubscriberStatusBodies.oneOfEach()).path("subscribers")
                    .forEach(s -> subscribers.add(SubscriberView.of("subscriber-service", s)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<SubscribersReport> reports = List.of(
                new SubscribersReport("subscriber-service", "http://127.0.0.1:4/health/subscribers", NOW, null, null, subscribers),
                new SubscribersReport("subscriber-service-2", "http://127.0.0.1:5/health/subscribers", NOW, "unreachable: ConnectException",
                        null, List.of()));
        OpsDashboard dashboard = new OpsDashboard(lag::latest, freshness,
                limit -> List.of(StoryView.of(SampleArticles.article(1, "reuters", NOW))),
                limit -> List.of(RejectionView.of(SampleArticles.rejection("parse", "malformed-xml", "dpa", NOW))),
                Clock.systemUTC(), 20, () -> services, () -> reports);
        server = new OpsServer(dashboard, metrics).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        lag.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(CONTRACT.parserProblems()).isEmpty();
    }

    @Test
    void theServerHasExactlyTheDocumentedRoutesPlusTheDocsOwn() {
        assertThat(CONTRACT.routeMismatches(server.routes())).as("the ops server against openapi.yaml").isEmpty();
    }

    @Test
    void everyRouteAnswersAsDocumentedAndTheDocumentAndSwaggerUiAreServed() throws Exception {
        List<String> violations = new ArrayList<>();
        for (HttpRoute route : CONTRACT.documentedRoutes()) {
            HttpResponse<String> response = get(route.path());
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(200);
            violations.addAll(CONTRACT.responseViolations(route, response.statusCode(), type(response), response.body()));
        }
        assertThat(violations).isEmpty();

        HttpResponse<String> json = get(ApiDocs.JSON_PATH);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(type(json)).startsWith("application/json");
        HttpResponse<String> ui = get(ApiDocs.UI_PATH);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(type(ui)).startsWith("text/html");
    }
}
