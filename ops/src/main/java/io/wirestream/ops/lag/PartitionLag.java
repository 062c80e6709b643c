package io.wirestream.ops.lag;

/**
 * One partition of one group at one sample.
 *
 * @param committedOffset the group's committed offset: the next record it will read
 * @param logEndOffset    the offset the next produced record will get
 * @param lagRecords      records the group has yet to read: normally {@code logEndOffset - committedOffset}, but 0 when
 *                        only transaction markers lie between the two (a transactional topic read to its end)
 * @param lagSeconds      age of the oldest unconsumed record (0 when caught up)
 * @param lagSecondsSource how the age was found: {@code record} (timestamp of the record at the committed offset),
 *                         {@code interpolated} (from log-end-offset samples over time) or {@code none}
 * @param neverCommitted  the group has no committed offset here; {@code committedOffset} is then the partition's log
 *                        start offset, where the group will begin (it reads from the earliest record)
 */
public record PartitionLag(String topic, int partition, long committedOffset, long logEndOffset, long lagRecords,
                           double lagSeconds, String lagSecondsSource, boolean neverCommitted) {

    public PartitionLag(String topic, int partition, long committedOffset, long logEndOffset, long lagRecords,
                        double lagSeconds, String lagSecondsSource) {
        this(topic, partition, committedOffset, logEndOffset, lagRecords, lagSeconds, lagSecondsSource, false);
    }

    /** Lag taken as the distance from the committed offset to the log end. */
    public PartitionLag(String topic, int partition, long committedOffset, long logEndOffset, double lagSeconds,
                        String lagSecondsSource) {
        this(topic, partition, committedOffset, logEndOffset, Math.max(0, logEndOffset - committedOffset), lagSeconds,
                lagSecondsSource);
    }
}
