package io.wirestream.ops.lag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the lag monitor samples. It only needs Kafka's admin and consumer APIs, so it works against any
 * cluster: put TLS/SASL settings ({@code security.protocol}, {@code sasl.jaas.config}, ...) in {@code clientProperties}.
 *
 * @param groups         consumer groups to watch; empty means every group whose name starts with {@code groupPrefix}
 * @param watchedTopics  topics whose write rate is reported even when no group reads them
 * @param sampleInterval time between sampling rounds
 * @param windowSamples  samples kept per group for the status evaluation (the sliding window)
 * @param minSamples     samples needed before a trend (WARN, STALL) is called
 * @param minSpan        time the window must span before a trend is called; set it above the consumers' commit interval
 * @param requestTimeout limit for each admin call and for reading the record at a committed offset
 */
public record LagMonitorSettings(String bootstrapServers, Map<String, String> clientProperties, List<String> groups,
                                 String groupPrefix, List<String> watchedTopics, Duration sampleInterval,
                                 int windowSamples, int minSamples, Duration minSpan, Duration requestTimeout) {

    public static final String DEFAULT_GROUP_PREFIX = "wirestream-";
    public static final List<String> PIPELINE_TOPICS = List.of("wire.raw", "wire.articles", "wire.rejected");

    public LagMonitorSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = Map.copyOf(clientProperties);
        groups = List.copyOf(groups);
        watchedTopics = List.copyOf(watchedTopics);
        if (windowSamples < minSamples) {
            throw new IllegalArgumentException("window of " + windowSamples + " samples cannot hold the " + minSamples + " needed");
        }
        if (sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("sample interval must be positive: " + sampleInterval);
        }
    }

    /** Production defaults: every {@code wirestream-} group, sampled every 5 s, judged over 10 samples spanning 30 s. */
    public static LagMonitorSettings forCluster(String bootstrapServers) {
        return new LagMonitorSettings(bootstrapServers, Map.of(), List.of(), DEFAULT_GROUP_PREFIX, PIPELINE_TOPICS,
                Duration.ofSeconds(5), 10, 3, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public LagMonitorSettings withClientProperties(Map<String, String> properties) {
        return new LagMonitorSettings(bootstrapServers, properties, groups, groupPrefix, watchedTopics, sampleInterval,
                windowSamples, minSamples, minSpan, requestTimeout);
    }

    public LagMonitorSettings withGroups(List<String> explicitGroups) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, explicitGroups, groupPrefix, watchedTopics,
                sampleInterval, windowSamples, minSamples, minSpan, requestTimeout);
    }

    public LagMonitorSettings withGroupPrefix(String prefix) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, prefix, watchedTopics, sampleInterval,
                windowSamples, minSamples, minSpan, requestTimeout);
    }

    public LagMonitorSettings withWatchedTopics(List<String> topics) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, groupPrefix, topics, sampleInterval,
                windowSamples, minSamples, minSpan, requestTimeout);
    }

    /** Sampling cadence and window: {@code windowSamples} samples every {@code interval}, trends after {@code minSpan}. */
    public LagMonitorSettings withSampling(Duration interval, int window, int min, Duration span) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, groupPrefix, watchedTopics, interval,
                window, min, span, requestTimeout);
    }

    public boolean watches(String group) {
        return groups.isEmpty() ? group.startsWith(groupPrefix) : groups.contains(group);
    }
}
