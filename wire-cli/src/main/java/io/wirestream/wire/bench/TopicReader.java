package io.wirestream.wire.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads whole topics read_committed, as a downstream consumer would, on a daemon thread of its own, and hands each
 * record to a handler with the time it was read ({@link BenchClock}). No group and no committed offsets: every
 * partition is assigned, from its start or its end. What stops the reader is kept for {@link #check}.
 */
final class TopicReader implements AutoCloseable {

    /** What is done with each record read. */
    interface Handler {
        void read(ConsumerRecord<byte[], byte[]> record, long seenMicros) throws Exception;
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    /**
     * @param fromStart read each partition from its start; otherwise from its end as this returns
     * @param settings  consumer settings over the defaults (read_committed, no auto commit)
     * @param pollWait  longest each poll blocks
     */
    TopicReader(String bootstrapServers, List<String> topics, boolean fromStart, Map<String, Object> settings,
            Duration pollWait, String threadName, Handler handler) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.putAll(settings);
        consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(parts);
        if (fromStart) {
            consumer.seekToBeginning(parts);
        } else {
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // resolve the ends now, before anything else is written
        }
        thread = new Thread(() -> run(pollWait, handler), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Duration pollWait, Handler handler) {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(pollWait)) {
                    handler.read(r, BenchClock.nowMicros());
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Throws what stopped the reader, if anything did, saying what it was reading. */
    void check(String reading) {
        if (failure != null) {
            throw new IllegalStateException("reading " + reading + " failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
