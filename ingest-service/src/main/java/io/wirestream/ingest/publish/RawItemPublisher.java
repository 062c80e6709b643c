package io.wirestream.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wirestream.avro.RawItem;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Writes raw items to {@code wire.raw} and returns only once Kafka acknowledged them with {@code acks=all} through an
 * idempotent producer. Anything short of that (broker down, too slow, registry unreachable) is an exception, so no
 * caller can report success for an item Kafka did not take.
 */
public final class RawItemPublisher implements AutoCloseable {

    private final Producer<String, RawItem> producer;
    private final Duration timeout;
    private final Clock clock;
    private final Timer produceLatency;

    public RawItemPublisher(Producer<String, RawItem> producer, Duration timeout, Clock clock, MeterRegistry metrics) {
        this.producer = producer;
        this.timeout = timeout;
        this.clock = clock;
        this.produceLatency = Timer.builder("wirestream.ingest.produce.latency")
                .description("Time from send to the acks=all acknowledgement of one raw item")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /** A producer for the raw topic; {@code timeout} bounds both the wait for metadata and the whole delivery. */
    public static KafkaProducer<String, RawItem> createProducer(KafkaClientConfigs clients, Map<String, Object> serdeProperties,
            Duration timeout, long maxRecordBytes) {
        return new KafkaProducer<>(producerConfig(clients, timeout, maxRecordBytes),
                Topics.RAW.keySerde(serdeProperties).serializer(), Topics.RAW.valueSerde(serdeProperties).serializer());
    }

    /**
     * The raw producer's configuration: what a receipt rests on (acks=all, idempotence, the timeouts derived from
     * {@code ingest.kafka.timeout}, the size budget; {@code kafka.client.*} cannot name these) and tuning defaults
     * that {@code kafka.client.*} may replace (linger, compression, in-flight requests, retries, client id, backoff).
     */
    public static Map<String, Object> producerConfig(KafkaClientConfigs clients, Duration timeout, long maxRecordBytes) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service-" + UUID.randomUUID().toString().substring(0, 8));
        int requestTimeout = (int) Math.max(1000, Math.min(30_000, timeout.toMillis() / 2));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // a delivery that outlives the caller's wait must expire soon after it, not go through minutes after a 503
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), requestTimeout + 2L));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxRecordBytes));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return clients.producer(p);
    }

    /** An item handed to the producer whose acknowledgement is still to come. */
    public record PendingItem(String itemId, Instant receivedAt, long sentAtNanos, Future<RecordMetadata> acknowledgement) {}

    /**
     * Sends the item and waits for the acknowledgement.
     *
     * @param formatHint the format recognised at ingest (stored as a hint; enrich-stream decides for itself)
     * @throws KafkaUnavailableException when Kafka did not acknowledge within the timeout
     * @throws ItemTooLargeException when the broker refused the record for its size
     */
    public Receipt publish(IncomingItem item, String formatHint) throws KafkaUnavailableException, ItemTooLargeException {
        return await(send(item, formatHint));
    }

    /**
     * Hands the item to the producer without waiting, so several items (a batch) share one round trip; every
     * pending item must then go through {@link #await} before anyone is told it was taken.
     */
    public PendingItem send(IncomingItem item, String formatHint) throws KafkaUnavailableException, ItemTooLargeException {
        // millisecond precision: the record timestamp and the Avro field hold no more, and the receipt must match them
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String itemId = UUID.randomUUID().toString();
        RawItem value = RawItem.newBuilder()
                .setItemId(itemId)
                .setAgency(item.agency())
                .setSourceItemId(item.sourceItemId())
                .setSourceVersion(item.sourceVersion())
                .setReceivedAt(receivedAt)
                .setContentType(item.contentType())
                .setFormatHint(formatHint != null ? formatHint : item.formatHint())
                .setChannel(item.channel())
                .setTransport(new HashMap<>(item.transport()))
                .setPayload(ByteBuffer.wrap(item.payload()))
                .build();
        String key = RecordKeys.keyFor(item.agency(), item.sourceItemId(), item.payload());
        // partition left to the default partitioner: murmur2 of the key, so one story's versions share a partition
        ProducerRecord<String, RawItem> record = new ProducerRecord<>(Topics.RAW.name(), null, receivedAt.toEpochMilli(), key, value);
        long started = System.nanoTime();
        try {
            return new PendingItem(itemId, receivedAt, started, producer.send(record));
        } catch (RecordTooLargeException e) {
            throw new ItemTooLargeException("the item is larger than the producer may send: " + e.getMessage(), e);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("Kafka did not take the item: " + describe(e), e);
        }
    }

    /** Waits for Kafka's acknowledgement of a sent item, at most the timeout counted from its send. */
    public Receipt await(PendingItem pending) throws KafkaUnavailableException, ItemTooLargeException {
        try {
            long remaining = timeout.toNanos() - (System.nanoTime() - pending.sentAtNanos());
            RecordMetadata metadata = pending.acknowledgement().get(Math.max(remaining, 1), TimeUnit.NANOSECONDS);
            produceLatency.record(System.nanoTime() - pending.sentAtNanos(), TimeUnit.NANOSECONDS);
            return new Receipt(pending.itemId(), metadata.topic(), metadata.partition(), metadata.offset(), pending.receivedAt());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new ItemTooLargeException("Kafka refused the item for its size", e.getCause());
            }
            throw new KafkaUnavailableException("Kafka did not acknowledge the item: " + describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the item within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    private static String describe(Throwable e) {
        return e == null ? "unknown error" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
