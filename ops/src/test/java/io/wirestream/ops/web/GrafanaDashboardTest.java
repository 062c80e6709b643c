package io.wirestream.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.runtime.metrics.ScrapedMetrics;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.ops.lag.ScriptedSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard shipped for docker-compose queries only ops metrics the ops service really publishes. A quick
 * check of ops' own families; the pipeline journeys (wire-cli) check every name of the dashboard against what all four
 * services serve.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("grafana", "wirestream-dashboard.json");
    private static final Pattern OPS_METRIC = Pattern.compile("\\bwirestream_(lag|group|topic|freshness)_[a-z_]+");

    @Test
    void everyOpsMetricTheDashboardQueriesIsPublished() throws Exception {
        JsonNode dashboard = OpsJson.MAPPER.readTree(Files.readString(DASHBOARD));
        Set<String> queried = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = OPS_METRIC.matcher(expr.asText());
            while (m.find()) {
                queried.add(m.group());
            }
        }

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ScriptedSampler sampler = new ScriptedSampler(Instant.parse("2026-11-28T03:00:00Z"), "wirestream-publish-sqlite")
                .next(0, 1, 5, 1, 5);
        try (LagMonitor monitor = new LagMonitor(sampler, LagMonitorSettings.forCluster("unused:9092"), registry)) {
            monitor.sampleNow();
        }
        new FreshnessRecorder(registry).record("sqlite", "reuters", Duration.ofSeconds(1));
        String scrape = registry.scrape();

        assertThat(queried).contains("wirestream_lag_group_status", "wirestream_freshness_seconds_bucket",
                "wirestream_topic_end_offsets_total", "wirestream_group_consumed_records_per_second");
        assertThat(queried).allSatisfy(metric -> assertThat(scrape).contains("\n" + metric + "{"));
        assertThat(ScrapedMetrics.parse(scrape).conventionProblems()).isEmpty();
        assertThat(dashboard.get("uid").asText()).isEqualTo("wirestream-ops");
    }
}
