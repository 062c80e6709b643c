package io.wirestream.ops.lag;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The lag report as Prometheus gauges. MultiGauge with overwrite, because groups and partitions come and go and a
 * gauge for a vanished partition must disappear instead of freezing at its last value.
 */
final class LagMetrics {

    private final MultiGauge lagRecords;
    private final MultiGauge lagSeconds;
    private final MultiGauge groupStatus;
    private final MultiGauge groupLagRecords;
    private final MultiGauge groupLagSeconds;
    private final MultiGauge groupRate;
    private final MultiGauge topicEndOffsets;
    private final MultiGauge topicRate;

    LagMetrics(MeterRegistry registry) {
        lagRecords = MultiGauge.builder("wirestream.lag.records")
                .description("Records written but not yet consumed, per group and partition").register(registry);
        lagSeconds = MultiGauge.builder("wirestream.lag.seconds")
                .description("Age of the oldest unconsumed record, per group and partition").baseUnit("seconds").register(registry);
        groupStatus = MultiGauge.builder("wirestream.lag.group.status")
                .description("Burrow-style group status: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 ERR").register(registry);
        groupLagRecords = MultiGauge.builder("wirestream.lag.group.records")
                .description("Unconsumed records over all partitions of the group").register(registry);
        groupLagSeconds = MultiGauge.builder("wirestream.lag.group.seconds")
                .description("Age of the group's oldest unconsumed record").baseUnit("seconds").register(registry);
        groupRate = MultiGauge.builder("wirestream.group.consumed.rate")
                .description("Records per second the group's committed offsets advance").register(registry);
        topicEndOffsets = MultiGauge.builder("wirestream.topic.end.offsets")
                .description("Sum of the topic's log-end offsets").register(registry);
        topicRate = MultiGauge.builder("wirestream.topic.written.rate")
                .description("Records per second written to the topic").register(registry);
    }

    void update(LagReport report) {
        List<MultiGauge.Row<?>> records = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> status = new ArrayList<>();
        List<MultiGauge.Row<?>> groupRecords = new ArrayList<>();
        List<MultiGauge.Row<?>> groupSeconds = new ArrayList<>();
        for (GroupEvaluation group : report.groups()) {
            Tags groupTag = Tags.of("group", group.group());
            status.add(MultiGauge.Row.of(groupTag, group.status().ordinal()));
            groupRecords.add(MultiGauge.Row.of(groupTag, group.lagRecords()));
            groupSeconds.add(MultiGauge.Row.of(groupTag, group.lagSeconds()));
            for (PartitionEvaluation p : group.partitions()) {
                Tags tags = groupTag.and("topic", p.topic(), "partition", Integer.toString(p.partition()));
                records.add(MultiGauge.Row.of(tags, p.lagRecords()));
                seconds.add(MultiGauge.Row.of(tags, p.lagSeconds()));
            }
        }
        lagRecords.register(records, true);
        lagSeconds.register(seconds, true);
        groupStatus.register(status, true);
        groupLagRecords.register(groupRecords, true);
        groupLagSeconds.register(groupSeconds, true);
        groupRate.register(report.groupRates().stream()
                .<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of("group", r.group()), r.recordsPerSecond())).toList(), true);
        topicEndOffsets.register(report.topics().stream()
                .<MultiGauge.Row<?>>map(t -> MultiGauge.Row.of(Tags.of("topic", t.topic()), t.endOffsets())).toList(), true);
        topicRate.register(report.topics().stream()
                .<MultiGauge.Row<?>>map(t -> MultiGauge.Row.of(Tags.of("topic", t.topic()), t.recordsPerSecond())).toList(), true);
    }
}
