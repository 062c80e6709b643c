package io.wirestream.ingest.publish;

import io.wirestream.avro.RawItem;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Answers "did you take my item?" by reading the raw topic at the receipt's position: the answer comes from Kafka
 * itself, not from a memory of this process, so it holds across restarts and instances. Lookups are rare; one
 * consumer, used by one caller at a time, is enough.
 */
public final class ReceiptLookup implements AutoCloseable {

    /** A record found at a receipt's position. */
    public record StoredItem(RawItem item, int partition, long offset, long timestamp) {}

    private final KafkaConsumer<String, RawItem> consumer;
    private final Duration timeout;

    public ReceiptLookup(KafkaClientConfigs clients, Map<String, Object> serdeProperties, Duration timeout) {
        this.consumer = new KafkaConsumer<>(consumerConfig(clients), Topics.RAW.keySerde(serdeProperties).deserializer(),
                Topics.RAW.valueSerde(serdeProperties).deserializer());
        this.timeout = timeout;
    }

    /** The lookup consumer's configuration: assigned partitions, no group, committed records only, one record a poll. */
    public static Map<String, Object> consumerConfig(KafkaClientConfigs clients) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-receipt-lookup");
        return clients.consumer(p);
    }

    /**
     * The record at the position when it is the item the receipt names; empty when there is no such record (never
     * written, or already past retention).
     *
     * @throws KafkaUnavailableException when Kafka does not answer within the timeout
     */
    public synchronized Optional<StoredItem> find(Receipt.Position position) throws KafkaUnavailableException {
        TopicPartition tp = new TopicPartition(Topics.RAW.name(), position.partition());
        try {
            // asking for the offsets of a partition that does not exist would wait for the whole timeout
            if (position.partition() >= consumer.partitionsFor(Topics.RAW.name(), timeout).size()) {
                return Optional.empty();
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(tp), timeout);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(List.of(tp), timeout);
            if (!ends.containsKey(tp) || position.offset() >= ends.get(tp) || position.offset() < begins.get(tp)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, position.offset());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, RawItem> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                    if (r.offset() == position.offset() && position.itemId().equals(r.value().getItemId())) {
                        return Optional.of(new StoredItem(r.value(), r.partition(), r.offset(), r.timestamp()));
                    }
                    return Optional.empty(); // another record sits there: the receipt is not ours
                }
            }
            throw new KafkaUnavailableException("Kafka did not return the record within " + timeout.toMillis() + " ms", null);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not answer within " + timeout.toMillis() + " ms", e);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("Kafka lookup failed: " + e.getMessage(), e);
        } finally {
            consumer.unsubscribe();
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
