package io.wirestream.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Every service's {@code /metrics} (served by {@link ServiceHttpServer}) carries the JVM's and the process's figures,
 * and the naming rules ({@link ScrapedMetrics#conventionProblems}) catch what issue 19 found: a count kept as a
 * gauge, a prefix other than {@code wirestream_}.
 */
class MetricConventionsTest {

    @Test
    void everyServiceServesTheJvmAndProcessFigures() throws Exception {
        PrometheusMeterRegistry registry = ServiceHttpServer.newMetrics("probe");
        try (ServiceHttpServer server = new ServiceHttpServer("probe", registry, app -> { }).start("127.0.0.1", 0)) {
            System.gc(); // a collection, so the GC's pause timer has a sample
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            ScrapedMetrics scraped = ScrapedMetrics.parse(body);

            assertThat(scraped.sampleNames()).contains(
                    "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_buffer_memory_used_bytes", // JvmMemoryMetrics
                    "jvm_gc_memory_allocated_bytes_total", "jvm_gc_live_data_size_bytes",           // JvmGcMetrics
                    "jvm_threads_live_threads", "jvm_threads_states_threads",                     // JvmThreadMetrics
                    "jvm_classes_loaded_classes",                                                  // ClassLoaderMetrics
                    "system_cpu_count", "process_cpu_usage",                                       // ProcessorMetrics
                    "process_uptime_seconds", "process_start_time_seconds",                        // UptimeMetrics
                    "process_files_open_files", "process_files_max_files");                        // FileDescriptorMetrics
            assertThat(body).contains("jvm_memory_used_bytes{area=\"heap\"").contains("service=\"probe\"");
            assertThat(scraped.conventionProblems()).isEmpty();
        }
    }

    @Test
    void theRulesAcceptOurCountersGaugesAndTimers() {
        PrometheusMeterRegistry registry = ServiceHttpServer.newMetrics("probe");
        Counter.builder("wirestream.probe.items").register(registry).increment();
        Counter.builder("wirestream.probe.payload").baseUnit("bytes").register(registry).increment(10);
        FunctionCounter.builder("wirestream.probe.written", new AtomicLong(3), AtomicLong::doubleValue).register(registry);
        Gauge.builder("wirestream.lag.records", () -> 2).register(registry); // one of the declared gauges
        Timer.builder("wirestream.probe.latency").publishPercentileHistogram().register(registry).record(Duration.ofMillis(5));

        ScrapedMetrics scraped = ScrapedMetrics.parse(registry.scrape());

        assertThat(scraped.sampleNames()).contains("wirestream_probe_items_total", "wirestream_probe_payload_bytes_total",
                "wirestream_probe_written_total", "wirestream_lag_records", "wirestream_probe_latency_seconds_bucket",
                "wirestream_probe_latency_seconds_max");
        assertThat(scraped.conventionProblems()).isEmpty();
    }

    @Test
    void theRulesRefuseACountKeptAsAGaugeAndAForeignPrefix() {
        PrometheusMeterRegistry registry = ServiceHttpServer.newMetrics("probe");
        Gauge.builder("wirestream.publish.written", () -> 7).register(registry); // what publish-service once did
        Counter.builder("ingest.items").register(registry).increment();        // what ingest-service once did
        Gauge.builder("wirestream.enrich.failing", () -> 1).register(registry); // a declared gauge: no problem

        assertThat(ScrapedMetrics.parse(registry.scrape()).conventionProblems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("wirestream_publish_written is a gauge but not one of"))
                .anySatisfy(p -> assertThat(p).startsWith("ingest_items").contains("not under wirestream_"));
    }

    @Test
    void promQlNamesAreTheMetricsAnExpressionSelects() {
        assertThat(PromQlNames.of("histogram_quantile(0.95, sum by (le, store) (rate(wirestream_freshness_seconds_bucket[5m])))"))
                .containsExactly("wirestream_freshness_seconds_bucket");
        assertThat(PromQlNames.of("sum by (reason) (rate(wirestream_ingest_items_total{outcome=\"rejected\", reason=~\"a|b\"}[$__rate_interval]))"
                + " / ignoring(reason) group_left sum(rate(wirestream_ingest_items_total[5m] offset 1h)) > 0.5"))
                .containsExactly("wirestream_ingest_items_total");
        assertThat(PromQlNames.of("max by (group) (wirestream_lag_group_status) >= 2 and on(group) wirestream_lag_group_records > 1e3"))
                .containsExactly("wirestream_lag_group_records", "wirestream_lag_group_status");
        assertThat(PromQlNames.of("sum(jvm_memory_used_bytes{area=\"heap\"}) by (instance)")).containsExactly("jvm_memory_used_bytes");
    }
}
