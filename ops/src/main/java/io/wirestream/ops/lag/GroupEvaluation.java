package io.wirestream.ops.lag;

import java.time.Instant;
import java.util.List;

/**
 * A group's status over its sample window: the worst of its partitions, with the totals an operator asks first.
 *
 * @param lagRecords total unconsumed records over all partitions
 * @param lagSeconds age of the oldest unconsumed record over all partitions
 */
public record GroupEvaluation(String group, Instant sampledAt, String state, int members, LagStatus status,
                              String reason, long lagRecords, double lagSeconds,
                              List<PartitionEvaluation> partitions) {

    public GroupEvaluation {
        partitions = List.copyOf(partitions);
    }
}
