package io.wirestream.ops.lag;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lag report on {@code /metrics}. Lag, status and rates go up and down: gauges, MultiGauge with overwrite, because
 * groups and partitions come and go and a gauge for a vanished partition must disappear instead of freezing at its
 * last value. A topic's log-end offsets only grow: a counter ({@code wirestream_topic_end_offsets_total}), removed
 * with its topic, so Prometheus' {@code rate()} gives the records written per second over any window.
 */
final class LagMetrics {

    static final String TOPIC_END_OFFSETS = "wirestream.topic.end.offsets";

    private final MultiGauge lagRecords;
    private final MultiGauge lagSeconds;
    private final MultiGauge groupStatus;
    private final MultiGauge groupLagRecords;
    private final MultiGauge groupLagSeconds;
    private final MultiGauge groupRate;
    private final MultiGauge topicRate;
    private final MeterRegistry registry;
    private final Map<String, TopicCounter> topicEndOffsets = new HashMap<>();

    LagMetrics(MeterRegistry registry) {
        this.registry = registry;
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
        groupRate = MultiGauge.builder("wirestream.group.consumed.records.per.second")
                .description("Records per second the group's committed offsets advance, over the ops sampling span").register(registry);
        topicRate = MultiGauge.builder("wirestream.topic.written.records.per.second")
                .description("Records per second written to the topic, over the ops sampling span").register(registry);
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
        updateEndOffsets(report.topics());
        topicRate.register(report.topics().stream()
                .<MultiGauge.Row<?>>map(t -> MultiGauge.Row.of(Tags.of("topic", t.topic()), t.recordsPerSecond())).toList(), true);
    }

    private void updateEndOffsets(List<TopicRate> topics) {
        Set<String> seen = new HashSet<>();
        for (TopicRate t : topics) {
            seen.add(t.topic());
            topicEndOffsets.computeIfAbsent(t.topic(), this::topicCounter).value.set(t.endOffsets());
        }
        topicEndOffsets.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue().counter);
            return true;
        });
    }

    private TopicCounter topicCounter(String topic) {
        AtomicLong value = new AtomicLong();
        FunctionCounter counter = FunctionCounter.builder(TOPIC_END_OFFSETS, value, AtomicLong::doubleValue)
                .description("Sum of the topic's log-end offsets: the records (and transaction markers) ever written to it")
                .tag("topic", topic).register(registry);
        return new TopicCounter(value, counter);
    }

    private record TopicCounter(AtomicLong value, FunctionCounter counter) {
    }
}
