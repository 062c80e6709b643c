package io.wirestream.ops.lag;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the timestamp of the record sitting at a given offset: the oldest record a lagging group has not consumed.
 * Uses assign+seek without a group, so it never joins or disturbs the groups it watches, and reads raw bytes, so it
 * needs no schema registry. The timestamp is the record's own (for wire.raw: ingest receipt; Kafka Streams carries
 * the input timestamp over, so on wire.articles it is also the ingest receipt time).
 */
final class RecordTimestampProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;

    RecordTimestampProbe(LagMonitorSettings settings) {
        this.consumer = new KafkaConsumer<>(config(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = settings.requestTimeout();
    }

    /** The probe's consumer: assigned partitions, no group, committed records only, small fetches. */
    static Map<String, Object> config(LagMonitorSettings settings) {
        Map<String, Object> own = new java.util.HashMap<>();
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // an offset already deleted by retention: the oldest record left is the best stand-in
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        own.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        // what the groups themselves can read: aborted records and open transactions are not lag yet
        own.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return KafkaClientConfig.consumer(settings, "wirestream-ops-lag-probe", own);
    }

    /** What the probe found at each offset asked about. */
    record Findings(Map<TopicPartition, Long> timestamps, Set<TopicPartition> nothingToRead) {
    }

    /**
     * Reads the first committed record at or after each offset. Partitions where the consumer reaches the log end
     * without a record are in {@code nothingToRead}: only transaction markers (or aborted records) were left, so the
     * group has in truth read everything. Partitions neither found nor exhausted in time are in neither set.
     *
     * @param ends log-end offsets of the same partitions
     */
    Findings probe(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> found = new HashMap<>();
        Set<TopicPartition> exhausted = new HashSet<>();
        if (offsets.isEmpty()) {
            return new Findings(found, exhausted);
        }
        consumer.assign(offsets.keySet());
        offsets.forEach(consumer::seek);
        Set<TopicPartition> missing = new HashSet<>(offsets.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (missing.remove(tp)) {
                    found.put(tp, record.timestamp());
                    consumer.pause(Set.of(tp)); // one record per partition is all we need
                }
            }
            for (TopicPartition tp : Set.copyOf(missing)) {
                // the consumer steps over control records without returning anything, so reaching the end empty-handed
                // means no data record was waiting
                if (consumer.position(tp, Duration.ofMillis(200)) >= ends.getOrDefault(tp, Long.MAX_VALUE)) {
                    missing.remove(tp);
                    exhausted.add(tp);
                }
            }
        }
        consumer.assign(Set.of());
        return new Findings(found, exhausted);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
