package io.wirestream.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.avro.Article;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessRecorderTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FreshnessRecorder recorder = new FreshnessRecorder(registry);

    @Test
    void percentilesPerStoreAndAgencyFollowTheRecordedLatencies() {
        for (int ms = 1; ms <= 100; ms++) {
            recorder.record("sqlite", "reuters", Duration.ofMillis(ms * 10L)); // 10 ms .. 1 s, uniform
        }
        recorder.record("sqlite", "afp", Duration.ofSeconds(30));

        assertThat(recorder.figures()).extracting(FreshnessFigures::agency).containsExactly("afp", "reuters");
        FreshnessFigures reuters = recorder.figures().get(1);
        assertThat(reuters.count()).isEqualTo(100);
        // Micrometer's percentiles are approximations with a few percent of error
        assertThat(reuters.p50Seconds()).isCloseTo(0.5, within(0.05));
        assertThat(reuters.p95Seconds()).isCloseTo(0.95, within(0.07));
        assertThat(reuters.p99Seconds()).isCloseTo(0.99, within(0.07));
        assertThat(reuters.maxSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(recorder.figures().get(0).p50Seconds()).isCloseTo(30, within(2.0));
    }

    @Test
    void publishesPercentilesAndAHistogramInPrometheusFormat() {
        recorder.record("postgres", "dpa", Duration.ofMillis(250));

        String scrape = registry.scrape();

        // one sample of 250 ms: every percentile is it, give or take Micrometer's bucket precision
        assertThat(scrape).containsPattern(
                "wirestream_freshness_quantile_seconds\\{agency=\"dpa\",quantile=\"0.99\",store=\"postgres\"\\} 0\\.2[345]");
        assertThat(scrape).contains("wirestream_freshness_seconds_bucket{agency=\"dpa\",store=\"postgres\",le=");
        assertThat(scrape).contains("wirestream_freshness_seconds_count{agency=\"dpa\",store=\"postgres\"} 1");
    }

    @Test
    void measuresFromIngestReceiptToPublication() {
        Instant received = Instant.parse("2026-11-28T03:00:00Z");
        Article article = Article.newBuilder()
                .setUri("urn:test:1").setVersion(1).setVersioncreated(received).setHeadline("h")
                .setPubstatus(io.wirestream.avro.PubStatus.usable)
                .setAgency("reuters").setReceivedAt(received).build();

        recorder.record("ninjs", article, received.plusMillis(1500));

        assertThat(recorder.figures().get(0).maxSeconds()).isCloseTo(1.5, within(1e-9));
        assertThat(recorder.figures().get(0).store()).isEqualTo("ninjs");
    }

    @Test
    void clockSkewGivingANegativeLatencyCountsAsZeroAndAMissingAgencyAsUnknown() {
        recorder.record("sqlite", null, Duration.ofSeconds(-3));

        FreshnessFigures figures = recorder.figures().get(0);
        assertThat(figures.agency()).isEqualTo("unknown");
        assertThat(figures.count()).isEqualTo(1);
        assertThat(figures.maxSeconds()).isZero();
    }
}
