package io.wirestream.wire.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling the pipeline cannot beat, measured on the pipeline's own broker in the same run: the same number of
 * records, with the same keys and payload bytes as the pushed items, produced with {@code acks=all} and idempotence
 * to a scratch topic with as many partitions as {@code wire.raw}, while a consumer reads them back. Then one more
 * read of the whole topic alone. Nothing of the pipeline runs on the scratch topics. On a shared machine one pass
 * of a few thousand records can land in a bad second, so it makes several passes, each on a fresh topic, and
 * keeps the best of each figure: a ceiling is what the broker showed it can do.
 */
public final class KafkaBaseline {

    /** Every scratch topic the baseline makes starts with this. */
    static final String TOPIC_PREFIX = "bench.baseline";

    /** What the produce side uses; printed with the report so the comparison is honest about it. */
    public static final String PRODUCER_SETTINGS = "acks=all, enable.idempotence=true, compression lz4, linger.ms 5, batch.size 128 KiB";

    /**
     * @param records records timed
     * @param bytes payload bytes timed (values only)
     * @param produceSeconds first send to the last acknowledgement
     * @param roundTripSeconds first send to the last record read by the consumer that ran alongside
     * @param consumeSeconds reading all records again, alone
     * @param passes timed passes made (the times are the best of them)
     * @param producePerSecondByPass the produce rate of each pass, to show the spread
     */
    public record Result(int records, long bytes, double produceSeconds, double roundTripSeconds, double consumeSeconds,
            int passes, List<Double> producePerSecondByPass) {
        public double producePerSecond() {
            return records / produceSeconds;
        }

        public double roundTripPerSecond() {
            return records / roundTripSeconds;
        }

        public double consumePerSecond() {
            return records / consumeSeconds;
        }
    }

    private final String bootstrapServers;
    private final int partitions;

    public KafkaBaseline(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    /** Warms up on one scratch topic with {@code warmup} records, then times {@code items} in {@code passes} passes. */
    public Result measure(List<BenchItem> items, int warmup, int passes) {
        String suffix = Long.toString(System.nanoTime(), 36);
        String warmTopic = TOPIC_PREFIX + "-warmup-" + suffix;
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            topics.add(TOPIC_PREFIX + "-" + suffix + "-" + i);
        }
        List<String> all = new ArrayList<>(topics);
        all.add(warmTopic);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            createAndAwaitWritable(admin, all);
            try {
                if (warmup > 0) {
                    List<BenchItem> warm = new ArrayList<>();
                    for (int i = 0; i < warmup; i++) {
                        warm.add(items.get(i % items.size()));
                    }
                    produceWhileConsuming(warmTopic, warm);
                }
                double produce = Double.MAX_VALUE;
                double roundTrip = Double.MAX_VALUE;
                double consume = Double.MAX_VALUE;
                List<Double> rates = new ArrayList<>();
                for (String topic : topics) {
                    double[] times = produceWhileConsuming(topic, items);
                    produce = Math.min(produce, times[0]);
                    roundTrip = Math.min(roundTrip, times[1]);
                    consume = Math.min(consume, consumeAll(topic, items.size()));
                    rates.add(Math.round(items.size() / times[0] * 10) / 10.0);
                }
                long bytes = items.stream().mapToLong(i -> i.bytes().length).sum();
                return new Result(items.size(), bytes, produce, roundTrip, consume, passes, List.copyOf(rates));
            } finally {
                admin.deleteTopics(all);
            }
        }
    }

    /** Creates the topics, then waits until every partition answers a latest-offset query (KAFKA-15591: a producer too early can lose its first batch). */
    private void createAndAwaitWritable(Admin admin, List<String> topics) {
        List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
        try {
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.forEach(t -> {
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(t, p), OffsetSpec.latest());
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the baseline topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the baseline topics: " + e.getMessage(), e);
        }
    }

    /** Returns {seconds to the last acknowledgement, seconds to the last record read}, both from the first send. */
    private double[] produceWhileConsuming(String topic, List<BenchItem> items) {
        int expected = items.size();
        AtomicLong lastRead = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> parts = partitionsOf(topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            parts.forEach(consumer::position); // resolve the start now, not during the timed part
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                int read = 0;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (read < expected && System.nanoTime() < deadline && !stop.get()) {
                    int n = consumer.poll(Duration.ofMillis(100)).count();
                    if (n > 0) {
                        read += n;
                        lastRead.set(System.nanoTime());
                    }
                }
                if (read < expected) {
                    throw new IllegalStateException("the baseline consumer read " + read + " of " + expected + " records");
                }
            });
            AtomicLong lastAck = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start;
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                // the consumer is polled by the reader only; it must have stopped before the consumer closes
                producer.partitionsFor(topic); // fetch the metadata now, not during the timed part
                start = System.nanoTime();
                for (BenchItem item : items) {
                    byte[] key = (item.agency() + "/" + item.itemId()).getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, key, item.bytes()), (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    });
                }
                producer.flush();
            } catch (RuntimeException e) {
                stop.set(true);
                reader.exceptionally(x -> null).join();
                throw e;
            }
            if (failure.get() != null) {
                stop.set(true);
                reader.exceptionally(x -> null).join();
                throw new IllegalStateException("the baseline producer failed: " + failure.get().getMessage(), failure.get());
            }
            reader.join();
            return new double[] {(lastAck.get() - start) / 1e9, (lastRead.get() - start) / 1e9};
        }
    }

    private double consumeAll(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> parts = partitionsOf(topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            parts.forEach(consumer::position);
            long start = System.nanoTime();
            int read = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            while (read < expected && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            if (read < expected) {
                throw new IllegalStateException("the baseline consumer read " + read + " of " + expected + " records");
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private List<TopicPartition> partitionsOf(String topic) {
        List<TopicPartition> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new TopicPartition(topic, p));
        }
        return parts;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
