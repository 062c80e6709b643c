package io.wirestream.ops.tail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last {@code capacity} records of a topic in memory, newest first, for the ops page. Reads without a consumer
 * group (assign + seek near the end), so it commits nothing and shows up in no lag report. A record that does not decode
 * is counted and skipped: the page must keep working when one bad record sits on the topic.
 */
public final class TopicTail<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Comparator<TailedRecord<?>> NEWEST_FIRST = Comparator
            .comparing((TailedRecord<?> r) -> r.timestamp()).reversed()
            .thenComparing(TailedRecord::partition)
            .thenComparing(Comparator.comparingLong((TailedRecord<?> r) -> r.offset()).reversed());

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final String topic;
    private final Map<String, ?> clientProperties;
    private final Deserializer<V> deserializer;
    private final int capacity;
    private final TreeSet<TailedRecord<V>> records = new TreeSet<>(NEWEST_FIRST);
    private final AtomicLong undecodable = new AtomicLong();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>(); // touched by the tail's thread only
    private final AtomicLong seen = new AtomicLong();
    private volatile Consumer<TailedRecord<V>> listener = r -> { };
    private volatile Consumer<byte[]> tombstoneListener = k -> { };
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param clientProperties the cluster's Kafka client properties: bootstrap servers, security, {@code kafka.client.*}
     * @param deserializer     turns a value's bytes into {@code V}; its exceptions mark the record undecodable
     */
    public TopicTail(String topic, Map<String, ?> clientProperties, Deserializer<V> deserializer, int capacity) {
        this.topic = topic;
        this.clientProperties = Map.copyOf(clientProperties);
        this.deserializer = deserializer;
        this.capacity = capacity;
    }

    public synchronized TopicTail<V> start() {
        if (thread != null) {
            return this;
        }
        running = true;
        thread = new Thread(this::run, "wirestream-ops-tail-" + topic);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Also hands every decoded record to {@code listener}, on the tail's thread; set it before {@link #start()}. */
    public TopicTail<V> onRecord(Consumer<TailedRecord<V>> listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Hands the key bytes of every tombstone to {@code listener}, on the tail's thread; set it before {@link #start()}.
     * On a compacted topic a tombstone is how a story is forgotten, so readers of the tail must hear of it.
     */
    public TopicTail<V> onTombstone(Consumer<byte[]> listener) {
        this.tombstoneListener = listener;
        return this;
    }

    /** Up to {@code limit} records, newest first. */
    public List<TailedRecord<V>> latest(int limit) {
        synchronized (records) {
            return records.stream().limit(limit).toList();
        }
    }

    /** Records read from the topic since start, including those that did not decode. */
    public long seen() {
        return seen.get();
    }

    public long undecodable() {
        return undecodable.get();
    }

    private void run() {
        // a broker restart or an unreachable cluster must not end the tail: start a fresh session after a pause
        while (running) {
            try {
                session();
            } catch (WakeupException e) {
                return; // close() asked us to stop
            } catch (RuntimeException e) {
                LOG.warn("tail of {} interrupted, retrying in {}: {}", topic, RETRY_PAUSE, e.toString());
                pauseBeforeRetry();
            }
        }
    }

    /**
     * The tail's consumer: assigned partitions, no group, committed records only; then what a consumer takes of the
     * cluster's properties (connection and {@code kafka.client.*}).
     */
    public static Map<String, Object> consumerConfig(Map<String, ?> clientProperties, String topic) {
        Map<String, Object> own = new HashMap<>();
        own.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-ops-tail-" + topic);
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the page shows what publishers see: committed stories only
        own.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return KafkaClientConfigs.ofProperties(clientProperties).consumer(own);
    }

    private void session() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig(clientProperties, topic), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            if (!running) {
                return; // closed before the consumer existed: there is nobody to wake up
            }
            List<TopicPartition> partitions = awaitPartitions(c);
            if (partitions.isEmpty()) {
                return;
            }
            c.assign(partitions);
            seekNearEnd(c, partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(500))) {
                    accept(record);
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void pauseBeforeRetry() {
        synchronized (this) {
            try {
                if (running) {
                    wait(RETRY_PAUSE.toMillis()); // close() notifies, so stopping does not wait out the pause
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                return partitions;
            }
            // the topic may be created after ops starts (local mode starts everything at once)
            c.poll(Duration.ofSeconds(1));
        }
        return List.of();
    }

    private void seekNearEnd(KafkaConsumer<byte[], byte[]> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            // capacity per partition, since the newest records overall may all sit on one partition; after a
            // reconnect, carry on where the last session stopped so no record reaches the listener twice
            long nearEnd = Math.max(begin.getOrDefault(tp, 0L), end.getOrDefault(tp, 0L) - capacity);
            c.seek(tp, Math.max(nearEnd, nextOffsets.getOrDefault(tp, 0L)));
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        seen.incrementAndGet();
        nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        if (record.value() == null) {
            forget(record.key());
            return; // a tombstone on a compacted topic: nothing to show
        }
        V value;
        try {
            value = deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            undecodable.incrementAndGet();
            LOG.debug("undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            return;
        }
        if (value == null) {
            return; // a tombstone on a compacted topic: nothing to show
        }
        TailedRecord<V> tailed = new TailedRecord<>(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), value);
        synchronized (records) {
            records.add(tailed);
            while (records.size() > capacity) {
                records.pollLast();
            }
        }
        try {
            listener.accept(tailed);
        } catch (RuntimeException e) {
            LOG.warn("listener on the tail of {} failed: {}", topic, e.toString());
        }
    }

    private void forget(byte[] key) {
        if (key == null) {
            return;
        }
        try {
            tombstoneListener.accept(key);
        } catch (RuntimeException e) {
            LOG.warn("tombstone listener on the tail of {} failed: {}", topic, e.toString());
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
            notifyAll();
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
