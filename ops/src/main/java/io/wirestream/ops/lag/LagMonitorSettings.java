package io.wirestream.ops.lag;

import io.wirestream.contracts.topics.Topics;
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
 * @param groupInputs    input topics of a group, by group name or by a name prefix ending in {@code *}: a group that has
 *                       not committed on a partition of these topics is counted from the partition's log start offset,
 *                       so a stage that never committed while its input holds records shows that backlog as lag
 */
public record LagMonitorSettings(String bootstrapServers, Map<String, String> clientProperties, List<String> groups,
                                 String groupPrefix, List<String> watchedTopics, Duration sampleInterval,
                                 int windowSamples, int minSamples, Duration minSpan, Duration requestTimeout,
                                 Map<String, List<String>> groupInputs) {

    public static final String DEFAULT_GROUP_PREFIX = "wirestream-";
    public static final List<String> PIPELINE_TOPICS = List.of(Topics.RAW.name(), Topics.ARTICLES.name(), Topics.REJECTED.name());
    /**
     * What the pipeline's own groups read: enrich-stream reads wire.raw, every publish group and subscriber-service's
     * fan-out read wire.articles.
     */
    public static final Map<String, List<String>> PIPELINE_INPUTS = Map.of(
            "wirestream-enrich", List.of(Topics.RAW.name()), "wirestream-publish-*", List.of(Topics.ARTICLES.name()),
            "wirestream-subscribers", List.of(Topics.ARTICLES.name()));

    public LagMonitorSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = Map.copyOf(clientProperties);
        groups = List.copyOf(groups);
        watchedTopics = List.copyOf(watchedTopics);
        groupInputs = Map.copyOf(groupInputs);
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
                Duration.ofSeconds(5), 10, 3, Duration.ofSeconds(30), Duration.ofSeconds(10), PIPELINE_INPUTS);
    }

    public LagMonitorSettings withClientProperties(Map<String, String> properties) {
        return new LagMonitorSettings(bootstrapServers, properties, groups, groupPrefix, watchedTopics, sampleInterval,
                windowSamples, minSamples, minSpan, requestTimeout, groupInputs);
    }

    public LagMonitorSettings withGroups(List<String> explicitGroups) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, explicitGroups, groupPrefix, watchedTopics,
                sampleInterval, windowSamples, minSamples, minSpan, requestTimeout, groupInputs);
    }

    public LagMonitorSettings withGroupPrefix(String prefix) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, prefix, watchedTopics, sampleInterval,
                windowSamples, minSamples, minSpan, requestTimeout, groupInputs);
    }

    public LagMonitorSettings withWatchedTopics(List<String> topics) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, groupPrefix, topics, sampleInterval,
                windowSamples, minSamples, minSpan, requestTimeout, groupInputs);
    }

    /** Sampling cadence and window: {@code windowSamples} samples every {@code interval}, trends after {@code minSpan}. */
    public LagMonitorSettings withSampling(Duration interval, int window, int min, Duration span) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, groupPrefix, watchedTopics, interval,
                window, min, span, requestTimeout, groupInputs);
    }

    public LagMonitorSettings withGroupInputs(Map<String, List<String>> inputs) {
        return new LagMonitorSettings(bootstrapServers, clientProperties, groups, groupPrefix, watchedTopics,
                sampleInterval, windowSamples, minSamples, minSpan, requestTimeout, inputs);
    }

    /** Parses {@code GROUP=TOPIC,TOPIC} entries (GROUP may end in {@code *}); blank entries are skipped. */
    public static Map<String, List<String>> parseInputs(List<String> entries) {
        Map<String, List<String>> inputs = new java.util.LinkedHashMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("expected GROUP=TOPIC[,TOPIC], got '" + entry + "'");
            }
            List<String> topics = java.util.Arrays.stream(entry.substring(eq + 1).split(",")).map(String::trim)
                    .filter(t -> !t.isEmpty()).toList();
            inputs.put(entry.substring(0, eq).trim(), topics);
        }
        return inputs;
    }

    /** The input topics declared for {@code group}: an exact entry wins over a prefix entry. */
    public List<String> inputsOf(String group) {
        List<String> exact = groupInputs.get(group);
        if (exact != null) {
            return exact;
        }
        return groupInputs.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*") && group.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .map(Map.Entry::getValue).findFirst().orElse(List.of());
    }

    public boolean watches(String group) {
        return groups.isEmpty() ? group.startsWith(groupPrefix) : groups.contains(group);
    }
}
