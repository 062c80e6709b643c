package io.wirestream.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.ops.lag.ScriptedSampler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<String> readinessProblem = new AtomicReference<>();
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
        OpsDashboard dashboard = new OpsDashboard(lag::latest, freshness,
                limit -> List.of(StoryView.of(SampleArticles.article(1, "reuters", NOW))),
                limit -> List.of(RejectionView.of(SampleArticles.rejection("parse", "malformed-xml", "dpa", NOW)),
                        RejectionView.of(SampleArticles.rejection("parse", "malformed-xml", "afp", NOW))),
                Clock.systemUTC(), 20);
        server = new OpsServer(dashboard, metrics).readiness("kafka", readinessProblem::get).start("127.0.0.1", 0);
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

    @Test
    void overviewCarriesStagesLagFreshnessRejectionsAndStories() throws Exception {
        HttpResponse<String> response = get("/api/overview");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode o = OpsJson.MAPPER.readTree(response.body());
        assertThat(o.get("overallStatus").asText()).isEqualTo("STOP");
        JsonNode publish = o.get("stages").get(1);
        assertThat(o.get("stages").get(0).get("name").asText()).isEqualTo("ingest");
        assertThat(publish.get("name").asText()).isEqualTo("publish-sqlite");
        assertThat(publish.get("lagRecords").asLong()).isEqualTo(30);
        assertThat(publish.get("lagSeconds").asDouble()).isEqualTo(12.5);
        assertThat(publish.get("status").asText()).isEqualTo("STOP");
        assertThat(o.get("freshness").get(0).get("store").asText()).isEqualTo("sqlite");
        assertThat(o.get("rejectionReasons").get("parse/malformed-xml").asLong()).isEqualTo(2);
        assertThat(o.get("rejections").get(0).get("excerpt").asText()).hasSizeLessThanOrEqualTo(161);
        JsonNode story = o.get("stories").get(0);
        assertThat(story.get("receivedAt").asText()).isEqualTo("2026-11-28T03:00:00Z");
        assertThat(story.get("tags").findValuesAsText("name")).containsExactly("labour", "strike");
        assertThat(story.get("related").get(0).get("title").asText()).isEqualTo("Port talks collapse");
        assertThat(story.get("duplicates").get("firstAgency").asText()).isEqualTo("afp");
    }

    @Test
    void pageIsSelfContained() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Wirestream ops</title>", "api/overview")
                .doesNotContain("http://", "https://", "src=\"//", "href=\"//", "@import");
    }

    @Test
    void servesEachPartOnItsOwnAndTheMetricsAndHealthOfTheService() throws Exception {
        assertThat(OpsJson.MAPPER.readTree(get("/api/lag").body()).get("groups").get(0).get("group").asText())
                .isEqualTo("wirestream-publish-sqlite");
        assertThat(OpsJson.MAPPER.readTree(get("/api/stories").body())).hasSize(1);
        assertThat(OpsJson.MAPPER.readTree(get("/api/rejections").body())).hasSize(2);
        assertThat(OpsJson.MAPPER.readTree(get("/api/freshness").body()).get(0).get("count").asLong()).isEqualTo(1);

        String scrape = get("/metrics").body();
        assertThat(scrape).contains("wirestream_lag_records{group=\"wirestream-publish-sqlite\",partition=\"0\",topic=\"wire.articles\"} 30.0");
        assertThat(scrape).contains("wirestream_freshness_seconds_count{agency=\"reuters\",store=\"sqlite\"} 1");

        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        readinessProblem.set("no lag sample taken yet");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }
}
