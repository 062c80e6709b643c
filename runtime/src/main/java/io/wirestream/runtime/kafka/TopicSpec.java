package io.wirestream.runtime.kafka;

import io.wirestream.contracts.topics.TopicDef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a deployment wants of one topic: the catalogue's declaration plus the deployment's partitions, replication
 * and min ISR (1/1 in local mode, 3/2 in production).
 */
public record TopicSpec(String name, int partitions, short replicationFactor, int minInSyncReplicas, String cleanupPolicy, Duration retention,
                        int maxMessageBytes) {

    /** A spec that leaves the largest record to the broker's default (about 1 MiB). */
    public TopicSpec(String name, int partitions, short replicationFactor, int minInSyncReplicas, String cleanupPolicy, Duration retention) {
        this(name, partitions, replicationFactor, minInSyncReplicas, cleanupPolicy, retention, 0);
    }

    public static TopicSpec of(TopicDef<?, ?> def, int partitions, int replicationFactor, int minInSyncReplicas) {
        return of(def, partitions, replicationFactor, minInSyncReplicas, 0);
    }

    /** @param maxMessageBytes the pipeline's size budget ({@code kafka.max.record.bytes}); 0 leaves the broker's default */
    public static TopicSpec of(TopicDef<?, ?> def, int partitions, int replicationFactor, int minInSyncReplicas, int maxMessageBytes) {
        return new TopicSpec(def.name(), partitions > 0 ? partitions : def.defaultPartitions(), (short) replicationFactor,
                minInSyncReplicas, def.cleanupPolicy(), def.retention(), maxMessageBytes);
    }

    public TopicSpec withMaxMessageBytes(int bytes) {
        return new TopicSpec(name, partitions, replicationFactor, minInSyncReplicas, cleanupPolicy, retention, bytes);
    }

    /** Topic-level configs this spec sets explicitly (others are left to the broker). */
    public Map<String, String> configs() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("cleanup.policy", cleanupPolicy);
        c.put("min.insync.replicas", String.valueOf(minInSyncReplicas));
        if (retention != null) {
            c.put("retention.ms", String.valueOf(retention.toMillis()));
        }
        if (maxMessageBytes > 0) {
            c.put("max.message.bytes", String.valueOf(maxMessageBytes));
        }
        return c;
    }
}
