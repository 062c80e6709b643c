package io.wirestream.localkafka.registry;

import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Registry storage in a compacted single-partition Kafka topic, like Confluent's {@code _schemas}: one partition keeps
 * a total order, compaction keeps the latest event per key, acks=all makes an append durable before the API answers.
 */
public final class KafkaSchemaLog implements SchemaLog {

    public static final String DEFAULT_TOPIC = "_wirestream_schemas";

    private final String topic;
    private final Map<String, Object> clientProps;
    private final KafkaProducer<String, String> producer;

    public KafkaSchemaLog(String topic, Map<String, Object> clientProps, int replicationFactor) {
        this.topic = topic;
        this.clientProps = Map.copyOf(clientProps);
        try (Admin admin = Admin.create(this.clientProps)) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(
                    new TopicSpec(topic, 1, (short) replicationFactor, replicationFactor > 1 ? 2 : 1, "compact", null)));
        }
        Map<String, Object> p = new HashMap<>(this.clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(p);
    }

    @Override
    public void replay(BiConsumer<String, String> event) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    event.accept(r.key(), r.value());
                }
            }
        }
    }

    @Override
    public void append(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a schema", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not store schema event in " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
