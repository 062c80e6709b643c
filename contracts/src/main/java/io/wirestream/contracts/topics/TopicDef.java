package io.wirestream.contracts.topics;

import io.wirestream.contracts.serde.WireAvroSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic declared once: name, key and value types (both Avro in the Confluent wire format), and the settings a
 * deployment must give it. Every producer, consumer and Streams app takes its serdes from here.
 *
 * @param cleanupPolicy {@code delete} or {@code compact}
 * @param retention how long records are kept ({@code null}: the broker's default; compacted topics keep the latest per key)
 * @param defaultPartitions partitions when a deployment does not say otherwise
 */
public record TopicDef<K, V>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        String cleanupPolicy,
        Duration retention,
        int defaultPartitions,
        String description) {

    public TopicDef {
        Objects.requireNonNull(name, "name");
        if (!cleanupPolicy.equals("delete") && !cleanupPolicy.equals("compact")) {
            throw new IllegalArgumentException("cleanup policy must be delete or compact: " + cleanupPolicy);
        }
    }

    public Serde<K> keySerde(Map<String, ?> serdeConfig) {
        return WireAvroSerde.of(keyType, serdeConfig, true);
    }

    public Serde<V> valueSerde(Map<String, ?> serdeConfig) {
        return WireAvroSerde.of(valueType, serdeConfig, false);
    }

    public String keySubject() {
        return name + "-key";
    }

    public String valueSubject() {
        return name + "-value";
    }

    public boolean compacted() {
        return cleanupPolicy.equals("compact");
    }
}
