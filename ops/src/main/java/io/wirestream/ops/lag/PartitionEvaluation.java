package io.wirestream.ops.lag;

/** The latest figures of one partition with the status its sample window earned, and why. */
public record PartitionEvaluation(String topic, int partition, long committedOffset, long logEndOffset,
                                  long lagRecords, double lagSeconds, String lagSecondsSource,
                                  LagStatus status, String reason) {
}
