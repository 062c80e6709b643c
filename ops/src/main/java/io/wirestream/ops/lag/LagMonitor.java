package io.wirestream.ops.lag;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the pipeline's consumer groups periodically, keeps a sliding window per group, evaluates each group's
 * status and publishes the result as a {@link LagReport} and as Prometheus gauges.
 *
 * <p>Lifecycle: {@link #start()} begins periodic sampling on a daemon thread; {@link #sampleNow()} takes one round on
 * the caller's thread (the {@code wire lag} command uses only that); {@link #close()} stops and releases the clients.
 */
public final class LagMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);

    private final ClusterSampler sampler;
    private final LagEvaluator evaluator;
    private final int windowSamples;
    private final Duration sampleInterval;
    private final LagMetrics metrics;
    private final Map<String, Deque<GroupSample>> windows = new LinkedHashMap<>();
    private final Deque<ClusterSample> rounds = new ArrayDeque<>();
    private volatile LagReport latest = LagReport.empty();
    private ScheduledExecutorService scheduler;

    /** A monitor of a real cluster; gauges go to {@code registry} (may be null for none). */
    public LagMonitor(LagMonitorSettings settings, MeterRegistry registry) {
        this(new KafkaClusterSampler(settings, Clock.systemUTC()), settings, registry);
    }

    public LagMonitor(ClusterSampler sampler, LagMonitorSettings settings, MeterRegistry registry) {
        this.sampler = sampler;
        this.evaluator = new LagEvaluator(settings.minSamples(), settings.minSpan());
        this.windowSamples = settings.windowSamples();
        this.sampleInterval = settings.sampleInterval();
        this.metrics = registry == null ? null : new LagMetrics(registry);
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wirestream-lag-monitor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sampleQuietly, 0, sampleInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The result of the latest round. */
    public LagReport latest() {
        return latest;
    }

    /** Takes one sampling round now and returns its report; a cluster that cannot be reached gives a report with an error. */
    public synchronized LagReport sampleNow() {
        ClusterSample sample;
        try {
            sample = sampler.sample();
        } catch (RuntimeException e) {
            LOG.warn("lag sampling failed: {}", e.toString());
            LagReport previous = latest;
            latest = new LagReport(Instant.now(), failedGroups(previous, e), previous.groupRates(), previous.topics(),
                    String.valueOf(e.getMessage()));
            publish(latest);
            return latest;
        }
        record(sample);
        latest = report(sample);
        publish(latest);
        return latest;
    }

    private void sampleQuietly() {
        try {
            sampleNow();
        } catch (RuntimeException e) {
            LOG.warn("lag round failed", e); // keep the schedule alive whatever happened
        }
    }

    private void record(ClusterSample sample) {
        rounds.addLast(sample);
        while (rounds.size() > windowSamples) {
            rounds.removeFirst();
        }
        Set<String> seen = new HashSet<>();
        for (GroupSample group : sample.groups()) {
            seen.add(group.group());
            Deque<GroupSample> window = windows.computeIfAbsent(group.group(), g -> new ArrayDeque<>());
            window.addLast(group);
            while (window.size() > windowSamples) {
                window.removeFirst();
            }
        }
        windows.keySet().retainAll(seen); // a deleted group must not be reported for ever
    }

    private LagReport report(ClusterSample sample) {
        List<GroupEvaluation> groups = new ArrayList<>();
        windows.values().forEach(w -> groups.add(evaluator.evaluate(List.copyOf(w))));
        ClusterSample oldest = rounds.peekFirst();
        double seconds = Duration.between(oldest.sampledAt(), sample.sampledAt()).toMillis() / 1000.0;

        List<TopicRate> topics = new ArrayList<>();
        sample.topicEndOffsets().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Long before = oldest.topicEndOffsets().get(e.getKey());
            topics.add(new TopicRate(e.getKey(), e.getValue(), rate(before, e.getValue(), seconds)));
        });
        List<GroupRate> rates = new ArrayList<>();
        for (GroupSample group : sample.groups()) {
            Long before = oldest.groups().stream().filter(g -> g.group().equals(group.group()) && g.error() == null)
                    .findFirst().map(LagMonitor::committedSum).orElse(null);
            long now = committedSum(group);
            rates.add(new GroupRate(group.group(), now, group.error() == null ? rate(before, now, seconds) : 0.0));
        }
        return new LagReport(sample.sampledAt(), groups, rates, topics, null);
    }

    /** Committed offsets summed over the topics the group reads, leaving out Kafka Streams' internal topics. */
    static long committedSum(GroupSample group) {
        String internalPrefix = group.group() + "-";
        return group.partitions().stream().filter(p -> !p.topic().startsWith(internalPrefix))
                .mapToLong(PartitionLag::committedOffset).sum();
    }

    private static double rate(Long before, long now, double seconds) {
        if (before == null || seconds <= 0 || now < before) {
            return 0.0;
        }
        return (now - before) / seconds;
    }

    private static List<GroupEvaluation> failedGroups(LagReport previous, RuntimeException e) {
        List<GroupEvaluation> failed = new ArrayList<>();
        for (GroupEvaluation g : previous.groups()) {
            failed.add(new GroupEvaluation(g.group(), g.sampledAt(), g.state(), g.members(), LagStatus.ERR,
                    "cluster unreachable: " + e.getMessage(), g.lagRecords(), g.lagSeconds(), g.partitions()));
        }
        return failed;
    }

    private void publish(LagReport report) {
        if (metrics != null) {
            metrics.update(report);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        sampler.close();
    }
}
