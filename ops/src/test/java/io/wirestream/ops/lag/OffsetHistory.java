package io.wirestream.ops.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A recorded offset history of one group on one partition, written the way an operator would read it off a graph. */
final class OffsetHistory {

    static final Instant START = Instant.parse("2026-11-28T03:00:00Z");
    static final Duration STEP = Duration.ofSeconds(10);

    private final String group;
    private final List<GroupSample> samples = new ArrayList<>();

    private OffsetHistory(String group) {
        this.group = group;
    }

    static OffsetHistory of(String group) {
        return new OffsetHistory(group);
    }

    /** Adds one sample of partition wire.articles-0, {@link #STEP} after the previous one. */
    OffsetHistory at(long committed, long logEnd, int members) {
        return atPartitions(members, new long[] {committed, logEnd});
    }

    /** Adds one sample with one {committed, logEnd} pair per partition, partitions numbered from 0. */
    OffsetHistory atPartitions(int members, long[]... committedAndEnd) {
        Instant at = START.plus(STEP.multipliedBy(samples.size()));
        List<PartitionLag> partitions = new ArrayList<>();
        for (int p = 0; p < committedAndEnd.length; p++) {
            long committed = committedAndEnd[p][0];
            long end = committedAndEnd[p][1];
            partitions.add(new PartitionLag("wire.articles", p, committed, end, end > committed ? 5.0 : 0.0, "record"));
        }
        samples.add(new GroupSample(group, at, members > 0 ? "Stable" : "Empty", members, partitions, null));
        return this;
    }

    OffsetHistory failedRound(String why) {
        samples.add(GroupSample.failed(group, START.plus(STEP.multipliedBy(samples.size())), why));
        return this;
    }

    List<GroupSample> window() {
        return List.copyOf(samples);
    }

    /** The last {@code size} samples, as a sliding window would hold them. */
    List<GroupSample> lastWindow(int size) {
        return List.copyOf(samples.subList(Math.max(0, samples.size() - size), samples.size()));
    }
}
