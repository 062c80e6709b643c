package io.wirestream.ops.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one record every {@code pace} to a topic until stopped, or until {@code maxRecords} (a bound so a forgotten
 * producer cannot fill the disk). Plays the upstream stage that keeps items flowing.
 */
public final class SteadyProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Duration pace;
    private final long maxRecords;
    private final LongFunction<byte[]> values;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public SteadyProducer(String bootstrapServers, String topic, Duration pace, long maxRecords, LongFunction<byte[]> values) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.pace = pace;
        this.maxRecords = maxRecords;
        this.values = values;
        this.thread = new Thread(this::run, "steady-producer-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running && sent.get() < maxRecords) {
                long n = sent.get();
                producer.send(new ProducerRecord<>(topic, ("k" + n).getBytes(), values.apply(n))).get();
                sent.incrementAndGet();
                Thread.sleep(pace.toMillis()); // a steady pace is the point of this producer
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) {
                throw new IllegalStateException(e);
            }
        }
    }

    public long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
