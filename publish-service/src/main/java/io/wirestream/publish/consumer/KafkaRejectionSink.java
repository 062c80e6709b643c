package io.wirestream.publish.consumer;

import io.wirestream.avro.Rejection;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes rejections to {@code wire.rejected} (key: the raw item id) and waits for the broker's acknowledgement.
 * Written before the store commits the position past the record, so a crash in between writes the rejection again
 * (at least once; readers key on raw item id and position) rather than losing it.
 */
public final class KafkaRejectionSink implements RejectionSink, AutoCloseable {

    private final Producer<String, Rejection> producer;
    private final String topic;
    private final Duration timeout;

    public KafkaRejectionSink(Producer<String, Rejection> producer, String topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void send(List<Rejection> rejections) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rejections.size());
        try {
            for (Rejection r : rejections) {
                sent.add(producer.send(new ProducerRecord<>(topic, r.getRaw().getItemId(), r)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<RecordMetadata> f : sent) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException("interrupted while writing rejections to " + topic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new UpstreamUnavailableException("rejections could not be written to " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
