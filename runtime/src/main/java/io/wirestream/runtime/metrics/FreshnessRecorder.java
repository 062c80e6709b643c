package io.wirestream.runtime.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.wirestream.avro.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Freshness: the time from ingest receipt ({@code Article.receivedAt}) to publication in a store, as a Micrometer
 * timer {@value #METRIC} per store and agency with a percentile histogram (so Prometheus can aggregate over instances
 * with {@code histogram_quantile}), plus p50/p95/p99 computed in the process as gauges {@value #QUANTILE_METRIC}. Thread-safe; the publish-service calls {@link #record} once per published story.
 */
public final class FreshnessRecorder {

    public static final String METRIC = "wirestream.freshness";
    public static final String QUANTILE_METRIC = "wirestream.freshness.quantile";
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final MeterRegistry registry;
    private final Duration window;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    /** Percentiles over the last {@code window} of traffic (Micrometer rotates its buckets over that time). */
    public FreshnessRecorder(MeterRegistry registry, Duration window) {
        this.registry = Objects.requireNonNull(registry);
        this.window = window;
    }

    public FreshnessRecorder(MeterRegistry registry) {
        this(registry, Duration.ofMinutes(5));
    }

    /** Records one story published in {@code store}; a negative latency (clock skew between hosts) counts as zero. */
    public void record(String store, String agency, Duration latency) {
        Duration clamped = latency.isNegative() ? Duration.ZERO : latency;
        timers.computeIfAbsent(new Key(store, agency == null ? "unknown" : agency), this::timer).record(clamped);
    }

    /** Records the story's freshness at {@code publishedAt}, from its ingest receipt time. */
    public void record(String store, Article article, Instant publishedAt) {
        record(store, article.getAgency(), Duration.between(article.getReceivedAt(), publishedAt));
    }

    /** The figures of every store and agency seen, ordered by store then agency. */
    public List<FreshnessFigures> figures() {
        List<FreshnessFigures> figures = new ArrayList<>();
        timers.forEach((key, timer) -> {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            figures.add(new FreshnessFigures(key.store(), key.agency(), timer.count(),
                    percentile(snapshot, 0.5), percentile(snapshot, 0.95), percentile(snapshot, 0.99),
                    snapshot.max(TimeUnit.SECONDS)));
        });
        figures.sort(Comparator.comparing(FreshnessFigures::store).thenComparing(FreshnessFigures::agency));
        return figures;
    }

    private Timer timer(Key key) {
        Timer timer = Timer.builder(METRIC)
                .description("Time from ingest receipt to publication in a store")
                .tags("store", key.store(), "agency", key.agency())
                .publishPercentiles(PERCENTILES)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .distributionStatisticExpiry(window)
                .register(registry);
        // Prometheus' format cannot carry quantiles and buckets in one metric family, so the in-process
        // percentiles get their own gauge family: readable on /metrics without any query language
        for (double p : PERCENTILES) {
            Gauge.builder(QUANTILE_METRIC, timer, t -> percentile(t.takeSnapshot(), p))
                    .description("Recent percentile of the time from ingest receipt to publication in a store")
                    .baseUnit("seconds")
                    .tags("store", key.store(), "agency", key.agency(), "quantile", Double.toString(p))
                    .register(registry);
        }
        return timer;
    }

    private static double percentile(HistogramSnapshot snapshot, double wanted) {
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            if (Math.abs(v.percentile() - wanted) < 1e-9) {
                return v.value(TimeUnit.SECONDS);
            }
        }
        return 0.0; // not NaN: JSON has no NaN, and the page would choke on it
    }

    private record Key(String store, String agency) {
    }
}
