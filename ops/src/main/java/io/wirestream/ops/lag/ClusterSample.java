package io.wirestream.ops.lag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sampling round over the cluster: every watched group, and the log-end offsets (summed per topic) of the topics
 * the pipeline writes, so throughput can be read even on a topic no group consumes yet.
 */
public record ClusterSample(Instant sampledAt, List<GroupSample> groups, Map<String, Long> topicEndOffsets) {

    public ClusterSample {
        groups = List.copyOf(groups);
        topicEndOffsets = Map.copyOf(topicEndOffsets);
    }
}
