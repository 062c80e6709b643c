package io.wirestream.ops.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer group member that commits after every poll, and can be paused (it stays in the group, heartbeating,
 * but reads nothing: what a publish-service stuck on its store looks like) and resumed, or closed (the consumer gone).
 */
public final class PausableConsumerGroup implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final AtomicLong consumed = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;

    public PausableConsumerGroup(String bootstrapServers, String group, String topic,
                                 Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.handler = handler;
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, "consumer-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                if (paused) {
                    consumer.pause(consumer.assignment());
                } else {
                    consumer.resume(consumer.paused());
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    handler.accept(record);
                    consumed.incrementAndGet();
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5)); // leaves the group at once, so the monitor sees it gone
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public long consumed() {
        return consumed.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
