package io.wirestream.ops.lag;

import java.time.Instant;
import java.util.List;

/**
 * What one sampling round saw of one consumer group.
 *
 * @param state   the coordinator's group state (Stable, Empty, Dead, ...), as reported
 * @param members how many members the group had; 0 means no consumer is attached
 * @param error   why sampling this group failed, or null
 */
public record GroupSample(String group, Instant sampledAt, String state, int members,
                          List<PartitionLag> partitions, String error) {

    public GroupSample {
        partitions = List.copyOf(partitions);
    }

    public static GroupSample failed(String group, Instant sampledAt, String error) {
        return new GroupSample(group, sampledAt, "UNKNOWN", 0, List.of(), error);
    }
}
