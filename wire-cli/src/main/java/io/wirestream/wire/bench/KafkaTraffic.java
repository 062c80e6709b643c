package io.wirestream.wire.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How much Kafka traffic the pipeline makes per item: the log end offsets of every topic on the broker (the
 * benchmark's own scratch topics left out), read before and after a round. An offset is a record or a transaction
 * marker, so under exactly-once this counts both; the figure to watch is the total per item, which is what the
 * broker has to write, replicate and serve.
 */
final class KafkaTraffic implements AutoCloseable {

    private final Admin admin;

    KafkaTraffic(String bootstrapServers) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** End offsets summed per topic. */
    Map<String, Long> snapshot() throws Exception {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> !t.startsWith(KafkaBaseline.TOPIC_PREFIX))
                .toList();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<String, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
        return ends;
    }

    /** Offsets added per item between two snapshots, per topic (largest first), topics that did not move left out. */
    static Map<String, Double> perItem(Map<String, Long> before, Map<String, Long> after, int items) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> round1(e.getValue() / (double) Math.max(1, items)),
                        (a, b) -> a, LinkedHashMap::new));
    }

    static double total(Map<String, Double> perItem) {
        return round1(perItem.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public void close() {
        admin.close();
    }
}
